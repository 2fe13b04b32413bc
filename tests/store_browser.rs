//! Browser tests of the IndexedDB store (run by wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use vigie::ingest::datapackage::read_package;
use vigie::map::{files_from_json, files_to_json, BoundaryFile};
use vigie::model::{Dataset, Observation, Provenance};
use vigie::period::{Date, Period};
use vigie::store::export::{export, import};
use vigie::store::{
    load_or_fetch, on_change, refresh_default, DatasetKind, NewDataset, Origin, Store,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The default package's files, compiled in so the test needs no server.
fn package_files() -> HashMap<String, String> {
    [
        (
            "datapackage.json",
            include_str!("../public/data/lhsm/datapackage.json"),
        ),
        ("axes.csv", include_str!("../public/data/lhsm/axes.csv")),
        (
            "projects.csv",
            include_str!("../public/data/lhsm/projects.csv"),
        ),
        (
            "indicators.csv",
            include_str!("../public/data/lhsm/indicators.csv"),
        ),
        (
            "observations.csv",
            include_str!("../public/data/lhsm/observations.csv"),
        ),
        (
            "assessments.csv",
            include_str!("../public/data/lhsm/assessments.csv"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn default_dataset() -> Dataset {
    let files = package_files();
    read_package("datapackage.json", &files["datapackage.json"], &files)
        .expect("default package is valid")
}

/// The default dataset with many monthly observations, enough for several chunks.
fn big_dataset(rows: usize) -> Dataset {
    let mut d = default_dataset();
    let ids: Vec<String> = d.indicators.iter().map(|i| i.id.clone()).collect();
    d.observations = (0..rows)
        .map(|i| Observation {
            indicator: ids[i * ids.len() / rows].clone(),
            period: Period::Month(1900 + (i / 12) as i32, (i % 12) as u8 + 1),
            value: (i % 11 != 0).then_some(i as f64 / 3.0),
            provenance: Provenance::Illustrative,
            note: if i % 9999 == 0 {
                "n".into()
            } else {
                String::new()
            },
            series: (i % 7 == 0).then_some((i % 3) as u32),
            flag: if i % 13 == 0 {
                "p".into()
            } else {
                String::new()
            },
        })
        .collect();
    d.sort_observations();
    d
}

fn new(id: &str, kind: DatasetKind) -> NewDataset {
    NewDataset {
        id: id.into(),
        kind,
        source: format!("{id}.csv"),
        imported_at: 1_700_000_000_000.0,
    }
}

fn unique_db(name: &str) -> String {
    format!("vigie-test-{name}-{}", js_sys::Math::random())
}

fn edit(indicator: &str, year: i32, value: f64) -> Observation {
    Observation {
        indicator: indicator.into(),
        period: Period::Year(year),
        value: Some(value),
        provenance: Provenance::Illustrative,
        note: "atelier".into(),
        series: None,
        flag: String::new(),
    }
}

async fn dump(store: &Store) -> String {
    export(
        &store.snapshot().await.unwrap(),
        Date::new(2026, 1, 1).unwrap(),
    )
}

#[wasm_bindgen_test]
async fn a_fresh_connection_reads_back_what_was_written() {
    let dataset = default_dataset();
    let name = unique_db("roundtrip");
    let store = Store::open_named(&name).await.unwrap();
    assert_eq!(store.get("default").await.unwrap(), None);
    store
        .put_dataset(&new("default", DatasetKind::Default), &dataset)
        .await
        .unwrap();
    store.close();

    let again = Store::open_named(&name).await.unwrap();
    assert!(
        again.get("default").await.unwrap() == Some(dataset),
        "dataset differs"
    );
}

#[wasm_bindgen_test]
async fn several_large_datasets_live_side_by_side() {
    let name = unique_db("side-by-side");
    let store = Store::open_named(&name).await.unwrap();
    let big = big_dataset(150_000);
    let small = default_dataset();
    store
        .put_dataset(&new("big", DatasetKind::File), &big)
        .await
        .unwrap();
    store
        .put_dataset(&new("default", DatasetKind::Default), &small)
        .await
        .unwrap();
    store.close();

    let store = Store::open_named(&name).await.unwrap();
    let list = store.list().await.unwrap();
    let ids: Vec<&str> = list.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["big", "default"]);
    assert_eq!(list[0].observations, 150_000);
    assert_eq!(list[0].kind, DatasetKind::File);
    // About 24 bytes a row: indicator code 4, period 7, value 8, provenance 1, series 4, bitmaps.
    assert!(
        list[0].bytes > 150_000 * 15 && list[0].bytes < 150_000 * 30,
        "{} bytes",
        list[0].bytes
    );
    assert!(
        store.get("big").await.unwrap() == Some(big.clone()),
        "dataset differs"
    );
    assert!(
        store.get("default").await.unwrap() == Some(small.clone()),
        "dataset differs"
    );

    // A smaller replacement drops the chunks it no longer needs; deleting one leaves the other.
    let mut fewer = big.clone();
    fewer.observations.truncate(10);
    store
        .put_dataset(&new("big", DatasetKind::File), &fewer)
        .await
        .unwrap();
    assert!(
        store.get("big").await.unwrap() == Some(fewer),
        "dataset differs"
    );
    store.delete("big").await.unwrap();
    assert_eq!(store.get("big").await.unwrap(), None);
    assert!(
        store.get("default").await.unwrap() == Some(small),
        "dataset differs"
    );
}

#[wasm_bindgen_test]
async fn replacing_a_file_keeps_the_persons_edits_apart_and_reports_conflicts() {
    let name = unique_db("edits");
    let store = Store::open_named(&name).await.unwrap();
    let base = default_dataset();
    let first = base.observations[0].clone();
    let year = first.period.start().0;
    store
        .put_dataset(&new("default", DatasetKind::Default), &base)
        .await
        .unwrap();
    let edits = vec![
        edit(&first.indicator, year, 999.0),
        edit(&first.indicator, 2099, 1.0),
    ];
    store.put_edits("default", edits.clone()).await.unwrap();

    let loaded = store.load("default").await.unwrap().unwrap();
    assert!(loaded.base == base, "imported data stays as imported");
    assert_eq!(loaded.edits.len(), 2);
    assert_eq!(loaded.info.edits, 2);
    let shown = store.get("default").await.unwrap().unwrap();
    assert_eq!(
        shown.observations_of(&first.indicator)[0].value,
        Some(999.0)
    );

    // A newer file changes the edited figure: the edit survives and the conflict is reported.
    let mut newer = base.clone();
    newer.observations[0].value = Some(5.0);
    let conflicts = store
        .put_dataset(&new("default", DatasetKind::Default), &newer)
        .await
        .unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].edited, Some(999.0));
    assert_eq!(conflicts[0].in_file, Some(5.0));
    let loaded = store.load("default").await.unwrap().unwrap();
    assert!(loaded.base == newer);
    assert_eq!(loaded.edits.len(), 2);
}

#[wasm_bindgen_test]
async fn export_clear_import_export_is_byte_identical() {
    let name = unique_db("export");
    let store = Store::open_named(&name).await.unwrap();
    store
        .put_dataset(&new("default", DatasetKind::Default), &default_dataset())
        .await
        .unwrap();
    store
        .put_dataset(&new("file", DatasetKind::File), &big_dataset(2_000))
        .await
        .unwrap();
    let first = default_dataset().observations[0].clone();
    store
        .put_edits("default", vec![edit(&first.indicator, 2024, 12.5)])
        .await
        .unwrap();
    // A statement written in the workshop travels with the export, as the workshop's state.
    let mut statements = vigie::workshop::Statements::default();
    statements.set(vigie::workshop::Statement {
        project: "icc2".into(),
        moment: vigie::model::Moment::Midway,
        date: Date::new(2022, 6, 30).unwrap(),
        text: vigie::model::Text::new("Six « solutions », retenues", "Six solutions"),
        written_at: Date::new(2026, 12, 7).unwrap(),
    });
    let mut entries = vigie::workshop::Entries::default();
    entries.set(vigie::workshop::Entry {
        indicator: first.indicator.clone(),
        period: Period::Year(2024),
        value: Some(12.5),
        entered_at: Date::new(2026, 12, 7).unwrap(),
        note: String::new(),
    });
    let scenarios = vec![vigie::workshop::Scenario {
        name: "Cible".into(),
        changes: Vec::new(),
    }];
    let state = vigie::workshop::export(
        "default",
        Date::new(2026, 12, 7).unwrap(),
        &entries,
        &scenarios,
        &statements,
    );
    store.put_workshop("default", &state).await.unwrap();
    let before = dump(&store).await;
    assert!(before.contains("dataset-0-statements") && before.contains("dataset-0-workshop"));
    store.clear().await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
    assert_eq!(store.get_workshop("default").await.unwrap(), None);
    store.restore(&import(&before).unwrap()).await.unwrap();
    let after = dump(&store).await;
    assert_eq!(after.len(), before.len());
    assert!(after == before, "exports differ");
    let restored = store.get_workshop("default").await.unwrap().unwrap();
    let restored: vigie::workshop::WorkshopFile = serde_json::from_str(&restored).unwrap();
    assert_eq!(restored.statements, statements.0);
    assert_eq!(restored.entries, entries.entries);
    assert_eq!(restored.scenarios, scenarios);
}

/// A boundary file as the map imports it: one commune, a square.
fn boundary_file(file: &str) -> BoundaryFile {
    BoundaryFile {
        file: file.into(),
        imported_on: "2026-12-07".into(),
        features: 1,
        text: r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"code": "76351", "nom": "Le Havre"},
   "geometry": {"type": "Polygon", "coordinates": [[[0, 49], [1, 49], [1, 50], [0, 50], [0, 49]]]}}
]}"#
        .into(),
    }
}

