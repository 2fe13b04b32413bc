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
    Bad(NumberFault),
}

/// Why a cell is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberFault {
    NotANumber,
    /// Beyond a 64-bit float's range.
    OutOfRange,
    TwoDecimalSeparators,
    GroupingAfterDecimal,
    /// The other separator than the file's decimal one (given).
    WrongDecimalSeparator(char),
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\t'
}

/// Splits a glued Eurostat flag (`79.2 e`, `: c`, `12.3 p`, `bp`) from its value.
#[inline(always)]
pub fn split_flag(s: &str) -> (&str, &str) {
    // The flag is what follows the last space: one to three lower-case ASCII letters.
    // Plain loops: this runs for every value cell of a Eurostat file.
    let b = s.as_bytes();
    let mut letters = 0;
    while letters < 4 && letters < b.len() && b[b.len() - 1 - letters].is_ascii_lowercase() {
        letters += 1;
    }
    // One to three letters (`wrapping_sub`: a plain comparison, where `contains` is a call at opt-level z).
    if letters.wrapping_sub(1) < 3 && b.len() > letters && b[b.len() - letters - 1] == b' ' {
        let space = b.len() - letters - 1;
        let v = trim_end_spaces(&s[..space]);
        if !v.is_empty() {
            return (v, &s[space + 1..]);
        }
    }
    // Eurostat also glues flags without a space in a few files: `12.3e`.
    (s, "")
}

/// `s` without trailing spaces (ASCII, U+00A0, U+202F, tab).
#[inline(always)]
fn trim_end_spaces(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && (b[end - 1] == b' ' || b[end - 1] == b'\t') {
        end -= 1;
    }
    if end > 0 && b[end - 1] >= 0x80 {
        s[..end].trim_end_matches(is_space)
    } else if end < b.len() {
        &s[..end]
    } else {
        s
    }
}

/// Reads one cell. `flags` enables Eurostat flag splitting; `missing` lists the markers in use.
pub fn read_cell<'a>(
    raw: &'a str,
    style: NumberStyle,
    missing: &[String],
    flags: bool,
) -> Cell<'a> {
    read_cell_counted(raw, style, missing, flags, true).0
}

/// Whether any of the markers holds a digit (then a plain number may be one of them).
pub fn markers_have_digits(missing: &[String]) -> bool {
    missing
        .iter()
        .any(|m| m.bytes().any(|b| b.is_ascii_digit()))
}

/// `read_cell` and, for a number, its `decimals`. When `markers_have_digits` is false (see the
/// function of that name), a plain number is read before the markers are compared: none can equal it.
#[inline(always)]
pub fn read_cell_counted<'a>(
    raw: &'a str,
    style: NumberStyle,
    missing: &[String],
    flags: bool,
    markers_have_digits: bool,
) -> (Cell<'a>, u8) {
    let s = trim_cell(raw);
    let (s, flag) = if flags { split_flag(s) } else { (s, "") };
    if s.is_empty() {
        return (Cell::Missing("", flag), 0);
    }
    if !markers_have_digits && style.decimal.is_ascii() {
        if let Some((v, frac)) = plain_decimal(s.as_bytes(), style.decimal as u8) {
            return (Cell::Number(v, flag), frac.min(6) as u8);
        }
    }
    if missing.iter().any(|m| m == s) {
        return (Cell::Missing(s, flag), 0);
    }
    match parse_number(s, style) {
        Ok(v) => (Cell::Number(v, flag), decimals(raw, style)),
        Err(e) => (Cell::Bad(e), 0),
    }
}

