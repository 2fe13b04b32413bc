//! A byte-level CSV scanner that keeps the line and column of every field, and a small owned reader on top.
//!
//! `scan` is the hot loop: it walks the bytes once, hands each record to a callback as spans into the text
//! (unescaped copies only for quoted fields with doubled quotes), and allocates nothing per field.

use super::{Problem, ProblemKind};

/// How a delimited file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// An ASCII delimiter byte.
    pub delimiter: u8,
    /// An ASCII quote byte, or `None` when quotes are ordinary characters.
    pub quote: Option<u8>,
}

/// Where one field's text lies: in the source text, or in the row's buffer of unescaped copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// Byte offset in the source of the field's first character (its opening quote when quoted).
    pub raw: usize,
    pub unescaped: bool,
    pub quoted: bool,
}

/// One record as the scanner sees it.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    pub text: &'a str,
    pub extra: &'a str,
    pub spans: &'a [Span],
    /// 1-based line where the record starts.
    pub line: usize,
    /// Byte offset where the record starts.
    pub start: usize,
}

impl<'a> RowRef<'a> {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The text of field `i`, empty when out of range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> &'a str {
        match self.spans.get(i) {
            Some(s) if s.unescaped => self.extra.get(s.start..s.end).unwrap_or_default(),
            Some(s) => self.text.get(s.start..s.end).unwrap_or_default(),
            None => "",
        }
    }

    /// The 1-based line and character column where field `i` starts (past the end: after the last field).
    pub fn loc(&self, i: usize) -> (usize, usize) {
        let raw = match self.spans.get(i) {
            Some(s) => s.raw,
            None => self.spans.last().map(|s| s.end).unwrap_or(self.start),
        };
        locate(self.text, self.start, self.line, raw)
    }
}

/// The line and character column of byte `at`, counting from a known line start.
pub fn locate(text: &str, from: usize, from_line: usize, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len()).max(from.min(bytes.len()));
    let seg = bytes.get(from..at).unwrap_or_default();
    let newlines = seg.iter().filter(|&&b| b == b'\n').count();
    let line_start = seg
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|p| from + p + 1)
        .unwrap_or(from);
    let col = text
        .get(line_start..at)
        .map(|s| s.chars().count())
        .unwrap_or(0)
        + 1;
    (from_line + newlines, col)
}

/// Scans `text` record by record; `each` returns `false` to stop early. Blank lines are skipped.
/// An unterminated quote or a quote in the middle of an unquoted field is a located problem.
pub fn scan(
    file: &str,
    text: &str,
    dialect: Dialect,
    mut each: impl FnMut(&RowRef) -> bool,
) -> Result<(), Problem> {
    let b = text.as_bytes();
    let n = b.len();
    let delim = dialect.delimiter;
    let q = dialect.quote.unwrap_or(0);
    let has_q = dialect.quote.is_some();
    let mut special = [false; 256];
    special[delim as usize] = true;
    special[b'\n' as usize] = true;
    special[b'\r' as usize] = true;
    if has_q {
        special[q as usize] = true;
    }
    let mut spans: Vec<Span> = Vec::with_capacity(64);
    let mut extra = String::new();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut line = 1usize;
    let err = |line_from: usize, line: usize, at: usize, found: &str, kind: ProblemKind| {
        let (l, c) = locate(text, line_from, line, at);
        Problem::at(file, l, c, found, kind)
    };
    while i < n {
        spans.clear();
        extra.clear();
        let rec_start = i;
        let rec_line = line;
        loop {
            let fstart = i;
            if has_q && i < n && b[i] == q {
                i += 1;
                let content = i;
                let mut escaped = false;
                loop {
                    while i < n && b[i] != q {
                        if b[i] == b'\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                    if i >= n {
                        return Err(err(
                            rec_start,
                            rec_line,
                            fstart,
                            "\"",
                            ProblemKind::UnterminatedQuote,
                        ));
                    }
                    if i + 1 < n && b[i + 1] == q {
                        escaped = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                let content_end = i;
                i += 1;
                if escaped {
                    let s = extra.len();
                    let body = text.get(content..content_end).unwrap_or_default();
                    let qs = (q as char).to_string();
                    extra.push_str(&body.replace(&format!("{qs}{qs}"), &qs));
                    spans.push(Span {
                        start: s,
                        end: extra.len(),
                        raw: fstart,
                        unescaped: true,
                        quoted: true,
                    });
                } else {
                    spans.push(Span {
                        start: content,
                        end: content_end,
                        raw: fstart,
                        unescaped: false,
                        quoted: true,
                    });
                }
                while i < n && b[i] == b' ' {
                    i += 1;
                }
                if i < n && b[i] != delim && b[i] != b'\n' && b[i] != b'\r' {
                    let found = text
                        .get(i..)
                        .and_then(|s| s.chars().next())
                        .map(String::from)
                        .unwrap_or_default();
                    return Err(err(
                        rec_start,
                        rec_line,
                        i,
                        &found,
                        ProblemKind::TextAfterQuote,
                    ));
                }
            } else {
                while i < n && !special[b[i] as usize] {
                    i += 1;
                }
                if has_q && i < n && b[i] == q {
                    return Err(err(rec_start, rec_line, i, "\"", ProblemKind::StrayQuote));
                }
                spans.push(Span {
                    start: fstart,
                    end: i,
                    raw: fstart,
                    unescaped: false,
                    quoted: false,
                });
            }
            if i < n && b[i] == delim {
                i += 1;
                continue;
            }
            break;
        }
        if i < n && b[i] == b'\r' {
            i += 1;
            if i < n && b[i] == b'\n' {
                i += 1;
            }
            line += 1;
        } else if i < n && b[i] == b'\n' {
            i += 1;
            line += 1;
        }
        if spans.len() == 1 && !spans[0].quoted && spans[0].start == spans[0].end {
            continue;
        }
        let row = RowRef {
            text,
            extra: &extra,
            spans: &spans,
            line: rec_line,
            start: rec_start,
        };
        if !each(&row) {
            break;
        }
    }
    Ok(())
}

/// One field and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub line: usize,
    pub column: usize,
}

/// One record: its first line and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<Field>,
}

