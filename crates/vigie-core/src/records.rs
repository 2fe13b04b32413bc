//! What the store keeps about each dataset (info, head, metadata records), the person's edits kept
//! apart from imported data, and the store's error type. Pure Rust: the IndexedDB glue that writes
//! these records lives in the web app (`vigie::store`), which is the only code that talks to the
//! browser's storage.
//!
//! `records` never depends on `ingest`, `kpi` or `chart`.

use crate::model::{Assessment, Axis, Dataset, Indicator, Observation, Programme, Project};
use crate::period::Period;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Where a dataset came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// The programme's default Data Package, fetched on first start.
    Default,
    /// A file the person imported.
    File,
    /// Entries typed in workshop mode.
    Workshop,
}

/// What the data manager shows about a stored dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetInfo {
    pub id: String,
    pub kind: DatasetKind,
    /// The URL or file name it was read from.
    pub source: String,
    /// When it was imported, in milliseconds since the epoch.
    pub imported_at: f64,
    /// Bytes of its stored observation chunks and metadata.
    pub bytes: u64,
    pub indicators: usize,
    pub observations: usize,
    /// Observations the person entered or changed, kept apart from the imported ones.
    pub edits: usize,
}

/// The store id for a dataset the person names: lower-case letters, digits and dashes, never empty
/// and never the default programme's id (`default`), so that an import cannot overwrite it by name.
pub fn dataset_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    match id.as_str() {
        "" => "import".to_owned(),
        "default" => "default-import".to_owned(),
        _ => id,
    }
}

/// A dataset without its observations: what is stored as JSON beside the columnar chunks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DatasetHead {
    pub programme: Programme,
    pub axes: Vec<Axis>,
    pub projects: Vec<Project>,
    pub indicators: Vec<Indicator>,
    /// The disaggregations observations point to.
    #[serde(default)]
    pub series: Vec<crate::model::Series>,
    /// The actions' assessments; absent in heads stored before they existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<crate::model::Assessment>,
}

impl DatasetHead {
    /// Splits a dataset into its head and its observations.
    pub fn split(dataset: Dataset) -> (DatasetHead, Vec<Observation>) {
        let Dataset {
            programme,
            axes,
            projects,
            indicators,
            observations,
            series,
            assessments,
        } = dataset;
        (
            DatasetHead {
                programme,
                axes,
                projects,
                indicators,
                series,
                assessments,
            },
            observations,
        )
    }

    /// Joins a head and its observations (already in the dataset's order).
    pub fn join(self, observations: Vec<Observation>) -> Dataset {
        Dataset {
            programme: self.programme,
            axes: self.axes,
            projects: self.projects,
            indicators: self.indicators,
            observations,
            series: self.series,
            assessments: self.assessments,
        }
    }
}

/// The metadata record of a dataset: its info, its head and how many chunks hold its observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetaRecord {
    pub info: DatasetInfo,
    pub head: DatasetHead,
    pub chunks: u32,
}

/// A metadata record read for its info and chunk count only: listing or replacing datasets skips
/// their heads (an imported Eurostat file's lists 129 000 series) instead of building them.
#[derive(Debug, Deserialize)]
pub struct MetaInfo {
    pub info: DatasetInfo,
    pub chunks: u32,
}

/// A metadata record with its head kept as JSON text: saving edits rewrites the info only.
#[derive(Debug, Deserialize)]
pub struct MetaRaw {
    pub info: DatasetInfo,
    pub head: Box<serde_json::value::RawValue>,
    pub chunks: u32,
}

/// A dataset head whose series stay the JSON text they were read as: saving an import applies the
/// person's description to the programme and indicators without building, then serialising again,
/// up to hundreds of thousands of series.
#[derive(Debug, Serialize, Deserialize)]
pub struct LightHead {
    pub programme: Programme,
    pub axes: Vec<Axis>,
    pub projects: Vec<Project>,
    pub indicators: Vec<Indicator>,
    #[serde(default = "no_series")]
    pub series: Box<serde_json::value::RawValue>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<crate::model::Assessment>,
}

fn no_series() -> Box<serde_json::value::RawValue> {
    serde_json::value::RawValue::from_string("[]".to_owned()).expect("[] is JSON")
}

