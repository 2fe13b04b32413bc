//! Embed routes (`/embed/card/:id`, `/embed/chart/:id`, `/embed/programme`): one view without
//! navigation, in the language and colours the URL asks for, telling its parent page its height; and
//! the "Embed" panel that writes the `<iframe>` snippet on the full pages.

#[cfg(feature = "full")]
use super::chart::ChartPanel;
use super::kpi_view::{progress_bar, rollup_summary, status_chip, today, Settings};
use super::{load, query_value, use_lang, Data};
#[cfg(feature = "full")]
use crate::chart::IndicatorChart;
use crate::embed::{parse_colour, snippet, EmbedKind, COLOUR_PARAMS};
use crate::format;
use crate::i18n::Lang;
use crate::kpi;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Mounts the embed app (no header, no footer).
pub fn mount_embed() {
    console_error_panic_hook::set_once();
    apply_colours();
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.class_list().add_1("embed");
    }
    report_height();
    leptos::mount::mount_to_body(EmbedApp);
}

/// Sets the CSS variables that the URL's colour parameters ask for (hex colours only).
fn apply_colours() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    for (param, var) in COLOUR_PARAMS {
        if let Some(colour) = query_value(param).as_deref().and_then(parse_colour) {
            let _ = root.style().set_property(var, &colour);
        }
    }
}

/// Posts `{type: "vigie:height", height}` to the parent page whenever the content's height changes.
fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let post = move || {
        let Some(w) = web_sys::window() else { return };
        let height = w
            .document()
            .and_then(|d| d.document_element())
            .map_or(0, |e| e.scroll_height());
        let body_height = w
            .document()
            .and_then(|d| d.body())
            .map_or(0, |b| b.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"vigie:height".into());
        let _ = js_sys::Reflect::set(
            &message,
            &"height".into(),
            &f64::from(body_height.max(height.min(body_height + 40))).into(),
        );
        let _ = js_sys::Reflect::set(
            &message,
            &"href".into(),
            &w.location().href().unwrap_or_default().into(),
        );
        if let Ok(Some(parent)) = w.parent() {
            let _ = parent.post_message(&message, "*");
        }
    };
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| post());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    callback.forget();
}

#[component]
fn EmbedApp() -> impl IntoView {
    let lang = RwSignal::new(query_value("lang").map_or(Lang::Fr, |t| Lang::from_tag(&t)));
    provide_context(lang);
    provide_context(Settings {
        as_of: RwSignal::new(today()),
        kind: RwSignal::new(None),
    });
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.get_untracked().tag());
    }
    let store_state = super::data::StoreState::provide();
    let shown = super::query_value("ds").unwrap_or_else(|| super::DEFAULT_ID.to_owned());
    let data = LocalResource::new(move || load(store_state, true, shown.clone()));
    // An embed never navigates, so its route is read once from the address, without a router.
    let route = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .and_then(|path| {
            EmbedKind::of_path(&path).map(|(kind, id)| {
                let id = js_sys::decode_uri_component(id)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_else(|| id.to_owned());
                (kind, id)
            })
        });
    view! {
        <main class="embed-main">
            <Transition fallback=move || view! { <p class="loading">{lang.get().strings().loading}</p> }>
                {move || {
                    let route = route.clone();
                    Suspend::new(async move { data.await.map(|d| embed_view(route, d, lang)) })
                }}
            </Transition>
        </main>
    }
}

/// The view of embed `route` (`None`: an address that is no embed).
fn embed_view(route: Option<(EmbedKind, String)>, data: Data, lang: RwSignal<Lang>) -> AnyView {
    match route {
        Some((EmbedKind::Card, id)) => view! { <EmbedCard data=data id=id /> }.into_any(),
        Some((EmbedKind::Chart, id)) => chart_view(data, id).into_any(),
        Some((EmbedKind::Programme, _)) => view! { <EmbedProgramme data=data /> }.into_any(),
        None => view! { <p>{move || lang.get().strings().not_found}</p> }.into_any(),
    }
}

fn full_page_link(path: String, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let href = if lang == Lang::Fr {
        path
    } else {
        format!("{path}?lang={}", lang.tag())
    };
    view! { <a class="embed-link" href=href target="_blank" rel="noopener">{s.open_in_vigie}" ↗"</a> }
}

#[component]
fn EmbedCard(data: Data, id: String) -> impl IntoView {
    let lang = use_lang();
    let ds = data.dataset;
    move || {
        let l = lang.get();
        let s = l.strings();
        let Some(ind) = ds.indicator(&id) else {
            return view! { <p role="alert">{s.not_found}" : "{id.clone()}</p> }.into_any();
        };
        let r = kpi::evaluate_one(&ds, &id, &kpi::Options::as_of(today()));
        let status = r.as_ref().map_or(kpi::Status::NoData, |r| r.status);
        let unit = l.pick(&ind.unit).to_owned();
        let current = r.as_ref().and_then(|r| r.current).map(|c| {
            view! {
                <span class="value">{format::number(c.value, ind.precision, l)}</span>
                " "
                <span class="unit">{unit.clone()}</span>
                <span class="period">{c.period.to_string()}</span>
            }
        });
        let target = ind.target.map(|t| {
            format!(
                "{} {} ({})",
                format::number(t.value, ind.precision, l),
                unit,
                t.period
            )
        });
        let rate = r.as_ref().and_then(|r| r.progress.as_ref().map(|p| p.rate));
        view! {
            <article class="embed-card" data-testid="embed-card">
                <h1>{l.pick(&ind.name).to_owned()}</h1>
                <p>{status_chip(status, l)}</p>
                <dl class="figures">
                    <div><dt>{s.current_value}</dt><dd data-testid="embed-value">{current}</dd></div>
                    <div><dt>{s.target}</dt><dd>{target}</dd></div>
                </dl>
                <div class="rollup-progress">{progress_bar(rate, l)}</div>
                {full_page_link(format!("/indicator/{id}"), l)}
            </article>
        }
        .into_any()
    }
}

