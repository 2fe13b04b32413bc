//! Explanations: every KPI figure's formula, with the numbers put in, in French and English, and the
//! fixed words (statuses, reasons) of the KPI engine in both languages.
//!
//! The KPI engine keeps its own localized words here rather than in `i18n.rs`, so that a result can
//! be serialized with its explanation (for `vigie-check --json`) without a language being chosen.

use crate::format;
use crate::i18n::Lang;
use crate::model::Text;
use serde::Serialize;

/// A formula as written in the methodology and with the numbers of one result put in.
///
/// For example `symbolic` is "TA = 100 × (VA − VI) / (VC − VI)" and `numeric` is
/// "TA = 100 × (12 − 0) / (20 − 0) = 60 %"; both are ready to show, in each language.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Formula {
    pub symbolic: Text,
    pub numeric: Text,
}

impl Formula {
    /// Builds a formula whose numeric text is written once per language by `numeric`.
    pub fn new(symbolic_fr: &str, symbolic_en: &str, numeric: impl Fn(Lang) -> String) -> Formula {
        Formula {
            symbolic: Text::new(symbolic_fr, symbolic_en),
            numeric: both(numeric),
        }
    }

    /// The numeric text in a language.
    pub fn numeric_in(&self, lang: Lang) -> &str {
        pick(&self.numeric, lang)
    }

    /// The symbolic text in a language.
    pub fn symbolic_in(&self, lang: Lang) -> &str {
        pick(&self.symbolic, lang)
    }
}

/// The text of a `Text` in a language.
pub fn pick(text: &Text, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &text.fr,
        Lang::En if text.en.is_empty() => &text.fr,
        Lang::En => &text.en,
    }
}

/// A text written once per language.
pub fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        fr: f(Lang::Fr),
        en: f(Lang::En),
    }
}

/// A number with at most `max_decimals` decimals, trailing zeros dropped, in the locale's format
/// (`12`, `12,5`, `−0,0193`).
pub fn num(value: f64, max_decimals: u8, lang: Lang) -> String {
    let text = format::number(value, max_decimals, lang);
    let point = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    if text.contains(point) {
        let trimmed = text.trim_end_matches('0').trim_end_matches(point);
        if trimmed == "−0" {
            "0".to_owned()
        } else {
            trimmed.to_owned()
        }
    } else {
        text
    }
}

/// A percentage with at most one decimal: `60 %` in French, `60%` in English.
pub fn pct(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}%", num(value, 1, lang)),
        Lang::En => format!("{}%", num(value, 1, lang)),
    }
}

/// A year on the fractional-year axis, without thousands grouping and with at most two decimals
/// (`2026`, `2025,5` in French).
pub fn year(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text.to_owned(),
    }
}

/// A number in parentheses when negative, so that "5 − (−3)" reads right.
pub fn term(value: f64, max_decimals: u8, lang: Lang) -> String {
    let s = num(value, max_decimals, lang);
    if s.starts_with('−') {
        format!("({s})")
    } else {
        s
    }
}

/// A word of the KPI engine in both languages.
pub fn word(fr: &str, en: &str) -> Text {
    Text::new(fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros_per_locale() {
        assert_eq!(num(60.0, 1, Lang::Fr), "60");
        assert_eq!(num(12.5, 2, Lang::Fr), "12,5");
        assert_eq!(num(1234.5, 2, Lang::En), "1,234.5");
        assert_eq!(num(-0.0193, 4, Lang::Fr), "−0,0193");
        assert_eq!(num(-0.00001, 2, Lang::En), "0");
        assert_eq!(pct(60.0, Lang::Fr), "60\u{a0}%");
        assert_eq!(pct(33.333, Lang::En), "33.3%");
        assert_eq!(term(-3.0, 0, Lang::En), "(−3)");
        assert_eq!(year(2026.0, Lang::En), "2026");
        assert_eq!(year(2025.5, Lang::Fr), "2025,5");
    }

    #[test]
    fn formulas_carry_both_languages() {
        let f = Formula::new("a = b", "a = b", |l| format!("a = {}", num(1.5, 1, l)));
        assert_eq!(f.numeric_in(Lang::Fr), "a = 1,5");
        assert_eq!(f.numeric_in(Lang::En), "a = 1.5");
        assert_eq!(f.symbolic_in(Lang::En), "a = b");
    }
}
