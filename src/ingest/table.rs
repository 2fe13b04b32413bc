//! Tables to indicators: guessing each column's role (indicator, period, value, dimension…) and the file's
//! shape (Open SDG, tidy/long, wide, one-series-per-column like OWID), then turning rows into observations.

use super::number::{self, Cell, NumberStyle};
use super::periods::{self, DateOrder, PeriodFault};
use super::Problem;
use crate::model::*;
use crate::period::Period;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the Fx hash of rustc) for the import's own maps.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// What a column means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The indicator's id.
    Indicator,
    /// The indicator's name.
    Name,
    /// The period of the row.
    Period,
    /// The value of the row (tidy/long files).
    Value,
    /// A value column that is an indicator of its own (OWID-like files).
    Series,
    /// A column whose header is a period (wide files).
    PeriodValue,
    /// Month names down the rows of a wide file whose headers are years (`janv` × `2019`).
    MonthOfYear,
    /// A disaggregation (sex, territory, age…).
    Dimension,
    /// The unit of the value.
    Unit,
    /// A status flag (provisional, estimated…).
    Flag,
    /// Not read.
    Ignore,
}

/// The layout of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// Vigie's own Data Package.
    Native,
    /// Open SDG indicator CSV: `Year`, disaggregations, `Value`.
    OpenSdg,
    /// One row per indicator (or one indicator), period, dimensions and value.
    Tidy,
    /// Periods as columns (World Bank, Eurostat, year columns).
    Wide,
    /// A period column and one indicator per value column (OWID).
    Columns,
}

/// A column and the role Vigie guessed (or the person chose).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub role: Role,
}

/// Everything needed to turn rows into observations.
#[derive(Debug, Clone)]
pub struct Plan {
    pub shape: Shape,
    pub columns: Vec<Column>,
    /// The period of each `PeriodValue` column (by column index).
    pub header_periods: Vec<Option<Period>>,
    /// The indicator id when no column gives it (file stem, Open SDG number).
    pub default_indicator: String,
    pub style: NumberStyle,
    pub date_order: DateOrder,
    pub flags: bool,
    pub missing: Vec<String>,
    /// `YYYY-YY` labels are spans of years (`1985-87`), not months, because some `YY` exceed 12.
    pub yy_spans: bool,
    /// Eurostat: how many comma-joined dimension codes the first cell holds (0: no splitting).
    pub split_first: usize,
}

fn norm(h: &str) -> String {
    h.replace('\u{feff}', "").trim().to_lowercase()
}

const INDICATOR: [&str; 9] = [
    "indicator",
    "indicateur",
    "indicator code",
    "indicator_code",
    "indicator id",
    "indicator_id",
    "series code",
    "variable",
    "kpi",
];
const NAME: [&str; 4] = [
    "indicator name",
    "series name",
    "indicator_name",
    "nom de l'indicateur",
];
const PERIOD: [&str; 16] = [
    "year",
    "years",
    "année",
    "annee",
    "date",
    "period",
    "période",
    "periode",
    "time",
    "time_period",
    "mois",
    "month",
    "trimestre",
    "quarter",
    "jour",
    "day",
];
const VALUE: [&str; 5] = ["value", "valeur", "obs_value", "valeurs", "values"];
const UNIT: [&str; 7] = [
    "unit measure",
    "unit",
    "units",
    "unité",
    "unite",
    "unit of measure",
    "unit_measure",
];
const FLAG: [&str; 5] = [
    "flag",
    "flags",
    "obs_status",
    "observation status",
    "statut",
];
const IGNORE: [&str; 6] = [
    "iso_code",
    "country code",
    "geocode",
    "fips",
    "unit multiplier",
    "unit_mult",
];

