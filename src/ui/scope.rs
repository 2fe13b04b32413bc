//! The axis and project pages (`/axis/:id`, `/project/:id`; full wasm only): the scope's roll-up, its
//! indicators in the KPI frame's three columns (inputs → outputs → outcomes) as a grid of small
//! charts, its projects (on an axis page) and breadcrumbs.

use super::kpi_view::{
    kind_key, progress_bar, rollup_summary, status_chip, status_key, use_evaluation, use_settings,
    Controls,
};
use super::workshop::use_effective;
use super::{use_lang, Data};
use crate::chart::sparkline_points;
use crate::format;
use crate::i18n::Lang;
use crate::kpi::{self, Evaluation};
use crate::model::{by_kind, Dataset, Indicator};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// Which page: an axis or a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Axis,
    Project,
}

#[component]
pub fn ScopePage(data: Data, scope: Scope) -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let params = use_params_map();
    let effective_ds = use_effective(data.dataset);
    let eval = use_evaluation(effective_ds);
    move || {
        let ds = effective_ds.get().0;
        let ev = eval.get();
        let l = lang.get();
        let s = l.strings();
        let id = params.read().get("id").unwrap_or_default();
        let kinds: Vec<_> = settings.kind.get().into_iter().collect();
        let found = match scope {
            Scope::Axis => ds.axis(&id).map(|a| {
                (
                    l.pick(&a.name).to_owned(),
                    l.pick(&a.description).to_owned(),
                    None,
                    ev.axis(&id).cloned(),
                    ds.indicators_of_axis(&id).collect::<Vec<_>>(),
                )
            }),
            Scope::Project => ds.project(&id).map(|p| {
                (
                    l.pick(&p.name).to_owned(),
                    String::new(),
                    ds.axis(&p.axis),
                    ev.project(&id).cloned(),
                    ds.indicators_of(&id).collect::<Vec<_>>(),
                )
            }),
        };
        let Some((name, description, axis, rollup, indicators)) = found else {
            return view! {
                <p class="error" role="alert">{s.not_found}" : "{id}</p>
                <A href="/">{s.back_to_dashboard}</A>
            }
            .into_any();
        };
        let (label, key) = match scope {
            Scope::Axis => (s.axis_label, "axis"),
            Scope::Project => (s.project_label, "project"),
        };
        let columns = by_kind(indicators.iter().copied(), &kinds)
            .into_iter()
            .map(|(kind, inds)| {
                let cards = if inds.is_empty() {
                    view! { <p class="note">{s.no_indicator_of_kind}</p> }.into_any()
                } else {
                    let items = inds
                        .into_iter()
                        .map(|ind| indicator_card(&ds, &ev, ind, l))
                        .collect_view();
                    view! { <ul class="multiples">{items}</ul> }.into_any()
                };
                view! {
                    <section class="frame-column" data-testid="frame-column" data-kind=kind_key(kind)>
                        <h3><span class=format!("kind kind-{}", kind_key(kind))>{s.kind(kind)}</span></h3>
                        {cards}
                    </section>
                }
            })
            .collect_view();
        let projects = (scope == Scope::Axis).then(|| {
            let items = ds
                .projects_of(&id)
                .map(|p| {
                    let rate = ev.project(&p.id).and_then(|r| r.progress);
                    let project_name = l.pick(&p.name).to_owned();
                    view! {
                        <li data-testid="axis-project" data-project=p.id.clone()>
                            <A href=format!("/project/{}", p.id)>{project_name}</A>
                            <span class="project-progress">{progress_bar(rate, l)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="scope-projects">
                    <h2>{s.projects_of_axis}</h2>
                    <ul class="project-list">{items}</ul>
                </section>
            }
        });
        view! {
            <article class="scope" data-testid="scope-page" data-scope=key data-id=id.clone()>
                <nav class="crumbs" data-testid="crumbs">
                    <A href="/">{s.back_to_dashboard}</A>
                    {axis.map(|a| {
                        let axis_name = l.pick(&a.name).to_owned();
                        view! { " · " <A href=format!("/axis/{}", a.id)>{axis_name}</A> }
                    })}
                </nav>
                <p class="scope-label">{label}</p>
                <h1>{name}</h1>
                {(!description.is_empty()).then(|| view! { <p class="lead">{description}</p> })}
                {(scope == Scope::Project && !ds.assessments_of(&id).is_empty()).then(|| {
                    view! {
                        <p>
                            <A href=format!("/assessment/{id}") attr:data-testid="see-assessment">{s.see_assessment}</A>
                        </p>
                    }
                })}
                <Controls />
                {rollup.map(|r| rollup_summary(&r, &ds, l, "scope-rollup"))}
                {projects}
                <section class="kpi-frame-section">
                    <h2>{s.kpi_frame}</h2>
                    <p class="note">{s.kpi_frame_help}</p>
                    <div class="kpi-frame" data-testid="kpi-frame">{columns}</div>
                </section>
            </article>
        }
        .into_any()
    }
}

/// One indicator of the grid: its name (a link to its page), status, latest value and a small chart
/// of its headline series, drawn to the same size as its neighbours.
fn indicator_card(ds: &Dataset, ev: &Evaluation, ind: &Indicator, l: Lang) -> impl IntoView {
    let s = l.strings();
    let result = ev.indicator(&ind.id);
    let status = result.map(|r| r.status).unwrap_or(kpi::Status::NoData);
    let unit = l.pick(&ind.unit).to_owned();
    let latest = result.and_then(|r| r.current).map(|c| {
        format!(
            "{} {} ({})",
            format::number(c.value, ind.precision, l),
            unit,
            c.period
        )
    });
    let values: Vec<(f64, f64)> = ds
        .observations_of(&ind.id)
        .iter()
        .filter(|o| o.series.is_none())
        .filter_map(|o| o.value.map(|v| (o.period.as_year_fraction(), v)))
        .collect();
    let points = sparkline_points(&values, 160.0, 40.0);
    let summary = latest.clone().unwrap_or_else(|| s.no_value.to_owned());
    let chart = (!points.is_empty()).then(|| {
        view! {
            <svg class="multiple-chart" viewBox="0 0 160 40" preserveAspectRatio="none" role="img" aria-label=summary.clone()>
                <polyline points=points fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke" />
            </svg>
        }
    });
    let name = l.pick(&ind.name).to_owned();
    view! {
        <li class="multiple" data-testid="scope-card" data-indicator=ind.id.clone() data-status=status_key(status)>
            <A href=format!("/indicator/{}", ind.id)>{name}</A>
            <div class="multiple-status">{status_chip(status, l)}</div>
            {chart}
            <p class="multiple-value">{summary}</p>
        </li>
    }
}
