//! Workshop mode's logic: values typed in the room (kept apart from imported data, with their date,
//! undoable), "what if" scenarios on targets (never touching published figures), and the one file a
//! facilitator sends back, whose import lists conflicts instead of applying them silently; and the
//! state of the workshop page's forms (`EntryForm`, `WhatIfForm`, `ConflictChoices`) with plain methods,
//! so the page only wires signals.

use crate::model::{Assessment, Dataset, Moment, Observation, Provenance, Text};
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

/// What the room writes of one action at one moment: the statement, in French and English, and the
/// date the action's KPIs are shown as of. It is laid over the published assessment of that action
/// and moment (which stays in the imported data), or adds one where the programme has none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub project: String,
    pub moment: Moment,
    pub date: Date,
    pub text: Text,
    /// The day it was written.
    pub written_at: Date,
}

impl Statement {
    /// The statement as an assessment, marked as written in the workshop on its day.
    pub fn to_assessment(&self) -> Assessment {
        Assessment {
            project: self.project.clone(),
            moment: self.moment,
            date: self.date,
            statement: self.text.clone(),
            provenance: Provenance::Illustrative,
            note: format!(
                "rédigé en atelier le {} / written in the workshop on {}",
                self.written_at, self.written_at
            ),
        }
    }

    /// True when both say the same of the same action and moment (the day written aside).
    fn same_as(&self, other: &Statement) -> bool {
        self.project == other.project
            && self.moment == other.moment
            && self.date == other.date
            && self.text == other.text
    }
}

/// The statements written in a workshop, at most one per action and moment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Statements(pub Vec<Statement>);

impl Statements {
    /// Keeps a statement, replacing the one written earlier for the same action and moment.
    pub fn set(&mut self, statement: Statement) {
        match self
            .0
            .iter_mut()
            .find(|s| s.project == statement.project && s.moment == statement.moment)
        {
            Some(s) => *s = statement,
            None => self.0.push(statement),
        }
    }

    /// Forgets the statement of an action and moment: the published one (if any) shows again.
    pub fn remove(&mut self, project: &str, moment: Moment) {
        self.0
            .retain(|s| !(s.project == project && s.moment == moment));
    }

    /// The statement written for an action and moment.
    pub fn get(&self, project: &str, moment: Moment) -> Option<&Statement> {
        self.0
            .iter()
            .find(|s| s.project == project && s.moment == moment)
    }

    /// The statements as assessments, for the store and the observatory export.
    pub fn to_assessments(&self) -> Vec<Assessment> {
        self.0.iter().map(Statement::to_assessment).collect()
    }

    /// The dataset with the statements laid over its assessments; the imported ones are not changed.
    pub fn apply(&self, base: &Dataset) -> Dataset {
        let mut ds = base.clone();
        crate::records::apply_assessments(&mut ds, &self.to_assessments());
        ds
    }
}

/// What is wrong with the statement form (the page says it in its language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementError {
    /// The date is not a day (`2024-06-30`).
    BadDate,
    /// Neither the French nor the English statement has any text.
    NoText,
}

/// The statement form of the workshop page, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementForm {
    pub project: String,
    pub moment: Moment,
    pub date: String,
    pub fr: String,
    pub en: String,
}

impl StatementForm {
    /// The form for an action and moment, filled with what the dataset says then (the workshop's
    /// statement when the dataset shown has it laid over), or empty when nothing was said then.
    pub fn of(ds: &Dataset, project: &str, moment: Moment) -> StatementForm {
        let found = ds
            .assessments
            .iter()
            .find(|a| a.project == project && a.moment == moment);
        let (date, fr, en) = match found {
            Some(a) => (
                a.date.to_string(),
                a.statement.fr.clone(),
                a.statement.en.clone(),
            ),
            None => (String::new(), String::new(), String::new()),
        };
        StatementForm {
            project: project.to_owned(),
            moment,
            date,
            fr,
            en,
        }
    }

