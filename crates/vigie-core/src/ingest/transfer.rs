//! The import job the browser runs off the main thread: its request (file, companions, options) and
//! its result packed as one byte array, so that the Web Worker hands back millions of observations
//! without JSON and without copying (the array is transferred).
//!
//! A packed result is `"VGIR"`, the report's JSON length (u32) and JSON (the report without its
//! dataset), then, when the file imports, the dataset head's JSON length and JSON, the chunk count
//! (u32) and each chunk as length (u32) and bytes, in the store's columnar encoding; when it does
//! not, an empty head (length 0), so that an answer cut right after its report is refused as
//! truncated rather than read as a refusal. Numbers are little-endian. The worker glue
//! (the `vigie-worker` crate) only moves these bytes; everything here is tested natively.

use super::import::{import_compact, ImportOptions, ImportReport, Imported};
use super::table::Rows;
use crate::columns::{chunk_rows, decode_chunk_into, encode_chunks};
use crate::model::{Axis, Dataset, Indicator, Programme, Project};
use crate::records::DatasetHead;

const MAGIC: &[u8; 4] = b"VGIR";

/// Why a packed result could not be read (a worker from another Vigie release, a damaged message).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("the import worker's answer is not a Vigie import result")]
    BadMagic,
    #[error("the import worker's answer is truncated")]
    Truncated,
    #[error("the import worker's answer holds invalid JSON: {0}")]
    Json(String),
    #[error("the import worker's answer holds invalid observations: {0}")]
    Chunk(String),
}

/// Runs an import as the worker does: `options_json` is an `ImportOptions` in JSON (empty for
/// Vigie's guesses); a bad options text becomes the report's one problem rather than a panic.
pub fn run_import(
    file_name: &str,
    bytes: &[u8],
    companions: &[(&str, &[u8])],
    options_json: &str,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Vec<u8> {
    let opts: ImportOptions = if options_json.trim().is_empty() {
        ImportOptions::default()
    } else {
        match serde_json::from_str(options_json) {
            Ok(o) => o,
            Err(e) => {
                let mut report = super::import("", b"", &ImportOptions::default());
                report.file = file_name.to_owned();
                if let Some(p) = report.problems.first_mut() {
                    p.file = "options".into();
                    p.line = e.line();
                    p.column = e.column();
                    p.kind = super::ProblemKind::InvalidOptions {
                        message: e.to_string(),
                    };
                }
                return pack(report);
            }
        }
    };
    pack_imported(import_compact(
        file_name, bytes, companions, &opts, progress,
    ))
}

/// Whether a file, by its name, is an indicator's metadata (`.md`, `.yml`, `.yaml`, any case): a
/// companion of the data file it describes, never the file to import.
pub fn is_metadata_file(name: &str) -> bool {
    let n = name.to_lowercase();
    n.ends_with(".md") || n.ends_with(".yml") || n.ends_with(".yaml")
}

/// Which of the files the person gave is the one to import: a `datapackage.json`, else the first
/// that is not indicator metadata (`.md`, `.yml`, `.yaml`); the others are its companions.
pub fn main_file(names: &[&str]) -> Option<usize> {
    let base = |n: &str| n.rsplit(['/', '\\']).next().unwrap_or(n).to_lowercase();
    names
        .iter()
        .position(|n| base(n) == "datapackage.json")
        .or_else(|| names.iter().position(|n| !is_metadata_file(n)))
}

/// The companion files `main` needs (a Data Package's resources) that are not among `given`,
/// matched as the importer matches them: by path, or by base name.
pub fn missing_companions(main: &str, bytes: &[u8], given: &[&str]) -> Vec<String> {
    if !main.to_lowercase().ends_with(".json") {
        return Vec::new();
    }
    super::companions_needed(main, bytes)
        .into_iter()
        .filter(|path| {
            let clean = path.trim_start_matches("./");
            !given.iter().any(|n| {
                *n == clean
                    || n.ends_with(&format!("/{clean}"))
                    || clean.ends_with(&format!("/{n}"))
            })
        })
        .collect()
}

/// `DatasetHead` borrowed, without its series.
#[derive(serde::Serialize)]
struct HeadRef<'a> {
    programme: &'a Programme,
    axes: &'a [Axis],
    projects: &'a [Project],
    indicators: &'a [Indicator],
}

