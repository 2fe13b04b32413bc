//! Workshop mode at `/workshop`: values typed in the room (saved at every keystroke, undoable, kept
//! apart from imported data), "what if" target scenarios recomputed live, and the workshop file
//! exported and imported with its conflicts listed. The logic is in `crate::workshop`.

use super::kpi_view::{progress_bar, status_chip, today, use_settings};
use super::{use_lang, Data};
use crate::format;
use crate::i18n::Lang;
use crate::kpi;
use crate::model::{Dataset, Indicator};
use crate::period::Period;
use crate::workshop::{self, Conflict, Entries, Entry, Scenario, TargetChange};
use leptos::prelude::*;
use std::sync::Arc;

/// The workshop state shared by every page: entries and kept scenarios, and whether the last save worked.
#[derive(Clone, Copy)]
pub struct Workshop {
    pub entries: RwSignal<Entries>,
    pub scenarios: RwSignal<Vec<Scenario>>,
    pub saved: RwSignal<Option<Result<(), String>>>,
    store: super::data::StoreState,
    /// The store id of the dataset the entries belong to.
    dataset: RwSignal<String>,
}

impl Workshop {
    /// Creates the state, provides it as context, and reads what an earlier visit saved.
    pub fn provide(store: super::data::StoreState, shown: super::Shown) -> Workshop {
        let ws = Workshop {
            entries: RwSignal::new(Entries::default()),
            scenarios: RwSignal::new(Vec::new()),
            saved: RwSignal::new(None),
            store,
            dataset: shown.0,
        };
        provide_context(ws);
        // Each dataset has its own workshop: read it again when the person opens another dataset.
        Effect::new(move |_| {
            let id = shown.0.get();
            leptos::task::spawn_local(async move {
                let Ok(st) = store.open().await else { return };
                let file = match st.get_workshop(&id).await {
                    Ok(Some(text)) => serde_json::from_str::<workshop::WorkshopFile>(&text).ok(),
                    _ => None,
                };
                let (entries, scenarios) =
                    file.map_or_else(Default::default, |f| (f.entries, f.scenarios));
                ws.entries.set(Entries::new(entries));
                ws.scenarios.set(scenarios);
            });
        });
        ws
    }
}

/// The workshop state from context.
pub fn use_workshop() -> Workshop {
    expect_context::<Workshop>()
}

/// A dataset handle compared by identity, so a memo over it costs no deep comparison.
#[derive(Clone)]
pub struct Shared(pub Arc<Dataset>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The dataset the pages show, recomputed when the workshop's entries change.
pub fn use_effective(base: Arc<Dataset>) -> Memo<Shared> {
    let ws = use_workshop();
    Memo::new(move |_| Shared(effective(&base, &ws.entries.get())))
}

/// The dataset the pages show: the loaded one with the workshop's entries laid over it.
pub fn effective(base: &Arc<Dataset>, entries: &Entries) -> Arc<Dataset> {
    if entries.entries.is_empty() {
        base.clone()
    } else {
        Arc::new(entries.apply(base))
    }
}

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
        let result = super::save_workshop(ws.store, &id, &text, edits)
            .await
            .map_err(|e| e.to_string());
        ws.saved.set(Some(result));
    });
}