impl LightHead {
    /// The whole head, its series read.
    pub fn into_head(self) -> Result<DatasetHead, serde_json::Error> {
        Ok(DatasetHead {
            series: serde_json::from_str(self.series.get())?,
            programme: self.programme,
            axes: self.axes,
            projects: self.projects,
            indicators: self.indicators,
            assessments: self.assessments,
        })
    }
}

/// The JSON of a metadata record, written around a head already serialised (the same text as
/// serde's for `MetaRecord`).
pub fn meta_json(
    info: &DatasetInfo,
    head_json: &str,
    chunks: u32,
) -> Result<String, serde_json::Error> {
    let info = serde_json::to_string(info)?;
    Ok(format!(
        r#"{{"info":{info},"head":{head_json},"chunks":{chunks}}}"#
    ))
}

/// `meta_json` with `info.bytes` set to `chunk_bytes` plus the record's own length.
pub fn meta_json_counted(
    info: &mut DatasetInfo,
    head_json: &str,
    chunks: u32,
    chunk_bytes: u64,
) -> Result<String, serde_json::Error> {
    let fixed = r#"{"info":,"head":,"chunks":}"#.len() + head_json.len() + chunks.to_string().len();
    info.bytes = chunk_bytes;
    // The count includes its own digits: a few rounds settle it.
    loop {
        let total = chunk_bytes + (fixed + serde_json::to_string(info)?.len()) as u64;
        if total == info.bytes {
            return meta_json(info, head_json, chunks);
        }
        info.bytes = total;
    }
}

/// A dataset as read back: the imported data and the person's edits, apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub info: DatasetInfo,
    pub base: Dataset,
    pub edits: Vec<Observation>,
}

impl Loaded {
    /// The dataset as shown: the imported data with the person's edits applied.
    pub fn merged(&self) -> Dataset {
        apply_edits(&self.base, &self.edits)
    }

    /// The dataset as shown, without copying the imported data when there are no edits.
    pub fn into_merged(self) -> Dataset {
        if self.edits.is_empty() {
            self.base
        } else {
            apply_edits(&self.base, &self.edits)
        }
    }
}

/// An edit the person made that a replacing file now gives another value: the edit is kept, and the
/// person is told.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub indicator: String,
    pub period: Period,
    pub edited: Option<f64>,
    pub in_file: Option<f64>,
}

/// Applies edits over a dataset: an edit replaces the imported observation of the same indicator and
/// period, or adds one; the result is in the dataset's order.
pub fn apply_edits(base: &Dataset, edits: &[Observation]) -> Dataset {
    let mut out = base.clone();
    if edits.is_empty() {
        return out;
    }
    let edited: HashMap<(&str, Period), &Observation> = edits
        .iter()
        .map(|e| ((e.indicator.as_str(), e.period), e))
        .collect();
    let mut used = std::collections::HashSet::new();
    for o in &mut out.observations {
        if let Some(&e) = edited.get(&(o.indicator.as_str(), o.period)) {
            used.insert((e.indicator.as_str(), e.period));
            *o = e.clone();
        }
    }
    out.observations.extend(
        edits
            .iter()
            .filter(|e| !used.contains(&(e.indicator.as_str(), e.period)))
            .cloned(),
    );
    out.sort_observations();
    out
}

/// Lays edited assessments over a dataset's: each replaces the one of the same action and moment,
/// or adds one when the action has none at that moment; an action the dataset does not have is
/// left out.
pub fn apply_assessments(ds: &mut Dataset, edited: &[Assessment]) {
    for a in edited {
        if ds.project(&a.project).is_none() {
            continue;
        }
        match ds
            .assessments
            .iter_mut()
            .find(|b| b.project == a.project && b.moment == a.moment)
        {
            Some(b) => *b = a.clone(),
            None => ds.assessments.push(a.clone()),
        }
    }
}

/// The edits that a new version of a file contradicts: the file has the same indicator and period
/// with another value.
pub fn conflicts(new_base: &Dataset, edits: &[Observation]) -> Vec<Conflict> {
    if edits.is_empty() {
        return Vec::new();
    }
    let in_file: HashMap<(&str, Period), Option<f64>> = new_base
        .observations
        .iter()
        .map(|o| ((o.indicator.as_str(), o.period), o.value))
        .collect();
    edits
        .iter()
        .filter_map(|e| {
            let v = *in_file.get(&(e.indicator.as_str(), e.period))?;
            let same = match (v, e.value) {
                (Some(a), Some(b)) => a.to_bits() == b.to_bits(),
                (None, None) => true,
                _ => false,
            };
            (!same).then(|| Conflict {
                indicator: e.indicator.clone(),
                period: e.period,
                edited: e.value,
                in_file: v,
            })
        })
        .collect()
}