#[wasm_bindgen_test]
async fn an_observatory_file_carries_the_imported_boundary_files_to_another_browser() {
    let first = Store::open_named(&unique_db("boundaries-a")).await.unwrap();
    first
        .put_dataset(&new("default", DatasetKind::Default), &default_dataset())
        .await
        .unwrap();
    let communes = boundary_file("communes.geojson");
    first
        .put_boundaries(&files_to_json(std::slice::from_ref(&communes)))
        .await
        .unwrap();
    let exported = dump(&first).await;
    assert!(
        exported.contains("\"boundaries\""),
        "the export holds the files"
    );
    // Another browser, which has a boundary file of its own and an older copy of the same one.
    let other = Store::open_named(&unique_db("boundaries-b")).await.unwrap();
    let iris = boundary_file("iris.geojson");
    let older = BoundaryFile {
        imported_on: "2025-01-01".into(),
        ..communes.clone()
    };
    other
        .put_boundaries(&files_to_json(&[iris.clone(), older]))
        .await
        .unwrap();
    other.restore(&import(&exported).unwrap()).await.unwrap();
    let files = |text: Option<String>| files_from_json(&text.unwrap()).unwrap();
    assert_eq!(
        files(other.get_boundaries().await.unwrap()),
        vec![iris.clone(), communes.clone()],
        "its own file stays, the export's replaces the older copy"
    );
    assert_eq!(
        import(&dump(&other).await).unwrap().datasets,
        import(&exported).unwrap().datasets,
        "the datasets are the export's"
    );
    // An export without boundary files leaves the stored ones; clearing the datasets does too.
    first.put_boundaries("[]").await.unwrap();
    other
        .restore(&import(&dump(&first).await).unwrap())
        .await
        .unwrap();
    other.clear().await.unwrap();
    assert_eq!(
        files(other.get_boundaries().await.unwrap()),
        vec![iris, communes]
    );
}

