//! Sniffing a delimited text: delimiter, quote, header row, preamble, decimal and thousands separators,
//! date order, Eurostat flags and missing markers, each a guess the person can override.

use super::csv::{self, Dialect};
use super::number::{NumberStyle, DEFAULT_MISSING};
use super::periods::DateOrder;

/// Candidate delimiters, in order of preference on ties.
pub const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];

/// What the sample of a delimited text says.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub dialect: Dialect,
    /// Index (among non-blank records) of the header record.
    pub header_index: usize,
    /// The header's 1-based line.
    pub header_line: usize,
    /// Whether the record after the header is a second header row (merged into the first).
    pub two_row_header: bool,
    /// Header names (merged when two rows), trimmed, BOM removed.
    pub header: Vec<String>,
    /// Up to `SAMPLE_ROWS` data records after the header, as text.
    pub rows: Vec<Vec<String>>,
    pub style: NumberStyle,
    pub date_order: DateOrder,
    pub eurostat_flags: bool,
    /// Missing markers seen in the sample.
    pub missing_seen: Vec<String>,
}

/// How many data records sniffing looks at.
pub const SAMPLE_ROWS: usize = 300;
/// The widest table the import reads (Excel's own limit): every column costs the sample, the role
/// guesses and the preview memory, so a wider record is refused where its first extra field starts.
pub const MAX_COLUMNS: usize = 16_384;

/// Guesses the delimiter by the most regular count per line among the first lines (outside quotes).
pub fn delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(60)
        .collect();
    let mut best = (0usize, b',');
    for &d in DELIMITERS.iter() {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let mut inq = false;
                l.bytes()
                    .filter(|&b| {
                        if b == b'"' {
                            inq = !inq;
                        }
                        b == d && !inq
                    })
                    .count()
            })
            .collect();
        let mut freq = std::collections::HashMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        if let Some((&c, &f)) = freq.iter().max_by_key(|(c, f)| (**f, **c)) {
            let score = f * 1000 + c.min(999);
            if score > best.0 {
                best = (score, d);
            }
        }
    }
    best.1
}

fn width(r: &[String]) -> usize {
    r.iter()
        .rposition(|c| !c.trim().is_empty())
        .map(|p| p + 1)
        .unwrap_or(0)
}

