//! Workshop mode at `/workshop`: values typed in the room (saved at every keystroke, undoable, kept
//! apart from imported data), "what if" target scenarios recomputed live, and the workshop file
//! exported and imported with its conflicts listed. The logic is in `crate::workshop`; the state the
//! pages share is the parent module's.

use super::super::kpi_view::{progress_bar, status_chip, today, use_settings};
use super::super::{use_lang, Data, ProvenanceBadge};
use super::{use_workshop, Workshop};
use crate::format;
use crate::i18n::Lang;
use crate::kpi;
use crate::model::{Dataset, Indicator, Moment};
use crate::workshop::{
    self, Conflict, ConflictChoices, Entry, EntryAction, EntryError, EntryForm, Scenario,
    Statement, StatementError, StatementForm, WhatIfForm,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// The workshop file of the current state: entries, scenarios and statements.
fn workshop_text(ws: Workshop) -> String {
    workshop::export(
        &ws.dataset.get_untracked(),
        today(),
        &ws.entries.get_untracked(),
        &ws.scenarios.get_untracked(),
        &ws.statements.get_untracked(),
    )
}

/// Saves the workshop state (entries, scenarios and statements) in the store, and reports the
/// outcome.
fn save(ws: Workshop) {
    let text = workshop_text(ws);
    let edits: Vec<_> = ws
        .entries
        .get_untracked()
        .entries
        .iter()
        .map(Entry::to_observation)
        .collect();
    leptos::task::spawn_local(async move {
        let id = ws.dataset.get_untracked();
        let result = super::super::save_workshop(ws.store, &id, &text, edits)
            .await
            .map_err(|e| e.to_string());
        ws.saved.set(Some(result));
    });
}

/// The range the value is expected in: observed minimum and maximum, and the target.
fn expected_range(ds: &Dataset, ind: &Indicator, lang: Lang) -> String {
    let s = lang.strings();
    let values: Vec<f64> = ds
        .observations_of(&ind.id)
        .iter()
        .filter_map(|o| o.value)
        .collect();
    let unit = lang.pick(&ind.unit);
    let mut parts = Vec::new();
    if let (Some(lo), Some(hi)) = (
        values.iter().copied().reduce(f64::min),
        values.iter().copied().reduce(f64::max),
    ) {
        parts.push(format!(
            "{} {} {} {} {unit}",
            s.observed_range,
            format::number(lo, ind.precision, lang),
            s.to,
            format::number(hi, ind.precision, lang)
        ));
    }
    if let Some(t) = ind.target {
        parts.push(format!(
            "{} {} {unit} ({})",
            s.target,
            format::number(t.value, ind.precision, lang),
            t.period
        ));
    }
    parts.join(" · ")
}

#[component]
pub fn WorkshopPage(data: Data) -> impl IntoView {
    let lang = use_lang();
    let s = move || lang.get().strings();
    let base = data.dataset;
    let first = base
        .indicators
        .first()
        .map(|i| i.id.clone())
        .unwrap_or_default();
    view! {
        <article class="workshop" data-testid="workshop">
            <h1>{move || s().workshop}</h1>
            <p class="lead">{move || s().workshop_lead}</p>
            <EntrySection base=base.clone() first=first.clone() />
            <WhatIfSection base=base.clone() first=first />
            <StatementSection base=base.clone() />
            <WorkshopFileSection base=base />
        </article>
    }
}

/// The indicators as `<option>`s, each named with its project.
fn indicator_options(base: &Dataset, l: Lang) -> impl IntoView {
    base.indicators
        .iter()
        .map(|i| {
            let project = base
                .project(&i.project)
                .map(|p| l.pick(&p.name).to_owned())
                .unwrap_or_default();
            view! { <option value=i.id.clone()>{format!("{project} — {}", l.pick(&i.name))}</option> }
        })
        .collect_view()
}

/// Undoes the last entry change, and saves when there was one.
fn undo(ws: Workshop) {
    if ws.entries.try_update(|e| e.undo()).unwrap_or(false) {
        save(ws);
    }
}

/// The entry form (saved at every keystroke), its expected range and status, and the entered values.
#[component]
fn EntrySection(base: Arc<Dataset>, first: String) -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let ws = use_workshop();
    let s = move || lang.get().strings();
    let form = RwSignal::new(EntryForm {
        indicator: first,
        period: today().year.to_string(),
        value: String::new(),
    });
    let error = RwSignal::new(None::<EntryError>);

    let base_entry = base.clone();
    let on_entry = Callback::new(move |()| {
        let f = form.get_untracked();
        match f.read(today()) {
            Err(e) => error.set(Some(e)),
            Ok(action) => {
                error.set(None);
                if base_entry.indicator(&f.indicator).is_none() {
                    return;
                }
                ws.entries.update(|e| match action {
                    EntryAction::Set(entry) => e.set(entry),
                    EntryAction::Remove { indicator, period } => e.remove(&indicator, period),
                });
                save(ws);
            }
        }
    });

    let base_now = base.clone();
    let entry_status = move || {
        let l = lang.get();
        let id = form.with(|f| f.indicator.clone());
        let ds = ws.with_entries(&base_now);
        let ind = ds.indicator(&id)?.clone();
        let r = kpi::evaluate_one(&ds, &id, &kpi::Options::as_of(settings.as_of.get()))?;
        Some(view! {
            <p class="entry-range" data-testid="expected-range">{l.strings().expected_range}" : "{expected_range(&base_now, &ind, l)}</p>
            <p class="entry-status" data-testid="entry-status">
                {status_chip(r.status, l)}
                " "
                {progress_bar(r.progress.as_ref().map(|p| p.rate), l)}
            </p>
        })
    };
    let base_options = base.clone();
    view! {
        <section class="workshop-entry">
            <h2>{move || s().entry}</h2>
            <form class="controls entry-form" on:submit=|ev| ev.prevent_default()
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if (ev.ctrl_key() || ev.meta_key()) && ev.key() == "z" {
                        ev.prevent_default();
                        undo(ws);
                    }
                }>
                <label>
                    {move || s().indicator}
                    <select data-testid="entry-indicator" prop:value=move || form.with(|f| f.indicator.clone())
                        on:change=move |ev| form.update(|f| f.indicator = event_target_value(&ev))>
                        {move || indicator_options(&base_options, lang.get())}
                    </select>
                </label>
                <label>
                    {move || s().period}
                    <input type="text" size="10" data-testid="entry-period" prop:value=move || form.with(|f| f.period.clone())
                        on:input=move |ev| { form.update(|f| f.period = event_target_value(&ev)); on_entry.run(()); } />
                </label>
                <label>
                    {move || s().value}
                    <input type="text" inputmode="decimal" size="10" data-testid="entry-value" prop:value=move || form.with(|f| f.value.clone())
                        on:input=move |ev| { form.update(|f| f.value = event_target_value(&ev)); on_entry.run(()); } />
                </label>
                <button type="button" data-testid="undo" disabled=move || !ws.entries.with(|e| e.can_undo()) on:click=move |_| undo(ws)>
                    {move || s().undo}
                </button>
            </form>
            {move || error.get().map(|e| {
                let m = match e {
                    EntryError::BadPeriod => s().bad_period,
                    EntryError::BadValue => s().bad_value,
                };
                view! { <p class="error" role="alert" data-testid="entry-error">{m}</p> }
            })}
            {entry_status}
            <p class="save-state" data-testid="save-state" aria-live="polite">
                {move || match ws.saved.get() {
                    Some(Ok(())) => s().saved.to_owned(),
                    Some(Err(e)) => format!("{} : {e}", s().not_saved),
                    None => String::new(),
                }}
            </p>
            <h3>{move || s().entered_values}</h3>
            <EntriesTable base=base />
        </section>
    }
}

