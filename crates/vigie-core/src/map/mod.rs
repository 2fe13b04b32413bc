//! Maps of territories: when an indicator's observations carry a territory dimension (a column of
//! ISO, ONS GeoCode, Eurostat `geo`, INSEE codes…), the latest value of each territory drawn as a
//! choropleth on boundaries read from a GeoJSON or TopoJSON file (`geo`), projected and fitted
//! (`project`), coloured by quantile classes (`classify`), with the same values as a table and a
//! sentence. World countries match whichever ISO form a file uses (`iso`).

pub mod classify;
pub mod geo;
pub mod iso;
pub mod project;

use crate::format;
use crate::lang::Lang;
use crate::model::{is_territory_code, Dataset};
use crate::period::{Date, Period};
use classify::Classes;
use geo::Boundaries;
use project::Fit;
use std::collections::HashMap;

/// Dimension names (compared without case) whose values name a territory.
const LABEL_KEYS: &[&str] = &[
    "country",
    "country name",
    "region",
    "area",
    "territory",
    "commune",
    "nom",
    "name",
    "pays",
    "région",
    "territoire",
    "entity",
];

/// A boundary file the person imported, as the store keeps it: its text and where it came from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BoundaryFile {
    /// The file's name as it was chosen.
    pub file: String,
    /// The day it was imported.
    pub imported_on: String,
    /// How many territories it has.
    pub features: usize,
    /// Its GeoJSON or TopoJSON text.
    pub text: String,
}

/// The stored form of the imported boundary files.
pub fn files_to_json(files: &[BoundaryFile]) -> String {
    serde_json::to_string(files).unwrap_or_else(|_| "[]".to_owned())
}

/// The imported boundary files from their stored form.
pub fn files_from_json(text: &str) -> Result<Vec<BoundaryFile>, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Adds `file` to `files`, replacing one of the same name (a newer version of it).
pub fn add_file(files: &mut Vec<BoundaryFile>, file: BoundaryFile) {
    files.retain(|f| f.file != file.file);
    files.push(file);
}

/// `files` without the one named `file` (the person removed it).
pub fn remove_file(files: &mut Vec<BoundaryFile>, file: &str) {
    files.retain(|f| f.file != file);
}

/// The latest value of one territory.
#[derive(Debug, Clone, PartialEq)]
pub struct TerritoryValue {
    pub code: String,
    /// The territory's name as the data gives it, or its code.
    pub label: String,
    pub period: Period,
    pub value: f64,
    /// The series the value is taken from (its key on the indicator's chart).
    pub series: u32,
}

/// The territory dimension of `indicator`: the first of its series' dimensions whose values are
/// territory codes (`model::TERRITORY_CODES`).
pub fn territory_key(ds: &Dataset, indicator: &str) -> Option<String> {
    ds.series
        .iter()
        .filter(|s| s.indicator == indicator)
        .flat_map(|s| s.dimensions.iter())
        .find(|(k, _)| is_territory_code(k))
        .map(|(k, _)| k.clone())
}

/// The latest value (as of `as_of`, when given) of each territory of `indicator` along dimension
/// `key`, in the order territories first appear. A territory's value is taken from its series with
/// the fewest other dimensions (the territory's total rather than, say, its women only).
pub fn latest_by_territory(
    ds: &Dataset,
    indicator: &str,
    key: &str,
    as_of: Option<Date>,
) -> Vec<TerritoryValue> {
    // For each territory code: (the number of other dimensions, the series index, the label).
    let mut best: Vec<(String, usize, u32, String)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, s) in ds.series.iter().enumerate() {
        if s.indicator != indicator {
            continue;
        }
        let Some((_, code)) = s.dimensions.iter().find(|(k, _)| k == key) else {
            continue;
        };
        let labels = is_label;
        let others = s
            .dimensions
            .iter()
            .filter(|(k, _)| k != key && !labels(k))
            .count();
        let label = s
            .dimensions
            .iter()
            .find(|(k, _)| k != key && labels(k))
            .map_or_else(|| code.clone(), |(_, v)| v.clone());
        match index.get(code) {
            Some(&j) if best[j].1 <= others => {}
            Some(&j) => best[j] = (code.clone(), others, i as u32, label),
            None => {
                index.insert(code.clone(), best.len());
                best.push((code.clone(), others, i as u32, label));
            }
        }
    }
    let chosen: HashMap<u32, usize> = best.iter().enumerate().map(|(j, b)| (b.2, j)).collect();
    let mut latest: Vec<Option<(Period, f64)>> = vec![None; best.len()];
    // Observations are sorted by period within an indicator: the last one kept is the latest.
    for o in ds.observations_of(indicator) {
        let Some(j) = o.series.and_then(|s| chosen.get(&s)) else {
            continue;
        };
        let Some(v) = o.value.filter(|v| v.is_finite()) else {
            continue;
        };
        if as_of.is_some_and(|d| !o.period.is_over_by(d)) {
            continue;
        }
        latest[*j] = Some((o.period, v));
    }
    best.into_iter()
        .zip(latest)
        .filter_map(|((code, _, series, label), l)| {
            l.map(|(period, value)| TerritoryValue {
                code,
                label,
                period,
                value,
                series,
            })
        })
        .collect()
}

