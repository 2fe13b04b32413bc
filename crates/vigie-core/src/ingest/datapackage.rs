//! Vigie's native format: a Frictionless Data Package whose CSV resources `axes`, `projects`,
//! `indicators` and `observations` (and, when the programme has them, `assessments`) each carry a
//! Table Schema.
//!
//! Reading is two calls so that the browser can fetch files in between: `Descriptor::parse` reads
//! `datapackage.json` and says which files it needs; `Descriptor::read` checks them and builds a `Dataset`.
//!
//! `import_package` is the import of any `datapackage.json`: Vigie's native package through
//! `Descriptor`, or a general Frictionless package whose tabular resources (files or inline data) are
//! each read as a table of their own and merged.

use super::csv::{self, Field, Record};
use super::decode::{self, Encoding};
use super::import::{Counts, Detected, Format, ImportReport};
use super::json::records_to_rows;
use super::number::DEFAULT_MISSING;
use super::options::ImportOptions;
use super::paths::{self, PathRefusal};
use super::shape::Shape;
use super::tabular::{import_delimited, import_rows};
use super::{MilestoneName, Problem, ProblemKind};
use crate::model::*;
use crate::period::Period;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The resources Vigie's native format requires, in reading order.
pub const RESOURCES: [&str; 4] = ["axes", "projects", "indicators", "observations"];
/// The resources it may have, read after those: the actions' start / midway / final assessments.
pub const OPTIONAL_RESOURCES: [&str; 1] = ["assessments"];

/// A parsed `datapackage.json`.
#[derive(Debug, Clone)]
pub struct Descriptor {
    file: String,
    programme: Programme,
    resources: Vec<Resource>,
}

#[derive(Debug, Clone)]
struct Resource {
    name: String,
    path: String,
    fields: Vec<String>,
}