/// The values entered in this workshop, one row per indicator and period (keyed, so a row keeps its
/// place and focus when another changes).
#[component]
fn EntriesTable(base: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let ws = use_workshop();
    let s = move || lang.get().strings();
    let rows = move || ws.entries.with(|e| e.entries.clone());
    view! {
        <table class="obs-table" data-testid="entries-table">
            <thead>
                <tr>
                    <th scope="col">{move || s().indicator}</th>
                    <th scope="col">{move || s().period}</th>
                    <th scope="col" class="num">{move || s().value}</th>
                    <th scope="col">{move || s().entered_on}</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=rows
                    key=|e| (e.indicator.clone(), e.period, e.value.map(f64::to_bits), e.entered_at)
                    children=move |e: Entry| {
                        let ind = base.indicator(&e.indicator).cloned();
                        let (id, period) = (e.indicator.clone(), e.period);
                        view! {
                            <tr data-testid="entry-row">
                                <td>{move || ind.as_ref().map(|i| lang.get().pick(&i.name).to_owned()).unwrap_or_else(|| e.indicator.clone())}</td>
                                <td>{e.period.to_string()}</td>
                                <td class="num">{
                                    let ind = base.indicator(&id).cloned();
                                    move || {
                                        let l = lang.get();
                                        let precision = ind.as_ref().map_or(2, |i| i.precision);
                                        let unit = ind.as_ref().map(|i| l.pick(&i.unit).to_owned()).unwrap_or_default();
                                        format!("{} {unit}", e.value.map(|v| format::number(v, precision, l)).unwrap_or_default())
                                    }
                                }</td>
                                <td>{e.entered_at.to_string()}" "<span class="badge badge-illustrative">{move || s().hand_entered}</span></td>
                                <td>
                                    <button type="button" class="link-button" on:click={
                                        let id = id.clone();
                                        move |_| {
                                            ws.entries.update(|en| en.remove(&id, period));
                                            save(ws);
                                        }
                                    }>{move || s().remove}</button>
                                </td>
                            </tr>
                        }
                    }
                />
            </tbody>
        </table>
    }
}

