//! Ingestion: turning the bytes of a file into the domain model, with every problem located.
//!
//! Reading is two-step, low then high: `decode` and `csv` turn bytes into located records, `sniff` guesses
//! conventions, then a format reader checks them against what it expects and builds a `Dataset`:
//! for CSV/TSV/JSON tables, `roles` guesses what each column means, `shape` names the layout those
//! roles describe, and `rows` reads the rows by that `table` plan (with `intern` numbering the texts and
//! series rows repeat); `tabular` reads delimited text or already split rows by them, `json` and `xlsx`
//! their formats, `datapackage` Vigie's native format and other Data Packages, whose resource paths `paths` checks
//! before any file is looked up. `import` is the one entry
//! point, with what the person may override in `options`; `transfer` is the import worker's request and
//! packed answer.

pub mod csv;
pub mod datapackage;
pub mod decode;
pub mod import;
pub mod intern;
pub mod json;
pub mod meta;
pub mod number;
pub mod options;
pub mod paths;
pub mod periods;
pub mod problem;
pub mod roles;
pub mod rows;
pub mod shape;
pub mod sniff;
pub mod table;
pub mod tabular;
pub mod transfer;
pub mod xlsx;
pub mod zip;

pub use import::{
    companions_needed, import, import_with, Counts, Detected, Format, ImportOptions, ImportReport,
    IndicatorMeta,
};

pub use problem::{MilestoneName, Problem, ProblemKind, ProgressOptionValue};
