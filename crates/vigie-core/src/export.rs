//! The observatory export: every stored dataset, the person's edits and the computed statuses as one
//! Frictionless `datapackage.json` with inline data, and the reader that brings it back.
//!
//! Each dataset gives four resources, named `dataset-N-…`: `metadata` (programme, axes, projects and
//! indicators as inline JSON), `observations` and `edits` (tabular, an array of arrays whose first row
//! is the header, as the Frictionless spec allows) and `statuses` (tabular, computed by the KPI
//! engine as of the export date; informative, recomputed after import), and, when the dataset has a
//! workshop, `statements` (tabular: the assessment statements written there) and `workshop` (its
//! entries as typed and its kept scenarios, inline JSON). After the datasets, when the person imported
//! boundary files for maps, one `boundaries` resource holds them (inline JSON: each file's name, day,
//! territory count and GeoJSON or TopoJSON text). Writing is deterministic:
//! the same store exports the same bytes, so export → clear → import → export is byte-identical.

use crate::kpi::{evaluate, Options};
use crate::map::{geo::read_boundaries, BoundaryFile};
use crate::model::{Assessment, Dataset, Moment, Observation, Provenance, Text};
use crate::period::{Date, Period};
use crate::records::{DatasetHead, DatasetInfo};
use crate::workshop::{Entry, Scenario, Statement};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The export format this build writes and reads.
pub const EXPORT_FORMAT: u32 = 1;
/// The package name every export carries.
pub const PACKAGE_NAME: &str = "vigie-observatory";

/// One dataset of the observatory, as exported and imported.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotDataset {
    pub info: DatasetInfo,
    /// The imported data, without the person's edits.
    pub base: Dataset,
    pub edits: Vec<Observation>,
    /// The assessment statements written in a workshop, laid over the imported ones when shown.
    pub statements: Vec<Statement>,
    /// The workshop's entries as typed (with their day; their values are also in `edits`) and its
    /// kept scenarios, so that an observatory moved to another browser keeps its workshop.
    pub entries: Vec<Entry>,
    pub scenarios: Vec<Scenario>,
}

/// The `workshop` resource's data: what the statements' table does not hold.
#[derive(Serialize, Deserialize)]
struct WorkshopPart {
    entries: Vec<Entry>,
    scenarios: Vec<Scenario>,
}

/// The whole observatory.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    pub datasets: Vec<SnapshotDataset>,
    /// The boundary files the person imported for maps (no dataset's own).
    pub boundaries: Vec<BoundaryFile>,
}

/// The name and part of the resource that holds the imported boundary files.
const BOUNDARIES: &str = "boundaries";

#[derive(Serialize, Deserialize)]
struct Package {
    profile: String,
    name: String,
    title: String,
    vigie: PackageVigie,
    resources: Vec<Resource>,
}

#[derive(Serialize, Deserialize)]
struct PackageVigie {
    format: u32,
    /// The date the statuses were computed for.
    as_of: String,
}

#[derive(Serialize, Deserialize)]
struct Resource {
    name: String,
    profile: String,
    format: String,
    vigie: ResourceVigie,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<Value>,
    data: Value,
}

#[derive(Serialize, Deserialize)]
struct ResourceVigie {
    part: String,
    /// The dataset a part belongs to; every part has one but `boundaries`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dataset: Option<DatasetInfo>,
}

fn field(name: &str, ty: &str) -> Value {
    json!({ "name": name, "type": ty })
}

fn observation_schema() -> Value {
    json!({ "fields": [
        field("indicator", "string"),
        field("period", "string"),
        field("value", "number"),
        field("provenance", "string"),
        field("note", "string"),
        field("series", "integer"),
        field("flag", "string"),
    ], "missingValues": [""] })
}

