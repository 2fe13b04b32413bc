//! Real, licence-clear files kept in tests/fixtures/real (see its PROVENANCE.txt): each imports with the
//! values its raw text holds. These tests always run, unlike tests/shared_data.rs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use vigie_core::ingest::{import, import_with, ImportOptions, ImportReport, ProblemKind};
use vigie_core::model::{Dataset, Observation};
use vigie_core::period::Period;

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .join("tests/fixtures/real")
            .join(rel),
    )
    .expect("fixture")
}

fn ok(r: ImportReport) -> (ImportReport, Dataset) {
    assert!(r.problems.is_empty(), "{}: {:?}", r.file, r.problems);
    let ds = r.dataset.clone().expect("imported");
    (r, ds)
}

fn find<'a>(ds: &'a Dataset, ind: &str, p: Period, dims: &[(&str, &str)]) -> &'a Observation {
    ds.observations
        .iter()
        .find(|o| {
            o.indicator == ind
                && o.period == p
                && ds.dimensions_of(o).len() == dims.len()
                && ds
                    .dimensions_of(o)
                    .iter()
                    .zip(dims)
                    .all(|(a, b)| a.0 == b.0 && a.1 == b.1)
        })
        .unwrap_or_else(|| panic!("no {ind} {p:?} {dims:?}"))
}

#[test]
fn open_sdg_with_markdown_metadata() {
    let meta = read("open-sdg-ons/meta/1-4-2.md");
    let (r, ds) = ok(import_with(
        "indicator_1-4-2.csv",
        &read("open-sdg-ons/data/indicator_1-4-2.csv"),
        &[("1-4-2.md", &meta)],
        &ImportOptions::default(),
    ));
    assert_eq!(
        r.detected.shape,
        Some(vigie_core::ingest::table::Shape::OpenSdg)
    );
    assert_eq!(
        (r.counts.indicators, r.counts.observations, r.counts.series),
        (1, 4, 4)
    );
    let ind = &ds.indicators[0];
    assert_eq!(ind.id, "1-4-2");
    assert_eq!(
        ind.name.en,
        "Percentage of people who feel their tenure is secure and have legal documentation"
    );
    assert_eq!(ind.unit.en, "Percentage (%)");
    let y = Period::Year(2018);
    assert_eq!(
        find(
            &ds,
            "1-4-2",
            y,
            &[
                ("Security", "Documented"),
                ("Type of documentation", "Formal")
            ]
        )
        .value,
        Some(79.0)
    );
    assert_eq!(
        find(
            &ds,
            "1-4-2",
            y,
            &[
                ("Security", "Documented"),
                ("Type of documentation", "No Documentation")
            ]
        )
        .value,
        Some(20.0)
    );
    assert_eq!(
        find(&ds, "1-4-2", y, &[("Security", "Perceived")]).value,
        Some(87.0)
    );
}

#[test]
fn open_sdg_financial_years_and_a_leading_blank_line() {
    let (_, ds) = ok(import(
        "indicator_17-5-1.csv",
        &read("open-sdg-ons/data/indicator_17-5-1.csv"),
        &ImportOptions::default(),
    ));
    let o = find(&ds, "17-5-1", Period::Year(2019), &[]);
    assert_eq!((o.value, o.note.as_str()), (Some(3.630694), "2019/20"));
    assert_eq!(ds.indicators[0].unit.en, "GBP (£ Millions)");
    assert_eq!(
        find(&ds, "17-5-1", Period::Year(2020), &[]).value,
        Some(16.85617)
    );

    let (r, ds) = ok(import(
        "indicator_3-3-5.csv",
        &read("open-sdg-ons/data/indicator_3-3-5.csv"),
        &ImportOptions::default(),
    ));
    assert_eq!(r.detected.header_line, 2);
    let series = [("Series", "England, Wales and Northern Ireland")];
    assert_eq!(
        find(&ds, "3-3-5", Period::Year(2009), &series).value,
        Some(223.0)
    );
    assert_eq!(
        find(&ds, "3-3-5", Period::Year(2010), &series).value,
        Some(485.0)
    );
}

