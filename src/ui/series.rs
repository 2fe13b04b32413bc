//! The choice of the series an indicator's chart draws (full wasm only): several territories or
//! disaggregations of one indicator, ticked in a filterable list, kept in the address
//! (`?series=h,12,40`), drawn together on the chart and listed in one table by period
//! (`chart::compare::compare_table`). The lists and keys come from the core (`chart::series_choices`).

use super::compare::period_table;
use super::{href_keeping, use_lang};
use crate::chart::compare::compare_table;
use crate::chart::{series_keys_to_text, IndicatorChart, SeriesChoice, MAX_SERIES};
use crate::format;
use crate::search::fold;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// The most choices the list shows at once; the filter finds the others.
const LIST_MAX: usize = 200;

/// The current page's address with `series` set to `keys` (`None`: the default choice, the
/// parameter removed), the rest of the query kept.
pub(super) fn series_href(keys: Option<&[Option<u32>]>) -> String {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    href_keeping(&path, &[("series", keys.map(series_keys_to_text))])
}

/// The list of an indicator's series with a tick for each one drawn. `filter` and `open` are the
/// page's, so that they survive the page being drawn again after a tick.
#[component]
pub fn SeriesPicker(
    choices: Vec<SeriesChoice>,
    drawn: Vec<Option<u32>>,
    filter: RwSignal<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let c = l.compare_strings();
    let navigate = StoredValue::new_local(use_navigate());
    let go = move |keys: Option<Vec<Option<u32>>>| {
        let href = series_href(keys.as_deref());
        navigate.with_value(|n| {
            n(
                &href,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            )
        });
    };
    let total = choices.len();
    let full = drawn.len() >= MAX_SERIES;
    let drawn_count = drawn.len();
    // Folded once, so that each keystroke in the filter only compares.
    let folded: Vec<String> = choices.iter().map(|c| fold(&c.name)).collect();
    let order: Vec<Option<u32>> = choices.iter().map(|s| s.key).collect();
    let list = StoredValue::new((choices, folded, order, drawn));
    // The choices the filter keeps: the first `LIST_MAX` rendered, the count of the others said
    // (an indicator can have a hundred thousand series; a list that long would stall the page).
    let items = move || {
        let words: Vec<String> = fold(&filter.get())
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        list.with_value(|(choices, folded, order, drawn)| {
            let matching: Vec<usize> = (0..choices.len())
                .filter(|&i| words.iter().all(|w| folded[i].contains(w.as_str())))
                .collect();
            let more = matching.len().saturating_sub(LIST_MAX);
            let rows = matching
                .iter()
                .take(LIST_MAX)
                .map(|&i| {
                    let choice = &choices[i];
                    let key = choice.key;
                    let checked = drawn.contains(&key);
                    let (drawn, order) = (drawn.clone(), order.clone());
                    let toggle = move |_| {
                        // The new choice, in the list's order.
                        let keys: Vec<Option<u32>> = order
                            .iter()
                            .copied()
                            .filter(|k| if *k == key { !checked } else { drawn.contains(k) })
                            .collect();
                        go(Some(keys));
                    };
                    let text_key = key.map_or_else(|| "h".to_owned(), |k| k.to_string());
                    let id = format!("series-{text_key}");
                    view! {
                        <li data-testid="series-choice" data-key=text_key>
                            <input type="checkbox" id=id.clone() checked=checked disabled=!checked && full on:change=toggle />
                            <label for=id>{choice.name.clone()}" "<small>"("{format::number(choice.values as f64, 0, l)}")"</small></label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="series-list">{rows}</ul>
                {(more > 0).then(|| view! {
                    <p class="note" data-testid="series-more">{format::number(more as f64, 0, l)}" "{c.series_more}</p>
                })}
            }
        })
    };
    view! {
        <details
            class="series-picker"
            data-testid="series-picker"
            prop:open=move || open.get_untracked()
            on:toggle=move |ev| {
                let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if let Some(el) = el {
                    open.set(el.has_attribute("open"));
                }
            }
        >
            <summary>
                {c.series_title}" ("{drawn_count}" "{c.series_drawn_of}" "{total}")"
            </summary>
            <div class="series-tools">
                <label class="setting">
                    <span>{c.series_filter}</span>
                    <input type="search" data-testid="series-filter" prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev)) />
                </label>
                <button type="button" data-testid="series-first" on:click=move |_| go(None)>{c.series_first}</button>
                <button type="button" data-testid="series-none" on:click=move |_| go(Some(Vec::new()))>{c.series_none}</button>
            </div>
            {full.then(|| view! { <p class="note" data-testid="series-max">{c.series_max}</p> })}
            {items}
        </details>
    }
}

/// The drawn series of `chart` side by side, period by period (only when it draws several).
pub fn series_table(chart: &IndicatorChart) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let c = lang.compare_strings();
    (chart.series.len() > 1).then(|| {
        let table = compare_table(&[("", chart)]);
        // One chart: a column per series, named by the series alone.
        let heads = chart
            .series
            .iter()
            .map(|series| series.name.clone())
            .collect();
        view! {
            <h2 id="series-table-title">
                {c.series_table}
                {(!chart.unit.is_empty()).then(|| format!(" ({})", chart.unit))}
            </h2>
            {period_table(&table, heads, "series-table", "series-table-title", lang)}
        }
    })
}