/// The JSON of `DatasetHead` for a dataset whose series are still in the reader's table: the same
/// bytes as serde's, the series (up to hundreds of thousands) written directly.
fn head_json(ds: &Dataset, rows: &Rows) -> Vec<u8> {
    let head = HeadRef {
        programme: &ds.programme,
        axes: &ds.axes,
        projects: &ds.projects,
        indicators: &ds.indicators,
    };
    let mut out = serde_json::to_vec(&head).expect("a dataset head always serialises");
    out.pop(); // the closing brace: `series` is the last field
    out.extend_from_slice(b",\"series\":[");
    for (k, s) in rows.series_refs().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"indicator\":");
        json_str(&mut out, s.indicator.as_bytes());
        out.extend_from_slice(b",\"dimensions\":[");
        for (j, (name, value)) in s.dimensions.raw_pairs().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            out.push(b'[');
            json_str(&mut out, name);
            out.push(b',');
            json_str(&mut out, value);
            out.push(b']');
        }
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"]}");
    out
}

/// A JSON string as serde_json writes it: `"` and `\` escaped, control characters as `\n`-style
/// escapes or `\u00XX`, everything else as is (`s` is UTF-8).
fn json_str(out: &mut Vec<u8>, s: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let escaped = |c: u8| c < 0x20 || c == b'"' || c == b'\\';
    out.push(b'"');
    let b = s;
    // Most texts (codes, names) need no escape: one copy.
    let mut k = 0;
    while k < b.len() && !escaped(b[k]) {
        k += 1;
    }
    if k == b.len() {
        out.extend_from_slice(b);
        out.push(b'"');
        return;
    }
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0..=0x1f => b'u',
            _ => continue,
        };
        out.extend_from_slice(&b[from..i]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            out.extend_from_slice(&[b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]);
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

fn push_block(out: &mut Vec<u8>, block: &[u8]) {
    out.extend_from_slice(&(block.len() as u32).to_le_bytes());
    out.extend_from_slice(block);
}

/// Packs a report (and its dataset, if any) into one byte array.
pub fn pack(report: ImportReport) -> Vec<u8> {
    pack_imported(report.into())
}

/// Packs an import's outcome; a delimited file's observations go from the reader's compact form
/// straight into chunks (the same bytes as `pack` of `Imported::into_report`).
pub fn pack_imported(imported: Imported) -> Vec<u8> {
    let Imported { mut report, rows } = imported;
    let dataset = report.dataset.take();
    let json = serde_json::to_vec(&report).expect("a report always serialises");
    let Some(ds) = dataset else {
        let mut out = Vec::with_capacity(12 + json.len());
        out.extend_from_slice(MAGIC);
        push_block(&mut out, &json);
        // No dataset: an empty head. Before, the answer ended with the report, and an imported
        // answer cut at that point read as a refused one (with no problem to show).
        push_block(&mut out, &[]);
        return out;
    };
    let mut out;
    match rows {
        Some(rows) => {
            let head = head_json(&ds, &rows);
            // 24 bytes an observation in chunks, and their sparse notes and flags: reserving a
            // little more spares a copy of the whole result when it grows.
            out = Vec::with_capacity(16 + json.len() + head.len() + 28 * rows.len() + 4096);
            out.extend_from_slice(MAGIC);
            push_block(&mut out, &json);
            push_block(&mut out, &head);
            out.extend_from_slice(&(rows.chunk_count() as u32).to_le_bytes());
            rows.write_chunks(&mut out);
        }
        None => {
            let (head, observations) = DatasetHead::split(ds);
            let head = serde_json::to_vec(&head).expect("a dataset head always serialises");
            let chunks = encode_chunks(&observations);
            let size =
                16 + json.len() + head.len() + chunks.iter().map(|c| 4 + c.len()).sum::<usize>();
            out = Vec::with_capacity(size);
            out.extend_from_slice(MAGIC);
            push_block(&mut out, &json);
            push_block(&mut out, &head);
            out.extend_from_slice(&(chunks.len() as u32).to_le_bytes());
            for c in &chunks {
                push_block(&mut out, c);
            }
        }
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn u32(&mut self) -> Result<usize, TransferError> {
        let b = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or(TransferError::Truncated)?;
        self.at += 4;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn block(&mut self) -> Result<&'a [u8], TransferError> {
        let n = self.u32()?;
        let b = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(TransferError::Truncated)?;
        self.at += n;
        Ok(b)
    }
}

/// Reads a packed result back into a report with its dataset.
pub fn unpack(bytes: &[u8]) -> Result<ImportReport, TransferError> {
    if !bytes.starts_with(MAGIC) {
        return Err(TransferError::BadMagic);
    }
    let mut r = Reader { bytes, at: 4 };
    let mut report: ImportReport =
        serde_json::from_slice(r.block()?).map_err(|e| TransferError::Json(e.to_string()))?;
    let head = r.block()?;
    if !head.is_empty() {
        let head: DatasetHead =
            serde_json::from_slice(head).map_err(|e| TransferError::Json(e.to_string()))?;
        let n = r.u32()?;
        let mut observations = Vec::new();
        for _ in 0..n {
            decode_chunk_into(r.block()?, &mut observations)
                .map_err(|e| TransferError::Chunk(e.to_string()))?;
        }
        report.dataset = Some(head.join(observations));
    }
    Ok(report)
}

/// Reads a packed answer front to back through a `read(at, n)` function.
struct Cursor<F> {
    at: usize,
    read: F,
}

impl<F: FnMut(usize, usize) -> Option<Vec<u8>>> Cursor<F> {
    fn take(&mut self, n: usize) -> Result<Vec<u8>, TransferError> {
        let b = (self.read)(self.at, n)
            .filter(|b| b.len() == n)
            .ok_or(TransferError::Truncated)?;
        self.at += n;
        Ok(b)
    }

    fn u32(&mut self) -> Result<usize, TransferError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
}

/// `read(at, n)` over an answer held in memory.
fn copy_from(bytes: &[u8]) -> impl Fn(usize, usize) -> Option<Vec<u8>> + '_ {
    |at, n| bytes.get(at..at.checked_add(n)?).map(<[u8]>::to_vec)
}

/// Where one observation chunk lies in a packed answer, and how many rows it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkAt {
    pub at: usize,
    pub len: usize,
    pub rows: usize,
}

