//! The programme dashboard: roll-ups for the programme, each kind, axis and project, and every
//! indicator with its status, latest value, target and progress, as of the chosen date.

use super::embed::EmbedPanel;
use super::kpi_view::{
    kind_key, progress_bar, rollup_summary, status_chip, status_key, use_evaluation, use_settings,
    Controls,
};
use super::workshop::use_effective;
use super::{use_lang, Data, ProvenanceBadge};
use crate::chart::sparkline_points;
use crate::embed::EmbedKind;
use crate::format;
use crate::i18n::Lang;
use crate::kpi::{self, Evaluation, IndicatorResult};
use crate::model::{Dataset, Indicator};
use leptos::prelude::*;

#[component]
pub fn Dashboard(data: Data) -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let loaded_id = data.id;
    let effective_ds = use_effective(data.dataset);
    let eval = use_evaluation(effective_ds);
    move || {
        let ds = effective_ds.get().0;
        let l = lang.get();
        let s = l.strings();
        let ev = eval.get();
        let kind = settings.kind.get();
        let shown = |ind: &Indicator| kind.is_none_or(|k| ind.kind == k);
        let by_kind = ev
            .by_kind
            .iter()
            .map(|r| {
                let title = match &r.scope {
                    kpi::rollup::Scope::Kind(k) => s.kind(*k),
                    _ => "",
                };
                let key = match &r.scope {
                    kpi::rollup::Scope::Kind(k) => kind_key(*k),
                    _ => "",
                };
                view! {
                    <section class="kind-card" data-kind=key>
                        <h3>{title}</h3>
                        {rollup_summary(r, &ds, l, "kind-rollup")}
                    </section>
                }
            })
            .collect_view();
        let axes = ds
            .axes
            .iter()
            .map(|axis| {
                let projects = ds
                    .projects_of(&axis.id)
                    .filter(|p| ds.indicators_of(&p.id).any(shown))
                    .map(|p| {
                        let rows = ds.indicators_of(&p.id).filter(|i| shown(i)).map(|ind| indicator_row(&ds, &ev, ind, l)).collect_view();
                        let rollup = ev.project(&p.id).map(|r| rollup_summary(r, &ds, l, "project-rollup"));
                        let project_name = l.pick(&p.name).to_owned();
                        view! {
                            <section class="project" data-testid="project" data-project=p.id.clone()>
                                <h3><a href=super::full_href(&format!("/project/{}", p.id))>{project_name}</a></h3>
                                {rollup}
                                {kpi_table(rows, l)}
                            </section>
                        }
                    })
                    .collect_view();
                let rollup = ev.axis(&axis.id).map(|r| rollup_summary(r, &ds, l, "axis-rollup"));
                let axis_name = l.pick(&axis.name).to_owned();
                view! {
                    <section class="axis" data-testid="axis" data-axis=axis.id.clone()>
                        <h2><a href=super::full_href(&format!("/axis/{}", axis.id))>{axis_name}</a></h2>
                        <p class="axis-description">{l.pick(&axis.description).to_owned()}</p>
                        {rollup}
                        {projects}
                    </section>
                }
            })
            .collect_view();
        // Indicators outside any project (every indicator of an imported file) get their own table.
        let unassigned: Vec<&Indicator> = ds
            .indicators
            .iter()
            .filter(|i| shown(i) && !ds.projects.iter().any(|p| p.id == i.project))
            .collect();
        let unassigned = (!unassigned.is_empty()).then(|| {
            let title = if ds.projects.is_empty() {
                s.indicators_title
            } else {
                s.other_indicators
            };
            let rows = unassigned
                .into_iter()
                .map(|ind| indicator_row(&ds, &ev, ind, l))
                .collect_view();
            view! {
                <section class="axis" data-testid="unassigned">
                    <h2>{title}</h2>
                    {kpi_table(rows, l)}
                </section>
            }
        });
        let with_value = ds
            .indicators
            .iter()
            .filter(|i| ds.observations_of(&i.id).iter().any(|o| o.value.is_some()))
            .count();
        view! {
            <div class="dashboard" data-testid="dashboard" data-dataset=loaded_id.clone()>
                <section class="programme">
                    <h1>{l.pick(&ds.programme.name).to_owned()}</h1>
                    <p class="lead">{l.pick(&ds.programme.description).to_owned()}</p>
                    <ul class="summary">
                        <li><strong data-testid="indicator-count">{ds.indicators.len()}</strong>" "{s.indicators_count}</li>
                        <li><strong data-testid="with-value-count">{with_value}</strong>" "{s.with_value}</li>
                    </ul>
                    <Controls />
                    <h2 class="programme-progress">{s.programme_progress}</h2>
                    {rollup_summary(&ev.programme, &ds, l, "programme-rollup")}
                    <p class="source">{s.programme_source}" : "{ds.programme.source.clone()}</p>
                    <EmbedPanel id="" title=l.pick(&ds.programme.name).to_owned() kinds=vec![EmbedKind::Programme] />
                </section>
                <section class="by-kind" aria-label=s.by_kind>
                    <h2>{s.by_kind}</h2>
                    <div class="kind-cards">{by_kind}</div>
                </section>
                {axes}
                {unassigned}
            </div>
        }
    }
}