impl Descriptor {
    /// Parses the descriptor text; `file` is how problems will name it.
    pub fn parse(file: &str, text: &str) -> Result<Descriptor, Problem> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let root: Value =
            serde_json::from_str(text).map_err(|e| Problem::invalid_json(file, &e))?;
        let obj = root
            .as_object()
            .ok_or_else(|| Problem::at(file, 1, 1, "", ProblemKind::NotADescriptor))?;
        let list = obj
            .get("resources")
            .and_then(Value::as_array)
            .ok_or_else(|| Problem::at(file, 0, 0, "", ProblemKind::NoResources))?;
        let mut resources = Vec::new();
        for name in RESOURCES.into_iter().chain(OPTIONAL_RESOURCES) {
            let found = list
                .iter()
                .find(|r| r.get("name").and_then(Value::as_str) == Some(name));
            if found.is_none() && OPTIONAL_RESOURCES.contains(&name) {
                continue;
            }
            let res = found.ok_or_else(|| {
                Problem::at(
                    file,
                    0,
                    0,
                    "",
                    ProblemKind::MissingResource {
                        name: name.to_owned(),
                    },
                )
            })?;
            let index = list.iter().position(|r| std::ptr::eq(r, res)).unwrap_or(0);
            let path = match res.get("path") {
                Some(Value::String(p)) => paths::check(p).map_err(|refusal| (p.as_str(), refusal)),
                _ => Err(("", PathRefusal::Missing)),
            };
            let path = match path {
                Ok(p) => p,
                Err((found, refusal)) => {
                    let located = paths::refusals(file, text, &root, true);
                    let (line, column) = located
                        .iter()
                        .find(|p| matches!(p.kind, ProblemKind::BadResourcePath { index: i, .. } if i == index))
                        .map_or((1, 1), |p| (p.line, p.column));
                    return Err(Problem::at(
                        file,
                        line,
                        column,
                        found,
                        ProblemKind::BadResourcePath {
                            index,
                            resource: name.to_owned(),
                            refusal,
                        },
                    ));
                }
            };
            let fields = res
                .pointer("/schema/fields")
                .and_then(Value::as_array)
                .ok_or_else(|| {
                    Problem::at(
                        file,
                        0,
                        0,
                        "",
                        ProblemKind::NoTableSchema {
                            resource: name.to_owned(),
                        },
                    )
                })?
                .iter()
                .map(|f| {
                    f.get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect();
            resources.push(Resource {
                name: name.to_owned(),
                path: path.to_owned(),
                fields,
            });
        }
        let text_of = |key: &str| {
            obj.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let vigie = obj.get("vigie").cloned().unwrap_or(Value::Null);
        let local = |key: &str, lang: &str| {
            vigie
                .pointer(&format!("/programme/{key}_{lang}"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let programme = Programme {
            id: text_of("name"),
            name: Text {
                fr: or(local("name", "fr"), text_of("title")),
                en: or(local("name", "en"), text_of("title")),
            },
            description: Text {
                fr: or(local("description", "fr"), text_of("description")),
                en: or(local("description", "en"), text_of("description")),
            },
            source: obj
                .get("sources")
                .and_then(Value::as_array)
                .and_then(|s| s.first())
                .and_then(|s| s.get("title"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            licence: obj
                .get("licenses")
                .and_then(Value::as_array)
                .and_then(|s| s.first())
                .and_then(|s| s.get("title").or_else(|| s.get("name")))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        };
        Ok(Descriptor {
            file: file.to_owned(),
            programme,
            resources,
        })
    }

    /// The relative paths of the files `read` needs, in reading order.
    pub fn paths(&self) -> Vec<&str> {
        self.resources.iter().map(|r| r.path.as_str()).collect()
    }

    /// Checks every resource and builds the dataset; `files` maps each path of `paths()` to its text.
    /// Either the whole package is valid, or nothing is returned but every problem found.
    pub fn read(&self, files: &HashMap<String, String>) -> Result<Dataset, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut tables = Vec::new();
        for res in &self.resources {
            let Some(text) = files.get(&res.path) else {
                problems.push(Problem::at(
                    &self.file,
                    0,
                    0,
                    &res.path,
                    ProblemKind::MissingResourceFile {
                        resource: res.name.clone(),
                    },
                ));
                continue;
            };
            match csv::read(&res.path, text, ',') {
                Ok(records) => {
                    tables.push(Table::new(&res.path, &res.fields, records, &mut problems))
                }
                Err(p) => problems.push(p),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let read = tables.len();
        let mut tables = tables.into_iter();
        let (Some(axes), Some(projects), Some(indicators), Some(observations), assessments) = (
            tables.next(),
            tables.next(),
            tables.next(),
            tables.next(),
            tables.next(),
        ) else {
            let name = RESOURCES.get(read).unwrap_or(&RESOURCES[0]);
            return Err(vec![Problem::at(
                &self.file,
                0,
                0,
                "",
                ProblemKind::MissingResource {
                    name: (*name).to_owned(),
                },
            )]);
        };
        let mut ds = Dataset {
            programme: self.programme.clone(),
            ..Dataset::default()
        };
        let mut p = Checker {
            problems: &mut problems,
        };

        let mut seen = HashSet::new();
        for row in axes.rows() {
            let id = p.id(&row, "id", &mut seen);
            ds.axes.push(Axis {
                id,
                name: p.text(&row, "name"),
                description: p.text(&row, "description"),
            });
        }
        let axis_ids: HashSet<String> = ds.axes.iter().map(|a| a.id.clone()).collect();
        let mut seen = HashSet::new();
        for row in projects.rows() {
            ds.projects.push(Project {
                id: p.id(&row, "id", &mut seen),
                axis: p.reference(&row, "axis", &axis_ids, "axes"),
                name: p.text(&row, "name"),
                provenance: p.provenance(&row, "provenance"),
            });
        }
        let project_ids: HashSet<String> = ds.projects.iter().map(|a| a.id.clone()).collect();
        let mut seen = HashSet::new();
        for row in indicators.rows() {
            let ind = Indicator {
                id: p.id(&row, "id", &mut seen),
                project: p.reference(&row, "project", &project_ids, "projects"),
                kind: p.choice(
                    &row,
                    "kind",
                    &[
                        ("input", Kind::Input),
                        ("output", Kind::Output),
                        ("outcome", Kind::Outcome),
                    ],
                ),
                name: p.text(&row, "name"),
                unit: p.text(&row, "unit"),
                direction: p.choice(
                    &row,
                    "direction",
                    &[
                        ("increase", Direction::Increase),
                        ("decrease", Direction::Decrease),
                    ],
                ),
                baseline: p.milestone(&row, "baseline"),
                target: p.milestone(&row, "target"),
                frequency: p.choice(
                    &row,
                    "frequency",
                    &[
                        ("annual", Frequency::Annual),
                        ("quarterly", Frequency::Quarterly),
                        ("monthly", Frequency::Monthly),
                        ("once", Frequency::Once),
                    ],
                ),
                aggregation: p.choice(
                    &row,
                    "aggregation",
                    &[
                        ("sum", Aggregation::Sum),
                        ("mean", Aggregation::Mean),
                        ("last", Aggregation::Last),
                    ],
                ),
                weight: p.number(&row, "weight").unwrap_or(1.0),
                precision: p.precision(&row, "precision"),
                definition: p.text(&row, "definition"),
                source: row.get("source").text.clone(),
                sdg: None,
            };
            ds.indicators.push(ind);
        }
        let indicator_ids: HashSet<String> = ds.indicators.iter().map(|a| a.id.clone()).collect();
        let mut seen_obs = HashSet::new();
        for row in observations.rows() {
            let indicator = p.reference(&row, "indicator", &indicator_ids, "indicators");
            let period = p.period(&row, "period");
            if let Some(period) = period {
                if !seen_obs.insert((indicator.clone(), period)) {
                    let f = row.get("period");
                    p.problems.push(Problem::at(
                        row.file,
                        f.line,
                        f.column,
                        &f.text,
                        ProblemKind::DuplicateObservation,
                    ));
                }
            }
            ds.observations.push(Observation {
                indicator,
                period: period.unwrap_or(Period::Year(0)),
                value: p.number(&row, "value"),
                provenance: p.provenance(&row, "provenance"),
                note: row.get("note").text.clone(),
                series: None,
                flag: String::new(),
            });
        }
        let mut seen = HashSet::new();
        for row in assessments.iter().flat_map(Table::rows) {
            let project = p.reference(&row, "project", &project_ids, "projects");
            let moments = [
                ("start", Moment::Start),
                ("midway", Moment::Midway),
                ("final", Moment::Final),
            ];
            let moment = p.choice(&row, "moment", &moments);
            // A moment that is none of them was just reported; it is no duplicate.
            let known = moments
                .iter()
                .any(|(k, _)| *k == row.get("moment").text.trim());
            if known && !seen.insert((project.clone(), moment)) {
                p.fail(&row, row.get("moment"), ProblemKind::DuplicateId);
            }
            let date = p.date(&row, "date");
            ds.assessments.push(Assessment {
                project,
                moment,
                date,
                statement: p.text(&row, "statement"),
                provenance: p.provenance(&row, "provenance"),
                note: row.get("note").text.clone(),
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        ds.sort_observations();
        Ok(ds)
    }
}

/// Reads a whole package when its files are already at hand (tests, the native checker).
pub fn read_package(
    descriptor_file: &str,
    descriptor: &str,
    files: &HashMap<String, String>,
) -> Result<Dataset, Vec<Problem>> {
    Descriptor::parse(descriptor_file, descriptor)
        .map_err(|p| vec![p])?
        .read(files)
}

fn or(a: String, b: String) -> String {
    if a.is_empty() {
        b
    } else {
        a
    }
}

/// A CSV resource whose header was checked against its schema.
struct Table<'a> {
    file: &'a str,
    columns: HashMap<String, usize>,
    records: Vec<Record>,
}

/// One data row of a table, with access by column name.
struct Row<'t> {
    file: &'t str,
    columns: &'t HashMap<String, usize>,
    record: &'t Record,
}

static EMPTY: Field = Field {
    text: String::new(),
    line: 0,
    column: 0,
};

impl<'a> Table<'a> {
    fn new(
        file: &'a str,
        fields: &[String],
        mut records: Vec<Record>,
        problems: &mut Vec<Problem>,
    ) -> Table<'a> {
        if records.is_empty() {
            problems.push(Problem::at(
                file,
                1,
                1,
                "",
                ProblemKind::MissingHeader {
                    columns: fields.to_vec(),
                },
            ));
            return Table {
                file,
                columns: HashMap::new(),
                records,
            };
        }
        let header = records.remove(0);
        for (i, name) in fields.iter().enumerate() {
            match header.fields.get(i) {
                Some(f) if f.text.trim() == name => {}
                Some(f) => problems.push(Problem::at(
                    file,
                    f.line,
                    f.column,
                    &f.text,
                    ProblemKind::MissingColumn { name: name.clone() },
                )),
                None => problems.push(Problem::at(
                    file,
                    header.line,
                    0,
                    "",
                    ProblemKind::MissingColumn { name: name.clone() },
                )),
            }
        }
        if header.fields.len() > fields.len() {
            let f = &header.fields[fields.len()];
            problems.push(Problem::at(
                file,
                f.line,
                f.column,
                &f.text,
                ProblemKind::ExtraColumn { max: fields.len() },
            ));
        }
        for r in &records {
            if r.fields.len() != fields.len() {
                let col = r.fields.last().map_or(0, |f| f.column);
                problems.push(Problem::at(
                    file,
                    r.line,
                    col,
                    "",
                    ProblemKind::WrongFieldCount {
                        expected: fields.len(),
                        found: r.fields.len(),
                    },
                ));
            }
        }
        let columns = fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.clone(), i))
            .collect();
        Table {
            file,
            columns,
            records,
        }
    }

    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(|record| Row {
            file: self.file,
            columns: &self.columns,
            record,
        })
    }
}

impl Row<'_> {
    fn get(&self, column: &str) -> &Field {
        self.columns
            .get(column)
            .and_then(|&i| self.record.fields.get(i))
            .unwrap_or(&EMPTY)
    }
}

/// Field checks that record a located problem and return a placeholder, so one pass finds them all.
struct Checker<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Checker<'_> {
    fn fail(&mut self, row: &Row, f: &Field, kind: ProblemKind) {
        let line = if f.line == 0 { row.record.line } else { f.line };
        self.problems
            .push(Problem::at(row.file, line, f.column, &f.text, kind));
    }

    fn id(&mut self, row: &Row, col: &str, seen: &mut HashSet<String>) -> String {
        let f = row.get(col);
        let id = f.text.trim();
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        if !ok {
            self.fail(row, f, ProblemKind::BadIdentifier);
        } else if !seen.insert(id.to_owned()) {
            self.fail(row, f, ProblemKind::DuplicateId);
        }
        id.to_owned()
    }

    fn reference(
        &mut self,
        row: &Row,
        col: &str,
        known: &HashSet<String>,
        resource: &str,
    ) -> String {
        let f = row.get(col);
        if !known.contains(f.text.trim()) {
            self.fail(
                row,
                f,
                ProblemKind::UnknownReference {
                    resource: resource.to_owned(),
                },
            );
        }
        f.text.trim().to_owned()
    }

    fn text(&mut self, row: &Row, col: &str) -> Text {
        Text {
            fr: row.get(&format!("{col}_fr")).text.clone(),
            en: row.get(&format!("{col}_en")).text.clone(),
        }
    }

    fn choice<T: Copy>(&mut self, row: &Row, col: &str, options: &[(&str, T)]) -> T {
        let f = row.get(col);
        match options.iter().find(|(k, _)| *k == f.text.trim()) {
            Some((_, v)) => *v,
            None => {
                let names = options.iter().map(|(k, _)| (*k).to_owned()).collect();
                self.fail(row, f, ProblemKind::OneOf { options: names });
                options[0].1
            }
        }
    }

    /// An optional number: empty or `NA` is missing.
    fn number(&mut self, row: &Row, col: &str) -> Option<f64> {
        let f = row.get(col);
        let t = f.text.trim();
        if t.is_empty() || t == "NA" {
            return None;
        }
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            _ => {
                self.fail(row, f, ProblemKind::NotANumber);
                None
            }
        }
    }

    fn precision(&mut self, row: &Row, col: &str) -> u8 {
        let f = row.get(col);
        if f.text.trim().is_empty() {
            return 0;
        }
        match f.text.trim().parse::<u8>() {
            Ok(v) if v <= 6 => v,
            _ => {
                self.fail(row, f, ProblemKind::BadPrecision { max: 6 });
                0
            }
        }
    }

    fn period(&mut self, row: &Row, col: &str) -> Option<Period> {
        let f = row.get(col);
        match Period::parse(&f.text) {
            Ok(p) => Some(p),
            Err(_) => {
                self.fail(row, f, ProblemKind::NotAnIsoPeriod);
                None
            }
        }
    }

    /// A day, `YYYY-MM-DD`; a placeholder after a located problem.
    fn date(&mut self, row: &Row, col: &str) -> crate::period::Date {
        let f = row.get(col);
        crate::period::Date::parse(&f.text).unwrap_or_else(|_| {
            self.fail(row, f, ProblemKind::NotAnIsoDate);
            crate::period::Date {
                year: 0,
                month: 1,
                day: 1,
            }
        })
    }

    fn provenance(&mut self, row: &Row, col: &str) -> Provenance {
        self.choice(
            row,
            col,
            &[
                ("report", Provenance::Report),
                ("illustrative", Provenance::Illustrative),
                ("imported", Provenance::Imported),
            ],
        )
    }

    /// A baseline or target: `{col}_value`, `{col}_period`, `{col}_provenance`, all empty when unknown.
    fn milestone(&mut self, row: &Row, col: &str) -> Option<Milestone> {
        let value_col = format!("{col}_value");
        let period_col = format!("{col}_period");
        let (v, p) = (row.get(&value_col), row.get(&period_col));
        if v.text.trim().is_empty() && p.text.trim().is_empty() {
            return None;
        }
        let value = self.number(row, &value_col);
        if value.is_none() && !v.text.trim().is_empty() {
            return None;
        }
        let Some(value) = value else {
            let milestone = if col == "target" {
                MilestoneName::Target
            } else {
                MilestoneName::Baseline
            };
            self.fail(row, v, ProblemKind::MilestoneWithoutValue { milestone });
            return None;
        };
        let period = self.period(row, &period_col)?;
        Some(Milestone {
            value,
            period,
            provenance: self.provenance(row, &format!("{col}_provenance")),
        })
    }
}

/// The first path of a resource, when it is one Vigie may open (`paths::check`).
pub(super) fn resource_path(r: &Value) -> Option<&str> {
    let p = match r.get("path")? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.first()?.as_str()?,
        _ => return None,
    };
    paths::check(p).ok()
}

/// Distinct series: each disaggregation, plus each indicator's headline when it has one.
fn series_count(obs: &[Observation]) -> usize {
    let mut set: HashSet<(&str, Option<u32>)> = HashSet::new();
    for o in obs {
        set.insert((o.indicator.as_str(), o.series));
    }
    set.len()
}

fn find_companion<'a>(path: &str, companions: &[(&str, &'a [u8])]) -> Option<&'a [u8]> {
    let clean = path.trim_start_matches("./");
    companions
        .iter()
        .find(|(n, _)| {
            *n == clean || n.ends_with(&format!("/{clean}")) || clean.ends_with(&format!("/{n}"))
        })
        .map(|(_, b)| *b)
}

