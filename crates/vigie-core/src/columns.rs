//! The columnar encoding of observations: chunks of rows stored as one byte array each, a column per field.
//!
//! A chunk is `"VGCH"`, a format version byte, the row count (u32) and the number of sections (u8),
//! then sections `{tag: u8, length: u32, bytes}`. Numbers are little-endian. Each section holds one
//! column: the indicator dictionary and codes, the periods, the values and their missing bitmap, the
//! provenance and, sparsely, the notes, series and flags. A field added to `Observation` later gets a new tag; a chunk
//! without that section reads the field's default, and a reader that meets a tag it does not know
//! refuses the chunk (it was written by a newer Vigie) instead of dropping data silently.

use crate::model::{Observation, Provenance};
use crate::period::Period;

/// The magic bytes that open every chunk.
pub const MAGIC: &[u8; 4] = b"VGCH";
/// The chunk format this build writes and the newest it reads.
pub const FORMAT_VERSION: u8 = 1;
/// Rows per chunk: large enough that a million observations make only 16 records.
pub const CHUNK_ROWS: usize = 65_536;

const TAG_INDICATOR_DICT: u8 = 1;
const TAG_INDICATOR_CODE: u8 = 2;
const TAG_PERIOD: u8 = 3;
const TAG_VALUE: u8 = 4;
const TAG_MISSING: u8 = 5;
const TAG_PROVENANCE: u8 = 6;
const TAG_NOTE: u8 = 7;
/// The disaggregated series of each row (u32, `u32::MAX` for the headline); written only when a
/// row has one.
const TAG_SERIES: u8 = 8;
/// Status flags, sparse like notes.
const TAG_FLAG: u8 = 9;

/// Why a chunk could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ColumnsError {
    #[error("not a Vigie observation chunk")]
    BadMagic,
    #[error(
        "chunk format {0} was written by a newer Vigie (this one reads up to {FORMAT_VERSION})"
    )]
    NewerFormat(u8),
    #[error("chunk column {0} is unknown to this Vigie")]
    UnknownColumn(u8),
    #[error("chunk column {0} is missing")]
    MissingColumn(u8),
    #[error("chunk is truncated or a column has the wrong length")]
    Truncated,
    #[error("chunk holds an invalid value: {0}")]
    Invalid(&'static str),
}

/// The number of rows a chunk holds, read from its header (`None` when it is not a chunk).
pub fn chunk_rows(chunk: &[u8]) -> Option<usize> {
    if !chunk.starts_with(MAGIC) || chunk.len() < 9 {
        return None;
    }
    Some(u32::from_le_bytes([chunk[5], chunk[6], chunk[7], chunk[8]]) as usize)
}

/// Splits observations into chunks of at most `CHUNK_ROWS` rows and encodes each.
pub fn encode_chunks(observations: &[Observation]) -> Vec<Vec<u8>> {
    observations.chunks(CHUNK_ROWS).map(encode_chunk).collect()
}

/// Decodes chunks in order, appending their rows to one vector.
pub fn decode_chunks<'a, I>(chunks: I) -> Result<Vec<Observation>, ColumnsError>
where
    I: IntoIterator<Item = &'a [u8]>,
{
    let mut out = Vec::new();
    for chunk in chunks {
        decode_chunk_into(chunk, &mut out)?;
    }
    Ok(out)
}

/// Encodes one chunk of rows.
pub fn encode_chunk(rows: &[Observation]) -> Vec<u8> {
    let mut e = ChunkEncoder::new(rows.len());
    for o in rows {
        e.push(RowView {
            indicator: &o.indicator,
            period: o.period,
            value: o.value,
            provenance: o.provenance,
            note: &o.note,
            series: o.series,
            flag: &o.flag,
        });
    }
    e.finish()
}