fn clean(h: &str) -> String {
    h.replace('\u{feff}', "").trim().to_owned()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Samples the text with `dialect` (or a sniffed one), finding the header and number conventions.
pub fn sample(
    file: &str,
    text: &str,
    dialect: Option<Dialect>,
    header_line: Option<usize>,
) -> Result<Sample, super::Problem> {
    let dialect = dialect.unwrap_or_else(|| Dialect {
        delimiter: delimiter(text),
        quote: Some(b'"'),
    });
    let mut recs: Vec<(usize, Vec<String>)> = Vec::new();
    let mut too_wide = None;
    csv::scan(file, text, dialect, |row| {
        if row.len() > MAX_COLUMNS {
            let (line, column) = row.loc(MAX_COLUMNS);
            too_wide = Some(super::Problem::at(
                file,
                line,
                column,
                row.get(MAX_COLUMNS),
                super::ProblemKind::TooManyColumns {
                    max: MAX_COLUMNS,
                    found: row.len(),
                },
            ));
            return false;
        }
        recs.push((
            row.line,
            (0..row.len()).map(|i| row.get(i).to_owned()).collect(),
        ));
        recs.len() < SAMPLE_ROWS + 40
    })?;
    if let Some(p) = too_wide {
        return Err(p);
    }
    // The header is the first record as wide as the most common width (preambles are narrower).
    let mut freq = std::collections::HashMap::new();
    for (_, r) in &recs {
        let w = width(r);
        if w >= 2 {
            *freq.entry(w).or_insert(0usize) += 1;
        }
    }
    let mode = freq
        .iter()
        .max_by_key(|(w, f)| (**f, **w))
        .map(|(w, _)| *w)
        .unwrap_or(1);
    let header_index = match header_line {
        Some(l) => recs.iter().position(|(line, _)| *line >= l).unwrap_or(0),
        None => recs
            .iter()
            .position(|(_, r)| width(r) + 1 >= mode && width(r) >= mode.min(2))
            .unwrap_or(0),
    };
    // A first header row with gaps (`;Paris;;;Grand Paris;;`) is narrower than the data: take it too.
    let header_index = match (
        header_line,
        header_index.checked_sub(1).and_then(|i| recs.get(i)),
        recs.get(header_index),
    ) {
        (None, Some((_, prev)), Some((_, cur)))
            if cur.first().is_some_and(|c| c.trim().is_empty())
                && prev.iter().filter(|c| !c.trim().is_empty()).count() >= 2
                && prev.iter().any(|c| c.trim().is_empty())
                && prev.iter().all(|c| c.trim().parse::<f64>().is_err()) =>
        {
            header_index - 1
        }
        _ => header_index,
    };
    // A row of numbers is data, not a header: the header is the (empty) row before it.
    let header_index = match (
        header_line,
        header_index.checked_sub(1),
        recs.get(header_index),
    ) {
        (None, Some(prev), Some((_, cur)))
            if cur.iter().all(|c| c.trim().parse::<f64>().is_ok()) =>
        {
            prev
        }
        _ => header_index,
    };
    let header_line = recs.get(header_index).map(|r| r.0).unwrap_or(1);
    let mut header: Vec<String> = recs
        .get(header_index)
        .map(|r| r.1.iter().map(|h| clean(h)).collect())
        .unwrap_or_default();
    // A second header row: first cell empty, no numbers, and the first row had gaps to fill.
    let mut two_row_header = false;
    if let Some((_, next)) = recs.get(header_index + 1) {
        let gaps = header.iter().skip(1).any(|h| h.is_empty());
        let texty = next.first().is_some_and(|c| c.trim().is_empty())
            && next.iter().skip(1).filter(|c| !c.trim().is_empty()).count() >= 2
            && next.iter().skip(1).all(|c| {
                c.trim().is_empty()
                    || c.trim().parse::<f64>().is_err()
                        && !c.chars().next().is_some_and(|ch| ch.is_ascii_digit())
            });
        if gaps && texty {
            two_row_header = true;
            let mut top = String::new();
            for (i, h) in header.iter_mut().enumerate() {
                if !h.is_empty() {
                    top = h.clone();
                }
                let low = next.get(i).map(|s| clean(s)).unwrap_or_default();
                *h = match (top.is_empty(), low.is_empty()) {
                    (_, true) => top.clone(),
                    (true, false) => low,
                    (false, false) => format!("{top} - {low}"),
                };
            }
        }
    }
    let skip = header_index + 1 + usize::from(two_row_header);
    let rows: Vec<Vec<String>> = recs
        .into_iter()
        .skip(skip)
        .take(SAMPLE_ROWS)
        .map(|r| r.1)
        .collect();
    let eurostat = header.first().is_some_and(|h| h.contains('\\'));
    let (style, date_order, flags, missing_seen) = conventions(&rows, dialect.delimiter, eurostat);
    Ok(Sample {
        dialect,
        header_index,
        header_line,
        two_row_header,
        header,
        rows,
        style,
        date_order,
        eurostat_flags: flags,
        missing_seen,
    })
}

/// Decimal and thousands separators, date order, flags and markers from sample rows.
pub fn conventions(
    rows: &[Vec<String>],
    delimiter: u8,
    eurostat: bool,
) -> (NumberStyle, DateOrder, bool, Vec<String>) {
    let (mut point, mut comma, mut comma3, mut space_groups, mut dot_groups, mut comma_groups) =
        (0, 0, 0, 0, 0, 0);
    let (mut day_first, mut month_first) = (0, 0);
    let mut flagged = 0;
    let mut missing_seen: Vec<String> = Vec::new();
    for r in rows {
        for c in r {
            let t =
                c.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{202f}');
            let t = t.strip_prefix(['-', '+']).unwrap_or(t);
            if let Some(m) = DEFAULT_MISSING.iter().find(|m| **m == t) {
                if !missing_seen.iter().any(|s| s == m) {
                    missing_seen.push((*m).to_owned());
                }
                continue;
            }
            if let Some((v, f)) = t.rsplit_once(' ') {
                if !f.is_empty()
                    && f.len() <= 3
                    && f.bytes().all(|b| b.is_ascii_lowercase())
                    && (v == ":" || v.parse::<f64>().is_ok())
                {
                    flagged += 1;
                }
            }
            let parts: Vec<&str> = t.split('/').collect();
            if parts.len() == 3 && parts.iter().all(|p| all_digits(p)) {
                let a: u32 = parts[0].parse().unwrap_or(0);
                let b: u32 = parts[1].parse().unwrap_or(0);
                if a > 12 && parts[0].len() <= 2 {
                    day_first += 1;
                }
                if b > 12 && parts[0].len() <= 2 {
                    month_first += 1;
                }
                continue;
            }
            let bare: String = t
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                .collect();
            if let Some((a, b)) = bare.split_once('.') {
                if all_digits(a) && all_digits(b) {
                    point += 1;
                }
            }
            if let Some((a, b)) = bare.split_once(',') {
                if all_digits(a) && all_digits(b) {
                    comma += 1;
                    if b.len() == 3 && a.len() <= 3 {
                        comma3 += 1;
                    }
                }
            }
            let int_part = t.split([',', '.']).next().unwrap_or_default();
            let groups: Vec<&str> = int_part.split([' ', '\u{a0}', '\u{202f}']).collect();
            if groups.len() >= 2
                && groups[0].len() <= 3
                && all_digits(groups[0])
                && groups[1..].iter().all(|g| g.len() == 3 && all_digits(g))
            {
                space_groups += 1;
            }
            let dg: Vec<&str> = t.split(',').next().unwrap_or_default().split('.').collect();
            if dg.len() >= 3
                && dg[0].len() <= 3
                && all_digits(dg[0])
                && dg[1..].iter().all(|g| g.len() == 3 && all_digits(g))
            {
                dot_groups += 1;
            }
            let cg: Vec<&str> = t.split('.').next().unwrap_or_default().split(',').collect();
            if cg.len() >= 3
                && cg[0].len() <= 3
                && all_digits(cg[0])
                && cg[1..].iter().all(|g| g.len() == 3 && all_digits(g))
            {
                comma_groups += 1;
            }
        }
    }
    let decimal = if (comma > point && !(comma == comma3 && point > 0) && delimiter != b',')
        || (dot_groups > 0 && comma_groups == 0)
    {
        ','
    } else {
        '.'
    };
    let thousands = if space_groups > 0 {
        Some(' ')
    } else if decimal == ',' && dot_groups > 0 {
        Some('.')
    } else if decimal == '.' && comma_groups > 0 {
        Some(',')
    } else {
        None
    };
    let order = if month_first > 0 && day_first == 0 {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    };
    (
        NumberStyle { decimal, thousands },
        order,
        eurostat || flagged > 0,
        missing_seen,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_delimiters_and_headers_after_preambles() {
        assert_eq!(delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(delimiter("a\tb\n1\t2\n"), b'\t');
        let wb = "\"Data Source\",\"WDI\",\n\n\"Last Updated\",\"2018\",\n\n\"Country\",\"Code\",\"2000\",\"2001\",\n\"A\",\"B\",\"1\",\"2\",\n";
        let s = sample("wb.csv", wb, None, None).unwrap();
        assert_eq!(s.header_line, 5);
        assert_eq!(s.header[2], "2000");
        assert_eq!(s.rows.len(), 1);
    }

    #[test]
    fn merges_a_two_row_header_and_reads_french_numbers() {
        let t = ";Paris;;Grand Paris;\n;Industrie;Construction;Industrie;Construction\n2011-T1;1 000,5;2;3;4\n";
        let s = sample("t.csv", t, None, None).unwrap();
        assert!(s.two_row_header);
        assert_eq!(s.header[2], "Paris - Construction");
        assert_eq!(
            s.style,
            NumberStyle {
                decimal: ',',
                thousands: Some(' ')
            }
        );
    }
}