/// A plain decimal cell (see `plain_decimal`), with its Eurostat flag when `flags`: the value, the
/// flag and the digits after the separator (at most 6); `None` for anything else, which
/// `read_cell_counted` reads.
#[inline(always)]
pub fn plain_cell(raw: &str, style: NumberStyle, flags: bool) -> Option<(f64, &str, u8)> {
    let decimal = style.decimal;
    // An ASCII grouping separator is skipped in the integer part, as `parse_number` skips it
    // (French files write `1 234 567,8`); a non-ASCII one is left to the general reader.
    let thousands = style.thousands.filter(char::is_ascii).map(|c| c as u8);
    // `trim_cell`, `split_flag` and `plain_decimal` on byte positions, without slicing the text;
    // a non-ASCII end (U+00A0, U+202F, a byte-order mark) is left to the general reader.
    if !decimal.is_ascii() {
        return None;
    }
    let b = raw.as_bytes();
    let (start, end) = ascii_bounds(b, blank);
    if start == end || b[start] >= 0x80 || b[end - 1] >= 0x80 {
        return None;
    }
    let (mut stop, mut flag) = (end, "");
    if flags {
        let mut letters = 0;
        while letters < 4 && letters < end - start && b[end - 1 - letters].is_ascii_lowercase() {
            letters += 1;
        }
        if letters.wrapping_sub(1) < 3 && end - start > letters && b[end - letters - 1] == b' ' {
            let space = end - letters - 1;
            let mut v = space;
            while v > start && blank(b[v - 1]) {
                v -= 1;
            }
            if v == start || b[v - 1] >= 0x80 {
                return None;
            }
            stop = v;
            flag = &raw[space + 1..end];
        }
    }
    let (v, frac) = plain_decimal_in(b, start, stop, decimal as u8, thousands)?;
    Some((v, flag, frac.min(6) as u8))
}

/// Space and tab, the blanks a number cell's fast paths strip.
#[inline(always)]
fn blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// The bounds of `b` without the leading and trailing bytes that are `space`.
#[inline(always)]
pub(crate) fn ascii_bounds(b: &[u8], space: impl Fn(u8) -> bool) -> (usize, usize) {
    // Plain loops over bytes: this runs for every cell.
    let (mut start, mut end) = (0, b.len());
    while start < end && space(b[start]) {
        start += 1;
    }
    while end > start && space(b[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// `s` without its ASCII `space` ends, then, when an end is not ASCII, through `slow` (which knows
/// the Unicode spaces to strip as well).
#[inline(always)]
pub(crate) fn trim_with<'a>(
    s: &'a str,
    space: impl Fn(u8) -> bool,
    slow: impl Fn(&'a str) -> &'a str,
) -> &'a str {
    let b = s.as_bytes();
    let (start, end) = ascii_bounds(b, space);
    if start == end {
        return "";
    }
    // Both ends are ASCII or the end of the text, so char boundaries.
    let t = if start > 0 || end < b.len() {
        &s[start..end]
    } else {
        s
    };
    if b[start] >= 0x80 || b[end - 1] >= 0x80 {
        slow(t)
    } else {
        t
    }
}

/// A cell without its surrounding spaces (ASCII, U+00A0, U+202F, tab) and byte-order marks.
#[inline(always)]
fn trim_cell(raw: &str) -> &str {
    trim_with(raw, blank, |t| {
        t.trim_matches(|c: char| is_space(c) || c == '\u{feff}')
    })
}

/// Powers of ten that a double holds exactly.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The common case read without the general parser: `-?digits(<decimal>digits)?` whose digits fit a
/// double exactly; then one division by an exact power of ten is correctly rounded, so the result
/// equals what `str::parse` gives. Returns the value and the digit count after the separator;
/// `None` for anything else (the general reader decides).
#[inline(always)]
pub fn plain_decimal(s: &[u8], decimal: u8) -> Option<(f64, usize)> {
    plain_decimal_in(s, 0, s.len(), decimal, None)
}

/// `plain_decimal` of `s[start..end]`, skipping `thousands` before the decimal separator.
#[inline(always)]
fn plain_decimal_in(
    s: &[u8],
    start: usize,
    end: usize,
    decimal: u8,
    thousands: Option<u8>,
) -> Option<(f64, usize)> {
    if start >= end {
        return None;
    }
    let neg = s[start] == b'-';
    let (mut m, mut int_digits, mut frac, mut point) = (0u64, 0usize, 0usize, false);
    let mut k = start + usize::from(neg);
    while k < end {
        let c = s[k];
        k += 1;
        if c.wrapping_sub(b'0') < 10 {
            if int_digits + frac >= 19 {
                return None;
            }
            m = m * 10 + u64::from(c - b'0');
            if point {
                frac += 1;
            } else {
                int_digits += 1;
            }
        } else if c == decimal && !point {
            point = true;
        } else if Some(c) == thousands && !point {
            continue;
        } else {
            return None;
        }
    }
    if int_digits == 0 || (point && frac == 0) || m > 1 << 53 || frac >= EXACT_POW10.len() {
        return None;
    }
    let v = m as f64 / EXACT_POW10[frac];
    Some((if neg { -v } else { v }, frac))
}

/// Parses a number written with `style`; the error says what was expected.
pub fn parse_number(s: &str, style: NumberStyle) -> Result<f64, NumberFault> {
    let b = s.as_bytes();
    if style.decimal.is_ascii() {
        if let Some((v, _)) = plain_decimal(b, style.decimal as u8) {
            return Ok(v);
        }
    }
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
                return Err(NumberFault::TwoDecimalSeparators);
            }
            seen_decimal = true;
            clean.push('.');
        } else if Some(c) == style.thousands || (style.thousands == Some(' ') && is_space(c)) {
            if seen_decimal {
                return Err(NumberFault::GroupingAfterDecimal);
            }
        } else if c.is_ascii_digit() || matches!(c, '-' | '+' | 'e' | 'E') {
            clean.push(c);
        } else if c == '−' {
            clean.push('-');
        } else if c == '.' || c == ',' {
            return Err(NumberFault::WrongDecimalSeparator(style.decimal));
        } else {
            return Err(NumberFault::NotANumber);
        }
    }
    finite(&clean)
}

