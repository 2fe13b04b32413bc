//! The interactive chart: a canvas drawn by the core's `chart::draw_indicator` through
//! plotters-canvas, with hover tooltip and crosshair, keyboard focus announced through aria-live,
//! drag and wheel zoom, presets, legend toggles, line/bar switch, PNG/SVG/CSV downloads and a text
//! summary. Pixel ↔ data conversions and hit-testing come from the core (`Mapping`, `chart::hit`).

use super::use_lang;
use crate::chart::hit::{nearest, step_focus, DrawnPoint};
use crate::chart::text::{announce, csv, summary};
use crate::chart::{draw_indicator, ChartKind, ChartStyle, ChartView, IndicatorChart, Mapping};
use crate::format;
use crate::i18n::Lang;
use crate::web::device_pixel_ratio;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use std::ops::Range;

const CSS_HEIGHT: f64 = 360.0;

/// A time range that several charts share (the compare page): `full` is what each chart shows when
/// reset, `shown` what they all show now. A zoom, a preset or a reset on any of them moves them all.
#[derive(Clone, Copy)]
pub struct Linked {
    pub full: StoredValue<Range<f64>>,
    pub shown: RwSignal<Range<f64>>,
}

impl Linked {
    /// Charts that start on `full`.
    pub fn new(full: Range<f64>) -> Linked {
        Linked {
            full: StoredValue::new(full.clone()),
            shown: RwSignal::new(full),
        }
    }
}
/// How far (CSS pixels) from a point the pointer may be for its tooltip to show.
const HOVER_RADIUS: f64 = 40.0;