/// One row as the encoder reads it, so that rows kept in another form (the importer's) are encoded
/// without first becoming `Observation`s.
#[derive(Debug, Clone, Copy)]
pub struct RowView<'a> {
    pub indicator: &'a str,
    pub period: Period,
    pub value: Option<f64>,
    pub provenance: Provenance,
    pub note: &'a str,
    pub series: Option<u32>,
    pub flag: &'a str,
}

/// Builds one chunk of a known number of rows (at most `CHUNK_ROWS`) in a single pass: the
/// fixed-width columns are allocated once, zeroed, and written in place.
pub struct ChunkEncoder<'a> {
    /// Rows pushed so far, and rows planned.
    n: usize,
    rows: usize,
    /// Indicator dictionary, in order of first appearance.
    dict: Vec<&'a str>,
    codes: Vec<u8>,
    periods: Vec<u8>,
    values: Vec<u8>,
    missing: Vec<u8>,
    prov: Vec<u8>,
    series: Vec<u8>,
    any_series: bool,
    notes: SparseText,
    flags: SparseText,
}

/// Writes 4 bytes at `dst[at..]`: plain stores after one bounds check (this runs for every row,
/// and at opt-level z `copy_from_slice` is a call and a loop is not unrolled).
#[inline(always)]
fn put4(dst: &mut [u8], at: usize, src: [u8; 4]) {
    let d = &mut dst[at..at + 4];
    d[0] = src[0];
    d[1] = src[1];
    d[2] = src[2];
    d[3] = src[3];
}

/// Writes 8 bytes at `dst[at..]` (see `put4`).
#[inline(always)]
fn put8(dst: &mut [u8], at: usize, src: [u8; 8]) {
    let d = &mut dst[at..at + 8];
    d[0] = src[0];
    d[1] = src[1];
    d[2] = src[2];
    d[3] = src[3];
    d[4] = src[4];
    d[5] = src[5];
    d[6] = src[6];
    d[7] = src[7];
}

/// Fills `dst` with copies of `pattern` (whose length divides `dst`'s), doubling what is written.
fn fill(dst: &mut [u8], pattern: &[u8]) {
    if dst.is_empty() {
        return;
    }
    dst[..pattern.len()].copy_from_slice(pattern);
    let mut done = pattern.len();
    while done < dst.len() {
        let more = done.min(dst.len() - done);
        dst.copy_within(..more, done);
        done += more;
    }
}

/// A text column empty on most rows: `{count: u32, (row: u32, length: u32, bytes)…}`.
#[derive(Default)]
struct SparseText {
    count: u32,
    body: Vec<u8>,
}

impl SparseText {
    #[inline(always)]
    fn push(&mut self, row: usize, s: &str) {
        if !s.is_empty() {
            self.add(row, s);
        }
    }

    fn add(&mut self, row: usize, s: &str) {
        self.count += 1;
        self.body.extend_from_slice(&(row as u32).to_le_bytes());
        self.body.extend_from_slice(&(s.len() as u32).to_le_bytes());
        self.body.extend_from_slice(s.as_bytes());
    }

    /// The section, or `None` when every row's text is empty.
    fn section(self) -> Option<Vec<u8>> {
        (self.count > 0).then(|| {
            let mut t = Vec::with_capacity(4 + self.body.len());
            t.extend_from_slice(&self.count.to_le_bytes());
            t.extend_from_slice(&self.body);
            t
        })
    }
}

impl<'a> ChunkEncoder<'a> {
    /// An encoder for `rows` rows (fewer may be pushed).
    pub fn new(rows: usize) -> Self {
        ChunkEncoder {
            n: 0,
            rows,
            dict: Vec::new(),
            codes: vec![0; 4 * rows],
            periods: vec![0; 7 * rows],
            values: vec![0; 8 * rows],
            missing: vec![0; rows.div_ceil(8)],
            prov: vec![0; rows],
            series: vec![0; 4 * rows],
            any_series: false,
            notes: SparseText::default(),
            flags: SparseText::default(),
        }
    }

