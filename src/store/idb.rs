//! The IndexedDB glue (wasm32 only): schema and versioned migrations, atomic writes of columnar
//! chunks, the edits layer, whole-observatory snapshots, storage estimate and persistence, and the
//! change and version-change notices between tabs.
//!
//! This module is the only one that talks to IndexedDB; it maps every JS error into `StoreError` at
//! this boundary. Every write runs in one transaction that ends with an explicit commit, so a write
//! that fails, or a page closed in the middle of one, leaves the database exactly as before.

use super::columns::{decode_chunk_into, encode_chunk, CHUNK_ROWS};
use super::export::{Snapshot, SnapshotDataset};
use super::{
    conflicts, meta_json, meta_json_counted, normalise_edits, Conflict, DatasetHead, DatasetInfo,
    DatasetKind, LightHead, Loaded, StoreError,
};
use crate::ingest::datapackage::Descriptor;
use crate::model::{Dataset, Observation};
use crate::stored::{self, RecordError};
use indexed_db_futures::database::Database;
use indexed_db_futures::error::{DomException, Error as IdbError, UnexpectedDataError};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use std::collections::HashMap;
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The database name the app uses.
pub const DB_NAME: &str = "vigie";
/// The schema version. Version 1 held each dataset as one JSON string in `datasets`; version 2 keeps
/// metadata, columnar chunks and edits in their own stores.
pub const DB_VERSION: u32 = 2;
/// The BroadcastChannel on which a tab announces that it changed the store.
pub const CHANGE_CHANNEL: &str = "vigie-store";

const LEGACY: &str = "datasets";
const META: &str = "meta";
const CHUNKS: &str = "chunks";
const EDITS: &str = "edits";

impl From<IdbError> for StoreError {
    fn from(e: IdbError) -> Self {
        match &e {
            IdbError::DomException(d) if dom_name(d) == "QuotaExceededError" => {
                StoreError::Quota { needed: 0 }
            }
            _ => StoreError::Idb(e.to_string()),
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        use indexed_db_futures::error::OpenDbError;
        match e {
            OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
                StoreError::Unavailable
            }
            other => StoreError::Idb(other.to_string()),
        }
    }
}

fn dom_name(d: &DomException) -> String {
    let js: &JsValue = d.as_ref();
    js.dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default()
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

fn chunk_key(id: &str, seq: u32) -> String {
    format!("{id}\u{1}{seq:05}")
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Decode(e.to_string()))
}

/// A stored record as read by `stored` (by hand, not by serde's derived code: see its `//!`).
fn read<T>(record: Result<T, RecordError>) -> Result<T, StoreError> {
    record.map_err(|e| StoreError::Decode(e.to_string()))
}

/// Runs the schema migrations from `old` up to `DB_VERSION`, inside the upgrade transaction.
fn migrate_schema(old: f64, db: &Database) -> indexed_db_futures::Result<()> {
    if old < 1.0 {
        db.create_object_store(LEGACY).build()?;
    }
    if old < 2.0 {
        db.create_object_store(META).build()?;
        db.create_object_store(CHUNKS).build()?;
        db.create_object_store(EDITS).build()?;
    }
    Ok(())
}

/// An open connection to the app's database.
pub struct Store {
    db: Database,
}

/// Where to write a dataset, and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDataset {
    pub id: String,
    pub kind: DatasetKind,
    pub source: String,
    /// Milliseconds since the epoch.
    pub imported_at: f64,
}

