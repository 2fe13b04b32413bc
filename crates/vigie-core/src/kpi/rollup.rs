//! Roll-ups of indicators into a project, an axis, a kind or the whole programme: weighted mean of
//! capped progress rates, counts by status, progress of collection, overdue indicators, and the list
//! of what was left out of the mean and why.
//!
//! Progress = Σ(wᵢ × TAᵢ) / Σwᵢ over the indicators that have a progress rate and a valid weight;
//! TAᵢ is capped to [0, 100] and wᵢ is the indicator's weight (1 when the file gives none). An
//! indicator without a rate or with a weight that is not a positive number is left out of the mean,
//! and listed in `left_out` with the reason; it still counts in the statuses and the collection.

use super::explain::{num, pct, Formula};
use super::trajectory::Status;
use crate::lang::Lang;
use crate::model::{Kind, Text};
use serde::Serialize;

/// What a roll-up covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "scope", content = "id", rename_all = "snake_case")]
pub enum Scope {
    Programme,
    Axis(String),
    Project(String),
    Kind(Kind),
}

/// Why an indicator is not in a roll-up's mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    NoBaseline,
    NoTarget,
    NoData,
    /// The baseline equals the target, so the rate is undefined.
    UndefinedRate,
    /// The weight is zero, negative or not a number.
    InvalidWeight,
}

impl LeftOutReason {
    /// The reason as shown to a person.
    pub fn label(self) -> Text {
        let (fr, en) = match self {
            LeftOutReason::NoBaseline => ("pas de valeur initiale", "no baseline"),
            LeftOutReason::NoTarget => ("pas de cible", "no target"),
            LeftOutReason::NoData => ("pas de donnée", "no data"),
            LeftOutReason::UndefinedRate => (
                "taux indéfini (valeur initiale = cible)",
                "undefined rate (baseline = target)",
            ),
            LeftOutReason::InvalidWeight => ("poids invalide", "invalid weight"),
        };
        Text::new(fr, en)
    }
}

/// One indicator left out of a roll-up's mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    pub indicator: String,
    pub reason: LeftOutReason,
}

/// What a roll-up needs of one indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member<'a> {
    pub id: &'a str,
    pub weight: f64,
    /// The progress rate, or why there is none.
    pub rate: Result<f64, LeftOutReason>,
    pub status: Status,
    pub informed: bool,
    pub overdue: bool,
}

/// Indicators per status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub target_achieved: usize,
    pub on_track: usize,
    pub at_risk: usize,
    pub off_track: usize,
    pub no_data: usize,
    pub not_assessable: usize,
}

impl StatusCounts {
    /// Counts one more indicator of a status.
    pub fn add(&mut self, s: Status) {
        match s {
            Status::TargetAchieved => self.target_achieved += 1,
            Status::OnTrack => self.on_track += 1,
            Status::AtRisk => self.at_risk += 1,
            Status::OffTrack => self.off_track += 1,
            Status::NoData => self.no_data += 1,
            Status::NotAssessable => self.not_assessable += 1,
        }
    }

    /// The count of a status.
    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::TargetAchieved => self.target_achieved,
            Status::OnTrack => self.on_track,
            Status::AtRisk => self.at_risk,
            Status::OffTrack => self.off_track,
            Status::NoData => self.no_data,
            Status::NotAssessable => self.not_assessable,
        }
    }
}

/// A roll-up with its inputs and formulas.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    pub scope: Scope,
    /// The weighted mean of capped progress rates; `None` when no indicator has a rate.
    pub progress: Option<f64>,
    /// Σwᵢ over the indicators in the mean.
    pub weight_total: f64,
    /// Indicators in the mean.
    pub included: usize,
    /// Indicators chosen (all the roll-up covers).
    pub chosen: usize,
    /// Indicators with at least one value (see `collection`).
    pub informed: usize,
    pub counts: StatusCounts,
    /// Ids of overdue indicators.
    pub overdue: Vec<String>,
    pub left_out: Vec<LeftOut>,
    /// The weighted mean with the numbers put in (the first terms, then "…").
    pub formula: Formula,
    /// "12 of 20 indicators informed".
    pub collection: Formula,
}

/// Terms written out in a roll-up formula before "…".
const SHOWN_TERMS: usize = 8;

