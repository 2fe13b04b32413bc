//! Every file of ../shared/data (real open-data files) either imports with the right counts and values,
//! or is refused with a precise, located problem (its kind and place). When the folder is absent, the build script leaves
//! `cfg(vigie_shared_data)` unset and the test runner lists the test as ignored, with the reason.
//!
//! Spot values were taken from the raw text by a separate reader, not from Vigie's output.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use vigie_core::ingest::{
    companions_needed, import_with, ImportOptions, ImportReport, ProblemKind,
};
use vigie_core::period::Period;
use ProblemKind::*;

struct Spot {
    indicator: &'static str,
    period: &'static str,
    dims: &'static [(&'static str, &'static str)],
    value: f64,
}

enum Expect {
    Import {
        indicators: usize,
        observations: usize,
        spots: &'static [Spot],
    },
    /// The first problem's place and kind (a function, so that the table stays a constant).
    Refuse {
        line: usize,
        column: usize,
        kind: fn() -> ProblemKind,
    },
}

const fn spot(
    indicator: &'static str,
    period: &'static str,
    dims: &'static [(&'static str, &'static str)],
    value: f64,
) -> Spot {
    Spot {
        indicator,
        period,
        dims,
        value,
    }
}

const fn import(
    path: &'static str,
    indicators: usize,
    observations: usize,
    spots: &'static [Spot],
) -> (&'static str, Expect) {
    (
        path,
        Expect::Import {
            indicators,
            observations,
            spots,
        },
    )
}

const fn refuse(
    path: &'static str,
    line: usize,
    column: usize,
    kind: fn() -> ProblemKind,
) -> (&'static str, Expect) {
    (path, Expect::Refuse { line, column, kind })
}

fn data_dir() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("../shared/data")
}

/// Reads a file with its companions, as the browser would be given them.
fn run(dir: &Path, rel: &str) -> ImportReport {
    let path = dir.join(rel);
    let bytes = std::fs::read(&path).expect("listed file is readable");
    let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut comps: Vec<(String, Vec<u8>)> = companions_needed(rel, &bytes)
        .into_iter()
        .filter_map(|p| std::fs::read(parent.join(&p)).ok().map(|b| (p, b)))
        .collect();
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    if let Some(id) = stem.strip_prefix("indicator_") {
        let name = format!("{id}.md");
        if let Ok(b) = std::fs::read(parent.join("../meta").join(&name)) {
            comps.push((name, b));
        }
    }
    let refs: Vec<(&str, &[u8])> = comps
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    import_with(rel, &bytes, &refs, &ImportOptions::default())
}