/// The dimensions, besides the territory and its name, that every mapped value shares (a map of a
/// Eurostat rate shows one degree of urbanisation: it says which); empty when there are none or
/// when they differ from one territory to another.
pub fn shared_dimensions(
    ds: &Dataset,
    values: &[TerritoryValue],
    key: &str,
) -> Vec<(String, String)> {
    let others = |v: &TerritoryValue| -> Vec<(String, String)> {
        ds.series
            .get(v.series as usize)
            .map(|s| {
                s.dimensions
                    .iter()
                    .filter(|(k, _)| k != key && !is_territory_code(k) && !is_label(k))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    };
    let Some(first) = values.first().map(others) else {
        return Vec::new();
    };
    if values.iter().all(|v| others(v) == first) {
        first
    } else {
        Vec::new()
    }
}

fn is_label(k: &str) -> bool {
    LABEL_KEYS.iter().any(|l| l.eq_ignore_ascii_case(k.trim()))
}

/// The values from the highest to the lowest (ties by label): the order of the map's table.
pub fn highest_first(values: &[TerritoryValue]) -> Vec<TerritoryValue> {
    let mut order = values.to_vec();
    order.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.label.cmp(&b.label))
    });
    order
}

/// The key two codes of one territory share: a country's ISO numeric code in whichever ISO form
/// it is written, any other code in capitals.
fn match_key(code: &str) -> String {
    iso::numeric(code).map_or_else(|| code.trim().to_ascii_uppercase(), str::to_owned)
}

/// How many of `values` have a shape in `boundaries` (to choose among boundary files).
pub fn matched(boundaries: &Boundaries, values: &[TerritoryValue]) -> usize {
    let codes: std::collections::HashSet<String> = boundaries
        .features
        .iter()
        .map(|f| match_key(&f.code))
        .collect();
    values
        .iter()
        .filter(|v| codes.contains(&match_key(&v.code)))
        .count()
}

/// One shape of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapShape {
    pub code: String,
    pub name: String,
    /// SVG path data in the map's pixels.
    pub d: String,
    /// The row of the map's table that colours it, if any.
    pub row: Option<usize>,
}

/// A row of the map's table: a territory's latest value and its class, whether or not it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MapRow {
    pub value: TerritoryValue,
    pub class: usize,
    /// False when the boundaries have no shape for this territory.
    pub drawn: bool,
}

/// A choropleth ready to draw: the shapes (every territory of the boundaries, in their order), the
/// classes, and the table (every territory with a value, highest first).
#[derive(Debug, Clone, PartialEq)]
pub struct Choropleth {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<MapShape>,
    pub classes: Classes,
    pub rows: Vec<MapRow>,
}

