//! The programme dashboard: every axis, project and indicator with its latest value, target and progress.

use super::{use_lang, Data, ProvenanceBadge};
use crate::format;
use crate::i18n::Lang;
use crate::kpi;
use crate::model::{Dataset, Indicator};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Dashboard(data: Data) -> impl IntoView {
    let lang = use_lang();
    let ds = data.dataset;
    move || {
        let l = lang.get();
        let s = l.strings();
        let total = ds.indicators.len();
        let with_value = ds
            .indicators
            .iter()
            .filter(|i| ds.latest(&i.id).is_some())
            .count();
        let with_rate = ds
            .indicators
            .iter()
            .filter(|i| kpi::indicator_progress(&ds, i).is_ok())
            .count();
        let axes = ds
            .axes
            .iter()
            .map(|axis| {
                let projects = ds
                    .projects_of(&axis.id)
                    .map(|p| {
                        let rows = ds
                            .indicators_of(&p.id)
                            .map(|ind| indicator_row(&ds, ind, l))
                            .collect_view();
                        view! {
                            <section class="project" data-testid="project">
                                <h3>{l.pick(&p.name).to_owned()}</h3>
                                <table class="kpi-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{s.indicator}</th>
                                            <th scope="col" class="num">{s.latest_value}</th>
                                            <th scope="col" class="num">{s.target}</th>
                                            <th scope="col">{s.progress}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="axis" data-testid="axis">
                        <h2>{l.pick(&axis.name).to_owned()}</h2>
                        <p class="axis-description">{l.pick(&axis.description).to_owned()}</p>
                        {projects}
                    </section>
                }
            })
            .collect_view();
        view! {
            <div class="dashboard" data-testid="dashboard">
                <section class="programme">
                    <h1>{l.pick(&ds.programme.name).to_owned()}</h1>
                    <p class="lead">{l.pick(&ds.programme.description).to_owned()}</p>
                    <ul class="summary">
                        <li><strong data-testid="indicator-count">{total}</strong>" "{s.indicators_count}</li>
                        <li><strong>{with_value}</strong>" "{s.with_value}</li>
                        <li><strong>{with_rate}</strong>" "{s.with_rate}</li>
                    </ul>
                    <p class="source">{s.programme_source}" : "{ds.programme.source.clone()}</p>
                </section>
                {axes}
            </div>
        }
    }
}

fn indicator_row(ds: &Dataset, ind: &Indicator, l: Lang) -> impl IntoView {
    let s = l.strings();
    let unit = l.pick(&ind.unit).to_owned();
    let latest = ds.latest(&ind.id).map(|o| {
        let value = format::number(o.value.unwrap_or(f64::NAN), ind.precision, l);
        view! {
            <span class="value">{value}</span>
            " "
            <span class="unit">{unit.clone()}</span>
            <span class="period">{o.period.to_string()}</span>
            <ProvenanceBadge provenance=o.provenance />
        }
    });
    let target = ind.target.map(|t| {
        view! {
            <span class="value">{format::number(t.value, ind.precision, l)}</span>
            <span class="period">{t.period.to_string()}</span>
            <ProvenanceBadge provenance=t.provenance />
        }
    });
    let progress = match kpi::indicator_progress(ds, ind) {
        Ok(rate) => view! {
            <div class="bar" role="img" aria-label=format!("{} {}", s.progress, format::percent(rate, l))>
                <div class="bar-fill" style=format!("width:{rate:.1}%")></div>
            </div>
            <span class="rate" data-testid="progress-rate">{format::percent(rate, l)}</span>
        }
        .into_any(),
        Err(why) => view! { <span class="no-rate">{s.no_rate(why)}</span> }.into_any(),
    };
    let name = l.pick(&ind.name).to_owned();
    view! {
        <tr data-testid="indicator-row" data-indicator=ind.id.clone()>
            <td>
                <A href=format!("/indicator/{}", ind.id)>{name}</A>
                " "
                <span class=format!("kind kind-{:?}", ind.kind).to_lowercase()>{s.kind(ind.kind)}</span>
            </td>
            <td class="num">{latest.map(|v| v.into_any()).unwrap_or_else(|| view! { <span class="no-rate">{s.no_value}</span> }.into_any())}</td>
            <td class="num">{target}</td>
            <td class="progress">{progress}</td>
        </tr>
    }
}