/// The table of indicators of a project (or of those outside any project).
fn kpi_table(rows: impl IntoView, l: Lang) -> impl IntoView {
    let s = l.strings();
    view! {
        <table class="kpi-table">
            <thead>
                <tr>
                    <th scope="col">{s.indicator}</th>
                    <th scope="col">{s.status}</th>
                    <th scope="col" class="num">{s.latest_value}</th>
                    <th scope="col" class="num">{s.target}</th>
                    <th scope="col">{s.progress}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn indicator_row(ds: &Dataset, ev: &Evaluation, ind: &Indicator, l: Lang) -> impl IntoView {
    let s = l.strings();
    let unit = l.pick(&ind.unit).to_owned();
    let result: Option<&IndicatorResult> = ev.indicator(&ind.id);
    // The headline series: what the KPI measures and the sparkline draws.
    let headline = || {
        ds.observations_of(&ind.id)
            .iter()
            .filter(|o| o.series.is_none())
    };
    let latest = result.and_then(|r| r.current).map(|c| {
        let provenance = headline()
            .rev()
            .find(|o| o.period == c.period)
            .map(|o| o.provenance)
            .unwrap_or_default();
        view! {
            <span class="value">{format::number(c.value, ind.precision, l)}</span>
            " "
            <span class="unit">{unit.clone()}</span>
            <span class="period">{c.period.to_string()}</span>
            <ProvenanceBadge provenance=provenance />
        }
    });
    let target = ind.target.map(|t| {
        view! {
            <span class="value">{format::number(t.value, ind.precision, l)}</span>
            <span class="period">{t.period.to_string()}</span>
            <ProvenanceBadge provenance=t.provenance />
        }
    });
    let status = result.map(|r| r.status).unwrap_or(kpi::Status::NoData);
    let overdue = result.is_some_and(|r| r.is_overdue());
    let rate = result.and_then(|r| r.progress.as_ref().map(|p| p.rate));
    let progress = match (rate, result.and_then(|r| r.no_rate)) {
        (None, Some(why)) => view! { <span class="no-rate">{s.no_rate(why)}</span> }.into_any(),
        _ => progress_bar(rate, l).into_any(),
    };
    let name = l.pick(&ind.name).to_owned();
    let values: Vec<(f64, f64)> = headline()
        .filter_map(|o| o.value.map(|v| (o.period.as_year_fraction(), v)))
        .collect();
    let spark = sparkline_points(&values, 64.0, 18.0);
    let sparkline = (!spark.is_empty()).then(|| {
        view! {
            <svg class="sparkline" width="64" height="18" viewBox="0 0 64 18" aria-hidden="true">
                <polyline points=spark fill="none" stroke="currentColor" stroke-width="1.5" />
            </svg>
        }
    });
    view! {
        <tr data-testid="indicator-row" data-indicator=ind.id.clone() data-status=status_key(status)>
            <td>
                <a href=super::full_href(&format!("/indicator/{}", ind.id))>{name}</a>
                " "
                <span class=format!("kind kind-{}", kind_key(ind.kind))>{s.kind(ind.kind)}</span>
                {overdue.then(|| view! { <span class="overdue-flag" title=s.overdue>"⏰ "{s.overdue}</span> })}
            </td>
            <td>{status_chip(status, l)}</td>
            <td class="num">
                {sparkline}
                {latest.map(|v| v.into_any()).unwrap_or_else(|| {
                    let text = if result.and_then(|r| r.no_rate) == Some(kpi::NoRate::NoHeadline) { s.series_only } else { s.no_value };
                    view! { <span class="no-rate">{text}</span> }.into_any()
                })}
            </td>
            <td class="num">{target}</td>
            <td class="progress">{progress}</td>
        </tr>
    }
}