#[test]
fn open_sdg_starter_headline_and_yaml_metadata() {
    let meta = read("open-sdg-starter/meta/1-1-1.yml");
    let (r, ds) = ok(import_with(
        "indicator_1-1-1.csv",
        &read("open-sdg-starter/data/indicator_1-1-1.csv"),
        &[("1-1-1.yml", &meta)],
        &ImportOptions::default(),
    ));
    assert_eq!((r.counts.observations, r.counts.series), (6, 3));
    assert!(ds.indicators[0]
        .name
        .en
        .starts_with("Indicator 1.1.1: Proportion of the population"));
    assert_eq!(find(&ds, "1-1-1", Period::Year(2015), &[]).value, Some(2.0));
    assert_eq!(
        find(&ds, "1-1-1", Period::Year(2015), &[("Group", "A")]).value,
        Some(1.0)
    );
    assert_eq!(
        find(&ds, "1-1-1", Period::Year(2016), &[("Group", "B")]).value,
        Some(3.0)
    );
}

#[test]
fn a_frictionless_package_with_its_csv_resource() {
    let csv = read("frictionless-gdp-2014/data/gdp_2014.csv");
    let (r, ds) = ok(import_with(
        "datapackage.json",
        &read("frictionless-gdp-2014/datapackage.json"),
        &[("data/gdp_2014.csv", &csv)],
        &ImportOptions::default(),
    ));
    assert_eq!(
        vigie_core::ingest::companions_needed(
            "datapackage.json",
            &read("frictionless-gdp-2014/datapackage.json")
        ),
        ["data/gdp_2014.csv"]
    );
    assert_eq!((r.counts.indicators, r.counts.observations), (1, 204));
    assert_eq!(
        ds.programme.name.en,
        "Country, Regional and World GDP (Gross Domestic Product) for 2014 (Example)"
    );
    let y = Period::Year(2014);
    assert_eq!(
        find(
            &ds,
            "gdp",
            y,
            &[("Country Name", "France"), ("Country Code", "FRA")]
        )
        .value,
        Some(2829192039171.84)
    );
    assert_eq!(
        find(
            &ds,
            "gdp",
            y,
            &[("Country Name", "World"), ("Country Code", "WLD")]
        )
        .value,
        Some(77868767941744.7)
    );
    assert_eq!(
        find(
            &ds,
            "gdp",
            y,
            &[("Country Name", "Arab World"), ("Country Code", "ARB")]
        )
        .value,
        Some(2855840877624.21)
    );
}

/// A column of country codes is read as a dimension, so the map finds each country's value.
#[test]
fn country_codes_are_kept_for_the_map() {
    let (_, ds) = ok(import(
        "gdp_2014.csv",
        &read("frictionless-gdp-2014/data/gdp_2014.csv"),
        &ImportOptions::default(),
    ));
    let key = vigie_core::map::territory_key(&ds, "gdp_2014").expect("a territory dimension");
    assert_eq!(key, "Country Code");
    let values = vigie_core::map::latest_by_territory(&ds, "gdp_2014", &key, None);
    assert_eq!(
        values.len(),
        203,
        "every country but Kosovo, which the file gives no code"
    );
    let france = values.iter().find(|v| v.code == "FRA").unwrap();
    assert_eq!(
        (france.label.as_str(), france.value),
        ("France", 2829192039171.84)
    );
    let (_, ons) = ok(import(
        "indicator_11-7-1.csv",
        &read("open-sdg-ons/data/indicator_11-7-1.csv"),
        &ImportOptions::default(),
    ));
    let id = ons.indicators[0].id.clone();
    let key = vigie_core::map::territory_key(&ons, &id).expect("GeoCode");
    let codes: Vec<(String, String)> = vigie_core::map::latest_by_territory(&ons, &id, &key, None)
        .into_iter()
        .map(|v| (v.code, v.label))
        .collect();
    let pair = |c: &str, l: &str| (c.to_owned(), l.to_owned());
    assert_eq!(
        codes,
        [
            pair("E92000001", "England"),
            pair("S92000003", "Scotland"),
            pair("W92000004", "Wales")
        ],
        "the United Kingdom's total has no code and is not a territory of the map"
    );
}