/// What the page reads of a packed answer at once: the report, the dataset's head bytes (which
/// list every disaggregation: megabytes for a Eurostat file; parsed only when the person saves),
/// and where each observation chunk lies. The answer itself stays where it arrived (on the web, a
/// JavaScript array outside wasm memory): receiving even millions of observations copies only the
/// report and the head, the chunks go to the store as they are (`Store::put_packed`), and they are
/// decoded only when the dataset is shown.
#[derive(Debug, Clone)]
pub struct Received {
    /// The report, without its dataset.
    pub report: ImportReport,
    /// Where the head's JSON lies (`at`, `len`).
    head: Option<(usize, usize)>,
    chunks: Vec<ChunkAt>,
}

impl Received {
    /// Reads a packed answer held in memory.
    pub fn read(bytes: &[u8]) -> Result<Received, TransferError> {
        Received::read_with(bytes.len(), copy_from(bytes))
    }

    /// Reads a packed answer of `len` bytes through `read(at, n)`, which gives bytes `at..at + n`
    /// (`None` past the end): the report, the head, and each chunk's 9-byte header only.
    pub fn read_with(
        len: usize,
        read: impl FnMut(usize, usize) -> Option<Vec<u8>>,
    ) -> Result<Received, TransferError> {
        let mut c = Cursor { at: 0, read };
        if len < MAGIC.len() || c.take(MAGIC.len())? != MAGIC {
            return Err(TransferError::BadMagic);
        }
        let n = c.u32()?;
        let report: ImportReport =
            serde_json::from_slice(&c.take(n)?).map_err(|e| TransferError::Json(e.to_string()))?;
        let mut head = None;
        let mut chunks = Vec::new();
        // An empty head: the file was refused (see `pack_imported`).
        let n = c.u32()?;
        if n > 0 {
            if c.at.checked_add(n).is_none_or(|end| end > len) {
                return Err(TransferError::Truncated);
            }
            head = Some((c.at, n));
            c.at += n;
            for _ in 0..c.u32()? {
                let n = c.u32()?;
                let at = c.at;
                if at.checked_add(n).is_none_or(|end| end > len) {
                    return Err(TransferError::Truncated);
                }
                let rows = (c.read)(at, n.min(9))
                    .as_deref()
                    .and_then(chunk_rows)
                    .ok_or_else(|| TransferError::Chunk(format!("no chunk header at byte {at}")))?;
                chunks.push(ChunkAt { at, len: n, rows });
                c.at += n;
            }
        }
        Ok(Received {
            report,
            head,
            chunks,
        })
    }