/// Splits `text` into owned records. Handles a UTF-8 BOM, CRLF or LF line ends, quoted fields with
/// doubled quotes and newlines inside. Blank lines are skipped. An unterminated quote is a problem.
/// `delimiter` must be ASCII.
pub fn read(file: &str, text: &str, delimiter: char) -> Result<Vec<Record>, Problem> {
    let mut records = Vec::new();
    let dialect = Dialect {
        delimiter: if delimiter.is_ascii() {
            delimiter as u8
        } else {
            b','
        },
        quote: Some(b'"'),
    };
    scan(file, text, dialect, |row| {
        let fields = (0..row.len())
            .map(|i| {
                let (line, column) = row.loc(i);
                Field {
                    text: row.get(i).to_owned(),
                    line,
                    column,
                }
            })
            .collect();
        records.push(Record {
            line: row.line,
            fields,
        });
        true
    })?;
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(r: &Record) -> Vec<&str> {
        r.fields.iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn reads_quotes_crlf_bom_and_blank_lines() {
        let recs = read(
            "t.csv",
            "\u{feff}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\r\n4,,6",
            ',',
        )
        .unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(texts(&recs[0]), ["a", "b", "c"]);
        assert_eq!(texts(&recs[1]), ["1", "x, \"y\"", "3"]);
        assert_eq!(texts(&recs[2]), ["4", "", "6"]);
        assert_eq!(recs[2].line, 4);
        assert_eq!((recs[1].fields[2].line, recs[1].fields[2].column), (2, 14));
    }

    #[test]
    fn keeps_newlines_inside_quotes_and_counts_lines_after_them() {
        let recs = read("t.csv", "a,b\n\"two\nlines\",2\nz,3\n", ',').unwrap();
        assert_eq!(texts(&recs[1]), ["two\nlines", "2"]);
        assert_eq!(recs[2].line, 4);
    }

    #[test]
    fn locates_an_unterminated_quote() {
        let err = read("bad.csv", "a,b\n1,\"open\n2,3\n", ',').unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
        assert_eq!(err.kind, ProblemKind::UnterminatedQuote);
    }

    #[test]
    fn locates_a_stray_quote() {
        let err = read("bad.csv", "a,b\n1,x\"y\n", ',').unwrap_err();
        assert_eq!((err.line, err.column), (2, 4));
        assert_eq!(err.kind, ProblemKind::StrayQuote);
    }
}