#[test]
fn eurostat_classic_tsv_with_units_and_descending_years() {
    let (r, ds) = ok(import(
        "teina200.tsv",
        &read("eurostat/teina200.tsv"),
        &ImportOptions::default(),
    ));
    assert_eq!(r.detected.delimiter, Some('\t'));
    assert!(r.detected.flags);
    assert_eq!(ds.indicators[0].unit.en, "MIO_EUR");
    assert_eq!(
        find(&ds, "teina200", Period::Year(2003), &[("geo", "FR")]).value,
        Some(-63195.9)
    );
    assert_eq!(
        find(&ds, "teina200", Period::Year(2014), &[("geo", "FR")]).value,
        Some(-84127.0)
    );
    assert_eq!(
        find(
            &ds,
            "teina200",
            Period::Year(2003),
            &[("geo", "FR"), ("unit", "PC_GDP")]
        )
        .value,
        Some(-3.9)
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(w.kind, ProblemKind::MixedUnits { .. })));
}

#[test]
fn eurostat_new_format_with_glued_flags_and_crlf() {
    let (r, ds) = ok(import(
        "estat_ilc_peps13.tsv",
        &read("eurostat/estat_ilc_peps13.tsv"),
        &ImportOptions::default(),
    ));
    assert_eq!(r.detected.missing_markers, [":"]);
    let at = [("freq", "A"), ("deg_urb", "DEG1"), ("geo", "AT")];
    let o = find(&ds, "estat_ilc_peps13", Period::Year(2003), &at);
    assert_eq!((o.value, o.flag.as_str()), (Some(15.4), "u"));
    let o = find(&ds, "estat_ilc_peps13", Period::Year(2008), &at);
    assert_eq!((o.value, o.flag.as_str()), (Some(27.7), "b"));
    assert_eq!(
        find(&ds, "estat_ilc_peps13", Period::Year(2004), &at).flag,
        ""
    );
}

#[test]
fn owid_one_indicator_per_column() {
    let (r, ds) = ok(import(
        "owid-co2-data.csv",
        &read("owid/owid-co2-data-head200.csv"),
        &ImportOptions::default(),
    ));
    assert_eq!(
        r.detected.shape,
        Some(vigie_core::ingest::table::Shape::Columns)
    );
    assert!(ds.indicator("co2").is_some() && ds.indicator("population").is_some());
    assert_eq!(
        find(
            &ds,
            "co2",
            Period::Year(1949),
            &[("iso_code", "AFG"), ("country", "Afghanistan")]
        )
        .value,
        Some(0.015)
    );
    assert_eq!(
        find(
            &ds,
            "population",
            Period::Year(1949),
            &[("iso_code", "AFG"), ("country", "Afghanistan")]
        )
        .value,
        Some(7663783.0)
    );
    assert_eq!(
        find(
            &ds,
            "co2_growth_prct",
            Period::Year(1950),
            &[("iso_code", "AFG"), ("country", "Afghanistan")]
        )
        .value,
        Some(475.0)
    );
}

