//! Fuzzes loose period parsing and value-cell reading.
#![no_main]
use libfuzzer_sys::fuzz_target;
use vigie_core::ingest::number::{self, NumberStyle};
use vigie_core::ingest::periods::{self, DateOrder};

fuzz_target!(|s: &str| {
    let _ = periods::parse(s, DateOrder::DayFirst);
    let _ = periods::parse(s, DateOrder::MonthFirst);
    let _ = periods::format_of(s);
    let _ = periods::is_span(s);
    let _ = periods::month_name(s);
    let missing = vec![":".to_string(), "NA".to_string()];
    for style in [NumberStyle::default(), NumberStyle { decimal: ',', thousands: Some(' ') }, NumberStyle { decimal: ',', thousands: Some('.') }] {
        let _ = number::read_cell(s, style, &missing, true);
        let _ = number::decimals(s, style);
    }
});