/// A number as Frictionless writes it: non-finite values as `NaN`, `INF`, `-INF`.
fn number(v: Option<f64>) -> Value {
    match v {
        None => Value::Null,
        Some(x) if x.is_nan() => json!("NaN"),
        Some(x) if x == f64::INFINITY => json!("INF"),
        Some(x) if x == f64::NEG_INFINITY => json!("-INF"),
        Some(x) => json!(x),
    }
}

fn read_number(v: &Value) -> Result<Option<f64>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => n.as_f64().map(Some).ok_or_else(|| format!("{n}")),
        Value::String(s) => match s.as_str() {
            "NaN" => Ok(Some(f64::NAN)),
            "INF" => Ok(Some(f64::INFINITY)),
            "-INF" => Ok(Some(f64::NEG_INFINITY)),
            _ => Err(s.clone()),
        },
        other => Err(other.to_string()),
    }
}

fn provenance_name(p: Provenance) -> &'static str {
    match p {
        Provenance::Report => "report",
        Provenance::Illustrative => "illustrative",
        Provenance::Imported => "imported",
    }
}

fn observation_rows(obs: &[Observation]) -> Value {
    let mut rows = Vec::with_capacity(obs.len() + 1);
    rows.push(json!([
        "indicator",
        "period",
        "value",
        "provenance",
        "note",
        "series",
        "flag"
    ]));
    rows.extend(obs.iter().map(|o| {
        json!([
            o.indicator,
            o.period.to_string(),
            number(o.value),
            provenance_name(o.provenance),
            o.note,
            o.series,
            o.flag
        ])
    }));
    Value::Array(rows)
}

/// The columns of an assessment, as the Data Package's `assessments` resource has them.
const ASSESSMENT_COLUMNS: [&str; 7] = [
    "project",
    "moment",
    "date",
    "statement_fr",
    "statement_en",
    "provenance",
    "note",
];

fn assessment_cells(a: &Assessment) -> [String; 7] {
    [
        a.project.clone(),
        a.moment.key().to_owned(),
        a.date.to_string(),
        a.statement.fr.clone(),
        a.statement.en.clone(),
        provenance_name(a.provenance).to_owned(),
        a.note.clone(),
    ]
}

/// The columns of a statement written in a workshop: an assessment's, and the day it was written.
const STATEMENT_COLUMNS: [&str; 6] = [
    "project",
    "moment",
    "date",
    "statement_fr",
    "statement_en",
    "written_at",
];

fn statement_schema() -> Value {
    let ty = |c: &str| match c {
        "date" | "written_at" => "date",
        _ => "string",
    };
    json!({ "fields": STATEMENT_COLUMNS.iter().map(|c| field(c, ty(c))).collect::<Vec<_>>() })
}

fn statement_rows(statements: &[Statement]) -> Value {
    let mut rows = vec![json!(STATEMENT_COLUMNS)];
    rows.extend(statements.iter().map(|s| {
        json!([
            s.project,
            s.moment.key(),
            s.date.to_string(),
            s.text.fr,
            s.text.en,
            s.written_at.to_string()
        ])
    }));
    Value::Array(rows)
}

fn read_provenance(text: &str) -> Result<Provenance, RowFault> {
    match text {
        "report" => Ok(Provenance::Report),
        "illustrative" => Ok(Provenance::Illustrative),
        "imported" => Ok(Provenance::Imported),
        other => Err(RowFault::UnknownProvenance {
            value: other.to_owned(),
        }),
    }
}

