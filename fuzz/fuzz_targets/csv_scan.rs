//! Fuzzes the byte-level CSV scanner and the located owned reader, with every delimiter.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::ingest::csv::{self, Dialect};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for d in [b',', b';', b'\t', b'|'] {
        let _ = csv::scan("f", &text, Dialect { delimiter: d, quote: Some(b'"') }, |row| {
            for i in 0..=row.len() {
                let _ = row.get(i);
                let _ = row.loc(i);
            }
            true
        });
    }
    let _ = csv::read("f", &text, ';');
});
