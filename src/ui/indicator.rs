//! The indicator page: key figures, chart, observations table and metadata, at `/indicator/:id`.

use super::chart::ChartCanvas;
use super::{use_lang, Data, ProvenanceBadge};
use crate::chart::IndicatorChart;
use crate::format;
use crate::kpi;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn IndicatorPage(data: Data) -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let ds = data.dataset;
    move || {
        let l = lang.get();
        let s = l.strings();
        let id = params.read().get("id").unwrap_or_default();
        let Some(ind) = ds.indicator(&id) else {
            return view! {
                <p class="error" role="alert">{s.not_found}" : "{id}</p>
                <A href="/">{s.back_to_dashboard}</A>
            }
            .into_any();
        };
        let project = ds.project(&ind.project);
        let axis = project.and_then(|p| ds.axis(&p.axis));
        let unit = l.pick(&ind.unit).to_owned();
        let fmt = |v: f64| format::number(v, ind.precision, l);
        let milestone = |m: Option<crate::model::Milestone>| {
            m.map(|m| {
                view! {
                    <span class="value">{fmt(m.value)}</span>
                    " "
                    <span class="unit">{unit.clone()}</span>
                    <span class="period">{m.period.to_string()}</span>
                    <ProvenanceBadge provenance=m.provenance />
                }
                .into_any()
            })
            .unwrap_or_else(|| view! { <span class="no-rate">"—"</span> }.into_any())
        };
        let latest = ds.latest(&ind.id).map(|o| crate::model::Milestone {
            value: o.value.unwrap_or(f64::NAN),
            period: o.period,
            provenance: o.provenance,
        });
        let rate = match kpi::indicator_progress(&ds, ind) {
            Ok(r) => format::percent(r, l),
            Err(why) => s.no_rate(why).to_owned(),
        };
        let rows = ds
            .observations_of(&ind.id)
            .iter()
            .map(|o| {
                view! {
                    <tr>
                        <td>{o.period.to_string()}</td>
                        <td class="num">{o.value.map(fmt).unwrap_or_else(|| s.no_value.to_owned())}</td>
                        <td><ProvenanceBadge provenance=o.provenance /></td>
                        <td class="note">{o.note.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        let chart = IndicatorChart::of(&ds, ind);
        let name = l.pick(&ind.name).to_owned();
        let label = format!("{} — {}", l.pick(&ind.name), s.chart_caption);
        view! {
            <article class="indicator" data-testid="indicator-page">
                <nav class="crumbs">
                    <A href="/">{s.back_to_dashboard}</A>
                    {axis.map(|a| format!(" · {}", l.pick(&a.name)))}
                    {project.map(|p| format!(" · {}", l.pick(&p.name)))}
                </nav>
                <h1>{name}" "<span class=format!("kind kind-{:?}", ind.kind).to_lowercase()>{s.kind(ind.kind)}</span></h1>
                <dl class="figures">
                    <div><dt>{s.latest_value}</dt><dd data-testid="latest-value">{milestone(latest)}</dd></div>
                    <div><dt>{s.baseline}</dt><dd>{milestone(ind.baseline)}</dd></div>
                    <div><dt>{s.target}</dt><dd>{milestone(ind.target)}</dd></div>
                    <div><dt>{s.progress}</dt><dd data-testid="progress-rate" class="value">{rate}</dd></div>
                </dl>
                <figure class="chart-figure">
                    <ChartCanvas chart=chart label=label />
                    <figcaption>
                        <span class="legend legend-observed">{s.legend_observed}</span>
                        <span class="legend legend-trajectory">{s.legend_trajectory}</span>
                        <span class="legend legend-target">{s.target}</span>
                        <span class="legend legend-baseline">{s.baseline}</span>
                    </figcaption>
                </figure>
                <h2>{s.observations}</h2>
                <table class="obs-table" data-testid="observations-table">
                    <thead>
                        <tr>
                            <th scope="col">{s.period}</th>
                            <th scope="col" class="num">{format!("{} ({})", s.value, unit)}</th>
                            <th scope="col">{s.provenance}</th>
                            <th scope="col">{s.note}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <dl class="metadata">
                    <dt>{s.definition}</dt><dd>{l.pick(&ind.definition).to_owned()}</dd>
                    <dt>{s.unit}</dt><dd>{unit.clone()}</dd>
                    <dt>{s.direction}</dt><dd>{s.direction_name(ind.direction)}</dd>
                    <dt>{s.source}</dt><dd>{ind.source.clone()}</dd>
                </dl>
            </article>
        }
        .into_any()
    }
}
