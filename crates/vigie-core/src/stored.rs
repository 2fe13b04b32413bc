//! Reads the JSON records the store keeps (a dataset's metadata and head, its edits, its workshop
//! state, the version-1 records) by hand, from a `serde_json::Value`.
//!
//! The records are written by serde (`records::meta_json`, `serde_json::to_string`) and stay in that
//! shape; this module reads exactly that shape, with serde's defaults for the fields added over
//! time. It exists for size: serde's derived `Deserialize` code for the model (one visitor per type,
//! monomorphised for every container) was about 75 KB of the page's wasm before wasm-opt, while a
//! `Value` is already parsed for the Data Package descriptor. The one exception is a head's series,
//! read by `Series`' own `Deserialize` in the same pass as the metadata record, because an imported
//! file's head can list 129,000 of them (`cargo xtask bench head`). The tests check it reads what
//! serde writes, and agrees with serde's own reading, over the default programme and real files.
//!
//! `stored` never depends on `ingest`, `kpi`, `chart` or `export`.

use crate::model::{
    Aggregation, Assessment, Axis, Dataset, Direction, Frequency, Indicator, Kind, Milestone,
    Moment, Observation, Programme, Project, Provenance, SdgOptions, SdgThresholdOptions, Series,
    Text,
};
use crate::period::{Date, Period};
use crate::records::{DatasetHead, DatasetInfo, DatasetKind, MetaInfo, MetaRaw, MetaRecord};
use crate::workshop::{Entry, Scenario, Statement, TargetChange, WorkshopFile};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Why a stored record cannot be read: not JSON, or a value of another shape than the record's.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The text is not JSON (serde_json's message, with its line and column).
    #[error("{0}")]
    Json(String),
    /// The value at `path` (such as `head.indicators[3].kind`) is not what the record holds there.
    #[error("{}: expected {expected}", if path.is_empty() { "record" } else { path })]
    Shape {
        path: String,
        expected: &'static str,
    },
}

impl RecordError {
    fn expected(expected: &'static str) -> RecordError {
        RecordError::Shape {
            path: String::new(),
            expected,
        }
    }

    /// The same error one level up: `segment` is a field name or an index such as `[3]`.
    fn at(self, segment: &str) -> RecordError {
        match self {
            RecordError::Shape { path, expected } => {
                let sep = if path.is_empty() || path.starts_with('[') {
                    ""
                } else {
                    "."
                };
                RecordError::Shape {
                    path: format!("{segment}{sep}{path}"),
                    expected,
                }
            }
            other => other,
        }
    }
}

type R<T> = Result<T, RecordError>;

/// A reader of one value (plain functions, so each is compiled once).
type Read<T> = fn(&Value) -> R<T>;

fn parse(text: &str) -> R<Value> {
    serde_json::from_str(text).map_err(|e| RecordError::Json(e.to_string()))
}

/// A record's top-level fields as raw JSON, each parsed only when asked for: listing the datasets
/// reads every info without building heads (an imported Eurostat file's lists 129 000 series).
struct Top<'t>(BTreeMap<String, &'t RawValue>);

impl<'t> Top<'t> {
    fn of(text: &'t str) -> R<Top<'t>> {
        serde_json::from_str(text)
            .map(Top)
            .map_err(|e| RecordError::Json(e.to_string()))
    }

    /// A field's raw JSON.
    fn raw(&self, key: &str) -> R<&'t RawValue> {
        self.0
            .get(key)
            .copied()
            .ok_or_else(|| RecordError::expected("this field").at(key))
    }

    fn get<T>(&self, key: &str, read: Read<T>) -> R<T> {
        raw_at(self.raw(key)?, read, key)
    }
}

/// A JSON object's fields, read by name.
struct Obj<'a>(&'a Map<String, Value>);

