//! Explanations: every KPI figure's formula, with the numbers put in, in French and English, and the
//! fixed words (statuses, reasons) of the KPI engine in both languages.
//!
//! The KPI engine keeps its own localized words here rather than in `i18n.rs`, so that a result can
//! be serialized with its explanation (for `vigie-check --json`) without a language being chosen.

use crate::format;
use crate::lang::Lang;
use crate::model::Text;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;
use std::sync::Arc;

/// A formula as written in the methodology and with the numbers of one result put in.
///
/// For example the symbolic text is "TA = 100 × (VA − VI) / (VC − VI)" and the numeric text
/// "TA = 100 × (12 − 0) / (20 − 0) = 60 %", each in French and English. The numeric text is
/// written only when asked for (`numeric_in`, `numeric`, or serialization), so that computing many
/// results costs no formatting; serialized, a formula is `{"symbolic": {fr, en}, "numeric": {fr, en}}`.
#[derive(Clone, Default)]
pub struct Formula {
    symbolic: (&'static str, &'static str),
    render: Option<Arc<Render>>,
}

/// Writes a formula's numeric text in a language.
type Render = dyn Fn(Lang) -> String + Send + Sync;

impl Formula {
    /// A formula whose numeric text `numeric` writes in the language asked for; `numeric` keeps
    /// copies of the numbers it needs.
    pub fn new(
        symbolic_fr: &'static str,
        symbolic_en: &'static str,
        numeric: impl Fn(Lang) -> String + Send + Sync + 'static,
    ) -> Formula {
        Formula {
            symbolic: (symbolic_fr, symbolic_en),
            render: Some(Arc::new(numeric)),
        }
    }

    /// The formula with the numbers put in, in a language.
    pub fn numeric_in(&self, lang: Lang) -> String {
        self.render.as_ref().map_or_else(String::new, |r| r(lang))
    }

    /// The formula with the numbers put in, in both languages.
    pub fn numeric(&self) -> Text {
        both(|l| self.numeric_in(l))
    }

    /// The formula as written in the methodology, in a language.
    pub fn symbolic_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.symbolic.0,
            Lang::En => self.symbolic.1,
        }
    }

    /// The formula as written in the methodology, in both languages.
    pub fn symbolic(&self) -> Text {
        Text::new(self.symbolic.0, self.symbolic.1)
    }
}

impl PartialEq for Formula {
    fn eq(&self, other: &Formula) -> bool {
        self.symbolic == other.symbolic && self.numeric() == other.numeric()
    }
}

impl fmt::Debug for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Formula")
            .field("symbolic", &self.symbolic.1)
            .field("numeric", &self.numeric_in(Lang::En))
            .finish()
    }
}

impl Serialize for Formula {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut st = serializer.serialize_struct("Formula", 2)?;
        st.serialize_field("symbolic", &self.symbolic())?;
        st.serialize_field("numeric", &self.numeric())?;
        st.end()
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
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(
            json,
            r#"{"symbolic":{"fr":"a = b","en":"a = b"},"numeric":{"fr":"a = 1,5","en":"a = 1.5"}}"#
        );
        assert_eq!(Formula::default().numeric_in(Lang::Fr), "");
    }
}
