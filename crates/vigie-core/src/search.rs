//! Search over a dataset's axes, projects and indicators: every word of a query, folded (lower case,
//! no accents: `emissions` finds `Émissions`, `co2` finds `CO₂`), is looked for in their ids, names,
//! units and definitions in French and English; hits are ranked by where the words were found.
//!
//! `search` depends on `model` only: the index is built once per dataset and answers each keystroke
//! without allocating per entry.

use crate::model::Dataset;

/// What a hit points to; `index` is its position in the dataset's `axes`, `projects` or `indicators`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Axis(usize),
    Project(usize),
    Indicator(usize),
}

/// A hit: what was found and how well it matched (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: u32,
    /// Whether every word was found in the id or the names (else some only in the rest: units,
    /// definitions, descriptions, source).
    pub in_name: bool,
}

/// The hits of a query: the best `limit` of them, best first, and how many there were in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hits {
    pub best: Vec<Hit>,
    pub total: usize,
}

/// One searchable thing, its fields folded once.
#[derive(Debug, Clone)]
struct Entry {
    target: Target,
    /// The id, folded.
    id: String,
    /// The names in French and English, folded, separated by a newline.
    name: String,
    /// The units, definitions (both languages) and, for an indicator, its source, folded.
    rest: String,
}

/// The folded fields of every axis, project and indicator of a dataset, in that order.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

// How much a query word scores by where it is found; an entry scores the sum over the query's words.
const ID_EXACT: u32 = 100;
const ID_START: u32 = 60;
const NAME_WORD: u32 = 40;
const NAME_INSIDE: u32 = 20;
const REST_WORD: u32 = 10;
const REST_INSIDE: u32 = 5;

impl SearchIndex {
    /// Folds the searchable fields of `dataset` once.
    pub fn new(dataset: &Dataset) -> SearchIndex {
        let both = |t: &crate::model::Text| {
            let mut s = fold(&t.fr);
            if !t.en.is_empty() && t.en != t.fr {
                s.push('\n');
                s.push_str(&fold(&t.en));
            }
            s
        };
        let mut entries = Vec::with_capacity(
            dataset.axes.len() + dataset.projects.len() + dataset.indicators.len(),
        );
        for (i, a) in dataset.axes.iter().enumerate() {
            entries.push(Entry {
                target: Target::Axis(i),
                id: fold(&a.id),
                name: both(&a.name),
                rest: both(&a.description),
            });
        }
        for (i, p) in dataset.projects.iter().enumerate() {
            entries.push(Entry {
                target: Target::Project(i),
                id: fold(&p.id),
                name: both(&p.name),
                rest: String::new(),
            });
        }
        for (i, ind) in dataset.indicators.iter().enumerate() {
            let mut rest = both(&ind.unit);
            for more in [both(&ind.definition), fold(&ind.source)] {
                if !more.is_empty() {
                    rest.push('\n');
                    rest.push_str(&more);
                }
            }
            entries.push(Entry {
                target: Target::Indicator(i),
                id: fold(&ind.id),
                name: both(&ind.name),
                rest,
            });
        }
        SearchIndex { entries }
    }

    /// How many things the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The things every word of `query` is found in, best first (at most `limit` of them), and how
    /// many there were. An empty query (or one of separators only) finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Hits {
        self.search_typing(query, limit, &mut Typing::default())
    }

    /// `search`, for a person typing: when `query` only adds to the query before it (`typing`
    /// remembers it), the things it can find are among those the previous one found, and only those
    /// are looked at again. The hits are the same as `search`'s.
    pub fn search_typing(&self, query: &str, limit: usize, typing: &mut Typing) -> Hits {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            *typing = Typing::default();
            return Hits::default();
        }
        let narrows = typing.narrows_to(&words);
        let score = |i: usize| {
            let e = self.entries.get(i)?;
            let (mut score, mut in_name) = (0, true);
            for w in &words {
                let (s, named) = word_score(e, w)?;
                score += s;
                in_name &= named;
            }
            Some((
                i,
                Hit {
                    target: e.target,
                    score,
                    in_name,
                },
            ))
        };
        let found: Vec<(usize, Hit)> = if narrows {
            typing
                .found
                .iter()
                .filter_map(|&i| score(i as usize))
                .collect()
        } else {
            (0..self.entries.len()).filter_map(score).collect()
        };
        typing.words = words.iter().map(|w| (*w).to_owned()).collect();
        typing.found = found.iter().map(|(i, _)| *i as u32).collect();
        Hits {
            best: best_of(found.iter().map(|(_, h)| *h), limit),
            total: found.len(),
        }
    }
}