/// Guesses roles from the header and sample rows; `stem` names the indicator when no column does.
/// Returns `Err` with what was expected when the table holds no period at all.
pub fn guess(
    header: &[String],
    rows: &[Vec<String>],
    stem: &str,
    style: NumberStyle,
    date_order: DateOrder,
    flags: bool,
    missing: &[String],
) -> Result<Plan, String> {
    let split_first = match header.first() {
        Some(h) if h.contains('\\') => h.split('\\').next().unwrap_or_default().split(',').count(),
        _ => 0,
    };
    let (header, rows) = if split_first > 0 {
        split_header(header, rows)
    } else {
        (header.to_vec(), rows.to_vec())
    };
    let n = header.len();
    let col = |j: usize| {
        rows.iter()
            .map(move |r| r.get(j).map(String::as_str).unwrap_or(""))
    };
    let header_periods: Vec<Option<Period>> = header
        .iter()
        .map(|h| {
            let h = h.trim();
            // A header is a period only if it is mostly digits (not `Risque fin juin 2022`).
            if h.chars().filter(|c| c.is_ascii_digit()).count() >= 4 {
                periods::parse(h, date_order).ok()
            } else {
                None
            }
        })
        .collect();
    let wide = header_periods.iter().filter(|p| p.is_some()).count() >= 2;
    let is_open_sdg = stem.starts_with("indicator_")
        && header.iter().any(|h| h == "Year")
        && header.iter().any(|h| h == "Value");
    let mut roles = vec![Role::Dimension; n];
    let mut numeric = vec![false; n];
    let mut period_col = None;
    for j in 0..n {
        let h = norm(&header[j]);
        let (mut nums, mut bad, mut pers, mut plain, mut out_of_range) = (0, 0, 0, 0, 0);
        for v in col(j) {
            let t = v.trim();
            match number::read_cell(t, style, missing, flags) {
                Cell::Number(..) => nums += 1,
                Cell::Missing(..) => {}
                Cell::Bad(_) => bad += 1,
            }
            if !t.is_empty() {
                if periods::parse(t, date_order).is_ok() {
                    pers += 1;
                }
                if t.bytes().all(|b| b.is_ascii_digit()) {
                    plain += 1;
                    if !t.parse::<i32>().is_ok_and(|y| (1700..=2200).contains(&y)) {
                        out_of_range += 1;
                    }
                }
            }
        }
        let filled = col(j).filter(|v| !v.trim().is_empty()).count();
        // Two thirds of numbers make a numeric column; a column empty in the sample counts as numeric: OWID columns fill in only for later years.
        numeric[j] = nums * 3 >= (nums + bad) * 2;
        let mostly_periods = filled > 0 && pers * 10 >= filled * 8 && out_of_range == 0;
        roles[j] = if wide && header_periods[j].is_some() {
            Role::PeriodValue
        } else if IGNORE.contains(&h.as_str()) {
            Role::Ignore
        } else if INDICATOR.contains(&h.as_str()) {
            Role::Indicator
        } else if NAME.contains(&h.as_str()) {
            Role::Name
        } else if UNIT.contains(&h.as_str()) {
            Role::Unit
        } else if FLAG.contains(&h.as_str()) {
            Role::Flag
        } else if VALUE.contains(&h.as_str()) && !wide {
            Role::Value
        } else if period_col.is_none()
            && !wide
            && ((mostly_periods && (PERIOD.contains(&h.as_str()) || j == 0 || plain < pers))
                || (PERIOD.contains(&h.as_str()) && filled > 0))
        {
            period_col = Some(j);
            Role::Period
        } else {
            Role::Dimension
        };
    }
    if wide {
        for j in 0..n {
            if roles[j] == Role::Dimension && numeric[j] {
                roles[j] = Role::Ignore;
            }
        }
        if let Some(j) = (0..n).find(|&j| roles[j] == Role::Dimension) {
            let filled = col(j).filter(|v| !v.trim().is_empty()).count();
            let months = col(j).filter(|v| periods::month_name(v).is_some()).count();
            let years = header_periods
                .iter()
                .flatten()
                .all(|p| matches!(p, Period::Year(_)));
            if filled > 0 && months * 10 >= filled * 8 && years {
                roles[j] = Role::MonthOfYear;
            }
        }
    } else if period_col.is_some() {
        let has_value = roles.contains(&Role::Value);
        let has_indicator = roles.contains(&Role::Indicator);
        let numeric_dims: Vec<usize> = (0..n)
            .filter(|&j| {
                roles[j] == Role::Dimension
                    && numeric[j]
                    && !is_identifier(&header[j])
                    && !(header[j].trim().is_empty() && col(j).all(|v| v.trim().is_empty()))
            })
            .collect();
        for j in 0..n {
            if header[j].trim().is_empty() && col(j).all(|v| v.trim().is_empty()) {
                roles[j] = Role::Ignore;
            }
        }
        if !has_value && has_indicator && numeric_dims.len() == 1 {
            roles[numeric_dims[0]] = Role::Value;
        } else if !has_value {
            for j in numeric_dims {
                roles[j] = Role::Series;
            }
        }
    }
    let mut plan = Plan {
        shape: Shape::Tidy,
        columns: header
            .iter()
            .zip(&roles)
            .map(|(h, r)| Column {
                name: h.clone(),
                role: *r,
            })
            .collect(),
        header_periods,
        default_indicator: stem.to_owned(),
        style,
        date_order,
        flags,
        missing: missing.to_vec(),
        split_first,
        yy_spans: false,
    };
    if let Some(j) = roles.iter().position(|r| *r == Role::Period) {
        plan.yy_spans = col(j).any(|v| periods::yy_span(v).is_some_and(|(_, yy)| yy > 12));
    }
    plan.shape = shape_of(&plan.columns, is_open_sdg)?;
    if plan.shape == Shape::OpenSdg {
        plan.default_indicator = stem.trim_start_matches("indicator_").to_owned();
        // `Series` is a disaggregation in Open SDG, whatever its values look like.
        for c in plan.columns.iter_mut() {
            if c.name == "Series" {
                c.role = Role::Dimension;
            }
        }
    }
    Ok(plan)
}