impl Store {
    /// Opens the app's database.
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_with(DB_NAME, || {}).await
    }

    /// Opens (creating or upgrading) a database of the app's schema under another name (tests).
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        Store::open_with(name, || {}).await
    }

    /// Opens a database, calling `on_blocked` when another tab holds an older version open (the
    /// open then waits until that tab closes its connection).
    pub async fn open_with(
        name: &str,
        on_blocked: impl Fn() + 'static,
    ) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_blocked(move |_| {
                on_blocked();
                Ok(())
            })
            .with_on_upgrade_needed(|event, db| migrate_schema(event.old_version(), &db))
            .await?;
        let store = Store { db };
        store.migrate_legacy_records().await?;
        Ok(store)
    }

    /// Moves version-1 records (one JSON string per dataset) into the columnar stores, all in one
    /// transaction: either every record moves or none does, and the next open tries again.
    async fn migrate_legacy_records(&self) -> Result<(), StoreError> {
        let count = {
            let tx = self.db.transaction(LEGACY).build()?;
            let n: u32 = tx.object_store(LEGACY)?.count().primitive()?.await?;
            n
        };
        if count == 0 {
            return Ok(());
        }
        let tx = self
            .db
            .transaction([LEGACY, META, CHUNKS, EDITS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let legacy = tx.object_store(LEGACY)?;
        let texts: Vec<String> = legacy
            .get_all::<String>()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        for text in texts {
            let old = read(stored::legacy_record(&text))?;
            let kind = if old.id == "default" {
                DatasetKind::Default
            } else {
                DatasetKind::File
            };
            let new = NewDataset {
                id: old.id,
                kind,
                source: old.source,
                imported_at: old.stored_at,
            };
            write_dataset(&tx, &new, &old.dataset).await?;
        }
        legacy.clear()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Calls `f` once when another tab wants to upgrade the schema; the connection is closed first so
    /// that the other tab is not blocked. The page should then ask the person to reload.
    pub fn on_version_change(&self, f: impl FnOnce() + 'static) {
        let db = self.db.clone();
        if let Ok(mut listener) = self.db.version_changes() {
            wasm_bindgen_futures::spawn_local(async move {
                if listener.recv().await.is_some() {
                    db.close();
                    f();
                }
            });
        }
    }

    /// What the data manager lists: every stored dataset, ordered by id.
    pub async fn list(&self) -> Result<Vec<DatasetInfo>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let texts: Vec<String> = tx
            .object_store(META)?
            .get_all::<String>()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        texts
            .iter()
            .map(|t| read(stored::meta_info(t)).map(|m| m.info))
            .collect()
    }

    /// Reads a dataset back with its edits, or `None` when there is none with this id.
    pub async fn load(&self, id: &str) -> Result<Option<Loaded>, StoreError> {
        let tx = self.db.transaction([META, CHUNKS, EDITS]).build()?;
        read_dataset(&tx, id).await
    }

    /// The dataset as shown (imported data with the person's edits applied).
    pub async fn get(&self, id: &str) -> Result<Option<Dataset>, StoreError> {
        Ok(self.load(id).await?.map(Loaded::into_merged))
    }

    /// Stores a dataset in one transaction, replacing the imported data of any dataset with the same
    /// id. The person's edits of that dataset are kept apart and untouched; those the new data
    /// contradicts are returned so the page can say so.
    pub async fn put_dataset(
        &self,
        new: &NewDataset,
        dataset: &Dataset,
    ) -> Result<Vec<Conflict>, StoreError> {
        let tx = self
            .db
            .transaction([META, CHUNKS, EDITS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let (bytes, edits) = write_dataset(&tx, new, dataset).await?;
        commit_write(tx, bytes).await?;
        announce_change();
        Ok(conflicts(dataset, &edits))
    }

    /// Stores an import as the worker packed it: the head, and the chunks written as they are, in one
    /// transaction like `put_dataset`. The chunks are decoded only when the dataset has edits to
    /// compare with (the conflicts returned).
    pub async fn put_packed(
        &self,
        new: &NewDataset,
        received: &crate::ingest::transfer::Received,
        answer: &js_sys::Uint8Array,
        head: LightHead,
    ) -> Result<Vec<Conflict>, StoreError> {
        let tx = self
            .db
            .transaction([META, CHUNKS, EDITS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let observations = received.observations();
        let range = |c: &crate::ingest::transfer::ChunkAt| (c.at as u32, (c.at + c.len) as u32);
        // `slice`, not `subarray`: IndexedDB would clone a view's whole buffer.
        let mut chunks = received.chunks().iter().map(|c| {
            let (from, to) = range(c);
            answer.slice(from, to)
        });
        let head_json = json(&head)?;
        let indicators = head.indicators.len();
        let (bytes, edits) =
            write_parts(&tx, new, &head_json, indicators, observations, move || {
                chunks.next()
            })
            .await?;
        // The conflicts with the person's edits are computed before the commit, with no await in
        // between (the transaction stays active): a failure here aborts the write, and once the
        // commit succeeds nothing can fail any more, so a saved file is never reported as not saved.
        let found = if edits.is_empty() {
            Vec::new()
        } else {
            let mut rows = Vec::with_capacity(observations);
            for c in received.chunks() {
                let (from, to) = range(c);
                decode_chunk_into(&answer.subarray(from, to).to_vec(), &mut rows)?;
            }
            let head = head
                .into_head()
                .map_err(|e| StoreError::Decode(e.to_string()))?;
            conflicts(&head.join(rows), &edits)
        };
        commit_write(tx, bytes).await?;
        announce_change();
        Ok(found)
    }

    /// Saves a text record of the edits store under `key`, apart from the datasets.
    async fn put_text(&self, key: String, text: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(EDITS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(EDITS)?
            .put(text.to_owned())
            .with_key(key)
            .primitive()?
            .await?;
        commit_write(tx, text.len() as u64).await
    }

    /// The text record `put_text` saved under `key`, if any.
    async fn get_text(&self, key: String) -> Result<Option<String>, StoreError> {
        let tx = self.db.transaction(EDITS).build()?;
        let text: Option<String> = tx.object_store(EDITS)?.get(key).primitive()?.await?;
        Ok(text)
    }

    /// Saves a workshop's state (its file's JSON text: entries and scenarios) for dataset `id`, apart
    /// from the dataset and its edits.
    pub async fn put_workshop(&self, id: &str, text: &str) -> Result<(), StoreError> {
        self.put_text(workshop_key(id), text).await
    }

    /// The workshop state saved for dataset `id`, if any.
    pub async fn get_workshop(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.get_text(workshop_key(id)).await
    }

    /// Saves the boundary files the person imported for maps (`vigie_core::map::files_to_json`),
    /// beside the workshops' states.
    pub async fn put_boundaries(&self, text: &str) -> Result<(), StoreError> {
        self.put_text(BOUNDARIES_KEY.to_owned(), text).await
    }

    /// The boundary files saved by `put_boundaries`, if any.
    pub async fn get_boundaries(&self) -> Result<Option<String>, StoreError> {
        self.get_text(BOUNDARIES_KEY.to_owned()).await
    }

    /// Replaces the person's edits of a dataset (sorted, one per indicator and period).
    pub async fn put_edits(&self, id: &str, edits: Vec<Observation>) -> Result<(), StoreError> {
        let edits = normalise_edits(edits);
        let tx = self
            .db
            .transaction([META, EDITS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let meta_store = tx.object_store(META)?;
        let meta: Option<String> = meta_store.get(id.to_owned()).primitive()?.await?;
        // The head stays the text it was read as: only the info changes.
        let mut meta =
            read(stored::meta_raw(meta.as_deref().ok_or_else(|| {
                StoreError::NoDataset { id: id.to_owned() }
            })?))?;
        meta.info.edits = edits.len();
        let text = json(&edits)?;
        let bytes = text.len() as u64;
        tx.object_store(EDITS)?
            .put(text)
            .with_key(id.to_owned())
            .primitive()?
            .await?;
        let record = meta_json(&meta.info, meta.head.get(), meta.chunks)
            .map_err(|e| StoreError::Decode(e.to_string()))?;
        meta_store
            .put(record)
            .with_key(id.to_owned())
            .primitive()?
            .await?;
        commit_write(tx, bytes).await?;
        announce_change();
        Ok(())
    }

    /// Deletes a dataset, its chunks and its edits.
    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([META, CHUNKS, EDITS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        delete_dataset(&tx, id).await?;
        tx.commit().await?;
        announce_change();
        Ok(())
    }

    /// Every dataset with its edits, ordered by id: what an export writes.
    pub async fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let tx = self.db.transaction([META, CHUNKS, EDITS]).build()?;
        let ids: Vec<String> = tx
            .object_store(META)?
            .get_all_keys::<String>()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let mut datasets = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(l) = read_dataset(&tx, &id).await? {
                // The workshop's state travels too: its entries as typed, scenarios and statements.
                let workshop: Option<String> = tx
                    .object_store(EDITS)?
                    .get(workshop_key(&id))
                    .primitive()?
                    .await?;
                let (entries, scenarios, statements) = match workshop {
                    Some(t) => {
                        let f = read(stored::workshop_file(&t))?;
                        (f.entries, f.scenarios, f.statements)
                    }
                    None => Default::default(),
                };
                datasets.push(SnapshotDataset {
                    info: l.info,
                    base: l.base,
                    edits: l.edits,
                    statements,
                    entries,
                    scenarios,
                });
            }
        }
        // The boundary files the person imported for maps travel with the datasets.
        let boundaries: Option<String> = tx
            .object_store(EDITS)?
            .get(BOUNDARIES_KEY.to_owned())
            .primitive()?
            .await?;
        let boundaries = match boundaries {
            Some(text) => crate::map::files_from_json(&text).map_err(StoreError::Decode)?,
            None => Vec::new(),
        };
        Ok(Snapshot {
            datasets,
            boundaries,
        })
    }

    /// Replaces every dataset with a snapshot's (an imported observatory file), in one transaction.
    /// A dataset's workshop state (entries as typed, scenarios, statements) becomes the snapshot's.
    /// The imported boundary files are no dataset's: those stored stay, and the snapshot's are added
    /// (one of the same name replaces the stored one).
    pub async fn restore(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([META, CHUNKS, EDITS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        // The boundary files the person imported for maps are no dataset: an observatory file
        // replaces the datasets, keeps the stored files and adds its own. A stored list that cannot
        // be read stops the import before anything is cleared.
        let stored: Option<String> = tx
            .object_store(EDITS)?
            .get(BOUNDARIES_KEY.to_owned())
            .primitive()?
            .await?;
        let boundaries = if snapshot.boundaries.is_empty() {
            stored
        } else {
            let mut files = match stored {
                Some(text) => crate::map::files_from_json(&text).map_err(StoreError::Decode)?,
                None => Vec::new(),
            };
            for f in &snapshot.boundaries {
                crate::map::add_file(&mut files, f.clone());
            }
            Some(crate::map::files_to_json(&files))
        };
        for name in [META, CHUNKS, EDITS] {
            tx.object_store(name)?.clear()?.await?;
        }
        let mut bytes = 0;
        if let Some(text) = boundaries {
            bytes += text.len() as u64;
            tx.object_store(EDITS)?
                .put(text)
                .with_key(BOUNDARIES_KEY.to_owned())
                .primitive()?
                .await?;
        }
        for d in &snapshot.datasets {
            let new = NewDataset {
                id: d.info.id.clone(),
                kind: d.info.kind,
                source: d.info.source.clone(),
                imported_at: d.info.imported_at,
            };
            let edits = normalise_edits(d.edits.clone());
            let text = json(&edits)?;
            bytes += text.len() as u64;
            tx.object_store(EDITS)?
                .put(text)
                .with_key(d.info.id.clone())
                .primitive()?
                .await?;
            if !(d.statements.is_empty() && d.entries.is_empty() && d.scenarios.is_empty()) {
                let text = crate::workshop::export(
                    &d.info.id,
                    crate::web::today(),
                    &crate::workshop::Entries::new(d.entries.clone()),
                    &d.scenarios,
                    &crate::workshop::Statements(d.statements.clone()),
                );
                bytes += text.len() as u64;
                tx.object_store(EDITS)?
                    .put(text)
                    .with_key(workshop_key(&d.info.id))
                    .primitive()?
                    .await?;
            }
            bytes += write_dataset(&tx, &new, &d.base).await?.0;
        }
        commit_write(tx, bytes).await?;
        announce_change();
        Ok(())
    }

    /// Deletes every dataset.
    pub async fn clear(&self) -> Result<(), StoreError> {
        self.restore(&Snapshot::default()).await
    }

    /// Closes the connection.
    pub fn close(self) {
        self.db.close();
    }
}

/// Commits a write; an abort is explained as a quota problem when the browser has less room left than
/// the write needed.
async fn commit_write(tx: Transaction<'_>, bytes: u64) -> Result<(), StoreError> {
    match tx.commit().await {
        Ok(()) => Ok(()),
        // Chromium checks the quota when the transaction commits and then aborts it, with no error on
        // any request (the transaction's own `error` is a QuotaExceededError, which indexed_db_futures
        // does not expose after `commit`). Every other failure of ours surfaces on a request first;
        // an abort at commit means the browser refused the space.
        Err(IdbError::MissingData(UnexpectedDataError::TransactionAborted)) => {
            Err(StoreError::Quota { needed: bytes })
        }
        Err(e) => match StoreError::from(e) {
            StoreError::Quota { .. } => Err(StoreError::Quota { needed: bytes }),
            other => Err(other),
        },
    }
}

/// Reads one dataset inside a transaction over `META`, `CHUNKS` and `EDITS`.
async fn read_dataset(tx: &Transaction<'_>, id: &str) -> Result<Option<Loaded>, StoreError> {
    let meta: Option<String> = tx
        .object_store(META)?
        .get(id.to_owned())
        .primitive()?
        .await?;
    let Some(meta) = meta else {
        return Ok(None);
    };
    let meta = read(stored::meta_record(&meta))?;
    let chunks = tx.object_store(CHUNKS)?;
    // Every request is sent before the first is awaited, so the reads overlap.
    let mut requests = Vec::with_capacity(meta.chunks as usize);
    for seq in 0..meta.chunks {
        requests.push(
            chunks
                .get::<JsValue, _, _>(chunk_key(id, seq))
                .primitive()?,
        );
    }
    let edits_req = tx
        .object_store(EDITS)?
        .get::<String, _, _>(id.to_owned())
        .primitive()?;
    let mut observations = Vec::with_capacity(meta.info.observations);
    let mut buf = Vec::new();
    for req in requests {
        let value = req
            .await?
            .ok_or_else(|| StoreError::Decode(format!("a chunk of {id} is missing")))?;
        let array = value
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| StoreError::Decode(format!("a chunk of {id} is not bytes")))?;
        buf.resize(array.length() as usize, 0);
        array.copy_to(&mut buf);
        decode_chunk_into(&buf, &mut observations)?;
    }
    let edits: Vec<Observation> = match edits_req.await? {
        Some(t) => read(stored::edits(&t))?,
        None => Vec::new(),
    };
    Ok(Some(Loaded {
        info: meta.info,
        base: meta.head.join(observations),
        edits,
    }))
}

/// Writes a dataset's metadata and chunks inside a read-write transaction over `META`, `CHUNKS` and
/// `EDITS`, deleting chunks of an older version it no longer needs. Returns the bytes written and the
/// dataset's current edits.
async fn write_dataset(
    tx: &Transaction<'_>,
    new: &NewDataset,
    dataset: &Dataset,
) -> Result<(u64, Vec<Observation>), StoreError> {
    let head = DatasetHead {
        programme: dataset.programme.clone(),
        axes: dataset.axes.clone(),
        projects: dataset.projects.clone(),
        indicators: dataset.indicators.clone(),
        series: dataset.series.clone(),
        assessments: dataset.assessments.clone(),
    };
    // Each chunk is encoded just before it is written, so one chunk's bytes at a time are held twice.
    let mut rows = dataset.observations.chunks(CHUNK_ROWS);
    let head_json = json(&head)?;
    let observations = dataset.observations.len();
    write_parts(
        tx,
        new,
        &head_json,
        head.indicators.len(),
        observations,
        move || {
            rows.next()
                .map(|r| js_sys::Uint8Array::from(encode_chunk(r).as_slice()))
        },
    )
    .await
}

/// Writes a dataset's head and its chunks (given one at a time by `next_chunk`), deleting the chunks
/// of an older version it no longer needs; returns the bytes written and the dataset's edits.
async fn write_parts(
    tx: &Transaction<'_>,
    new: &NewDataset,
    head_json: &str,
    indicators: usize,
    observations: usize,
    mut next_chunk: impl FnMut() -> Option<js_sys::Uint8Array>,
) -> Result<(u64, Vec<Observation>), StoreError> {
    let meta_store = tx.object_store(META)?;
    let chunks_store = tx.object_store(CHUNKS)?;
    let old: Option<String> = meta_store.get(new.id.clone()).primitive()?.await?;
    let old_chunks = match old {
        Some(t) => read(stored::meta_info(&t))?.chunks,
        None => 0,
    };
    let edits: Vec<Observation> = match tx
        .object_store(EDITS)?
        .get::<String, _, _>(new.id.clone())
        .primitive()?
        .await?
    {
        Some(t) => read(stored::edits(&t))?,
        None => Vec::new(),
    };
    let n = observations.div_ceil(CHUNK_ROWS) as u32;
    for seq in n..old_chunks {
        chunks_store.delete(chunk_key(&new.id, seq)).primitive()?;
    }
    web_sys::console::debug_1(&JsValue::from_str(&format!(
        "Vigie store: writing {} ({n} chunks)",
        new.id
    )));
    // Each chunk is written and its write awaited before the next is made: the transaction stays
    // open, and no task holds the page for long.
    let mut bytes = 0u64;
    let mut seq = 0u32;
    while let Some(array) = next_chunk() {
        bytes += u64::from(array.length());
        chunks_store
            .put(JsValue::from(array))
            .with_key(chunk_key(&new.id, seq))
            .primitive()?
            .await?;
        seq += 1;
    }
    if seq != n {
        return Err(StoreError::ChunkCount {
            id: new.id.clone(),
            chunks: seq as usize,
            observations,
        });
    }
    let mut info = DatasetInfo {
        id: new.id.clone(),
        kind: new.kind,
        source: new.source.clone(),
        imported_at: new.imported_at,
        bytes: 0,
        indicators,
        observations,
        edits: edits.len(),
    };
    let text = meta_json_counted(&mut info, head_json, n, bytes)
        .map_err(|e| StoreError::Decode(e.to_string()))?;
    meta_store.put(text).with_key(new.id.clone()).primitive()?;
    Ok((info.bytes, edits))
}

async fn delete_dataset(tx: &Transaction<'_>, id: &str) -> Result<(), StoreError> {
    let meta_store = tx.object_store(META)?;
    let old: Option<String> = meta_store.get(id.to_owned()).primitive()?.await?;
    if let Some(t) = old {
        let chunks = tx.object_store(CHUNKS)?;
        for seq in 0..read(stored::meta_info(&t))?.chunks {
            chunks.delete(chunk_key(id, seq)).primitive()?;
        }
    }
    meta_store.delete(id.to_owned()).primitive()?;
    tx.object_store(EDITS)?.delete(id.to_owned()).primitive()?;
    Ok(())
}

/// How much the browser lets this origin store, in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&nav, &JsValue::from_str("storage")).ok()?;
    storage.dyn_into::<web_sys::StorageManager>().ok()
}

/// The storage used and allowed (`navigator.storage.estimate()`), when the browser tells.
pub async fn estimate() -> Option<Estimate> {
    let promise = storage_manager()?.estimate().ok()?;
    let value = JsFuture::from(promise).await.ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some(Estimate {
        usage: get("usage")?,
        quota: get("quota")?,
    })
}

/// Asks the browser to keep this origin's data under storage pressure (`navigator.storage.persist()`);
/// `None` when the browser has no such API.
pub async fn persist() -> Option<bool> {
    let promise = storage_manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether the browser already granted persistent storage.
pub async fn persisted() -> Option<bool> {
    let promise = storage_manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

thread_local! {
    /// This tab's one change channel: a BroadcastChannel does not deliver a message to the object
    /// that posted it, so posting and listening through the same object keeps a tab from hearing
    /// its own changes.
    static CHANNEL: Option<web_sys::BroadcastChannel> =
        web_sys::BroadcastChannel::new(CHANGE_CHANNEL).ok();
}

/// Tells the other tabs of this origin that the store changed.
pub fn announce_change() {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Calls `f` each time another tab announces a change (replacing any earlier listener).
pub fn on_change(f: impl Fn() + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
        move |_e: web_sys::MessageEvent| f(),
    );
    CHANNEL.with(|c| {
        if let Some(c) = c {
            c.set_onmessage(Some(closure.as_ref().unchecked_ref()));
        }
    });
    // The listener lives as long as the page.
    closure.forget();
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
        .map_err(|p| StoreError::Problems(vec![p]))?;
    let mut files = HashMap::new();
    for path in descriptor.paths() {
        let text = fetch(format!("{base}{path}"))
            .await
            .map_err(StoreError::Fetch)?;
        files.insert(path.to_owned(), text);
    }
    descriptor.read(&files).map_err(StoreError::Problems)
}

/// Returns the dataset `id` (with the person's edits) from the store; on first start, fetches it from
/// `base`, stores it and returns it.
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
    if let Some(dataset) = store.get(id).await? {
        return Ok((dataset, Origin::Store));
    }
    let dataset = fetch_package(base, &fetch).await?;
    let new = NewDataset {
        id: id.to_owned(),
        kind: DatasetKind::Default,
        source: base.to_owned(),
        imported_at: js_sys::Date::now(),
    };
    store.put_dataset(&new, &dataset).await?;
    Ok((dataset, Origin::Network))
}

/// Brings a stored default dataset up to date with the package this release serves at `base`: a
/// release that changes the default programme (new figures, the actions' assessments) reaches a
/// person who stored an older one. The package is fetched (from the service worker's cache once it
/// has one) and compared with what is stored; only a difference is written, which keeps the
/// person's entries (they are stored apart). Returns whether the store changed; a failed fetch
/// (offline, before anything is cached) changes nothing.
pub async fn refresh_default<F, Fut>(
    store: &Store,
    id: &str,
    base: &str,
    fetch: F,
) -> Result<bool, StoreError>
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<String, String>>,
{
    let Ok(fresh) = fetch_package(base, &fetch).await else {
        return Ok(false);
    };
    // The imported data alone: the person's entries are not part of the package.
    match store.load(id).await? {
        Some(stored) if stored.base == fresh => return Ok(false),
        _ => {}
    }
    let new = NewDataset {
        id: id.to_owned(),
        kind: DatasetKind::Default,
        source: base.to_owned(),
        imported_at: js_sys::Date::now(),
    };
    store.put_dataset(&new, &fresh).await?;
    Ok(true)
}

/// The key of the imported boundary files in the edits store (no dataset id has a colon).
const BOUNDARIES_KEY: &str = "boundaries:";

/// The key of a dataset's workshop state in the edits store.
fn workshop_key(id: &str) -> String {
    format!("workshop:{id}")
}
