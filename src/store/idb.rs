//! The browser store: datasets kept in IndexedDB, and the loader that fills it on first start.
//!
//! This module is the only one that talks to IndexedDB; it maps every JS error into `StoreError`
//! at this boundary. Writes end with an explicit commit (indexed_db_futures rolls back otherwise).

use crate::ingest::datapackage::Descriptor;
use crate::model::Dataset;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::future::Future;

/// The database name the app uses.
pub const DB_NAME: &str = "vigie";
/// The schema version; bump it with a migration in `open_named`.
pub const DB_VERSION: u32 = 1;
const DATASETS: &str = "datasets";

/// A failure of the store or of loading a dataset into it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("IndexedDB: {0}")]
    Idb(String),
    #[error("stored dataset could not be decoded: {0}")]
    Decode(String),
    #[error("{0}")]
    Fetch(String),
    #[error("{}", .0.join("\n"))]
    Invalid(Vec<String>),
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        StoreError::Idb(e.to_string())
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        StoreError::Idb(e.to_string())
    }
}

/// One dataset as kept in the store, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDataset {
    pub id: String,
    /// The URL or file name it was read from.
    pub source: String,
    /// When it was stored, in milliseconds since the epoch.
    pub stored_at: f64,
    pub dataset: Dataset,
}

/// Where a loaded dataset came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Read back from IndexedDB.
    Store,
    /// Fetched from the network (and now stored).
    Network,
    /// Fetched from the network; IndexedDB is unavailable so nothing is kept.
    MemoryOnly,
}

/// An open connection to the app's database.
pub struct Store {
    db: Database,
}

impl Store {
    /// Opens the app's database.
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_named(DB_NAME).await
    }

    /// Opens (creating or upgrading) a database of the app's schema under another name (tests).
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(DATASETS).build()?;
                }
                Ok(())
            })
            .await?;
        Ok(Store { db })
    }

    /// Reads a dataset back, or `None` when it was never stored.
    pub async fn get(&self, id: &str) -> Result<Option<StoredDataset>, StoreError> {
        let tx = self.db.transaction(DATASETS).build()?;
        let store = tx.object_store(DATASETS)?;
        let text: Option<String> = store.get(id.to_owned()).primitive()?.await?;
        text.map(|t| serde_json::from_str(&t).map_err(|e| StoreError::Decode(e.to_string())))
            .transpose()
    }

    /// Writes a dataset in one transaction, replacing any with the same id.
    pub async fn put(&self, record: &StoredDataset) -> Result<(), StoreError> {
        let text = serde_json::to_string(record).map_err(|e| StoreError::Decode(e.to_string()))?;
        let tx = self
            .db
            .transaction(DATASETS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(DATASETS)?;
        store
            .put(text)
            .with_key(record.id.clone())
            .primitive()?
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the connection.
    pub fn close(self) {
        self.db.close();
    }
}

/// Fetches and reads a native Data Package at `base` (a URL ending in `/`), all files or nothing.
pub async fn fetch_package<F, Fut>(base: &str, fetch: &F) -> Result<Dataset, StoreError>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<String, String>>,
{
    let descriptor_text = fetch(format!("{base}datapackage.json"))
        .await
        .map_err(StoreError::Fetch)?;
    let descriptor = Descriptor::parse("datapackage.json", &descriptor_text)
        .map_err(|p| StoreError::Invalid(vec![p.to_string()]))?;
    let mut files = HashMap::new();
    for path in descriptor.paths() {
        let text = fetch(format!("{base}{path}"))
            .await
            .map_err(StoreError::Fetch)?;
        files.insert(path.to_owned(), text);
    }
    descriptor
        .read(&files)
        .map_err(|ps| StoreError::Invalid(ps.iter().map(|p| p.to_string()).collect()))
}

/// Returns the dataset `id` from the store; on first start, fetches it from `base`, stores it and returns it.
pub async fn load_or_fetch<F, Fut>(
    store: &Store,
    id: &str,
    base: &str,
    fetch: F,
) -> Result<(Dataset, Origin), StoreError>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<String, String>>,
{
    if let Some(record) = store.get(id).await? {
        return Ok((record.dataset, Origin::Store));
    }
    let dataset = fetch_package(base, &fetch).await?;
    let record = StoredDataset {
        id: id.to_owned(),
        source: base.to_owned(),
        stored_at: js_sys::Date::now(),
        dataset,
    };
    store.put(&record).await?;
    Ok((record.dataset, Origin::Network))
}