impl<'a> Obj<'a> {
    fn of(v: &'a Value) -> R<Obj<'a>> {
        v.as_object()
            .map(Obj)
            .ok_or(RecordError::expected("an object"))
    }

    /// A field the record always has.
    fn get<T>(&self, key: &str, read: Read<T>) -> R<T> {
        match self.0.get(key) {
            Some(v) => read(v).map_err(|e| e.at(key)),
            None => Err(RecordError::expected("this field").at(key)),
        }
    }

    /// A field that may be absent or null (serde's `Option` and `#[serde(default)]` fields).
    fn opt<T>(&self, key: &str, read: Read<T>) -> R<Option<T>> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => read(v).map(Some).map_err(|e| e.at(key)),
        }
    }

    /// A field that takes its type's default when absent.
    fn or_default<T: Default>(&self, key: &str, read: Read<T>) -> R<T> {
        Ok(self.opt(key, read)?.unwrap_or_default())
    }
}

fn string(v: &Value) -> R<String> {
    v.as_str()
        .map(str::to_owned)
        .ok_or(RecordError::expected("a string"))
}

fn number(v: &Value) -> R<f64> {
    v.as_f64().ok_or(RecordError::expected("a number"))
}

fn integer(v: &Value) -> R<i64> {
    v.as_i64().ok_or(RecordError::expected("an integer"))
}

fn unsigned(v: &Value) -> R<u64> {
    v.as_u64()
        .ok_or(RecordError::expected("a non-negative integer"))
}

fn int_in<T: TryFrom<i64>>(v: &Value) -> R<T> {
    T::try_from(integer(v)?).map_err(|_| RecordError::expected("an integer in range"))
}

fn u8_(v: &Value) -> R<u8> {
    int_in(v)
}

fn i32_(v: &Value) -> R<i32> {
    int_in(v)
}

fn u32_(v: &Value) -> R<u32> {
    int_in(v)
}

fn usize_(v: &Value) -> R<usize> {
    usize::try_from(unsigned(v)?).map_err(|_| RecordError::expected("an integer in range"))
}

fn list<T>(v: &Value, read: Read<T>) -> R<Vec<T>> {
    let items = v.as_array().ok_or(RecordError::expected("an array"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item).map_err(|e| e.at(&format!("[{i}]"))))
        .collect()
}

/// A unit variant, written by serde as its name.
fn variant<T: Copy>(v: &Value, names: &[&str], values: &[T], expected: &'static str) -> R<T> {
    v.as_str()
        .and_then(|s| names.iter().position(|n| *n == s))
        .map(|i| values[i])
        .ok_or(RecordError::expected(expected))
}

fn text(v: &Value) -> R<Text> {
    let o = Obj::of(v)?;
    Ok(Text {
        fr: o.get("fr", string)?,
        en: o.get("en", string)?,
    })
}

fn provenance(v: &Value) -> R<Provenance> {
    use Provenance::*;
    variant(
        v,
        &["Report", "Illustrative", "Imported"],
        &[Report, Illustrative, Imported],
        "Report, Illustrative or Imported",
    )
}

fn kind(v: &Value) -> R<Kind> {
    use Kind::*;
    variant(
        v,
        &["Input", "Output", "Outcome"],
        &[Input, Output, Outcome],
        "Input, Output or Outcome",
    )
}

fn direction(v: &Value) -> R<Direction> {
    use Direction::*;
    variant(
        v,
        &["Increase", "Decrease"],
        &[Increase, Decrease],
        "Increase or Decrease",
    )
}

fn frequency(v: &Value) -> R<Frequency> {
    use Frequency::*;
    variant(
        v,
        &["Annual", "Quarterly", "Monthly", "Once"],
        &[Annual, Quarterly, Monthly, Once],
        "Annual, Quarterly, Monthly or Once",
    )
}

fn aggregation(v: &Value) -> R<Aggregation> {
    use Aggregation::*;
    variant(
        v,
        &["Sum", "Mean", "Last"],
        &[Sum, Mean, Last],
        "Sum, Mean or Last",
    )
}

fn moment(v: &Value) -> R<Moment> {
    use Moment::*;
    variant(
        v,
        &["Start", "Midway", "Final"],
        &[Start, Midway, Final],
        "Start, Midway or Final",
    )
}

fn dataset_kind(v: &Value) -> R<DatasetKind> {
    use DatasetKind::*;
    variant(
        v,
        &["default", "file", "workshop"],
        &[Default, File, Workshop],
        "default, file or workshop",
    )
}

