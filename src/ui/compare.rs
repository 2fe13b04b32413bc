//! The compare page (`/compare?a=<id>&b=<id>`; full wasm only): two indicators, chosen from the
//! shown dataset, as two charts one above the other on one shared time range (a zoom on either
//! moves both), and one table of their values by period. The range and the table come from the
//! core (`chart::compare`).

use super::chart::{ChartPanel, Linked};
use super::workshop::use_effective;
use super::{href_keeping, use_lang, Data};
use crate::chart::compare::{compare_table, shared_x_range, CompareTable};
use crate::chart::IndicatorChart;
use crate::format;
use crate::i18n::Lang;
use crate::model::Dataset;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The address of the compare page for `a` and `b`, keeping the rest of the current query (the
/// language, date, kind and dataset shown).
fn compare_href(a: &str, b: &str) -> String {
    let id = |id: &str| (!id.is_empty()).then(|| String::from(js_sys::encode_uri_component(id)));
    href_keeping("/compare", &[("a", id(a)), ("b", id(b))])
}

#[component]
pub fn ComparePage(data: Data) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let effective_ds = use_effective(data.dataset);
    let navigate = StoredValue::new_local(use_navigate());
    let pick = move |which: &'static str, id: String| {
        let (a, b) = query.with_untracked(|q| {
            (
                q.get("a").unwrap_or_default(),
                q.get("b").unwrap_or_default(),
            )
        });
        let href = match which {
            "a" => compare_href(&id, &b),
            _ => compare_href(&a, &id),
        };
        navigate.with_value(|n| n(&href, NavigateOptions::default()));
    };
    move || {
        let ds = effective_ds.get().0;
        let l = lang.get();
        let s = l.strings();
        let c = l.compare_strings();
        let a = query.with(|q| q.get("a").unwrap_or_default());
        let b = query.with(|q| q.get("b").unwrap_or_default());
        let chosen: Vec<_> = [&a, &b]
            .into_iter()
            .filter_map(|id| ds.indicator(id))
            .collect();
        let body = if chosen.len() < 2 {
            let unknown = [&a, &b]
                .into_iter()
                .find(|id| !id.is_empty() && ds.indicator(id).is_none());
            let text = match unknown {
                Some(id) => format!("{} : {id}", s.not_found),
                None => c.pick_two.to_owned(),
            };
            view! { <p class="note" role="status" data-testid="compare-prompt">{text}</p> }
                .into_any()
        } else if a == b {
            view! { <p class="note" role="status" data-testid="compare-prompt">{c.same}</p> }
                .into_any()
        } else {
            let charts: Vec<IndicatorChart> = chosen
                .iter()
                .map(|ind| IndicatorChart::of(&ds, ind, l))
                .collect();
            let linked = Linked::new(shared_x_range(&charts.iter().collect::<Vec<_>>()));
            let names: Vec<String> = chosen
                .iter()
                .map(|ind| l.pick(&ind.name).to_owned())
                .collect();
            let table = compare_table(
                &names
                    .iter()
                    .map(String::as_str)
                    .zip(charts.iter())
                    .collect::<Vec<_>>(),
            );
            // Each column: its indicator (and series), with the unit.
            let heads = table
                .columns
                .iter()
                .map(|col| {
                    if col.unit.is_empty() {
                        col.title.clone()
                    } else {
                        format!("{} ({})", col.title, col.unit)
                    }
                })
                .collect();
            let sections = chosen
                .iter()
                .zip(charts)
                .zip(names.iter().cloned())
                .map(|((ind, chart), name)| {
                    let unit = l.pick(&ind.unit).to_owned();
                    let label = format!("{name} — {}", s.chart_caption);
                    view! {
                        <section class="compare-chart" data-testid="compare-chart" data-indicator=ind.id.clone()>
                            <h2>
                                <A href=format!("/indicator/{}", ind.id)>{name}</A>
                                " "<span class="unit">{unit}</span>
                            </h2>
                            <ChartPanel chart=chart label=label file_stem=ind.id.clone() linked=Some(linked) />
                        </section>
                    }
                })
                .collect_view();
            view! {
                {sections}
                <h2 id="compare-table-title">{c.table}</h2>
                {period_table(&table, heads, "compare-table", "compare-table-title", l)}
            }
            .into_any()
        };
        view! {
            <article class="compare" data-testid="compare-page">
                <nav class="crumbs">
                    <A href="/">{s.back_to_dashboard}</A>
                    {ds.indicator(&a).map(|ind| {
                        let name = l.pick(&ind.name).to_owned();
                        view! { " · " <A href=format!("/indicator/{}", ind.id)>{name}</A> }
                    })}
                </nav>
                <h1>{c.title}</h1>
                <p class="lead">{c.intro}</p>
                <div class="compare-pick">
                    {picker(&ds, l, c.first, "compare-a", &a, move |id| pick("a", id))}
                    {picker(&ds, l, c.second, "compare-b", &b, move |id| pick("b", id))}
                </div>
                {body}
            </article>
        }
    }
}

/// A select of every indicator of `ds`, grouped by axis, with `chosen` selected.
fn picker(
    ds: &Dataset,
    l: Lang,
    label: &'static str,
    testid: &'static str,
    chosen: &str,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let c = l.compare_strings();
    let groups = ds
        .axes
        .iter()
        .map(|axis| {
            let options = ds
                .indicators_of_axis(&axis.id)
                .map(|ind| {
                    let text = format!("{} ({})", l.pick(&ind.name), l.pick(&ind.unit));
                    view! { <option value=ind.id.clone() selected=ind.id == chosen>{text}</option> }
                })
                .collect_view();
            view! { <optgroup label=l.pick(&axis.name).to_owned()>{options}</optgroup> }
        })
        .collect_view();
    // Indicators of no known axis (an imported file without a programme) are listed after.
    let loose = ds
        .indicators
        .iter()
        .filter(|ind| {
            ds.project(&ind.project)
                .and_then(|p| ds.axis(&p.axis))
                .is_none()
        })
        .map(|ind| {
            let text = format!("{} ({})", l.pick(&ind.name), l.pick(&ind.unit));
            view! { <option value=ind.id.clone() selected=ind.id == chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <label class="setting">
            <span>{label}</span>
            <select data-testid=testid on:change=move |ev| on_pick(event_target_value(&ev))>
                <option value="" selected=chosen.is_empty()>{c.choose}</option>
                {groups}
                {loose}
            </select>
        </label>
    }
}

/// A table of values by period (`chart::compare::compare_table`): a row per period, a column per
/// series headed by `heads`, each value in its indicator's precision. The compare page and the
/// indicator page's series table both draw it.
pub(super) fn period_table(
    table: &CompareTable,
    heads: Vec<String>,
    testid: &'static str,
    labelled_by: &'static str,
    l: Lang,
) -> impl IntoView {
    let s = l.strings();
    let heads = heads
        .into_iter()
        .map(|title| view! { <th scope="col" class="num">{title}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .values
                .iter()
                .zip(&table.columns)
                .map(|(v, col)| {
                    let text =
                        v.map_or_else(|| "—".to_owned(), |v| format::number(v, col.precision, l));
                    view! { <td class="num">{text}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{row.period.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="obs-table" data-testid=testid aria-labelledby=labelled_by>
                <thead><tr><th scope="col">{s.period}</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
