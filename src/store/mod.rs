//! The browser store: IndexedDB glue (`idb`) over the records, columnar chunks and export file defined
//! in the core (`vigie_core::records`, `columns`, `export`). The only module that talks to the
//! browser's storage.

mod idb;

pub use idb::*;
pub use vigie_core::columns;
pub use vigie_core::export;
pub use vigie_core::records::*;

/// A failure of the store, of loading a dataset into it, or of reading an export file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreError {
    #[error("IndexedDB: {0}")]
    Idb(String),
    #[error("IndexedDB is unavailable in this browser (private mode or disabled)")]
    Unavailable,
    #[error("not enough storage space: the browser refused to store {needed} bytes; nothing was changed")]
    Quota { needed: u64 },
    #[error("stored data could not be decoded: {0}")]
    Decode(String),
    #[error("{0}")]
    Fetch(String),
    #[error("{}", .0.join("\n"))]
    Invalid(Vec<String>),
    /// A refused export file; pages show it with `Lang::export_error`.
    #[error("{0}")]
    Export(export::ExportError),
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
