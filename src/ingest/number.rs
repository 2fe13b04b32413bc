//! Reading one value cell: missing markers, Eurostat status flags, decimal and thousands separators.

use serde::{Deserialize, Serialize};

/// How numbers are written in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberStyle {
    /// `.` or `,`.
    pub decimal: char,
    /// `' '` stands for any space (ASCII, U+00A0, U+202F); `.` or `,` otherwise; `None` for no grouping.
    pub thousands: Option<char>,
}

impl Default for NumberStyle {
    fn default() -> Self {
        NumberStyle {
            decimal: '.',
            thousands: None,
        }
    }
}

/// The missing-value markers Vigie knows; the empty cell is always missing.
pub const DEFAULT_MISSING: [&str; 8] = ["NA", "N/A", "n/a", "..", ":", "-", "--", "…"];

/// What a value cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// A number and its status flag (empty when none).
    Number(f64, &'a str),
    /// A missing marker (the marker) and its flag.
    Missing(&'a str, &'a str),
    /// Not a number: what went wrong.
    Bad(&'static str),
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\t'
}

/// Splits a glued Eurostat flag (`79.2 e`, `: c`, `12.3 p`, `bp`) from its value.
pub fn split_flag(s: &str) -> (&str, &str) {
    if let Some((v, f)) = s.rsplit_once(' ') {
        if !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_lowercase()) {
            let v = v.trim_end_matches(is_space);
            if !v.is_empty() {
                return (v, f);
            }
        }
    }
    // Eurostat also glues flags without a space in a few files: `12.3e`.
    (s, "")
}

/// Reads one cell. `flags` enables Eurostat flag splitting; `missing` lists the markers in use.
pub fn read_cell<'a>(
    raw: &'a str,
    style: NumberStyle,
    missing: &[String],
    flags: bool,
) -> Cell<'a> {
    let s = raw.trim_matches(|c: char| is_space(c) || c == '\u{feff}');
    let (s, flag) = if flags { split_flag(s) } else { (s, "") };
    if s.is_empty() {
        return Cell::Missing("", flag);
    }
    if missing.iter().any(|m| m == s) {
        return Cell::Missing(s, flag);
    }
    match parse_number(s, style) {
        Ok(v) => Cell::Number(v, flag),
        Err(e) => Cell::Bad(e),
    }
}

/// Parses a number written with `style`; the error says what was expected.
pub fn parse_number(s: &str, style: NumberStyle) -> Result<f64, &'static str> {
    let b = s.as_bytes();
    // Fast path: plain ASCII number with a point.
    if style.decimal == '.'
        && b.iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return finite(s);
    }
    let mut clean = String::with_capacity(s.len());
    let mut seen_decimal = false;
    let s = s
        .strip_suffix('%')
        .map(|t| t.trim_end_matches(is_space))
        .unwrap_or(s);
    for c in s.chars() {
        if c == style.decimal {
            if seen_decimal {
                return Err("a number with one decimal separator");
            }
            seen_decimal = true;
            clean.push('.');
        } else if Some(c) == style.thousands || (style.thousands == Some(' ') && is_space(c)) {
            if seen_decimal {
                return Err("a number without grouping after the decimal separator");
            }
        } else if c.is_ascii_digit() || matches!(c, '-' | '+' | 'e' | 'E') {
            clean.push(c);
        } else if c == '−' {
            clean.push('-');
        } else if c == '.' || c == ',' {
            return Err(if style.decimal == ',' {
                "a number with a decimal comma"
            } else {
                "a number with a decimal point"
            });
        } else {
            return Err("a number");
        }
    }
    finite(&clean)
}

fn finite(s: &str) -> Result<f64, &'static str> {
    let b = s.as_bytes();
    // Rust accepts `inf`, `nan` and `1.`; only digits with an optional point and exponent are numbers here.
    let ok = !b.is_empty()
        && b.iter().any(|c| c.is_ascii_digit())
        && b.first()
            .is_some_and(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.'));
    if !ok {
        return Err("a number");
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err("a number within the range of a 64-bit float"),
        Err(_) => Err("a number"),
    }
}

/// Digits after the decimal separator, for the indicator's display precision.
pub fn decimals(raw: &str, style: NumberStyle) -> u8 {
    raw.trim()
        .split_once(style.decimal)
        .map(|(_, d)| d.bytes().take_while(u8::is_ascii_digit).count().min(6) as u8)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn miss() -> Vec<String> {
        DEFAULT_MISSING.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_separators_flags_and_markers() {
        let fr = NumberStyle {
            decimal: ',',
            thousands: Some(' '),
        };
        assert_eq!(read_cell("7,9", fr, &miss(), false), Cell::Number(7.9, ""));
        assert_eq!(
            read_cell("497 141 337", fr, &miss(), false),
            Cell::Number(497141337.0, "")
        );
        assert_eq!(
            read_cell("9\u{a0}700,5", fr, &miss(), false),
            Cell::Number(9700.5, "")
        );
        assert_eq!(
            read_cell("9\u{202f}700", fr, &miss(), false),
            Cell::Number(9700.0, "")
        );
        let en = NumberStyle::default();
        assert_eq!(
            read_cell("79.2 e", en, &miss(), true),
            Cell::Number(79.2, "e")
        );
        assert_eq!(read_cell(": c", en, &miss(), true), Cell::Missing(":", "c"));
        assert_eq!(
            read_cell("329295.6 ", en, &miss(), true),
            Cell::Number(329295.6, "")
        );
        assert_eq!(read_cell("NA", en, &miss(), false), Cell::Missing("NA", ""));
        assert_eq!(read_cell("", en, &miss(), false), Cell::Missing("", ""));
        let dot = NumberStyle {
            decimal: ',',
            thousands: Some('.'),
        };
        assert_eq!(
            read_cell("1.234.567,5", dot, &miss(), false),
            Cell::Number(1234567.5, "")
        );
    }

    #[test]
    fn refuses_what_is_not_a_finite_number() {
        let en = NumberStyle::default();
        assert!(matches!(read_cell("1e999", en, &[], false), Cell::Bad(m) if m.contains("64-bit")));
        assert!(matches!(read_cell("inf", en, &[], false), Cell::Bad(_)));
        assert!(matches!(read_cell("NaN", en, &[], false), Cell::Bad(_)));
        assert!(matches!(read_cell("12abc", en, &[], false), Cell::Bad(_)));
        assert!(
            matches!(read_cell("7,9", en, &[], false), Cell::Bad(m) if m.contains("decimal point"))
        );
        assert_eq!(
            decimals(
                "7,95",
                NumberStyle {
                    decimal: ',',
                    thousands: None
                }
            ),
            2
        );
    }
}
