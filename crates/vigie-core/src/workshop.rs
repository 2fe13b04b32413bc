//! Workshop mode's logic: values typed in the room (kept apart from imported data, with their date,
//! undoable), "what if" scenarios on targets (never touching published figures), and the one file a
//! facilitator sends back, whose import lists conflicts instead of applying them silently; and the
//! state of the workshop page's forms (`EntryForm`, `WhatIfForm`, `ConflictChoices`) with plain methods,
//! so the page only wires signals.

use crate::model::{Dataset, Observation, Provenance};
use crate::period::{Date, Period};
use serde::{Deserialize, Serialize};

/// One value typed in a workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub indicator: String,
    pub period: Period,
    /// `None` clears a value typed earlier.
    pub value: Option<f64>,
    /// The day it was typed.
    pub entered_at: Date,
    #[serde(default)]
    pub note: String,
}

impl Entry {
    /// The entry as an observation, marked as typed by hand on its date.
    pub fn to_observation(&self) -> Observation {
        let mark = format!(
            "saisi à la main le {} / entered by hand on {}",
            self.entered_at, self.entered_at
        );
        let note = if self.note.is_empty() {
            mark
        } else {
            format!("{} — {mark}", self.note)
        };
        Observation {
            indicator: self.indicator.clone(),
            period: self.period,
            value: self.value,
            provenance: Provenance::Illustrative,
            note,
            series: None,
            flag: String::new(),
        }
    }
}

/// The entries of a workshop with their undo history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entries {
    pub entries: Vec<Entry>,
    #[serde(skip)]
    undo: Vec<Vec<Entry>>,
}

impl Entries {
    /// Starts from saved entries (no undo history).
    pub fn new(entries: Vec<Entry>) -> Entries {
        Entries {
            entries,
            undo: Vec::new(),
        }
    }

    /// Sets the value of an indicator at a period, replacing an earlier entry for the same pair.
    /// Consecutive edits of the same pair (keystrokes) make one undo step.
    pub fn set(&mut self, entry: Entry) {
        let same_as_last = self.undo.last().is_some_and(|prev| {
            let changed: Vec<&Entry> = self.entries.iter().filter(|e| !prev.contains(e)).collect();
            changed.len() == 1
                && changed[0].indicator == entry.indicator
                && changed[0].period == entry.period
        });
        if !same_as_last {
            self.undo.push(self.entries.clone());
        }
        match self
            .entries
            .iter_mut()
            .find(|e| e.indicator == entry.indicator && e.period == entry.period)
        {
            Some(e) => *e = entry,
            None => self.entries.push(entry),
        }
    }

    /// Removes the entry of a pair.
    pub fn remove(&mut self, indicator: &str, period: Period) {
        if self
            .entries
            .iter()
            .any(|e| e.indicator == indicator && e.period == period)
        {
            self.undo.push(self.entries.clone());
            self.entries
                .retain(|e| !(e.indicator == indicator && e.period == period));
        }
    }

    /// Goes back one step; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(prev) => {
                self.entries = prev;
                true
            }
            None => false,
        }
    }

    /// True when `undo` would change something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// The dataset with the entries laid over it (an entry replaces an imported value of the same
    /// indicator and period); the imported dataset itself is not changed.
    pub fn apply(&self, base: &Dataset) -> Dataset {
        let mut ds = base.clone();
        ds.observations.retain(|o| {
            !self
                .entries
                .iter()
                .any(|e| e.indicator == o.indicator && e.period == o.period)
        });
        ds.observations.extend(
            self.entries
                .iter()
                .filter(|e| base.indicator(&e.indicator).is_some())
                .map(Entry::to_observation),
        );
        ds.sort_observations();
        ds
    }
}

/// Another target for one indicator in a scenario; `None` keeps the published one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetChange {
    pub indicator: String,
    pub value: Option<f64>,
    pub period: Option<Period>,
}

/// A named "what if".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub changes: Vec<TargetChange>,
}

impl Scenario {
    /// Sets (or replaces) the change for an indicator.
    pub fn set(&mut self, change: TargetChange) {
        self.changes.retain(|c| c.indicator != change.indicator);
        if change.value.is_some() || change.period.is_some() {
            self.changes.push(change);
        }
    }

    /// The dataset as the scenario sees it: a copy with the targets changed. Indicators without a
    /// published target get one only when both value and period are given.
    pub fn apply(&self, base: &Dataset) -> Dataset {
        let mut ds = base.clone();
        for c in &self.changes {
            let Some(ind) = ds.indicators.iter_mut().find(|i| i.id == c.indicator) else {
                continue;
            };
            match ind.target.as_mut() {
                Some(t) => {
                    if let Some(v) = c.value {
                        t.value = v;
                    }
                    if let Some(p) = c.period {
                        t.period = p;
                    }
                    t.provenance = Provenance::Illustrative;
                }
                None => {
                    if let (Some(value), Some(period)) = (c.value, c.period) {
                        ind.target = Some(crate::model::Milestone {
                            value,
                            period,
                            provenance: Provenance::Illustrative,
                        });
                    }
                }
            }
        }
        ds
    }
}