/// A period as serde writes an enum with data: `{"Year":2021}`, `{"Quarter":[2021,3]}`…
fn period(v: &Value) -> R<Period> {
    const EXPECTED: &str = "a period such as {\"Year\":2021} or {\"Quarter\":[2021,3]}";
    let o = v.as_object().ok_or(RecordError::expected(EXPECTED))?;
    let (name, data) = match o.iter().next() {
        Some(one) if o.len() == 1 => one,
        _ => return Err(RecordError::expected(EXPECTED)),
    };
    let parts = |n: usize| -> R<&Vec<Value>> {
        data.as_array()
            .filter(|a| a.len() == n)
            .ok_or(RecordError::expected(EXPECTED))
    };
    let at = |e: RecordError| e.at(name);
    Ok(match name.as_str() {
        "Year" => Period::Year(i32_(data).map_err(at)?),
        "Quarter" => {
            let p = parts(2).map_err(at)?;
            Period::Quarter(i32_(&p[0]).map_err(at)?, u8_(&p[1]).map_err(at)?)
        }
        "Month" => {
            let p = parts(2).map_err(at)?;
            Period::Month(i32_(&p[0]).map_err(at)?, u8_(&p[1]).map_err(at)?)
        }
        "Day" => {
            let p = parts(3).map_err(at)?;
            Period::Day(
                i32_(&p[0]).map_err(at)?,
                u8_(&p[1]).map_err(at)?,
                u8_(&p[2]).map_err(at)?,
            )
        }
        _ => return Err(RecordError::expected(EXPECTED)),
    })
}

fn date(v: &Value) -> R<Date> {
    let o = Obj::of(v)?;
    Ok(Date {
        year: o.get("year", i32_)?,
        month: o.get("month", u8_)?,
        day: o.get("day", u8_)?,
    })
}

fn milestone(v: &Value) -> R<Milestone> {
    let o = Obj::of(v)?;
    Ok(Milestone {
        value: o.get("value", number)?,
        period: o.get("period", period)?,
        provenance: o.get("provenance", provenance)?,
    })
}

fn programme(v: &Value) -> R<Programme> {
    let o = Obj::of(v)?;
    Ok(Programme {
        id: o.get("id", string)?,
        name: o.get("name", text)?,
        description: o.get("description", text)?,
        source: o.get("source", string)?,
        licence: o.get("licence", string)?,
    })
}

fn axis(v: &Value) -> R<Axis> {
    let o = Obj::of(v)?;
    Ok(Axis {
        id: o.get("id", string)?,
        name: o.get("name", text)?,
        description: o.get("description", text)?,
    })
}

fn project(v: &Value) -> R<Project> {
    let o = Obj::of(v)?;
    Ok(Project {
        id: o.get("id", string)?,
        axis: o.get("axis", string)?,
        name: o.get("name", text)?,
        provenance: o.get("provenance", provenance)?,
    })
}

fn thresholds(v: &Value) -> R<SdgThresholdOptions> {
    let o = Obj::of(v)?;
    Ok(SdgThresholdOptions {
        high: o.opt("high", number)?,
        med: o.opt("med", number)?,
        low: o.opt("low", number)?,
    })
}

fn sdg(v: &Value) -> R<SdgOptions> {
    let o = Obj::of(v)?;
    Ok(SdgOptions {
        base_year: o.opt("base_year", i32_)?,
        target: o.opt("target", number)?,
        target_year: o.opt("target_year", i32_)?,
        direction: o.opt("direction", direction)?,
        limit: o.opt("limit", number)?,
        thresholds: o.or_default("thresholds", thresholds)?,
        series: o.opt("series", string)?,
        unit: o.opt("unit", string)?,
    })
}

fn indicator(v: &Value) -> R<Indicator> {
    let o = Obj::of(v)?;
    Ok(Indicator {
        id: o.get("id", string)?,
        project: o.get("project", string)?,
        kind: o.get("kind", kind)?,
        name: o.get("name", text)?,
        unit: o.get("unit", text)?,
        direction: o.get("direction", direction)?,
        baseline: o.opt("baseline", milestone)?,
        target: o.opt("target", milestone)?,
        frequency: o.get("frequency", frequency)?,
        aggregation: o.get("aggregation", aggregation)?,
        weight: o.get("weight", number)?,
        precision: o.get("precision", u8_)?,
        definition: o.get("definition", text)?,
        source: o.get("source", string)?,
        sdg: o.opt("sdg", sdg)?,
    })
}