/// The `limit` best of `hits`, best first; equal scores keep their order. (A person sees a few: a
/// small insertion list, no sort of every hit.)
fn best_of(hits: impl Iterator<Item = Hit>, limit: usize) -> Vec<Hit> {
    let mut best: Vec<Hit> = Vec::with_capacity(limit + 1);
    for h in hits {
        if best.len() == limit && best.last().is_none_or(|b| b.score >= h.score) {
            continue;
        }
        let at = best
            .iter()
            .position(|b| b.score < h.score)
            .unwrap_or(best.len());
        best.insert(at, h);
        best.truncate(limit);
    }
    best
}

/// What the last query of a person typing found: its folded words and the entries they were all in.
#[derive(Debug, Clone, Default)]
pub struct Typing {
    words: Vec<String>,
    found: Vec<u32>,
}

impl Typing {
    /// Whether everything `words` can find is among what the last query found: each of its words
    /// but the last is the same, the last is lengthened (`por` → `port`), and more words may follow.
    fn narrows_to(&self, words: &[&str]) -> bool {
        let Some((last, before)) = self.words.split_last() else {
            return false;
        };
        words.len() >= self.words.len()
            && before.iter().zip(words).all(|(a, b)| a == b)
            && words[before.len()].starts_with(last.as_str())
    }
}

/// What one query word scores in an entry and whether it was found in the id or the names, or
/// `None` if it is found nowhere in it.
fn word_score(e: &Entry, w: &str) -> Option<(u32, bool)> {
    let id = if e.id == w {
        ID_EXACT
    } else if e.id.starts_with(w) {
        ID_START
    } else {
        0
    };
    let name = found(&e.name, w).map_or(0, |start| if start { NAME_WORD } else { NAME_INSIDE });
    let rest = if id == 0 && name == 0 {
        found(&e.rest, w).map_or(0, |start| if start { REST_WORD } else { REST_INSIDE })
    } else {
        0
    };
    let inside_id = if id == 0 && name == 0 && rest == 0 && e.id.contains(w) {
        REST_INSIDE
    } else {
        0
    };
    let score = id + name + rest + inside_id;
    (score > 0).then_some((score, id + name + inside_id > 0))
}

/// Whether `w` is in `field`: `Some(true)` when one occurrence starts a word, `Some(false)` when it
/// is only inside words, `None` when it is absent.
fn found(field: &str, w: &str) -> Option<bool> {
    let bytes = field.as_bytes();
    let mut inside = false;
    for (at, _) in field.match_indices(w) {
        if at == 0 || matches!(bytes[at - 1], b' ' | b'\n') {
            return Some(true);
        }
        inside = true;
    }
    inside.then_some(false)
}

/// `text` in lower case without accents, its separators (spaces, punctuation, dashes, quotes) turned
/// into single spaces: the form both the index and the query are compared in. Sub- and superscript
/// digits become digits (`CO₂` → `co2`), ligatures their letters (`œ` → `oe`); combining accents (a
/// decomposed `é`) are dropped. Symbols such as `%` or `€` stay.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().map(lower) {
        fold_char(c, &mut out, &mut space);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `fold(text)` and, for each of its bytes, the byte offset in `text` of the character it came from.
fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut space = true;
    for (at, original) in text.char_indices() {
        fold_char(lower(original), &mut out, &mut space);
        from.resize(out.len(), at);
    }
    (out, from)
}

