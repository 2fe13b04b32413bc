//! Shared KPI widgets: the "as of" and kind controls, status chips, roll-up summaries and formulas
//! shown one click away. They render what `kpi::evaluate` computed; they compute nothing.

use super::use_lang;
use crate::format;
use crate::i18n::Lang;
use crate::kpi::explain::Formula;
use crate::kpi::rollup::Rollup;
use crate::kpi::Status;
use crate::model::{Dataset, Kind};
use crate::period::Date;
use leptos::prelude::*;

/// The figures' date and the kind filter, shared by every page and kept in the URL.
#[derive(Clone, Copy)]
pub struct Settings {
    pub as_of: RwSignal<Date>,
    pub kind: RwSignal<Option<Kind>>,
}

/// The settings from context.
pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}

/// The evaluation of `ds` as of the settings' date and for their kind filter, recomputed when
/// either changes (the dashboard and the axis and project pages share it).
pub fn use_evaluation(
    ds: Memo<super::workshop::Shared>,
) -> Memo<std::sync::Arc<crate::kpi::Evaluation>> {
    let settings = use_settings();
    Memo::new(move |_| {
        let mut opts = crate::kpi::Options::as_of(settings.as_of.get());
        opts.kinds = settings.kind.get().into_iter().collect();
        std::sync::Arc::new(crate::kpi::evaluate(&ds.get().0, &opts))
    })
}

/// Today in the browser's time zone.
pub use crate::web::today;

/// The kind's name for URLs and `data-` attributes.
pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Input => "input",
        Kind::Output => "output",
        Kind::Outcome => "outcome",
    }
}

/// Reads a kind from its URL name.
pub fn kind_from_key(key: &str) -> Option<Kind> {
    [Kind::Input, Kind::Output, Kind::Outcome]
        .into_iter()
        .find(|k| kind_key(*k) == key)
}

/// The status's name for CSS classes and `data-` attributes.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::TargetAchieved => "achieved",
        Status::OnTrack => "on-track",
        Status::AtRisk => "at-risk",
        Status::OffTrack => "off-track",
        Status::NoData => "no-data",
        Status::NotAssessable => "not-assessable",
    }
}

/// The "as of" date picker and the kind filter.
#[component]
pub fn Controls() -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let s = move || lang.get().strings();
    let on_date = move |ev: leptos::ev::Event| {
        if let Ok(d) = Date::parse(&event_target_value(&ev)) {
            settings.as_of.set(d);
        }
    };
    let on_kind =
        move |ev: leptos::ev::Event| settings.kind.set(kind_from_key(&event_target_value(&ev)));
    view! {
        <form class="controls" data-testid="controls" on:submit=|ev| ev.prevent_default()>
            <label>
                {move || s().as_of}
                <input
                    type="date"
                    data-testid="as-of"
                    prop:value=move || settings.as_of.get().to_string()
                    on:change=on_date
                />
            </label>
            <button type="button" class="link-button" on:click=move |_| settings.as_of.set(today())>
                {move || s().today}
            </button>
            <label>
                {move || s().kind_filter}
                <select data-testid="kind-filter" on:change=on_kind prop:value=move || settings.kind.get().map_or("", kind_key)>
                    <option value="">{move || s().kind_all}</option>
                    <option value="input">{move || s().kind_input}</option>
                    <option value="output">{move || s().kind_output}</option>
                    <option value="outcome">{move || s().kind_outcome}</option>
                </select>
            </label>
        </form>
    }
}

/// A coloured status tag.
pub fn status_chip(status: Status, lang: Lang) -> impl IntoView {
    let label = lang.pick(&status.label()).to_owned();
    view! { <span class=format!("status status-{}", status_key(status)) data-status=status_key(status)>{label}</span> }
}

/// A formula as written and with the numbers put in, behind a disclosure.
pub fn formula_details(formula: &Formula, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let symbolic = formula.symbolic_in(lang);
    let numeric = formula.numeric_in(lang);
    view! {
        <details class="formula">
            <summary>{s.show_formula}</summary>
            <p><span class="formula-label">{s.formula}" : "</span><code>{symbolic}</code></p>
            <p><span class="formula-label">{s.with_numbers}" : "</span><code data-testid="formula-numeric">{numeric}</code></p>
        </details>
    }
}

/// A progress bar with its percentage.
pub fn progress_bar(rate: Option<f64>, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    match rate {
        Some(rate) => view! {
            <div class="bar" role="img" aria-label=format!("{} {}", s.progress, format::percent(rate, lang))>
                <div class="bar-fill" style=format!("width:{rate:.1}%")></div>
            </div>
            <span class="rate" data-testid="progress-rate">{format::percent(rate, lang)}</span>
        }
        .into_any(),
        None => view! { <span class="no-rate">{s.no_progress}</span> }.into_any(),
    }
}

/// A roll-up: weighted progress, counts by status, collection, overdue and what was left out.
pub fn rollup_summary(r: &Rollup, ds: &Dataset, lang: Lang, testid: &'static str) -> impl IntoView {
    let s = lang.strings();
    let counts = Status::ALL
        .iter()
        .filter(|st| r.counts.get(**st) > 0)
        .map(|st| {
            let n = r.counts.get(*st);
            view! {
                <li class=format!("count status-{}", status_key(*st)) data-status=status_key(*st)>
                    <strong>{n}</strong>" "{lang.pick(&st.label()).to_owned()}
                </li>
            }
        })
        .collect_view();
    let name_of = |id: &str| {
        ds.indicator(id)
            .map_or(id.to_owned(), |i| lang.pick(&i.name).to_owned())
    };
    let overdue = if r.overdue.is_empty() {
        None
    } else {
        let items = r
            .overdue
            .iter()
            .map(|id| view! { <li>{name_of(id)}</li> })
            .collect_view();
        Some(view! {
            <details class="overdue" data-testid="overdue">
                <summary>{s.overdue}" : "{r.overdue.len()}</summary>
                <ul>{items}</ul>
            </details>
        })
    };
    let left_out = if r.left_out.is_empty() {
        None
    } else {
        let items = r
            .left_out
            .iter()
            .map(|l| view! { <li>{name_of(&l.indicator)}" — "{lang.pick(&l.reason.label()).to_owned()}</li> })
            .collect_view();
        Some(view! {
            <details class="left-out" data-testid="left-out">
                <summary>{s.left_out}" : "{r.left_out.len()}</summary>
                <ul>{items}</ul>
            </details>
        })
    };
    view! {
        <div class="rollup" data-testid=testid>
            <div class="rollup-progress">
                <span class="rollup-label">{s.weighted_progress}</span>
                {progress_bar(r.progress, lang)}
            </div>
            <ul class="counts" data-testid="status-counts">{counts}</ul>
            <p class="collection" data-testid="collection">{r.collection.numeric_in(lang)}</p>
            {overdue}
            {left_out}
            {formula_details(&r.formula, lang)}
        </div>
    }
}