/// The chart embed: in the full wasm only (the chart's code is not in the page's wasm, which loads the
/// full wasm on `/embed/chart/`, see `super::FULL_ONLY`).
#[cfg(feature = "full")]
fn chart_view(data: Data, id: String) -> impl IntoView {
    view! { <EmbedChart data=data id=id /> }
}

/// In the page's wasm, shown only when the full wasm could not be fetched (offline, not yet cached).
#[cfg(not(feature = "full"))]
fn chart_view(_data: Data, _id: String) -> impl IntoView {
    view! { <super::FullOnlyPage /> }
}

#[cfg(feature = "full")]
#[component]
fn EmbedChart(data: Data, id: String) -> impl IntoView {
    let lang = use_lang();
    let ds = data.dataset;
    move || {
        let l = lang.get();
        let Some(ind) = ds.indicator(&id) else {
            return view! { <p role="alert">{l.strings().not_found}" : "{id.clone()}</p> }
                .into_any();
        };
        let name = l.pick(&ind.name).to_owned();
        let chart = IndicatorChart::of(&ds, ind, l);
        view! {
            <article class="embed-chart" data-testid="embed-chart">
                <h1>{name.clone()}</h1>
                <ChartPanel chart=chart label=name file_stem=id.clone() />
                {full_page_link(format!("/indicator/{id}"), l)}
            </article>
        }
        .into_any()
    }
}

#[component]
fn EmbedProgramme(data: Data) -> impl IntoView {
    let lang = use_lang();
    let ds = data.dataset;
    move || {
        let l = lang.get();
        let e = kpi::evaluate(&ds, &kpi::Options::as_of(today()));
        view! {
            <article class="embed-card" data-testid="embed-programme">
                <h1>{l.pick(&ds.programme.name).to_owned()}</h1>
                {rollup_summary(&e.programme, &ds, l, "programme-rollup")}
                {full_page_link("/".to_owned(), l)}
            </article>
        }
    }
}

/// The "Embed" disclosure on full pages: choose the view and colour, copy the snippet.
#[component]
pub fn EmbedPanel(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    kinds: Vec<EmbedKind>,
) -> impl IntoView {
    let lang = use_lang();
    let kind = RwSignal::new(kinds.first().copied().unwrap_or(EmbedKind::Programme));
    let accent = RwSignal::new("#005a9c".to_owned());
    let copied = RwSignal::new(false);
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let code = Memo::new(move |_| {
        snippet(
            &origin,
            kind.get(),
            &id,
            lang.get(),
            Some(&accent.get()),
            &title,
        )
    });
    let copy = move |_| {
        let text = code.get_untracked();
        if let Some(w) = web_sys::window() {
            let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok();
            let write = clipboard
                .as_ref()
                .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok());
            if let (Some(c), Some(Ok(f))) =
                (clipboard, write.map(|f| f.dyn_into::<js_sys::Function>()))
            {
                let _ = f.call1(&c, &text.into());
                copied.set(true);
            }
        }
    };
    let choices = kinds
        .into_iter()
        .map(|k| {
            let key = match k {
                EmbedKind::Card => "card",
                EmbedKind::Chart => "chart",
                EmbedKind::Programme => "programme",
            };
            view! {
                <option value=key selected=move || kind.get() == k>
                    {move || {
                        let s = lang.get().strings();
                        match k {
                            EmbedKind::Card => s.embed_card,
                            EmbedKind::Chart => s.embed_chart,
                            EmbedKind::Programme => s.embed_programme,
                        }
                    }}
                </option>
            }
        })
        .collect_view();
    let s = move || lang.get().strings();
    view! {
        <details class="embed-panel" data-testid="embed-panel">
            <summary>{move || s().embed}</summary>
            <p class="embed-help">{move || s().embed_help}</p>
            <div class="controls">
                <label>
                    {move || s().embed_kind}
                    <select data-testid="embed-kind" on:change=move |ev| {
                        kind.set(match event_target_value(&ev).as_str() {
                            "chart" => EmbedKind::Chart,
                            "programme" => EmbedKind::Programme,
                            _ => EmbedKind::Card,
                        })
                    }>{choices}</select>
                </label>
                <label>
                    {move || s().embed_colour}
                    <input type="color" prop:value=move || accent.get() on:input=move |ev| accent.set(event_target_value(&ev)) />
                </label>
                <button type="button" on:click=copy>{move || if copied.get() { s().copied } else { s().copy }}</button>
            </div>
            <textarea readonly rows="5" data-testid="embed-code" prop:value=move || code.get()></textarea>
        </details>
    }
}
