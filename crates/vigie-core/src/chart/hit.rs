//! Hit-testing: from a pointer position in pixels to the nearest drawn point.

/// A point as drawn: its pixel position and which series and index it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawnPoint {
    pub px: f64,
    pub py: f64,
    pub series: usize,
    pub index: usize,
}

/// The drawn point nearest to `(x, y)` within `radius` pixels, preferring horizontal closeness
/// (a tooltip follows the cursor along time): distance is measured with y weighted by `y_weight`
/// (1.0 for plain Euclidean distance). `points` must be sorted by `px`.
pub fn nearest(
    points: &[DrawnPoint],
    (x, y): (f64, f64),
    radius: f64,
    y_weight: f64,
) -> Option<DrawnPoint> {
    if points.is_empty() || !x.is_finite() || !y.is_finite() {
        return None;
    }
    let start = points.partition_point(|p| p.px < x - radius);
    let end = points.partition_point(|p| p.px <= x + radius);
    let mut best: Option<(f64, DrawnPoint)> = None;
    for p in &points[start..end] {
        let (dx, dy) = (p.px - x, (p.py - y) * y_weight);
        let d2 = dx * dx + dy * dy;
        if d2 <= radius * radius && best.is_none_or(|(b, _)| d2 < b) {
            best = Some((d2, *p));
        }
    }
    best.map(|(_, p)| p)
}

/// The index of the point to focus after a key press: `step` of −1 or +1 moves along the sorted points,
/// clamped at the ends; `None` starts at the first (or last, going back) point.
pub fn step_focus(len: usize, current: Option<usize>, step: isize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match current {
        None if step < 0 => len - 1,
        None => 0,
        Some(i) => (i as isize + step).clamp(0, len as isize - 1) as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts() -> Vec<DrawnPoint> {
        [(10.0, 100.0), (50.0, 20.0), (52.0, 80.0), (90.0, 50.0)]
            .iter()
            .enumerate()
            .map(|(i, &(px, py))| DrawnPoint {
                px,
                py,
                series: 0,
                index: i,
            })
            .collect()
    }

    #[test]
    fn finds_the_nearest_point_within_the_radius() {
        let p = pts();
        assert_eq!(
            nearest(&p, (12.0, 95.0), 20.0, 1.0).map(|d| d.index),
            Some(0)
        );
        assert_eq!(
            nearest(&p, (51.0, 75.0), 20.0, 1.0).map(|d| d.index),
            Some(2)
        );
        assert_eq!(
            nearest(&p, (51.0, 25.0), 20.0, 1.0).map(|d| d.index),
            Some(1)
        );
        assert_eq!(nearest(&p, (70.0, 300.0), 20.0, 1.0), None);
        assert_eq!(nearest(&[], (1.0, 1.0), 20.0, 1.0), None);
        assert_eq!(nearest(&p, (f64::NAN, 1.0), 20.0, 1.0), None);
    }

    #[test]
    fn a_small_y_weight_follows_the_cursor_along_time() {
        let p = pts();
        // Far above every point, but horizontally at 88: the point at x = 90 wins.
        assert_eq!(
            nearest(&p, (88.0, 0.0), 40.0, 0.05).map(|d| d.index),
            Some(3)
        );
    }

    #[test]
    fn keyboard_steps_clamp_at_the_ends() {
        assert_eq!(step_focus(4, None, 1), Some(0));
        assert_eq!(step_focus(4, None, -1), Some(3));
        assert_eq!(step_focus(4, Some(3), 1), Some(3));
        assert_eq!(step_focus(4, Some(0), -1), Some(0));
        assert_eq!(step_focus(4, Some(1), 1), Some(2));
        assert_eq!(step_focus(0, Some(1), 1), None);
    }
}