    /// Rows so far.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether no row was pushed.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Appends one row.
    pub fn push(&mut self, o: RowView<'a>) {
        self.push_run(o.indicator, o.period, o.provenance, 1, |_| {
            (o.value, o.series, o.note, o.flag)
        });
    }

    /// Appends `n` rows that share their indicator, period and provenance; `row(k)` gives the
    /// value, series, note and flag of the `k`-th.
    ///
    /// # Panics
    /// When more rows are pushed than the encoder was made for.
    pub fn push_run(
        &mut self,
        indicator: &'a str,
        period: Period,
        provenance: Provenance,
        n: usize,
        row: impl Fn(usize) -> (Option<f64>, Option<u32>, &'a str, &'a str),
    ) {
        assert!(
            self.n + n <= self.rows,
            "more rows than the chunk was made for"
        );
        // Rows are sorted by indicator, so the last entry is almost always the one.
        let code = match self.dict.iter().rposition(|d| *d == indicator) {
            Some(c) => c,
            None => {
                self.dict.push(indicator);
                self.dict.len() - 1
            }
        };
        let (kind, year, a, b) = match period {
            Period::Year(y) => (0u8, y, 0u8, 0u8),
            Period::Quarter(y, q) => (1, y, q, 0),
            Period::Month(y, m) => (2, y, m, 0),
            Period::Day(y, m, d) => (3, y, m, d),
        };
        let y = year.to_le_bytes();
        let p = [y[0], y[1], y[2], y[3], kind, a, b];
        let code = (code as u32).to_le_bytes();
        let prov = match provenance {
            Provenance::Report => 0,
            Provenance::Illustrative => 1,
            Provenance::Imported => 2,
        };
        let at = self.n;
        // The columns a run shares are written once, then doubled (a few `memcpy`s, not a loop per row).
        fill(&mut self.codes[4 * at..4 * (at + n)], &code);
        fill(&mut self.periods[7 * at..7 * (at + n)], &p);
        self.prov[at..at + n].fill(prov);
        let (values, series, missing) = (
            self.values.as_mut_slice(),
            self.series.as_mut_slice(),
            self.missing.as_mut_slice(),
        );
        let mut k = 0;
        while k < n {
            let i = at + k;
            let (value, sr, note, flag) = row(k);
            let x = match value {
                Some(x) => x,
                None => {
                    missing[i / 8] |= 1 << (i % 8);
                    f64::NAN
                }
            };
            put8(values, 8 * i, x.to_le_bytes());
            if let Some(sr) = sr {
                self.any_series = true;
                put4(series, 4 * i, sr.to_le_bytes());
            } else {
                put4(series, 4 * i, [0xff; 4]);
            }
            self.notes.push(i, note);
            self.flags.push(i, flag);
            k += 1;
        }
        self.n += n;
    }

    /// The encoded chunk.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write(&mut out, false);
        out
    }

    /// Appends the encoded chunk to `out`, after its length (u32) when `with_length`: the columns
    /// are copied once, into place.
    pub fn write(mut self, out: &mut Vec<u8>, with_length: bool) {
        let n = self.n;
        if n < self.rows {
            self.codes.truncate(4 * n);
            self.periods.truncate(7 * n);
            self.values.truncate(8 * n);
            self.missing.truncate(n.div_ceil(8));
            self.prov.truncate(n);
            self.series.truncate(4 * n);
        }
        let mut d = Vec::new();
        d.extend_from_slice(&(self.dict.len() as u32).to_le_bytes());
        for s in &self.dict {
            d.extend_from_slice(&(s.len() as u32).to_le_bytes());
            d.extend_from_slice(s.as_bytes());
        }
        let mut sections: Vec<(u8, Vec<u8>)> = vec![
            (TAG_INDICATOR_DICT, d),
            (TAG_INDICATOR_CODE, self.codes),
            (TAG_PERIOD, self.periods),
            (TAG_VALUE, self.values),
            (TAG_MISSING, self.missing),
            (TAG_PROVENANCE, self.prov),
        ];
        if let Some(t) = self.notes.section() {
            sections.push((TAG_NOTE, t));
        }
        if self.any_series {
            sections.push((TAG_SERIES, self.series));
        }
        if let Some(t) = self.flags.section() {
            sections.push((TAG_FLAG, t));
        }
        let total: usize = 10 + sections.iter().map(|(_, s)| 5 + s.len()).sum::<usize>();
        out.reserve(total + 4);
        if with_length {
            out.extend_from_slice(&(total as u32).to_le_bytes());
        }
        out.extend_from_slice(MAGIC);
        out.push(FORMAT_VERSION);
        out.extend_from_slice(&(n as u32).to_le_bytes());
        out.push(sections.len() as u8);
        for (tag, bytes) in sections {
            out.push(tag);
            out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&bytes);
        }
    }
}

