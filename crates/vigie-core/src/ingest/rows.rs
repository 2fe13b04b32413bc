//! Rows to observations: the `Builder` reads each row by its plan (cells, periods, values, units,
//! located problems), keeps observations compact, and hands them out as `Rows`, which become
//! `Observation`s or the store's chunks (written through `crate::columns`). Guesses nothing: roles and
//! shape come in the `Plan`.

use super::intern::{push_text, FxMap, Interner, SeriesRef, SeriesTable};
use super::number::{self, Cell};
use super::periods::{self, PeriodFault};
use super::roles::{norm, Column, Role, VALUE};
use super::table::Plan;
use super::{Problem, ProblemKind};
use crate::columns::{ChunkEncoder, RowView, CHUNK_ROWS};
use crate::model::*;
use crate::period::Period;

/// Builds indicators and observations row by row; every problem is located.
///
/// Observations are kept compact while rows are read, so that millions of them cost neither an
/// allocation each nor a copy of their texts: an `Obs` holds the value and numbers into small tables
/// (series, flag, note), and observations are grouped by indicator and period as they come (a
/// `Bucket` each), which is their final order once the groups are sorted. `finish` hands them out
/// as `Rows`.
pub struct Builder<'p> {
    pub plan: &'p Plan,
    pub file: String,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub problem_count: usize,
    pub warning_count: usize,
    pub missing_cells: usize,
    pub rows: usize,
    indicators: Vec<Indicator>,
    index: FxMap<String, usize>,
    last_indicator: Option<usize>,
    /// Per indicator: its buckets, and whether some observation has no series (a headline value).
    indicator_buckets: Vec<Vec<u32>>,
    headline: Vec<bool>,
    buckets: Vec<Bucket>,
    /// (indicator, period) → bucket, with a small direct-mapped cache in front.
    bucket_index: FxMap<u64, u32>,
    bucket_cache: [(u64, u32); BUCKET_CACHE],
    known: Option<Vec<String>>,
    units_warned: bool,
    /// The columns holding values of their own (`Series`, `PeriodValue`).
    cells: Vec<usize>,
    roles: Vec<Role>,
    /// Which columns hold territory codes (`roles::is_territory_code`).
    territory: Vec<bool>,
    /// Whether some other column is a dimension: then a row whose only dimensions are codes is a
    /// headline row (see `row`).
    named_dims: bool,
    has_period: bool,
    id_col: Option<usize>,
    markers_have_digits: bool,
    /// Which bytes a missing marker starts with.
    marker_starts: [bool; 256],
    /// The current row's dimensions as `(name length, name, value length, value)…`, and their count.
    dims: Vec<u8>,
    dims_count: usize,
    /// The series found for the current row: (indicator, dimension count then, series).
    row_series: Option<(usize, usize, u32)>,
    series: SeriesTable,
    probe: Vec<u8>,
    /// The last series looked up: its indicator and number, and its dimensions.
    last_series: Option<(usize, u32)>,
    last_dims: Vec<u8>,
    /// Distinct periods met, numbered in order of appearance.
    periods: Vec<Period>,
    period_ids: FxMap<Period, u32>,
    /// The number of each `PeriodValue` column's period.
    header_pids: Vec<Option<u32>>,
    /// Notes and flags met, numbered; 0 is the empty text.
    notes: Interner,
    flags: Interner,
    /// Period labels already read (labels repeat across rows) → period and note numbers, bounded in size.
    period_cache: FxMap<String, (u32, u32)>,
    /// Labels of up to 7 bytes, as a word (length, then bytes), → period and note numbers.
    label_cache: [(u64, (u32, u32)); 256],
}

/// One observation while rows are read: `value` is NaN when missing (read values are finite),
/// `series` is `u32::MAX` for a headline value, `flag` and `note` number table entries.
#[derive(Debug, Clone, Copy)]
struct Obs {
    value: f64,
    series: u32,
    flag: u32,
    note: u32,
}

/// The observations of one indicator for one period, in file order.
#[derive(Debug, Clone)]
struct Bucket {
    period: u32,
    obs: Vec<Obs>,
}

