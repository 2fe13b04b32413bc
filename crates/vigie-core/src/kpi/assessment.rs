//! The assessment view: each action of the programme (a project with assessments) at its start,
//! midway and final moments, each moment's statement beside the action's KPIs as the engine computes
//! them as of that moment's date.
//!
//! `assessment` uses `evaluate` only; the statements come from the dataset's `assessments`.

use super::evaluate::{evaluate, IndicatorResult, Options};
use crate::model::{Assessment, Dataset};
use crate::period::Date;
use std::collections::BTreeMap;

/// One moment of an action: what the programme said then, and its indicators as of that date.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentView {
    pub assessment: Assessment,
    /// The action's indicators, in file order, evaluated as of the moment's date.
    pub indicators: Vec<IndicatorResult>,
}

/// An action and its moments, in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionAssessment {
    /// The project's id.
    pub project: String,
    pub moments: Vec<MomentView>,
}

/// The actions with assessments, in the projects' order, or only `only` when given. The dataset is
/// evaluated once per distinct moment date.
pub fn assess(ds: &Dataset, only: Option<&str>) -> Vec<ActionAssessment> {
    let actions: Vec<&str> = ds
        .projects
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| only.is_none_or(|o| o == *id))
        .filter(|id| ds.assessments.iter().any(|a| a.project == *id))
        .collect();
    let mut evaluations = BTreeMap::new();
    for a in ds
        .assessments
        .iter()
        .filter(|a| actions.contains(&a.project.as_str()))
    {
        evaluations
            .entry(a.date)
            .or_insert_with(|| evaluate(ds, &Options::as_of(a.date)));
    }
    actions
        .into_iter()
        .map(|project| ActionAssessment {
            project: project.to_owned(),
            moments: ds
                .assessments_of(project)
                .into_iter()
                .map(|a| MomentView {
                    assessment: a.clone(),
                    indicators: evaluations
                        .get(&a.date)
                        .map(|e| {
                            e.indicators
                                .iter()
                                .filter(|r| r.project == project)
                                .cloned()
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect(),
        })
        .collect()
}

/// The dates of the moments, earliest first (for a summary of the period an assessment covers).
pub fn span(action: &ActionAssessment) -> Option<(Date, Date)> {
    let first = action.moments.first()?.assessment.date;
    let last = action.moments.last()?.assessment.date;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::datapackage::default_dataset;
    use crate::kpi::Status;
    use crate::model::Moment;

    #[test]
    fn each_action_at_its_three_moments_with_its_kpis_as_of_each_date() {
        let ds = default_dataset();
        let all = assess(&ds, None);
        let ids: Vec<&str> = all.iter().map(|a| a.project.as_str()).collect();
        assert_eq!(ids, ["icc1", "icc2", "icc3", "icc4"]);
        for action in &all {
            let moments: Vec<Moment> = action.moments.iter().map(|m| m.assessment.moment).collect();
            assert_eq!(moments, Moment::ALL);
            let n = ds.indicators_of(&action.project).count();
            for m in &action.moments {
                assert_eq!(
                    m.indicators.len(),
                    n,
                    "{} {:?}",
                    action.project,
                    m.assessment.moment
                );
                // Each result is the engine's as of that moment's date.
                for r in &m.indicators {
                    let alone = evaluate(&ds, &Options::as_of(m.assessment.date));
                    assert_eq!(alone.indicator(&r.id), Some(r));
                }
            }
        }
        // icc2: before the challenge no solution was selected; midway the jury's 6 are known.
        let icc2 = assess(&ds, Some("icc2"));
        assert_eq!(icc2.len(), 1);
        let selected = |m: &MomentView| {
            m.indicators
                .iter()
                .find(|r| r.id == "icc2-solutions-selected")
                .map(|r| (r.current.map(|c| c.value), r.status))
        };
        assert_eq!(selected(&icc2[0].moments[0]), Some((None, Status::NoData)));
        assert_eq!(selected(&icc2[0].moments[1]).and_then(|s| s.0), Some(6.0));
        let (start, end) = span(&icc2[0]).unwrap();
        assert!(start < end);
        // A project without assessments, or an unknown one, has none.
        assert!(assess(&ds, Some("a1-skills")).is_empty());
        assert!(assess(&ds, Some("nope")).is_empty());
    }
}