    /// Reads the form as of `today`: the statement to keep, or what is wrong.
    pub fn read(&self, today: Date) -> Result<Statement, StatementError> {
        let date = Date::parse(&self.date).map_err(|_| StatementError::BadDate)?;
        let (fr, en) = (self.fr.trim(), self.en.trim());
        if fr.is_empty() && en.is_empty() {
            return Err(StatementError::NoText);
        }
        // A statement written in English only is the French page's too (an empty English falls
        // back to the French when shown).
        let fr = if fr.is_empty() { en } else { fr };
        Ok(Statement {
            project: self.project.clone(),
            moment: self.moment,
            date,
            text: Text::new(fr, en),
            written_at: today,
        })
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
    /// The assessment statements written (absent in files of workshops before they could be).
    #[serde(default)]
    pub statements: Vec<Statement>,
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
    #[error("{file}: statement {index} names action `{project}`, which the dataset does not have")]
    UnknownProject {
        file: String,
        index: usize,
        project: String,
    },
}

/// Writes the workshop file (pretty JSON, stable order).
pub fn export(
    dataset: &str,
    exported_at: Date,
    entries: &Entries,
    scenarios: &[Scenario],
    statements: &Statements,
) -> String {
    let file = WorkshopFile {
        format: "vigie-workshop".into(),
        version: 1,
        dataset: dataset.into(),
        exported_at,
        entries: entries.entries.clone(),
        scenarios: scenarios.to_vec(),
        statements: statements.0.clone(),
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
    if let Some((index, s)) = wf
        .statements
        .iter()
        .enumerate()
        .find(|(_, s)| ds.project(&s.project).is_none())
    {
        return Err(WorkshopFileError::UnknownProject {
            file: file.into(),
            index: index + 1,
            project: s.project.clone(),
        });
    }
    Ok(wf)
}

/// An incoming entry whose indicator and period already have a different value here, or an
/// incoming statement whose action and moment already have another one here.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict<T = Entry> {
    pub mine: T,
    pub theirs: T,
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

/// Splits incoming statements into those that apply cleanly (an action and moment not written
/// here, or the same statement) and conflicts.
pub fn merge_statements(
    mine: &Statements,
    incoming: &[Statement],
) -> (Vec<Statement>, Vec<Conflict<Statement>>) {
    let mut clean = Vec::new();
    let mut conflicts = Vec::new();
    for theirs in incoming {
        match mine.get(&theirs.project, theirs.moment) {
            Some(m) if !m.same_as(theirs) => conflicts.push(Conflict {
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
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictChoices<T = Entry>(pub Vec<(Conflict<T>, bool)>);

impl<T> Default for ConflictChoices<T> {
    fn default() -> Self {
        ConflictChoices(Vec::new())
    }
}

impl<T: Clone> ConflictChoices<T> {
    /// Every conflict, mine kept until the person chooses.
    pub fn new(conflicts: Vec<Conflict<T>>) -> Self {
        ConflictChoices(conflicts.into_iter().map(|c| (c, false)).collect())
    }

    /// Chooses for conflict `i` (ignored when out of range).
    pub fn choose(&mut self, i: usize, theirs: bool) {
        if let Some(c) = self.0.get_mut(i) {
            c.1 = theirs;
        }
    }

    /// The entries (or statements) to apply: theirs where chosen; mine stay as they are.
    pub fn chosen(&self) -> Vec<T> {
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
        let mut statements = Statements::default();
        statements.set(statement(
            "icc2",
            Moment::Final,
            "Deux solutions déployées.",
        ));
        let text = export("default", DAY, &mine, &scenarios, &statements);
        let back = import("atelier.json", &text, &ds).unwrap();
        assert_eq!(back.entries, mine.entries);
        assert_eq!(back.scenarios, scenarios);
        assert_eq!(back.statements, statements.0);
        // A file written before statements existed still reads, with none.
        let older = text.replace(r#""statements": ["#, r#""older": ["#);
        assert!(import("atelier.json", &older, &ds)
            .unwrap()
            .statements
            .is_empty());
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

    fn statement(project: &str, moment: Moment, fr: &str) -> Statement {
        Statement {
            project: project.into(),
            moment,
            date: Date::new(2023, 6, 30).unwrap(),
            text: Text::new(fr, ""),
            written_at: DAY,
        }
    }

    #[test]
    fn the_statement_form_fills_from_the_dataset_and_reads_what_was_typed() {
        let ds = default_dataset();
        // An action the report judged: its published statement and date.
        let form = StatementForm::of(&ds, "icc2", Moment::Midway);
        let published = ds.assessments_of("icc2")[1];
        assert_eq!(form.date, published.date.to_string());
        assert_eq!(form.fr, published.statement.fr);
        assert_eq!(form.en, published.statement.en);
        // An action the report never judged: an empty form, which asks for a date and a text.
        let mut form = StatementForm::of(&ds, "a1-skills", Moment::Start);
        assert_eq!((form.date.as_str(), form.fr.as_str()), ("", ""));
        assert_eq!(form.read(DAY), Err(StatementError::BadDate));
        form.date = "2021-03-31".into();
        assert_eq!(form.read(DAY), Err(StatementError::NoText));
        form.en = "  Twelve trainees enrolled. ".into();
        let s = form.read(DAY).unwrap();
        // English only: the French page shows it too.
        assert_eq!(
            s.text,
            Text::new("Twelve trainees enrolled.", "Twelve trainees enrolled.")
        );
        assert_eq!(s.date, Date::new(2021, 3, 31).unwrap());
        form.date = "2021-02-30".into();
        assert_eq!(form.read(DAY), Err(StatementError::BadDate));
    }

    #[test]
    fn statements_overlay_the_published_assessments_and_add_new_ones() {
        let ds = default_dataset();
        let mut st = Statements::default();
        st.set(statement("icc2", Moment::Midway, "Premier jet."));
        st.set(statement(
            "icc2",
            Moment::Midway,
            "Six solutions retenues par le jury.",
        ));
        st.set(statement(
            "a1-skills",
            Moment::Start,
            "Aucun parcours commun.",
        ));
        st.set(statement("nope", Moment::Start, "Une action inconnue."));
        assert_eq!(st.0.len(), 3, "one statement per action and moment");
        let shown = st.apply(&ds);
        let midway = shown.assessments_of("icc2")[1];
        assert_eq!(midway.statement.fr, "Six solutions retenues par le jury.");
        assert_eq!(midway.provenance, Provenance::Illustrative);
        assert!(midway
            .note
            .contains("written in the workshop on 2026-11-26"));
        // The other moments and the imported dataset are unchanged.
        assert_eq!(
            shown.assessments_of("icc2")[0],
            ds.assessments_of("icc2")[0]
        );
        assert_eq!(ds.assessments_of("icc2")[1].provenance, Provenance::Report);
        // A new action is judged; the unknown one is left out.
        assert_eq!(shown.assessments_of("a1-skills").len(), 1);
        assert_eq!(shown.assessments.len(), ds.assessments.len() + 1);
        assert!(shown.assessments_of("nope").is_empty());
        // The assessment view now lists the new action with its KPIs as of the written date.
        let view = crate::kpi::assessment::assess(&shown, Some("a1-skills"));
        assert_eq!(view.len(), 1);
        assert_eq!(
            view[0].moments[0].assessment.date,
            Date::new(2023, 6, 30).unwrap()
        );
        // Forgetting it shows the published statement again.
        st.remove("icc2", Moment::Midway);
        assert_eq!(
            st.apply(&ds).assessments_of("icc2")[1],
            ds.assessments_of("icc2")[1]
        );
    }

    #[test]
    fn incoming_statements_apply_cleanly_or_are_listed_as_conflicts() {
        let mut mine = Statements::default();
        mine.set(statement("icc1", Moment::Start, "Le nôtre."));
        mine.set(statement("icc3", Moment::Final, "Pareil."));
        let mut same_later = statement("icc3", Moment::Final, "Pareil.");
        same_later.written_at = Date::new(2026, 5, 1).unwrap();
        let incoming = vec![
            statement("icc1", Moment::Start, "Le leur."),
            statement("icc4", Moment::Midway, "Nouveau."),
            same_later,
        ];
        let (clean, conflicts) = merge_statements(&mine, &incoming);
        assert_eq!(clean, vec![incoming[1].clone()]);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].theirs.text.fr, "Le leur.");
        let mut choices = ConflictChoices::new(conflicts);
        assert!(
            choices.chosen().is_empty(),
            "mine are kept until the person chooses"
        );
        choices.choose(0, true);
        assert_eq!(choices.chosen()[0].text.fr, "Le leur.");
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
        let unknown = other.replace("\"other\"", "\"vigie-workshop\"").replace(
            "\"scenarios\":[]",
            r#""scenarios":[],"statements":[{"project":"nope","moment":"Start","date":{"year":2023,"month":1,"day":1},"text":{"fr":"x","en":""},"written_at":{"year":2026,"month":1,"day":1}}]"#,
        );
        assert_eq!(
            import("x.json", &unknown, &ds).unwrap_err().to_string(),
            "x.json: statement 1 names action `nope`, which the dataset does not have"
        );
    }
}