/// The observations a `Builder` read, sorted by indicator then period (in file order within a
/// period), still compact, and the series they point to: `into_observations` makes `Observation`s,
/// `encode_chunks` the store's columnar chunks directly (what the import worker hands back).
#[derive(Debug, Clone)]
pub struct Rows {
    ids: Vec<String>,
    /// Per indicator, its buckets in period order.
    order: Vec<Vec<u32>>,
    buckets: Vec<Bucket>,
    periods: Vec<Period>,
    notes: Vec<String>,
    flags: Vec<String>,
    pub series: SeriesTable,
}

impl Rows {
    /// How many observations.
    pub fn len(&self) -> usize {
        self.buckets.iter().map(|b| b.obs.len()).sum()
    }

    /// Whether there is no observation.
    pub fn is_empty(&self) -> bool {
        self.buckets.iter().all(|b| b.obs.is_empty())
    }

    /// Whether some observation has a value.
    pub fn any_value(&self) -> bool {
        self.buckets
            .iter()
            .any(|b| b.obs.iter().any(|o| !o.value.is_nan()))
    }

    /// The series, each borrowed, in order.
    pub fn series_refs(&self) -> impl Iterator<Item = SeriesRef<'_>> {
        self.series.each().map(|(i, dimensions)| SeriesRef {
            indicator: self.ids.get(i).map(String::as_str).unwrap_or(""),
            dimensions,
        })
    }

    /// The series as the model holds them.
    pub fn series_list(&self) -> Vec<Series> {
        self.series.to_series(&self.ids)
    }

    fn views(&self) -> impl Iterator<Item = RowView<'_>> {
        self.ids
            .iter()
            .zip(&self.order)
            .flat_map(move |(id, order)| {
                order.iter().flat_map(move |&b| {
                    let bucket = &self.buckets[b as usize];
                    let period = self.periods[bucket.period as usize];
                    bucket.obs.iter().map(move |o| RowView {
                        indicator: id,
                        period,
                        value: (!o.value.is_nan()).then_some(o.value),
                        provenance: Provenance::Imported,
                        note: &self.notes[o.note as usize],
                        series: (o.series != u32::MAX).then_some(o.series),
                        flag: &self.flags[o.flag as usize],
                    })
                })
            })
    }

    /// The observations, in order.
    pub fn into_observations(self) -> Vec<Observation> {
        let mut out = Vec::with_capacity(self.len());
        out.extend(self.views().map(|v| Observation {
            indicator: v.indicator.to_owned(),
            period: v.period,
            value: v.value,
            provenance: v.provenance,
            note: v.note.to_owned(),
            series: v.series,
            flag: v.flag.to_owned(),
        }));
        out
    }

    /// The observations as the store's chunks (`columns::encode_chunks` of `into_observations`).
    pub fn encode_chunks(&self) -> Vec<Vec<u8>> {
        let mut chunks = Vec::new();
        self.each_chunk(|enc| chunks.push(enc.finish()));
        chunks
    }

    /// How many chunks `encode_chunks` makes.
    pub fn chunk_count(&self) -> usize {
        self.len().div_ceil(CHUNK_ROWS)
    }

    /// Appends each chunk of `encode_chunks` to `out` after its length (u32), without an
    /// intermediate copy.
    pub fn write_chunks(&self, out: &mut Vec<u8>) {
        self.each_chunk(|enc| enc.write(out, true));
    }

    fn each_chunk<'s>(&'s self, mut done: impl FnMut(ChunkEncoder<'s>)) {
        let total = self.len();
        let mut enc = ChunkEncoder::new(CHUNK_ROWS.min(total));
        let mut left = total;
        for (id, order) in self.ids.iter().zip(&self.order) {
            for &b in order {
                let bucket = &self.buckets[b as usize];
                let period = self.periods[bucket.period as usize];
                let mut rest = bucket.obs.as_slice();
                while !rest.is_empty() {
                    if enc.len() == CHUNK_ROWS {
                        left -= CHUNK_ROWS;
                        let next = ChunkEncoder::new(CHUNK_ROWS.min(left));
                        done(std::mem::replace(&mut enc, next));
                    }
                    let (run, tail) = rest.split_at((CHUNK_ROWS - enc.len()).min(rest.len()));
                    enc.push_run(id, period, Provenance::Imported, run.len(), |k| {
                        let o = &run[k];
                        (
                            (!o.value.is_nan()).then_some(o.value),
                            (o.series != u32::MAX).then_some(o.series),
                            if o.note == 0 {
                                ""
                            } else {
                                &self.notes[o.note as usize]
                            },
                            if o.flag == 0 {
                                ""
                            } else {
                                &self.flags[o.flag as usize]
                            },
                        )
                    });
                    rest = tail;
                }
            }
        }
        if !enc.is_empty() {
            done(enc);
        }
    }
}