pub(super) fn import_package(
    file: &str,
    body: &str,
    root: &Value,
    enc: Encoding,
    companions: &[(&str, &[u8])],
    opts: &ImportOptions,
) -> ImportReport {
    let mut det = Detected::new(enc, Format::DataPackage);
    // Every resource path is checked before any file is looked up: one that leaves the package's
    // folder refuses the whole package, so nothing of it is read nor stored.
    let refused = paths::refusals(file, body, root, false);
    if !refused.is_empty() {
        return ImportReport {
            file: file.to_owned(),
            detected: det,
            columns: Vec::new(),
            preview: Vec::new(),
            counts: Counts::default(),
            dataset: None,
            problems_total: refused.len(),
            problems: refused,
            warnings: Vec::new(),
            warnings_total: 0,
        };
    }
    let resources = root
        .get("resources")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let names: Vec<&str> = resources
        .iter()
        .filter_map(|r| r.get("name").and_then(Value::as_str))
        .collect();
    if RESOURCES.iter().all(|n| names.contains(n)) {
        det.shape = Some(Shape::Native);
        let d = match Descriptor::parse(file, body) {
            Ok(d) => d,
            Err(p) => return ImportReport::refused(file, det, p),
        };
        let mut files = HashMap::new();
        for p in d.paths() {
            if let Some(b) = find_companion(p, companions) {
                files.insert(p.to_owned(), decode::decode(b, None).0.into_owned());
            }
        }
        return match d.read(&files) {
            Ok(ds) => {
                let counts = Counts {
                    indicators: ds.indicators.len(),
                    series: series_count(&ds.observations),
                    observations: ds.observations.len(),
                    rows: ds.observations.len(),
                    missing_cells: 0,
                };
                ImportReport {
                    file: file.to_owned(),
                    detected: det,
                    columns: Vec::new(),
                    preview: Vec::new(),
                    counts,
                    dataset: Some(ds),
                    problems: Vec::new(),
                    warnings: Vec::new(),
                    problems_total: 0,
                    warnings_total: 0,
                }
            }
            Err(problems) => ImportReport {
                file: file.to_owned(),
                detected: det,
                columns: Vec::new(),
                preview: Vec::new(),
                counts: Counts::default(),
                dataset: None,
                problems_total: problems.len(),
                problems,
                warnings: Vec::new(),
                warnings_total: 0,
            },
        };
    }
    // A general Frictionless package: each tabular resource is read like a file of its own.
    let mut merged = Dataset::default();
    let mut out = ImportReport::empty(file, det.clone());
    let mut any = false;
    for (k, r) in resources.iter().enumerate() {
        let name = r
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("resource {}", k + 1));
        let sub = if let Some(data) = r.get("data").and_then(Value::as_array) {
            match records_to_rows(data) {
                Ok((h, rows)) => import_rows(
                    file,
                    Detected::new(enc, Format::Json),
                    &name,
                    h,
                    rows,
                    &|_, _| (0, 0),
                    opts,
                ),
                Err((_, e)) => ImportReport::refused(
                    file,
                    det.clone(),
                    Problem::at(
                        file,
                        0,
                        0,
                        &name,
                        ProblemKind::InlineData {
                            resource: name.clone(),
                            problem: Box::new(e),
                        },
                    ),
                ),
            }
        } else if let Some(path) = resource_path(r) {
            let Some(bytes) = find_companion(path, companions) else {
                out.problems.push(Problem::at(
                    file,
                    0,
                    0,
                    path,
                    ProblemKind::MissingResourceFile {
                        resource: name.clone(),
                    },
                ));
                out.problems_total += 1;
                continue;
            };
            let delim = r
                .pointer("/dialect/delimiter")
                .and_then(Value::as_str)
                .and_then(|s| s.chars().next());
            let mut o = opts.clone();
            if o.delimiter.is_none() {
                o.delimiter = delim;
            }
            let missing: Option<Vec<String>> = r
                .pointer("/schema/missingValues")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                });
            if o.missing_markers.is_none() {
                if let Some(mut m) = missing {
                    m.extend(DEFAULT_MISSING.iter().map(|s| (*s).to_owned()));
                    o.missing_markers = Some(m);
                }
            }
            let (text, enc) = decode::decode(bytes, o.encoding);
            import_delimited(path, &text, enc, &name, &o, None, &mut |_, _| true)
        } else {
            continue;
        };
        any = true;
        if out.columns.is_empty() {
            out.detected = sub.detected.clone();
            out.detected.format = Format::DataPackage;
            out.columns = sub.columns.clone();
            out.preview = sub.preview.clone();
        }
        out.problems.extend(sub.problems);
        out.warnings.extend(sub.warnings);
        out.problems_total += sub.problems_total;
        out.warnings_total += sub.warnings_total;
        out.counts.rows += sub.counts.rows;
        out.counts.missing_cells += sub.counts.missing_cells;
        if let Some(ds) = sub.dataset {
            let offset = merged.series.len() as u32;
            merged.indicators.extend(ds.indicators);
            merged
                .observations
                .extend(ds.observations.into_iter().map(|mut o| {
                    o.series = o.series.map(|s| s + offset);
                    o
                }));
            merged.series.extend(ds.series);
        }
    }
    if !any && out.problems.is_empty() {
        out.problems
            .push(Problem::at(file, 0, 0, "", ProblemKind::NoReadableResource));
        out.problems_total = 1;
    }
    out.counts.indicators = merged.indicators.len();
    out.counts.series = series_count(&merged.observations);
    out.counts.observations = merged.observations.len();
    if out.problems_total == 0 || opts.accept_errors {
        merged.programme.id = root
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let title = root
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default();
        merged.programme.name = Text::new(title, title);
        merged.programme.source = file.to_owned();
        out.dataset = Some(merged);
    }
    out
}

