//! The assessment page (`/assessment`, and `/assessment/:id` for one action; full wasm only): each
//! action at its start, midway and final moments, the programme's statement beside the action's
//! KPIs as the engine computes them as of that moment's date (`kpi::assessment`).

use super::kpi_view::{status_chip, status_key, use_settings, Settings};
use super::workshop::{use_effective, use_workshop};
use super::{use_lang, Data, ProvenanceBadge};
use crate::format;
use crate::i18n::Lang;
use crate::kpi::assessment::{assess, ActionAssessment, MomentView};
use crate::model::Dataset;
use crate::workshop::Statements;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AssessmentPage(data: Data) -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let params = use_params_map();
    let ws = use_workshop();
    let effective_ds = use_effective(data.dataset);
    // The evaluations (one per moment date) are redone only when the data or the action changes.
    let actions = Memo::new(move |_| {
        let only = params.read().get("id");
        let ds = effective_ds.get().0;
        assess(&ds, only.as_deref())
    });
    move || {
        let ds = effective_ds.get().0;
        let l = lang.get();
        let s = l.strings();
        let only = params.read().get("id");
        let list = actions.get();
        let body = if list.is_empty() {
            let text = match &only {
                Some(id) if ds.project(id).is_none() => format!("{} : {id}", s.not_found),
                _ => s.no_assessment.to_owned(),
            };
            view! { <p class="note" role="status" data-testid="no-assessment">{text}</p> }
                .into_any()
        } else {
            let written = ws.statements.get();
            list.iter()
                .map(|a| action_view(&ds, a, l, settings, &written, only.is_none()))
                .collect_view()
                .into_any()
        };
        view! {
            <article class="assessment" data-testid="assessment-page">
                <nav class="crumbs" data-testid="crumbs">
                    <A href="/">{s.back_to_dashboard}</A>
                    {only.is_some().then(|| view! { " · " <A href="/assessment">{s.all_actions}</A> })}
                </nav>
                <h1>{s.assessment_title}</h1>
                <p class="lead">{s.assessment_intro}</p>
                {body}
            </article>
        }
    }
}

/// One action: its name (a link to its project page), a link to its own assessment page when the
/// page lists every action (`with_link`), and its moments side by side (`written`: the statements
/// the workshop wrote, marked as such).
fn action_view(
    ds: &Dataset,
    action: &ActionAssessment,
    l: Lang,
    settings: Settings,
    written: &Statements,
    with_link: bool,
) -> impl IntoView {
    let s = l.strings();
    let name = ds
        .project(&action.project)
        .map_or_else(|| action.project.clone(), |p| l.pick(&p.name).to_owned());
    let moments = action
        .moments
        .iter()
        .map(|m| {
            let day = written
                .get(&action.project, m.assessment.moment)
                .map(|w| w.written_at);
            moment_view(ds, m, l, settings, day)
        })
        .collect_view();
    let heading_id = format!("action-{}", action.project);
    let labelled_by = heading_id.clone();
    view! {
        <section class="assessment-action" data-testid="assessment-action" data-project=action.project.clone() aria-labelledby=labelled_by>
            <p class="scope-label">{s.project_label}</p>
            <h2 id=heading_id>
                <A href=format!("/project/{}", action.project)>{name}</A>
            </h2>
            {with_link.then(|| view! {
                <A href=format!("/assessment/{}", action.project) attr:class="action-link" attr:data-testid="action-link">{s.see_assessment}</A>
            })}
            <div class="moments">{moments}</div>
        </section>
    }
}

/// One moment: its name and date, the statement (quoted, with where it comes from) and each of the
/// action's indicators with its value and status as of that date; following one opens its page as
/// of that date. `written`: the day the workshop wrote the statement, when it did.
fn moment_view(
    ds: &Dataset,
    m: &MomentView,
    l: Lang,
    settings: Settings,
    written: Option<crate::period::Date>,
) -> impl IntoView {
    let s = l.strings();
    let a = &m.assessment;
    let text = l.pick(&a.statement).to_owned();
    // The statement's own language: English only when the page is English and the text exists.
    let text_lang = if l == Lang::En && !a.statement.en.is_empty() {
        Lang::En.tag()
    } else {
        Lang::Fr.tag()
    };
    let note = (!a.note.is_empty()).then(|| {
        let note = a.note.clone();
        view! {
            <details class="statement-source">
                <summary>{s.statement_source}</summary>
                <p>{note}</p>
            </details>
        }
    });
    let date = a.date;
    let kpis = m
        .indicators
        .iter()
        .map(|r| {
            let ind = ds.indicator(&r.id);
            let name = ind.map_or_else(|| r.id.clone(), |i| l.pick(&i.name).to_owned());
            // Without a value the status chip says so alone.
            let value = match (r.current, ind) {
                (Some(c), Some(i)) => Some(format!(
                    "{} {} ({})",
                    format::number(c.value, i.precision, l),
                    l.pick(&i.unit),
                    c.period
                )),
                _ => None,
            };
            view! {
                <li class="moment-kpi" data-testid="moment-kpi" data-indicator=r.id.clone() data-status=status_key(r.status)>
                    <A href=format!("/indicator/{}", r.id) on:click=move |_| settings.as_of.set(date)>{name}</A>
                    {value.map(|v| view! { <span class="moment-kpi-value">{v}</span> })}
                    {status_chip(r.status, l)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="moment" data-testid="moment" data-moment=a.moment.key() data-date=a.date.to_string()>
            <h3>{s.moment(a.moment)}</h3>
            <blockquote class="statement" lang=text_lang data-testid="statement">
                <p>{text}</p>
            </blockquote>
            <p class="statement-badge">
                {match written {
                    Some(day) => view! {
                        <span class="badge badge-illustrative" data-testid="statement-workshop">{l.statement_strings().written_on}" "{day.to_string()}</span>
                    }.into_any(),
                    None => view! { <ProvenanceBadge provenance=a.provenance /> }.into_any(),
                }}
                " "
                <A href=format!("/workshop?action={}&moment={}", a.project, a.moment.key()) attr:class="statement-edit" attr:data-testid="statement-edit">{l.statement_strings().write_in_workshop}</A>
            </p>
            {note}
            <h4 class="moment-date">{s.kpis_as_of}" "<time datetime=a.date.to_string()>{a.date.to_string()}</time></h4>
            <ul class="moment-kpis">{kpis}</ul>
        </section>
    }
}