/// The file a workshop hands back: its entries and scenarios for one dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopFile {
    /// Always "vigie-workshop".
    pub format: String,
    pub version: u32,
    pub dataset: String,
    pub exported_at: Date,
    pub entries: Vec<Entry>,
    pub scenarios: Vec<Scenario>,
}

/// Why a workshop file cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WorkshopFileError {
    #[error("{file}:{line}:{column}: expected a Vigie workshop file (JSON): {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: expected `format` \"vigie-workshop\" version 1, found `{found}`")]
    NotWorkshop { file: String, found: String },
    #[error(
        "{file}: entry {index} names indicator `{indicator}`, which the dataset does not have"
    )]
    UnknownIndicator {
        file: String,
        index: usize,
        indicator: String,
    },
}

/// Writes the workshop file (pretty JSON, stable order).
pub fn export(
    dataset: &str,
    exported_at: Date,
    entries: &Entries,
    scenarios: &[Scenario],
) -> String {
    let file = WorkshopFile {
        format: "vigie-workshop".into(),
        version: 1,
        dataset: dataset.into(),
        exported_at,
        entries: entries.entries.clone(),
        scenarios: scenarios.to_vec(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a workshop file and checks its indicators against the dataset.
pub fn import(file: &str, text: &str, ds: &Dataset) -> Result<WorkshopFile, WorkshopFileError> {
    let wf: WorkshopFile = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .map_err(|e| WorkshopFileError::Json {
            file: file.into(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    if wf.format != "vigie-workshop" || wf.version != 1 {
        return Err(WorkshopFileError::NotWorkshop {
            file: file.into(),
            found: format!("{} {}", wf.format, wf.version),
        });
    }
    if let Some((index, e)) = wf
        .entries
        .iter()
        .enumerate()
        .find(|(_, e)| ds.indicator(&e.indicator).is_none())
    {
        return Err(WorkshopFileError::UnknownIndicator {
            file: file.into(),
            index: index + 1,
            indicator: e.indicator.clone(),
        });
    }
    Ok(wf)
}

/// An incoming entry whose indicator and period already have a different value here.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub mine: Entry,
    pub theirs: Entry,
}

/// Splits incoming entries into those that apply cleanly (new pairs or the same value) and conflicts.
pub fn merge_plan(mine: &Entries, incoming: &[Entry]) -> (Vec<Entry>, Vec<Conflict>) {
    let mut clean = Vec::new();
    let mut conflicts = Vec::new();
    for theirs in incoming {
        match mine
            .entries
            .iter()
            .find(|e| e.indicator == theirs.indicator && e.period == theirs.period)
        {
            Some(m) if m.value != theirs.value => conflicts.push(Conflict {
                mine: m.clone(),
                theirs: theirs.clone(),
            }),
            Some(_) => {}
            None => clean.push(theirs.clone()),
        }
    }
    (clean, conflicts)
}

/// What is wrong with the entry form's text (the page says it in its language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryError {
    /// The period is not a period Vigie reads (`2024`, `2024-Q2`, `2024-03`…).
    BadPeriod,
    /// The value is not a number.
    BadValue,
}

/// The entry form of the workshop page, as typed: which indicator, which period, which value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryForm {
    pub indicator: String,
    pub period: String,
    pub value: String,
}

/// What the entry form asks for once read.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryAction {
    /// Keep this value for the indicator and period.
    Set(Entry),
    /// The value was emptied: forget the entry for this indicator and period.
    Remove { indicator: String, period: Period },
}

impl EntryForm {
    /// Reads the form as of `today`: an entry to keep, one to forget (empty value), or what is wrong.
    pub fn read(&self, today: Date) -> Result<EntryAction, EntryError> {
        let period = Period::parse(&self.period).map_err(|_| EntryError::BadPeriod)?;
        if self.value.trim().is_empty() {
            return Ok(EntryAction::Remove {
                indicator: self.indicator.clone(),
                period,
            });
        }
        let value = crate::format::typed_number(&self.value).ok_or(EntryError::BadValue)?;
        Ok(EntryAction::Set(Entry {
            indicator: self.indicator.clone(),
            period,
            value: Some(value),
            entered_at: today,
            note: String::new(),
        }))
    }
}

/// The "what if" form: a draft scenario being built, the change typed for one indicator, and the
/// name the person gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WhatIfForm {
    pub draft: Scenario,
    pub indicator: String,
    pub value: String,
    pub period: String,
    pub name: String,
}

impl WhatIfForm {
    /// The change typed for the chosen indicator (value and date each ignored when unreadable).
    pub fn change(&self) -> TargetChange {
        TargetChange {
            indicator: self.indicator.clone(),
            value: crate::format::typed_number(&self.value),
            period: Period::parse(&self.period).ok(),
        }
    }

    /// The draft with the typed change in it: what the page compares with the published targets.
    pub fn scenario(&self) -> Scenario {
        let mut s = self.draft.clone();
        s.set(self.change());
        s
    }

    /// The scenario to keep, named as typed or with `default_name` when the name is blank; `None`
    /// when it changes nothing. Clears the form for the next one.
    pub fn keep(&mut self, default_name: String) -> Option<Scenario> {
        let mut s = self.scenario();
        if s.changes.is_empty() {
            return None;
        }
        s.name = if self.name.trim().is_empty() {
            default_name
        } else {
            self.name.trim().to_owned()
        };
        let indicator = std::mem::take(&mut self.indicator);
        *self = WhatIfForm {
            indicator,
            ..WhatIfForm::default()
        };
        Some(s)
    }

    /// Forgets the draft and the typed change, keeping the chosen indicator.
    pub fn discard(&mut self) {
        self.draft = Scenario::default();
        self.value.clear();
        self.period.clear();
    }
}

/// The conflicts of an imported workshop file, each with the person's choice (`true`: take theirs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConflictChoices(pub Vec<(Conflict, bool)>);

impl ConflictChoices {
    /// Every conflict, mine kept until the person chooses.
    pub fn new(conflicts: Vec<Conflict>) -> Self {
        ConflictChoices(conflicts.into_iter().map(|c| (c, false)).collect())
    }

    /// Chooses for conflict `i` (ignored when out of range).
    pub fn choose(&mut self, i: usize, theirs: bool) {
        if let Some(c) = self.0.get_mut(i) {
            c.1 = theirs;
        }
    }

    /// The entries to apply: theirs where chosen; mine stay as they are.
    pub fn chosen(&self) -> Vec<Entry> {
        self.0
            .iter()
            .filter(|(_, theirs)| *theirs)
            .map(|(c, _)| c.theirs.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_entry_form_reads_typed_values_and_says_what_is_wrong() {
        let today = Date::new(2026, 3, 4).unwrap();
        let form = |period: &str, value: &str| EntryForm {
            indicator: "a".into(),
            period: period.into(),
            value: value.into(),
        };
        match form("2025", "1 234,5").read(today) {
            Ok(EntryAction::Set(e)) => {
                assert_eq!(e.value, Some(1234.5));
                assert_eq!(e.period, Period::parse("2025").unwrap());
                assert_eq!(e.entered_at, today);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            form("2025", "  ").read(today),
            Ok(EntryAction::Remove {
                indicator: "a".into(),
                period: Period::parse("2025").unwrap()
            })
        );
        assert_eq!(
            form("l'an dernier", "3").read(today),
            Err(EntryError::BadPeriod)
        );
        assert_eq!(form("2025", "trois").read(today), Err(EntryError::BadValue));
        assert_eq!(form("2025", "inf").read(today), Err(EntryError::BadValue));
    }

    #[test]
    fn the_what_if_form_keeps_named_scenarios_and_clears_itself() {
        let mut f = WhatIfForm {
            indicator: "a".into(),
            value: "120".into(),
            period: "2028".into(),
            ..WhatIfForm::default()
        };
        assert_eq!(f.scenario().changes.len(), 1);
        let kept = f.keep("Scénario 1".into()).unwrap();
        assert_eq!(kept.name, "Scénario 1");
        assert_eq!(kept.changes[0].value, Some(120.0));
        assert_eq!(kept.changes[0].period, Period::parse("2028").ok());
        assert_eq!(f.indicator, "a", "the chosen indicator stays");
        assert!(f.value.is_empty() && f.draft.changes.is_empty());
        // Nothing typed: nothing kept.
        assert_eq!(f.keep("x".into()), None);
        f.value = "5".into();
        f.name = "  Plan B ".into();
        assert_eq!(f.keep("x".into()).unwrap().name, "Plan B");
        f.value = "7".into();
        f.draft = f.scenario();
        f.discard();
        assert!(f.draft.changes.is_empty() && f.value.is_empty());
    }

    #[test]
    fn conflict_choices_apply_only_what_was_taken() {
        let entry = |v: f64| Entry {
            indicator: "a".into(),
            period: Period::parse("2024").unwrap(),
            value: Some(v),
            entered_at: Date::new(2024, 1, 1).unwrap(),
            note: String::new(),
        };
        let c = |m: f64, t: f64| Conflict {
            mine: entry(m),
            theirs: entry(t),
        };
        let mut choices = ConflictChoices::new(vec![c(1.0, 2.0), c(3.0, 4.0)]);
        assert!(choices.chosen().is_empty(), "mine are kept until a choice");
        choices.choose(1, true);
        choices.choose(9, true);
        assert_eq!(choices.chosen(), vec![entry(4.0)]);
    }

    use super::*;
    use crate::ingest::datapackage::default_dataset;

    const DAY: Date = Date {
        year: 2026,
        month: 11,
        day: 26,
    };

    fn entry(ind: &str, period: &str, value: f64) -> Entry {
        Entry {
            indicator: ind.into(),
            period: Period::parse(period).unwrap(),
            value: Some(value),
            entered_at: DAY,
            note: String::new(),
        }
    }

    #[test]
    fn entries_overlay_imported_values_and_keystrokes_undo_as_one_step() {
        let ds = default_dataset();
        let mut e = Entries::default();
        e.set(entry("icc1-questionnaires", "2023", 3.0));
        e.set(entry("icc1-questionnaires", "2023", 34.0));
        e.set(entry("icc4-attendance", "2022", 41.0));
        let over = e.apply(&ds);
        assert_eq!(
            over.latest("icc1-questionnaires").and_then(|o| o.value),
            Some(34.0)
        );
        assert_eq!(
            over.observations_of("icc4-attendance")
                .iter()
                .find(|o| o.period == Period::Year(2022))
                .and_then(|o| o.value),
            Some(41.0)
        );
        assert!(over
            .latest("icc1-questionnaires")
            .unwrap()
            .note
            .contains("2026-11-26"));
        assert_eq!(
            ds.latest("icc1-questionnaires").and_then(|o| o.value),
            Some(27.0),
            "imported data untouched"
        );
        assert!(e.undo());
        assert_eq!(e.entries.len(), 1, "the attendance entry is undone");
        assert!(e.undo());
        assert!(
            e.entries.is_empty(),
            "both keystrokes of the questionnaires entry undo together"
        );
        assert!(!e.undo());
    }

    #[test]
    fn a_scenario_moves_a_target_without_touching_the_dataset() {
        let ds = default_dataset();
        let mut s = Scenario {
            name: "2028".into(),
            ..Scenario::default()
        };
        s.set(TargetChange {
            indicator: "a1-people-reached".into(),
            value: None,
            period: Some(Period::Year(2028)),
        });
        let what_if = s.apply(&ds);
        assert_eq!(
            what_if
                .indicator("a1-people-reached")
                .unwrap()
                .target
                .unwrap()
                .period,
            Period::Year(2028)
        );
        assert_eq!(
            ds.indicator("a1-people-reached")
                .unwrap()
                .target
                .unwrap()
                .period,
            Period::Year(2030)
        );
        s.set(TargetChange {
            indicator: "a1-people-reached".into(),
            value: None,
            period: None,
        });
        assert!(
            s.changes.is_empty(),
            "clearing both fields removes the change"
        );
    }

    #[test]
    fn export_import_round_trips_and_conflicts_are_listed() {
        let ds = default_dataset();
        let mut mine = Entries::default();
        mine.set(entry("icc1-questionnaires", "2023", 34.0));
        let scenarios = vec![Scenario {
            name: "x".into(),
            changes: vec![],
        }];
        let text = export("default", DAY, &mine, &scenarios);
        let back = import("atelier.json", &text, &ds).unwrap();
        assert_eq!(back.entries, mine.entries);
        assert_eq!(back.scenarios, scenarios);
        let theirs = vec![
            entry("icc1-questionnaires", "2023", 35.0),
            entry("icc4-attendance", "2023", 38.0),
            entry("icc1-questionnaires", "2023", 34.0),
        ];
        let (clean, conflicts) = merge_plan(&mine, &theirs);
        assert_eq!(clean.len(), 1);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].theirs.value, Some(35.0));
    }

    #[test]
    fn import_refuses_other_files_with_a_located_message() {
        let ds = default_dataset();
        let e = import("x.json", "{\n  \"format\": 3,", &ds).unwrap_err();
        assert!(matches!(e, WorkshopFileError::Json { line: 2, .. }), "{e}");
        let other = r#"{"format":"other","version":1,"dataset":"d","exported_at":{"year":2026,"month":1,"day":1},"entries":[],"scenarios":[]}"#;
        assert!(import("x.json", other, &ds)
            .unwrap_err()
            .to_string()
            .contains("vigie-workshop"));
        let unknown = other.replace("\"other\"", "\"vigie-workshop\"").replace(
            "\"entries\":[]",
            r#""entries":[{"indicator":"nope","period":{"Year":2023},"value":1.0,"entered_at":{"year":2026,"month":1,"day":1}}]"#,
        );
        assert_eq!(
            import("x.json", &unknown, &ds).unwrap_err().to_string(),
            "x.json: entry 1 names indicator `nope`, which the dataset does not have"
        );
    }
}