/// `c` in lower case for the Latin (ASCII, Latin-1 and Latin Extended-A), Greek and Cyrillic
/// letters; any other character as it is. The standard library's `to_lowercase` would carry
/// Unicode's whole case table, 11 KB of the page's wasm, for scripts no indicator file here uses.
fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5a => u + 0x20,
        0xc0..=0xde if u != 0xd7 => u + 0x20,
        0x100..=0x137 | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        0x386 => 0x3ac,
        0x388..=0x38a => u + 0x25,
        0x38c => 0x3cc,
        0x38e..=0x38f => u + 0x3f,
        0x391..=0x3ab if u != 0x3a2 => u + 0x20,
        0x410..=0x42f => u + 0x20,
        0x400..=0x40f => u + 0x50,
        0x1e9e => 0xdf,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Appends the folded form of `c` (already in lower case) to `out`; `space` says whether `out` ends
/// with a separator (or is empty), so that separators collapse into one space.
fn fold_char(c: char, out: &mut String, space: &mut bool) {
    {
        let mapped: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'æ' => "ae",
            'œ' => "oe",
            'ß' => "ss",
            'þ' => "th",
            '₀' | '⁰' => "0",
            '₁' | '¹' => "1",
            '₂' | '²' => "2",
            '₃' | '³' => "3",
            '₄' | '⁴' => "4",
            '₅' | '⁵' => "5",
            '₆' | '⁶' => "6",
            '₇' | '⁷' => "7",
            '₈' | '⁸' => "8",
            '₉' | '⁹' => "9",
            // Combining accents (text in decomposed form) carry nothing to compare.
            '\u{300}'..='\u{36f}' => "",
            c if c.is_whitespace() || is_separator(c) => " ",
            _ => {
                out.push(c);
                *space = false;
                return;
            }
        };
        if mapped == " " {
            if !*space {
                out.push(' ');
                *space = true;
            }
        } else if !mapped.is_empty() {
            out.push_str(mapped);
            *space = false;
        }
    }
}