/// Sorts edits by indicator and period and keeps the last of each key, so that stored edits are
/// canonical (and exports byte-identical).
pub fn normalise_edits(edits: Vec<Observation>) -> Vec<Observation> {
    let mut keyed: Vec<(usize, Observation)> = edits.into_iter().enumerate().collect();
    keyed.sort_by(|(ia, a), (ib, b)| {
        a.indicator
            .cmp(&b.indicator)
            .then(a.period.cmp(&b.period))
            .then(ib.cmp(ia))
    });
    keyed.dedup_by(|(_, a), (_, b)| a.indicator == b.indicator && a.period == b.period);
    keyed.into_iter().map(|(_, o)| o).collect()
}

/// A size in bytes for people: `1,5 Mo` in French, `1.5 MB` in English (decimal units, as browsers
/// report quotas).
pub fn human_bytes(bytes: f64, lang: crate::lang::Lang) -> String {
    let units: [&str; 5] = match lang {
        crate::lang::Lang::Fr => ["o", "ko", "Mo", "Go", "To"],
        crate::lang::Lang::En => ["B", "kB", "MB", "GB", "TB"],
    };
    let mut v = bytes.max(0.0);
    let mut u = 0;
    while v >= 1000.0 && u + 1 < units.len() {
        v /= 1000.0;
        u += 1;
    }
    let decimals = if u == 0 || v >= 100.0 { 0 } else { 1 };
    format!(
        "{}\u{a0}{}",
        crate::format::number(v, decimals, lang),
        units[u]
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn dataset_ids_are_slugs_that_never_name_the_default_programme() {
        assert_eq!(
            dataset_id("Émissions CO₂ (2024).csv"),
            "emissions-co-2024-csv"
        );
        assert_eq!(dataset_id("  "), "import");
        assert_eq!(dataset_id("Default"), "default-import");
        assert_eq!(dataset_id("indicator_3-1-1"), "indicator-3-1-1");
    }

    use super::*;
    use crate::lang::Lang;
    use crate::model::{Kind, Text};

    fn indicator(id: &str) -> Indicator {
        Indicator {
            project: "p".into(),
            kind: Kind::Output,
            ..Indicator::new(id, Text::new(id, id))
        }
    }

    fn obs(id: &str, year: i32, value: Option<f64>) -> Observation {
        Observation::new(id, Period::Year(year), value)
    }

    fn base() -> Dataset {
        Dataset {
            indicators: vec![indicator("a"), indicator("b")],
            observations: vec![obs("a", 2020, Some(1.0)), obs("b", 2020, Some(5.0))],
            ..Dataset::default()
        }
    }

    #[test]
    fn a_metadata_record_reads_for_its_info_alone() {
        let info = DatasetInfo {
            id: "x".into(),
            kind: DatasetKind::File,
            source: "x.csv".into(),
            imported_at: 1.0,
            bytes: 10,
            indicators: 1,
            observations: 2,
            edits: 0,
        };
        let (head, _) = DatasetHead::split(base());
        let record = MetaRecord {
            info: info.clone(),
            head,
            chunks: 1,
        };
        let text = serde_json::to_string(&record).unwrap();
        assert_eq!(serde_json::from_str::<MetaInfo>(&text).unwrap().info, info);
    }

    fn head_with_series() -> DatasetHead {
        let (mut head, _) = DatasetHead::split(base());
        head.series = (0..3)
            .map(|k| crate::model::Series {
                indicator: "a".into(),
                dimensions: vec![("geo".into(), format!("r\"{k}"))],
            })
            .collect();
        head
    }

    #[test]
    fn records_written_around_a_head_text_read_as_serde_writes_them() {
        let head = head_with_series();
        let mut info = DatasetInfo {
            id: "x".into(),
            kind: DatasetKind::File,
            source: "a \"b\".csv".into(),
            imported_at: 1.5,
            bytes: 0,
            indicators: 1,
            observations: 2,
            edits: 0,
        };
        let head_json = serde_json::to_string(&head).unwrap();
        let record = MetaRecord {
            info: info.clone(),
            head: head.clone(),
            chunks: 7,
        };
        assert_eq!(
            meta_json(&info, &head_json, 7).unwrap(),
            serde_json::to_string(&record).unwrap()
        );
        // The counted size includes the record's own text, digits of the count included.
        for chunk_bytes in [0, 9, 99_990, 123_456_789] {
            let text = meta_json_counted(&mut info, &head_json, 7, chunk_bytes).unwrap();
            assert_eq!(info.bytes, chunk_bytes + text.len() as u64);
            let back: MetaRecord = serde_json::from_str(&text).unwrap();
            assert_eq!(
                (back.info, back.head, back.chunks),
                (info.clone(), head.clone(), 7)
            );
            // Saving edits rewrites the info around the head's text, unchanged.
            let raw: MetaRaw = serde_json::from_str(&text).unwrap();
            assert_eq!(
                meta_json(&raw.info, raw.head.get(), raw.chunks).unwrap(),
                text
            );
        }
    }

    #[test]
    fn a_light_head_keeps_its_series_as_text_and_writes_them_back() {
        let head = head_with_series();
        let text = serde_json::to_string(&head).unwrap();
        let mut light: LightHead = serde_json::from_str(&text).unwrap();
        light.indicators[0].name = Text::new("Nom", "Name");
        let written = serde_json::to_string(&light).unwrap();
        let back: DatasetHead = serde_json::from_str(&written).unwrap();
        assert_eq!(back.series, head.series);
        assert_eq!(back.indicators[0].name.en, "Name");
        assert_eq!(light.into_head().unwrap(), back);
        // A head written before series existed reads with none.
        let mut old = serde_json::to_value(&head).unwrap();
        old.as_object_mut().unwrap().remove("series");
        let light: LightHead = serde_json::from_value(old).unwrap();
        assert!(light.into_head().unwrap().series.is_empty());
    }

    #[test]
    fn edits_replace_or_add_observations_and_leave_the_base_alone() {
        let b = base();
        let edits = vec![obs("b", 2020, Some(6.0)), obs("a", 2021, Some(2.0))];
        let merged = apply_edits(&b, &edits);
        assert_eq!(
            merged.observations,
            vec![
                obs("a", 2020, Some(1.0)),
                obs("a", 2021, Some(2.0)),
                obs("b", 2020, Some(6.0)),
            ]
        );
        assert_eq!(b, base(), "the imported data is untouched");
    }

    #[test]
    fn a_new_file_contradicting_an_edit_is_a_conflict() {
        let mut newer = base();
        newer.observations[1].value = Some(7.0);
        let edits = vec![obs("b", 2020, Some(6.0)), obs("a", 2020, Some(1.0))];
        let c = conflicts(&newer, &edits);
        assert_eq!(
            c,
            vec![Conflict {
                indicator: "b".into(),
                period: Period::Year(2020),
                edited: Some(6.0),
                in_file: Some(7.0),
            }]
        );
        assert!(conflicts(&newer, &[]).is_empty());
    }

    #[test]
    fn edits_are_normalised_last_one_wins() {
        let e = normalise_edits(vec![
            obs("b", 2020, Some(1.0)),
            obs("a", 2021, Some(2.0)),
            obs("b", 2020, Some(3.0)),
        ]);
        assert_eq!(
            e,
            vec![obs("a", 2021, Some(2.0)), obs("b", 2020, Some(3.0))]
        );
    }

    #[test]
    fn sizes_read_in_decimal_units_per_language() {
        assert_eq!(human_bytes(512.0, Lang::En), "512\u{a0}B");
        assert_eq!(human_bytes(1_500_000.0, Lang::Fr), "1,5\u{a0}Mo");
        assert_eq!(human_bytes(299_000_000_000.0, Lang::En), "299\u{a0}GB");
    }

    #[test]
    fn a_dataset_splits_into_head_and_observations_and_joins_back() {
        let d = base();
        let (head, rows) = DatasetHead::split(d.clone());
        assert_eq!(head.join(rows), d);
    }
}
