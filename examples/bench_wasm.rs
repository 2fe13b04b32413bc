//! The wasm side of the browser benchmarks (`cargo xtask bench kpi|chart|search`): functions exported
//! to the bench page, which times them in headless Chromium next to their peers (uPlot; for search, the
//! same matching written in plain JavaScript). Natively this example does nothing.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::cell::RefCell;
    use vigie::chart::{draw_indicator, ChartStyle, ChartView, IndicatorChart, Series};
    use vigie::i18n::Lang;
    use vigie::ingest::datapackage::read_package;
    use vigie::kpi::{self, Options};
    use vigie::period::Date;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static CHART: RefCell<IndicatorChart> = RefCell::new(IndicatorChart::default());
    }

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    /// Generates `indicators` × `observations`, writes them as the native package's CSV, then times
    /// `runs` parses of that text and `runs` KPI evaluations. Returns JSON `{parse_ms, kpi_ms}`.
    #[wasm_bindgen]
    pub fn kpi_bench(indicators: usize, observations: usize, runs: usize) -> String {
        let ds = kpi::synthetic::dataset(indicators, observations, 2026);
        let files = kpi::synthetic::package_files(&ds);
        drop(ds);
        let descriptor = include_str!("../public/data/lhsm/datapackage.json");
        let opts = Options::as_of(Date {
            year: 2025,
            month: 6,
            day: 30,
        });
        let (mut parse_ms, mut kpi_ms) = (Vec::new(), Vec::new());
        let mut parsed = None;
        for _ in 0..runs {
            let t = now();
            parsed = read_package("datapackage.json", descriptor, &files).ok();
            parse_ms.push(now() - t);
        }
        let Some(ds) = parsed else {
            return "{\"error\":\"the generated package did not parse\"}".into();
        };
        let mut checksum = 0.0;
        for _ in 0..runs {
            let t = now();
            let e = kpi::evaluate(&ds, &opts);
            kpi_ms.push(now() - t);
            checksum += e.programme.progress.unwrap_or(0.0);
        }
        format!(
            "{{\"parse_ms\":{:?},\"kpi_ms\":{:?},\"observations\":{},\"checksum\":{checksum}}}",
            parse_ms,
            kpi_ms,
            ds.observations.len()
        )
    }

    /// Keeps a series for `chart_draw` (outside the timed part, as the app keeps its data in memory).
    #[wasm_bindgen]
    pub fn chart_load(xs: Vec<f64>, ys: Vec<f64>) {
        CHART.with(|c| {
            *c.borrow_mut() = IndicatorChart {
                series: vec![Series {
                    name: "bench".into(),
                    xs,
                    ys,
                    info: Vec::new(),
                }],
                ..IndicatorChart::default()
            }
        });
    }

    /// Draws the loaded series on `canvas` as the app does (LTTB to two points per pixel, then
    /// plotters-canvas); returns the number of points drawn.
    #[wasm_bindgen]
    pub fn chart_draw(canvas: web_sys::HtmlCanvasElement) -> usize {
        use plotters::prelude::*;
        let width = canvas.width() as usize;
        let Some(backend) = plotters_canvas::CanvasBackend::with_canvas_object(canvas) else {
            return 0;
        };
        let root = backend.into_drawing_area();
        let view = ChartView {
            max_points: width * 2,
            ..ChartView::default()
        };
        CHART.with(|c| {
            draw_indicator(&root, &c.borrow(), &view, Lang::En, &ChartStyle::default())
                .map_or(0, |m| m.points.len())
        })
    }
    /// Builds the search index of a generated programme of `indicators` indicators, then types each
    /// of `search::synthetic::QUERIES` one character at a time, `rounds` times, timing the search
    /// each keystroke runs as the search box runs it (narrowing) and from scratch. Returns JSON
    /// `{build_ms, keystroke_ms, scratch_ms, totals, queries}`.
    #[wasm_bindgen]
    pub fn search_bench(indicators: usize, rounds: usize) -> String {
        use vigie::search::{synthetic, SearchIndex, Typing};
        let ds = synthetic::dataset(indicators);
        let t = now();
        let index = SearchIndex::new(&ds);
        let build_ms = now() - t;
        let (mut times, mut scratch, mut totals) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..rounds {
            for q in synthetic::QUERIES {
                // As the search box does: each query starts from an empty box, and each keystroke
                // narrows what the one before found.
                let mut typing = Typing::default();
                for (end, c) in q.char_indices() {
                    let typed = &q[..end + c.len_utf8()];
                    let t = now();
                    let hits = index.search_typing(typed, 8, &mut typing);
                    times.push(now() - t);
                    // The same keystroke searched from scratch (every entry looked at).
                    let t = now();
                    let again = index.search(typed, 8);
                    scratch.push(now() - t);
                    if round == 0 {
                        assert_eq!(hits, again);
                        totals.push(hits.total);
                    }
                }
            }
        }
        let queries: Vec<String> = synthetic::QUERIES
            .iter()
            .map(|q| format!("{q:?}"))
            .collect();
        format!(
            "{{\"build_ms\":{build_ms},\"keystroke_ms\":{times:?},\"scratch_ms\":{scratch:?},\"totals\":{totals:?},\"queries\":[{}]}}",
            queries.join(",")
        )
    }

    /// The generated programme's searchable texts, for the JavaScript peer: JSON rows of id and
    /// names, units and definitions in French and English (axes and projects: id and names).
    #[wasm_bindgen]
    pub fn search_corpus(indicators: usize) -> String {
        let ds = vigie::search::synthetic::dataset(indicators);
        let mut rows: Vec<String> = Vec::new();
        let row = |fields: &[&str]| {
            let quoted: Vec<String> = fields.iter().map(|f| format!("{f:?}")).collect();
            format!("[{}]", quoted.join(","))
        };
        for a in &ds.axes {
            rows.push(row(&[&a.id, &a.name.fr, &a.name.en]));
        }
        for p in &ds.projects {
            rows.push(row(&[&p.id, &p.name.fr, &p.name.en]));
        }
        for i in &ds.indicators {
            rows.push(row(&[
                &i.id,
                &i.name.fr,
                &i.name.en,
                &i.unit.fr,
                &i.unit.en,
                &i.definition.fr,
                &i.definition.en,
                &i.source,
            ]));
        }
        format!("[{}]", rows.join(","))
    }
}

fn main() {}
