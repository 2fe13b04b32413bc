//! What the person may override on an import (`ImportOptions`, `IndicatorMeta`), their JSON form (the
//! worker's request, `vigie-check --options`), and applying the indicator metadata to what was read.
//! Reads no file.

use super::decode::Encoding;
use super::periods::DateOrder;
use super::roles::Role;
use crate::model::*;
use serde::{Deserialize, Serialize};

/// What the person may override; `None` keeps Vigie's guess. In JSON (the worker's request, and
/// `vigie-check --options`) a guess is an absent field, so that `null` can say "none" where a setting
/// can be turned off (`quote`, `thousands`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Encoding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<char>,
    /// `Some(None)` turns quoting off.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_off"
    )]
    pub quote: Option<Option<char>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decimal: Option<char>,
    /// `Some(None)`: no thousands separator.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_off"
    )]
    pub thousands: Option<Option<char>>,
    /// The header's 1-based line (everything before is preamble).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_markers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// Split Eurostat status flags glued to values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flags: Option<bool>,
    /// One role per column (after Eurostat key splitting), replacing the guesses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Role>>,
    /// Metadata for indicators of files that carry none.
    pub indicator: IndicatorMeta,
    /// When given, indicator ids outside this list are problems.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known_indicators: Option<Vec<String>>,
    /// Import anyway, skipping rows with problems (the person accepted them).
    pub accept_errors: bool,
    /// The XLSX worksheet to read (the first when `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

/// A setting that can be turned off: `null` is `Some(None)` (off), a value is `Some(Some(v))`; an
/// absent field stays `None` (Vigie's guess) through `#[serde(default)]`.
fn set_or_off<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// Name, unit, direction, baseline and target the person gives for a file without indicator metadata.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorMeta {
    pub name: Option<String>,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub baseline: Option<Milestone>,
    pub target: Option<Milestone>,
}

/// Applies what the person said about a file's indicators: the name (when the file holds one
/// indicator), unit, direction, baseline and target.
pub fn apply_meta(indicators: &mut [Indicator], m: &IndicatorMeta) {
    let single = indicators.len() == 1;
    for ind in indicators.iter_mut() {
        if let (Some(n), true) = (&m.name, single) {
            ind.name = Text::new(n, n);
        }
        if let Some(u) = &m.unit {
            ind.unit = Text::new(u, u);
        }
        if let Some(d) = m.direction {
            ind.direction = d;
        }
        if m.baseline.is_some() {
            ind.baseline = m.baseline;
        }
        if m.target.is_some() {
            ind.target = m.target;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::import::import;

    #[test]
    fn options_in_json_keep_a_setting_turned_off_apart_from_a_guess() {
        let off = ImportOptions {
            thousands: Some(None),
            quote: Some(Some('\'')),
            decimal: Some(','),
            ..ImportOptions::default()
        };
        let text = serde_json::to_string(&off).unwrap();
        // Guesses are absent; "no thousands separator" is an explicit null.
        assert!(
            text.contains(r#""thousands":null"#) && !text.contains("delimiter"),
            "{text}"
        );
        let back: ImportOptions = serde_json::from_str(&text).unwrap();
        assert_eq!(back.thousands, Some(None));
        assert_eq!(back.quote, Some(Some('\'')));
        assert_eq!(back.decimal, Some(','));
        assert_eq!(back.delimiter, None);
        let guess: ImportOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(guess.thousands, None);
        // Read with "no thousands separator", `1 200` is not a number; with the guess it is 1200.
        let csv = b"indicator;year;value\nx;2020;1 200\n";
        assert!(import("a.csv", csv, &guess).ok());
        assert!(!import("a.csv", csv, &back).ok());
    }
}
