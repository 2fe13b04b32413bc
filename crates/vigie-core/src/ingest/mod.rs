//! Ingestion: turning the bytes of a file into the domain model, with every problem located.
//!
//! Reading is two-step, low then high: `decode` and `csv` turn bytes into located records, `sniff` guesses
//! conventions, then a format reader (`table` for CSV/TSV/JSON tables, `datapackage` for Vigie's native
//! format) checks them against what it expects and builds a `Dataset`. `import` is the one entry point.

pub mod csv;
pub mod datapackage;
pub mod decode;
pub mod import;
pub mod meta;
pub mod number;
pub mod periods;
pub mod sniff;
pub mod table;
pub mod transfer;
pub mod xlsx;
pub mod zip;

pub use import::{
    companions_needed, import, import_with, Counts, Detected, Format, ImportOptions, ImportReport,
    IndicatorMeta,
};

use std::fmt;

/// One thing wrong with an input file, located so a person can find it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// The file's name or path as the person knows it.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when the problem concerns a whole line or file.
    pub column: usize,
    /// The text found there (shortened), if any.
    pub found: String,
    /// What was expected instead.
    pub expected: String,
}

impl Problem {
    /// A problem at a place in a file.
    pub fn at(
        file: &str,
        line: usize,
        column: usize,
        found: &str,
        expected: impl Into<String>,
    ) -> Problem {
        let mut found = found.to_owned();
        if found.chars().count() > 60 {
            found = found.chars().take(57).collect::<String>() + "…";
        }
        Problem {
            file: file.to_owned(),
            line,
            column,
            found,
            expected: expected.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": expected {}", self.expected)?;
        if !self.found.is_empty() {
            write!(f, ", found `{}`", self.found)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_line_column_expected_and_found() {
        let p = Problem::at("obs.csv", 3, 7, "abc", "a number");
        assert_eq!(p.to_string(), "obs.csv:3:7: expected a number, found `abc`");
        let whole = Problem::at(
            "datapackage.json",
            0,
            0,
            "",
            "a resource named `indicators`",
        );
        assert_eq!(
            whole.to_string(),
            "datapackage.json: expected a resource named `indicators`"
        );
    }
}