fn listed_files(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            listed_files(&p, root, out);
        } else {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if name == "PROVENANCE.txt"
                || name.starts_with("LICENSE")
                || name == "README.md"
                || name == "INVENTORY.tsv"
            {
                continue;
            }
            out.push(
                p.strip_prefix(root)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
}

#[test]
#[cfg_attr(
    not(vigie_shared_data),
    ignore = "../shared/data is absent: the real open-data files were not checked"
)]
fn every_shared_data_file_imports_or_is_refused_precisely() {
    let dir = data_dir();
    assert!(
        dir.is_dir(),
        "{} is absent: the build script saw it (touch crates/vigie-core/build.rs)",
        dir.display()
    );
    let mut on_disk = Vec::new();
    listed_files(&dir, &dir, &mut on_disk);
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(p, _)| p.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "every data file of ../shared/data has an expected outcome"
    );
    let mut failures = Vec::new();
    for (rel, expect) in CASES {
        let r = run(&dir, rel);
        match expect {
            Expect::Import {
                indicators,
                observations,
                spots,
            } => {
                let Some(ds) = &r.dataset else {
                    failures.push(format!(
                        "{rel}: refused: {:?}",
                        r.problems.first().map(|p| p.to_string())
                    ));
                    continue;
                };
                if (ds.indicators.len(), ds.observations.len()) != (*indicators, *observations) {
                    failures.push(format!(
                        "{rel}: {} indicators and {} observations, expected {indicators} and {observations}",
                        ds.indicators.len(),
                        ds.observations.len()
                    ));
                }
                assert!(spots.len() >= 3, "{rel}: three spot values");
                for s in spots.iter() {
                    let period = Period::parse(s.period).expect("spot period is canonical");
                    // A spot that names its territory by name leaves out the territory's code
                    // beside it (a dimension the map reads, checked in fixtures_real.rs).
                    let named = |o: &vigie_core::model::Observation| {
                        ds.dimensions_of(o)
                            .iter()
                            .filter(|(k, _)| {
                                !vigie_core::model::is_territory_code(k)
                                    || s.dims.iter().any(|(n, _)| n == k)
                            })
                            .map(|(k, v)| (k.as_str(), v.as_str()))
                            .collect::<Vec<_>>()
                    };
                    let found = ds.observations.iter().any(|o| {
                        o.indicator == s.indicator
                            && o.period == period
                            && named(o) == s.dims
                            && o.value.is_some_and(|v| {
                                (v - s.value).abs() <= 1e-9 * s.value.abs().max(1.0)
                            })
                    });
                    if !found {
                        failures.push(format!(
                            "{rel}: no {} {} {:?} = {}",
                            s.indicator, s.period, s.dims, s.value
                        ));
                    }
                }
            }
            Expect::Refuse { line, column, kind } => {
                let kind = kind();
                match r.problems.first() {
                    Some(p)
                        if r.dataset.is_none()
                            && p.line == *line
                            && p.column == *column
                            && p.kind == kind => {}
                    other => failures.push(format!(
                        "{rel}: expected refusal at {line}:{column} {kind:?}, got {:?}",
                        other
                    )),
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[rustfmt::skip]
const CASES: &[(&str, Expect)] = &[
    import("datahub_datasets_gdp/data/gdp.csv", 1, 13979, &[spot("gdp", "2000", &[("Country Name", "Afghanistan")], 3521418059.923445), spot("gdp", "2023", &[("Country Name", "Latin America & Caribbean")], 7094329636592.513), spot("gdp", "2023", &[("Country Name", "Zimbabwe")], 26538273498.84614)]),
    import("datahub_datasets_gdp/data/top-economies.csv", 1, 230, &[spot("gdp_trillion", "2000", &[("country", "United States")], 10.251), spot("gdp_trillion", "2000", &[("country", "United Kingdom")], 1.6655), spot("gdp_trillion", "2022", &[("country", "Brazil")], 1.9519)]),
    import("datahub_datasets_gdp/datapackage.json", 2, 14209, &[spot("gdp_trillion", "2000", &[("country", "United States")], 10.251), spot("gdp_trillion", "2000", &[("country", "United Kingdom")], 1.6655), spot("gdp_trillion", "2022", &[("country", "Brazil")], 1.9519)]),
    import("eurostat_bulk_tsv_gz/demo_r_mlifexp.tsv.gz", 1, 3117407, &[spot("demo_r_mlifexp", "2021", &[("sex", "F"), ("age", "Y1"), ("geo", "AL")], 77.2), spot("demo_r_mlifexp", "2006", &[("sex", "M"), ("age", "Y48"), ("geo", "UKJ3")], 32.8), spot("demo_r_mlifexp", "1993", &[("sex", "T"), ("age", "Y_LT1"), ("geo", "UKN0")], 75.7)]),
    import("eurostat_bulk_tsv_gz/estat_ilc_peps13.tsv", 1, 4016, &[spot("estat_ilc_peps13", "2017", &[("freq", "A"), ("deg_urb", "DEG1"), ("geo", "AL")], 46.1), spot("estat_ilc_peps13", "2019", &[("freq", "A"), ("deg_urb", "DEG2"), ("geo", "FI")], 14.2), spot("estat_ilc_peps13", "2018", &[("freq", "A"), ("deg_urb", "DEG3"), ("geo", "UK")], 21.5)]),
    import("eurostat_tsv_eurostat_revisions/gov_10dd_edpt1.tsv", 1, 51709, &[spot("gov_10dd_edpt1", "2014", &[("sector", "S1"), ("na_item", "B1GQ"), ("geo", "AT")], 329295.6), spot("gov_10dd_edpt1", "1997", &[("sector", "S13"), ("na_item", "P51G"), ("geo", "EA18")], 187563.8), spot("gov_10dd_edpt1", "2011", &[("sector", "S1314"), ("na_item", "ORWB"), ("geo", "SK")], 276.6)]),
    import("eurostat_tsv_eurostat_revisions/teina200.tsv", 1, 776, &[spot("teina200", "2003", &[("geo", "AT")], -4078.7), spot("teina200", "2005", &[("geo", "HR")], -1334.7), spot("teina200", "2014", &[("geo", "UK")], -128395.3)]),
    import("eurostat_tsv_eurostat_revisions/tsdde410.tsv", 1, 1275, &[spot("tsdde410", "1995", &[("geo", "AT")], 124398.7), spot("tsdde410", "2012", &[("geo", "FR")], 1869155.0), spot("tsdde410", "2014", &[("geo", "UK")], 2057219.2)]),
    import("fr_apur_observatoire-economie-paris/1_Recul_de_l_activite/1_5_Auto_entrepreneurs/auto_entrepreneurs.csv", 1, 24, &[spot("auto_entrepreneurs", "2019-01", &[], 662553009.0), spot("auto_entrepreneurs", "2019-07", &[], 719477444.0), spot("auto_entrepreneurs", "2020-12", &[], 89962786.0)]),
    import("fr_apur_observatoire-economie-paris/1_Recul_de_l_activite/1_6_Frequentation_commerces_loisirs/commerce_loisirs.csv", 5, 4715, &[spot("Paris", "2020-02-18", &[], -2.4), spot("Seine-Saint-Denis", "2021-06-09", &[], -16.6), spot("Ile-de-France", "2022-09-29", &[], -19.1)]),
    import("fr_apur_observatoire-economie-paris/1_Recul_de_l_activite/1_6_Frequentation_commerces_loisirs/transports_commun.csv", 5, 4715, &[spot("Paris", "2020-02-18", &[], -6.3), spot("Seine-Saint-Denis", "2021-06-09", &[], -9.0), spot("Ile-de-France", "2022-09-29", &[], -0.6)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_1_Emploi_salarie/emploi_salarie.csv", 2, 122, &[spot("Paris", "2011-Q1", &[], 1742.0), spot("Métropole du Grand Paris", "2018-Q3", &[], 4045.0), spot("Métropole du Grand Paris", "2026-Q1", &[], 4380.0)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_2_Emploi_interimaire/emploi_interimaire.csv", 2, 122, &[spot("Paris", "2011-Q1", &[], 45193.0), spot("Métropole du Grand Paris", "2018-Q3", &[], 82009.0), spot("Métropole du Grand Paris", "2026-Q1", &[], 70575.0)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_3_Secteur_activite/secteur_activite.csv", 4, 244, &[spot("Industrie", "2011-Q1", &[], 100.0), spot("Tertiaire marchand hors interim", "2018-Q3", &[], 106.5), spot("Tertiaire non marchand", "2026-Q1", &[], 102.4)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_3_Secteur_activite/secteur_activite_MGP.csv", 4, 244, &[spot("Industrie", "2011-Q1", &[], 100.0), spot("Tertiaire marchand hors interim", "2018-Q3", &[], 107.882648462894), spot("Tertiaire non marchand", "2026-Q1", &[], 107.109986290377)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_3_Secteur_activite/secteur_activite_ParisMGP.csv", 8, 360, &[spot("Paris - Industrie", "2011-Q1", &[], 100.0), spot("Métropole du Grand Paris - Industrie", "2016-Q3", &[], 92.2), spot("Métropole du Grand Paris - Tertiaire non marchand", "2022-Q1", &[], 105.7)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_4_Offres_durables/offres_durables.csv", 2, 88, &[spot("Paris", "2015-Q1", &[], 51300.0), spot("Paris", "2020-Q3", &[], 105470.0), spot("Métropole du Grand Paris", "2025-Q4", &[], 195900.0)]),
    import("fr_apur_observatoire-economie-paris/2_Evolution_de_l_emploi/2_5_Metiers_recherches/metiers_recherches.csv", 1, 26, &[spot("metiers_recherches", "2020", &[("Métier", "Mécanique automobile")], 2140.0), spot("metiers_recherches", "2019", &[("Métier", "Optique - lunetterie")], 90.0), spot("metiers_recherches", "2019", &[("Métier", "Intervention socioéducative")], 290.0)]),
    import("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_1_Taux_chomage/taux_chomage.csv", 3, 183, &[spot("Paris", "2011-Q1", &[], 7.9), spot("Ile-de-France", "2018-Q3", &[], 7.8), spot("France métropolitaine", "2026-Q1", &[], 7.9)]),
    refuse("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_2_Demandeur_emploi/demandeur_emploi.csv", 2, 1, || UnknownPeriod),
    import("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_3_Demandeur_emploi_age/demandeur_emploi_age.csv", 3, 111, &[spot("Moins de 25 ans", "2017-Q1", &[], 8550.0), spot("Entre 25 et 49 ans", "2021-Q3", &[], 79870.0), spot("50 ans ou plus", "2026-Q1", &[], 32590.0)]),
    refuse("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_4_Demandeur_emploi_arrondissement/map1Data.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_4_Demandeur_emploi_arrondissement/map2Data.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    import("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_5_Chomage_partiel/chomage_partiel.csv", 2, 64, &[spot("Paris", "2015-Q1", &[], 805.0), spot("Paris", "2019-Q1", &[], 980.0), spot("Métropole du Grand Paris", "2022-Q4", &[], 9535.0)]),
    import("fr_apur_observatoire-economie-paris/3_Chomage_Rsa/3_6_Beneficiaire_Rsa/beneficiaire_rsa.csv", 1, 87, &[spot("beneficiaire_rsa", "2019-01", &[], 63610.0), spot("beneficiaire_rsa", "2024-06", &[], 62550.0), spot("beneficiaire_rsa", "2025-12", &[], 64450.0)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_1_Creations_entreprises/creations_entreprises.csv", 2, 114, &[spot("Paris", "2012-Q1", &[], 41.6), spot("Métropole du Grand Paris", "2019-Q1", &[], 60.1), spot("Métropole du Grand Paris", "2026-Q1", &[], 53.8)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_1_Creations_entreprises/creations_part_autoEnrepreneur.csv", 2, 56, &[spot("Paris", "2015-Q1", &[], 44.9), spot("Paris", "2018-Q3", &[], 56.5), spot("Métropole du Grand Paris", "2021-Q4", &[], 56.3)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_1_Creations_entreprises/creations_tot.csv", 2, 114, &[spot("Paris", "2012-Q1", &[], 13030.0), spot("Métropole du Grand Paris", "2019-Q1", &[], 46247.0), spot("Métropole du Grand Paris", "2026-Q1", &[], 66483.0)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_2_Defaillances_entreprises/defaillances_entreprises.csv", 2, 90, &[spot("Paris", "2015-Q1", &[], 1138.0), spot("Métropole du Grand Paris", "2020-Q3", &[], 1125.0), spot("Métropole du Grand Paris", "2026-Q1", &[], 2927.0)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_3_Ouvertures_procedures_collectives/ouverture_procedures_collectives.csv", 1, 89, &[spot("ouverture_procedures_collectives", "2019-01", &[], 269.0), spot("ouverture_procedures_collectives", "2023-06", &[], 370.0), spot("ouverture_procedures_collectives", "2025-12", &[], 441.0)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_3_Ouvertures_procedures_collectives/ouverture_procedures_collectives_MGP.csv", 1, 89, &[spot("ouverture_procedures_collectives_MGP", "2019-01", &[], 640.0), spot("ouverture_procedures_collectives_MGP", "2023-06", &[], 737.0), spot("ouverture_procedures_collectives_MGP", "2025-12", &[], 974.0)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_4_Emplois_menaces/liquidations_judiciaires.csv", 2, 6, &[spot("Procédures ouvertes", "2023", &[], 3832.0), spot("Emplois concernés", "2024", &[], 14643.0), spot("Emplois concernés", "2025", &[], 22000.0)]),
    import("fr_apur_observatoire-economie-paris/4_Creations_et_defaillances_d_entreprises/4_4_Emplois_menaces/procedures_observations.csv", 2, 8, &[spot("Ouvertures de redressements judiciaire et sauvegardes", "2019", &[], 442.0), spot("Ouvertures de redressements judiciaire et sauvegardes", "2021", &[], 233.0), spot("Emplois concernés", "2022", &[], 5151.0)]),
    import("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_2_Tourisme/tourisme.csv", 1, 64, &[spot("tourisme", "2019-01", &[], 66.8), spot("tourisme", "2024-06", &[], 79.3), spot("tourisme", "2025-12", &[], 79.8)]),
    import("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_2_Tourisme/tourisme2.csv", 2, 122, &[spot("Paris", "2011-Q1", &[], 143330.0), spot("Métropole du Grand Paris", "2018-Q3", &[], 249245.0), spot("Métropole du Grand Paris", "2026-Q1", &[], 284480.0)]),
    import("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_2_Tourisme/tourisme_MGP.csv", 1, 64, &[spot("tourisme_MGP", "2019-01", &[], 62.4), spot("tourisme_MGP", "2024-06", &[], 69.9), spot("tourisme_MGP", "2025-12", &[], 62.1)]),
    import("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_3_Culture/culture.csv", 1, 49, &[spot("culture", "2019-01", &[], 730977077.0), spot("culture", "2022-06", &[], 531458988.0), spot("culture", "2022-12", &[], 561396557.0)]),
    refuse("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_4_Commerce/commerce.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    import("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_4_Commerce/commerce2.csv", 2, 122, &[spot("Paris", "2011-Q1", &[], 169419.0), spot("Métropole du Grand Paris", "2018-Q3", &[], 449326.0), spot("Métropole du Grand Paris", "2026-Q1", &[], 462373.0)]),
    refuse("fr_apur_observatoire-economie-paris/5_Secteurs_d_activites_les_plus_impactes/5_5_Start-ups/start-ups.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_apur_observatoire-economie-paris/6_Aides_et_mesures_de_soutien/6_1_Fonds_solidarite/fonds_solidarite.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_apur_observatoire-economie-paris/6_Aides_et_mesures_de_soutien/6_2_Pret_garanti_Etat/pret_garanti_etat.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_apur_observatoire-economie-paris/6_Aides_et_mesures_de_soutien/6_3_Report_echeances_fiscales/report_echeances_fiscales.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    import("fr_apur_observatoire-economie-paris/7_Impacts_de_plus_long_terme/7_1_Teletravail/teletravail.csv", 5, 4715, &[spot("Paris", "2020-02-18", &[], -11.0), spot("Seine-Saint-Denis", "2021-06-09", &[], -20.3), spot("Ile-de-France", "2022-09-29", &[], -20.6)]),
    import("fr_apur_observatoire-economie-paris/7_Impacts_de_plus_long_terme/7_2_Immobilier_bureau/immobilier_bureau.csv", 6, 198, &[spot("Paris Centre Ouest", "2018-Q1", &[], 145900.0), spot("1ère Couronne Hors Croissant Ouest", "2022-Q1", &[], 192300.0), spot("Île-de-France", "2026-Q1", &[], 367700.0)]),
    refuse("fr_insee_cog2016_latin1_lexman/correspondance_regions.tsv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_insee_cog2016_latin1_lexman/data/fr-cantons.tsv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_insee_cog2016_latin1_lexman/data/fr-communes.tsv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_insee_cog2016_latin1_lexman/data/fr-departements.tsv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_insee_cog2016_latin1_lexman/data/fr-regions.tsv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_insee_cog2016_latin1_lexman/datapackage.json", 16, 7, || InvalidJson { message: "key must be a string at line 16 column 7".into() }),
    refuse("fr_insee_cog2016_latin1_lexman/reg2016.txt", 1, 0, || NoPeriodColumn { chosen: false }),
    import("fr_ptod_territorial-reference-tables/idx_serie_emploi_france.json", 1, 26, &[spot("eff", "1998", &[("lib", "Total"), ("lib_short", "Total"), ("na5", "T")], 21599592.0), spot("eff", "2011", &[("lib", "Total"), ("lib_short", "Total"), ("na5", "T")], 24051244.0), spot("eff", "2023", &[("lib", "Total"), ("lib_short", "Total"), ("na5", "T")], 26369746.0)]),
    refuse("fr_ptod_territorial-reference-tables/tdc_sat3col_dep.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_ptod_territorial-reference-tables/tdc_sat3col_epci.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_ptod_territorial-reference-tables/tdc_sat3col_reg.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("fr_ptod_territorial-reference-tables/tdc_sat3col_ze.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    import("fr_scdl_subventions_castelmaurou/subventions-commune-de-castelmaurou.csv", 2, 190, &[spot("montant", "2018-04-14", &[("nomAttribuant", "COMMUNE DE CASTELMAUROU"), ("idAttribuant", "21310117300010"), ("referenceDecision", "Délibération D-2018-21"), ("nomBeneficiaire", "COMITE FETES DE CASTELMAUROU"), ("idBeneficiaire", "78012958100010"), ("objet", "Subventions de fonctionnement aux associations pour l'année 2018 - partie 1"), ("nature", "aide en numéraire"), ("conditionsVersement", "Unique"), ("datesPeriodeVersement", "2018-05-07"), ("notificationUE", "non")], 13760.0), spot("pourcentageSubvention", "2014-04-28", &[("nomAttribuant", "COMMUNE DE CASTELMAUROU"), ("idAttribuant", "21310117300010"), ("referenceDecision", "Délibération D-2014-34"), ("nomBeneficiaire", "JUDO CLUB CASTELMAUROU"), ("idBeneficiaire", "42081852800028"), ("objet", "Subvention aux associations et au CCAS - année 2014"), ("nature", "aide en numéraire"), ("conditionsVersement", "Unique"), ("datesPeriodeVersement", "2014-05-20"), ("notificationUE", "non")], 1.0), spot("pourcentageSubvention", "2014-06-20", &[("nomAttribuant", "COMMUNE DE CASTELMAUROU"), ("idAttribuant", "21310117300010"), ("referenceDecision", "Délibération D-2014-51"), ("nomBeneficiaire", "FEDERATION NATIONALE DES ANCIENS COMBATTANTS EN ALGERIE MAROC TUNISIE COMITE CANTONAL DE L'UNION"), ("idBeneficiaire", "83022644500013"), ("objet", "Subvention aux associations pour l'année 2014"), ("nature", "aide en numéraire"), ("conditionsVersement", "Unique"), ("datesPeriodeVersement", "2014-07-15"), ("notificationUE", "non")], 1.0)]),
    refuse("fr_schema.data.gouv.fr_tableschemas/etalab_schema-comptage-mobilites-measure.schema.json", 1, 1, || TableSchemaOnly),
    refuse("fr_schema.data.gouv.fr_tableschemas/etalab_schema-hautes-remunerations.schema.json", 1, 1, || TableSchemaOnly),
    refuse("fr_schema.data.gouv.fr_tableschemas/etalab_schema-irve.schema.json", 1, 1, || TableSchemaOnly),
    refuse("fr_schema.data.gouv.fr_tableschemas/scdl_budget.schema.json", 1, 1, || TableSchemaOnly),
    refuse("fr_schema.data.gouv.fr_tableschemas/scdl_equipements.schema.json", 1, 1, || TableSchemaOnly),
    refuse("fr_schema.data.gouv.fr_tableschemas/scdl_subventions.schema.json", 1, 1, || TableSchemaOnly),
    refuse("fr_schema.data.gouv.fr_tableschemas/tableschema-schemas.catalog.json", 1, 1, || UnknownJsonShape),
    import("frictionless_ctdata_alcohol-induced-deaths/data/alcohol-induced-deaths_2010-2014.csv", 1, 2040, &[spot("Alcohol Induced Deaths", "2006", &[("Town", "Andover"), ("Measure Type", "AAMR (per 100,000)")], -6666.0), spot("Alcohol Induced Deaths", "2006", &[("Town", "Monroe"), ("Measure Type", "AAMR (per 100,000)")], -6666.0), spot("Alcohol Induced Deaths", "2010", &[("Town", "Woodstock"), ("Measure Type", "Number")], 3.0)]),
    import("frictionless_ctdata_alcohol-induced-deaths/datapackage.json", 1, 2040, &[spot("Alcohol Induced Deaths", "2006", &[("Town", "Andover"), ("Measure Type", "AAMR (per 100,000)")], -6666.0), spot("Alcohol Induced Deaths", "2006", &[("Town", "Monroe"), ("Measure Type", "AAMR (per 100,000)")], -6666.0), spot("Alcohol Induced Deaths", "2010", &[("Town", "Woodstock"), ("Measure Type", "Number")], 3.0)]),
    import("frictionless_examples/cpi/data/cpi.csv", 1, 6936, &[spot("CPI", "2004", &[("Country Name", "Afghanistan")], 63.1318927309003), spot("CPI", "2011", &[("Country Name", "Kuwait")], 104.905335628227), spot("CPI", "2014", &[("Country Name", "Zambia")], 130.821970572374)]),
    import("frictionless_examples/cpi/datapackage.json", 1, 6936, &[spot("CPI", "2004", &[("Country Name", "Afghanistan")], 63.1318927309003), spot("CPI", "2011", &[("Country Name", "Kuwait")], 104.905335628227), spot("CPI", "2014", &[("Country Name", "Zambia")], 130.821970572374)]),
    refuse("frictionless_examples/donation-codes-schema/tableschema.json", 1, 1, || TableSchemaOnly),
    import("frictionless_examples/finance-vix/data/vix-daily.csv", 4, 12488, &[spot("VIXOpen", "2004-01-02", &[], 17.96), spot("VIXOpen", "2010-03-17", &[], 16.97), spot("VIXClose", "2016-05-26", &[], 13.43)]),
    import("frictionless_examples/finance-vix/datapackage.json", 4, 12488, &[spot("VIXOpen", "2004-01-02", &[], 17.96), spot("VIXOpen", "2010-03-17", &[], 16.97), spot("VIXClose", "2016-05-26", &[], 13.43)]),
    import("frictionless_examples/gross-domestic-product-2014/data/gdp_2014.csv", 1, 204, &[spot("gdp_2014", "2014", &[("Country Name", "Arab World")], 2855840877624.21), spot("gdp_2014", "2014", &[("Country Name", "Hong Kong SAR, China")], 290896409543.744), spot("gdp_2014", "2014", &[("Country Name", "Zimbabwe")], 13663314279.6683)]),
    import("frictionless_examples/gross-domestic-product-2014/datapackage.json", 1, 204, &[spot("gdp", "2014", &[("Country Name", "Arab World")], 2855840877624.21), spot("gdp", "2014", &[("Country Name", "Hong Kong SAR, China")], 290896409543.744), spot("gdp", "2014", &[("Country Name", "Zimbabwe")], 13663314279.6683)]),
    import("frictionless_examples/inflation/data/inflation-consumer.csv", 1, 7991, &[spot("Inflation", "1973", &[("Country", "Arab World")], 8.26666666600006), spot("Inflation", "1975", &[("Country", "Indonesia")], 19.054269752594), spot("Inflation", "2014", &[("Country", "Zambia")], 7.81195441703886)]),
    import("frictionless_examples/inflation/data/inflation-gdp.csv", 1, 9865, &[spot("Inflation", "1969", &[("Country", "Arab World")], 1.3037897449807), spot("Inflation", "1989", &[("Country", "India")], 8.43680887306273), spot("Inflation", "2014", &[("Country", "Zimbabwe")], 1.33869250144647)]),
    import("frictionless_examples/inflation/datapackage.json", 2, 17856, &[spot("Inflation", "1969", &[("Country", "Arab World")], 1.3037897449807), spot("Inflation", "1989", &[("Country", "India")], 8.43680887306273), spot("Inflation", "2014", &[("Country", "Zimbabwe")], 1.33869250144647)]),
    refuse("frictionless_examples/resources/semicolon-separated-value-file-dialect.json", 1, 1, || UnknownJsonShape),
    refuse("open-sdg_ONSdigital_sdg-data/code_mapping.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("open-sdg_ONSdigital_sdg-data/column_mapping.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    refuse("open-sdg_ONSdigital_sdg-data/config_data.yml", 0, 0, || MetadataOnly),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_1-4-2.csv", 1, 4, &[spot("1-4-2", "2018", &[("Security", "Documented"), ("Type of documentation", "Formal")], 79.0), spot("1-4-2", "2018", &[("Security", "Documented"), ("Type of documentation", "No Documentation")], 20.0), spot("1-4-2", "2018", &[("Security", "Perceived")], 87.0)]),
    refuse("open-sdg_ONSdigital_sdg-data/data/indicator_1-5-2.csv", 2, 1, || UnknownPeriod),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_10-b-1.csv", 1, 1876, &[spot("10-b-1", "1970", &[], 186000.0), spot("10-b-1", "2014", &[("Recipient region", "Europe"), ("Recipient country", "Ukraine")], 7505.053145000001), spot("10-b-1", "2020", &[("Recipient region", "Pacific"), ("Recipient country", "Vanuatu")], 73.54761)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_11-1-1.csv", 1, 3570, &[spot("11-1-1", "2020", &[("Series", "Dwellings (%)")], 15.0), spot("11-1-1", "2010", &[("Series", "Households (%)"), ("Decent homes criteria", "Thermal comfort"), ("Ethnicity of household reference person (hrp)", "All minority")], 8.3), spot("11-1-1", "2021", &[("Series", "Households (%)"), ("Decent homes criteria", "Minimum standard (HHSRS)")], 9.5)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_11-4-1.csv", 1, 103, &[spot("11-4-1", "2000", &[("Series", "Cultural heritage"), ("Type of expenditure", "Central government expenditure")], 31.63734735), spot("11-4-1", "2015", &[("Series", "Natural heritage"), ("Type of expenditure", "NGO expenditure")], 3.653911101), spot("11-4-1", "2020", &[("Series", "Cultural heritage"), ("Type of expenditure", "Local government expenditure")], 39.19142529)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_11-7-1.csv", 1, 4, &[spot("11-7-1", "2019", &[], 4.9), spot("11-7-1", "2019", &[("Country", "Scotland")], 5.3), spot("11-7-1", "2019", &[("Country", "Wales")], 3.4)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_11-7-2.csv", 1, 377, &[spot("11-7-2", "2004", &[("Series", "Percentage of adults aged 16 to 59 (%)"), ("Sex", "Female"), ("Relationship to perpetrator", "Family member")], 0.05228597228779967), spot("11-7-2", "2017", &[("Series", "Percentage of adults aged 16 to 59 (%)"), ("Sex", "Female"), ("Relationship to perpetrator", "Partner")], 0.2594601655545305), spot("11-7-2", "2022", &[("Series", "Percentage of adults aged 16 to 59 (%)")], 2.50512338063819)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_12-3-1.csv", 1, 243, &[spot("12-3-1", "2007", &[("Waste type", "Household")], 100.0), spot("12-3-1", "2009", &[("Waste type", "Supply chain"), ("Sector", "Retail")], 4.7), spot("12-3-1", "2018", &[], 96.4)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_15-4-2.csv", 1, 12, &[spot("15-4-2", "2000", &[("Series", "Mountain Green Cover Index"), ("Mountain elevation", "5")], 4.7619), spot("15-4-2", "2000", &[("Series", "Mountain Green Cover Index"), ("Mountain elevation", "6")], 85.86166), spot("15-4-2", "2015", &[("Series", "Mountain Green Cover Index")], 85.56103)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_16-1-3.csv", 1, 1237, &[spot("16-1-3", "2014", &[("Series", "(a) Physical violence - 16 and over"), ("Violence type", "Assault with minor injury")], 0.503974030942816), spot("16-1-3", "2018", &[("Series", "(c) Sexual violence - 16 to 74"), ("Age", "45 to 54"), ("Sex", "Male")], 0.39149004579693), spot("16-1-3", "2021", &[("Series", "(c) Sexual violence - 16 to 59")], 2.650476350200518)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_16-1-4.csv", 1, 405, &[spot("16-1-4", "2001", &[("Series", "Proportion of population who feel safe walking alone after dark")], 68.08609377647656), spot("16-1-4", "2018", &[("Series", "Proportion of population who feel safe walking alone after dark"), ("Ethnicity", "White"), ("Ethnic group", "Irish")], 74.9862028800316), spot("16-1-4", "2022", &[("Series", "Proportion of population who feel safe walking alone after dark"), ("Highest qualification", "None")], 71.77913249774967)]),
    refuse("open-sdg_ONSdigital_sdg-data/data/indicator_16-7-1.csv", 2, 1, || UnknownPeriod),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_16-7-2.csv", 1, 366, &[spot("16-7-2", "2013", &[("Series", "Percentage of people who feel they are able to influence decisions affecting their local area"), ("Urban or rural", "Rural")], 28.8728294741659), spot("16-7-2", "2019", &[("Series", "Percentage of people who feel they are able to influence decisions affecting their local area"), ("Urban or rural", "Rural")], 29.0), spot("16-7-2", "2021", &[("Series", "Percentage of people who feel they are able to influence decisions affecting their local area"), ("Household income", "Band 8")], 31.841945479262783)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_17-5-1.csv", 1, 4, &[spot("17-5-1", "2019", &[], 3.630694), spot("17-5-1", "2021", &[], 11.954014), spot("17-5-1", "2022", &[], 5.736645)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_17-9-1.csv", 1, 156, &[spot("17-9-1", "2009", &[("Series", "Net Official Development Assistance (ODA) flows to developing countries"), ("Country income classification", "LDCs")], 1650538.39), spot("17-9-1", "2015", &[("Series", "Net Official Development Assistance (ODA) flows to developing countries"), ("Country income classification", "UMICs")], 525206.121), spot("17-9-1", "2021", &[("Series", "Net Official Development Assistance (ODA) flows to developing countries")], 11422700.595)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_2-1-2.csv", 1, 858, &[spot("2-1-2", "2019", &[("Food security level", "Low"), ("Country", "England")], 4.0), spot("2-1-2", "2020", &[("Food security level", "Very low"), ("Highest qualification", "Level 2")], 4.0), spot("2-1-2", "2021", &[("Age group", "State Pension age"), ("Tenure", "Private rented")], 5.0)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_2-2-2.csv", 1, 2341, &[spot("2-2-2", "2006", &[("Series", "WHO Child Growth Standards"), ("Country", "England"), ("Type (wasting or overweight)", "Wasting")], 0.522690376125), spot("2-2-2", "2016", &[("Series", "BMI classifications"), ("Country", "England"), ("BMI Classifications", "Overweight"), ("IMD Deciles (England)", "9")], 12.2965910992914), spot("2-2-2", "2018", &[("Series", "BMI classifications"), ("Country", "Wales"), ("BMI Classifications", "Underweight"), ("IMD Quintiles", "1 (Most deprived)")], 0.775678718879019)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_2-3-2.csv", 1, 69, &[spot("2-3-2", "2000", &[("Series", "Average weekly gross earnings of food producers by sex"), ("Sex", "Female")], 178.2), spot("2-3-2", "2011", &[("Series", "Average weekly gross earnings of food producers by sex"), ("Sex", "Male")], 411.8), spot("2-3-2", "2022", &[("Series", "Average weekly gross earnings of food producers by sex")], 491.5294410340893)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_3-1-1.csv", 1, 225, &[spot("3-1-1", "2003", &[("Series", "Maternal mortality rate")], 13.95), spot("3-1-1", "2012", &[("Series", "Maternal mortality rate"), ("Country", "England"), ("Ethnicity", "Chinese or other")], 4.11), spot("3-1-1", "2018", &[("Series", "Maternal mortality rate"), ("Country of birth", "Not born in UK")], 9.51)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_3-2-2.csv", 1, 2173, &[spot("3-2-2", "2005", &[("Series", "Neonatal mortality rate"), ("Age", "19 and under"), ("Country", "England and Wales")], 4.6), spot("3-2-2", "2014", &[("Series", "Neonatal mortality rate"), ("Age", "30 to 34"), ("Country", "England and Wales")], 2.3), spot("3-2-2", "2007", &[("Series", "Neonatal mortality rate"), ("Country", "England and Wales"), ("Ethnic group", "Not Stated")], 4.2)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_3-3-1.csv", 1, 3230, &[spot("3-3-1", "2000", &[("Country", "England"), ("Exposure category", "Heterosexual contact"), ("Sex", "Female")], 6.175758696564648), spot("3-3-1", "2009", &[("Country", "England"), ("Ethnicity", "Non Black African"), ("Sex", "Male")], 13.03921293006111), spot("3-3-1", "2018", &[("Ethnicity", "Black African")], 78.3086105965527)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_3-3-3.csv", 1, 1408, &[spot("3-3-3", "2014", &[("Series", "Rate per 100,000 population"), ("Country", "England"), ("Region", "East")], 1.8779342723004695), spot("3-3-3", "2012", &[("Series", "Rate per 100,000 population")], 2.161524765), spot("3-3-3", "2019", &[("Series", "Rate per 100,000 population"), ("Age", "70 and over")], 0.5218301538333088)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_3-3-5.csv", 1, 246, &[spot("3-3-5", "2009", &[("Series", "England, Wales and Northern Ireland")], 223.0), spot("3-3-5", "2000", &[("Series", "United Kingdom (UK)"), ("Region of travel", "Western Africa")], 0.0), spot("3-3-5", "2020", &[("Series", "United Kingdom (UK)")], 0.0)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_3-b-3.csv", 1, 6, &[spot("3-b-3", "2015", &[("Group", "A")], 1.0), spot("3-b-3", "2016", &[("Group", "A")], 1.0), spot("3-b-3", "2016", &[], 2.0)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_4-3-1.csv", 1, 90, &[spot("4-3-1", "2016", &[("Series", "Percentage of adults who have participated in formal learning in the last 12 months"), ("Country of birth", "Born in UK")], 10.0), spot("4-3-1", "2016", &[("Series", "Percentage of adults who have participated in formal learning in the last 12 months"), ("Household income", "Less than £14,999")], 5.9), spot("4-3-1", "2016", &[("Series", "Percentage of adults who have participated in non-formal learning in the last 12 months")], 47.6)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_4-5-1.csv", 1, 1621, &[spot("4-5-1", "2000", &[("Series", "Adjusted Gender Parity Index (GPIA)"), ("Educational measure", "Out-of-school-rate"), ("Education indicator", "Out-of-school rate for adolescents and youth of lower and upper secondary school age")], 0.76935), spot("4-5-1", "2014", &[("Series", "Adjusted Gender Parity Index (GPIA)"), ("Educational measure", "Educational attainment rate (educational stage completed by population aged 25 years and over)"), ("Education indicator", "Educational attainment rate, completed lower secondary education or higher, population 25+ years, adjusted gender parity index (GPIA)")], 1.0), spot("4-5-1", "2021", &[("Series", "Adjusted Gender Parity Index (GPIA)"), ("Educational measure", "Participation rate in formal and non-formal education and training in the previous 12 months"), ("Education indicator", "Participation rate of youth and adults in formal and non-formal education and training in the previous 12 months, 55-64 years old, adjusted gender parity index (GPIA)")], 1.3)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_5-2-1.csv", 1, 386, &[spot("5-2-1", "2004", &[("Series", "Women aged 16 to 59"), ("Type of partner abuse", "Non-sexual"), ("Abuse sub-category", "Force")], 3.5634181351962), spot("5-2-1", "2018", &[("Series", "Women aged 16 to 59"), ("Region", "South West")], 5.728663959123086), spot("5-2-1", "2021", &[("Series", "Women aged 16 to 59")], 5.27120478241274)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_5-4-1.csv", 1, 972, &[spot("5-4-1", "2004", &[("Series", "Proportion of population who are informal carers")], 8.0), spot("5-4-1", "2017", &[("Series", "Proportion of population who are informal carers"), ("Sex", "Female"), ("Age", "45-54")], 5.0), spot("5-4-1", "2012", &[("Series", "Proportion of informal carers by characteristics"), ("Number of hours per week providing care", "Unknown")], 11.0)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_5-a-1.csv", 1, 1728, &[spot("5-a-1", "2004", &[("Occupation unit group", "Managers and proprietors in agriculture related services"), ("Country", "England"), ("Sex", "Female")], 23.3716475095785), spot("5-a-1", "2013", &[("Occupation unit group", "Managers and proprietors in agriculture related services"), ("Country", "England and Wales"), ("Sex", "Female")], 37.0242214532872), spot("5-a-1", "2021", &[("Occupation unit group", "Managers and proprietors in forestry, fishing and related services"), ("Country", "Wales"), ("Sex", "Male")], 55.5555555555556)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_5-b-1.csv", 1, 828, &[spot("5-b-1", "2008", &[("Series", "Percentage of individuals who use a mobile telephone"), ("Sex", "Female")], 86.0), spot("5-b-1", "2017", &[("Series", "Percentage of individuals who use a mobile telephone"), ("Sex", "Female")], 95.0), spot("5-b-1", "2023", &[("Series", "Percentage of individuals who use a mobile telephone"), ("Working status", "Not-working")], 92.0)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_8-5-1.csv", 1, 9130, &[spot("8-5-1", "1997", &[("Series", "1. Annual survey of hours and earnings (ASHE)"), ("Country", "England"), ("Region", "East"), ("Sex", "Male"), ("Working Pattern", "Full Time")], 9.75), spot("8-5-1", "2015", &[("Series", "1. Annual survey of hours and earnings (ASHE)"), ("Age", "60 and over"), ("Sex", "Female"), ("Occupation", "Elementary occupations"), ("Working Pattern", "Full Time")], 8.4), spot("8-5-1", "2021", &[("Series", "2. Annual population survey (APS)"), ("Sex by disability", "Female, Disabled (GSS harmonised)")], 15.37)]),
    import("open-sdg_ONSdigital_sdg-data/data/indicator_9-5-1.csv", 1, 1428, &[spot("9-5-1", "2006", &[("Series", "Research and development expenditure as a proportion of GDP"), ("Performing/Funding", "Performing research and development"), ("Sector", "Business enterprise"), ("Product group", "Sewerage, waste management, remediation activities")], 6.72255349472e-05), spot("9-5-1", "2012", &[("Series", "Research and development expenditure as a proportion of GDP"), ("Performing/Funding", "Performing research and development"), ("Sector", "Business enterprise"), ("Product group", "Research and development services")], 0.0281758476867453), spot("9-5-1", "2017", &[("Series", "Research and development expenditure as a proportion of GDP")], 1.68934052723459)]),
    refuse("open-sdg_ONSdigital_sdg-data/meta/1-4-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/1-5-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/10-b-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/11-1-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/11-4-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/11-7-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/11-7-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/12-3-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/15-4-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/16-1-3.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/16-1-4.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/16-7-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/16-7-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/17-5-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/17-9-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/2-1-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/2-2-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/2-3-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/3-1-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/3-2-2.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/3-3-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/3-3-3.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/3-3-5.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/3-b-3.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/4-3-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/4-5-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/5-2-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/5-4-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/5-a-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/5-b-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/8-5-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_ONSdigital_sdg-data/meta/9-5-1.md", 0, 0, || MetadataOnly),
    refuse("open-sdg_open-sdg-data-starter/config_data.yml", 0, 0, || MetadataOnly),
    import("open-sdg_open-sdg-data-starter/data/indicator_1-1-1.csv", 1, 6, &[spot("1-1-1", "2015", &[("Group", "A")], 1.0), spot("1-1-1", "2016", &[("Group", "A")], 1.0), spot("1-1-1", "2016", &[], 2.0)]),
    refuse("open-sdg_open-sdg-data-starter/indicator-config/1-1-1.yml", 0, 0, || MetadataOnly),
    refuse("open-sdg_open-sdg-data-starter/indicator-config/9-c-1.yml", 0, 0, || MetadataOnly),
    refuse("open-sdg_open-sdg-data-starter/meta/1-1-1.yml", 0, 0, || MetadataOnly),
    refuse("open-sdg_open-sdg-data-starter/meta/es/1-1-1.yml", 0, 0, || MetadataOnly),
    refuse("open-sdg_open-sdg-data-starter/metadata_schema.yml", 0, 0, || MetadataOnly),
    refuse("owid_co2-data/owid-co2-codebook.csv", 1, 0, || NoPeriodColumn { chosen: false }),
    import("owid_co2-data/owid-co2-data.csv", 35, 413999, &[spot("co2", "1949", &[("country", "Afghanistan")], 0.015), spot("coal_co2", "1952", &[("country", "Kuwait")], 0.0), spot("population", "2018", &[("country", "Zimbabwe")], 14439000.0)]),
    import("worldbank_wdi_api-csv/API_SP.DYN.IMRT.IN_DS2_en_csv_v2.csv", 1, 10976, &[spot("SP.DYN.IMRT.IN", "1960", &[("Country Name", "Afghanistan")], 245.7), spot("SP.DYN.IMRT.IN", "1975", &[("Country Name", "Libya")], 72.5), spot("SP.DYN.IMRT.IN", "2016", &[("Country Name", "Zimbabwe")], 40.0)]),
    import("worldbank_wdi_api-csv/API_SP.DYN.TFRT.IN_DS2_en_csv_v2.csv", 1, 13523, &[spot("SP.DYN.TFRT.IN", "1960", &[("Country Name", "Aruba")], 4.82), spot("SP.DYN.TFRT.IN", "1978", &[("Country Name", "Libya")], 7.582), spot("SP.DYN.TFRT.IN", "2015", &[("Country Name", "Zimbabwe")], 3.836)]),
    import("worldbank_wdi_api-csv/API_SP.POP.TOTL_DS2_en_csv_v2.csv", 1, 14885, &[spot("SP.POP.TOTL", "1960", &[("Country Name", "Aruba")], 54211.0), spot("SP.POP.TOTL", "2000", &[("Country Name", "St. Lucia")], 156949.0), spot("SP.POP.TOTL", "2016", &[("Country Name", "Zimbabwe")], 16150362.0)]),
];