#[wasm_bindgen_test]
async fn the_second_open_does_not_refetch() {
    let files = Rc::new(package_files());
    let fetches = Rc::new(Cell::new(0usize));
    let fetch = {
        let (files, fetches) = (files.clone(), fetches.clone());
        move |url: String| {
            let (files, fetches) = (files.clone(), fetches.clone());
            async move {
                fetches.set(fetches.get() + 1);
                let name = url.rsplit('/').next().unwrap_or_default();
                files.get(name).cloned().ok_or(format!("{url}: 404"))
            }
        }
    };
    let name = unique_db("refetch");
    let store = Store::open_named(&name).await.unwrap();
    let (first, origin) = load_or_fetch(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap();
    assert_eq!(origin, Origin::Network);
    assert_eq!(
        fetches.get(),
        6,
        "descriptor and five resources fetched once"
    );
    store.close();

    let store = Store::open_named(&name).await.unwrap();
    let (second, origin) = load_or_fetch(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap();
    assert_eq!(origin, Origin::Store);
    assert_eq!(fetches.get(), 6, "nothing fetched on the second open");
    assert!(first == second);
}

#[wasm_bindgen_test]
async fn a_newer_default_programme_replaces_the_stored_one_and_keeps_the_entries() {
    let files = Rc::new(RefCell::new(package_files()));
    let fetch = {
        let files = files.clone();
        move |url: String| {
            let files = files.clone();
            async move {
                let name = url.rsplit('/').next().unwrap_or_default();
                files
                    .borrow()
                    .get(name)
                    .cloned()
                    .ok_or(format!("{url}: 404"))
            }
        }
    };
    let name = unique_db("refresh");
    let store = Store::open_named(&name).await.unwrap();
    load_or_fetch(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap();
    let entry = edit("icc2-calls", 2024, 3.0);
    store
        .put_edits("default", vec![entry.clone()])
        .await
        .unwrap();
    // The same release: nothing is written, even with the person's entries applied on top.
    assert!(!refresh_default(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap());
    // A newer release whose statement changed replaces the stored programme, entries kept.
    let newer = files.borrow()["assessments.csv"].replacen("Lack of a common", "Lack of one", 1);
    files.borrow_mut().insert("assessments.csv".into(), newer);
    assert!(refresh_default(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap());
    let loaded = store.load("default").await.unwrap().unwrap();
    assert!(loaded.base.assessments[0]
        .statement
        .en
        .starts_with("Lack of one"));
    assert_eq!(loaded.edits, vec![entry]);
    assert_eq!(loaded.info.kind, DatasetKind::Default);
    // Offline (every fetch fails), nothing changes.
    files.borrow_mut().clear();
    assert!(!refresh_default(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap());
    assert!(store.load("default").await.unwrap().is_some());
    store.close();
}

#[wasm_bindgen_test]
async fn an_invalid_package_stores_nothing() {
    let mut files = package_files();
    let obs = files["observations.csv"].clone() + "icc2-calls,2031-13,1,report,\n";
    files.insert("observations.csv".into(), obs);
    let files = Rc::new(files);
    let fetch = move |url: String| {
        let files = files.clone();
        async move {
            files
                .get(url.rsplit('/').next().unwrap_or_default())
                .cloned()
                .ok_or(url)
        }
    };
    let name = unique_db("invalid");
    let store = Store::open_named(&name).await.unwrap();
    let err = load_or_fetch(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("observations.csv:"), "{err}");
    assert_eq!(store.get("default").await.unwrap(), None);
    assert!(store.list().await.unwrap().is_empty());
}

/// Writes a database as schema version 1 wrote it: one JSON string per dataset in `datasets`.
async fn write_v1_fixture(name: &str, records: &[(&str, String)]) {
    let db = Database::open(name)
        .with_version(1u32)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("datasets").build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db
        .transaction("datasets")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let store = tx.object_store("datasets").unwrap();
    for (id, text) in records {
        store
            .put(text.clone())
            .with_key(id.to_string())
            .primitive()
            .unwrap()
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
}

fn v1_record(id: &str, dataset: &Dataset) -> String {
    serde_json::json!({ "id": id, "source": "/data/lhsm/", "stored_at": 12.0, "dataset": dataset })
        .to_string()
}

#[wasm_bindgen_test]
async fn a_version_1_database_upgrades_with_all_its_data() {
    let name = unique_db("upgrade");
    let d = default_dataset();
    let big = big_dataset(70_000);
    write_v1_fixture(
        &name,
        &[
            ("default", v1_record("default", &d)),
            ("big", v1_record("big", &big)),
        ],
    )
    .await;
    let store = Store::open_named(&name).await.unwrap();
    let list = store.list().await.unwrap();
    let ids: Vec<&str> = list.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["big", "default"]);
    assert_eq!(list[1].kind, DatasetKind::Default);
    assert_eq!(list[1].imported_at, 12.0);
    assert!(
        store.get("default").await.unwrap() == Some(d),
        "dataset differs"
    );
    assert!(
        store.get("big").await.unwrap() == Some(big),
        "dataset differs"
    );
}

#[wasm_bindgen_test]
async fn a_failing_migration_changes_nothing_and_is_retried() {
    let name = unique_db("upgrade-fail");
    let d = default_dataset();
    write_v1_fixture(
        &name,
        &[
            ("a-good", v1_record("a-good", &d)),
            ("b-bad", "{not json".into()),
        ],
    )
    .await;
    let err = Store::open_named(&name)
        .await
        .err()
        .expect("migration fails");
    assert!(err.to_string().contains("decoded"), "{err}");
    // The good record was not moved either: the legacy store still holds both.
    let db = Database::open(&name).await.unwrap();
    let tx = db.transaction(["datasets", "meta"]).build().unwrap();
    let legacy: u32 = tx
        .object_store("datasets")
        .unwrap()
        .count()
        .primitive()
        .unwrap()
        .await
        .unwrap();
    let meta: u32 = tx
        .object_store("meta")
        .unwrap()
        .count()
        .primitive()
        .unwrap()
        .await
        .unwrap();
    assert_eq!((legacy, meta), (2, 0));
    drop(tx);
    db.close();
}

#[wasm_bindgen_test]
async fn an_upgrade_elsewhere_closes_this_connection_instead_of_deadlocking() {
    let name = unique_db("versionchange");
    let store = Store::open_named(&name).await.unwrap();
    let told = Rc::new(Cell::new(false));
    store.on_version_change({
        let told = told.clone();
        move || told.set(true)
    });
    // Another tab of a newer release opens version 3: it must not wait for this one.
    let newer = Database::open(&name).with_version(3u32).await.unwrap();
    assert!(told.get(), "this tab was told to reload");
    newer.close();
}

#[wasm_bindgen_test]
async fn an_older_tab_blocking_the_upgrade_is_reported() {
    let name = unique_db("blocked");
    write_v1_fixture(&name, &[]).await;
    let old_tab = Database::open(&name).with_version(1u32).await.unwrap();
    let blocked = Rc::new(Cell::new(false));
    let store = Store::open_with(&name, {
        let blocked = blocked.clone();
        let old_tab = old_tab.clone();
        move || {
            blocked.set(true);
            // The person closes the old tab.
            old_tab.clone().close();
        }
    })
    .await
    .unwrap();
    assert!(blocked.get());
    assert!(store.list().await.unwrap().is_empty());
}

async fn sleep_ms(ms: i32) {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    }))
    .await
    .unwrap();
}

#[wasm_bindgen_test]
async fn writes_are_announced_to_other_tabs_and_theirs_heard_here() {
    use wasm_bindgen::JsCast;
    // "Another tab": a channel object of its own on the same name.
    let other = web_sys::BroadcastChannel::new(vigie::store::CHANGE_CHANNEL).unwrap();
    let heard_there = Rc::new(Cell::new(0));
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new({
        let heard_there = heard_there.clone();
        move |_e: web_sys::MessageEvent| heard_there.set(heard_there.get() + 1)
    });
    other.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    let heard_here = Rc::new(Cell::new(0));
    on_change({
        let heard_here = heard_here.clone();
        move || heard_here.set(heard_here.get() + 1)
    });

    let store = Store::open_named(&unique_db("broadcast")).await.unwrap();
    store
        .put_dataset(&new("default", DatasetKind::Default), &default_dataset())
        .await
        .unwrap();
    for _ in 0..50 {
        if heard_there.get() > 0 {
            break;
        }
        sleep_ms(20).await;
    }
    assert_eq!(heard_there.get(), 1, "the other tab heard the write");
    assert_eq!(heard_here.get(), 0, "this tab does not hear its own write");

    other.post_message(&"changed".into()).unwrap();
    for _ in 0..50 {
        if heard_here.get() > 0 {
            break;
        }
        sleep_ms(20).await;
    }
    assert_eq!(heard_here.get(), 1, "this tab heard the other tab's change");
    other.close();
}
