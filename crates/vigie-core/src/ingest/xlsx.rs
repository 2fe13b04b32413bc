//! XLSX workbooks: the first worksheet (or a named one) read into rows of text, with shared strings,
//! inline strings and numbers; dates stay as Excel serial numbers (a limitation noted in the report).
//! `import_xlsx` then reads those rows as a table (the header is the first row with two filled cells).

use super::decode::Encoding;
use super::import::{stem, Detected, Format, ImportReport};
use super::options::ImportOptions;
use super::tabular::import_rows;
use super::zip::{self, ZipError};
use super::{Problem, ProblemKind};

/// One worksheet row: its 1-based row number and its cells (column A first).
pub type Row = (usize, Vec<String>);

/// The most cells read from one sheet, so a hostile `r="XFD1048576"` cannot allocate without end.
const MAX_COLUMNS: usize = 16_384;

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..end];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0
            || rest
                .as_bytes()
                .get(i - 1)
                .is_some_and(|b| b.is_ascii_whitespace());
        let after = &rest[i + name.len()..];
        if before_ok {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|e| &v[..e]);
            }
        }
        rest = after;
    }
    None
}

/// Visits the tags of an XML text: `(name, attributes, self_closing, text_after)`.
fn tags(xml: &str, mut f: impl FnMut(&str, &str, bool, &str)) {
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let Some(end) = after.find('>') else { return };
        let inner = &after[..end];
        let next = &after[end + 1..];
        let text = &next[..next.find('<').unwrap_or(next.len())];
        let self_closing = inner.ends_with('/');
        let inner = inner.trim_end_matches('/');
        let (name, attrs) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        f(name, attrs, self_closing, text);
        rest = next;
    }
}

fn column_of(r: &str) -> Option<usize> {
    let letters: Vec<u8> = r.bytes().take_while(u8::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let n = letters.iter().fold(0usize, |n, &c| {
        n * 26 + (c.to_ascii_uppercase() - b'A') as usize + 1
    });
    Some(n - 1)
}

/// Reads the workbook's first worksheet (or the sheet named `sheet`) into rows.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Row>, ZipError> {
    let entries = zip::entries(bytes)?;
    let get = |name: &str| entries.iter().find(|e| e.name == name);
    let text = |name: &str| -> Result<Option<String>, ZipError> {
        match get(name) {
            Some(e) => {
                let xml = String::from_utf8_lossy(&e.bytes()?).into_owned();
                // An XLSX part never needs a document type: a DTD is where entity expansion
                // ("billion laughs") and external entities hide, so a part that has one is refused.
                if xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY") {
                    return Err(ZipError::DocumentType {
                        part: name.to_owned(),
                    });
                }
                Ok(Some(xml))
            }
            None => Ok(None),
        }
    };
    let mut shared = Vec::new();
    if let Some(xml) = text("xl/sharedStrings.xml")? {
        let mut current: Option<String> = None;
        let mut in_t = false;
        tags(&xml, |name, _, closing, txt| match name {
            "si" => current = Some(String::new()),
            "/si" => shared.push(current.take().unwrap_or_default()),
            "t" if !closing => {
                in_t = true;
                if let Some(c) = current.as_mut() {
                    c.push_str(&unescape(txt));
                }
            }
            "/t" => in_t = false,
            _ => {}
        });
        let _ = in_t;
    }
    // Which worksheet file: by name through the workbook and its relationships, else the first.
    let mut path = None;
    if let (Some(name), Some(wb), Some(rels)) = (
        sheet,
        text("xl/workbook.xml")?,
        text("xl/_rels/workbook.xml.rels")?,
    ) {
        let mut rid = None;
        tags(&wb, |tag, attrs, _, _| {
            if tag == "sheet" && attr(attrs, "name").map(unescape).as_deref() == Some(name) {
                rid = attr(attrs, "r:id").map(str::to_owned);
            }
        });
        tags(&rels, |tag, attrs, _, _| {
            if tag == "Relationship" && attr(attrs, "Id") == rid.as_deref() {
                path =
                    attr(attrs, "Target").map(|t| format!("xl/{}", t.trim_start_matches("/xl/")));
            }
        });
        if path.is_none() {
            return Err(ZipError::NoSheetNamed {
                name: name.to_owned(),
            });
        }
    }
    let path = path
        .or_else(|| get("xl/worksheets/sheet1.xml").map(|e| e.name.clone()))
        .or_else(|| {
            entries
                .iter()
                .find(|e| e.name.starts_with("xl/worksheets/") && e.name.ends_with(".xml"))
                .map(|e| e.name.clone())
        })
        .ok_or(ZipError::NoSheet)?;
    let xml = text(&path)?.unwrap_or_default();
    let mut rows: Vec<Row> = Vec::new();
    let (mut col, mut kind, mut in_v) = (0usize, String::new(), false);
    let mut next_col = 0usize;
    tags(&xml, |name, attrs, closing, txt| match name {
        "row" => {
            let n = attr(attrs, "r")
                .and_then(|r| r.parse().ok())
                .unwrap_or(rows.last().map(|r| r.0 + 1).unwrap_or(1));
            rows.push((n, Vec::new()));
            next_col = 0;
        }
        "c" => {
            col = attr(attrs, "r").and_then(column_of).unwrap_or(next_col);
            next_col = col + 1;
            kind = attr(attrs, "t").unwrap_or("n").to_owned();
            let _ = closing;
        }
        "v" | "t" if !closing => {
            in_v = true;
            if col >= MAX_COLUMNS {
                return;
            }
            let value = match kind.as_str() {
                "s" => txt
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| shared.get(i).cloned())
                    .unwrap_or_default(),
                "b" => {
                    if txt.trim() == "1" {
                        "TRUE".into()
                    } else {
                        "FALSE".into()
                    }
                }
                _ => unescape(txt),
            };
            if let Some((_, cells)) = rows.last_mut() {
                if cells.len() <= col {
                    cells.resize(col + 1, String::new());
                }
                if let Some(c) = cells.get_mut(col) {
                    c.push_str(&value);
                }
            }
        }
        "/v" | "/t" => in_v = false,
        _ => {}
    });
    let _ = in_v;
    Ok(rows)
}

