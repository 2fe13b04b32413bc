//! Loose period parsing: the many ways real files write a year, quarter, month or day, mapped to `Period`.
//!
//! Mapping choices: a span of years (`2019/2020`, `2019/20`, `2006-2010`, `2018 to 2020`, and `1985-87`
//! in columns where some two-digit ends exceed 12) maps to the year it starts in, and the original label
//! is kept in the observation's note. `2019-T1` (French trimestre) is a quarter; `janv`-style month rows
//! under year columns become months of those years. Two-digit years in dates
//! (`18/02/20`) mean 2000-2069 below 70, else 1900-1999. Slash dates are day first unless the file
//! shows a second component above 12 (then month first, as in `1/13/2004`).

use crate::period::{days_in_month, Period};

/// Which way round slash dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum DateOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

/// Why a text is not a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodFault {
    /// Not a period at all.
    NotAPeriod,
    /// Looks like a date but the day or month does not exist.
    NoSuchDate,
}

/// The French and English month names and abbreviations, lower case, without accents handled below.
const MONTHS: [&[&str]; 12] = [
    &["janvier", "janv", "jan", "january"],
    &[
        "fevrier", "février", "fevr", "févr", "fev", "fév", "feb", "february",
    ],
    &["mars", "mar", "march"],
    &["avril", "avr", "apr", "april"],
    &["mai", "may"],
    &["juin", "jun", "june"],
    &["juillet", "juil", "jul", "july"],
    &["aout", "août", "aou", "aug", "august"],
    &["septembre", "sept", "sep", "september"],
    &["octobre", "oct", "october"],
    &["novembre", "nov", "november"],
    &["decembre", "décembre", "dec", "déc", "december"],
];

/// The month (1-12) a name such as `janv.`, `Février` or `Dec` stands for.
pub fn month_name(s: &str) -> Option<u8> {
    let s = s.trim().trim_end_matches('.').to_lowercase();
    if s.is_empty() {
        return None;
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&s.as_str()))
        .map(|i| i as u8 + 1)
}

/// Whether `s` holds four ASCII digits in a row.
fn has_four_digits(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn year4(s: &str) -> Option<i32> {
    if s.len() == 4 && digits(s) {
        s.parse().ok()
    } else {
        None
    }
}

fn num(s: &str, max_len: usize) -> Option<u32> {
    if s.len() <= max_len && digits(s) {
        s.parse().ok()
    } else {
        None
    }
}

fn quarter(y: i32, q: &str) -> Result<Period, PeriodFault> {
    match num(q, 1) {
        Some(n @ 1..=4) => Ok(Period::Quarter(y, n as u8)),
        _ => Err(PeriodFault::NotAPeriod),
    }
}

fn month(y: i32, m: u32) -> Result<Period, PeriodFault> {
    if (1..=12).contains(&m) {
        Ok(Period::Month(y, m as u8))
    } else {
        Err(PeriodFault::NoSuchDate)
    }
}

fn day(y: i32, m: u32, d: u32) -> Result<Period, PeriodFault> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m as u8) as u32 {
        return Err(PeriodFault::NoSuchDate);
    }
    Ok(Period::Day(y, m as u8, d as u8))
}