/// "What if": a draft scenario on targets, compared live with the published ones, kept by name.
#[component]
fn WhatIfSection(base: Arc<Dataset>, first: String) -> impl IntoView {
    let lang = use_lang();
    let settings = use_settings();
    let ws = use_workshop();
    let s = move || lang.get().strings();
    let form = RwSignal::new(WhatIfForm {
        indicator: first,
        ..WhatIfForm::default()
    });

    let base_wi = base.clone();
    let comparison = move || {
        let l = lang.get();
        let s = l.strings();
        let as_of = kpi::Options::as_of(settings.as_of.get());
        let ds = ws.with_entries(&base_wi);
        let (id, scenario) = form.with(|f| (f.indicator.clone(), f.scenario()));
        let after = scenario.apply(&ds);
        let (e0, e1) = (kpi::evaluate(&ds, &as_of), kpi::evaluate(&after, &as_of));
        let row = |label: &'static str, e: &kpi::Evaluation, testid: &'static str| {
            let r = e.indicator(&id);
            view! {
                <tr data-testid=testid>
                    <th scope="row">{label}</th>
                    <td>{r.map(|r| status_chip(r.status, l))}</td>
                    <td>{progress_bar(r.and_then(|r| r.progress.as_ref().map(|p| p.rate)), l)}</td>
                    <td>{progress_bar(e.programme.progress, l)}</td>
                </tr>
            }
        };
        view! {
            <table class="what-if-table">
                <thead>
                    <tr>
                        <th></th>
                        <th scope="col">{s.status}</th>
                        <th scope="col">{s.progress}</th>
                        <th scope="col">{s.programme_progress}</th>
                    </tr>
                </thead>
                <tbody>
                    {row(s.before, &e0, "what-if-before")}
                    {row(s.after, &e1, "what-if-after")}
                </tbody>
            </table>
        }
    };
    let keep = move |_| {
        let n = ws.scenarios.with_untracked(Vec::len) + 1;
        let default_name = s().scenario_default.replace("{n}", &n.to_string());
        let mut kept = None;
        form.update(|f| kept = f.keep(default_name));
        if let Some(scenario) = kept {
            ws.scenarios.update(|v| v.push(scenario));
            save(ws);
        }
    };
    let field = move |ev: &leptos::ev::Event, set: fn(&mut WhatIfForm, String)| {
        let v = event_target_value(ev);
        form.update(|f| set(f, v));
    };
    view! {
        <section class="workshop-what-if" data-testid="what-if">
            <h2>{move || s().what_if}</h2>
            <p class="lead">{move || s().what_if_lead}</p>
            <form class="controls" on:submit=|ev| ev.prevent_default()>
                <label>
                    {move || s().indicator}
                    <select data-testid="what-if-indicator" prop:value=move || form.with(|f| f.indicator.clone())
                        on:change=move |ev| field(&ev, |f, v| f.indicator = v)>
                        {move || indicator_options(&base, lang.get())}
                    </select>
                </label>
                <label>
                    {move || s().new_target_value}
                    <input type="text" inputmode="decimal" size="8" data-testid="what-if-value" prop:value=move || form.with(|f| f.value.clone())
                        on:input=move |ev| field(&ev, |f, v| f.value = v) />
                </label>
                <label>
                    {move || s().new_target_date}
                    <input type="text" size="8" placeholder="2028" data-testid="what-if-date" prop:value=move || form.with(|f| f.period.clone())
                        on:input=move |ev| field(&ev, |f, v| f.period = v) />
                </label>
            </form>
            {comparison}
            <form class="controls" on:submit=|ev| ev.prevent_default()>
                <label>
                    {move || s().scenario_name}
                    <input type="text" data-testid="scenario-name" prop:value=move || form.with(|f| f.name.clone())
                        on:input=move |ev| field(&ev, |f, v| f.name = v) />
                </label>
                <button type="button" data-testid="keep-scenario" on:click=keep>{move || s().keep_scenario}</button>
                <button type="button" data-testid="discard-scenario" on:click=move |_| form.update(WhatIfForm::discard)>{move || s().discard}</button>
            </form>
            <h3>{move || s().scenarios}</h3>
            <ScenarioList on_show=Callback::new(move |sc: Scenario| form.update(|f| f.draft = sc)) />
        </section>
    }
}