/// A cheap sort key in `Period` order: start, then longer periods first.
fn period_key(p: Period) -> i64 {
    let (y, m, d) = p.start();
    let len = match p {
        Period::Year(_) => 0,
        Period::Quarter(..) => 1,
        Period::Month(..) => 2,
        Period::Day(..) => 3,
    };
    ((y as i64 * 16 + m as i64) * 32 + d as i64) * 4 + len
}

/// Values that publishers use as "suppressed" or "not available" codes.
const SENTINELS: [f64; 6] = [-6666.0, -9999.0, -999.0, -99999.0, -666.0, -8888.0];

#[inline(always)]
fn is_sentinel(v: f64) -> bool {
    // Every sentinel is negative.
    if v >= 0.0 {
        return false;
    }
    let mut k = 0;
    while k < SENTINELS.len() {
        if SENTINELS[k] == v {
            return true;
        }
        k += 1;
    }
    false
}

/// The most problems (and warnings) kept in full; the rest are counted.
pub const MAX_KEPT: usize = 200;

/// Entries of the (indicator, period) → bucket cache.
const BUCKET_CACHE: usize = 256;

/// `str::trim`, quicker when the ends are ASCII.
#[inline(always)]
pub(crate) fn trim(s: &str) -> &str {
    // ASCII white space: space, and tab to carriage return (vertical tab included, as `str::trim`).
    number::trim_with(s, |c| c == b' ' || c.wrapping_sub(b'\t') < 5, str::trim)
}

/// A row's cells as `Builder::row` reads them.
pub trait Cells<'a> {
    /// How many cells.
    fn len(&self) -> usize;
    /// Whether the row has no cell.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The text of cell `i`, empty when out of range.
    fn cell(&self, i: usize) -> &'a str;
    /// The 1-based line and column where cell `i` starts.
    fn loc(&self, i: usize) -> (usize, usize);
}

impl<'a> Cells<'a> for super::csv::RowRef<'a> {
    #[inline(always)]
    fn len(&self) -> usize {
        self.spans.len()
    }

    #[inline(always)]
    fn cell(&self, i: usize) -> &'a str {
        self.get(i)
    }

    fn loc(&self, i: usize) -> (usize, usize) {
        super::csv::RowRef::loc(self, i)
    }
}

/// A row's cells by column, with a Eurostat first cell split into its `k` dimension codes.
struct View<'r, 'a, C> {
    c: &'r C,
    parts: &'r [&'a str],
    k: usize,
}

impl<'a, C: Cells<'a>> View<'_, 'a, C> {
    #[inline(always)]
    fn get(&self, j: usize) -> &'a str {
        if self.k == 0 {
            self.c.cell(j)
        } else if j < self.k {
            self.parts.get(j).copied().unwrap_or("")
        } else {
            self.c.cell(j + 1 - self.k)
        }
    }

    fn at(&self, j: usize) -> (usize, usize) {
        if self.k == 0 {
            self.c.loc(j)
        } else {
            self.c.loc(if j < self.k { 0 } else { j + 1 - self.k })
        }
    }
}