    /// Whether the file imports (no problem, or problems accepted).
    pub fn ok(&self) -> bool {
        self.head.is_some()
    }

    /// The dataset's head (indicators, series, programme), when the file imports, read from the
    /// answer through `read(at, n)` (only when the person saves: it may be megabytes).
    /// `T` is `DatasetHead`, or `records::LightHead` to leave its series as JSON text.
    pub fn head_with<T: serde::de::DeserializeOwned>(
        &self,
        read: impl FnOnce(usize, usize) -> Option<Vec<u8>>,
    ) -> Result<Option<T>, TransferError> {
        let Some((at, n)) = self.head else {
            return Ok(None);
        };
        let bytes = read(at, n)
            .filter(|b| b.len() == n)
            .ok_or(TransferError::Truncated)?;
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| TransferError::Json(e.to_string()))
    }

    /// `head_with` of an answer held in memory.
    pub fn head(&self, bytes: &[u8]) -> Result<Option<DatasetHead>, TransferError> {
        self.head_with::<DatasetHead>(copy_from(bytes))
    }

    /// Where the observation chunks lie in the answer, in order.
    pub fn chunks(&self) -> &[ChunkAt] {
        &self.chunks
    }

    /// The observations the chunks hold.
    pub fn observations(&self) -> usize {
        self.chunks.iter().map(|c| c.rows).sum()
    }

    /// Decodes the whole dataset from the answer it was read from (tests, and the rare save that
    /// must compare with the person's edits).
    pub fn dataset(&self, bytes: &[u8]) -> Result<Option<Dataset>, TransferError> {
        let Some(head) = self.head(bytes)? else {
            return Ok(None);
        };
        let mut observations = Vec::with_capacity(self.observations());
        for c in &self.chunks {
            let chunk = bytes
                .get(c.at..c.at + c.len)
                .ok_or(TransferError::Truncated)?;
            decode_chunk_into(chunk, &mut observations)
                .map_err(|e| TransferError::Chunk(e.to_string()))?;
        }
        Ok(Some(head.join(observations)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str =
        "indicator,year,value,flag\nco2,2020,3200,\nco2,2021,3100.5,p\nwaste,2021,12,\n";

    #[test]
    fn a_packed_import_reads_back_equal() {
        let direct = super::super::import("data.csv", CSV.as_bytes(), &ImportOptions::default());
        assert!(direct.ok(), "{:?}", direct.problems);
        let packed = run_import("data.csv", CSV.as_bytes(), &[], "", &mut |_, _| true);
        assert_eq!(unpack(&packed).unwrap(), direct);
    }

    #[test]
    fn a_refused_file_packs_without_a_dataset() {
        let packed = run_import("empty.csv", b"", &[], "{}", &mut |_, _| true);
        let report = unpack(&packed).unwrap();
        assert!(report.dataset.is_none());
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.file, "empty.csv");
    }

    #[test]
    fn options_are_read_from_json_and_bad_options_are_a_located_problem() {
        let opts = r#"{"decimal": ",", "delimiter": ";"}"#;
        let text = "indicator;year;value\nco2;2020;3,5\n";
        let report = unpack(&run_import(
            "a.csv",
            text.as_bytes(),
            &[],
            opts,
            &mut |_, _| true,
        ))
        .unwrap();
        let ds = report.dataset.expect("imports");
        assert_eq!(ds.observations[0].value, Some(3.5));

        let report = unpack(&run_import(
            "a.csv",
            text.as_bytes(),
            &[],
            "{\"decimal\": 3}",
            &mut |_, _| true,
        ))
        .unwrap();
        assert!(report.dataset.is_none());
        let p = &report.problems[0];
        assert_eq!((p.file.as_str(), p.line), ("options", 1));
        assert!(
            p.column > 0 && matches!(p.kind, super::super::ProblemKind::InvalidOptions { .. }),
            "{p:?}"
        );
    }

    #[test]
    fn received_results_keep_their_chunks_packed_and_decode_to_the_same_dataset() {
        let mut csv = String::from("indicator,year,value\n");
        for i in 0..70_000 {
            csv.push_str(&format!("i{},{},{}\n", i % 7, 1900 + i % 120, i));
        }
        let packed = run_import("big.csv", csv.as_bytes(), &[], "", &mut |_, _| true);
        let direct = unpack(&packed).unwrap();
        let got = Received::read(&packed).unwrap();
        assert!(got.ok());
        assert_eq!(got.chunks().len(), 2);
        assert_eq!(got.observations(), 70_000);
        assert_eq!(got.report.counts, direct.counts);
        assert!(got.report.dataset.is_none());
        assert_eq!(got.dataset(&packed).unwrap(), direct.dataset);

        // Read piecewise, as the page reads a JavaScript array: only the report, the head and the
        // chunk headers are asked for.
        let mut asked = 0;
        let piecewise = Received::read_with(packed.len(), |at, n| {
            asked += n;
            packed.get(at..at + n).map(<[u8]>::to_vec)
        })
        .unwrap();
        assert_eq!(piecewise.chunks(), got.chunks());
        assert!(
            asked < packed.len() / 10,
            "{asked} of {} bytes",
            packed.len()
        );

        let refused = run_import("empty.csv", b"", &[], "", &mut |_, _| true);
        let got = Received::read(&refused).unwrap();
        assert!(!got.ok() && got.dataset(&refused).unwrap().is_none());
        for cut in [0, 3, 9, packed.len() - 2] {
            assert!(Received::read(&packed[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_header_of_a_million_fields_is_refused_with_a_small_report() {
        let text = format!("indicator,year,value{}", ",x".repeat(1_000_000));
        let packed = run_import("wide.csv", text.as_bytes(), &[], "", &mut |_, _| true);
        assert!(packed.len() < 100_000, "{} bytes", packed.len());
        let r = unpack(&packed).unwrap();
        assert!(r.dataset.is_none());
        // Refused where the first field past the widest table the import reads starts.
        assert_eq!((r.problems[0].line, r.problems[0].column), (1, 32_784));
        assert_eq!(
            r.problems[0].kind,
            super::super::ProblemKind::TooManyColumns {
                max: super::super::sniff::MAX_COLUMNS,
                found: 1_000_003
            }
        );
        assert!(r
            .preview
            .iter()
            .all(|row| row.len() <= super::super::import::PREVIEW_COLUMNS));
    }

    #[test]
    fn the_main_file_is_the_package_else_the_first_data_file() {
        assert_eq!(main_file(&["obs.csv", "datapackage.json"]), Some(1));
        assert_eq!(main_file(&["3-1-1.md", "indicator_3-1-1.csv"]), Some(1));
        assert_eq!(main_file(&["a.yml"]), None);
        assert!(is_metadata_file("meta/1-1-1.YML") && is_metadata_file("x.md"));
        assert!(!is_metadata_file("indicator_1-1-1.csv") && !is_metadata_file("md"));
        assert_eq!(main_file(&[]), None);
    }

    #[test]
    fn missing_companions_are_named_until_given() {
        let pkg = br#"{"resources": [{"path": "data/obs.csv"}, {"path": "ind.csv"}]}"#;
        assert_eq!(
            missing_companions("datapackage.json", pkg, &[]),
            vec!["data/obs.csv".to_owned(), "ind.csv".to_owned()]
        );
        assert_eq!(
            missing_companions("datapackage.json", pkg, &["obs.csv"]),
            vec!["ind.csv".to_owned()]
        );
        assert!(missing_companions("datapackage.json", pkg, &["obs.csv", "ind.csv"]).is_empty());
        assert!(missing_companions("data.csv", b"a,b\n", &[]).is_empty());
    }

    #[test]
    fn json_strings_are_written_as_serde_writes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é€\u{2028}😀\"\\");
        for s in [all.as_str(), "", "plain", "a\"b", "\u{1f}x\u{7f}"] {
            let mut out = Vec::new();
            json_str(&mut out, s.as_bytes());
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn a_compact_pack_equals_the_pack_of_the_whole_report() {
        let csv = "indicator,geo,sex,year,value,flag\nco2,\"A\"\"x\",F,2020,1.5,p\n\
                   co2,\"b\\\\c\",M,2019/20,2,\nwaste,\"t\tab\",,2021,,\nco2,é,F,2020,3,\n";
        let compact = super::super::import::import_compact(
            "d.csv",
            csv.as_bytes(),
            &[],
            &ImportOptions::default(),
            &mut |_, _| true,
        );
        assert!(compact.rows.is_some());
        let whole = compact.report.clone();
        let direct = pack_imported(compact);
        let report = super::super::import("d.csv", csv.as_bytes(), &ImportOptions::default());
        assert!(report.ok(), "{:?}", report.problems);
        assert!(whole.dataset.is_some());
        assert_eq!(direct, pack(report));
    }

    #[test]
    fn damaged_answers_are_errors_not_panics() {
        let packed = run_import("data.csv", CSV.as_bytes(), &[], "", &mut |_, _| true);
        assert_eq!(unpack(b"nope"), Err(TransferError::BadMagic));
        for cut in [5, 10, packed.len() - 3] {
            assert!(unpack(&packed[..cut]).is_err(), "cut at {cut}");
        }
        // Cut right after the report: not a refusal without a problem, a truncated answer.
        let report = u32::from_le_bytes([packed[4], packed[5], packed[6], packed[7]]) as usize;
        let cut = &packed[..8 + report];
        assert_eq!(unpack(cut), Err(TransferError::Truncated));
        assert_eq!(Received::read(cut).unwrap_err(), TransferError::Truncated);
    }

    #[test]
    fn many_observations_cross_chunk_boundaries() {
        let mut csv = String::from("indicator,year,value\n");
        for i in 0..70_000 {
            csv.push_str(&format!("i{},{},{}\n", i % 7, 1900 + i % 120, i));
        }
        let direct = super::super::import("big.csv", csv.as_bytes(), &ImportOptions::default());
        let back = unpack(&run_import(
            "big.csv",
            csv.as_bytes(),
            &[],
            "",
            &mut |_, _| true,
        ))
        .unwrap();
        assert_eq!(back.counts, direct.counts);
        assert_eq!(back.dataset, direct.dataset);
    }
}