/// Parses one period label; `order` says how to read slash dates.
pub fn parse(text: &str, order: DateOrder) -> Result<Period, PeriodFault> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() || t.len() > 40 {
        return Err(PeriodFault::NotAPeriod);
    }
    if let Some(y) = year4(t) {
        return Ok(Period::Year(y));
    }
    // Every form below holds a four-digit year or a slash (`18/02/20`): reject the rest (values,
    // names) at once, as sniffing asks this of every sampled cell.
    if !t.contains('/') && !has_four_digits(t) {
        return Err(PeriodFault::NotAPeriod);
    }
    // World Bank headers: `2000 [YR2000]`.
    if let Some((y, rest)) = t.split_once(' ') {
        if rest.starts_with("[YR") {
            if let Some(y) = year4(y) {
                return Ok(Period::Year(y));
            }
        }
    }
    // Spans written in words or with a dash between spaces: `2018 to 2020`, `2018 - 2020`, `2018–2020`.
    for sep in [" to ", " - ", "–", " – "] {
        if let Some((a, b)) = t.split_once(sep) {
            if let (Some(y), Some(_)) = (year4(a.trim()), year4(b.trim())) {
                return Ok(Period::Year(y));
            }
        }
    }
    // Date-times: keep the date.
    if t.len() > 10 && t.is_char_boundary(10) && matches!(t.as_bytes().get(10), Some(b'T' | b' ')) {
        return parse(&t[..10], order);
    }
    let upper = t.to_uppercase();
    // `2019M03`, `2019Q1`, `2019T1`.
    if upper.len() >= 6 && upper.is_char_boundary(4) {
        let (y, rest) = upper.split_at(4);
        if let Some(y) = year4(y) {
            let rest = rest.trim_start_matches(['-', ' ', '_']);
            if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('T')) {
                return quarter(y, q);
            }
            if let Some(m) = rest.strip_prefix('M') {
                if let Some(m) = num(m, 2) {
                    return month(y, m);
                }
            }
        }
    }
    // `T1 - 2019`, `Q1 2019`.
    if let Some(rest) = upper.strip_prefix('T').or_else(|| upper.strip_prefix('Q')) {
        let mut parts = rest.split(['-', ' ']).filter(|p| !p.is_empty());
        if let (Some(q), Some(y), None) = (parts.next(), parts.next(), parts.next()) {
            if let Some(y) = year4(y) {
                return quarter(y, q);
            }
        }
    }
    // `janv. 2019`, `Janvier 2019`, `Jan-2019`.
    if let Some((name, y)) = t.rsplit_once([' ', '-']) {
        if let (Some(m), Some(y)) = (month_name(name), year4(y.trim())) {
            return Ok(Period::Month(y, m));
        }
    }
    // Dashes: `2019-03`, `2019-03-18`, `2019-2020`.
    let parts: Vec<&str> = t.split('-').collect();
    if let Some(y) = parts.first().and_then(|p| year4(p)) {
        match parts.as_slice() {
            [_, b] if b.len() == 4 && digits(b) => return Ok(Period::Year(y)),
            [_, m] if m.len() <= 2 => {
                if let Some(m) = num(m, 2) {
                    return month(y, m);
                }
            }
            [_, m, d] => {
                if let (Some(m), Some(d)) = (num(m, 2), num(d, 2)) {
                    return day(y, m, d);
                }
            }
            _ => {}
        }
        return Err(PeriodFault::NotAPeriod);
    }
    // Slashes: `2019/2020`, `2019/20`, `18/03/2019`, `1/13/2004`, `03/2019`, `2019/03/18`.
    let parts: Vec<&str> = t.split('/').collect();
    match parts.as_slice() {
        [a, b] => {
            if let Some(y) = year4(a) {
                if (b.len() == 2 || b.len() == 4) && digits(b) {
                    return Ok(Period::Year(y));
                }
            } else if let (Some(m), Some(y)) = (num(a, 2), year4(b)) {
                return month(y, m);
            }
        }
        [a, b, c] => {
            if let Some(y) = year4(a) {
                if let (Some(m), Some(d)) = (num(b, 2), num(c, 2)) {
                    return day(y, m, d);
                }
            }
            let y = match c.len() {
                4 => year4(c),
                2 => num(c, 2).map(|v| {
                    if v < 70 {
                        2000 + v as i32
                    } else {
                        1900 + v as i32
                    }
                }),
                _ => None,
            };
            if let (Some(x), Some(z), Some(y)) = (num(a, 2), num(b, 2), y) {
                return match order {
                    DateOrder::DayFirst => day(y, z, x),
                    DateOrder::MonthFirst => day(y, x, z),
                };
            }
        }
        _ => {}
    }
    Err(PeriodFault::NotAPeriod)
}

/// Whether a label is a span of years (which loses information when mapped to its first year).
pub fn is_span(text: &str) -> bool {
    let t = text.trim();
    for sep in [" to ", " - ", "–", " – "] {
        if let Some((a, b)) = t.split_once(sep) {
            if year4(a.trim()).is_some() && year4(b.trim()).is_some() {
                return true;
            }
        }
    }
    let Some(i) = t.find(['/', '-']) else {
        return false;
    };
    let (a, b) = (&t[..i], &t[i + 1..]);
    let slash = t.as_bytes().get(i) == Some(&b'/');
    year4(a).is_some() && digits(b) && (b.len() == 4 || (slash && b.len() == 2))
}

/// The start year of a `YYYY-YY` label (`1985-87`), which is a span in columns where some `YY` exceed 12.
pub fn yy_span(text: &str) -> Option<(i32, u32)> {
    let (a, b) = text.trim().split_once('-')?;
    Some((
        year4(a)?,
        if b.len() == 2 {
            num(b, 2)?
        } else {
            return None;
        },
    ))
}

