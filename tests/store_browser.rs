//! Browser tests of the IndexedDB store (run by wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use vigie::ingest::datapackage::read_package;
use vigie::store::{load_or_fetch, Origin, Store, StoredDataset};
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
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

fn unique_db(name: &str) -> String {
    format!("vigie-test-{name}-{}", js_sys::Math::random())
}

#[wasm_bindgen_test]
async fn a_fresh_connection_reads_back_what_was_written() {
    let files = package_files();
    let dataset = read_package("datapackage.json", &files["datapackage.json"], &files)
        .expect("default package is valid");
    let name = unique_db("roundtrip");
    let store = Store::open_named(&name).await.unwrap();
    assert_eq!(store.get("default").await.unwrap(), None);
    let record = StoredDataset {
        id: "default".into(),
        source: "test".into(),
        stored_at: 1.0,
        dataset,
    };
    store.put(&record).await.unwrap();
    store.close();

    let again = Store::open_named(&name).await.unwrap();
    assert_eq!(again.get("default").await.unwrap(), Some(record));
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
        5,
        "descriptor and four resources fetched once"
    );
    store.close();

    let store = Store::open_named(&name).await.unwrap();
    let (second, origin) = load_or_fetch(&store, "default", "/data/lhsm/", &fetch)
        .await
        .unwrap();
    assert_eq!(origin, Origin::Store);
    assert_eq!(fetches.get(), 5, "nothing fetched on the second open");
    assert_eq!(first, second);
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
}