impl Choropleth {
    /// The map of `values` on `boundaries` in a box `width` wide and at most `max_height` tall;
    /// `None` without values or without shapes.
    pub fn new(
        boundaries: &Boundaries,
        values: &[TerritoryValue],
        width: f64,
        max_height: f64,
    ) -> Option<Choropleth> {
        let classes = Classes::quantiles(&values.iter().map(|v| v.value).collect::<Vec<_>>(), 5)?;
        let fit = Fit::new(boundaries, width, max_height, 4.0)?;
        let order = highest_first(values);
        let row_of: HashMap<String, usize> = order
            .iter()
            .enumerate()
            .map(|(i, v)| (match_key(&v.code), i))
            .collect();
        let shapes: Vec<MapShape> = boundaries
            .features
            .iter()
            .map(|f| MapShape {
                code: f.code.clone(),
                name: f.name.clone(),
                d: fit.path(&f.polygons),
                row: row_of.get(&match_key(&f.code)).copied(),
            })
            .collect();
        let drawn: std::collections::HashSet<usize> = shapes.iter().filter_map(|s| s.row).collect();
        let rows = order
            .iter()
            .enumerate()
            .map(|(i, v)| MapRow {
                value: v.clone(),
                class: classes.class_of(v.value),
                drawn: drawn.contains(&i),
            })
            .collect();
        Some(Choropleth {
            width: fit.width,
            height: fit.height,
            shapes,
            classes,
            rows,
        })
    }