fn read_statement_rows(resource: &str, data: &Value) -> Result<Vec<Statement>, ExportError> {
    let rows = data.as_array().ok_or_else(|| ExportError::DataNotArray {
        resource: resource.to_owned(),
    })?;
    let mut out = Vec::with_capacity(rows.len().saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(1) {
        let at = |fault: RowFault| ExportError::BadRow {
            resource: resource.to_owned(),
            row: i,
            fault,
        };
        let cells = row
            .as_array()
            .filter(|c| c.len() == STATEMENT_COLUMNS.len())
            .ok_or_else(|| at(RowFault::StatementShape))?;
        let text = |j: usize| cells[j].as_str().ok_or_else(|| at(RowFault::NotText));
        let date = |j: usize| Date::parse(text(j)?).map_err(|_| at(RowFault::Date));
        out.push(Statement {
            project: text(0)?.to_owned(),
            moment: Moment::of_key(text(1)?).ok_or_else(|| at(RowFault::Moment))?,
            date: date(2)?,
            text: Text::new(text(3)?, text(4)?),
            written_at: date(5)?,
        });
    }
    Ok(out)
}

/// A dataset's assessments as the Data Package's `assessments.csv` (RFC 4180, the same columns), so
/// that statements written in a workshop can go back into the programme's package.
pub fn assessments_csv(ds: &Dataset) -> String {
    let quote = |c: &str| {
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_owned()
        }
    };
    let mut out = ASSESSMENT_COLUMNS.join(",");
    out.push('\n');
    for p in &ds.projects {
        for a in ds.assessments_of(&p.id) {
            let cells = assessment_cells(a);
            out.push_str(&cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
    }
    out
}

fn read_observation_rows(resource: &str, data: &Value) -> Result<Vec<Observation>, ExportError> {
    let rows = data.as_array().ok_or_else(|| ExportError::DataNotArray {
        resource: resource.to_owned(),
    })?;
    let mut out = Vec::with_capacity(rows.len().saturating_sub(1));
    for (i, row) in rows.iter().enumerate().skip(1) {
        let at = |fault: RowFault| ExportError::BadRow {
            resource: resource.to_owned(),
            row: i,
            fault,
        };
        let cells = row
            .as_array()
            .filter(|c| c.len() == 5 || c.len() == 7)
            .ok_or_else(|| at(RowFault::Shape))?;
        let text = |j: usize| cells[j].as_str().ok_or_else(|| at(RowFault::NotText));
        out.push(Observation {
            indicator: text(0)?.to_owned(),
            period: Period::parse(text(1)?).map_err(|_| at(RowFault::Period))?,
            value: read_number(&cells[2]).map_err(|v| at(RowFault::NotANumber { value: v }))?,
            provenance: read_provenance(text(3)?).map_err(at)?,
            note: text(4)?.to_owned(),
            series: match cells.get(5) {
                None | Some(Value::Null) => None,
                Some(v) => Some(
                    v.as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| at(RowFault::Series))?,
                ),
            },
            flag: match cells.get(6) {
                None => String::new(),
                Some(_) => text(6)?.to_owned(),
            },
        });
    }
    Ok(out)
}

fn status_rows(merged: &Dataset, as_of: Date) -> Value {
    let opts = Options {
        as_of,
        ..Options::default()
    };
    let eval = evaluate(merged, &opts);
    let mut rows = vec![json!(["indicator", "status", "progress_rate"])];
    rows.extend(eval.indicators.iter().map(|r| {
        json!([
            r.id,
            serde_json::to_value(r.status).unwrap_or(Value::Null),
            number(r.progress.as_ref().map(|p| p.rate))
        ])
    }));
    Value::Array(rows)
}

/// Writes the whole observatory as one Data Package, statuses computed as of `as_of`.
pub fn export(snapshot: &Snapshot, as_of: Date) -> String {
    let mut resources = Vec::new();
    for (n, d) in snapshot.datasets.iter().enumerate() {
        let (head, _) = DatasetHead::split(Dataset {
            observations: Vec::new(),
            ..d.base.clone()
        });
        let resource = |part: &str, profile: &str, schema: Option<Value>, data: Value| Resource {
            name: format!("dataset-{n}-{part}"),
            profile: profile.into(),
            format: "json".into(),
            vigie: ResourceVigie {
                part: part.into(),
                dataset: Some(d.info.clone()),
            },
            schema,
            data,
        };
        let mut merged = crate::records::apply_edits(&d.base, &d.edits);
        let written: Vec<Assessment> = d.statements.iter().map(Statement::to_assessment).collect();
        crate::records::apply_assessments(&mut merged, &written);
        resources.push(resource(
            "metadata",
            "data-resource",
            None,
            serde_json::to_value(&head).unwrap_or(Value::Null),
        ));
        resources.push(resource(
            "observations",
            "tabular-data-resource",
            Some(observation_schema()),
            observation_rows(&d.base.observations),
        ));
        resources.push(resource(
            "edits",
            "tabular-data-resource",
            Some(observation_schema()),
            observation_rows(&d.edits),
        ));
        resources.push(resource(
            "statuses",
            "tabular-data-resource",
            Some(json!({ "fields": [
                field("indicator", "string"),
                field("status", "string"),
                field("progress_rate", "number"),
            ] })),
            status_rows(&merged, as_of),
        ));
        if !d.statements.is_empty() {
            resources.push(resource(
                "statements",
                "tabular-data-resource",
                Some(statement_schema()),
                statement_rows(&d.statements),
            ));
        }
        if !d.entries.is_empty() || !d.scenarios.is_empty() {
            let part = WorkshopPart {
                entries: d.entries.clone(),
                scenarios: d.scenarios.clone(),
            };
            resources.push(resource(
                "workshop",
                "data-resource",
                None,
                serde_json::to_value(&part).unwrap_or(Value::Null),
            ));
        }
    }
    if !snapshot.boundaries.is_empty() {
        resources.push(Resource {
            name: BOUNDARIES.into(),
            profile: "data-resource".into(),
            format: "json".into(),
            vigie: ResourceVigie {
                part: BOUNDARIES.into(),
                dataset: None,
            },
            schema: None,
            data: serde_json::to_value(&snapshot.boundaries).unwrap_or(Value::Null),
        });
    }
    let package = Package {
        profile: "data-package".into(),
        name: PACKAGE_NAME.into(),
        title: "Vigie observatory export".into(),
        vigie: PackageVigie {
            format: EXPORT_FORMAT,
            as_of: as_of.to_string(),
        },
        resources,
    };
    serde_json::to_string(&package).unwrap_or_default()
}

/// Why an observatory export was refused (the whole file is refused). The sentences, French and
/// English, are in `i18n` (`Lang::export_error`), which also gives the English `Display`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Not JSON of an export's shape; `message` is the parser's.
    NotAnExport { message: String },
    /// A Data Package other than a Vigie export.
    WrongPackage { name: String },
    /// An export format newer than this Vigie reads.
    NewerFormat { format: u32 },
    /// A resource's metadata cannot be read; `message` is the parser's.
    BadMetadata { resource: String, message: String },
    /// Observations before their dataset's metadata.
    MetadataMissing { resource: String },
    /// Edits or statements before their dataset's observations.
    ObservationsMissing { resource: String },
    /// A resource whose `part` is none Vigie writes.
    UnknownPart { resource: String, part: String },
    /// Two datasets with one id.
    DuplicateDataset,
    /// A dataset's part that does not say which dataset it belongs to.
    NoDataset { resource: String },
    /// An imported boundary file of the `boundaries` resource that cannot be read as boundaries;
    /// `message` is the map reader's.
    BadBoundaries { file: String, message: String },
    /// A resource's `data` is not an array of rows.
    DataNotArray { resource: String },
    /// Row `row` (1-based, after the header) of a resource is wrong.
    BadRow {
        resource: String,
        row: usize,
        fault: RowFault,
    },
}