/// Whether a header names an identifier (`idBeneficiaire`, `siret`, `code_insee`), never a measure.
fn is_identifier(h: &str) -> bool {
    let l = norm(h);
    let camel_id = h
        .trim()
        .strip_prefix("id")
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase() || c == '_'));
    camel_id
        || l == "id"
        || l.ends_with("_id")
        || ["siret", "siren", "code"].iter().any(|w| l.contains(w))
}

/// The shape that a set of roles describes, or what is missing.
pub fn shape_of(columns: &[Column], open_sdg: bool) -> Result<Shape, String> {
    let has = |r: Role| columns.iter().any(|c| c.role == r);
    if has(Role::PeriodValue) {
        Ok(Shape::Wide)
    } else if has(Role::Period) && has(Role::Value) {
        Ok(if open_sdg {
            Shape::OpenSdg
        } else {
            Shape::Tidy
        })
    } else if has(Role::Period) && has(Role::Series) {
        Ok(Shape::Columns)
    } else if has(Role::Period) {
        Err("a column of numbers next to the period column".into())
    } else {
        Err("a period column (such as Year, Date or Période) or periods as column headers (such as 2019 or 2019-Q1)".into())
    }
}

/// Eurostat `unit,sex,geo\time`: one header per comma-joined dimension, then the periods.
fn split_header(header: &[String], rows: &[Vec<String>]) -> (Vec<String>, Vec<Vec<String>>) {
    let first = header.first().map(String::as_str).unwrap_or_default();
    let dims = first.split('\\').next().unwrap_or_default();
    let mut h: Vec<String> = dims.split(',').map(|s| s.trim().to_owned()).collect();
    let k = h.len();
    h.extend(header.iter().skip(1).cloned());
    let rows = rows
        .iter()
        .map(|r| {
            let mut out: Vec<String> = r
                .first()
                .map(|c| c.split(',').map(str::to_owned).collect())
                .unwrap_or_default();
            out.resize(k, String::new());
            out.extend(r.iter().skip(1).cloned());
            out
        })
        .collect();
    (h, rows)
}