impl<'p> Builder<'p> {
    pub fn new(plan: &'p Plan, file: &str, known: Option<Vec<String>>) -> Self {
        let roles: Vec<Role> = plan.columns.iter().map(|c| c.role).collect();
        let mut b = Builder {
            plan,
            file: file.to_owned(),
            problems: Vec::new(),
            warnings: Vec::new(),
            problem_count: 0,
            warning_count: 0,
            missing_cells: 0,
            rows: 0,
            indicators: Vec::new(),
            index: FxMap::default(),
            last_indicator: None,
            indicator_buckets: Vec::new(),
            headline: Vec::new(),
            buckets: Vec::new(),
            bucket_index: FxMap::default(),
            bucket_cache: [(u64::MAX, 0); BUCKET_CACHE],
            known,
            units_warned: false,
            cells: plan
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c.role, Role::Series | Role::PeriodValue))
                .map(|(j, _)| j)
                .collect(),
            has_period: roles.contains(&Role::Period),
            territory: plan
                .columns
                .iter()
                .map(|c| super::roles::is_territory_code(&c.name))
                .collect(),
            named_dims: plan
                .columns
                .iter()
                .any(|c| c.role == Role::Dimension && !super::roles::is_territory_code(&c.name)),
            id_col: roles.iter().position(|r| *r == Role::Indicator),
            roles,
            markers_have_digits: number::markers_have_digits(&plan.missing),
            marker_starts: {
                let mut starts = [false; 256];
                for m in &plan.missing {
                    if let Some(&c) = m.as_bytes().first() {
                        starts[c as usize] = true;
                    }
                }
                starts
            },
            dims: Vec::new(),
            dims_count: 0,
            row_series: None,
            series: SeriesTable::default(),
            probe: Vec::new(),
            last_series: None,
            last_dims: Vec::new(),
            periods: Vec::new(),
            period_ids: FxMap::default(),
            header_pids: Vec::new(),
            notes: Interner::default(),
            flags: Interner::default(),
            period_cache: FxMap::default(),
            label_cache: [(0, (0, 0)); 256],
        };
        b.header_pids = plan
            .header_periods
            .iter()
            .map(|p| p.map(|p| b.period_id(p)))
            .collect();
        b
    }

    fn period_id(&mut self, p: Period) -> u32 {
        if let Some(&i) = self.period_ids.get(&p) {
            return i;
        }
        let i = self.periods.len() as u32;
        self.periods.push(p);
        self.period_ids.insert(p, i);
        i
    }

    pub fn error(&mut self, (line, column): (usize, usize), found: &str, kind: ProblemKind) {
        self.problem_count += 1;
        if self.problems.len() < MAX_KEPT {
            self.problems
                .push(Problem::at(&self.file, line, column, found, kind));
        }
    }

    pub fn warn(&mut self, (line, column): (usize, usize), found: &str, kind: ProblemKind) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_KEPT {
            self.warnings
                .push(Problem::at(&self.file, line, column, found, kind));
        }
    }

    fn indicator(
        &mut self,
        id: &str,
        name: &str,
        at: &dyn Fn() -> (usize, usize),
    ) -> Option<usize> {
        // Rows of one indicator usually follow each other.
        if let Some(i) = self.last_indicator {
            if self.indicators.as_slice()[i].id == id {
                return Some(i);
            }
        }
        let i = self.indicator_slow(id, name, at);
        if i.is_some() {
            self.last_indicator = i;
        }
        i
    }

    #[inline(never)]
    fn indicator_slow(
        &mut self,
        id: &str,
        name: &str,
        at: &dyn Fn() -> (usize, usize),
    ) -> Option<usize> {
        if let Some(&i) = self.index.get(id) {
            return Some(i);
        }
        let at = at();
        if id.is_empty() {
            self.error(at, id, ProblemKind::MissingIndicatorId);
            return None;
        }
        if let Some(known) = &self.known {
            if !known.iter().any(|k| k == id) {
                let known = known.iter().take(5).cloned().collect();
                self.error(at, id, ProblemKind::UnknownIndicator { known });
                return None;
            }
        }
        let name = if name.is_empty() { id } else { name };
        self.indicators.push(Indicator {
            source: self.file.clone(),
            ..Indicator::new(id, Text::new(name, name))
        });
        self.indicator_buckets.push(Vec::new());
        self.headline.push(false);
        self.index.insert(id.to_owned(), self.indicators.len() - 1);
        Some(self.indicators.len() - 1)
    }

    /// Reads a value cell: the value (NaN when missing) and its glued flag.
    #[inline(always)]
    fn value<'a>(
        &mut self,
        raw: &'a str,
        at: &dyn Fn() -> (usize, usize),
        ind: usize,
    ) -> Option<(f64, &'a str)> {
        // The common case, a plain decimal number (see `number::read_cell_counted`).
        if !self.markers_have_digits {
            if let Some((v, flag, d)) = number::plain_cell(raw, self.plan.style, self.plan.flags) {
                if !is_sentinel(v) {
                    if let Some(i) = self.indicators.get_mut(ind) {
                        i.precision = i.precision.max(d);
                    }
                    return Some((v, flag));
                }
            }
        }
        self.value_slow(raw, at, ind)
    }

    #[inline(never)]
    fn value_slow<'a>(
        &mut self,
        raw: &'a str,
        at: &dyn Fn() -> (usize, usize),
        ind: usize,
    ) -> Option<(f64, &'a str)> {
        let plan = self.plan;
        match number::read_cell_counted(
            raw,
            plan.style,
            &plan.missing,
            plan.flags,
            self.markers_have_digits,
        ) {
            (Cell::Number(v, f), d) => {
                if is_sentinel(v) {
                    self.warn(at(), raw.trim(), ProblemKind::SuppressionCode);
                }
                if let Some(i) = self.indicators.get_mut(ind) {
                    i.precision = i.precision.max(d);
                }
                Some((v, f))
            }
            (Cell::Missing(_, f), _) => Some((f64::NAN, f)),
            (Cell::Bad(e), _) => {
                let e = if self.plan.style.thousands.is_none() && raw.trim().contains(' ') {
                    ProblemKind::NoThousandsSeparator
                } else {
                    e.into()
                };
                self.error(at(), raw.trim(), e);
                None
            }
        }
    }

    /// The period of a row's label and the note it leaves (a span's label), as table numbers.
    #[inline(always)]
    fn period(&mut self, raw: &str, at: &dyn Fn() -> (usize, usize)) -> Option<(u32, u32)> {
        // Labels of up to 7 bytes (years, quarters, months) are their own key, with their length,
        // in a small direct-mapped cache; the others go through the map.
        let b = raw.as_bytes();
        if b.len() <= 7 {
            let mut word = b.len() as u64;
            let mut k = 0;
            while k < b.len() {
                word |= u64::from(b[k]) << (8 * (k + 1));
                k += 1;
            }
            // Two ways: the label's slot and the next; a new label replaces the older of the two.
            let slot = (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize & !1;
            let (k0, ids0) = self.label_cache[slot];
            if k0 == word && k0 != 0 {
                return Some(ids0);
            }
            let (k1, ids1) = self.label_cache[slot + 1];
            if k1 == word && k1 != 0 {
                return Some(ids1);
            }
            let ids = self.period_slow(raw, at)?;
            self.label_cache[slot + 1] = (k0, ids0);
            self.label_cache[slot] = (word, ids);
            return Some(ids);
        }
        self.period_slow(raw, at)
    }

    #[inline(never)]
    fn period_slow(&mut self, raw: &str, at: &dyn Fn() -> (usize, usize)) -> Option<(u32, u32)> {
        if let Some(&p) = self.period_cache.get(raw) {
            return Some(p);
        }
        let yy = if self.plan.yy_spans {
            periods::yy_span(raw)
        } else {
            None
        };
        let p = match yy {
            Some((y, _)) => Period::Year(y),
            None => match periods::parse(raw, self.plan.date_order) {
                Ok(p) => p,
                Err(PeriodFault::NoSuchDate) => {
                    self.error(at(), raw.trim(), ProblemKind::NoSuchDate);
                    return None;
                }
                Err(PeriodFault::NotAPeriod) => {
                    self.error(at(), raw.trim(), ProblemKind::UnknownPeriod);
                    return None;
                }
            },
        };
        let note = if periods::is_span(raw) || yy.is_some() {
            self.notes.id(raw.trim())
        } else {
            0
        };
        let ids = (self.period_id(p), note);
        if self.period_cache.len() < 4096 {
            self.period_cache.insert(raw.to_owned(), ids);
        }
        Some(ids)
    }

    #[inline(always)]
    fn push_dim(&mut self, name: &str, value: &str) {
        push_text(&mut self.dims, name);
        push_text(&mut self.dims, value);
        self.dims_count += 1;
    }

    /// Reads one data row.
    pub fn row<'a, C: Cells<'a>>(&mut self, c: &C) {
        self.rows += 1;
        let plan = self.plan;
        // A slice borrowed from the plan, not from `self`: indexing it is no call at opt-level z.
        let cols: &'p [Column] = plan.columns.as_slice();
        let ncols = self.roles.len();
        let n = c.len();
        // Eurostat: expand the first cell into the dimension columns.
        let k = plan.split_first;
        let few: [&'a str; 16];
        let many: Vec<&'a str>;
        let parts: &[&'a str] = if k == 0 {
            &[]
        } else if k <= 16 {
            let mut codes = [""; 16];
            for (slot, part) in codes.iter_mut().zip(c.cell(0).split(',')) {
                *slot = part;
            }
            few = codes;
            &few[..k]
        } else {
            many = c.cell(0).split(',').collect();
            &many
        };
        let v = View { c, parts, k };
        let width = if k > 0 { n + k.saturating_sub(1) } else { n };
        if width > ncols {
            let extra = (ncols..width).any(|j| !v.get(j).trim().is_empty());
            if extra {
                self.error(
                    v.at(ncols),
                    v.get(ncols),
                    ProblemKind::TooManyFields {
                        expected: ncols,
                        found: width,
                    },
                );
                return;
            }
        } else if width < ncols && width > 0 {
            self.warn(
                v.at(width),
                "",
                ProblemKind::TooFewFields {
                    expected: ncols,
                    found: width,
                },
            );
        }
        self.dims.clear();
        self.dims_count = 0;
        self.row_series = None;
        let (mut ind_id, mut name, mut unit, mut flag) = ("", "", "", "");
        let (mut period_raw, mut period_col, mut value_col, mut month_col) = ("", 0, None, None);
        let mut plain_dims = 0usize;
        // Indexing: an iterator adapter would be a call per cell at opt-level z.
        #[allow(clippy::needless_range_loop)]
        for j in 0..ncols {
            let text = v.get(j);
            match cols[j].role {
                Role::Indicator => ind_id = trim(text),
                Role::Name => name = trim(text),
                Role::Unit => unit = trim(text),
                Role::Flag => {
                    // Open SDG writes a status on every row; only the unusual ones are flags.
                    let t = trim(text);
                    if !["normal value", "undefined", "normal", "a"]
                        .iter()
                        .any(|n| t.eq_ignore_ascii_case(n))
                    {
                        flag = t;
                    }
                }
                Role::Period => {
                    period_raw = text;
                    period_col = j;
                }
                Role::Value => value_col = Some(j),
                Role::MonthOfYear => month_col = Some(j),
                Role::Dimension => {
                    let t = trim(text);
                    if !t.is_empty() {
                        let h = plan.columns.get(j).map(|c| c.name.as_str()).unwrap_or("");
                        self.push_dim(h, t);
                        plain_dims += usize::from(!self.territory.get(j).copied().unwrap_or(false));
                    }
                }
                Role::Series | Role::PeriodValue | Role::Ignore => {}
            }
        }
        // Beside other dimension columns, a territory's code names the territory one of them gives
        // (a country's name): alone on a row it is no disaggregation (Open SDG's GeoCode on a
        // headline row). Without other dimension columns (Eurostat's `geo`), the code is the only
        // disaggregation and is kept.
        if self.named_dims && plain_dims == 0 && self.dims_count > 0 {
            self.dims.clear();
            self.dims_count = 0;
        }
        let (row_period, note) = if self.has_period {
            match self.period(period_raw, &|| v.at(period_col)) {
                Some((p, note)) => (Some(p), note),
                None => return,
            }
        } else {
            (None, 0)
        };
        let month = match month_col {
            Some(j) => match periods::month_name(v.get(j)) {
                Some(m) => Some(m),
                None => {
                    self.error(v.at(j), v.get(j).trim(), ProblemKind::NotAMonth);
                    return;
                }
            },
            None => None,
        };
        let default_id = plan.default_indicator.as_str();
        let id_col = self.id_col;
        let id_at = || id_col.map(|j| v.at(j)).unwrap_or((0, 0));
        let row_flag = self.flags.id(flag);
        let cells = std::mem::take(&mut self.cells);
        if let Some(vj) = value_col {
            let id = if ind_id.is_empty() && id_col.is_none() {
                default_id
            } else {
                ind_id
            };
            if let (Some(i), Some(p)) = (self.indicator(id, name, &id_at), row_period) {
                self.set_unit(i, unit, &|| v.at(0));
                if let Some((v, f)) = self.value(v.get(vj), &|| v.at(vj), i) {
                    let f = if flag.is_empty() {
                        self.flags.id(f)
                    } else {
                        row_flag
                    };
                    self.push(i, p, v, f, note);
                }
            }
        } else {
            let mut row_indicator: Option<usize> = None;
            for &j in &cells {
                let raw = v.get(j);
                // A cell that starts with a digit no marker starts with is neither empty nor missing.
                let plain = match raw.as_bytes().first() {
                    Some(&c) => c.wrapping_sub(b'0') < 10 && !self.marker_starts[c as usize],
                    None => false,
                };
                if !plain {
                    let t = trim(raw);
                    if t.is_empty()
                        || (plan.flags && t.as_bytes()[0] == b':')
                        || (self.marker_starts[t.as_bytes()[0] as usize]
                            && plan.missing.iter().any(|m| m == t))
                    {
                        self.missing_cells += 1;
                        continue;
                    }
                }
                let p = match (
                    cols[j].role,
                    row_period,
                    plan.header_periods.get(j).copied().flatten(),
                    month,
                ) {
                    (Role::Series, Some(p), _, _) => p,
                    (_, _, Some(Period::Year(y)), Some(m)) => self.period_id(Period::Month(y, m)),
                    (_, _, Some(_), None) => match self.header_pids.get(j).copied().flatten() {
                        Some(p) => p,
                        None => continue,
                    },
                    _ => continue,
                };
                let i = if cols[j].role == Role::Series {
                    let h = plan
                        .columns
                        .get(j)
                        .map(|c| c.name.as_str())
                        .unwrap_or_default();
                    let id = if VALUE.contains(&norm(h).as_str()) {
                        default_id
                    } else {
                        h
                    };
                    self.indicator(id, id, &|| v.at(j))
                } else {
                    match row_indicator {
                        Some(i) => Some(i),
                        None => {
                            let id = if ind_id.is_empty() {
                                default_id
                            } else {
                                ind_id
                            };
                            row_indicator = self.indicator(id, name, &id_at);
                            if row_indicator.is_some() && !unit.is_empty() {
                                self.set_unit(row_indicator.unwrap_or(0), unit, &|| v.at(0));
                            }
                            row_indicator
                        }
                    }
                };
                let Some(i) = i else { continue };
                if cols[j].role == Role::Series && !unit.is_empty() {
                    self.set_unit(i, unit, &|| v.at(0));
                }
                if let Some((v, f)) = self.value(raw, &|| v.at(j), i) {
                    let f = if flag.is_empty() {
                        self.flags.id(f)
                    } else {
                        row_flag
                    };
                    self.push(i, p, v, f, note);
                }
            }
        }
        self.cells = cells;
    }

    fn set_unit(&mut self, i: usize, unit: &str, at: &dyn Fn() -> (usize, usize)) {
        if unit.is_empty() {
            return;
        }
        let Some(ind) = self.indicators.get_mut(i) else {
            return;
        };
        if ind.unit.fr.is_empty() {
            ind.unit = Text::new(unit, unit);
        } else if ind.unit.fr != unit {
            self.push_dim("unit", unit);
            if !self.units_warned {
                self.units_warned = true;
                let first = self.indicators[i].unit.fr.clone();
                self.warn(at(), unit, ProblemKind::MixedUnits { first });
            }
        }
    }

    /// The series of indicator `i` with the current row's dimensions (`u32::MAX`: none).
    #[inline(always)]
    fn series_of(&mut self, i: usize) -> u32 {
        if self.dims_count == 0 {
            return u32::MAX;
        }
        if let Some((ri, rc, s)) = self.row_series {
            if ri == i && rc == self.dims_count {
                return s;
            }
        }
        // Rows of one series often follow each other: compare with the last key before hashing.
        let same = self.last_series.is_some_and(|(li, _)| li == i) && self.last_dims == self.dims;
        let s = match self.last_series {
            Some((_, s)) if same => s,
            _ => {
                self.probe.clear();
                self.probe.extend_from_slice(&(i as u32).to_le_bytes());
                self.probe.extend_from_slice(&self.dims);
                let s = self.series.id(&self.probe);
                self.last_dims.clear();
                self.last_dims.extend_from_slice(&self.dims);
                self.last_series = Some((i, s));
                s
            }
        };
        self.row_series = Some((i, self.dims_count, s));
        s
    }

    /// The bucket of indicator `i` and period `period`, made when new.
    #[inline(always)]
    fn bucket(&mut self, i: usize, period: u32) -> u32 {
        let key = (i as u64) << 32 | u64::from(period);
        let slot = (period as usize ^ i.wrapping_mul(31)) % BUCKET_CACHE;
        if self.bucket_cache[slot].0 == key {
            return self.bucket_cache[slot].1;
        }
        let b = match self.bucket_index.get(&key) {
            Some(&b) => b,
            None => {
                let b = self.buckets.len() as u32;
                self.buckets.push(Bucket {
                    period,
                    obs: Vec::new(),
                });
                self.bucket_index.insert(key, b);
                self.indicator_buckets[i].push(b);
                b
            }
        };
        self.bucket_cache[slot] = (key, b);
        b
    }

    #[inline(always)]
    fn push(&mut self, i: usize, period: u32, value: f64, flag: u32, note: u32) {
        let series = self.series_of(i);
        if i >= self.indicator_buckets.len() {
            return;
        }
        if series == u32::MAX {
            self.headline.as_mut_slice()[i] = true;
        }
        let b = self.bucket(i, period);
        self.buckets.as_mut_slice()[b as usize].obs.push(Obs {
            value,
            series,
            flag,
            note,
        });
    }

    /// Distinct series: each disaggregation, plus each indicator's headline when it has one.
    pub fn series_count(&self) -> usize {
        self.series.len() + self.headline.iter().filter(|h| **h).count()
    }

    /// The indicators (with their frequency) and their observations, sorted by indicator then
    /// period (in file order within a period), with the series they point to.
    pub fn finish(self) -> (Vec<Indicator>, Rows) {
        let mut indicators = self.indicators;
        let keys: Vec<i64> = self.periods.iter().map(|p| period_key(*p)).collect();
        let buckets = self.buckets;
        let mut order = self.indicator_buckets;
        for (ind, list) in indicators.iter_mut().zip(order.iter_mut()) {
            // One bucket per period, so the order is total.
            list.sort_unstable_by_key(|&b| keys[buckets[b as usize].period as usize]);
            ind.frequency = match list
                .first()
                .map(|&b| self.periods[buckets[b as usize].period as usize])
            {
                Some(Period::Quarter(..)) => Frequency::Quarterly,
                Some(Period::Month(..)) | Some(Period::Day(..)) => Frequency::Monthly,
                _ => Frequency::Annual,
            };
        }
        let rows = Rows {
            ids: indicators.iter().map(|i| i.id.clone()).collect(),
            order,
            buckets,
            periods: self.periods,
            notes: self.notes.texts,
            flags: self.flags.texts,
            series: self.series,
        };
        (indicators, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_trim_is_str_trim() {
        let alphabet = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\u{85}", "\u{a0}", "\u{3000}", "\u{feff}", "a",
            "é", "1",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let s: String = (0..(x % 7) as usize)
                .map(|k| alphabet[((x >> (8 + 5 * k)) % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(trim(&s), s.trim(), "{s:?}");
        }
    }
}
