//! The canvas component: sizes a `<canvas>` for the device pixel ratio and draws with the core's
//! `chart::draw_indicator` through plotters-canvas.

use super::use_lang;
use crate::chart::{draw_indicator, ChartStyle, IndicatorChart};
use crate::i18n::Lang;
use crate::web::device_pixel_ratio;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

const CSS_HEIGHT: f64 = 360.0;

#[component]
pub fn ChartCanvas(chart: IndicatorChart, label: String) -> impl IntoView {
    let lang = use_lang();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let chart = StoredValue::new(chart);
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(c) = canvas.get() {
            chart.with_value(|chart| draw(&c, chart, l));
        }
    });
    view! {
        <canvas
            node_ref=canvas
            class="chart"
            data-testid="indicator-chart"
            role="img"
            aria-label=label
            style=format!("width:100%;height:{CSS_HEIGHT}px")
        ></canvas>
    }
}

fn draw(canvas: &web_sys::HtmlCanvasElement, chart: &IndicatorChart, lang: Lang) {
    let dpr = device_pixel_ratio();
    let css_width = f64::from(canvas.client_width().max(320));
    canvas.set_width((css_width * dpr).round() as u32);
    canvas.set_height((CSS_HEIGHT * dpr).round() as u32);
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        let root = backend.into_drawing_area();
        let style = ChartStyle {
            scale: dpr,
            ..ChartStyle::default()
        };
        if let Err(e) = draw_indicator(&root, chart, lang, &style) {
            web_sys::console::error_1(&format!("chart: {e:?}").into());
        }
    }
}