fn finite(s: &str) -> Result<f64, NumberFault> {
    let b = s.as_bytes();
    // Rust accepts `inf`, `nan` and `1.`; only digits with an optional point and exponent are numbers here.
    let ok = !b.is_empty()
        && b.iter().any(|c| c.is_ascii_digit())
        && b.first()
            .is_some_and(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.'));
    if !ok {
        return Err(NumberFault::NotANumber);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(NumberFault::OutOfRange),
        Err(_) => Err(NumberFault::NotANumber),
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
    fn plain_decimals_read_exactly_as_the_general_parser() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            let int = (r % 1_000_000).to_string();
            let frac = format!("{:0w$}", next() % 1_000_000_000, w = 9)[..(r >> 40) as usize % 10]
                .to_owned();
            let sign = if r & 1 == 1 { "-" } else { "" };
            let s = if frac.is_empty() {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac}")
            };
            let (v, d) = plain_decimal(s.as_bytes(), b'.').expect("a plain decimal");
            assert_eq!(v.to_bits(), s.parse::<f64>().unwrap().to_bits(), "{s}");
            assert_eq!(d, frac.len());
        }
        for s in ["9007199254740993", "0.1", "123456789012.3456", "-0", "00.5"] {
            let got = plain_decimal(s.as_bytes(), b'.').map(|(v, _)| v.to_bits());
            assert!(
                got.is_none() || got == Some(s.parse::<f64>().unwrap().to_bits()),
                "{s}"
            );
        }
        for s in [
            "",
            "-",
            ".5",
            "1.",
            "1e3",
            "+1",
            "1.2.3",
            "1,5",
            "12345678901234567890",
        ] {
            assert_eq!(plain_decimal(s.as_bytes(), b'.'), None, "{s}");
        }
        assert_eq!(plain_decimal(b"-7,25", b','), Some((-7.25, 2)));
        let miss: Vec<String> = vec!["-".into(), "999".into()];
        assert!(markers_have_digits(&miss));
        let en = NumberStyle::default();
        assert_eq!(
            read_cell_counted("999", en, &miss, false, true).0,
            Cell::Missing("999", "")
        );
        assert_eq!(
            read_cell_counted(" 79.25 e", en, &miss, true, false),
            (Cell::Number(79.25, "e"), 2)
        );
    }

    #[test]
    fn byte_level_trims_and_flag_split_match_their_char_level_definitions() {
        fn split_flag_ref(s: &str) -> (&str, &str) {
            if let Some((v, f)) = s.rsplit_once(' ') {
                if !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_lowercase()) {
                    let v = v.trim_end_matches(is_space);
                    if !v.is_empty() {
                        return (v, f);
                    }
                }
            }
            (s, "")
        }
        let alphabet = [
            " ", "\t", "\u{a0}", "\u{202f}", "\u{feff}", "7", ".", ":", "e", "p", "b", "X", "é",
            "\n",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 7) as usize;
            let s: String = (0..len)
                .map(|k| alphabet[((x >> (8 + 5 * k)) % alphabet.len() as u64) as usize])
                .collect();
            assert_eq!(split_flag(&s), split_flag_ref(&s), "{s:?}");
            assert_eq!(
                trim_cell(&s),
                s.trim_matches(|c: char| is_space(c) || c == '\u{feff}'),
                "{s:?}"
            );
        }
    }

    #[test]
    fn the_plain_cell_path_agrees_with_the_general_reader() {
        let alphabet = [
            "0", "1", "7", "9", ".", ",", "-", "+", " ", "e", "p", "E", ":", "\u{a0}", "%", "\t",
            "b", "é",
        ];
        let styles = [
            NumberStyle::default(),
            NumberStyle {
                decimal: ',',
                thousands: Some(' '),
            },
            NumberStyle {
                decimal: ',',
                thousands: Some('.'),
            },
            NumberStyle {
                decimal: '.',
                thousands: Some(','),
            },
        ];
        let mut x: u64 = 0x1234_5678_9ABC_DEF1;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let s: String = (0..(x % 9) as usize)
                .map(|k| alphabet[((x >> (6 + 4 * k)) % alphabet.len() as u64) as usize])
                .collect();
            for style in styles {
                for flags in [false, true] {
                    let general = read_cell_counted(&s, style, &[], flags, true);
                    if let Some((v, flag, d)) = plain_cell(&s, style, flags) {
                        assert_eq!(general, (Cell::Number(v, flag), d), "{s:?} {style:?}");
                    }
                    assert_eq!(read_cell_counted(&s, style, &[], flags, false), general);
                }
            }
        }
    }

    #[test]
    fn grouped_numbers_take_the_plain_path_with_the_general_readers_value() {
        let fr = NumberStyle {
            decimal: ',',
            thousands: Some(' '),
        };
        let de = NumberStyle {
            decimal: ',',
            thousands: Some('.'),
        };
        for (s, style, want, d) in [
            ("963 927 657", fr, 963_927_657.0, 0),
            ("-1 234,56", fr, -1234.56, 2),
            (" 12 345,6 ", fr, 12345.6, 1),
            ("1.234.567,8", de, 1_234_567.8, 1),
        ] {
            assert_eq!(plain_cell(s, style, false), Some((want, "", d)), "{s}");
            assert_eq!(
                read_cell_counted(s, style, &[], false, true),
                (Cell::Number(want, ""), d),
                "{s}"
            );
        }
        assert_eq!(plain_cell("1 234 p", fr, true), Some((1234.0, "p", 0)));
        // A separator after the decimal one, or a non-ASCII space, is the general reader's to judge.
        assert_eq!(plain_cell("1,234 5", fr, false), None);
        assert_eq!(plain_cell("1\u{a0}234", fr, false), None);
        assert_eq!(
            read_cell_counted("1\u{a0}234", fr, &[], false, true),
            (Cell::Number(1234.0, ""), 0)
        );
    }

    #[test]
    fn refuses_what_is_not_a_finite_number() {
        let en = NumberStyle::default();
        assert!(matches!(
            read_cell("1e999", en, &[], false),
            Cell::Bad(NumberFault::OutOfRange)
        ));
        assert!(matches!(read_cell("inf", en, &[], false), Cell::Bad(_)));
        assert!(matches!(read_cell("NaN", en, &[], false), Cell::Bad(_)));
        assert!(matches!(read_cell("12abc", en, &[], false), Cell::Bad(_)));
        assert!(matches!(
            read_cell("7,9", en, &[], false),
            Cell::Bad(NumberFault::WrongDecimalSeparator('.'))
        ));
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
