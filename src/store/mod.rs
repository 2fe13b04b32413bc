//! The browser store: IndexedDB glue (`idb`) over the records, columnar chunks and export file defined
//! in the core (`vigie_core::records`, `columns`, `export`). The only module that talks to the
//! browser's storage.

mod idb;

pub use idb::*;
pub use vigie_core::columns;
pub use vigie_core::export;
pub use vigie_core::records::*;

/// A failure of the store, of loading a dataset into it, or of reading an export file. Each variant
/// carries its data as values; `describe` renders it through the language tables (`Display` is the
/// English text, for logs).
#[derive(Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    /// The browser's IndexedDB refused an operation; its own message.
    #[error("IndexedDB: {0}")]
    Idb(String),
    #[error("IndexedDB is unavailable in this browser (private mode or disabled)")]
    Unavailable,
    #[error("not enough storage space: the browser refused to store {needed} bytes; nothing was changed")]
    Quota { needed: u64 },
    /// Stored data that cannot be read back (the decoder's message).
    #[error("stored data could not be decoded: {0}")]
    Decode(String),
    /// The default dataset could not be downloaded (the network's message).
    #[error("{0}")]
    Fetch(String),
    /// The default Data Package has problems.
    #[error("{}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
    Problems(Vec<crate::ingest::Problem>),
    /// No stored dataset has this id.
    #[error("no dataset {id}")]
    NoDataset { id: String },
    /// A write stored a different number of chunks than its observations need.
    #[error("{id}: {chunks} observation chunks for {observations} observations")]
    ChunkCount {
        id: String,
        chunks: usize,
        observations: usize,
    },
    /// A refused export file; pages show it with `Lang::export_error`.
    #[error("{0}")]
    Export(export::ExportError),
}

/// `Debug` is the `Display` text: errors reach `Debug` only through logs and Leptos' error boundary,
/// and a derived one would bring every problem kind's field names into the page's wasm.
impl std::fmt::Debug for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl StoreError {
    /// The error as a sentence in `lang`, from the language tables.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        let t = lang.store_strings();
        match self {
            StoreError::Idb(detail) => format!("{} {detail}", t.idb),
            StoreError::Unavailable => t.unavailable.to_owned(),
            StoreError::Quota { needed } => t
                .quota
                .replace("{bytes}", &human_bytes(*needed as f64, lang)),
            StoreError::Decode(detail) => format!("{} {detail}", t.decode),
            StoreError::Fetch(detail) => format!("{} {detail}", t.fetch),
            StoreError::Problems(problems) => problems
                .iter()
                .map(|p| lang.problem(p))
                .collect::<Vec<_>>()
                .join("\n"),
            StoreError::NoDataset { id } => t.no_dataset.replace("{id}", id),
            StoreError::ChunkCount { id, .. } => t.chunk_count.replace("{id}", id),
            StoreError::Export(e) => lang.export_error(e),
        }
    }
}

impl From<columns::ColumnsError> for StoreError {
    fn from(e: columns::ColumnsError) -> Self {
        StoreError::Decode(e.to_string())
    }
}

impl From<export::ExportError> for StoreError {
    fn from(e: export::ExportError) -> Self {
        StoreError::Export(e)
    }
}