/// The default programme (`public/data/lhsm`) read as the app reads it, every resource its
/// descriptor lists; for the core's tests, which all start from the same package.
#[cfg(test)]
pub(crate) fn default_dataset() -> Dataset {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/lhsm"
    ));
    let read = |p: &str| {
        std::fs::read_to_string(dir.join(p))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(p).display()))
    };
    let d = Descriptor::parse("datapackage.json", &read("datapackage.json")).unwrap();
    let files = d
        .paths()
        .into_iter()
        .map(|p| (p.to_owned(), read(p)))
        .collect();
    d.read(&files).unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter().map(|p| p.to_string() + "\n").collect::<String>()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture_dir() -> std::path::PathBuf {
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("public/data/lhsm")
    }

    fn files_of(dir: &std::path::Path, paths: &[&str]) -> HashMap<String, String> {
        paths
            .iter()
            .map(|p| (p.to_string(), std::fs::read_to_string(dir.join(p)).unwrap()))
            .collect()
    }

    #[test]
    fn reads_the_default_programme() {
        let ds = default_dataset();
        assert_eq!(ds.axes.len(), 4, "3 programme axes plus the ICC actions");
        assert!(
            ds.projects.iter().filter(|p| p.axis == "icc").count() == 4,
            "the 4 ICC actions"
        );
        let jury = ds
            .indicator("icc2-solutions-selected")
            .expect("jury indicator");
        assert_eq!(jury.kind, Kind::Output);
        assert_eq!(
            ds.latest("icc2-solutions-selected").and_then(|o| o.value),
            Some(6.0)
        );
        assert_eq!(
            ds.latest("icc2-solutions-selected").map(|o| o.provenance),
            Some(Provenance::Report)
        );
        for kind in [Kind::Input, Kind::Output, Kind::Outcome] {
            for action in ["icc1", "icc2", "icc3", "icc4"] {
                assert!(
                    ds.indicators_of(action).any(|i| i.kind == kind),
                    "{action} lacks a {kind:?} KPI"
                );
            }
        }
        assert!(ds
            .indicators
            .iter()
            .any(|i| i.direction == Direction::Decrease));
        assert!(!ds.programme.source.is_empty());
        // Each ICC action is judged at the three moments, in order, with the report's words.
        assert_eq!(ds.assessments.len(), 12);
        for action in ["icc1", "icc2", "icc3", "icc4"] {
            let moments: Vec<Moment> = ds.assessments_of(action).iter().map(|a| a.moment).collect();
            assert_eq!(moments, Moment::ALL, "{action}");
        }
        let final3 = ds.assessments_of("icc3")[2];
        assert!(final3
            .statement
            .en
            .starts_with("The benchmarking work has not yet led"));
        assert_eq!(final3.provenance, Provenance::Report);
        assert!(final3.date > ds.assessments_of("icc3")[1].date);
    }

    #[test]
    fn a_package_without_assessments_reads_and_bad_assessments_are_located() {
        // Without the optional resource the package reads, with no assessment.
        let dir = fixture_dir();
        let text = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
        let mut root: Value = serde_json::from_str(&text).unwrap();
        root["resources"]
            .as_array_mut()
            .unwrap()
            .retain(|r| r["name"] != "assessments");
        let without = Descriptor::parse("datapackage.json", &root.to_string()).unwrap();
        assert!(!without.paths().contains(&"assessments.csv"));
        let ds = without.read(&files_of(&dir, &without.paths())).unwrap();
        assert!(ds.assessments.is_empty());
        assert!(!ds.indicators.is_empty());

        // Every bad field of the resource is named with its line and column.
        let d = Descriptor::parse("datapackage.json", &text).unwrap();
        let mut files = files_of(&dir, &d.paths());
        let header = files["assessments.csv"].lines().next().unwrap().to_owned();
        files.insert(
            "assessments.csv".into(),
            format!(
                "{header}\n\
                 icc9,start,2020-12-31,a,b,report,\n\
                 icc1,later,2020-12-31,a,b,report,\n\
                 icc1,start,31/12/2020,a,b,report,\n\
                 icc1,start,2021-02-30,a,b,report,\n\
                 icc1,midway,2021-12-31,a,b,maybe,\n"
            ),
        );
        let errs = d.read(&files).unwrap_err();
        let f = "assessments.csv";
        assert!(
            has(
                &errs,
                f,
                2,
                1,
                &ProblemKind::UnknownReference {
                    resource: "projects".into()
                }
            ),
            "{errs:?}"
        );
        assert!(
            has(&errs, f, 3, 6, &one_of(&["start", "midway", "final"])),
            "{errs:?}"
        );
        assert!(has(&errs, f, 4, 12, &ProblemKind::NotAnIsoDate), "{errs:?}");
        // The second `icc1,start` is a duplicate, and its date does not exist.
        assert!(has(&errs, f, 5, 6, &ProblemKind::DuplicateId), "{errs:?}");
        assert!(has(&errs, f, 5, 12, &ProblemKind::NotAnIsoDate), "{errs:?}");
        assert!(
            has(
                &errs,
                f,
                6,
                28,
                &one_of(&["report", "illustrative", "imported"])
            ),
            "{errs:?}"
        );
        assert_eq!(errs.len(), 6, "{errs:?}");
    }

    fn small_package(indicators: &str, observations: &str) -> Result<Dataset, Vec<Problem>> {
        let dir = fixture_dir();
        let text = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
        let d = Descriptor::parse("datapackage.json", &text).unwrap();
        let mut files = files_of(&dir, &d.paths());
        let header = |p: &str| files[p].lines().next().unwrap().to_owned();
        let ih = header("indicators.csv");
        let oh = header("observations.csv");
        files.insert("indicators.csv".into(), format!("{ih}\n{indicators}"));
        files.insert("observations.csv".into(), format!("{oh}\n{observations}"));
        d.read(&files)
    }

    const GOOD: &str = "x1,icc1,input,Groupes,Groups,groupes,groups,increase,0,2020,report,10,2025,illustrative,annual,last,1,0,def,def,src";

    #[test]
    fn reads_a_minimal_valid_package() {
        let ds = small_package(
            GOOD,
            "x1,2021,4,illustrative,\nx1,2022,,illustrative,not collected\n",
        )
        .unwrap();
        assert_eq!(ds.indicators.len(), 1);
        assert_eq!(ds.observations_of("x1").len(), 2);
        assert_eq!(ds.latest("x1").and_then(|o| o.value), Some(4.0));
        let t = ds.indicators[0].target.unwrap();
        assert_eq!(
            (t.value, t.period, t.provenance),
            (10.0, Period::Year(2025), Provenance::Illustrative)
        );
    }

    /// Whether `errs` holds `kind` at `file:line:column`.
    fn has(errs: &[Problem], file: &str, line: usize, column: usize, kind: &ProblemKind) -> bool {
        errs.iter()
            .any(|e| (e.file.as_str(), e.line, e.column, &e.kind) == (file, line, column, kind))
    }

    fn one_of(options: &[&str]) -> ProblemKind {
        ProblemKind::OneOf {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
        }
    }

    #[test]
    fn locates_every_bad_field() {
        let bad_ind = GOOD.replace(",input,", ",inptu,");
        let errs = small_package(
            &bad_ind,
            "x1,2021-13,4x,illustrative,\nnope,2021,1,report,\nx1,2022,1,maybe,\n",
        )
        .unwrap_err();
        let kind = one_of(&["input", "output", "outcome"]);
        assert!(
            errs.iter().any(|e| e.found == "inptu" && e.kind == kind),
            "{errs:#?}"
        );
        assert!(has(&errs, "indicators.csv", 2, 9, &kind), "{errs:#?}");
        let obs = "observations.csv";
        assert!(
            has(&errs, obs, 2, 4, &ProblemKind::NotAnIsoPeriod),
            "{errs:#?}"
        );
        assert!(
            has(&errs, obs, 2, 12, &ProblemKind::NotANumber),
            "{errs:#?}"
        );
        let unknown = ProblemKind::UnknownReference {
            resource: "indicators".into(),
        };
        assert!(has(&errs, obs, 3, 1, &unknown), "{errs:#?}");
        let provenance = one_of(&["report", "illustrative", "imported"]);
        assert!(has(&errs, obs, 4, 11, &provenance), "{errs:#?}");
    }

    #[test]
    fn refuses_ragged_rows_duplicates_and_non_finite_numbers() {
        let errs = small_package(
            &format!("{GOOD}\n{GOOD}"),
            "x1,2021,1e999,report,\nx1,2021,2,report,\nx1,2023\n",
        )
        .unwrap_err();
        let ragged = ProblemKind::WrongFieldCount {
            expected: 5,
            found: 2,
        };
        assert!(
            errs.iter()
                .any(|e| e.file == "observations.csv" && e.line == 4 && e.kind == ragged),
            "{errs:#?}"
        );
        let errs = small_package(
            &format!("{GOOD}\n{GOOD}"),
            "x1,2021,1e999,report,\nx1,2021,2,report,\n",
        )
        .unwrap_err();
        let obs = "observations.csv";
        assert!(
            has(&errs, "indicators.csv", 3, 1, &ProblemKind::DuplicateId),
            "{errs:#?}"
        );
        assert!(has(&errs, obs, 2, 9, &ProblemKind::NotANumber), "{errs:#?}");
        assert!(
            has(&errs, obs, 3, 4, &ProblemKind::DuplicateObservation),
            "{errs:#?}"
        );
    }

    #[test]
    fn reports_bad_descriptors_with_position() {
        let e = Descriptor::parse("datapackage.json", "{\n  \"resources\": [,]\n}").unwrap_err();
        assert_eq!((e.line, e.file.as_str()), (2, "datapackage.json"));
        assert!(matches!(e.kind, ProblemKind::InvalidJson { .. }), "{e:?}");
        let e = Descriptor::parse("datapackage.json", "[]").unwrap_err();
        assert_eq!(e.kind, ProblemKind::NotADescriptor);
        let e = Descriptor::parse("datapackage.json", r#"{"resources":[]}"#).unwrap_err();
        assert_eq!(
            e.kind,
            ProblemKind::MissingResource {
                name: "axes".into()
            }
        );
        let evil =
            r#"{"resources":[{"name":"axes","path":"../etc/passwd","schema":{"fields":[]}}]}"#;
        let e = Descriptor::parse("datapackage.json", evil).unwrap_err();
        assert_eq!(
            e.kind,
            ProblemKind::BadResourcePath {
                index: 0,
                resource: "axes".into(),
                refusal: PathRefusal::ParentSegment,
            }
        );
        assert_eq!(
            (e.line, e.column, e.found.as_str()),
            (1, 37, "../etc/passwd")
        );
        assert_eq!(
            e.to_string(),
            "datapackage.json:1:37: expected resources[0].path (`axes`) to be a relative path inside \
             the package's folder (`..` is refused), found `../etc/passwd`"
        );
    }

    #[test]
    fn refuses_a_header_that_differs_from_the_schema() {
        let dir = fixture_dir();
        let text = std::fs::read_to_string(dir.join("datapackage.json")).unwrap();
        let d = Descriptor::parse("datapackage.json", &text).unwrap();
        let mut files = files_of(&dir, &d.paths());
        let obs = files["observations.csv"].replacen("indicator,period", "indicator,periode", 1);
        files.insert("observations.csv".into(), obs);
        let errs = d.read(&files).unwrap_err();
        assert_eq!(
            errs[0],
            Problem::at(
                "observations.csv",
                1,
                11,
                "periode",
                ProblemKind::MissingColumn {
                    name: "period".into()
                }
            )
        );
    }
}