fn assessment(v: &Value) -> R<Assessment> {
    let o = Obj::of(v)?;
    Ok(Assessment {
        project: o.get("project", string)?,
        moment: o.get("moment", moment)?,
        date: o.get("date", date)?,
        statement: o.get("statement", text)?,
        provenance: o.get("provenance", provenance)?,
        note: o.get("note", string)?,
    })
}

fn observation(v: &Value) -> R<Observation> {
    let o = Obj::of(v)?;
    Ok(Observation {
        indicator: o.get("indicator", string)?,
        period: o.get("period", period)?,
        value: o.opt("value", number)?,
        provenance: o.get("provenance", provenance)?,
        note: o.get("note", string)?,
        series: o.opt("series", u32_)?,
        flag: o.or_default("flag", string)?,
    })
}

macro_rules! lists {
    ($($name:ident: $item:ident -> $ty:ty;)*) => {
        $(fn $name(v: &Value) -> R<Vec<$ty>> {
            list(v, $item)
        })*
    };
}

lists! {
    axes: axis -> Axis;
    projects: project -> Project;
    indicators: indicator -> Indicator;
    assessments: assessment -> Assessment;
    observations: observation -> Observation;
    entries: entry -> Entry;
    scenarios: scenario -> Scenario;
    changes: target_change -> TargetChange;
    statements: statement -> Statement;
}

/// A metadata record as serde splits it in one pass over its text: the info and the head's small
/// parts kept as raw JSON (read by hand, like every record), the head's series read by `Series`' own
/// `Deserialize`. An imported Eurostat file's head lists 129,000 series: through a `Value` of as many
/// maps, its read was 4× serde's (`examples/head_bench.rs`).
#[derive(serde::Deserialize)]
struct RecordText<'t> {
    #[serde(borrow)]
    info: &'t RawValue,
    #[serde(borrow)]
    head: HeadText<'t>,
    #[serde(borrow)]
    chunks: &'t RawValue,
}

#[derive(serde::Deserialize)]
struct HeadText<'t> {
    #[serde(borrow)]
    programme: &'t RawValue,
    #[serde(borrow)]
    axes: &'t RawValue,
    #[serde(borrow)]
    projects: &'t RawValue,
    #[serde(borrow)]
    indicators: &'t RawValue,
    #[serde(default)]
    series: Vec<Series>,
    #[serde(default, borrow)]
    assessments: Option<&'t RawValue>,
}

/// Reads `raw` with `read`, its errors placed at field `key`.
fn raw_at<T>(raw: &RawValue, read: Read<T>, key: &str) -> R<T> {
    read(&parse(raw.get())?).map_err(|e| e.at(key))
}

fn head_of(h: HeadText<'_>) -> R<DatasetHead> {
    Ok(DatasetHead {
        programme: raw_at(h.programme, programme, "programme")?,
        axes: raw_at(h.axes, axes, "axes")?,
        projects: raw_at(h.projects, projects, "projects")?,
        indicators: raw_at(h.indicators, indicators, "indicators")?,
        series: h.series,
        assessments: match h.assessments {
            Some(raw) => raw_at(raw, assessments, "assessments")?,
            None => Vec::new(),
        },
    })
}

fn json<'t, T: serde::Deserialize<'t>>(text: &'t str) -> R<T> {
    serde_json::from_str(text).map_err(|e| RecordError::Json(e.to_string()))
}

/// A whole dataset (a version-1 record's) from its JSON text: a head with its observations. The
/// head's reader leaves the observations, read apart.
fn dataset_text(text: &str) -> R<Dataset> {
    let head = head_of(json(text)?)?;
    Ok(head.join(Top::of(text)?.get("observations", observations)?))
}

