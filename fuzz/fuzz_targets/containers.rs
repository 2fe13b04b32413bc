//! Fuzzes the gzip, zip and XLSX readers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::ingest::{xlsx, zip};

fuzz_target!(|data: &[u8]| {
    let _ = zip::gunzip(data);
    if let Ok(entries) = zip::entries(data) {
        for e in entries.iter().take(8) {
            let _ = e.bytes();
        }
    }
    let _ = xlsx::read(data, None);
    let _ = xlsx::read(data, Some("Sheet1"));
});