/// The kept scenarios, each shown again or removed (keyed by position and name).
#[component]
fn ScenarioList(on_show: Callback<Scenario>) -> impl IntoView {
    let lang = use_lang();
    let ws = use_workshop();
    let s = move || lang.get().strings();
    let items = move || {
        ws.scenarios
            .get()
            .into_iter()
            .enumerate()
            .collect::<Vec<_>>()
    };
    view! {
        <ul class="scenarios">
            <For
                each=items
                key=|(i, sc)| (*i, sc.name.clone(), sc.changes.len())
                children=move |(i, sc): (usize, Scenario)| {
                    let shown = sc.clone();
                    let changes = move || {
                        let l = lang.get();
                        sc.changes
                            .iter()
                            .map(|c| format!("{} → {}{}", c.indicator, c.value.map(|v| format::number(v, 2, l)).unwrap_or_default(), c.period.map(|p| format!(" ({p})")).unwrap_or_default()))
                            .collect::<Vec<_>>()
                            .join(" ; ")
                    };
                    let name = sc.name.clone();
                    view! {
                        <li data-testid="scenario">
                            <strong>{name}</strong>" : "{changes}" "
                            <button type="button" class="link-button" on:click=move |_| on_show.run(shown.clone())>{move || s().show}</button>
                            " "
                            <button type="button" class="link-button" on:click=move |_| {
                                ws.scenarios.update(|v| {
                                    if i < v.len() {
                                        v.remove(i);
                                    }
                                });
                                save(ws);
                            }>{move || s().remove}</button>
                        </li>
                    }
                }
            />
        </ul>
    }
}