/// Rolls up `members` into one figure for `scope`.
pub fn rollup(scope: Scope, members: &[Member<'_>]) -> Rollup {
    let mut counts = StatusCounts::default();
    let (mut sum, mut weight_total, mut included, mut informed) = (0.0, 0.0, 0, 0);
    let mut overdue = Vec::new();
    let mut left_out = Vec::new();
    let mut terms: Vec<(f64, f64)> = Vec::new();
    for m in members {
        counts.add(m.status);
        informed += usize::from(m.informed);
        if m.overdue {
            overdue.push(m.id.to_owned());
        }
        let rate = match m.rate {
            Ok(_) if !(m.weight.is_finite() && m.weight > 0.0) => Err(LeftOutReason::InvalidWeight),
            other => other,
        };
        match rate {
            Ok(r) => {
                let r = r.clamp(0.0, 100.0);
                sum += m.weight * r;
                weight_total += m.weight;
                included += 1;
                if terms.len() < SHOWN_TERMS {
                    terms.push((m.weight, r));
                }
            }
            Err(reason) => left_out.push(LeftOut {
                indicator: m.id.to_owned(),
                reason,
            }),
        }
    }
    let progress = (included > 0).then(|| sum / weight_total);
    let chosen = members.len();
    let formula = Formula::new(
        "progression = Σ(poids × TA) / Σ(poids)",
        "progress = Σ(weight × TA) / Σ(weight)",
        move |l| match progress {
            None => match l {
                Lang::Fr => "aucun indicateur avec un taux".to_owned(),
                Lang::En => "no indicator with a rate".to_owned(),
            },
            Some(p) => {
                let mut t: Vec<String> = terms
                    .iter()
                    .map(|(w, r)| format!("{} × {}", num(*w, 2, l), num(*r, 1, l)))
                    .collect();
                if included > terms.len() {
                    t.push("…".to_owned());
                }
                format!(
                    "({}) / {} = {}",
                    t.join(" + "),
                    num(weight_total, 2, l),
                    pct(p, l)
                )
            }
        },
    );
    let collection = Formula::new(
        "indicateurs renseignés / indicateurs choisis",
        "indicators informed / indicators chosen",
        move |l| match l {
            Lang::Fr => format!("{informed} indicateurs renseignés sur {chosen}"),
            Lang::En => format!("{informed} of {chosen} indicators informed"),
        },
    );
    Rollup {
        scope,
        progress,
        weight_total,
        included,
        chosen,
        informed,
        counts,
        overdue,
        left_out,
        formula,
        collection,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, weight: f64, rate: Result<f64, LeftOutReason>, status: Status) -> Member<'_> {
        Member {
            id,
            weight,
            rate,
            status,
            informed: rate.is_ok(),
            overdue: false,
        }
    }

    #[test]
    fn weighted_mean_of_rates() {
        let members = [
            m("a", 1.0, Ok(60.0), Status::OnTrack),
            m("b", 2.0, Ok(30.0), Status::AtRisk),
            m(
                "c",
                1.0,
                Err(LeftOutReason::NoTarget),
                Status::NotAssessable,
            ),
        ];
        let r = rollup(Scope::Programme, &members);
        assert_eq!(r.progress, Some(40.0));
        assert_eq!((r.included, r.chosen, r.informed), (2, 3, 2));
        assert_eq!(r.counts.on_track, 1);
        assert_eq!(r.counts.get(Status::AtRisk), 1);
        assert_eq!(
            r.left_out,
            vec![LeftOut {
                indicator: "c".into(),
                reason: LeftOutReason::NoTarget
            }]
        );
        assert_eq!(r.formula.numeric().en, "(1 × 60 + 2 × 30) / 3 = 40%");
        assert_eq!(r.collection.numeric().en, "2 of 3 indicators informed");
        assert_eq!(r.collection.numeric().fr, "2 indicateurs renseignés sur 3");
    }

    #[test]
    fn invalid_weights_are_left_out_and_rates_capped() {
        let members = [
            m("a", 0.0, Ok(60.0), Status::OnTrack),
            m("b", f64::NAN, Ok(60.0), Status::OnTrack),
            m("c", 1.0, Ok(150.0), Status::TargetAchieved),
        ];
        let r = rollup(Scope::Axis("x".into()), &members);
        assert_eq!(r.progress, Some(100.0));
        assert_eq!(r.left_out.len(), 2);
        assert!(r
            .left_out
            .iter()
            .all(|l| l.reason == LeftOutReason::InvalidWeight));
    }

    #[test]
    fn nothing_to_average_gives_no_progress() {
        let r = rollup(Scope::Kind(Kind::Input), &[]);
        assert_eq!(r.progress, None);
        assert_eq!(r.formula.numeric().en, "no indicator with a rate");
        let json = serde_json::to_string(&r.scope).unwrap();
        assert_eq!(json, r#"{"scope":"kind","id":"Input"}"#);
    }

    #[test]
    fn long_sums_are_shortened() {
        let ids: Vec<String> = (0..20).map(|i| format!("i{i}")).collect();
        let members: Vec<Member> = ids
            .iter()
            .map(|id| m(id, 1.0, Ok(50.0), Status::OnTrack))
            .collect();
        let r = rollup(Scope::Programme, &members);
        assert_eq!(r.progress, Some(50.0));
        assert!(r.formula.numeric().en.contains("+ …) / 20 = 50%"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn a_rollup_of_identical_indicators_equals_the_indicator(
                rate in 0.0f64..=100.0, weight in 0.001f64..1e3, n in 1usize..50
            ) {
                let ids: Vec<String> = (0..n).map(|i| format!("i{i}")).collect();
                let members: Vec<Member> = ids
                    .iter()
                    .map(|id| m(id, weight, Ok(rate), Status::OnTrack))
                    .collect();
                let r = rollup(Scope::Programme, &members);
                prop_assert!((r.progress.unwrap() - rate).abs() <= 1e-9 * rate.max(1.0));
                prop_assert_eq!(r.counts.on_track, n);
            }

            #[test]
            fn a_rollup_lies_between_its_smallest_and_largest_rate(
                rates in proptest::collection::vec((0.0f64..=100.0, 0.01f64..10.0), 1..30)
            ) {
                let ids: Vec<String> = (0..rates.len()).map(|i| format!("i{i}")).collect();
                let members: Vec<Member> = ids
                    .iter()
                    .zip(&rates)
                    .map(|(id, (r, w))| m(id, *w, Ok(*r), Status::AtRisk))
                    .collect();
                let p = rollup(Scope::Programme, &members).progress.unwrap();
                let lo = rates.iter().map(|x| x.0).fold(f64::INFINITY, f64::min);
                let hi = rates.iter().map(|x| x.0).fold(f64::NEG_INFINITY, f64::max);
                prop_assert!(p >= lo - 1e-9 && p <= hi + 1e-9);
            }
        }
    }
}