    /// The fill of a shape: its class's colour, or the colour for no value.
    pub fn fill(&self, shape: &MapShape) -> &'static str {
        shape.row.map_or(classify::NO_DATA, |r| {
            self.classes.color(self.rows[r].class)
        })
    }

    /// The map in one sentence: how many territories, the highest and the lowest, and those
    /// without a shape.
    pub fn summary(&self, precision: u8, unit: &str, lang: Lang) -> String {
        let n = self.rows.len();
        let value = |v: f64| {
            let n = format::number(v, precision, lang);
            if unit.is_empty() {
                n
            } else {
                format!("{n} {unit}")
            }
        };
        let (Some(top), Some(low)) = (self.rows.first(), self.rows.last()) else {
            return String::new();
        };
        let said = |r: &MapRow| {
            format!(
                "{} ({}, {})",
                r.value.label,
                value(r.value.value),
                r.value.period
            )
        };
        let missing = self.rows.iter().filter(|r| !r.drawn).count();
        match lang {
            Lang::Fr => {
                let mut s = format!(
                    "{n} territoire{} ; le plus haut : {}",
                    if n > 1 { "s" } else { "" },
                    said(top)
                );
                if n > 1 {
                    s += &format!(" ; le plus bas : {}", said(low));
                }
                if missing > 0 {
                    s += &format!(" ; {missing} sans contour sur cette carte");
                }
                s + "."
            }
            Lang::En => {
                let mut s = format!(
                    "{n} territor{}; highest: {}",
                    if n > 1 { "ies" } else { "y" },
                    said(top)
                );
                if n > 1 {
                    s += &format!("; lowest: {}", said(low));
                }
                if missing > 0 {
                    s += &format!("; {missing} without a shape on this map");
                }
                s + "."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Observation, Series};

    /// An indicator by country (ISO alpha-3 and name), with a breakdown by sex for France.
    fn by_country() -> Dataset {
        let mut ds = Dataset::default();
        let dims = |d: &[(&str, &str)]| {
            d.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        for d in [
            dims(&[("Country Name", "France"), ("Country Code", "FRA")]),
            dims(&[("Country Name", "Germany"), ("Country Code", "DEU")]),
            dims(&[
                ("Country Name", "France"),
                ("Country Code", "FRA"),
                ("Sex", "F"),
            ]),
            dims(&[("Country Name", "Euro area"), ("Country Code", "EMU")]),
        ] {
            ds.series.push(Series {
                indicator: "gdp".into(),
                dimensions: d,
            });
        }
        let obs = |s: u32, p: &str, v: f64| Observation {
            series: Some(s),
            ..Observation::new("gdp", Period::parse(p).unwrap(), Some(v))
        };
        ds.observations = vec![
            obs(2, "2019", 1.0),
            obs(0, "2019", 10.0),
            obs(1, "2019", 20.0),
            obs(3, "2019", 30.0),
            obs(0, "2020", 12.0),
            obs(1, "2021", 25.0),
        ];
        ds
    }

    fn world() -> Boundaries {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/geo/countries-110m.json"
        );
        geo::read_boundaries(
            "countries-110m.json",
            &std::fs::read_to_string(path).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn imported_files_round_trip_and_a_newer_one_replaces_its_namesake() {
        let file = |name: &str, n: usize| BoundaryFile {
            file: name.into(),
            imported_on: "2026-12-07".into(),
            features: n,
            text: "{}".into(),
        };
        let mut files = vec![file("communes.geojson", 54)];
        add_file(&mut files, file("regions.json", 13));
        add_file(&mut files, file("communes.geojson", 55));
        assert_eq!(
            files.iter().map(|f| f.features).collect::<Vec<_>>(),
            [13, 55]
        );
        assert_eq!(files_from_json(&files_to_json(&files)).unwrap(), files);
        assert!(files_from_json("[{").is_err());
        remove_file(&mut files, "regions.json");
        assert_eq!(
            files.iter().map(|f| f.file.as_str()).collect::<Vec<_>>(),
            ["communes.geojson"]
        );
    }

    #[test]
    fn each_territory_s_latest_total_as_of_a_date() {
        let ds = by_country();
        assert_eq!(territory_key(&ds, "gdp").as_deref(), Some("Country Code"));
        assert_eq!(territory_key(&ds, "other"), None);
        let all = latest_by_territory(&ds, "gdp", "Country Code", None);
        let got: Vec<(&str, &str, String, f64)> = all
            .iter()
            .map(|v| {
                (
                    v.code.as_str(),
                    v.label.as_str(),
                    v.period.to_string(),
                    v.value,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("FRA", "France", "2020".to_owned(), 12.0),
                ("DEU", "Germany", "2021".to_owned(), 25.0),
                ("EMU", "Euro area", "2019".to_owned(), 30.0),
            ],
            "France's total, not its women's value"
        );
        let then = latest_by_territory(&ds, "gdp", "Country Code", Date::new(2020, 12, 31));
        assert_eq!(
            then.iter().map(|v| v.value).collect::<Vec<_>>(),
            [12.0, 20.0, 30.0]
        );
    }

    #[test]
    fn the_world_map_colours_each_country_by_its_value_s_class_and_its_table_is_what_it_draws() {
        let ds = by_country();
        let values = latest_by_territory(&ds, "gdp", "Country Code", None);
        let w = world();
        assert_eq!(matched(&w, &values), 2, "the euro area has no shape");
        let map = Choropleth::new(&w, &values, 800.0, 600.0).unwrap();
        assert_eq!(map.shapes.len(), 177);
        assert!(map.height > 300.0 && map.height < 450.0, "{}", map.height);
        let france = map.shapes.iter().find(|s| s.name == "France").unwrap();
        let row = &map.rows[france.row.unwrap()];
        assert_eq!((row.value.code.as_str(), row.value.value), ("FRA", 12.0));
        assert_eq!(
            map.fill(france),
            map.classes.color(map.classes.class_of(12.0))
        );
        assert!(france.d.starts_with('M') && france.d.contains('Z'));
        let brazil = map.shapes.iter().find(|s| s.name == "Brazil").unwrap();
        assert_eq!((brazil.row, map.fill(brazil)), (None, classify::NO_DATA));
        // The table: every value, highest first, the one without a shape said so.
        let table: Vec<(&str, bool)> = map
            .rows
            .iter()
            .map(|r| (r.value.code.as_str(), r.drawn))
            .collect();
        assert_eq!(table, [("EMU", false), ("DEU", true), ("FRA", true)]);
        // Every coloured shape's fill is its row's class colour, and every drawn row has a shape.
        for s in &map.shapes {
            if let Some(r) = s.row {
                assert_eq!(map.fill(s), map.classes.color(map.rows[r].class));
            }
        }
        assert_eq!(map.shapes.iter().filter(|s| s.row.is_some()).count(), 2);
        assert_eq!(
            map.summary(0, "€", Lang::En),
            "3 territories; highest: Euro area (30 €, 2019); lowest: France (12 €, 2020); 1 without a shape on this map."
        );
        assert!(map
            .summary(0, "", Lang::Fr)
            .starts_with("3 territoires ; le plus haut : Euro area (30, 2019)"));
    }
}
