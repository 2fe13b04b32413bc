//! The indicator page at `/indicator/:id`: status with the numbers behind it and their formulas,
//! the chart, the observations table and the metadata, as of the chosen date.

use super::chart::ChartPanel;
use super::embed::EmbedPanel;
use super::kpi_view::{formula_details, kind_key, status_chip, use_settings, Controls};
use super::map::MapPanel;
use super::series::{series_table, SeriesPicker};
use super::workshop::use_effective;
use super::{use_lang, Data, ProvenanceBadge};
use crate::chart::{series_choices, series_keys_of_text, IndicatorChart};
use crate::embed::EmbedKind;
use crate::format;
use crate::kpi;
use crate::map;
use crate::model::Milestone;

/// The most observations the table lists (the latest).
const TABLE_ROWS: usize = 500;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn IndicatorPage(data: Data) -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let params = use_params_map();
    let query = use_query_map();
    // The series list's filter, kept while the page is drawn again after a tick.
    let series_filter = RwSignal::new(String::new());
    let series_open = RwSignal::new(false);
    let effective_ds = use_effective(data.dataset);
    move || {
        let ds = effective_ds.get().0;
        let l = lang.get();
        let s = l.strings();
        let id = params.read().get("id").unwrap_or_default();
        let as_of = settings.as_of.get();
        let Some(ind) = ds.indicator(&id) else {
            return view! {
                <p class="error" role="alert">{s.not_found}" : "{id}</p>
                <A href="/">{s.back_to_dashboard}</A>
            }
            .into_any();
        };
        let result = kpi::evaluate_one(&ds, &id, &kpi::Options::as_of(as_of));
        let project = ds.project(&ind.project);
        let axis = project.and_then(|p| ds.axis(&p.axis));
        let unit = l.pick(&ind.unit).to_owned();
        let fmt = |v: f64| format::number(v, ind.precision, l);
        let milestone = |m: Option<Milestone>| {
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
        let current = result.as_ref().and_then(|r| r.current).map(|c| {
            let provenance = ds
                .observations_of(&id)
                .iter()
                .rev()
                .find(|o| o.period == c.period)
                .map(|o| o.provenance)
                .unwrap_or_default();
            Milestone {
                value: c.value,
                period: c.period,
                provenance,
            }
        });
        let status = result.as_ref().map_or(kpi::Status::NoData, |r| r.status);
        let rate = result.as_ref().map(|r| match (&r.progress, r.no_rate) {
            (Some(p), _) => view! {
                <span class="value">{format::percent(p.rate, l)}</span>
                {formula_details(&p.formula, l)}
            }
            .into_any(),
            (None, Some(why)) => view! { <span class="no-rate">{s.no_rate(why)}</span> }.into_any(),
            (None, None) => view! { <span class="no-rate">"—"</span> }.into_any(),
        });
        let expected = result
            .as_ref()
            .and_then(|r| r.trajectory.as_ref())
            .map(|t| {
                view! {
                    <div>
                        <dt>{s.expected_by_now}</dt>
                        <dd data-testid="expected">
                            <span class="value">{format::percent(t.expected_rate, l)}</span>
                            " ("{fmt(t.expected_value)}" "{unit.clone()}")"
                            {formula_details(&t.formula, l)}
                        </dd>
                    </div>
                }
            });
        let sdg = result.as_ref().map(|r| {
            let sdg = &r.sdg;
            let p = sdg
                .progress_value
                .map(|p| format::number(p, 3, l))
                .unwrap_or_else(|| "—".into());
            let score = sdg
                .score
                .map(|v| format::number(v, 2, l))
                .unwrap_or_else(|| "—".into());
            view! {
                <div class="wide">
                    <dt>{s.sdg_progress}</dt>
                    <dd data-testid="sdg">
                        <span class="value">{l.pick(&sdg.status.label()).to_owned()}</span>
                        <span class="period">{s.sdg_p}" "{p}" · "{s.sdg_score}" "{score}</span>
                        {formula_details(&sdg.formula, l)}
                        <ul class="sdg-statuses" data-testid="sdg-statuses">
                            {sdg.statuses().into_iter().map(|line| view! {
                                <li>
                                    {l.sdg_status_kind(line.kind)}" : "
                                    <strong>{l.pick(&line.status.label()).to_owned()}</strong>
                                    {formula_details(&line.formula, l)}
                                </li>
                            }).collect::<Vec<_>>()}
                        </ul>
                    </dd>
                </div>
            }
        });
        let forecast = result.as_ref().and_then(|r| r.forecast.as_ref()).map(|f| {
            let at_target = f.value_at_target.map(fmt).unwrap_or_else(|| "—".into());
            let reached = f
                .reached_by
                .map(|d| d.to_string())
                .unwrap_or_else(|| s.not_reached.to_owned());
            view! {
                <div>
                    <dt>{s.forecast_at_target}</dt>
                    <dd data-testid="forecast">
                        <span class="value">{at_target}</span>
                        " "
                        <span class="unit">{unit.clone()}</span>
                        <span class="period">{s.reached_by}" : "{reached}</span>
                        {formula_details(&f.formula, l)}
                    </dd>
                </div>
            }
        });
        let overdue = result.as_ref().and_then(|r| r.overdue.as_ref()).map(|o| {
            let text = if o.is_overdue { s.overdue } else { s.due };
            view! {
                <div>
                    <dt>{s.collection}</dt>
                    <dd data-testid="overdue-check">
                        <span class=if o.is_overdue { "value overdue-flag" } else { "value" }>{text}</span>
                        " "
                        <span class="period">{o.due.to_string()}</span>
                        {formula_details(&o.formula, l)}
                    </dd>
                </div>
            }
        });
        // The table shows the last `TABLE_ROWS` observations, so that a file with millions opens.
        let all = ds.observations_of(&ind.id);
        let disaggregated = all.iter().any(|o| o.series.is_some());
        let left_out = all.len().saturating_sub(TABLE_ROWS);
        let rows = all[left_out..]
            .iter()
            .map(|o| {
                let series = disaggregated.then(|| {
                    let dims = ds.dimensions_of(o);
                    let text = dims.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", ");
                    view! { <td>{text}</td> }
                });
                view! {
                    <tr>
                        <td>{o.period.to_string()}</td>
                        {series}
                        <td class="num">{o.value.map(fmt).unwrap_or_else(|| s.no_value.to_owned())}</td>
                        <td><ProvenanceBadge provenance=o.provenance /></td>
                        <td class="note">{o.note.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        // The series drawn: the person's choice (`?series=`), or the first ones.
        let chosen = query
            .with(|q| q.get("series"))
            .map(|t| series_keys_of_text(&t));
        let chart = IndicatorChart::of_chosen(&ds, ind, l, chosen.as_deref());
        let choices = series_choices(&ds, ind, l);
        let picker = (choices.len() > 1).then(|| {
            let drawn = chart.keys.clone();
            view! { <SeriesPicker choices=choices drawn=drawn filter=series_filter open=series_open /> }
        });
        let drawn_table = series_table(&chart);
        let drawn_keys = chosen.is_some().then(|| chart.keys.clone());
        // A territory dimension puts a map beside the chart: each territory's latest value as of the date.
        let territories = map::territory_key(&ds, &id)
            .map(|key| {
                let values = map::latest_by_territory(&ds, &id, &key, Some(as_of));
                let shared = map::shared_dimensions(&ds, &values, &key);
                (values, shared)
            })
            .filter(|(v, _)| !v.is_empty());
        let name = l.pick(&ind.name).to_owned();
        let label = format!("{} — {}", name, s.chart_caption);
        let name_for_embed = name.clone();
        let name_for_map = name.clone();
        view! {
            <article class="indicator" data-testid="indicator-page" data-indicator=id.clone()>
                <nav class="crumbs">
                    <A href="/">{s.back_to_dashboard}</A>
                    {axis.map(|a| {
                        let name = l.pick(&a.name).to_owned();
                        view! { " · " <A href=format!("/axis/{}", a.id) attr:data-testid="crumb-axis">{name}</A> }
                    })}
                    {project.map(|p| {
                        let name = l.pick(&p.name).to_owned();
                        view! { " · " <A href=format!("/project/{}", p.id) attr:data-testid="crumb-project">{name}</A> }
                    })}
                </nav>
                <h1>{name}" "<span class=format!("kind kind-{}", kind_key(ind.kind))>{s.kind(ind.kind)}</span></h1>
                <Controls />
                <p class="status-line" data-testid="indicator-status">
                    {status_chip(status, l)}
                    " "
                    <span class="period">{s.recomputed_for}" "{as_of.to_string()}</span>
                </p>
                <dl class="figures">
                    <div><dt>{s.current_value}</dt><dd data-testid="latest-value">{milestone(current)}</dd></div>
                    <div><dt>{s.baseline}</dt><dd>{milestone(ind.baseline)}</dd></div>
                    <div><dt>{s.target}</dt><dd>{milestone(ind.target)}</dd></div>
                    <div><dt>{s.progress}</dt><dd data-testid="progress-rate">{rate}</dd></div>
                    {expected}
                    {sdg}
                    {forecast}
                    {overdue}
                </dl>
                <figure class="chart-figure">
                    <ChartPanel chart=chart label=label file_stem=id.clone() />
                </figure>
                {picker}
                {drawn_table}
                {territories.map(|(values, shared)| view! {
                    <MapPanel values=values precision=ind.precision unit=unit.clone() name=name_for_map.clone() shared=shared drawn=drawn_keys.clone() />
                })}
                <p class="see-also">
                    <A href=format!("/compare?a={}", js_sys::encode_uri_component(&id)) attr:data-testid="compare-link">
                        {l.compare_strings().link}
                    </A>
                </p>
                <h2>{s.observations}</h2>
                <table class="obs-table" data-testid="observations-table">
                    <thead>
                        <tr>
                            <th scope="col">{s.period}</th>
                            {disaggregated.then(|| view! { <th scope="col">{s.series_col}</th> })}
                            <th scope="col" class="num">{format!("{} ({})", s.value, unit)}</th>
                            <th scope="col">{s.provenance}</th>
                            <th scope="col">{s.note}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                {(left_out > 0).then(|| view! {
                    <p class="note" data-testid="rows-left-out">{format::number(left_out as f64, 0, l)}" "{s.rows_left_out}</p>
                })}
                <EmbedPanel id=id.clone() title=name_for_embed kinds=vec![EmbedKind::Card, EmbedKind::Chart] />
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
