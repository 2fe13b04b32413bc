//! Fuzzes decoding and sniffing (delimiter, header, preamble, number conventions).
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::ingest::{decode, sniff};

fuzz_target!(|data: &[u8]| {
    let (text, _) = decode::decode(data, None);
    let _ = sniff::delimiter(&text);
    let _ = sniff::sample("f.csv", &text, None, None);
    let _ = sniff::sample("f.csv", &text, None, Some(3));
});