#[test]
fn world_bank_api_csv_with_preamble() {
    let (r, ds) = ok(import(
        "API_SP.POP.TOTL.csv",
        &read("worldbank/API_SP.POP.TOTL_DS2_en_csv_v2-head20.csv"),
        &ImportOptions::default(),
    ));
    assert_eq!((r.detected.header_line, r.detected.preamble_lines), (5, 4));
    assert_eq!(
        r.detected.encoding,
        vigie_core::ingest::decode::Encoding::Utf8Bom
    );
    let ind = ds
        .indicator("SP.POP.TOTL")
        .expect("indicator from the Indicator Code column");
    assert_eq!(ind.name.en, "Population, total");
    assert_eq!(
        find(
            &ds,
            "SP.POP.TOTL",
            Period::Year(1960),
            &[("Country Name", "Aruba"), ("Country Code", "ABW")]
        )
        .value,
        Some(54211.0)
    );
    assert_eq!(
        find(
            &ds,
            "SP.POP.TOTL",
            Period::Year(1961),
            &[("Country Name", "Aruba"), ("Country Code", "ABW")]
        )
        .value,
        Some(55438.0)
    );
}

#[test]
fn suppression_codes_are_values_with_a_warning() {
    let r = import(
        "alcohol.csv",
        &read("ctdata/alcohol-induced-deaths-head60.csv"),
        &ImportOptions::default(),
    );
    assert!(r.ok());
    assert_eq!(r.warnings[0].kind, ProblemKind::SuppressionCode);
    let opts = ImportOptions {
        missing_markers: Some(vec!["-6666".into()]),
        ..ImportOptions::default()
    };
    let (_, ds) = ok(import(
        "alcohol.csv",
        &read("ctdata/alcohol-induced-deaths-head60.csv"),
        &opts,
    ));
    let o = find(
        &ds,
        "Alcohol Induced Deaths",
        Period::Year(2006),
        &[("Town", "Andover"), ("Measure Type", "AAMR (per 100,000)")],
    );
    assert_eq!((o.value, o.note.as_str()), (None, "2006-2010"));
}

#[test]
fn windows_1252_and_overridden_roles() {
    // Own work: a Latin-1 file with a decimal comma and a no-break-space thousands separator.
    let bytes = b"Ann\xe9e;R\xe9gion;Valeur\n2019;\xcele-de-France;1\xa0234,5\n2020;\xcele-de-France;1\xa0300\n";
    let (r, ds) = ok(import("latin1.csv", bytes, &ImportOptions::default()));
    assert_eq!(
        r.detected.encoding,
        vigie_core::ingest::decode::Encoding::Windows1252
    );
    assert_eq!((r.detected.decimal, r.detected.thousands), (',', Some(' ')));
    assert_eq!(
        find(
            &ds,
            "latin1",
            Period::Year(2019),
            &[("Région", "Île-de-France")]
        )
        .value,
        Some(1234.5)
    );
    use vigie_core::ingest::table::Role;
    let opts = ImportOptions {
        roles: Some(vec![Role::Period, Role::Indicator, Role::Value]),
        ..ImportOptions::default()
    };
    let (_, ds) = ok(import("latin1.csv", bytes, &opts));
    assert_eq!(
        find(&ds, "Île-de-France", Period::Year(2020), &[]).value,
        Some(1300.0)
    );
}

#[test]
fn vigie_native_package_through_the_entry_point() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("public/data/lhsm");
    let desc = std::fs::read(dir.join("datapackage.json")).expect("descriptor");
    let files: Vec<(String, Vec<u8>)> =
        vigie_core::ingest::companions_needed("datapackage.json", &desc)
            .into_iter()
            .map(|p| {
                let b = std::fs::read(dir.join(&p)).expect("resource");
                (p, b)
            })
            .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let r = import_with("datapackage.json", &desc, &refs, &ImportOptions::default());
    assert_eq!(
        r.detected.shape,
        Some(vigie_core::ingest::table::Shape::Native)
    );
    let (_, ds) = ok(r);
    assert_eq!(ds.indicators.len(), 31);
    let missing = import_with(
        "datapackage.json",
        &desc,
        &refs[..1],
        &ImportOptions::default(),
    );
    assert!(!missing.ok());
    assert!(matches!(
        missing.problems[0].kind,
        ProblemKind::MissingResourceFile { .. }
    ));
}
