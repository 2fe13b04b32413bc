//! Workshop mode at `/workshop`: values typed in the room (saved at every keystroke, undoable, kept
//! apart from imported data), "what if" target scenarios recomputed live, and the workshop file
//! exported and imported with its conflicts listed. The logic is in `crate::workshop`; the state the
//! pages share is the parent module's.

use super::super::kpi_view::{progress_bar, status_chip, today, use_settings};
use super::super::{use_lang, Data};
use super::{effective, use_workshop, Workshop};
use crate::format;
use crate::i18n::Lang;
use crate::kpi;
use crate::model::{Dataset, Indicator};
use crate::workshop::{
    self, Conflict, ConflictChoices, Entry, EntryAction, EntryError, EntryForm, Scenario,
    WhatIfForm,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Saves the workshop state (entries and scenarios) in the store, and reports the outcome.
fn save(ws: Workshop) {
    let text = workshop::export(
        &ws.dataset.get_untracked(),
        today(),
        &ws.entries.get_untracked(),
        &ws.scenarios.get_untracked(),
    );
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
        let ds = effective(&base_now, &ws.entries.get());
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
        let ds = effective(&base_wi, &ws.entries.get());
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

/// The workshop file: exported whole, imported with its conflicts listed, never applied silently.
#[component]
fn WorkshopFileSection(base: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let ws = use_workshop();
    let s = move || lang.get().strings();
    let conflicts = RwSignal::new(ConflictChoices::default());
    let import_message = RwSignal::new(String::new());

    let export = move |_| {
        let text = workshop::export(
            &ws.dataset.get_untracked(),
            today(),
            &ws.entries.get_untracked(),
            &ws.scenarios.get_untracked(),
        );
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
                    ws.scenarios.update(|v| {
                        v.extend(wf.scenarios.into_iter().filter(|s| !s.changes.is_empty()))
                    });
                    conflicts.set(ConflictChoices::new(found));
                    import_message.set(format!(
                        "{added} {}",
                        lang.get_untracked().strings().imported_entries
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
        save(ws);
    };
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
                <button type="button" data-testid="apply-conflicts" on:click=apply_conflicts>{move || s().apply_import}</button>
            </Show>
        </section>
    }
}
