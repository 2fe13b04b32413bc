//! Vigie's core: everything that reads, checks, computes and draws, in pure Rust that compiles and is
//! tested natively. The web app (`vigie`: Leptos pages, the IndexedDB glue, the import worker) and the
//! `vigie-check` command line are thin shells over it.
//!
//! Layers, lowest first; a module never depends on one below it in this list:
//! `period` → `model` → `lang` → `format` → `columns` → `records` → `ingest` → `kpi` → `chart`, `map` →
//! `workshop` → `export`, `embed`, `search`, `stored` → `i18n`. Each module's `//!` says what it never depends on.
//! No module touches web-sys, js-sys, wasm-bindgen or Leptos: this crate has none of them as a
//! dependency, so the compiler keeps it pure.
#![forbid(unsafe_code)]

pub mod chart;
pub mod columns;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod ingest;
pub mod kpi;
pub mod lang;
pub mod map;
pub mod model;
pub mod period;
pub mod records;
pub mod search;
pub mod stored;
pub mod workshop;