fn parse_value(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect::<String>()
        .replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
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
    let settings = use_settings();
    let ws = use_workshop();
    let base = data.dataset;
    let first = base
        .indicators
        .first()
        .map(|i| i.id.clone())
        .unwrap_or_default();
    let chosen = RwSignal::new(first.clone());
    let period_text = RwSignal::new(today().year.to_string());
    let value_text = RwSignal::new(String::new());
    let entry_error = RwSignal::new(None::<&'static str>);
    // What-if state: the indicator, the draft change, and the scenario being built.
    let wi_indicator = RwSignal::new(first);
    let wi_value = RwSignal::new(String::new());
    let wi_period = RwSignal::new(String::new());
    let draft = RwSignal::new(Scenario::default());
    let scenario_name = RwSignal::new(String::new());
    let conflicts = RwSignal::new(Vec::<(Conflict, bool)>::new());
    let import_message = RwSignal::new(String::new());

    let base_for_entry = base.clone();
    let on_entry = Callback::new(move |()| {
        let l = lang.get_untracked();
        let Ok(period) = Period::parse(&period_text.get_untracked()) else {
            entry_error.set(Some(l.strings().bad_period));
            return;
        };
        let text = value_text.get_untracked();
        let value = if text.trim().is_empty() {
            None
        } else {
            parse_value(&text)
        };
        if value.is_none() && !text.trim().is_empty() {
            entry_error.set(Some(l.strings().bad_value));
            return;
        }
        entry_error.set(None);
        let indicator = chosen.get_untracked();
        if base_for_entry.indicator(&indicator).is_none() {
            return;
        }
        ws.entries.update(|e| match value {
            Some(_) => e.set(Entry {
                indicator,
                period,
                value,
                entered_at: today(),
                note: String::new(),
            }),
            None => e.remove(&indicator, period),
        });
        save(ws);
    });

    let base_now = base.clone();
    let entry_status = move || {
        let l = lang.get();
        let id = chosen.get();
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

    let options = {
        let base = base.clone();
        move || {
            let l = lang.get();
            base.indicators
                .iter()
                .map(|i| {
                    let project = base.project(&i.project).map(|p| l.pick(&p.name).to_owned()).unwrap_or_default();
                    view! { <option value=i.id.clone()>{format!("{project} — {}", l.pick(&i.name))}</option> }
                })
                .collect_view()
        }
    };
    let options2 = options.clone();

    let base_table = base.clone();
    let entries_table = move || {
        let l = lang.get();
        let s = l.strings();
        ws.entries
            .get()
            .entries
            .iter()
            .map(|e| {
                let name = base_table.indicator(&e.indicator).map(|i| l.pick(&i.name).to_owned()).unwrap_or_else(|| e.indicator.clone());
                let unit = base_table.indicator(&e.indicator).map(|i| l.pick(&i.unit).to_owned()).unwrap_or_default();
                let precision = base_table.indicator(&e.indicator).map_or(2, |i| i.precision);
                let (id, period) = (e.indicator.clone(), e.period);
                view! {
                    <tr data-testid="entry-row">
                        <td>{name}</td>
                        <td>{e.period.to_string()}</td>
                        <td class="num">{e.value.map(|v| format::number(v, precision, l)).unwrap_or_default()}" "{unit}</td>
                        <td>{e.entered_at.to_string()}" "<span class="badge badge-illustrative">{s.hand_entered}</span></td>
                        <td>
                            <button type="button" class="link-button" on:click=move |_| {
                                ws.entries.update(|en| en.remove(&id, period));
                                save(ws);
                            }>{s.remove}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    // What-if: the scenario being built plus the draft change, compared with the published targets.
    let base_wi = base.clone();
    let what_if = move || {
        let l = lang.get();
        let s = l.strings();
        let as_of = kpi::Options::as_of(settings.as_of.get());
        let ds = effective(&base_wi, &ws.entries.get());
        let mut scenario = draft.get();
        let id = wi_indicator.get();
        scenario.set(TargetChange {
            indicator: id.clone(),
            value: parse_value(&wi_value.get()),
            period: Period::parse(&wi_period.get()).ok(),
        });
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
        let mut scenario = draft.get_untracked();
        scenario.set(TargetChange {
            indicator: wi_indicator.get_untracked(),
            value: parse_value(&wi_value.get_untracked()),
            period: Period::parse(&wi_period.get_untracked()).ok(),
        });
        let name = scenario_name.get_untracked();
        scenario.name = if name.trim().is_empty() {
            format!("Scénario {}", ws.scenarios.get_untracked().len() + 1)
        } else {
            name
        };
        if scenario.changes.is_empty() {
            return;
        }
        ws.scenarios.update(|v| v.push(scenario));
        draft.set(Scenario::default());
        wi_value.set(String::new());
        wi_period.set(String::new());
        scenario_name.set(String::new());
        save(ws);
    };
    let discard = move |_| {
        draft.set(Scenario::default());
        wi_value.set(String::new());
        wi_period.set(String::new());
    };
    let scenario_list = move || {
        let l = lang.get();
        let s = l.strings();
        ws.scenarios
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, sc)| {
                let shown = sc.clone();
                let changes = sc
                    .changes
                    .iter()
                    .map(|c| format!("{} → {}{}", c.indicator, c.value.map(|v| format::number(v, 2, l)).unwrap_or_default(), c.period.map(|p| format!(" ({p})")).unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join(" ; ");
                view! {
                    <li data-testid="scenario">
                        <strong>{sc.name.clone()}</strong>" : "{changes}" "
                        <button type="button" class="link-button" on:click=move |_| draft.set(shown.clone())>{s.show}</button>
                        " "
                        <button type="button" class="link-button" on:click=move |_| {
                            ws.scenarios.update(|v| {
                                if i < v.len() {
                                    v.remove(i);
                                }
                            });
                            save(ws);
                        }>{s.remove}</button>
                    </li>
                }
            })
            .collect_view()
    };

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
        super::save_file(&href, &format!("atelier-vigie-{}.json", today()));
    };
    let base_import = base.clone();
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        let base = base_import.clone();
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
                    conflicts.set(found.into_iter().map(|c| (c, false)).collect());
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
        let chosen: Vec<Entry> = conflicts
            .get_untracked()
            .into_iter()
            .filter(|(_, theirs)| *theirs)
            .map(|(c, _)| c.theirs)
            .collect();
        ws.entries
            .update(|e| chosen.into_iter().for_each(|c| e.set(c)));
        conflicts.set(Vec::new());
        save(ws);
    };
    let conflict_rows = move || {
        let l = lang.get();
        let s = l.strings();
        conflicts
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (c, theirs))| {
                let pick = move |t: bool| {
                    conflicts.update(|v| {
                        if let Some(x) = v.get_mut(i) {
                            x.1 = t;
                        }
                    })
                };
                view! {
                    <tr data-testid="conflict">
                        <td>{c.mine.indicator.clone()}</td>
                        <td>{c.mine.period.to_string()}</td>
                        <td><label><input type="radio" name=format!("c{i}") checked=!theirs on:change=move |_| pick(false) />" "{s.keep_mine}" : "{c.mine.value.map(|v| format::number(v, 2, l))}</label></td>
                        <td><label><input type="radio" name=format!("c{i}") data-testid="take-theirs" checked=theirs on:change=move |_| pick(true) />" "{s.take_theirs}" : "{c.theirs.value.map(|v| format::number(v, 2, l))}</label></td>
                    </tr>
                }
            })
            .collect_view()
    };

    let s = move || lang.get().strings();
    let undo = move || {
        if ws.entries.try_update(|e| e.undo()).unwrap_or(false) {
            save(ws);
        }
    };
    view! {
        <article class="workshop" data-testid="workshop">
            <h1>{move || s().workshop}</h1>
            <p class="lead">{move || s().workshop_lead}</p>
            <section class="workshop-entry">
                <h2>{move || s().entry}</h2>
                <form class="controls entry-form" on:submit=|ev| ev.prevent_default()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if (ev.ctrl_key() || ev.meta_key()) && ev.key() == "z" {
                            ev.prevent_default();
                            undo();
                        }
                    }>
                    <label>
                        {move || s().indicator}
                        <select data-testid="entry-indicator" prop:value=move || chosen.get() on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {options}
                        </select>
                    </label>
                    <label>
                        {move || s().period}
                        <input type="text" size="10" data-testid="entry-period" prop:value=move || period_text.get()
                            on:input=move |ev| { period_text.set(event_target_value(&ev)); on_entry.run(()); } />
                    </label>
                    <label>
                        {move || s().value}
                        <input type="text" inputmode="decimal" size="10" data-testid="entry-value" prop:value=move || value_text.get()
                            on:input=move |ev| { value_text.set(event_target_value(&ev)); on_entry.run(()); } />
                    </label>
                    <button type="button" data-testid="undo" disabled=move || !ws.entries.with(|e| e.can_undo()) on:click=move |_| undo()>
                        {move || s().undo}
                    </button>
                </form>
                {move || entry_error.get().map(|m| view! { <p class="error" role="alert" data-testid="entry-error">{m}</p> })}
                {entry_status}
                <p class="save-state" data-testid="save-state" aria-live="polite">
                    {move || match ws.saved.get() {
                        Some(Ok(())) => s().saved.to_owned(),
                        Some(Err(e)) => format!("{} : {e}", s().not_saved),
                        None => String::new(),
                    }}
                </p>
                <h3>{move || s().entered_values}</h3>
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
                    <tbody>{entries_table}</tbody>
                </table>
            </section>
            <section class="workshop-what-if" data-testid="what-if">
                <h2>{move || s().what_if}</h2>
                <p class="lead">{move || s().what_if_lead}</p>
                <form class="controls" on:submit=|ev| ev.prevent_default()>
                    <label>
                        {move || s().indicator}
                        <select data-testid="what-if-indicator" prop:value=move || wi_indicator.get() on:change=move |ev| wi_indicator.set(event_target_value(&ev))>
                            {options2}
                        </select>
                    </label>
                    <label>
                        {move || s().new_target_value}
                        <input type="text" inputmode="decimal" size="8" data-testid="what-if-value" prop:value=move || wi_value.get() on:input=move |ev| wi_value.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        {move || s().new_target_date}
                        <input type="text" size="8" placeholder="2028" data-testid="what-if-date" prop:value=move || wi_period.get() on:input=move |ev| wi_period.set(event_target_value(&ev)) />
                    </label>
                </form>
                {what_if}
                <form class="controls" on:submit=|ev| ev.prevent_default()>
                    <label>
                        {move || s().scenario_name}
                        <input type="text" data-testid="scenario-name" prop:value=move || scenario_name.get() on:input=move |ev| scenario_name.set(event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="keep-scenario" on:click=keep>{move || s().keep_scenario}</button>
                    <button type="button" data-testid="discard-scenario" on:click=discard>{move || s().discard}</button>
                </form>
                <h3>{move || s().scenarios}</h3>
                <ul class="scenarios">{scenario_list}</ul>
            </section>
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
                <Show when=move || !conflicts.get().is_empty()>
                    <h3>{move || s().conflicts}</h3>
                    <table class="obs-table" data-testid="conflicts">
                        <tbody>{conflict_rows}</tbody>
                    </table>
                    <button type="button" data-testid="apply-conflicts" on:click=apply_conflicts>{move || s().apply_import}</button>
                </Show>
            </section>
        </article>
    }
}