/// Reads a `sparse_text` section into the `n` rows that start at `rows[0]`.
fn read_sparse_text(
    section: &[u8],
    rows: &mut [Observation],
    what: &'static str,
    set: impl Fn(&mut Observation, String),
) -> Result<(), ColumnsError> {
    let mut t = Reader { bytes: section };
    let count = t.u32()?;
    for _ in 0..count {
        let row = t.u32()? as usize;
        let text = t.str()?;
        let o = rows.get_mut(row).ok_or(ColumnsError::Invalid(what))?;
        set(o, text.to_owned());
    }
    Ok(())
}

/// A reader over a byte slice that fails with `Truncated` instead of panicking.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ColumnsError> {
        if self.bytes.len() < n {
            return Err(ColumnsError::Truncated);
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, ColumnsError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ColumnsError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Result<&'a str, ColumnsError> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| ColumnsError::Invalid("text is not UTF-8"))
    }
}

/// Decodes one chunk and appends its rows to `out`.
pub fn decode_chunk_into(chunk: &[u8], out: &mut Vec<Observation>) -> Result<(), ColumnsError> {
    let mut r = Reader { bytes: chunk };
    if r.take(4).map_err(|_| ColumnsError::BadMagic)? != MAGIC {
        return Err(ColumnsError::BadMagic);
    }
    let version = r.u8()?;
    if version > FORMAT_VERSION {
        return Err(ColumnsError::NewerFormat(version));
    }
    let n = r.u32()? as usize;
    let count = r.u8()?;
    let mut sections: [Option<&[u8]>; 10] = [None; 10];
    for _ in 0..count {
        let tag = r.u8()?;
        let len = r.u32()? as usize;
        let bytes = r.take(len)?;
        match sections.get_mut(tag as usize) {
            Some(slot) if tag != 0 => *slot = Some(bytes),
            _ => return Err(ColumnsError::UnknownColumn(tag)),
        }
    }
    if !r.bytes.is_empty() {
        return Err(ColumnsError::Truncated);
    }
    let need = |tag: u8| sections[tag as usize].ok_or(ColumnsError::MissingColumn(tag));
    let sized = |tag: u8, width: usize| -> Result<&[u8], ColumnsError> {
        let s = need(tag)?;
        if s.len() == width * n {
            Ok(s)
        } else {
            Err(ColumnsError::Truncated)
        }
    };

    let mut d = Reader {
        bytes: need(TAG_INDICATOR_DICT)?,
    };
    let dict_len = d.u32()? as usize;
    let mut dict: Vec<&str> = Vec::with_capacity(dict_len.min(n + 1));
    for _ in 0..dict_len {
        dict.push(d.str()?);
    }
    let codes = sized(TAG_INDICATOR_CODE, 4)?;
    let periods = sized(TAG_PERIOD, 7)?;
    let values = sized(TAG_VALUE, 8)?;
    let missing = need(TAG_MISSING)?;
    if missing.len() != n.div_ceil(8) {
        return Err(ColumnsError::Truncated);
    }
    let prov = sized(TAG_PROVENANCE, 1)?;

    out.reserve(n);
    let base = out.len();
    // The indicator id of the previous row is cloned again while the code does not change, which
    // shares nothing but keeps the dictionary lookup out of the loop's common path.
    let mut last_code = u32::MAX;
    let mut last_id = String::new();
    for i in 0..n {
        let c = &codes[4 * i..4 * i + 4];
        let code = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        if code != last_code {
            last_id = (*dict
                .get(code as usize)
                .ok_or(ColumnsError::Invalid("indicator code out of range"))?)
            .to_owned();
            last_code = code;
        }
        let p = &periods[7 * i..7 * i + 7];
        let year = i32::from_le_bytes([p[0], p[1], p[2], p[3]]);
        let period = match (p[4], p[5], p[6]) {
            (0, 0, 0) => Period::Year(year),
            (1, q @ 1..=4, 0) => Period::Quarter(year, q),
            (2, m @ 1..=12, 0) => Period::Month(year, m),
            (3, m @ 1..=12, d @ 1..=31) => Period::Day(year, m, d),
            _ => return Err(ColumnsError::Invalid("period")),
        };
        let v = &values[8 * i..8 * i + 8];
        let value = if missing[i / 8] & (1 << (i % 8)) != 0 {
            None
        } else {
            Some(f64::from_le_bytes([
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
            ]))
        };
        let provenance = match prov[i] {
            0 => Provenance::Report,
            1 => Provenance::Illustrative,
            2 => Provenance::Imported,
            _ => return Err(ColumnsError::Invalid("provenance")),
        };
        out.push(Observation {
            indicator: last_id.clone(),
            period,
            value,
            provenance,
            note: String::new(),
            series: None,
            flag: String::new(),
        });
    }
    if let Some(series) = sections[TAG_SERIES as usize] {
        if series.len() != 4 * n {
            return Err(ColumnsError::Truncated);
        }
        for (i, c) in series.chunks_exact(4).enumerate() {
            let code = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            out[base + i].series = (code != u32::MAX).then_some(code);
        }
    }
    if let Some(flags) = sections[TAG_FLAG as usize] {
        read_sparse_text(flags, &mut out[base..], "flag row out of range", |o, t| {
            o.flag = t
        })?;
    }
    if let Some(notes) = sections[TAG_NOTE as usize] {
        read_sparse_text(notes, &mut out[base..], "note row out of range", |o, t| {
            o.note = t
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_chunk_header_tells_its_row_count() {
        let rows: Vec<Observation> = (0..3)
            .map(|i| Observation::new("a", Period::Year(2000 + i), Some(i as f64)))
            .collect();
        assert_eq!(chunk_rows(&encode_chunk(&rows)), Some(3));
        assert_eq!(chunk_rows(b"VGCH"), None);
        assert_eq!(chunk_rows(b"nope nope"), None);
    }

    use super::*;

    fn obs(id: &str, period: Period, value: Option<f64>, note: &str) -> Observation {
        Observation {
            indicator: id.into(),
            period,
            value,
            provenance: if value.is_some() {
                Provenance::Report
            } else {
                Provenance::Illustrative
            },
            note: note.into(),
            series: None,
            flag: String::new(),
        }
    }

    #[test]
    fn series_and_flags_round_trip() {
        let mut rows = sample();
        rows[0].series = Some(3);
        rows[1].flag = "p".into();
        let mut back = Vec::new();
        decode_chunk_into(&encode_chunk(&rows), &mut back).unwrap();
        assert_eq!(back, rows);
        assert_eq!(back[0].series, Some(3));
        assert_eq!(back[1].flag, "p");
        assert_eq!(back[2].series, None);
    }

    fn sample() -> Vec<Observation> {
        vec![
            obs("a", Period::Year(2019), Some(1.5), ""),
            obs("a", Period::Quarter(2020, 3), None, "not collected"),
            obs("b", Period::Month(2021, 12), Some(-0.0), ""),
            obs(
                "b",
                Period::Day(2022, 2, 28),
                Some(1e300),
                "Décembre — note",
            ),
            obs("c", Period::Year(-5), Some(f64::INFINITY), ""),
            obs("a", Period::Year(2030), Some(3.0), ""),
        ]
    }

    #[test]
    fn every_field_round_trips_exactly() {
        let rows = sample();
        let chunk = encode_chunk(&rows);
        let back = decode_chunks([chunk.as_slice()]).unwrap();
        assert_eq!(back, rows);
        // Negative zero keeps its sign: values are stored as bits.
        assert!(back[2].value.unwrap().is_sign_negative());
    }

    #[test]
    fn many_rows_split_into_chunks_and_come_back_in_order() {
        let rows: Vec<Observation> = (0..CHUNK_ROWS * 2 + 17)
            .map(|i| {
                obs(
                    &format!("ind-{}", i / 1000),
                    Period::Month(2000 + (i / 12) as i32, (i % 12) as u8 + 1),
                    (i % 7 != 0).then_some(i as f64 * 0.25),
                    if i % 5000 == 0 { "n" } else { "" },
                )
            })
            .collect();
        let chunks = encode_chunks(&rows);
        assert_eq!(chunks.len(), 3);
        let back = decode_chunks(chunks.iter().map(Vec::as_slice)).unwrap();
        assert_eq!(back, rows);
        // About 20 bytes a row, well below JSON.
        let bytes: usize = chunks.iter().map(Vec::len).sum();
        assert!(bytes < rows.len() * 22, "{bytes} bytes");
    }

    #[test]
    fn fill_repeats_the_pattern_over_the_whole_slice() {
        for n in [0, 1, 2, 3, 5, 8, 13] {
            let mut dst = vec![0u8; 7 * n];
            let p = [1, 2, 3, 4, 5, 6, 7];
            fill(&mut dst, &p);
            assert_eq!(dst, p.repeat(n));
        }
    }

    #[test]
    fn an_empty_chunk_round_trips() {
        let chunk = encode_chunk(&[]);
        assert_eq!(decode_chunks([chunk.as_slice()]).unwrap(), vec![]);
        assert!(encode_chunks(&[]).is_empty());
    }

    #[test]
    fn a_newer_format_or_unknown_column_is_refused_not_dropped() {
        let mut chunk = encode_chunk(&sample());
        chunk[4] = FORMAT_VERSION + 1;
        assert_eq!(
            decode_chunks([chunk.as_slice()]),
            Err(ColumnsError::NewerFormat(FORMAT_VERSION + 1))
        );

        // A section with tag 12 appended (a field this build does not know).
        let mut chunk = encode_chunk(&sample());
        chunk[9] += 1;
        chunk.extend_from_slice(&[12, 1, 0, 0, 0, 42]);
        assert_eq!(
            decode_chunks([chunk.as_slice()]),
            Err(ColumnsError::UnknownColumn(12))
        );
    }

    #[test]
    fn damaged_chunks_fail_cleanly() {
        let chunk = encode_chunk(&sample());
        for cut in [0, 3, 5, 9, 20, chunk.len() - 1] {
            assert!(decode_chunks([&chunk[..cut]]).is_err(), "cut at {cut}");
        }
        assert_eq!(
            decode_chunks([b"nope".as_slice()]),
            Err(ColumnsError::BadMagic)
        );
        let mut bad = encode_chunk(&[obs("a", Period::Year(1), Some(1.0), "")]);
        // The provenance byte is the chunk's second-to-last section's only byte; corrupt it.
        let at = bad.len() - 1;
        bad[at] = 9;
        assert_eq!(
            decode_chunks([bad.as_slice()]),
            Err(ColumnsError::Invalid("provenance"))
        );
    }
}