fn info(v: &Value) -> R<DatasetInfo> {
    let o = Obj::of(v)?;
    Ok(DatasetInfo {
        id: o.get("id", string)?,
        kind: o.get("kind", dataset_kind)?,
        source: o.get("source", string)?,
        imported_at: o.get("imported_at", number)?,
        bytes: o.get("bytes", unsigned)?,
        indicators: o.get("indicators", usize_)?,
        observations: o.get("observations", usize_)?,
        edits: o.get("edits", usize_)?,
    })
}

fn entry(v: &Value) -> R<Entry> {
    let o = Obj::of(v)?;
    Ok(Entry {
        indicator: o.get("indicator", string)?,
        period: o.get("period", period)?,
        value: o.opt("value", number)?,
        entered_at: o.get("entered_at", date)?,
        note: o.or_default("note", string)?,
    })
}

fn target_change(v: &Value) -> R<TargetChange> {
    let o = Obj::of(v)?;
    Ok(TargetChange {
        indicator: o.get("indicator", string)?,
        value: o.opt("value", number)?,
        period: o.opt("period", period)?,
    })
}

fn scenario(v: &Value) -> R<Scenario> {
    let o = Obj::of(v)?;
    Ok(Scenario {
        name: o.get("name", string)?,
        changes: o.get("changes", changes)?,
    })
}

fn statement(v: &Value) -> R<Statement> {
    let o = Obj::of(v)?;
    Ok(Statement {
        project: o.get("project", string)?,
        moment: o.get("moment", moment)?,
        date: o.get("date", date)?,
        text: o.get("text", text)?,
        written_at: o.get("written_at", date)?,
    })
}

/// A dataset's metadata record: its info, head and number of chunks.
pub fn meta_record(text: &str) -> R<MetaRecord> {
    let r: RecordText = json(text)?;
    Ok(MetaRecord {
        info: raw_at(r.info, info, "info")?,
        head: head_of(r.head).map_err(|e| e.at("head"))?,
        chunks: raw_at(r.chunks, u32_, "chunks")?,
    })
}

/// A metadata record without its head (which is left unread).
pub fn meta_info(text: &str) -> R<MetaInfo> {
    let o = Top::of(text)?;
    Ok(MetaInfo {
        info: o.get("info", info)?,
        chunks: o.get("chunks", u32_)?,
    })
}

/// A metadata record with its head kept as the JSON text it was read as (saving edits rewrites the
/// info only).
pub fn meta_raw(text: &str) -> R<MetaRaw> {
    let o = Top::of(text)?;
    Ok(MetaRaw {
        info: o.get("info", info)?,
        head: o.raw("head")?.to_owned(),
        chunks: o.get("chunks", u32_)?,
    })
}

/// A dataset's edits: a list of observations.
pub fn edits(text: &str) -> R<Vec<Observation>> {
    observations(&parse(text)?)
}

/// A dataset's workshop state, as the workshop file holds it.
pub fn workshop_file(text: &str) -> R<WorkshopFile> {
    let v = parse(text)?;
    let o = Obj::of(&v)?;
    Ok(WorkshopFile {
        format: o.get("format", string)?,
        version: o.get("version", u32_)?,
        dataset: o.get("dataset", string)?,
        exported_at: o.get("exported_at", date)?,
        entries: o.get("entries", entries)?,
        scenarios: o.get("scenarios", scenarios)?,
        statements: o.or_default("statements", statements)?,
    })
}

/// A record of the store's version 1: a whole dataset as one JSON string.
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyRecord {
    pub id: String,
    pub source: String,
    /// Milliseconds since the epoch.
    pub stored_at: f64,
    pub dataset: Dataset,
}

