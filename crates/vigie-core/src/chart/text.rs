//! What a chart says in words and in numbers: the one-sentence summary beside every chart (a canvas
//! alone is not accessible), the announcement of a focused point, and the CSV of the data shown.

use super::draw::{ChartView, IndicatorChart};
use crate::format;
use crate::lang::Lang;
use crate::model::Provenance;

fn value(v: f64, chart: &IndicatorChart, lang: Lang) -> String {
    let n = format::number(v, chart.precision, lang);
    if chart.unit.is_empty() {
        n
    } else {
        format!("{n} {}", chart.unit)
    }
}

/// One sentence: first and last values of each shown series with the change, then the target.
pub fn summary(chart: &IndicatorChart, view: &ChartView, lang: Lang) -> String {
    let mut parts = Vec::new();
    for (i, s) in chart.series.iter().enumerate() {
        let n = s.len();
        if !view.shows(i) || n == 0 {
            continue;
        }
        let (first, first_at) = (value(s.ys[0], chart, lang), s.label(0));
        let prefix = if chart.series.len() > 1 {
            format!("{} : ", s.name)
        } else {
            String::new()
        };
        if n == 1 {
            parts.push(match lang {
                Lang::Fr => format!("{prefix}une seule valeur, {first} en {first_at}"),
                Lang::En => format!("{prefix}a single value, {first} in {first_at}"),
            });
            continue;
        }
        let (last, last_at) = (value(s.ys[n - 1], chart, lang), s.label(n - 1));
        let change = if s.ys[0] != 0.0 {
            let pct = 100.0 * (s.ys[n - 1] - s.ys[0]) / s.ys[0].abs();
            let sign = if pct > 0.0 { "+" } else { "" };
            format!(" ({sign}{})", format::percent(pct, lang))
        } else {
            String::new()
        };
        parts.push(match lang {
            Lang::Fr => format!(
                "{prefix}de {first} en {first_at} à {last} en {last_at}{change}, {n} valeurs"
            ),
            Lang::En => format!(
                "{prefix}from {first} in {first_at} to {last} in {last_at}{change}, {n} values"
            ),
        });
    }
    let mut text = if parts.is_empty() {
        match lang {
            Lang::Fr => "Aucune valeur observée".to_owned(),
            Lang::En => "No observed value".to_owned(),
        }
    } else {
        let joined = parts.join(" ; ");
        let mut c = joined.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    if let Some((tx, ty)) = chart.target {
        text += &match lang {
            Lang::Fr => format!(" ; cible {} en {:.0}", value(ty, chart, lang), tx.floor()),
            Lang::En => format!("; target {} in {:.0}", value(ty, chart, lang), tx.floor()),
        };
    }
    text + "."
}

/// What a screen reader announces for point `index` of series `series`.
pub fn announce(chart: &IndicatorChart, series: usize, index: usize, lang: Lang) -> String {
    let Some(s) = chart.series.get(series) else {
        return String::new();
    };
    let Some(&y) = s.ys.get(index) else {
        return String::new();
    };
    let mut text = format!("{}, {} : {}", s.name, s.label(index), value(y, chart, lang));
    if let Some(flag) = s.flag(index) {
        text += &format!(" ({flag})");
    }
    if let Some(note) = s
        .info
        .get(index)
        .map(|p| p.note.as_str())
        .filter(|n| !n.is_empty())
    {
        text += &format!(". {note}");
    }
    text
}

/// One CSV cell, quoted when it must be; a text a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, and not a plain number) is neutralised the OWASP
/// way: a leading `'` makes it text, and the cell is quoted.
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && s.trim().parse::<f64>().map_or(true, |v| !v.is_finite());
    if formula {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The data shown (visible series, within the zoom) as CSV with a header; values use `.` decimals.
pub fn csv(chart: &IndicatorChart, view: &ChartView) -> String {
    let mut out = String::from("series,period,value,unit,provenance,flag,note\n");
    for (si, s) in chart.series.iter().enumerate() {
        if !view.shows(si) {
            continue;
        }
        for i in 0..s.len() {
            if view.x_range.as_ref().is_some_and(|r| !r.contains(&s.xs[i])) {
                continue;
            }
            let info = s.info.get(i);
            let provenance = match info.map(|p| p.provenance) {
                Some(Provenance::Report) => "report",
                Some(Provenance::Illustrative) => "illustrative",
                Some(Provenance::Imported) => "imported",
                None => "",
            };
            out += &format!(
                "{},{},{},{},{},{},{}\n",
                csv_field(&s.name),
                csv_field(&s.label(i)),
                s.ys[i],
                csv_field(&chart.unit),
                provenance,
                csv_field(s.flag(i).unwrap_or("")),
                csv_field(info.map_or("", |p| p.note.as_str()))
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{PointInfo, Series};

    fn info(label: &str, note: &str) -> PointInfo {
        PointInfo {
            label: label.into(),
            provenance: Provenance::Illustrative,
            flag: None,
            note: note.into(),
        }
    }

    fn chart() -> IndicatorChart {
        IndicatorChart {
            series: vec![Series {
                name: "CO₂".into(),
                xs: vec![2019.0, 2024.0],
                ys: vec![3200.0, 2650.0],
                info: vec![info("2019", ""), info("2024", "a, \"b\"")],
            }],
            target: Some((2030.0, 2000.0)),
            unit: "kt".into(),
            ..IndicatorChart::default()
        }
    }

    #[test]
    fn summarises_in_french_and_english() {
        let v = ChartView::default();
        assert_eq!(
            summary(&chart(), &v, Lang::Fr),
            "De 3\u{202f}200 kt en 2019 à 2\u{202f}650 kt en 2024 (−17\u{a0}%), 2 valeurs ; cible 2\u{202f}000 kt en 2030."
        );
        assert_eq!(
            summary(&chart(), &v, Lang::En),
            "From 3,200 kt in 2019 to 2,650 kt in 2024 (−17%), 2 values; target 2,000 kt in 2030."
        );
        assert_eq!(
            summary(&IndicatorChart::default(), &v, Lang::En),
            "No observed value."
        );
    }

    #[test]
    fn announces_a_point_with_its_note() {
        assert_eq!(
            announce(&chart(), 0, 1, Lang::En),
            "CO₂, 2024 : 2,650 kt. a, \"b\""
        );
        assert_eq!(announce(&chart(), 3, 1, Lang::En), "");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn formula_cells_are_neutralised_and_read_back_as_the_text_shown() {
        let hostile = [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ];
        let mut c = chart();
        c.series[0].name = hostile[0].into();
        c.unit = hostile[3].into();
        c.series[0].info[0].note = hostile[1].into();
        c.series[0].info[1].note = hostile[2].into();
        let text = csv(&c, &ChartView::default());
        let mut r = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(rows.len(), 2);
        for row in &rows {
            for cell in row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a cell a spreadsheet would run: {cell:?} in {text}"
                );
            }
            assert_eq!(row[0], format!("'{}", hostile[0]));
            assert_eq!(row[3], format!("'{}", hostile[3]));
        }
        assert_eq!(
            (rows[0][6].as_str(), rows[1][6].as_str()),
            ("'+1+1", "'-2+3")
        );
        for h in &hostile[4..] {
            assert_eq!(csv_field(h), format!("\"'{h}\""));
        }
        // Numbers, negative ones included, stay numbers.
        assert_eq!(csv_field("-3.5"), "-3.5");
        assert_eq!(csv_field("+2"), "+2");
    }

    #[test]
    fn exports_the_data_shown_as_csv() {
        let c = chart();
        let all = csv(&c, &ChartView::default());
        assert_eq!(all.lines().count(), 3);
        assert!(all.contains("CO₂,2024,2650,kt,illustrative,,\"a, \"\"b\"\"\""));
        let zoomed = csv(
            &c,
            &ChartView {
                x_range: Some(2023.0..2025.0),
                ..ChartView::default()
            },
        );
        assert_eq!(zoomed.lines().count(), 2);
        let hidden = csv(
            &c,
            &ChartView {
                hidden: vec![true],
                ..ChartView::default()
            },
        );
        assert_eq!(hidden.lines().count(), 1);
    }
}
