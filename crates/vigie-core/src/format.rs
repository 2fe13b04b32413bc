//! Number formatting per locale: `1 234,5` in French, `1,234.5` in English.

use crate::lang::Lang;

/// Formats `value` with `decimals` digits after the separator, grouping thousands as the locale does.
/// French groups with a narrow no-break space (U+202F) and uses a decimal comma.
pub fn number(value: f64, decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals as usize, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    let negative = value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    if negative {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A percentage with no decimals: `42 %` in French, `42%` in English.
pub fn percent(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}%", number(value, 0, lang)),
        Lang::En => format!("{}%", number(value, 0, lang)),
    }
}

/// A number as a person types it in a form, in French or English: spaces (also no-break and narrow
/// no-break) as thousands separators, a comma or a point as the decimal mark. `None` for anything
/// else, or for a value that is not finite. (Files are read by `ingest::number`, which detects and
/// checks a file's conventions; this is for one value typed by hand.)
pub fn typed_number(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect::<String>()
        .replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {

    #[test]
    fn typed_numbers_read_french_and_english_writing() {
        assert_eq!(typed_number(" 1 234,5 "), Some(1234.5));
        assert_eq!(typed_number("12\u{202f}000.25"), Some(12000.25));
        assert_eq!(typed_number("1\u{a0}000"), Some(1000.0));
        assert_eq!(typed_number("-3"), Some(-3.0));
        assert_eq!(typed_number("trois"), None);
        assert_eq!(typed_number("inf"), None);
        assert_eq!(typed_number(""), None);
    }

    use super::*;

    #[test]
    fn formats_french_and_english() {
        assert_eq!(number(1234.5, 1, Lang::Fr), "1\u{202f}234,5");
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(number(1_234_567.0, 0, Lang::En), "1,234,567");
        assert_eq!(number(999.0, 0, Lang::Fr), "999");
        assert_eq!(number(-12.25, 2, Lang::Fr), "−12,25");
        assert_eq!(number(-0.001, 1, Lang::En), "0.0");
        assert_eq!(number(f64::NAN, 1, Lang::En), "–");
        assert_eq!(percent(42.4, Lang::Fr), "42\u{a0}%");
        assert_eq!(percent(42.6, Lang::En), "43%");
    }
}