/// A piece of `text` about `width` characters long around the first place a word of `query` is
/// found in it (as `search` finds words: folded), cut at spaces, with `…` where it was cut; `None`
/// when no word of the query is in `text`. It tells a person why a hit was found when the word is
/// in a definition rather than in the name.
pub fn excerpt(text: &str, query: &str, width: usize) -> Option<String> {
    let (folded, from) = fold_mapped(text);
    let q = fold(query);
    let at = q
        .split(' ')
        .filter(|w| !w.is_empty())
        .filter_map(|w| folded.find(w))
        .min()?;
    let hit = from[at];
    // Up to a third of the width before the word, the rest after it, on character boundaries.
    let before: Vec<usize> = text[..hit].char_indices().map(|(i, _)| i).collect();
    let mut start = before.len().checked_sub(width / 3).map_or(0, |k| before[k]);
    let mut end = text[hit..]
        .char_indices()
        .nth(width - width / 3)
        .map_or(text.len(), |(i, _)| hit + i);
    if start > 0 {
        // Begin after a space, so no word is cut.
        if let Some(sp) = text[start..hit].find(' ') {
            start += sp + 1;
        }
    }
    if end < text.len() {
        if let Some(sp) = text[hit..end].rfind(' ') {
            end = hit + sp;
        }
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    Some(out)
}

/// Punctuation that separates words: ASCII punctuation but `%`, and the quotes, dashes and dots of
/// typeset French and English.
fn is_separator(c: char) -> bool {
    (c.is_ascii_punctuation() && c != '%')
        || matches!(
            c,
            '’' | '‘' | '«' | '»' | '“' | '”' | '–' | '—' | '…' | '·' | '•' | '\u{a0}' | '\u{202f}'
        )
}

/// A generated programme of any size, for the search benchmark and tests: bilingual names built from
/// realistic subjects, places and groups (with accents, apostrophes and `CO₂`), in three axes and
/// 32 projects. Deterministic: indicator `i`'s subject is `i % 12`, its place `(i / 12) % 8`, its
/// group `(i / 96) % 5`.
pub mod synthetic {
    use crate::model::{Axis, Dataset, Indicator, Project, Text};

    /// The subjects (French, English, unit in French, unit in English).
    pub const SUBJECTS: [(&str, &str, &str, &str); 12] = [
        ("Émissions de CO₂", "CO₂ emissions", "kt CO₂e", "kt CO₂e"),
        ("Part modale du rail", "Rail modal share", "%", "%"),
        ("Taux d’emploi", "Employment rate", "%", "%"),
        ("Consommation d’énergie", "Energy consumption", "GWh", "GWh"),
        ("Surface végétalisée", "Green area", "ha", "ha"),
        ("Trafic de conteneurs", "Container traffic", "EVP", "TEU"),
        (
            "Entreprises créées",
            "Businesses created",
            "entreprises",
            "businesses",
        ),
        (
            "Qualité de l’air (indice ATMO)",
            "Air quality (ATMO index)",
            "indice",
            "index",
        ),
        ("Déchets recyclés", "Recycled waste", "t", "t"),
        (
            "Fréquentation des transports en commun",
            "Public transport ridership",
            "voyages",
            "trips",
        ),
        ("Logements rénovés", "Homes renovated", "logements", "homes"),
        (
            "Production d’électricité renouvelable",
            "Renewable electricity output",
            "MWh",
            "MWh",
        ),
    ];

    /// The places (French, English).
    pub const PLACES: [(&str, &str); 8] = [
        (
            "de la zone industrialo-portuaire",
            "in the industrial port area",
        ),
        ("des communes littorales", "in coastal municipalities"),
        ("du centre-ville", "in the city centre"),
        ("des quartiers prioritaires", "in priority neighbourhoods"),
        ("de l’estuaire de la Seine", "in the Seine estuary"),
        ("du Havre", "in Le Havre"),
        ("de Fécamp", "in Fécamp"),
        ("de la métropole", "across the metropolis"),
    ];

    /// The groups (French, English); the first is the whole population.
    pub const GROUPS: [(&str, &str); 5] = [
        ("", ""),
        ("chez les femmes", "among women"),
        ("chez les moins de 25 ans", "among under-25s"),
        ("en hiver", "in winter"),
        ("par habitant", "per inhabitant"),
    ];

    /// A programme of `n` indicators.
    pub fn dataset(n: usize) -> Dataset {
        let axes = ["Port", "Ville", "Énergie"]
            .iter()
            .enumerate()
            .map(|(a, name)| Axis {
                id: format!("ax{}", a + 1),
                name: Text::new(name, name),
                description: Text::default(),
            })
            .collect();
        let projects = (0..32)
            .map(|p| Project {
                id: format!("ax{}-p{:02}", p % 3 + 1, p),
                axis: format!("ax{}", p % 3 + 1),
                name: Text::new(&format!("Projet {p}"), &format!("Project {p}")),
                ..Project::default()
            })
            .collect();
        let indicators = (0..n)
            .map(|i| {
                let (sfr, sen, ufr, uen) = SUBJECTS[i % 12];
                let (pfr, pen) = PLACES[(i / 12) % 8];
                let (gfr, gen) = GROUPS[(i / 96) % 5];
                let series = i / 480 + 1;
                let join = |parts: &[&str]| {
                    parts
                        .iter()
                        .filter(|p| !p.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let mut ind = Indicator::new(
                    &format!("ind-{i:04}"),
                    Text::new(
                        &join(&[sfr, pfr, gfr, &format!("(série {series})")]),
                        &join(&[sen, pen, gen, &format!("(series {series})")]),
                    ),
                );
                ind.project = format!("ax{}-p{:02}", i % 32 % 3 + 1, i % 32);
                ind.unit = Text::new(ufr, uen);
                ind.definition = Text::new(
                    &format!(
                        "Mesure annuelle publiée par l’observatoire territorial : {} {pfr}.",
                        sfr.to_lowercase()
                    ),
                    &format!(
                        "Yearly measure published by the territorial observatory: {} {pen}.",
                        sen.to_lowercase()
                    ),
                );
                ind.source = "Observatoire synthétique".into();
                ind
            })
            .collect();
        Dataset {
            axes,
            projects,
            indicators,
            ..Dataset::default()
        }
    }

    /// What a person types, one keystroke at a time, in the benchmark: names with and without their
    /// accents, in both languages, an id, a unit, and a word found nowhere.
    pub const QUERIES: [&str; 8] = [
        "émissions de co2 havre",
        "qualite de l air quartiers",
        "renewable electricity estuary",
        "port",
        "ind-4321",
        "taux d’emploi femmes",
        "GWh",
        "zzyzx",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Axis, Indicator, Project, Text};

    fn dataset() -> Dataset {
        let mut co2 = Indicator::new(
            "a3-co2",
            Text::new(
                "Émissions de CO₂ de la zone industrialo-portuaire",
                "CO₂ emissions of the industrial port area",
            ),
        );
        co2.project = "a3-demo".into();
        co2.unit = Text::new("kt CO₂e", "kt CO₂e");
        co2.definition = Text::new(
            "Émissions annuelles de gaz à effet de serre",
            "Yearly greenhouse-gas emissions",
        );
        let mut jobs = Indicator::new("a1-jobs", Text::new("Emplois créés", "Jobs created"));
        jobs.project = "a1-skills".into();
        jobs.unit = Text::new("emplois", "jobs");
        jobs.definition = Text::new(
            "Postes en équivalent temps plein",
            "Full-time equivalent posts",
        );
        let mut share =
            Indicator::new("a2-share", Text::new("Part modale du rail", "Rail's share"));
        share.unit = Text::new("%", "%");
        Dataset {
            axes: vec![Axis {
                id: "a3".into(),
                name: Text::new("Transition énergétique", "Energy transition"),
                description: Text::new("Décarboner le port", "Decarbonising the port"),
            }],
            projects: vec![
                Project {
                    id: "a1-skills".into(),
                    axis: "a1".into(),
                    name: Text::new("Compétences portuaires", "Port skills"),
                    ..Project::default()
                },
                Project {
                    id: "a3-demo".into(),
                    axis: "a3".into(),
                    name: Text::new("Démonstrateurs", "Demonstrators"),
                    ..Project::default()
                },
            ],
            indicators: vec![co2, jobs, share],
            ..Dataset::default()
        }
    }

    #[test]
    fn folds_case_accents_ligatures_subscripts_and_separators() {
        assert_eq!(fold("Émissions de CO₂"), "emissions de co2");
        assert_eq!(fold("  L’œuvre — « Très »  "), "l oeuvre tres");
        assert_eq!(fold("a3-co2"), "a3 co2");
        assert_eq!(fold("m³ / hab."), "m3 hab");
        // A decomposed é (e + combining acute) folds as the composed one.
        assert_eq!(fold("e\u{301}nergie"), fold("énergie"));
        assert_eq!(fold("Straße ÆØ"), "strasse aeo");
        assert_eq!(fold("50 %"), "50 %");
        assert_eq!(fold("?!"), "");
    }

    #[test]
    fn finds_by_name_in_either_language_without_accents_or_case() {
        let ds = dataset();
        let index = SearchIndex::new(&ds);
        assert_eq!(index.len(), 6);
        let first = |q: &str| index.search(q, 10).best.first().map(|h| h.target);
        assert_eq!(first("emissions"), Some(Target::Indicator(0)));
        assert_eq!(first("ÉMISSIONS"), Some(Target::Indicator(0)));
        assert_eq!(first("co2"), Some(Target::Indicator(0)));
        assert_eq!(first("jobs"), Some(Target::Indicator(1)));
        assert_eq!(first("emplois crees"), Some(Target::Indicator(1)));
        assert_eq!(first("energetique"), Some(Target::Axis(0)));
        assert_eq!(first("energy"), Some(Target::Axis(0)));
        assert_eq!(first("competences"), Some(Target::Project(0)));
        assert_eq!(index.search("", 10), Hits::default());
        assert_eq!(index.search(" - ", 10), Hits::default());
        assert_eq!(index.search("zzz", 10).total, 0);
    }

    #[test]
    fn finds_by_id_unit_and_definition() {
        let ds = dataset();
        let index = SearchIndex::new(&ds);
        let targets = |q: &str| -> Vec<Target> {
            index.search(q, 10).best.iter().map(|h| h.target).collect()
        };
        // The id, exactly and by its start; the id's parts (`a3-co2` is `a3` and `co2`).
        assert_eq!(targets("a3-co2"), vec![Target::Indicator(0)]);
        assert_eq!(targets("a1-jo"), vec![Target::Indicator(1)]);
        // A unit, and a symbol kept by folding.
        assert_eq!(targets("%"), vec![Target::Indicator(2)]);
        assert_eq!(targets("kt co2e"), vec![Target::Indicator(0)]);
        // A word of a definition only.
        assert_eq!(targets("greenhouse"), vec![Target::Indicator(0)]);
        assert!(!index.search("greenhouse", 10).best[0].in_name);
        assert!(index.search("emissions", 10).best[0].in_name);
        assert_eq!(targets("temps plein"), vec![Target::Indicator(1)]);
        // Every word must be found; one missing word leaves the entry out.
        assert_eq!(targets("emissions rail"), vec![]);
    }

    #[test]
    fn ranks_id_then_names_then_the_rest_and_counts_every_hit() {
        let ds = dataset();
        let index = SearchIndex::new(&ds);
        // `a3` is the axis's id exactly, the start of the project's and the indicator's ids.
        let hits = index.search("a3", 10);
        assert_eq!(hits.best[0].target, Target::Axis(0));
        assert!(hits.best[0].score > hits.best[1].score);
        // `port` starts a word of the axis's description (the rest), of a project's name and of
        // the indicator's English name, and is inside `portuaire`: names rank above the rest.
        let hits = index.search("port", 10);
        let order: Vec<Target> = hits.best.iter().map(|h| h.target).collect();
        assert_eq!(
            order,
            vec![Target::Project(0), Target::Indicator(0), Target::Axis(0)]
        );
        // The limit keeps the best; the total still counts every hit.
        let hits = index.search("port", 1);
        assert_eq!(hits.best.len(), 1);
        assert_eq!(hits.total, 3);
    }

    #[test]
    fn word_starts_are_told_from_insides() {
        assert_eq!(found("zone portuaire", "port"), Some(true));
        assert_eq!(found("aéroport", "port"), Some(false));
        assert_eq!(found("aeroport\nport", "port"), Some(true));
        assert_eq!(found("rail", "port"), None);
    }

    #[test]
    fn counts_over_a_generated_programme_match_its_construction() {
        let n = 5000;
        let ds = synthetic::dataset(n);
        let index = SearchIndex::new(&ds);
        assert_eq!(index.len(), 3 + 32 + n);
        let count = |f: &dyn Fn(usize) -> bool| (0..n).filter(|&i| f(i)).count();
        // CO₂ emissions in Le Havre: subject 0, place 5.
        assert_eq!(
            index.search("emissions co2 havre", 8).total,
            count(&|i| i % 12 == 0 && (i / 12) % 8 == 5)
        );
        // Air quality among women, typed without accents or apostrophe.
        assert_eq!(
            index.search("qualite de l air femmes", 8).total,
            count(&|i| i % 12 == 7 && (i / 96) % 5 == 1)
        );
        // An id finds itself, and only itself.
        let hits = index.search("ind-4321", 8);
        assert_eq!(hits.best[0].target, Target::Indicator(4321));
        assert_eq!(hits.total, 1);
        assert_eq!(index.search("zzyzx", 8).total, 0);
        for q in synthetic::QUERIES {
            let hits = index.search(q, 8);
            assert!(hits.best.len() <= 8 && hits.best.len() <= hits.total, "{q}");
        }
    }

    #[test]
    fn excerpts_show_where_a_word_was_found() {
        let text = "Émissions annuelles de gaz à effet de serre des sites industriels de la zone, en milliers de tonnes équivalent CO₂.";
        assert_eq!(
            excerpt(text, "milliers", 30).as_deref(),
            Some("…zone, en milliers de tonnes…")
        );
        // The word found first in the text leads; accents and case are ignored.
        assert_eq!(
            excerpt(text, "serre EMISSIONS", 30).as_deref(),
            Some("Émissions annuelles…")
        );
        assert_eq!(
            excerpt(text, "co2", 40).as_deref(),
            Some("…équivalent CO₂.")
        );
        assert_eq!(excerpt(text, "rail", 30), None);
        assert_eq!(excerpt("Court", "court", 30).as_deref(), Some("Court"));
    }

    #[test]
    fn typing_narrows_to_what_the_query_before_found_and_finds_the_same() {
        let ds = synthetic::dataset(2000);
        let index = SearchIndex::new(&ds);
        let mut typing = Typing::default();
        // Each keystroke of these, then a word replaced, a deletion and a new query: always what
        // a search from scratch finds.
        let mut typed = Vec::new();
        for q in synthetic::QUERIES {
            for (end, c) in q.char_indices() {
                typed.push(q[..end + c.len_utf8()].to_owned());
            }
        }
        typed
            .extend(["port havre", "port", "por", "fecamp femmes", "", "ind-00"].map(String::from));
        for q in &typed {
            assert_eq!(
                index.search_typing(q, 8, &mut typing),
                index.search(q, 8),
                "{q}"
            );
        }
        let narrows = |before: &[&str], after: &[&str]| {
            Typing {
                words: before.iter().map(|w| w.to_string()).collect(),
                found: Vec::new(),
            }
            .narrows_to(after)
        };
        assert!(narrows(&["por"], &["port"]));
        assert!(narrows(&["port"], &["port", "h"]));
        assert!(!narrows(&["port"], &["por"]));
        assert!(!narrows(&["port", "h"], &["port"]));
        assert!(!narrows(&["port", "h"], &["porte", "h"]));
        assert!(!narrows(&[], &["port"]));
    }

    #[test]
    fn lower_case_agrees_with_unicode_for_latin_greek_and_cyrillic() {
        let ranges = [0x20..0x250u32, 0x386..0x3cf, 0x400..0x460, 0x1e9e..0x1e9f];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut std = c.to_lowercase();
            let (one, more) = (std.next().unwrap(), std.next());
            // İ lowers to `i` and a combining dot; the rest of Latin Extended-B keeps its case.
            if more.is_some() || (0x180..0x250).contains(&(c as u32)) {
                continue;
            }
            assert_eq!(lower(c), one, "{c} U+{:04X}", c as u32);
        }
        assert_eq!(fold("ÀÉÎÕÜ ŒÆ ĞŁŚŽ ΑΘΩ ЖЯЁ"), "aeiou oeae glsz αθω жяё");
    }

    #[test]
    fn the_best_are_kept_in_order_with_ties_in_the_datasets_order() {
        let hit = |i: usize, score: u32| Hit {
            target: Target::Indicator(i),
            score,
            in_name: true,
        };
        let hits = [
            hit(0, 5),
            hit(1, 9),
            hit(2, 5),
            hit(3, 9),
            hit(4, 1),
            hit(5, 9),
        ];
        let order = |limit| -> Vec<usize> {
            best_of(hits.iter().copied(), limit)
                .iter()
                .map(|h| match h.target {
                    Target::Indicator(i) => i,
                    _ => unreachable!(),
                })
                .collect()
        };
        assert_eq!(order(4), vec![1, 3, 5, 0]);
        assert_eq!(order(10), vec![1, 3, 5, 0, 2, 4]);
        assert_eq!(order(0), Vec::<usize>::new());
    }
}