/// The assessment statements: the form for one action and moment (saved at every keystroke), the
/// published text beside it, and the statements written so far. `?action=&moment=` opens the form
/// on one (the assessment page links there).
#[component]
fn StatementSection(base: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let ws = use_workshop();
    let query = use_query_map();
    let t = move || lang.get().statement_strings();
    let s = move || lang.get().strings();
    // The action asked for in the address, else the first the programme judged, else the first.
    let asked = query.with_untracked(|q| (q.get("action"), q.get("moment")));
    let project = asked
        .0
        .clone()
        .filter(|id| base.project(id).is_some())
        .or_else(|| base.assessments.first().map(|a| a.project.clone()))
        .or_else(|| base.projects.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    let moment = asked
        .1
        .as_deref()
        .and_then(Moment::of_key)
        .unwrap_or(Moment::Start);
    let form = RwSignal::new(StatementForm::of(&ws.effective(&base), &project, moment));
    let error = RwSignal::new(None::<StatementError>);
    let section = NodeRef::<leptos::html::Section>::new();
    if asked.0.is_some() {
        // A link to one statement brings its form into view.
        Effect::new(move |_| {
            if let Some(el) = section.get() {
                el.scroll_into_view();
            }
        });
    }

    let base_fill = base.clone();
    // Shows another action or moment: the form takes what the dataset shown says then.
    let choose = move |project: String, moment: Moment| {
        error.set(None);
        form.set(StatementForm::of(
            &ws.effective(&base_fill),
            &project,
            moment,
        ));
    };
    let choose_again = choose.clone();
    let typed = move |set: fn(&mut StatementForm, String), ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        form.update(|f| set(f, v));
        match form.with_untracked(|f| f.read(today())) {
            Ok(statement) => {
                error.set(None);
                ws.statements.update(|st| st.set(statement));
                save(ws);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let base_published = base.clone();
    let published = move || {
        let l = lang.get();
        let (project, moment) = form.with(|f| (f.project.clone(), f.moment));
        let found = base_published
            .assessments
            .iter()
            .find(|a| a.project == project && a.moment == moment)
            .cloned();
        let written = ws
            .statements
            .with(|st| st.get(&project, moment).map(|w| w.written_at));
        let published = match found {
            Some(a) => view! {
                <p class="statement-published" data-testid="statement-published">
                    <strong>{l.statement_strings().published}" : "</strong>
                    <q>{l.pick(&a.statement).to_owned()}</q>
                    " "<ProvenanceBadge provenance=a.provenance />
                </p>
            }
            .into_any(),
            None => view! {
                <p class="note" data-testid="statement-published">{l.statement_strings().none_published}</p>
            }
            .into_any(),
        };
        let written = written.map(|day| {
            let choose = choose_again.clone();
            let (project, moment) = (project.clone(), moment);
            view! {
                <p class="statement-written" data-testid="statement-written">
                    <span class="badge badge-illustrative">{l.statement_strings().written_on}" "{day.to_string()}</span>" "
                    <button type="button" class="link-button" data-testid="statement-revert" on:click=move |_| {
                        ws.statements.update(|st| st.remove(&project, moment));
                        save(ws);
                        choose(project.clone(), moment);
                    }>{l.statement_strings().revert}</button>
                </p>
            }
        });
        (published, written)
    };
    let download = {
        let base = base.clone();
        move |_| {
            let csv = crate::export::assessments_csv(&ws.effective(&base));
            let href = format!(
                "data:text/csv;charset=utf-8,{}",
                js_sys::encode_uri_component(&csv)
            );
            super::super::save_file(&href, "assessments.csv");
        }
    };
    let base_options = base.clone();
    let options = move || {
        let l = lang.get();
        base_options
            .projects
            .iter()
            .map(|p| view! { <option value=p.id.clone()>{l.pick(&p.name).to_owned()}</option> })
            .collect_view()
    };
    let choose_project = choose.clone();
    let choose_moment = choose.clone();
    let choose_removed = choose.clone();
    view! {
        <section class="workshop-statements" data-testid="statements" id="statements" node_ref=section>
            <h2>{move || t().title}</h2>
            <p class="lead">{move || t().intro}</p>
            <form class="controls" on:submit=|ev| ev.prevent_default()>
                <label>
                    {move || t().action}
                    <select data-testid="statement-action" prop:value=move || form.with(|f| f.project.clone())
                        on:change=move |ev| choose_project(event_target_value(&ev), form.with_untracked(|f| f.moment))>
                        {options}
                    </select>
                </label>
                <label>
                    {move || t().moment}
                    <select data-testid="statement-moment" prop:value=move || form.with(|f| f.moment.key())
                        on:change=move |ev| {
                            let m = Moment::of_key(&event_target_value(&ev)).unwrap_or(Moment::Start);
                            choose_moment(form.with_untracked(|f| f.project.clone()), m);
                        }>
                        {move || Moment::ALL.map(|m| view! { <option value=m.key()>{s().moment(m)}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    {move || t().date}
                    <input type="text" size="10" placeholder="2024-06-30" data-testid="statement-date" prop:value=move || form.with(|f| f.date.clone())
                        on:input=move |ev| typed(|f, v| f.date = v, ev) />
                </label>
            </form>
            {published}
            <div class="statement-fields">
                <label>
                    {move || t().french}
                    <textarea rows="3" lang="fr" data-testid="statement-fr" prop:value=move || form.with(|f| f.fr.clone())
                        on:input=move |ev| typed(|f, v| f.fr = v, ev)></textarea>
                </label>
                <label>
                    {move || t().english}
                    <textarea rows="3" lang="en" data-testid="statement-en" prop:value=move || form.with(|f| f.en.clone())
                        on:input=move |ev| typed(|f, v| f.en = v, ev)></textarea>
                </label>
            </div>
            {move || error.get().map(|e| {
                let m = match e {
                    StatementError::BadDate => t().bad_date,
                    StatementError::NoText => t().no_text,
                };
                view! { <p class="error" role="alert" data-testid="statement-error">{m}</p> }
            })}
            <p class="controls">
                {move || {
                    let id = form.with(|f| f.project.clone());
                    view! { <A href=format!("/assessment/{id}") attr:data-testid="statement-see">{s().see_assessment}</A> }
                }}
                <button type="button" data-testid="download-assessments" on:click=download>{move || t().download}</button>
            </p>
            <h3>{move || t().written}</h3>
            <StatementsTable base=base on_edit=Callback::new(move |(p, m): (String, Moment)| choose(p, m))
                on_removed=Callback::new(move |(p, m): (String, Moment)| {
                    // The form shows the published text again when it showed the removed one.
                    if form.with_untracked(|f| f.project == p && f.moment == m) {
                        choose_removed(p, m);
                    }
                }) />
        </section>
    }
}

/// The statements written in this workshop, one row per action and moment.
#[component]
fn StatementsTable(
    base: Arc<Dataset>,
    on_edit: Callback<(String, Moment)>,
    on_removed: Callback<(String, Moment)>,
) -> impl IntoView {
    let lang = use_lang();
    let ws = use_workshop();
    let t = move || lang.get().statement_strings();
    let s = move || lang.get().strings();
    let rows = move || ws.statements.with(|st| st.0.clone());
    view! {
        <Show when=move || ws.statements.with(|st| !st.0.is_empty())
            fallback=move || view! { <p class="note" data-testid="no-statement">{move || t().none_written}</p> }>
            <div class="table-scroll">
                <table class="obs-table" data-testid="statements-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().action}</th>
                            <th scope="col">{move || t().moment}</th>
                            <th scope="col">{move || t().date}</th>
                            <th scope="col">{move || t().statement}</th>
                            <th scope="col">{move || t().written_column}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=rows
                            key=|w| (w.project.clone(), w.moment, w.date, w.text.fr.clone(), w.text.en.clone(), w.written_at)
                            children={
                                let base = base.clone();
                                move |w: Statement| {
                                    let name = base.project(&w.project).map(|p| p.name.clone());
                                    let (project, moment) = (w.project.clone(), w.moment);
                                    let edit = (project.clone(), moment);
                                    let text = w.text.clone();
                                    view! {
                                        <tr data-testid="statement-row" data-project=w.project.clone() data-moment=w.moment.key()>
                                            <td>{move || name.as_ref().map_or_else(|| project.clone(), |n| lang.get().pick(n).to_owned())}</td>
                                            <td>{move || s().moment(moment)}</td>
                                            <td>{w.date.to_string()}</td>
                                            <td>{move || lang.get().pick(&text).to_owned()}</td>
                                            <td>{w.written_at.to_string()}</td>
                                            <td>
                                                <button type="button" class="link-button" on:click=move |_| on_edit.run(edit.clone())>{move || t().edit}</button>
                                                " "
                                                <button type="button" class="link-button" data-testid="statement-remove" on:click={
                                                    let (project, moment) = (w.project.clone(), w.moment);
                                                    move |_| {
                                                        ws.statements.update(|st| st.remove(&project, moment));
                                                        save(ws);
                                                        on_removed.run((project.clone(), moment));
                                                    }
                                                }>{move || s().remove}</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// The workshop file: exported whole, imported with its conflicts listed, never applied silently.
#[component]
fn WorkshopFileSection(base: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let ws = use_workshop();
    let s = move || lang.get().strings();
    let conflicts = RwSignal::new(ConflictChoices::default());
    let statement_conflicts = RwSignal::new(ConflictChoices::<Statement>::default());
    let import_message = RwSignal::new(String::new());

    let export = move |_| {
        let text = workshop_text(ws);
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            js_sys::encode_uri_component(&text)
        );
        super::super::save_file(&href, &format!("atelier-vigie-{}.json", today()));
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        let base = base.clone();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match workshop::import(&name, &text, &base) {
                Ok(wf) => {
                    let (clean, found) =
                        workshop::merge_plan(&ws.entries.get_untracked(), &wf.entries);
                    let added = clean.len();
                    ws.entries
                        .update(|e| clean.into_iter().for_each(|c| e.set(c)));
                    let (clean_statements, found_statements) =
                        workshop::merge_statements(&ws.statements.get_untracked(), &wf.statements);
                    let added_statements = clean_statements.len();
                    ws.statements
                        .update(|st| clean_statements.into_iter().for_each(|c| st.set(c)));
                    statement_conflicts.set(ConflictChoices::new(found_statements));
                    ws.scenarios.update(|v| {
                        v.extend(wf.scenarios.into_iter().filter(|s| !s.changes.is_empty()))
                    });
                    conflicts.set(ConflictChoices::new(found));
                    let l = lang.get_untracked();
                    import_message.set(format!(
                        "{added} {}, {added_statements} {}",
                        l.strings().imported_entries,
                        l.statement_strings().imported
                    ));
                    save(ws);
                }
                Err(e) => import_message.set(e.to_string()),
            }
        });
    };
    let apply_conflicts = move |_| {
        let chosen = conflicts.with_untracked(ConflictChoices::chosen);
        ws.entries
            .update(|e| chosen.into_iter().for_each(|c| e.set(c)));
        conflicts.set(ConflictChoices::default());
        let chosen = statement_conflicts.with_untracked(ConflictChoices::chosen);
        ws.statements
            .update(|st| chosen.into_iter().for_each(|c| st.set(c)));
        statement_conflicts.set(ConflictChoices::default());
        save(ws);
    };
    let statement_rows =
        move || statement_conflicts.with(|c| c.0.iter().cloned().enumerate().collect::<Vec<_>>());
    let rows = move || conflicts.with(|c| c.0.iter().cloned().enumerate().collect::<Vec<_>>());
    view! {
        <section class="workshop-file">
            <h2>{move || s().workshop_file}</h2>
            <p class="controls">
                <button type="button" data-testid="export-workshop" on:click=export>{move || s().export_workshop}</button>
                <label>
                    {move || s().import_workshop}
                    <input type="file" accept=".json,application/json" data-testid="import-workshop" on:change=on_file />
                </label>
            </p>
            <p data-testid="import-message" role="status">{move || import_message.get()}</p>
            <Show when=move || !statement_conflicts.with(|c| c.0.is_empty())>
                <h3>{move || lang.get().statement_strings().conflicts}</h3>
                <table class="obs-table" data-testid="statement-conflicts">
                    <tbody>
                        <For
                            each=statement_rows
                            key=|(i, (c, _))| (*i, c.mine.project.clone(), c.mine.moment)
                            children=move |(i, (c, theirs)): (usize, (Conflict<Statement>, bool))| {
                                let moment = c.mine.moment;
                                let (mine, their) = (c.mine.text.clone(), c.theirs.text.clone());
                                view! {
                                    <tr data-testid="statement-conflict">
                                        <td>{c.mine.project.clone()}</td>
                                        <td>{move || s().moment(moment)}</td>
                                        <td><label><input type="radio" name=format!("s{i}") checked=!theirs on:change=move |_| statement_conflicts.update(|v| v.choose(i, false)) />" "{move || s().keep_mine}" : "{move || lang.get().pick(&mine).to_owned()}</label></td>
                                        <td><label><input type="radio" name=format!("s{i}") data-testid="take-theirs-statement" checked=theirs on:change=move |_| statement_conflicts.update(|v| v.choose(i, true)) />" "{move || s().take_theirs}" : "{move || lang.get().pick(&their).to_owned()}</label></td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <Show when=move || !conflicts.with(|c| c.0.is_empty())>
                <h3>{move || s().conflicts}</h3>
                <table class="obs-table" data-testid="conflicts">
                    <tbody>
                        <For
                            each=rows
                            key=|(i, (c, _))| (*i, c.mine.indicator.clone(), c.mine.period)
                            children=move |(i, (c, theirs)): (usize, (Conflict, bool))| {
                                let mine_value = c.mine.value;
                                let their_value = c.theirs.value;
                                view! {
                                    <tr data-testid="conflict">
                                        <td>{c.mine.indicator.clone()}</td>
                                        <td>{c.mine.period.to_string()}</td>
                                        <td><label><input type="radio" name=format!("c{i}") checked=!theirs on:change=move |_| conflicts.update(|v| v.choose(i, false)) />" "{move || s().keep_mine}" : "{move || mine_value.map(|v| format::number(v, 2, lang.get()))}</label></td>
                                        <td><label><input type="radio" name=format!("c{i}") data-testid="take-theirs" checked=theirs on:change=move |_| conflicts.update(|v| v.choose(i, true)) />" "{move || s().take_theirs}" : "{move || their_value.map(|v| format::number(v, 2, lang.get()))}</label></td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </Show>
            <Show when=move || !conflicts.with(|c| c.0.is_empty()) || !statement_conflicts.with(|c| c.0.is_empty())>
                <button type="button" data-testid="apply-conflicts" on:click=apply_conflicts>{move || s().apply_import}</button>
            </Show>
        </section>
    }
}