/// Reads a version-1 record.
pub fn legacy_record(text: &str) -> R<LegacyRecord> {
    let o = Top::of(text)?;
    Ok(LegacyRecord {
        id: o.get("id", string)?,
        source: o.get("source", string)?,
        stored_at: o.get("stored_at", number)?,
        dataset: dataset_text(o.raw("dataset")?.get()).map_err(|e| e.at("dataset"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Statements;
    use serde::de::DeserializeOwned;
    use std::path::Path;

    fn default_programme() -> Dataset {
        crate::ingest::datapackage::default_dataset()
    }

    /// What serde reads from `text`, for comparison.
    fn serde_reads<T: DeserializeOwned>(text: &str) -> T {
        serde_json::from_str(text).expect("serde reads it")
    }

    /// Whether both readers read `dataset`, written by serde in every record shape, as serde does.
    fn agrees_with_serde(dataset: &Dataset) {
        let (head, observations) = DatasetHead::split(dataset.clone());
        let info = DatasetInfo {
            id: "x".into(),
            kind: DatasetKind::File,
            source: "x.csv".into(),
            imported_at: 1_733_600_000_123.5,
            bytes: 123_456,
            indicators: head.indicators.len(),
            observations: observations.len(),
            edits: 2,
        };
        let head_json = serde_json::to_string(&head).unwrap();
        let meta = crate::records::meta_json(&info, &head_json, 7).unwrap();
        let record = meta_record(&meta).unwrap();
        assert_eq!(record, serde_reads::<MetaRecord>(&meta));
        assert_eq!(record.head, head);
        assert_eq!(record.info, info);
        let raw = meta_raw(&meta).unwrap();
        assert_eq!((raw.head.get(), raw.chunks), (head_json.as_str(), 7));
        let light = meta_info(&meta).unwrap();
        assert_eq!((light.info, light.chunks), (info, 7));
        let edits_json = serde_json::to_string(&observations).unwrap();
        assert_eq!(edits(&edits_json).unwrap(), observations);
        let legacy = serde_json::json!({
            "id": "x", "source": "x.csv", "stored_at": 1.5, "dataset": dataset,
        })
        .to_string();
        assert_eq!(legacy_record(&legacy).unwrap().dataset, *dataset);
    }

    #[test]
    fn reads_what_serde_writes_of_the_default_programme() {
        let ds = default_programme();
        assert!(!ds.assessments.is_empty() && !ds.observations.is_empty());
        agrees_with_serde(&ds);
    }

    fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                files_under(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| e == "csv" || e == "tsv" || e == "json")
            {
                out.push(path);
            }
        }
    }

    #[test]
    fn reads_what_serde_writes_of_real_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let shared = root.join("../shared/data");
        if !shared.is_dir() {
            eprintln!("skipping ../shared/data: not on this machine (the fixtures are read)");
        }
        let mut files = Vec::new();
        files_under(&root.join("tests/fixtures/real"), &mut files);
        files_under(&shared, &mut files);
        files.sort();
        let mut read = 0;
        for path in files {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if bytes.len() > 500_000 {
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let report =
                crate::ingest::import(&name, &bytes, &crate::ingest::ImportOptions::default());
            if let Some(ds) = report.dataset {
                agrees_with_serde(&ds);
                read += 1;
            }
        }
        eprintln!("{read} real files read back as serde wrote them");
        assert!(read >= 5, "only {read} real files were read");
    }

    #[test]
    fn takes_serde_defaults_for_fields_added_over_time() {
        // A record as the store wrote it before series, assessments, the SDG options, observation
        // series and flags existed.
        let meta = r#"{"info":{"id":"old","kind":"file","source":"old.csv","imported_at":1.0,
            "bytes":10,"indicators":1,"observations":1,"edits":0},
            "head":{"programme":{"id":"p","name":{"fr":"P","en":"P"},"description":{"fr":"","en":""},
            "source":"","licence":""},"axes":[],"projects":[],"indicators":[{"id":"i","project":"",
            "kind":"Outcome","name":{"fr":"I","en":"I"},"unit":{"fr":"","en":""},
            "direction":"Decrease","baseline":null,"target":{"value":2.5,"period":{"Quarter":[2030,4]},
            "provenance":"Report"},"frequency":"Annual","aggregation":"Last","weight":1.0,"precision":1,
            "definition":{"fr":"","en":""},"source":"","sdg":{"target_year":2030,"thresholds":{"low":0.5}}}]},
            "chunks":1}"#;
        assert_eq!(meta_record(meta).unwrap(), serde_reads::<MetaRecord>(meta));
        let edits_json = r#"[{"indicator":"i","period":{"Day":[2024,2,29]},"value":null,
            "provenance":"Illustrative","note":"n"},{"indicator":"i","period":{"Month":[2024,3]},
            "value":4,"provenance":"Imported","note":"","series":2,"flag":"p"}]"#;
        assert_eq!(
            edits(edits_json).unwrap(),
            serde_reads::<Vec<Observation>>(edits_json)
        );
        let workshop = r#"{"format":"vigie-workshop","version":1,"dataset":"default",
            "exported_at":{"year":2026,"month":12,"day":7},"entries":[{"indicator":"i",
            "period":{"Year":2025},"value":3.25,"entered_at":{"year":2026,"month":12,"day":6}}],
            "scenarios":[{"name":"s","changes":[{"indicator":"i","value":null,"period":{"Year":2031}}]}]}"#;
        assert_eq!(
            workshop_file(workshop).unwrap(),
            serde_reads::<WorkshopFile>(workshop)
        );
    }

    #[test]
    fn reads_a_workshop_state_with_statements_as_serde_writes_it() {
        let ds = default_programme();
        let mut statements = Statements::default();
        statements.set(Statement {
            project: ds.projects[0].id.clone(),
            moment: Moment::Midway,
            date: Date::new(2026, 6, 30).unwrap(),
            text: Text::new("À mi-parcours, « bien ».", "Midway: \"good\"."),
            written_at: Date::new(2026, 12, 7).unwrap(),
        });
        let file = WorkshopFile {
            format: "vigie-workshop".into(),
            version: 1,
            dataset: "default".into(),
            exported_at: Date::new(2026, 12, 7).unwrap(),
            entries: vec![Entry {
                indicator: ds.indicators[0].id.clone(),
                period: Period::Month(2026, 11),
                value: Some(0.1 + 0.2),
                entered_at: Date::new(2026, 12, 7).unwrap(),
                note: "typed".into(),
            }],
            scenarios: vec![Scenario {
                name: "ambitious".into(),
                changes: vec![TargetChange {
                    indicator: ds.indicators[1].id.clone(),
                    value: Some(1e-7),
                    period: Some(Period::Day(2031, 12, 31)),
                }],
            }],
            statements: statements.0,
        };
        let text = serde_json::to_string(&file).unwrap();
        assert_eq!(workshop_file(&text).unwrap(), file);
    }

    #[test]
    fn a_record_of_another_shape_is_refused_with_where_and_what() {
        let ds = default_programme();
        let (head, _) = DatasetHead::split(ds);
        let mut value = serde_json::to_value(&head).unwrap();
        value["indicators"][3]["kind"] = "Impact".into();
        let info = r#"{"id":"x","kind":"file","source":"","imported_at":0,"bytes":0,"indicators":0,"observations":0,"edits":0}"#;
        let meta = format!(r#"{{"info":{info},"head":{value},"chunks":1}}"#);
        assert_eq!(
            meta_record(&meta).unwrap_err().to_string(),
            "head.indicators[3].kind: expected Input, Output or Outcome"
        );
        // The series are read by serde in the same pass: its message says where, in the text.
        value["indicators"][3]["kind"] = "Input".into();
        value["series"] = serde_json::json!([{"indicator": 3, "dimensions": []}]);
        let meta = format!(r#"{{"info":{info},"head":{value},"chunks":1}}"#);
        assert!(matches!(
            meta_record(&meta),
            Err(RecordError::Json(m)) if m.contains("expected a string at line 1 column")
        ));
        assert_eq!(
            edits(r#"[{"indicator":"i","period":{"Week":[2024,3]}}]"#)
                .unwrap_err()
                .to_string(),
            "[0].period: expected a period such as {\"Year\":2021} or {\"Quarter\":[2021,3]}"
        );
        assert_eq!(
            meta_info(r#"{"info":{"id":"x"},"chunks":1}"#)
                .unwrap_err()
                .to_string(),
            "info.kind: expected this field"
        );
        assert!(matches!(
            meta_info("{\"info\":"),
            Err(RecordError::Json(m)) if m.contains("line 1")
        ));
        assert_eq!(
            edits("{}").unwrap_err().to_string(),
            "record: expected an array"
        );
    }
}
