//! Embedding Vigie in another site: which views can be embedded, the colours an embed accepts from its
//! URL, and the `<iframe>` snippet (with the few lines that let the host size the frame).

use crate::lang::Lang;

/// What an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    /// An indicator's KPI card: status, latest value, target, progress.
    Card,
    /// An indicator's chart with its summary.
    Chart,
    /// The programme's roll-up card.
    Programme,
}

impl EmbedKind {
    /// The embed route for an indicator id (ignored for the programme).
    pub fn path(self, id: &str) -> String {
        match self {
            EmbedKind::Card => format!("/embed/card/{id}"),
            EmbedKind::Chart => format!("/embed/chart/{id}"),
            EmbedKind::Programme => "/embed/programme".to_owned(),
        }
    }

    /// The embed a route shows, with its indicator id as written in the path (empty for the
    /// programme): the inverse of [`EmbedKind::path`]. `None` for any other path.
    pub fn of_path(path: &str) -> Option<(EmbedKind, &str)> {
        let rest = path.strip_prefix("/embed/")?;
        if rest.trim_end_matches('/') == "programme" {
            return Some((EmbedKind::Programme, ""));
        }
        let (kind, id) = rest.split_once('/')?;
        let kind = match kind {
            "card" => EmbedKind::Card,
            "chart" => EmbedKind::Chart,
            _ => return None,
        };
        let id = id.strip_suffix('/').unwrap_or(id);
        (!id.is_empty() && !id.contains('/')).then_some((kind, id))
    }

    /// A height that fits the view before the frame reports its own.
    pub fn initial_height(self) -> u32 {
        match self {
            EmbedKind::Card => 220,
            EmbedKind::Chart => 560,
            EmbedKind::Programme => 260,
        }
    }
}

/// The CSS colours an embed URL may set, as (URL parameter, CSS variable).
pub const COLOUR_PARAMS: [(&str, &str); 4] = [
    ("accent", "--accent"),
    ("bg", "--paper"),
    ("ink", "--ink"),
    ("wash", "--wash"),
];

/// A colour from a URL parameter: `#rgb`, `#rrggbb` (the `#` may be left out or written `%23`).
/// Anything else is refused, so a URL cannot inject CSS.
pub fn parse_colour(text: &str) -> Option<String> {
    let hex = text
        .trim()
        .trim_start_matches("%23")
        .trim_start_matches('#');
    ((hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// The `<iframe>` snippet a web team pastes in its page, plus a script that resizes the frame when the
/// embed reports its height (`postMessage` of `{type: "vigie:height", height}`).
pub fn snippet(
    origin: &str,
    kind: EmbedKind,
    id: &str,
    lang: Lang,
    accent: Option<&str>,
    title: &str,
) -> String {
    let mut src = format!("{origin}{}?lang={}", kind.path(id), lang.tag());
    if let Some(c) = accent.and_then(parse_colour) {
        src += &format!("&accent={}", c.trim_start_matches('#'));
    }
    let title = title
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" style=\"width:100%;border:0\" height=\"{h}\" loading=\"lazy\"></iframe>\n\
         <script>addEventListener(\"message\",function(e){{if(e.origin!==\"{origin}\"||!e.data||e.data.type!==\"vigie:height\")return;\
         document.querySelectorAll(\"iframe\").forEach(function(f){{if(f.contentWindow===e.source)f.style.height=e.data.height+\"px\"}})}});</script>",
        h = kind.initial_height()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_the_route_it_writes() {
        for kind in [EmbedKind::Card, EmbedKind::Chart] {
            for id in ["icc2-calls", "a.b_c", "é"] {
                assert_eq!(EmbedKind::of_path(&kind.path(id)), Some((kind, id)));
            }
        }
        let programme = EmbedKind::Programme.path("ignored");
        assert_eq!(
            EmbedKind::of_path(&programme),
            Some((EmbedKind::Programme, ""))
        );
        assert_eq!(
            EmbedKind::of_path("/embed/card/x/"),
            Some((EmbedKind::Card, "x"))
        );
        for other in [
            "/",
            "/embed/",
            "/embed/card/",
            "/embed/card",
            "/embed/card/a/b",
            "/embed/map/x",
            "/indicator/x",
            "/embed/programmes",
        ] {
            assert_eq!(EmbedKind::of_path(other), None, "{other}");
        }
    }

    #[test]
    fn accepts_only_hex_colours() {
        assert_eq!(parse_colour("005A9C").as_deref(), Some("#005a9c"));
        assert_eq!(parse_colour("%23fff").as_deref(), Some("#fff"));
        assert_eq!(parse_colour("#c0392b").as_deref(), Some("#c0392b"));
        for bad in ["red", "#12345", "12;background:url(x)", "", "#ggg"] {
            assert_eq!(parse_colour(bad), None, "{bad}");
        }
    }

    #[test]
    fn builds_a_snippet_with_the_route_language_colour_and_resizer() {
        let s = snippet(
            "https://vigie.example",
            EmbedKind::Card,
            "icc2-calls",
            Lang::Fr,
            Some("#c0392b"),
            "Appels \"2\"",
        );
        assert!(
            s.starts_with(
                "<iframe src=\"https://vigie.example/embed/card/icc2-calls?lang=fr&accent=c0392b\""
            ),
            "{s}"
        );
        assert!(s.contains("title=\"Appels &quot;2&quot;\""));
        assert!(s.contains("height=\"220\""));
        assert!(s.contains("e.origin!==\"https://vigie.example\"") && s.contains("vigie:height"));
        let p = snippet(
            "http://127.0.0.1:8080",
            EmbedKind::Programme,
            "",
            Lang::En,
            Some("bad;"),
            "P",
        );
        assert!(p.contains("/embed/programme?lang=en\""), "{p}");
    }
}