pub(super) fn import_xlsx(file: &str, bytes: &[u8], opts: &ImportOptions) -> ImportReport {
    let det = Detected::new(Encoding::Utf8, Format::Xlsx);
    let rows = match read(bytes, opts.sheet.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            return ImportReport::refused(
                file,
                det,
                Problem::at(file, 0, 0, "", ProblemKind::UnreadableXlsx { reason: e }),
            )
        }
    };
    let Some(h) = rows
        .iter()
        .position(|(_, r)| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
    else {
        return ImportReport::refused(
            file,
            det,
            Problem::at(file, 0, 0, "", ProblemKind::EmptyWorksheet),
        );
    };
    let mut det = det;
    det.header_line = rows[h].0;
    det.preamble_lines = h;
    let header: Vec<String> = rows[h].1.iter().map(|c| c.trim().to_owned()).collect();
    let (numbers, data): (Vec<usize>, Vec<Vec<String>>) = rows[h + 1..]
        .iter()
        .filter(|r| r.1.iter().any(|c| !c.trim().is_empty()))
        .map(|r| (r.0, r.1.clone()))
        .unzip();
    let loc = |i: usize, j: usize| (numbers.get(i).copied().unwrap_or(0), j + 1);
    import_rows(file, det, &stem(file), header, data, &loc, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_escapes_attributes_and_columns() {
        assert_eq!(
            unescape("a &amp; b &#233;&#x20AC; &bogus"),
            "a & b é€ &bogus"
        );
        assert_eq!(attr(r#"r="B3" t="s""#, "t"), Some("s"));
        assert_eq!(attr(r#"r="B3" t="s""#, "r"), Some("B3"));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("10"), None);
        assert!(read(b"not a zip", None).is_err());
    }
}
