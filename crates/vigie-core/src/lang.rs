//! The page language (French by default, English) and picking a bilingual text in it. The language
//! tables themselves (`i18n`) sit above every other module; this one sits below them all but `model`.
//!
//! `lang` never depends on anything but `model::Text`.

use crate::model::Text;
use serde::{Deserialize, Serialize};

/// The page language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a tag (`fr`, `en`, `en-GB`…); anything else is French.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The text in this language, falling back to French when the English is empty.
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::En if !text.en.is_empty() => &text.en,
            _ => &text.fr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_with_french_fallback() {
        let t = Text::new("Cible", "");
        assert_eq!(Lang::En.pick(&t), "Cible");
        assert_eq!(Lang::En.pick(&Text::new("Cible", "Target")), "Target");
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::Fr);
        assert_eq!(Lang::default(), Lang::Fr);
    }
}