#[component]
pub fn ChartPanel(
    chart: IndicatorChart,
    label: String,
    file_stem: String,
    /// The range this chart shares with others, if any.
    #[prop(default = None)]
    linked: Option<Linked>,
) -> impl IntoView {
    let lang = use_lang();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let chart = StoredValue::new(chart);
    let mut first = chart.with_value(ChartView::for_chart);
    if let Some(l) = linked {
        first.x_range = Some(l.shown.get_untracked());
    }
    let view = RwSignal::new(first);
    if let Some(l) = linked {
        // This chart's zoom becomes the shared one (a reset is the shared full range)…
        Effect::new(move |_| match view.with(|v| v.x_range.clone()) {
            None => view.update(|v| v.x_range = Some(l.full.get_value())),
            Some(mine) if l.shown.get_untracked() != mine => l.shown.set(mine),
            Some(_) => {}
        });
        // …and the shared one becomes this chart's.
        Effect::new(move |_| {
            let shared = l.shown.get();
            if view.with_untracked(|v| v.x_range.as_ref() != Some(&shared)) {
                view.update(|v| v.x_range = Some(shared));
            }
        });
    }
    let summary_id = format!("chart-summary-{file_stem}");
    let mapping: StoredValue<Option<Mapping>> = StoredValue::new(None);
    let hover = RwSignal::new(None::<DrawnPoint>);
    let focus = RwSignal::new(None::<usize>);
    let drag = RwSignal::new(None::<(f64, f64)>);
    let resized = RwSignal::new(0u32);
    let live = RwSignal::new(String::new());
    let range_text = RwSignal::new(String::new());
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());

    // Redraw whenever the language, the view or the size changes.
    Effect::new(move |_| {
        let l = lang.get();
        let v = view.get();
        resized.track();
        if let Some(c) = canvas.get() {
            let m = chart.with_value(|chart| draw(&c, chart, &v, l));
            range_text.set(
                m.as_ref()
                    .map(|m| format!("{:.3}..{:.3}", m.data_x.start, m.data_x.end))
                    .unwrap_or_default(),
            );
            mapping.set_value(m);
            hover.set(None);
            focus.set(None);
        }
    });

    let dpr = device_pixel_ratio;
    let css_to_canvas = move |x: f64, y: f64| (x * dpr(), y * dpr());
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        if let Some((start, _)) = drag.get_untracked() {
            drag.set(Some((start, x)));
            return;
        }
        let (cx, cy) = css_to_canvas(x, y);
        let found = mapping.with_value(|m| {
            m.as_ref()
                .and_then(|m| nearest(&m.points, (cx, cy), HOVER_RADIUS * dpr(), 0.35))
        });
        hover.set(found);
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() == 0 {
            drag.set(Some((f64::from(ev.offset_x()), f64::from(ev.offset_x()))));
        }
    };
    let on_up = move |_ev: leptos::ev::PointerEvent| {
        if let Some((a, b)) = drag.get_untracked() {
            drag.set(None);
            mapping.with_value(|m| {
                if let Some(m) = m {
                    let mut v = view.get_untracked();
                    if v.select(a, b, |px| m.x_of(px * dpr())) {
                        view.set(v);
                    }
                }
            });
        }
    };
    let on_leave = move |_ev: leptos::ev::PointerEvent| {
        if drag.get_untracked().is_none() {
            hover.set(None);
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let center_px = f64::from(ev.offset_x()) * dpr();
        let shown =
            mapping.with_value(|m| m.as_ref().map(|m| (m.data_x.clone(), m.x_of(center_px))));
        if let Some((range, center)) = shown {
            view.update(|v| v.zoom_around(range, center, ev.delta_y()));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let len = mapping.with_value(|m| m.as_ref().map_or(0, |m| m.points.len()));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => step_focus(len, focus.get_untracked(), 1),
            "ArrowLeft" | "ArrowDown" => step_focus(len, focus.get_untracked(), -1),
            "Home" => step_focus(len, None, 1),
            "End" => step_focus(len, None, -1),
            "Escape" => {
                focus.set(None);
                hover.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        focus.set(next);
        let point = next.and_then(|i| {
            mapping.with_value(|m| m.as_ref().and_then(|m| m.points.get(i).copied()))
        });
        hover.set(point);
        if let Some(p) = point {
            live.set(chart.with_value(|c| announce(c, p.series, p.index, lang.get_untracked())));
        }
    };
    let tooltip = move || {
        let l = lang.get();
        let p = hover.get()?;
        let (left, top) = (p.px / dpr(), p.py / dpr());
        chart.with_value(|c| {
            let series = c.series.get(p.series)?;
            let y = *series.ys.get(p.index)?;
            let info = series.info.get(p.index);
            let value = format::number(y, c.precision, l);
            let provenance = info.map(|i| l.strings().provenance_name(i.provenance)).unwrap_or_default();
            let flag = series.flag(p.index).map(|f| format!(" · {f}"));
            let note = info.map(|i| i.note.clone()).filter(|n| !n.is_empty());
            let period = series.label(p.index);
            let flip = left > 520.0;
            let horizontal = if flip { format!("right:calc(100% - {left:.0}px + 12px)") } else { format!("left:{:.0}px", left + 12.0) };
            let vertical = if top > CSS_HEIGHT * 0.55 {
                format!("bottom:calc(100% - {top:.0}px + 12px)")
            } else {
                format!("top:{:.0}px", (top - 12.0).max(0.0))
            };
            let style = format!("{horizontal};{vertical}");
            Some(view! {
                <div class="chart-tooltip" data-testid="chart-tooltip" style=style role="tooltip">
                    <div class="tt-period">{period}</div>
                    <div class="tt-value" data-testid="tooltip-value">{value}" "{c.unit.clone()}</div>
                    <div class="tt-series">{series.name.clone()}</div>
                    <div class="tt-meta">{provenance}{flag}</div>
                    {note.map(|n| view! { <div class="tt-note">{n}</div> })}
                </div>
                <div class="crosshair-x" style=format!("left:{left:.0}px")></div>
                <div class="crosshair-y" style=format!("top:{top:.0}px")></div>
            })
        })
    };
    let selection = move || {
        drag.get().filter(|(a, b)| (a - b).abs() > 2.0).map(|(a, b)| {
            view! { <div class="chart-selection" style=format!("left:{:.0}px;width:{:.0}px", a.min(b), (a - b).abs())></div> }
        })
    };
    let text_summary = move || chart.with_value(|c| summary(c, &view.get(), lang.get()));
    let s = move || lang.get().strings();
    let area_label = label.clone();
    view! {
        <div class="chart-panel">
            <ChartToolbar chart=chart view=view canvas=canvas file_stem=file_stem />
            <div
                class="chart-area"
                tabindex="0"
                data-testid="chart-area"
                aria-label=area_label
                aria-describedby=summary_id.clone()
                on:keydown=on_key
            >
                <canvas
                    node_ref=canvas
                    class="chart"
                    data-testid="indicator-chart"
                    role="img"
                    aria-label=label
                    style=format!("width:100%;height:{CSS_HEIGHT}px")
                    on:pointermove=on_move
                    on:pointerdown=on_down
                    on:pointerup=on_up
                    on:pointerleave=on_leave
                    on:wheel=on_wheel
                    on:dblclick=move |_| view.update(ChartView::reset)
                ></canvas>
                {tooltip}
                {selection}
            </div>
            <ChartLegend chart=chart view=view />
            {move || {
                let more = chart.with_value(|c| c.more_series);
                (more > 0).then(|| view! {
                    <p class="chart-hint" data-testid="series-left-out">
                        {crate::format::number(more as f64, 0, lang.get())}" "{s().series_left_out}
                    </p>
                })
            }}
            <p class="chart-hint">{move || s().chart_reset_hint}</p>
            <p class="chart-summary" id=summary_id data-testid="chart-summary">
                <strong>{move || s().summary}" : "</strong>
                {text_summary}
            </p>
            <p class="visually-hidden" aria-live="polite" data-testid="chart-live">{move || live.get()}</p>
            <p class="visually-hidden" data-testid="chart-range">{move || range_text.get()}</p>
        </div>
    }
}

/// Presets (all, 10 and 5 years), line or bars, and the PNG / SVG / CSV downloads.
#[component]
fn ChartToolbar(
    chart: StoredValue<IndicatorChart>,
    view: RwSignal<ChartView>,
    canvas: NodeRef<leptos::html::Canvas>,
    file_stem: String,
) -> impl IntoView {
    let lang = use_lang();
    let s = move || lang.get().strings();
    let preset = move |years: Option<f64>| {
        chart.with_value(|c| view.update(|v| v.preset(c, years)));
    };
    let download = move |kind: &'static str| {
        let stem = file_stem.clone();
        move |_| {
            let l = lang.get_untracked();
            let v = view.get_untracked();
            let (href, ext) = match kind {
                "png" => (
                    canvas
                        .get_untracked()
                        .and_then(|c| c.to_data_url().ok())
                        .unwrap_or_default(),
                    "png",
                ),
                "svg" => (
                    data_url("image/svg+xml", &chart.with_value(|c| svg_of(c, &v, l))),
                    "svg",
                ),
                _ => (
                    data_url("text/csv", &chart.with_value(|c| csv(c, &v))),
                    "csv",
                ),
            };
            super::save_file(&href, &format!("{stem}.{ext}"));
        }
    };
    let kind_button = move |k: ChartKind, label: fn(Lang) -> &'static str| {
        view! {
            <button
                type="button"
                aria-pressed=move || if view.get().kind == k { "true" } else { "false" }
                on:click=move |_| view.update(|v| v.kind = k)
            >
                {move || label(lang.get())}
            </button>
        }
    };
    view! {
        <div class="chart-toolbar" role="toolbar" aria-label=move || s().zoom>
            <button type="button" data-testid="zoom-all" on:click=move |_| preset(None)>{move || s().chart_all}</button>
            <button type="button" data-testid="zoom-10y" on:click=move |_| preset(Some(10.0))>{move || s().chart_10y}</button>
            <button type="button" data-testid="zoom-5y" on:click=move |_| preset(Some(5.0))>{move || s().chart_5y}</button>
            <span class="sep"></span>
            {kind_button(ChartKind::Line, |l| l.strings().chart_lines)}
            {kind_button(ChartKind::Bars, |l| l.strings().chart_bars)}
            <span class="sep"></span>
            <span class="downloads-label">{move || s().downloads}</span>
            <button type="button" data-testid="download-png" on:click=download("png")>"PNG"</button>
            <button type="button" data-testid="download-svg" on:click=download("svg")>"SVG"</button>
            <button type="button" data-testid="download-csv" on:click=download("csv")>"CSV"</button>
        </div>
    }
}