/// A short name for the format a label is written in, shown to the person.
pub fn format_of(text: &str) -> &'static str {
    let t = text.trim();
    let u = t.to_uppercase();
    if year4(t).is_some() {
        "YYYY"
    } else if u.contains("[YR") {
        "YYYY [YRYYYY]"
    } else if t.len() == 9 && t.contains('/') {
        "YYYY/YYYY"
    } else if t.len() == 7
        && t.contains('/')
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.get(..4)
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        "YYYY/YY"
    } else if u.contains('Q') && u.len() <= 8 && u.starts_with(|c: char| c.is_ascii_digit()) {
        "YYYY-Qn"
    } else if u.starts_with('T') && u.contains(" - ") {
        "Tn - YYYY"
    } else if u.contains('T') && u.len() <= 8 && u.starts_with(|c: char| c.is_ascii_digit()) {
        "YYYY-Tn"
    } else if u.contains('M') && u.len() == 7 {
        "YYYYMmm"
    } else if t.len() == 7 && t.as_bytes().get(4) == Some(&b'-') {
        "YYYY-MM"
    } else if t.len() >= 10 && t.as_bytes().get(4) == Some(&b'-') {
        "YYYY-MM-DD"
    } else if t.matches('/').count() == 2 {
        "DD/MM/YYYY"
    } else if t.chars().any(|c| c.is_alphabetic()) {
        "month YYYY"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::*;

    fn p(s: &str) -> Result<Period, PeriodFault> {
        parse(s, DayFirst)
    }

    #[test]
    fn reads_every_documented_form() {
        assert_eq!(p("2019"), Ok(Period::Year(2019)));
        assert_eq!(p("2019 "), Ok(Period::Year(2019)));
        assert_eq!(p("2019/2020"), Ok(Period::Year(2019)));
        assert_eq!(p("2019/20"), Ok(Period::Year(2019)));
        assert_eq!(p("2006-2010"), Ok(Period::Year(2006)));
        assert_eq!(p("2018 to 2020"), Ok(Period::Year(2018)));
        assert!(is_span("2018 to 2020"));
        assert_eq!(yy_span("1985-87"), Some((1985, 87)));
        assert_eq!(yy_span("2019-Q1"), None);
        assert_eq!(p("2019-Q1"), Ok(Period::Quarter(2019, 1)));
        assert_eq!(p("2019Q4"), Ok(Period::Quarter(2019, 4)));
        assert_eq!(p("2019-T1"), Ok(Period::Quarter(2019, 1)));
        assert_eq!(p("T1 - 2019"), Ok(Period::Quarter(2019, 1)));
        assert_eq!(p("2019-03"), Ok(Period::Month(2019, 3)));
        assert_eq!(p("2019M03"), Ok(Period::Month(2019, 3)));
        assert_eq!(p("janv. 2019"), Ok(Period::Month(2019, 1)));
        assert_eq!(p("Février 2019"), Ok(Period::Month(2019, 2)));
        assert_eq!(p("2019-03-18"), Ok(Period::Day(2019, 3, 18)));
        assert_eq!(p("2019-03-18T00:00:00Z"), Ok(Period::Day(2019, 3, 18)));
        assert_eq!(p("18/03/2019"), Ok(Period::Day(2019, 3, 18)));
        assert_eq!(p("18/02/20"), Ok(Period::Day(2020, 2, 18)));
        assert_eq!(parse("1/13/2004", MonthFirst), Ok(Period::Day(2004, 1, 13)));
        assert_eq!(p("2000 [YR2000]"), Ok(Period::Year(2000)));
    }

    #[test]
    fn tells_impossible_dates_from_non_periods() {
        assert_eq!(p("2019-02-30"), Err(PeriodFault::NoSuchDate));
        assert_eq!(p("31/04/2019"), Err(PeriodFault::NoSuchDate));
        assert_eq!(p("2019-13"), Err(PeriodFault::NoSuchDate));
        assert_eq!(p("011-T1"), Err(PeriodFault::NotAPeriod));
        assert_eq!(p("2019-Q5"), Err(PeriodFault::NotAPeriod));
        assert_eq!(p("Paris"), Err(PeriodFault::NotAPeriod));
        assert_eq!(p("2003a"), Err(PeriodFault::NotAPeriod));
        assert_eq!(p(""), Err(PeriodFault::NotAPeriod));
    }

    #[test]
    fn never_panics_on_multibyte_labels() {
        for s in [
            "1é/éa",
            "2019é",
            "ééééééééééé",
            "T1 - é",
            "2019-é",
            "é/é/é",
            "2019-03-18Té",
        ] {
            let _ = p(s);
            let _ = format_of(s);
            let _ = is_span(s);
        }
    }

    #[test]
    fn names_months_and_spans() {
        assert_eq!(month_name("janv"), Some(1));
        assert_eq!(month_name("Décembre"), Some(12));
        assert_eq!(month_name("Titre"), None);
        assert!(is_span("2019/20"));
        assert!(is_span("2006-2010"));
        assert!(!is_span("2019-03"));
        assert!(!is_span("2019"));
    }
}
