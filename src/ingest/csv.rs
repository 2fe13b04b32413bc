//! A small RFC 4180 CSV reader that keeps the line and column of every field.

use super::Problem;

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

/// Splits `text` into records. Handles a UTF-8 BOM, CRLF or LF line ends, quoted fields with
/// doubled quotes and newlines inside. Blank lines are skipped. An unterminated quote is a problem.
pub fn read(file: &str, text: &str, delimiter: char) -> Result<Vec<Record>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    let mut field = String::new();
    let (mut line, mut column) = (1usize, 1usize);
    let (mut field_line, mut field_column) = (1usize, 1usize);
    let mut record_line = 1usize;
    let mut in_quotes = false;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                    column += 2;
                    continue;
                }
                '"' => in_quotes = false,
                '\n' => {
                    field.push('\n');
                    line += 1;
                    column = 1;
                    continue;
                }
                _ => field.push(c),
            }
            column += 1;
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                in_quotes = true;
                quoted = true;
            }
            '"' => {
                return Err(Problem::at(
                    file,
                    line,
                    column,
                    "\"",
                    "a quote only at the start of a field",
                ));
            }
            c if c == delimiter => {
                fields.push(Field {
                    text: std::mem::take(&mut field),
                    line: field_line,
                    column: field_column,
                });
                quoted = false;
                field_line = line;
                field_column = column + 1;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(
                    &mut records,
                    &mut fields,
                    &mut field,
                    record_line,
                    field_line,
                    field_column,
                    quoted,
                );
                quoted = false;
                line += 1;
                column = 1;
                field_line = line;
                field_column = 1;
                record_line = line;
                continue;
            }
            _ => field.push(c),
        }
        column += 1;
    }
    if in_quotes {
        return Err(Problem::at(
            file,
            field_line,
            field_column,
            "\"",
            "a closing quote before the end of the file",
        ));
    }
    end_record(
        &mut records,
        &mut fields,
        &mut field,
        record_line,
        field_line,
        field_column,
        quoted,
    );
    Ok(records)
}

fn end_record(
    records: &mut Vec<Record>,
    fields: &mut Vec<Field>,
    field: &mut String,
    record_line: usize,
    field_line: usize,
    field_column: usize,
    quoted: bool,
) {
    if fields.is_empty() && field.is_empty() && !quoted {
        return;
    }
    fields.push(Field {
        text: std::mem::take(field),
        line: field_line,
        column: field_column,
    });
    records.push(Record {
        line: record_line,
        fields: std::mem::take(fields),
    });
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
        assert!(err.expected.contains("closing quote"));
    }

    #[test]
    fn locates_a_stray_quote() {
        let err = read("bad.csv", "a,b\n1,x\"y\n", ',').unwrap_err();
        assert_eq!((err.line, err.column), (2, 4));
    }
}