/// What is wrong with one observation row of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowFault {
    /// Not `[indicator, period, value, provenance, note]` (with `series, flag` or not).
    Shape,
    /// A cell that should be a text.
    NotText,
    Period,
    NotANumber {
        value: String,
    },
    UnknownProvenance {
        value: String,
    },
    /// A series that is not a number.
    Series,
    /// Not `[project, moment, date, statement_fr, statement_en, written_at]`.
    StatementShape,
    /// A moment that is none of `start`, `midway`, `final`.
    Moment,
    /// A date that is not a day (`2024-06-30`).
    Date,
}

/// The dataset a later part (edits, statements, workshop) belongs to: the one its observations just
/// started.
fn dataset_of<'a>(
    datasets: &'a mut [SnapshotDataset],
    info: &DatasetInfo,
    resource: &str,
) -> Result<&'a mut SnapshotDataset, ExportError> {
    datasets
        .last_mut()
        .filter(|d| d.info.id == info.id)
        .ok_or_else(|| ExportError::ObservationsMissing {
            resource: resource.to_owned(),
        })
}

/// Reads an observatory export back; any problem rejects the whole file.
pub fn import(text: &str) -> Result<Snapshot, ExportError> {
    let package: Package =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
            ExportError::NotAnExport {
                message: e.to_string(),
            }
        })?;
    if package.name != PACKAGE_NAME {
        return Err(ExportError::WrongPackage { name: package.name });
    }
    if package.vigie.format > EXPORT_FORMAT {
        return Err(ExportError::NewerFormat {
            format: package.vigie.format,
        });
    }
    let mut datasets: Vec<SnapshotDataset> = Vec::new();
    let mut boundaries: Vec<BoundaryFile> = Vec::new();
    let mut head: Option<DatasetHead> = None;
    for r in package.resources {
        if r.vigie.part == BOUNDARIES {
            boundaries = read_boundary_files(&r.name, r.data)?;
            continue;
        }
        let info = r.vigie.dataset.ok_or_else(|| ExportError::NoDataset {
            resource: r.name.clone(),
        })?;
        match r.vigie.part.as_str() {
            "metadata" => {
                head =
                    Some(
                        serde_json::from_value(r.data).map_err(|e| ExportError::BadMetadata {
                            resource: r.name.clone(),
                            message: e.to_string(),
                        })?,
                    );
            }
            "observations" => {
                let h = head.take().ok_or_else(|| ExportError::MetadataMissing {
                    resource: r.name.clone(),
                })?;
                let rows = read_observation_rows(&r.name, &r.data)?;
                datasets.push(SnapshotDataset {
                    info,
                    base: h.join(rows),
                    edits: Vec::new(),
                    statements: Vec::new(),
                    entries: Vec::new(),
                    scenarios: Vec::new(),
                });
            }
            "edits" => {
                let d = dataset_of(&mut datasets, &info, &r.name)?;
                d.edits = read_observation_rows(&r.name, &r.data)?;
            }
            "statements" => {
                let d = dataset_of(&mut datasets, &info, &r.name)?;
                d.statements = read_statement_rows(&r.name, &r.data)?;
            }
            "workshop" => {
                let d = dataset_of(&mut datasets, &info, &r.name)?;
                let part: WorkshopPart =
                    serde_json::from_value(r.data).map_err(|e| ExportError::BadMetadata {
                        resource: r.name.clone(),
                        message: e.to_string(),
                    })?;
                d.entries = part.entries;
                d.scenarios = part.scenarios;
            }
            "statuses" => {}
            other => {
                return Err(ExportError::UnknownPart {
                    resource: r.name,
                    part: other.to_owned(),
                })
            }
        }
    }
    let mut ids: Vec<&str> = datasets.iter().map(|d| d.info.id.as_str()).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        return Err(ExportError::DuplicateDataset);
    }
    Ok(Snapshot {
        datasets,
        boundaries,
    })
}