/// Builds indicators and observations row by row; every problem is located.
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
    obs: Vec<Vec<Observation>>,
    known: Option<Vec<String>>,
    units_warned: bool,
    cells: Vec<usize>,
    roles: Vec<Role>,
    dim_sets: FxMap<Vec<(String, String)>, u32>,
    series_index: FxMap<(usize, u32), u32>,
    series: Vec<Series>,
    /// Period labels already parsed (labels repeat across rows), bounded in size.
    period_cache: FxMap<String, Period>,
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

/// The most problems (and warnings) kept in full; the rest are counted.
pub const MAX_KEPT: usize = 200;

impl<'p> Builder<'p> {
    pub fn new(plan: &'p Plan, file: &str, known: Option<Vec<String>>) -> Self {
        Builder {
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
            obs: Vec::new(),
            known,
            units_warned: false,
            cells: Vec::new(),
            roles: plan.columns.iter().map(|c| c.role).collect(),
            dim_sets: FxMap::default(),
            series_index: FxMap::default(),
            series: Vec::new(),
            period_cache: FxMap::default(),
        }
    }

    pub fn error(
        &mut self,
        (line, column): (usize, usize),
        found: &str,
        expected: impl Into<String>,
    ) {
        self.problem_count += 1;
        if self.problems.len() < MAX_KEPT {
            self.problems
                .push(Problem::at(&self.file, line, column, found, expected));
        }
    }

