//! Ingestion: turning the bytes of a file into the domain model, with every problem located.
//!
//! Reading is two-step, low then high: `decode` and `csv` turn bytes into located records, `sniff` guesses
//! conventions, then a format reader (`table` for CSV/TSV/JSON tables, `datapackage` for Vigie's native
//! format) checks them against what it expects and builds a `Dataset`. `import` is the one entry point.

pub mod csv;
pub mod datapackage;
pub mod decode;
pub mod import;
pub mod meta;
pub mod number;
pub mod periods;
pub mod problem;
pub mod sniff;
pub mod table;
pub mod transfer;
pub mod xlsx;
pub mod zip;

pub use import::{
    companions_needed, import, import_with, Counts, Detected, Format, ImportOptions, ImportReport,
    IndicatorMeta,
};

pub use problem::{MilestoneName, Problem, ProblemKind};
