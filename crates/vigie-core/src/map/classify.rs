//! Value classes of a choropleth: quantiles (each class holds about as many territories), at most
//! five, fewer when there are fewer distinct values; each class a colour of one sequential scale
//! (light for low values, dark for high), and a colour apart for a territory without a value.

/// Light to dark (ColorBrewer's YlGnBu), for one to five classes: the first `n` of a scale chosen
/// for `n`, so that two classes are not two nearly equal tints.
const SCALES: [&[&str]; 5] = [
    &["#2c7fb8"],
    &["#a1dab4", "#225ea8"],
    &["#edf8b1", "#7fcdbb", "#2c7fb8"],
    &["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    &["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
];

/// The fill of a territory the data has no value for.
pub const NO_DATA: &str = "#e3e3e3";

/// The classes of a set of values: class `i` runs from `bounds[i]` up to (not including)
/// `bounds[i + 1]`, the last one up to and including the last bound, the largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    pub bounds: Vec<f64>,
}

impl Classes {
    /// Quantile classes of the finite `values` (at most `max`, at least one); `None` without any.
    pub fn quantiles(values: &[f64], max: usize) -> Option<Classes> {
        let mut v: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let mut distinct = v.clone();
        distinct.dedup();
        let k = max.clamp(1, 5).min(distinct.len());
        // Each class's lower bound, rising strictly: a quantile that repeats the last bound gives
        // way to the next larger value, so that a value shared by many territories is one class.
        let mut bounds = vec![v[0]];
        for i in 1..k {
            let last = *bounds.last().unwrap();
            let q = v[(i * v.len()) / k];
            let q = if q > last {
                q
            } else {
                match distinct.iter().find(|x| **x > last) {
                    Some(x) => *x,
                    None => break,
                }
            };
            bounds.push(q);
        }
        bounds.push(*v.last().unwrap());
        Some(Classes { bounds })
    }

    /// How many classes.
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// True without any class.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The class of `v`: the last class whose lower bound it reaches (values beyond the bounds
    /// go to the first or last class).
    pub fn class_of(&self, v: f64) -> usize {
        let lower = &self.bounds[..self.len()];
        lower.iter().skip(1).filter(|b| v >= **b).count()
    }

    /// The fill of class `i`.
    pub fn color(&self, i: usize) -> &'static str {
        let scale = SCALES[self.len().clamp(1, 5) - 1];
        scale[i.min(scale.len() - 1)]
    }

    /// The fewest decimals, at most `max`, that still tell the bounds apart once rounded: the
    /// legend of classes of billions needs none.
    pub fn decimals(&self, max: u8) -> u8 {
        (0..=max)
            .find(|&d| {
                let f = 10f64.powi(i32::from(d));
                self.bounds
                    .windows(2)
                    .all(|w| w[0] == w[1] || (w[0] * f).round() != (w[1] * f).round())
            })
            .unwrap_or(max)
    }

    /// The lower and upper bound of class `i`.
    pub fn range(&self, i: usize) -> (f64, f64) {
        (self.bounds[i], self.bounds[i + 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_share_the_territories_out_and_every_value_has_one_class() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        let c = Classes::quantiles(&values, 5).unwrap();
        assert_eq!(c.bounds, [1.0, 3.0, 5.0, 7.0, 9.0, 10.0]);
        assert_eq!(c.len(), 5);
        let classes: Vec<usize> = values.iter().map(|v| c.class_of(*v)).collect();
        assert_eq!(classes, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
        for (i, v) in values.iter().enumerate() {
            let (lo, hi) = c.range(classes[i]);
            assert!(
                lo <= *v && (*v < hi || (classes[i] == 4 && *v == hi)),
                "{v} in {lo}..{hi}"
            );
        }
        assert_eq!(c.color(0), "#ffffcc");
        assert_eq!(c.decimals(6), 0);
        let fine = Classes::quantiles(&[3.41, 3.44, 4.9, 5.3], 3).unwrap();
        assert_eq!(fine.decimals(6), 2, "{:?}", fine.bounds);
        assert_eq!(fine.decimals(1), 1, "never more than the data's precision");
        assert_eq!(c.color(4), "#253494");
    }

    #[test]
    fn few_distinct_values_make_few_classes() {
        let c = Classes::quantiles(&[2.0, 2.0, 2.0], 5).unwrap();
        assert_eq!((c.len(), c.class_of(2.0)), (1, 0));
        let c = Classes::quantiles(&[1.0, 1.0, 1.0, 1.0, 9.0], 5).unwrap();
        assert_eq!(c.bounds, [1.0, 9.0, 9.0]);
        assert_eq!((c.class_of(1.0), c.class_of(9.0)), (0, 1));
        let c = Classes::quantiles(&[1.0, 5.0], 5).unwrap();
        assert_eq!((c.len(), c.class_of(1.0), c.class_of(5.0)), (2, 0, 1));
        assert_eq!(c.color(1), "#225ea8");
        assert_eq!(Classes::quantiles(&[f64::NAN], 5), None);
        // A value beyond the bounds (another date's) still gets the nearest class.
        assert_eq!(c.class_of(-3.0), 0);
        assert_eq!(c.class_of(50.0), 1);
    }
}