    pub fn warn(
        &mut self,
        (line, column): (usize, usize),
        found: &str,
        expected: impl Into<String>,
    ) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_KEPT {
            self.warnings
                .push(Problem::at(&self.file, line, column, found, expected));
        }
    }

    fn indicator(
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
            self.error(at, id, "an indicator id");
            return None;
        }
        if let Some(known) = &self.known {
            if !known.iter().any(|k| k == id) {
                let list = known.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
                self.error(at, id, format!("a known indicator id ({list}…)"));
                return None;
            }
        }
        let name = if name.is_empty() { id } else { name };
        self.indicators.push(Indicator {
            source: self.file.clone(),
            ..Indicator::new(id, Text::new(name, name))
        });
        self.obs.push(Vec::new());
        self.index.insert(id.to_owned(), self.indicators.len() - 1);
        Some(self.indicators.len() - 1)
    }

    fn value(
        &mut self,
        raw: &str,
        at: &dyn Fn() -> (usize, usize),
        ind: usize,
    ) -> Option<(Option<f64>, String)> {
        match number::read_cell(raw, self.plan.style, &self.plan.missing, self.plan.flags) {
            Cell::Number(v, f) => {
                if SENTINELS.contains(&v) {
                    self.warn(at(), raw.trim(), "a real value (this looks like a suppression code; declare it a missing marker if it is one)");
                }
                let d = number::decimals(raw, self.plan.style);
                if let Some(i) = self.indicators.get_mut(ind) {
                    i.precision = i.precision.max(d);
                }
                Some((Some(v), f.to_owned()))
            }
            Cell::Missing(_, f) => Some((None, f.to_owned())),
            Cell::Bad(e) => {
                let e = if self.plan.style.thousands.is_none() && raw.trim().contains(' ') {
                    "a number (no thousands separator was detected)"
                } else {
                    e
                };
                self.error(at(), raw.trim(), e);
                None
            }
        }
    }

    fn period(&mut self, raw: &str, at: &dyn Fn() -> (usize, usize)) -> Option<Period> {
        if self.plan.yy_spans {
            if let Some((y, _)) = periods::yy_span(raw) {
                return Some(Period::Year(y));
            }
        }
        if let Some(p) = self.period_cache.get(raw) {
            return Some(*p);
        }
        match periods::parse(raw, self.plan.date_order) {
            Ok(p) => {
                if self.period_cache.len() < 4096 {
                    self.period_cache.insert(raw.to_owned(), p);
                }
                Some(p)
            }
            Err(PeriodFault::NoSuchDate) => {
                self.error(at(), raw.trim(), "a date that exists");
                None
            }
            Err(PeriodFault::NotAPeriod) => {
                self.error(at(), raw.trim(), "a period such as 2019, 2019/20, 2019-Q1, T1 - 2019, 2019-03, janv. 2019 or 18/03/2019");
                None
            }
        }
    }

    /// Reads one data row: `cell(i)` gives text, `loc(i)` its place; `line` is the row's line.
    pub fn row<'a>(
        &mut self,
        n: usize,
        cell: &dyn Fn(usize) -> &'a str,
        loc: &dyn Fn(usize) -> (usize, usize),
    ) {
        self.rows += 1;
        let ncols = self.roles.len();
        // Eurostat: expand the first cell into the dimension columns.
        let k = self.plan.split_first;
        let parts: Vec<&'a str> = if k > 0 {
            cell(0).split(',').collect()
        } else {
            Vec::new()
        };
        let get = |j: usize| -> &'a str {
            if k > 0 {
                if j < k {
                    parts.get(j).copied().unwrap_or("")
                } else {
                    cell(j + 1 - k)
                }
            } else {
                cell(j)
            }
        };
        let at = |j: usize| {
            if k > 0 {
                loc(if j < k { 0 } else { j + 1 - k })
            } else {
                loc(j)
            }
        };
        let width = if k > 0 { n + k.saturating_sub(1) } else { n };
        if width > ncols {
            let extra = (ncols..width).any(|j| !get(j).trim().is_empty());
            if extra {
                self.error(
                    at(ncols),
                    get(ncols),
                    format!("at most {ncols} fields, as in the header (found {width})"),
                );
                return;
            }
        } else if width < ncols && width > 0 {
            self.warn(
                at(width),
                "",
                format!("{ncols} fields, as in the header (found {width}; the rest read as empty)"),
            );
        }
        let mut dims: Vec<(String, String)> = Vec::new();
        let (mut ind_id, mut name, mut unit, mut flag) = ("", "", "", "");
        let (mut period_raw, mut period_col, mut value_col, mut month_col) = ("", 0, None, None);
        self.cells.clear();
        for j in 0..ncols {
            let v = get(j);
            match self.roles[j] {
                Role::Indicator => ind_id = v.trim(),
                Role::Name => name = v.trim(),
                Role::Unit => unit = v.trim(),
                Role::Flag => {
                    // Open SDG writes a status on every row; only the unusual ones are flags.
                    let t = v.trim();
                    if !matches!(
                        t.to_lowercase().as_str(),
                        "normal value" | "undefined" | "normal" | "a"
                    ) {
                        flag = t;
                    }
                }
                Role::Period => {
                    period_raw = v;
                    period_col = j;
                }
                Role::Value => value_col = Some(j),
                Role::MonthOfYear => month_col = Some(j),
                Role::Dimension => {
                    let v = v.trim();
                    if !v.is_empty() {
                        let h = self
                            .plan
                            .columns
                            .get(j)
                            .map(|c| c.name.clone())
                            .unwrap_or_default();
                        dims.push((h, v.to_owned()));
                    }
                }
                Role::Series | Role::PeriodValue => self.cells.push(j),
                Role::Ignore => {}
            }
        }
        let row_period = if self.roles.contains(&Role::Period) {
            match self.period(period_raw, &|| at(period_col)) {
                Some(p) => Some(p),
                None => return,
            }
        } else {
            None
        };
        let note = if periods::is_span(period_raw)
            || (self.plan.yy_spans && periods::yy_span(period_raw).is_some())
        {
            period_raw.trim().to_owned()
        } else {
            String::new()
        };
        let month = match month_col {
            Some(j) => match periods::month_name(get(j)) {
                Some(m) => Some(m),
                None => {
                    self.error(
                        at(j),
                        get(j).trim(),
                        "a month name such as janv., février or March",
                    );
                    return;
                }
            },
            None => None,
        };
        let default_id = self.plan.default_indicator.clone();
        let id_col = self.roles.iter().position(|r| *r == Role::Indicator);
        let id_at = || id_col.map(&at).unwrap_or((0, 0));
        let cells = std::mem::take(&mut self.cells);
        if let Some(vj) = value_col {
            let id = if ind_id.is_empty() && !self.roles.contains(&Role::Indicator) {
                default_id.as_str()
            } else {
                ind_id
            };
            if let (Some(i), Some(p)) = (self.indicator(id, name, &id_at), row_period) {
                self.set_unit(i, unit, &mut dims, &|| at(0));
                if let Some((v, f)) = self.value(get(vj), &|| at(vj), i) {
                    let f = if flag.is_empty() { f } else { flag.to_owned() };
                    self.push(i, p, v, f, &dims, note);
                }
            }
        } else {
            let mut row_indicator: Option<usize> = None;
            for &j in &cells {
                let raw = get(j);
                let t = raw.trim();
                if t.is_empty()
                    || (self.plan.flags && t.starts_with(':'))
                    || self.plan.missing.iter().any(|m| m == t)
                {
                    self.missing_cells += 1;
                    continue;
                }
                let p = match (
                    self.roles[j],
                    row_period,
                    self.plan.header_periods.get(j).copied().flatten(),
                    month,
                ) {
                    (Role::Series, Some(p), _, _) => p,
                    (_, _, Some(Period::Year(y)), Some(m)) => Period::Month(y, m),
                    (_, _, Some(p), None) => p,
                    _ => continue,
                };
                let i = if self.roles[j] == Role::Series {
                    let plan = self.plan;
                    let h = plan
                        .columns
                        .get(j)
                        .map(|c| c.name.as_str())
                        .unwrap_or_default();
                    let id = if VALUE.contains(&norm(h).as_str()) {
                        default_id.as_str()
                    } else {
                        h
                    };
                    self.indicator(id, id, &|| at(j))
                } else {
                    match row_indicator {
                        Some(i) => Some(i),
                        None => {
                            let id = if ind_id.is_empty() {
                                default_id.as_str()
                            } else {
                                ind_id
                            };
                            row_indicator = self.indicator(id, name, &id_at);
                            if row_indicator.is_some() && !unit.is_empty() {
                                self.set_unit(row_indicator.unwrap_or(0), unit, &mut dims, &|| {
                                    at(0)
                                });
                            }
                            row_indicator
                        }
                    }
                };
                let Some(i) = i else { continue };
                if self.roles[j] == Role::Series && !unit.is_empty() {
                    self.set_unit(i, unit, &mut dims, &|| at(0));
                }
                if let Some((v, f)) = self.value(raw, &|| at(j), i) {
                    let f = if flag.is_empty() { f } else { flag.to_owned() };
                    self.push(i, p, v, f, &dims, note.clone());
                }
            }
        }
        self.cells = cells;
    }

    fn set_unit(
        &mut self,
        i: usize,
        unit: &str,
        dims: &mut Vec<(String, String)>,
        at: &dyn Fn() -> (usize, usize),
    ) {
        if unit.is_empty() {
            return;
        }
        let Some(ind) = self.indicators.get_mut(i) else {
            return;
        };
        if ind.unit.fr.is_empty() {
            ind.unit = Text::new(unit, unit);
        } else if ind.unit.fr != unit {
            dims.push(("unit".into(), unit.to_owned()));
            if !self.units_warned {
                self.units_warned = true;
                let first = ind.unit.fr.clone();
                self.warn(at(), unit, format!("one unit per indicator (first saw `{first}`; other units are kept as a `unit` dimension)"));
            }
        }
    }

    fn push(
        &mut self,
        i: usize,
        period: Period,
        value: Option<f64>,
        flag: String,
        dims: &[(String, String)],
        note: String,
    ) {
        let series = if dims.is_empty() {
            None
        } else {
            let next = self.dim_sets.len() as u32;
            let d = match self.dim_sets.get(dims) {
                Some(&d) => d,
                None => {
                    self.dim_sets.insert(dims.to_vec(), next);
                    next
                }
            };
            let next = self.series.len() as u32;
            let s = *self.series_index.entry((i, d)).or_insert(next);
            if s == next {
                self.series.push(Series {
                    indicator: self
                        .indicators
                        .get(i)
                        .map(|x| x.id.clone())
                        .unwrap_or_default(),
                    dimensions: dims.to_vec(),
                });
            }
            Some(s)
        };
        if let Some(list) = self.obs.get_mut(i) {
            list.push(Observation {
                indicator: String::new(),
                period,
                value,
                provenance: Provenance::Imported,
                note,
                series,
                flag,
            });
        }
    }

    /// The indicators and their observations, sorted by indicator then period (stable within a period).
    /// Distinct series: each disaggregation, plus each indicator's headline when it has one.
    pub fn series_count(&self) -> usize {
        self.series.len()
            + self
                .obs
                .iter()
                .filter(|l| l.iter().any(|o| o.series.is_none()))
                .count()
    }

    pub fn finish(self) -> (Vec<Indicator>, Vec<Observation>, Vec<Series>) {
        let mut indicators = self.indicators;
        let single = self.obs.len() == 1;
        let mut all = Vec::with_capacity(if single {
            0
        } else {
            self.obs.iter().map(Vec::len).sum()
        });
        for (ind, mut list) in indicators.iter_mut().zip(self.obs) {
            // Sorting (key, index) pairs then permuting moves each observation once; the sort is stable.
            if !list
                .windows(2)
                .all(|w| period_key(w[0].period) <= period_key(w[1].period))
            {
                list.sort_by_cached_key(|o| period_key(o.period));
            }
            ind.frequency = match list.first().map(|o| o.period) {
                Some(Period::Quarter(..)) => Frequency::Quarterly,
                Some(Period::Month(..)) | Some(Period::Day(..)) => Frequency::Monthly,
                _ => Frequency::Annual,
            };
            for o in list.iter_mut() {
                o.indicator.clone_from(&ind.id);
            }
            if single {
                all = list;
            } else {
                all.append(&mut list);
            }
        }
        (indicators, all, self.series)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn plan(h: &[&str], rows: &[&[&str]]) -> Result<Plan, String> {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| s(r)).collect();
        guess(
            &s(h),
            &rows,
            "indicator_1-1-1",
            NumberStyle::default(),
            DateOrder::DayFirst,
            false,
            &s(&["NA"]),
        )
    }

    fn roles(p: &Plan) -> Vec<Role> {
        p.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn guesses_each_shape() {
        let sdg = plan(
            &["Year", "Sex", "Units", "Value"],
            &[&["2019", "", "%", "1.5"]],
        )
        .unwrap();
        assert_eq!(sdg.shape, Shape::OpenSdg);
        let owid = plan(
            &["iso_code", "country", "year", "co2", "gdp"],
            &[&["AFG", "Afghanistan", "1949", "0.01", ""]],
        )
        .unwrap();
        assert_eq!(owid.shape, Shape::Columns);
        assert_eq!(
            roles(&owid),
            [
                Role::Ignore,
                Role::Dimension,
                Role::Period,
                Role::Series,
                Role::Series
            ]
        );
        let wb = plan(
            &[
                "Country Name",
                "Indicator Code",
                "2000 [YR2000]",
                "2001 [YR2001]",
            ],
            &[&["France", "SP.POP", "1", "2"]],
        )
        .unwrap();
        assert_eq!(wb.shape, Shape::Wide);
        let es = plan(
            &["unit,geo\\time", "2019 ", "2018 "],
            &[&["PC,AT", "1.0 e", ": "]],
        )
        .unwrap();
        assert_eq!(
            roles(&es),
            [
                Role::Unit,
                Role::Dimension,
                Role::PeriodValue,
                Role::PeriodValue
            ]
        );
        let months = plan(
            &["Titre", "2019", "2020", "Evolution"],
            &[&["janv", "1", "2", "3"], &["févr", "1", "2", "3"]],
        )
        .unwrap();
        assert_eq!(
            roles(&months),
            [
                Role::MonthOfYear,
                Role::PeriodValue,
                Role::PeriodValue,
                Role::Ignore
            ]
        );
        assert!(plan(&["code", "name"], &[&["01", "Ain"]])
            .unwrap_err()
            .contains("period column"));
    }
}
