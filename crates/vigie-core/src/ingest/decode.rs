//! Decoding: turns the bytes of a file into text, detecting UTF-8 (with or without BOM), UTF-16 and
//! UTF-32 (with BOM) and falling back to Windows-1252 (a superset of Latin-1 for printable text) when bytes are not UTF-8.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The character encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
    Windows1252,
}

impl Encoding {
    /// A short name for people.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Utf32Le => "UTF-32 LE",
            Encoding::Utf32Be => "UTF-32 BE",
            Encoding::Windows1252 => "Windows-1252 / Latin-1",
        }
    }
}

/// The characters of bytes 0x80..0x9F in Windows-1252; the rest of the upper half is Latin-1.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes `bytes` with `forced` when given, else with the detected encoding. Never fails: bytes
/// that cannot be decoded become U+FFFD only in UTF-16 (Windows-1252 maps every byte). Valid UTF-8
/// is borrowed, not copied: a file of tens of megabytes is not duplicated before it is read.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> (Cow<'_, str>, Encoding) {
    // The common case, UTF-8 without a byte-order mark, validated once.
    if forced.is_none()
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
        && !bytes.starts_with(b"\0\0\xFE\xFF")
    {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return (Cow::Borrowed(s), Encoding::Utf8);
        }
    }
    let enc = forced.unwrap_or_else(|| detect(bytes));
    let text = match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            String::from_utf8_lossy(body)
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let body = bytes.get(2..).unwrap_or_default();
            let units = body.chunks_exact(2).map(|c| {
                if enc == Encoding::Utf16Le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            Cow::Owned(
                char::decode_utf16(units)
                    .map(|r| r.unwrap_or('\u{FFFD}'))
                    .collect(),
            )
        }
        Encoding::Utf32Le | Encoding::Utf32Be => {
            let body = bytes.get(4..).unwrap_or_default();
            let text: String = body
                .chunks_exact(4)
                .map(|c| {
                    let c = [c[0], c[1], c[2], c[3]];
                    let u = if enc == Encoding::Utf32Le {
                        u32::from_le_bytes(c)
                    } else {
                        u32::from_be_bytes(c)
                    };
                    char::from_u32(u).unwrap_or('\u{FFFD}')
                })
                .collect();
            Cow::Owned(text)
        }
        Encoding::Windows1252 => Cow::Owned(bytes.iter().map(|&b| cp1252(b)).collect()),
    };
    (text, enc)
}

/// Guesses the encoding from a byte-order mark, then from UTF-8 validity.
pub fn detect(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8Bom
    } else if bytes.starts_with(b"\xFF\xFE\0\0") {
        Encoding::Utf32Le
    } else if bytes.starts_with(b"\0\0\xFE\xFF") {
        Encoding::Utf32Be
    } else if bytes.starts_with(b"\xFF\xFE") {
        Encoding::Utf16Le
    } else if bytes.starts_with(b"\xFE\xFF") {
        Encoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Windows1252
    }
}

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Whether the bytes look binary (NUL bytes outside UTF-16 and UTF-32), which no text reader should accept.
pub fn looks_binary(bytes: &[u8], enc: Encoding) -> bool {
    if matches!(
        enc,
        Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Utf32Le | Encoding::Utf32Be
    ) {
        return false;
    }
    bytes.contains(&0)
}

/// The 1-based line and column (in characters) of the first NUL character of a decoded text.
pub fn first_nul(text: &str) -> Option<(usize, usize)> {
    let at = text.find('\0')?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    Some((line, text[start..at].chars().count() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_boms_utf8_and_windows_1252() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa;b", None),
            ("a;b".into(), Encoding::Utf8Bom)
        );
        assert_eq!(decode("é".as_bytes(), None), ("é".into(), Encoding::Utf8));
        assert_eq!(
            decode(b"C\x9Cur \xE9t\xE9 \x80", None),
            ("Cœur été €".into(), Encoding::Windows1252)
        );
        assert_eq!(
            decode(b"\xFF\xFEa\0b\0", None),
            ("ab".into(), Encoding::Utf16Le)
        );
        assert_eq!(decode(b"\xFE\xFF\0a\0", None).0, "a");
        assert_eq!(
            decode(b"\xFF\xFE\0\0a\0\0\0\xe9\0\0\0", None),
            ("aé".into(), Encoding::Utf32Le)
        );
        assert_eq!(decode(b"\0\0\xFE\xFF\0\0\0a", None).0, "a");
        assert_eq!(first_nul("ab\ncd\0"), Some((2, 3)));
        assert_eq!(first_nul("abc"), None);
    }
}