/// The legend: a toggle per series (keyed by position) and the marks' meanings.
#[component]
fn ChartLegend(chart: StoredValue<IndicatorChart>, view: RwSignal<ChartView>) -> impl IntoView {
    let lang = use_lang();
    let s = move || lang.get().strings();
    let names = chart.with_value(|c| {
        c.series
            .iter()
            .map(|s| s.name.clone())
            .enumerate()
            .collect::<Vec<_>>()
    });
    view! {
        <p class="chart-legend" data-testid="chart-legend">
            <For
                each=move || names.clone()
                key=|(i, _)| *i
                children=move |(i, name): (usize, String)| {
                    let RGBColor(r, g, b) = ChartStyle::default().color(i);
                    view! {
                        <button
                            type="button"
                            class="legend-series"
                            data-testid="legend-series"
                            aria-pressed=move || if view.with(|v| v.shows(i)) { "true" } else { "false" }
                            title=move || s().show_series
                            on:click=move |_| view.update(|v| v.toggle(i))
                        >
                            <span class="swatch" style=format!("background:rgb({r},{g},{b})")></span>
                            {name}
                        </button>
                    }
                }
            />
            <span class="legend legend-trajectory">{move || s().legend_trajectory}</span>
            <span class="legend legend-forecast">{move || s().legend_forecast}</span>
            <span class="legend legend-target">{move || s().target}</span>
            <span class="legend legend-baseline">{move || s().baseline}</span>
        </p>
    }
}

fn draw(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &IndicatorChart,
    view: &ChartView,
    lang: Lang,
) -> Option<Mapping> {
    let dpr = device_pixel_ratio();
    let css_width = f64::from(canvas.client_width().max(320));
    canvas.set_width((css_width * dpr).round() as u32);
    canvas.set_height((CSS_HEIGHT * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    // About two points per CSS pixel is all a line can show; LTTB keeps the shape.
    let v = ChartView {
        max_points: (css_width * 2.0) as usize,
        ..view.clone()
    };
    let style = ChartStyle {
        scale: dpr,
        ..ChartStyle::default()
    };
    match draw_indicator(&root, chart, &v, lang, &style) {
        Ok(m) => Some(m),
        Err(e) => {
            web_sys::console::error_1(&format!("chart: {e:?}").into());
            None
        }
    }
}

/// The chart as an SVG document, drawn by the same function at 960×400.
fn svg_of(chart: &IndicatorChart, view: &ChartView, lang: Lang) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 400)).into_drawing_area();
        let _ = draw_indicator(&root, chart, view, lang, &ChartStyle::default());
    }
    svg
}

fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    )
}