/// The `boundaries` resource's files, each checked with the map's own reader, so that a file the
/// map could not draw is refused here, before anything is written.
fn read_boundary_files(resource: &str, data: Value) -> Result<Vec<BoundaryFile>, ExportError> {
    let files: Vec<BoundaryFile> =
        serde_json::from_value(data).map_err(|e| ExportError::BadMetadata {
            resource: resource.to_owned(),
            message: e.to_string(),
        })?;
    for f in &files {
        read_boundaries(&f.file, &f.text).map_err(|p| ExportError::BadBoundaries {
            file: f.file.clone(),
            message: p.to_string(),
        })?;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::datapackage::default_dataset;
    use crate::records::DatasetKind;

    fn snapshot() -> Snapshot {
        let base = default_dataset();
        let first = base.observations[0].clone();
        let edit = Observation {
            value: Some(123.25),
            provenance: Provenance::Report,
            note: "saisie atelier".into(),
            ..first
        };
        let mut odd = base.clone();
        odd.observations.truncate(3);
        odd.observations[0].value = Some(f64::INFINITY);
        odd.observations[1].value = None;
        // Values whose shortest decimal form needs all 17 digits must read back exactly.
        odd.observations[2].value = Some(2.0 / 3.0 + 1e-9);
        // Open SDG progress options must survive the round trip too.
        odd.indicators[0].sdg = Some(crate::model::SdgOptions {
            base_year: Some(2015),
            target: Some(0.5),
            target_year: Some(2030),
            direction: Some(crate::model::Direction::Decrease),
            limit: Some(7.0),
            thresholds: crate::model::SdgThresholdOptions {
                high: Some(0.02),
                med: None,
                low: Some(-0.01),
            },
            series: Some("A".into()),
            unit: Some("%".into()),
        });
        Snapshot {
            datasets: vec![
                SnapshotDataset {
                    info: DatasetInfo {
                        id: "default".into(),
                        kind: DatasetKind::Default,
                        source: "/data/lhsm/".into(),
                        imported_at: 1_700_000_000_000.0,
                        bytes: 1234,
                        indicators: base.indicators.len(),
                        observations: base.observations.len(),
                        edits: 1,
                    },
                    base,
                    edits: vec![edit],
                    statements: vec![Statement {
                        project: "icc2".into(),
                        moment: Moment::Midway,
                        date: Date::new(2022, 6, 30).unwrap(),
                        text: Text::new(
                            "Six lauréats, « choisis », en\ndeux lignes",
                            "Six \"winners\", chosen",
                        ),
                        written_at: Date::new(2026, 12, 7).unwrap(),
                    }],
                    entries: vec![Entry {
                        indicator: "icc1-questionnaires".into(),
                        period: Period::Year(2023),
                        value: Some(34.0),
                        entered_at: Date::new(2026, 12, 7).unwrap(),
                        note: "salle B".into(),
                    }],
                    scenarios: vec![Scenario {
                        name: "Cible 6000".into(),
                        changes: vec![crate::workshop::TargetChange {
                            indicator: "a1-people-reached".into(),
                            value: Some(6000.0),
                            period: None,
                        }],
                    }],
                },
                SnapshotDataset {
                    info: DatasetInfo {
                        id: "file-2".into(),
                        kind: DatasetKind::File,
                        source: "odd.csv".into(),
                        imported_at: 1.5,
                        bytes: 10,
                        indicators: odd.indicators.len(),
                        observations: 3,
                        edits: 0,
                    },
                    base: odd,
                    edits: vec![],
                    statements: Vec::new(),
                    entries: Vec::new(),
                    scenarios: Vec::new(),
                },
            ],
            boundaries: vec![BoundaryFile {
                file: "communes « LHSM ».geojson".into(),
                imported_on: "2026-12-07".into(),
                features: 1,
                text: COMMUNE.into(),
            }],
        }
    }

    /// A boundary file as the map imports it: one commune, a square.
    const COMMUNE: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"code": "76351", "nom": "Le Havre"},
   "geometry": {"type": "Polygon", "coordinates": [[[0, 49], [1, 49], [1, 50], [0, 50], [0, 49]]]}}
]}"#;

    #[test]
    fn the_imported_boundary_files_travel_and_a_broken_one_is_refused() {
        let s = snapshot();
        let text = export(&s, Date::new(2026, 12, 7).unwrap());
        let back = import(&text).unwrap();
        assert_eq!(back.boundaries, s.boundaries);
        // An observatory without boundary files writes no such resource, and reads back without any.
        let none = Snapshot {
            boundaries: Vec::new(),
            ..s.clone()
        };
        let plain = export(&none, Date::new(2026, 12, 7).unwrap());
        assert!(!plain.contains("\"boundaries\""), "no boundaries resource");
        assert_eq!(import(&plain).unwrap().boundaries, Vec::new());
        // A file the map could not draw is refused with its name and the reader's position.
        let broken = Snapshot {
            boundaries: vec![BoundaryFile {
                text: COMMUNE.replace("[1, 49]", "[1, \"north\"]"),
                ..s.boundaries[0].clone()
            }],
            ..s.clone()
        };
        let e = import(&export(&broken, Date::new(2026, 12, 7).unwrap())).unwrap_err();
        let ExportError::BadBoundaries { file, message } = &e else {
            panic!("{e:?}");
        };
        assert_eq!(file, "communes « LHSM ».geojson");
        assert!(message.contains(".geojson:2:3: "), "{message}");
        // A dataset's part must say which dataset it belongs to.
        let orphan = text.replacen(
            "\"part\":\"edits\",\"dataset\":",
            "\"part\":\"edits\",\"was\":",
            1,
        );
        assert_ne!(orphan, text);
        assert_eq!(
            import(&orphan).unwrap_err(),
            ExportError::NoDataset {
                resource: "dataset-0-edits".into()
            }
        );
    }

    #[test]
    fn export_import_export_is_byte_identical_and_state_equal() {
        let as_of = Date::new(2026, 11, 26).unwrap();
        let s = snapshot();
        let text = export(&s, as_of);
        let back = import(&text).unwrap();
        assert_eq!(back.datasets.len(), 2);
        assert_eq!(back.datasets[0].info, s.datasets[0].info);
        assert_eq!(back.datasets[0].edits, s.datasets[0].edits);
        assert_eq!(
            back.datasets[1].base.observations,
            s.datasets[1].base.observations
        );
        assert_eq!(back, s);
        assert_eq!(export(&back, as_of), text);
        // The actions' assessments travel with the programme's metadata.
        let assessed = |s: &Snapshot| s.datasets.iter().map(|d| d.base.assessments.len()).max();
        assert_eq!(assessed(&s), Some(12));
        assert_eq!(assessed(&back), Some(12));
        // The statements written in a workshop travel apart from the imported ones.
        assert_eq!(back.datasets[0].statements, s.datasets[0].statements);
        assert_eq!(back.datasets[0].statements.len(), 1);
        assert!(text.contains("dataset-0-statements"));
        assert!(!text.contains("dataset-1-statements"));
        // So do the workshop's entries as typed and its scenarios.
        assert_eq!(back.datasets[0].entries, s.datasets[0].entries);
        assert_eq!(back.datasets[0].scenarios, s.datasets[0].scenarios);
        assert!(text.contains("dataset-0-workshop") && !text.contains("dataset-1-workshop"));
    }

    #[test]
    fn a_bad_statement_row_is_refused_with_its_resource_and_row() {
        let text = export(&snapshot(), Date::new(2026, 1, 1).unwrap());
        let bad = text.replacen("\"midway\",\"2022-06-30\"", "\"halfway\",\"2022-06-30\"", 1);
        assert_ne!(bad, text);
        assert_eq!(
            import(&bad).unwrap_err(),
            ExportError::BadRow {
                resource: "dataset-0-statements".into(),
                row: 1,
                fault: RowFault::Moment
            }
        );
        let bad = text.replacen("\"name\":\"Cible 6000\"", "\"name\":6000", 1);
        assert!(matches!(
            import(&bad).unwrap_err(),
            ExportError::BadMetadata { resource, .. } if resource == "dataset-0-workshop"
        ));
        let bad = text.replacen("\"2022-06-30\"", "\"2022-06\"", 1);
        assert!(matches!(
            import(&bad).unwrap_err(),
            ExportError::BadRow {
                fault: RowFault::Date,
                ..
            }
        ));
    }

    #[test]
    fn assessments_csv_reads_back_as_the_package_resource() {
        // The default package with its assessments.csv replaced by the one written from a dataset
        // with a workshop statement laid over reads back with that statement.
        let dir = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/lhsm"
        ));
        let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
        let descriptor = read("datapackage.json");
        let d =
            crate::ingest::datapackage::Descriptor::parse("datapackage.json", &descriptor).unwrap();
        let mut files: std::collections::HashMap<String, String> = d
            .paths()
            .into_iter()
            .map(|p| (p.to_owned(), read(p)))
            .collect();
        let mut ds = default_dataset();
        // Unchanged, the file reads back as the published assessments.
        files.insert("assessments.csv".into(), assessments_csv(&ds));
        assert_eq!(d.read(&files).unwrap().assessments, ds.assessments);
        let written: Vec<Assessment> = snapshot().datasets[0]
            .statements
            .iter()
            .map(Statement::to_assessment)
            .collect();
        crate::records::apply_assessments(&mut ds, &written);
        files.insert("assessments.csv".into(), assessments_csv(&ds));
        let back = d.read(&files).unwrap();
        let written = back.assessments_of("icc2")[1];
        assert_eq!(
            written.statement.fr,
            "Six lauréats, « choisis », en\ndeux lignes"
        );
        assert_eq!(written.statement.en, "Six \"winners\", chosen");
        assert_eq!(written.provenance, Provenance::Illustrative);
        assert_eq!(back.assessments.len(), ds.assessments.len());
    }

    #[test]
    fn the_export_is_a_frictionless_package_with_statuses() {
        let text = export(&snapshot(), Date::new(2026, 1, 1).unwrap());
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["profile"], "data-package");
        let names: Vec<&str> = v["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names[..4],
            [
                "dataset-0-metadata",
                "dataset-0-observations",
                "dataset-0-edits",
                "dataset-0-statuses"
            ]
        );
        let statuses = v["resources"][3]["data"].as_array().unwrap();
        assert_eq!(statuses[0], json!(["indicator", "status", "progress_rate"]));
        assert_eq!(
            statuses.len(),
            snapshot().datasets[0].base.indicators.len() + 1
        );
        assert!(statuses[1][1].is_string());
    }

    #[test]
    fn a_broken_file_is_rejected_whole_with_its_row() {
        let text = export(&snapshot(), Date::new(2026, 1, 1).unwrap());
        let broken = text.replacen(
            ",\"report\",\"saisie atelier\",null,\"\"]",
            ",\"nope\",\"saisie atelier\",null,\"\"]",
            1,
        );
        assert_eq!(
            import(&broken).unwrap_err(),
            ExportError::BadRow {
                resource: "dataset-0-edits".into(),
                row: 1,
                fault: RowFault::UnknownProvenance {
                    value: "nope".into()
                }
            }
        );
        assert!(matches!(
            import("{}").unwrap_err(),
            ExportError::NotAnExport { .. }
        ));
        assert_eq!(
            import(&text.replace(PACKAGE_NAME, "other")).unwrap_err(),
            ExportError::WrongPackage {
                name: "other".into()
            }
        );
        let newer = text.replacen("\"format\":1", "\"format\":2", 1);
        assert_eq!(
            import(&newer).unwrap_err(),
            ExportError::NewerFormat { format: 2 }
        );
    }
}
