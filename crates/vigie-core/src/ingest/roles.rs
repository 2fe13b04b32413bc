//! Column roles (indicator, period, value, dimension…) and how they are guessed from a table's header
//! and sample rows: header names, numbers, periods, identifiers, Eurostat's joined first header. This
//! is where to look for "why is this column a dimension?". Never reads past the sample rows.

use super::number::{self, Cell, NumberStyle};
use super::periods::{self, DateOrder};
use super::shape::{shape_of, Shape, ShapeFault};
use super::table::Plan;
use crate::period::Period;
use serde::{Deserialize, Serialize};

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

/// A column and the role Vigie guessed (or the person chose).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    pub role: Role,
}

pub(super) fn norm(h: &str) -> String {
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
pub(super) const VALUE: [&str; 5] = ["value", "valeur", "obs_value", "valeurs", "values"];
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
/// Columns not read. Territory codes (`iso_code`, `Country Code`, `GeoCode`…) are read as a
/// dimension: the map finds its territories by them.
const IGNORE: [&str; 3] = ["fips", "unit multiplier", "unit_mult"];

pub use crate::model::{is_territory_code, TERRITORY_CODES};
/// Guesses roles from the header and sample rows; `stem` names the indicator when no column does.
/// Returns `Err` with what the table lacks (a period, or values next to it).
pub fn guess(
    header: &[String],
    rows: &[Vec<String>],
    stem: &str,
    style: NumberStyle,
    date_order: DateOrder,
    flags: bool,
    missing: &[String],
) -> Result<Plan, ShapeFault> {
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
        // `Series` is a disaggregation in Open SDG, whatever its values look like; its unit column
        // is `Units`, and other unit-like columns (`Unit measure`) are not read when it is there,
        // as sdg-build leaves them out.
        let has_units = plan.columns.iter().any(|c| c.name == "Units");
        for c in plan.columns.iter_mut() {
            if c.name == "Series" {
                c.role = Role::Dimension;
            } else if has_units && c.role == Role::Unit && c.name != "Units" {
                c.role = Role::Ignore;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn plan(h: &[&str], rows: &[&[&str]]) -> Result<Plan, ShapeFault> {
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
                Role::Dimension,
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
        assert_eq!(
            plan(&["code", "name"], &[&["01", "Ain"]]).unwrap_err(),
            ShapeFault::NoPeriod
        );
    }
}
