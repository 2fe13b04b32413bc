//! The import page (`/import`): pick or drop files, see what Vigie detected and correct it, give
//! each column its role, describe an indicator the file does not describe, watch the Web Worker read
//! the file (progress, cancel), read the validation report, and store the result in one write.
//! The reading is `ingest` running in the worker (`public/import-worker.js`, the `vigie-worker` crate, its own wasm); this
//! page only wires signals and messages.

use super::data::StoreState;
use super::{use_lang, Shown};
use crate::i18n::{ImportStrings, Lang};
use crate::ingest::decode::Encoding;
use crate::ingest::import::{apply_meta, Format, ImportOptions, IndicatorMeta};
use crate::ingest::periods::DateOrder;
use crate::ingest::table::{Role, Shape};
use crate::ingest::transfer::{is_metadata_file, main_file, missing_companions, Received};
use crate::ingest::Problem;
use crate::model::{Direction, Milestone, Provenance, Text};
use crate::period::Period;
use crate::store::{dataset_id, DatasetKind, LightHead, NewDataset};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A file the person gave. The page keeps the browser's `File` (the worker reads it: posting a
/// `File` copies nothing, posting its bytes would copy them on the page's thread) and reads only a
/// JSON file's bytes itself, to name a Data Package's missing resources.
#[derive(Clone)]
struct Picked {
    name: String,
    file: web_sys::File,
    json: Option<js_sys::Uint8Array>,
}

/// Where the page is.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Idle,
    Reading {
        read: f64,
        total: f64,
    },
    Done {
        ms: f64,
    },
    Cancelled,
    Failed(String),
    /// The worker stopped (a panic of ours, or a script or module that failed to load); the detail
    /// is what it said, possibly empty. The next read starts a fresh worker.
    EngineFailed(String),
    Saving,
}

/// The running worker and its handlers (dropped together).
struct Runner {
    worker: web_sys::Worker,
    /// Set when the worker failed: its wasm instance may be broken, so it is never reused.
    broken: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Runner {
    /// Stops the worker at once (a read in progress is abandoned, nothing is written).
    fn stop(self) {
        self.worker.terminate();
    }
}

fn js_text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Copies bytes `at..at + n` of a JavaScript array into wasm memory (`None` past its end).
fn copy_out(bytes: &js_sys::Uint8Array) -> impl Fn(usize, usize) -> Option<Vec<u8>> + '_ {
    let len = bytes.length() as usize;
    move |at, n| {
        let end = at.checked_add(n).filter(|&e| e <= len)?;
        Some(bytes.subarray(at as u32, end as u32).to_vec())
    }
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &key.into(), value);
}

/// Starts the import worker, which loads the import engine (a wasm of its own). A failure to start, or a worker that
/// later stops on an error, puts the page in `Phase::EngineFailed` and marks the runner broken.
fn start_worker(
    phase: RwSignal<Phase>,
    report: RwSignal<Option<Arc<Received>>>,
    answer: StoredValue<Option<js_sys::Uint8Array>, LocalStorage>,
) -> Result<Runner, String> {
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options("/import-worker.js", &opts).map_err(js_text)?;
    let broken = Rc::new(Cell::new(false));
    let fail = {
        let broken = broken.clone();
        let worker = worker.clone();
        move |detail: String| {
            broken.set(true);
            worker.terminate();
            phase.try_set(Phase::EngineFailed(detail));
        }
    };
    let on_error = {
        let fail = fail.clone();
        // A script error arrives as an `ErrorEvent` with a message; a script that failed to load as a
        // plain `Event`, without one.
        Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let message = js_sys::Reflect::get(&ev, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            fail(message);
        })
    };
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or_default();
            match get("type").as_string().as_deref() {
                Some("progress") => {
                    if matches!(phase.try_get_untracked(), Some(Phase::Reading { .. })) {
                        phase.try_set(Phase::Reading {
                            read: get("read").as_f64().unwrap_or(0.0),
                            total: get("total").as_f64().unwrap_or(0.0),
                        });
                    }
                }
                Some("done") => {
                    // The answer stays a JavaScript array: only the report and the chunk
                    // headers are copied into wasm memory now, the head when the person saves.
                    // The worker transferred a `Uint8Array`: taken as it is (`Uint8Array::new`
                    // of an array would copy it).
                    let bytes: js_sys::Uint8Array = get("packed").unchecked_into();
                    match Received::read_with(bytes.length() as usize, copy_out(&bytes)) {
                        Ok(r) => {
                            answer.try_set_value(Some(bytes));
                            report.try_set(Some(Arc::new(r)));
                            phase.try_set(Phase::Done {
                                ms: get("ms").as_f64().unwrap_or(0.0),
                            });
                        }
                        Err(e) => {
                            phase.try_set(Phase::Failed(e.to_string()));
                        }
                    }
                }
                Some("failed") => fail(get("message").as_string().unwrap_or_default()),
                _ => {}
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    // The worker script knows where its engine is (`/vigie-worker.js`, its own wasm).
    set(&init, "type", &"init".into());
    worker.post_message(&init).map_err(js_text)?;
    Ok(Runner {
        worker,
        broken,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends the files and options to the worker.
fn post_import(
    runner: &Runner,
    files: &[Picked],
    main: usize,
    opts: &ImportOptions,
) -> Result<(), String> {
    let msg = js_sys::Object::new();
    set(&msg, "type", &"import".into());
    set(&msg, "name", &files[main].name.as_str().into());
    set(&msg, "file", &files[main].file);
    let companions = js_sys::Array::new();
    for (i, f) in files.iter().enumerate() {
        if i != main {
            companions.push(&js_sys::Array::of2(&f.name.as_str().into(), &f.file));
        }
    }
    set(&msg, "companions", &companions);
    let json = serde_json::to_string(opts).map_err(|e| e.to_string())?;
    set(&msg, "options", &json.into());
    runner.worker.post_message(&msg).map_err(js_text)
}

/// Takes the files of a file list, reading the bytes of JSON files only.
async fn read_files(list: web_sys::FileList) -> Vec<Picked> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let name = file.name();
        let json = if name.to_lowercase().ends_with(".json") {
            wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .ok()
                .map(|buf| js_sys::Uint8Array::new(&buf))
        } else {
            None
        };
        out.push(Picked { name, file, json });
    }
    out
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let base = base.strip_suffix(".gz").unwrap_or(base);
    base.rsplit_once('.').map_or(base, |(s, _)| s).to_owned()
}

/// The name a file is saved under: what the person typed, else the file's stem.
fn save_label(typed: String, file: &str) -> String {
    if typed.trim().is_empty() {
        file_stem(file)
    } else {
        typed
    }
}

/// The columns whose role can be changed on the page; the others keep Vigie's guess.
const ROLE_ROWS: usize = 200;

const ROLES: [Role; 11] = [
    Role::Indicator,
    Role::Name,
    Role::Period,
    Role::Value,
    Role::Series,
    Role::PeriodValue,
    Role::MonthOfYear,
    Role::Dimension,
    Role::Unit,
    Role::Flag,
    Role::Ignore,
];

fn role_name(t: &ImportStrings, r: Role) -> &'static str {
    match r {
        Role::Indicator => t.role_indicator,
        Role::Name => t.role_name,
        Role::Period => t.role_period,
        Role::Value => t.role_value,
        Role::Series => t.role_series,
        Role::PeriodValue => t.role_period_value,
        Role::MonthOfYear => t.role_month,
        Role::Dimension => t.role_dimension,
        Role::Unit => t.role_unit,
        Role::Flag => t.role_flag,
        Role::Ignore => t.role_ignore,
    }
}

fn shape_name(s: Option<Shape>, t: &ImportStrings) -> &'static str {
    match s {
        Some(Shape::Native) => t.shape_native,
        Some(Shape::OpenSdg) => "Open SDG",
        Some(Shape::Tidy) => t.shape_tidy,
        Some(Shape::Wide) => t.shape_wide,
        Some(Shape::Columns) => t.shape_columns,
        None => "–",
    }
}

/// The format's name: technical names the same in both languages, `metadata` translated.
fn format_name(f: Format, t: &ImportStrings) -> &'static str {
    match f {
        Format::Delimited => "CSV / TSV",
        Format::Json => "JSON",
        Format::Xlsx => "XLSX",
        Format::DataPackage => "Data Package",
        Format::Metadata => t.format_metadata,
        Format::Unsupported => "–",
    }
}

fn char_name(t: &ImportStrings, c: Option<char>) -> String {
    match c {
        None => t.none.to_owned(),
        Some('\t') => t.tab.to_owned(),
        Some(' ') => t.space.to_owned(),
        Some('\u{a0}') => format!("{} ({})", t.space, t.no_break),
        Some('\u{202f}') => format!("{} ({})", t.space, t.narrow_no_break),
        Some(c) => format!("« {c} »"),
    }
}

/// A select whose first option keeps Vigie's guess (`None`).
fn choice<T: Copy + PartialEq + Send + Sync + 'static>(
    testid: &'static str,
    label: &'static str,
    guess: String,
    options: Vec<(T, String)>,
    get: impl Fn() -> Option<T> + Send + Sync + 'static,
    put: impl Fn(Option<T>) + Send + Sync + 'static,
) -> impl IntoView {
    let values: Vec<T> = options.iter().map(|(v, _)| *v).collect();
    let chosen = move || {
        get()
            .and_then(|c| values.iter().position(|v| *v == c))
            .map_or(String::new(), |i| i.to_string())
    };
    let options2: Vec<T> = options.iter().map(|(v, _)| *v).collect();
    view! {
        <label class="setting">
            <span>{label}</span>
            <select
                data-testid=testid
                prop:value=chosen
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    put(v.parse::<usize>().ok().and_then(|i| options2.get(i).copied()));
                }
            >
                <option value="">{guess}</option>
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (_, text))| view! { <option value=i.to_string()>{text}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

fn milestone(period: &str, value: &str) -> Result<Option<Milestone>, ()> {
    let (period, value) = (period.trim(), value.trim());
    if period.is_empty() && value.is_empty() {
        return Ok(None);
    }
    let period = Period::parse(period).map_err(|_| ())?;
    let value = crate::format::typed_number(value).ok_or(())?;
    Ok(Some(Milestone {
        value,
        period,
        provenance: Provenance::Imported,
    }))
}

/// What the person typed about the indicator, as text (parsed when the dataset is stored).
#[derive(Debug, Clone, Default)]
struct MetaForm {
    name: String,
    unit: String,
    direction: Option<Direction>,
    baseline: (String, String),
    target: (String, String),
}

impl MetaForm {
    fn to_meta(&self) -> Result<IndicatorMeta, ()> {
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        Ok(IndicatorMeta {
            name: text(&self.name),
            unit: text(&self.unit),
            direction: self.direction,
            baseline: milestone(&self.baseline.0, &self.baseline.1)?,
            target: milestone(&self.target.0, &self.target.1)?,
        })
    }
}

/// The import page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let st = expect_context::<StoreState>();
    let shown = expect_context::<Shown>();
    let navigate = StoredValue::new_local(use_navigate());
    let files: RwSignal<Vec<Picked>, LocalStorage> = RwSignal::new_local(Vec::new());
    let phase = RwSignal::new(Phase::Idle);
    let report: RwSignal<Option<Arc<Received>>> = RwSignal::new(None);
    // The report and what was detected render at once; the preview, the roles and the rest in
    // the next task, so that neither task holds the page for long on a wide file.
    let settled: RwSignal<Option<Arc<Received>>> = RwSignal::new(None);
    Effect::new(move |_| {
        let r = report.get();
        set_timeout(move || settled.set(r), std::time::Duration::ZERO);
    });
    let opts = RwSignal::new(ImportOptions::default());
    let dirty = RwSignal::new(false);
    let meta = RwSignal::new(MetaForm::default());
    let name = RwSignal::new(String::new());
    let drag = RwSignal::new(false);
    // Counts the reads started, so that a test (or a screen reader) can tell a new report.
    let job = RwSignal::new(0u32);
    let runner: StoredValue<Option<Runner>, LocalStorage> = StoredValue::new_local(None);
    // The worker's packed answer behind `report`, kept as the JavaScript array it arrived in.
    let answer: StoredValue<Option<js_sys::Uint8Array>, LocalStorage> =
        StoredValue::new_local(None);
    let stored_ids = LocalResource::new(move || async move {
        match st.open().await {
            Ok(s) => s
                .list()
                .await
                .map(|l| l.into_iter().map(|i| i.id).collect::<Vec<_>>())
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    });
    on_cleanup(move || {
        runner.try_update_value(|r| {
            if let Some(r) = r.take() {
                r.stop();
            }
        });
    });

    let main_index =
        move || files.with(|f| main_file(&f.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()));
    let missing = move || {
        files.with(|f| {
            let Some(m) = main_file(&f.iter().map(|p| p.name.as_str()).collect::<Vec<_>>()) else {
                return Vec::new();
            };
            if !f[m].name.to_lowercase().ends_with(".json") {
                return Vec::new();
            }
            let given: Vec<&str> = f.iter().map(|p| p.name.as_str()).collect();
            let Some(json) = &f[m].json else {
                return Vec::new();
            };
            missing_companions(&f[m].name, &json.to_vec(), &given)
        })
    };

    // Starts (or restarts) reading with the current files and options.
    let run = move || {
        let Some(main) = main_index() else {
            phase.set(Phase::Failed(
                lang.get_untracked().import_strings().drop.to_owned(),
            ));
            return;
        };
        // A worker that failed is replaced by a fresh one: its wasm memory can no longer be trusted.
        if runner.with_value(|r| r.as_ref().is_some_and(|r| r.broken.get())) {
            runner.update_value(|r| {
                if let Some(r) = r.take() {
                    r.stop();
                }
            });
        }
        if runner.with_value(Option::is_none) {
            match start_worker(phase, report, answer) {
                Ok(r) => runner.set_value(Some(r)),
                Err(e) => {
                    phase.set(Phase::EngineFailed(e));
                    return;
                }
            }
        }
        let total = files.with_untracked(|f| f[main].file.size());
        job.update(|j| *j += 1);
        phase.set(Phase::Reading { read: 0.0, total });
        report.set(None);
        answer.set_value(None);
        dirty.set(false);
        let o = opts.get_untracked();
        let sent = files.with_untracked(|f| {
            runner.with_value(|r| r.as_ref().map(|r| post_import(r, f, main, &o)))
        });
        if let Some(Err(e)) = sent {
            phase.set(Phase::Failed(e));
        }
    };

    let cancel = move |_| {
        runner.update_value(|r| {
            if let Some(r) = r.take() {
                r.stop();
            }
        });
        phase.set(Phase::Cancelled);
    };

    // New files: the resources a package still waits for, and metadata files, are added to the files
    // on the page; any other set of files starts a new import with Vigie's guesses.
    let take_files = move |new: Vec<Picked>| {
        if new.is_empty() {
            return;
        }
        let wanted = missing();
        let waiting = new.iter().all(|p| {
            is_metadata_file(&p.name)
                || wanted
                    .iter()
                    .any(|m| *m == p.name || m.ends_with(&format!("/{}", p.name)))
        });
        if waiting && main_index().is_some() {
            files.update(|f| {
                for p in new {
                    f.retain(|o| o.name != p.name);
                    f.push(p);
                }
            });
        } else {
            files.set(new);
            opts.set(ImportOptions::default());
            meta.set(MetaForm::default());
        }
        if let Some(m) = main_index() {
            name.set(files.with_untracked(|f| file_stem(&f[m].name)));
        }
        // Read even when a package's resources are missing: the report then names each one.
        run();
    };

    let on_pick = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        spawn_local(async move {
            let picked = read_files(list).await;
            input.set_value("");
            take_files(picked);
        });
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        drag.set(false);
        let Some(list) = ev.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        spawn_local(async move { take_files(read_files(list).await) });
    };

    let save = move |_| {
        let (Some(r), Some(bytes)) = (report.get_untracked(), answer.get_value()) else {
            return;
        };
        let head = match r.head_with::<LightHead>(copy_out(&bytes)) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(e) => {
                phase.set(Phase::Failed(e.to_string()));
                return;
            }
        };
        let Ok(m) = meta.get_untracked().to_meta() else {
            return;
        };
        // The person's description applies to the head; its series stay JSON text and the
        // observations stay packed.
        let mut head = head;
        apply_meta(&mut head.indicators, &m);
        let label = save_label(name.get_untracked(), &r.report.file);
        if head.programme.name.fr.is_empty() {
            head.programme.name = Text::new(&label, &label);
        }
        let id = dataset_id(&label);
        phase.set(Phase::Saving);
        spawn_local(async move {
            let result = async {
                let store = st.open().await?;
                let new = NewDataset {
                    id: id.clone(),
                    kind: DatasetKind::File,
                    source: r.report.file.clone(),
                    imported_at: js_sys::Date::now(),
                };
                store.put_packed(&new, &r, &bytes, head).await
            }
            .await;
            match result {
                Ok(_) => {
                    shown.set(id);
                    st.changed();
                    navigate.with_value(|go| go("/", Default::default()));
                }
                Err(e) => {
                    phase.try_set(Phase::Failed(e.describe(lang.get_untracked())));
                }
            }
        });
    };

    view! {
        <section class="import-page" data-testid="import-page">
            {move || {
                let t = lang.get().import_strings();
                view! {
                    <h1>{t.title}</h1>
                    <p class="note">{t.intro}</p>
                }
            }}
            <div
                class="drop-zone"
                class:drag-over=move || drag.get()
                data-testid="drop-zone"
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    drag.set(true);
                }
                on:dragleave=move |_| drag.set(false)
                on:drop=on_drop
            >
                <p>
                    {move || lang.get().import_strings().drop}" "
                    <label class="file-button">
                        {move || lang.get().import_strings().pick}
                        <input type="file" multiple data-testid="import-file" on:change=on_pick />
                    </label>
                </p>
            </div>
            {move || {
                let t = lang.get().import_strings();
                let main = main_index();
                let list = files.with(|f| {
                    f.iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let role = if Some(i) == main { t.main_file } else { t.companion };
                            let size = crate::store::human_bytes(p.file.size(), lang.get());
                            view! { <li data-testid="picked-file">{p.name.clone()}" — "{size}" ("{role}")"</li> }
                        })
                        .collect_view()
                });
                let missing = missing();
                (main.is_some()).then(|| view! {
                    <h2>{t.files}</h2>
                    <ul class="picked">{list}</ul>
                    {(!missing.is_empty()).then(|| view! {
                        <div class="notice notice-warn" role="status" data-testid="missing-companions">
                            <p>{t.missing_companions}</p>
                            <ul>{missing.into_iter().map(|m| view! { <li><code>{m}</code></li> }).collect_view()}</ul>
                        </div>
                    })}
                })
            }}
            <PhaseNotice phase=phase job=job on_cancel=Callback::new(move |()| cancel(())) on_retry=Callback::new(move |()| run()) />
            {move || report.get().map(|r| view! {
                <Report report=r.clone() phase=phase job=job />
                <Detected report=r.clone() opts=opts dirty=dirty run=run />
                {move || settled.with(|s| s.as_ref().is_some_and(|s| Arc::ptr_eq(s, &r))).then(|| view! {
                    <Preview report=r.clone() />
                    <Roles report=r.clone() opts=opts dirty=dirty />
                    <MetaFields report=r.clone() meta=meta />
                    <Actions report=r.clone() opts=opts meta=meta name=name stored=stored_ids phase=phase run=run save=save />
                })}
            })}
        </section>
    }
}

/// Where the read is: progress with a cancel button, cancelled, failed (with what was wrong), or the
/// engine stopped (with a button that reads again in a fresh worker).
#[component]
fn PhaseNotice(
    phase: RwSignal<Phase>,
    job: RwSignal<u32>,
    on_cancel: Callback<()>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let t = lang.get().import_strings();
        match phase.get() {
                    Phase::Reading { read, total } => {
                        let pct = if total > 0.0 { (100.0 * read / total).clamp(0.0, 100.0) } else { 0.0 };
                        view! {
                            <div class="import-progress" role="status" data-testid="import-progress" data-read=read data-total=total>
                                <p>{t.reading}" "{format!("{pct:.0} %")}</p>
                                <progress max="100" value=pct></progress>
                                " "
                                <button data-testid="import-cancel" on:click=move |_| on_cancel.run(())>{t.cancel}</button>
                            </div>
                        }
                        .into_any()
                    }
                    Phase::Cancelled => view! { <p class="notice" role="status" data-testid="import-cancelled" data-job=job.get()>{t.cancelled}</p> }.into_any(),
                    Phase::Failed(msg) => view! {
                        <div class="notice error" role="alert" data-testid="import-failed" data-job=job.get()><p>{t.failed}</p><pre>{msg}</pre></div>
                    }
                    .into_any(),
                    Phase::EngineFailed(msg) => view! {
                        <div class="notice error" role="alert" data-testid="import-engine-failed" data-job=job.get()>
                            <p>{t.engine_failed}</p>
                            <Show when={let empty = msg.is_empty(); move || !empty}><pre>{msg.clone()}</pre></Show>
                            <button class="primary" data-testid="import-retry" on:click=move |_| on_retry.run(())>{t.retry}</button>
                        </div>
                    }
                    .into_any(),
                    _ => ().into_any(),
                }
    }
}

#[component]
fn Detected(
    report: Arc<Received>,
    opts: RwSignal<ImportOptions>,
    dirty: RwSignal<bool>,
    run: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let t = l.import_strings();
        let d = report.report.detected.clone();
        let delimited = d.format == Format::Delimited;
        let edit = move |f: Box<dyn FnOnce(&mut ImportOptions)>| {
            opts.update(|o| f(o));
            dirty.set(true);
        };
        let encodings = [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1252,
        ];
        let delims = [',', ';', '\t', '|', ' '];
        let thousands = [
            None,
            Some(' '),
            Some('\u{a0}'),
            Some('\u{202f}'),
            Some('.'),
            Some(','),
            Some('\''),
        ];
        let header = d.header_line;
        view! {
            <section class="import-detected" data-testid="detected" data-format=format!("{:?}", d.format) data-shape=format!("{:?}", d.shape)>
                <h2>{t.detected}</h2>
                <p class="note">{t.detected_help}</p>
                <dl class="detected-facts">
                    <dt>{t.format}</dt><dd data-testid="detected-format">{format_name(d.format, t)}{d.gzip.then(|| format!(", {}", t.gzip))}</dd>
                    <dt>{t.shape}</dt><dd data-testid="detected-shape">{shape_name(d.shape, t)}</dd>
                    <dt>{t.encoding}</dt><dd data-testid="detected-encoding">{d.encoding.label()}</dd>
                    {delimited.then(|| view! {
                        <dt>{t.delimiter}</dt><dd data-testid="detected-delimiter">{char_name(t, d.delimiter)}</dd>
                        <dt>{t.header_line}</dt><dd data-testid="detected-header">{d.header_line}</dd>
                        <dt>{t.skipped}</dt><dd data-testid="detected-skipped">{format!("{} {}, {} {}", d.preamble_lines, t.preamble, d.footer_lines, t.footer)}</dd>
                    })}
                    <dt>{t.decimal}</dt><dd data-testid="detected-decimal">{char_name(t, Some(d.decimal))}</dd>
                    <dt>{t.thousands}</dt><dd data-testid="detected-thousands">{char_name(t, d.thousands)}</dd>
                    <dt>{t.missing_markers}</dt><dd data-testid="detected-missing">{if d.missing_markers.is_empty() { t.none.to_owned() } else { d.missing_markers.iter().map(|m| format!("« {m} »")).collect::<Vec<_>>().join(", ") }}</dd>
                    <dt>{t.period_format}</dt><dd data-testid="detected-periods">{if d.period_format.is_empty() { "–".to_owned() } else { d.period_format.clone() }}</dd>
                    <dt>{t.flags}</dt><dd data-testid="detected-flags">{if d.flags { t.yes } else { t.no }}</dd>
                </dl>
                <div class="settings">
                    {choice("set-encoding", t.encoding, format!("{} ✓", d.encoding.label()),
                        encodings.iter().map(|e| (*e, e.label().to_owned())).collect(),
                        move || opts.with(|o| o.encoding),
                        move |v| edit(Box::new(move |o| o.encoding = v)))}
                    {delimited.then(|| choice("set-delimiter", t.delimiter, format!("{} ✓", char_name(t, d.delimiter)),
                        delims.iter().map(|c| (*c, char_name(t, Some(*c)))).collect(),
                        move || opts.with(|o| o.delimiter),
                        move |v| edit(Box::new(move |o| o.delimiter = v))))}
                    {choice("set-decimal", t.decimal, format!("{} ✓", char_name(t, Some(d.decimal))),
                        vec![('.', char_name(t, Some('.'))), (',', char_name(t, Some(',')))],
                        move || opts.with(|o| o.decimal),
                        move |v| edit(Box::new(move |o| o.decimal = v)))}
                    {choice("set-thousands", t.thousands, format!("{} ✓", char_name(t, d.thousands)),
                        thousands.iter().map(|c| (*c, char_name(t, *c))).collect(),
                        move || opts.with(|o| o.thousands),
                        move |v| edit(Box::new(move |o| o.thousands = v)))}
                    {choice("set-date-order", t.date_order, format!("{} ✓", if d.date_order == DateOrder::DayFirst { t.day_first } else { t.month_first }),
                        vec![(DateOrder::DayFirst, t.day_first.to_owned()), (DateOrder::MonthFirst, t.month_first.to_owned())],
                        move || opts.with(|o| o.date_order),
                        move |v| edit(Box::new(move |o| o.date_order = v)))}
                    {delimited.then(|| view! {
                        <label class="setting">
                            <span>{t.header_line}</span>
                            <input type="number" min="1" data-testid="set-header"
                                prop:value=move || opts.with(|o| o.header_line.unwrap_or(header)).to_string()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).trim().parse::<usize>().ok().filter(|n| *n >= 1);
                                    edit(Box::new(move |o| o.header_line = v));
                                } />
                        </label>
                    })}
                    <label class="setting">
                        <span>{t.missing_markers}</span>
                        <input type="text" data-testid="set-missing"
                            prop:value=move || opts.with(|o| o.missing_markers.clone().unwrap_or_default().join(" , "))
                            placeholder=d.missing_markers.join(" , ")
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                let list: Vec<String> = text.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
                                edit(Box::new(move |o| o.missing_markers = (!list.is_empty()).then_some(list)));
                            } />
                    </label>
                    <label class="setting setting-check">
                        <input type="checkbox" data-testid="set-flags"
                            prop:checked=move || opts.with(|o| o.flags.unwrap_or(d.flags))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                edit(Box::new(move |o| o.flags = Some(on)));
                            } />
                        <span>{t.flags}</span>
                    </label>
                </div>
                <p class="reread">
                    <button data-testid="reread" class:primary=move || dirty.get() on:click=move |_| run()>{t.reread}</button>
                    " "
                    <Show when=move || dirty.get()><span class="note" data-testid="settings-changed">{t.changed}</span></Show>
                </p>
            </section>
        }
    }
}

#[component]
fn Preview(report: Arc<Received>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let t = lang.get().import_strings();
        let mut rows = report.report.preview.iter();
        let head = rows.next().cloned().unwrap_or_default();
        let body: Vec<Vec<String>> = rows.cloned().collect();
        (!head.is_empty()).then(|| view! {
            <h2>{t.preview}</h2>
            <div class="table-scroll">
                <table class="data-table preview" data-testid="preview">
                    <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {body.into_iter().map(|r| view! {
                            <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })
    }
}

#[component]
fn Roles(
    report: Arc<Received>,
    opts: RwSignal<ImportOptions>,
    dirty: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let mappable = matches!(
        report.report.detected.shape,
        Some(Shape::Tidy | Shape::Wide | Shape::Columns | Shape::OpenSdg)
    ) && !report.report.columns.is_empty();
    let guessed: Vec<Role> = report.report.columns.iter().map(|c| c.role).collect();
    let hidden = report.report.columns.len().saturating_sub(ROLE_ROWS);
    move || {
        let t = lang.get().import_strings();
        let guessed = guessed.clone();
        mappable.then(|| {
            let current = move |i: usize| {
                opts.with(|o| o.roles.as_ref().and_then(|r| r.get(i).copied()))
                    .or_else(|| guessed.get(i).copied())
                    .unwrap_or(Role::Ignore)
            };
            let guessed = report.report.columns.iter().map(|c| c.role).collect::<Vec<_>>();
let rows = report
                .report
                .columns
                .iter()
                .take(ROLE_ROWS)
                .enumerate()
                .map(|(i, c)| {
                    let guessed = guessed.clone();
                    let current = current.clone();
                    view! {
                        <tr data-testid="role-row">
                            <th scope="row">{c.name.clone()}</th>
                            <td>
                                <select
                                    data-testid="role"
                                    data-column=c.name.clone()
                                    prop:value=move || format!("{:?}", current(i))
                                    on:change=move |ev| {
                                        let key = event_target_value(&ev);
                                        let Some(role) = ROLES.iter().copied().find(|r| format!("{r:?}") == key) else { return };
                                        let guessed = guessed.clone();
                                        opts.update(|o| {
                                            let roles = o.roles.get_or_insert_with(|| guessed.clone());
                                            if let Some(slot) = roles.get_mut(i) {
                                                *slot = role;
                                            }
                                        });
                                        dirty.set(true);
                                    }
                                >
                                    {ROLES.iter().map(|r| view! { <option value=format!("{r:?}")>{role_name(t, *r)}</option> }).collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="import-roles" data-testid="roles">
                    <h2>{t.roles}</h2>
                    <p class="note">{t.roles_help}</p>
                    <table class="data-table roles"><tbody>{rows}</tbody></table>
                    {(hidden > 0).then(|| view! { <p class="note" data-testid="roles-hidden">{format!("… {hidden} {}", t.more_columns)}</p> })}
                </section>
            }
        })
    }
}

#[component]
fn MetaFields(report: Arc<Received>, meta: RwSignal<MetaForm>) -> impl IntoView {
    let lang = use_lang();
    let wanted = report.ok()
        && report.report.detected.format != Format::DataPackage
        && report.report.detected.shape != Some(Shape::Native);
    move || {
        let t = lang.get().import_strings();
        let field = move |testid: &'static str,
                          label: String,
                          get: fn(&MetaForm) -> String,
                          put: fn(&mut MetaForm, String)| {
            view! {
                <label class="setting">
                    <span>{label}</span>
                    <input type="text" data-testid=testid
                        prop:value=move || meta.with(get)
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            meta.update(|m| put(m, v));
                        } />
                </label>
            }
        };
        let bad = move || meta.with(|m| m.to_meta().is_err());
        wanted.then(|| view! {
            <section class="import-meta" data-testid="meta">
                <h2>{t.meta}</h2>
                <p class="note">{t.meta_help}</p>
                <div class="settings">
                    {field("meta-name", t.meta_name.to_owned(), |m| m.name.clone(), |m, v| m.name = v)}
                    {field("meta-unit", t.meta_unit.to_owned(), |m| m.unit.clone(), |m, v| m.unit = v)}
                    <label class="setting">
                        <span>{t.meta_direction}</span>
                        <select data-testid="meta-direction" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            meta.update(|m| m.direction = match v.as_str() {
                                "up" => Some(Direction::Increase),
                                "down" => Some(Direction::Decrease),
                                _ => None,
                            });
                        }>
                            <option value="">{t.from_file}</option>
                            <option value="up">{t.increase}</option>
                            <option value="down">{t.decrease}</option>
                        </select>
                    </label>
                    {field("meta-baseline-period", format!("{} — {}", t.baseline, t.period), |m| m.baseline.0.clone(), |m, v| m.baseline.0 = v)}
                    {field("meta-baseline-value", format!("{} — {}", t.baseline, t.value), |m| m.baseline.1.clone(), |m, v| m.baseline.1 = v)}
                    {field("meta-target-period", format!("{} — {}", t.target, t.period), |m| m.target.0.clone(), |m, v| m.target.0 = v)}
                    {field("meta-target-value", format!("{} — {}", t.target, t.value), |m| m.target.1.clone(), |m, v| m.target.1 = v)}
                </div>
                <Show when=bad><p class="error" role="alert" data-testid="meta-invalid">{t.bad_milestone}</p></Show>
            </section>
        })
    }
}

/// One problem in the page's language; `data-kind` is the problem's kind (`NotANumber`…).
fn problem_row(l: Lang, p: &Problem, kind: &'static str) -> impl IntoView {
    let t = l.import_strings();
    let place = if p.line == 0 {
        format!("{} — {}", p.file, t.whole_file)
    } else if p.column == 0 {
        format!("{}, {} {}", p.file, t.line, p.line)
    } else {
        format!(
            "{}, {} {}, {} {}",
            p.file, t.line, p.line, t.column, p.column
        )
    };
    view! {
        <li data-testid=kind data-kind=p.kind.tag() data-line=p.line data-column=p.column>
            <strong>{place}</strong>
            {(!p.found.is_empty()).then(|| view! { " — "{t.found}" « "<code>{p.found.clone()}</code>" »" })}
            " — "{t.expected}" : "{l.expected(&p.kind)}
        </li>
    }
}

#[component]
fn Report(report: Arc<Received>, phase: RwSignal<Phase>, job: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let t = l.import_strings();
        let c = report.report.counts;
        let n = |v: usize| crate::format::number(v as f64, 0, l);
        let ms = match phase.get() {
            Phase::Done { ms } => Some(ms),
            _ => None,
        };
        let more = |shown: usize, total: usize| {
            (total > shown).then(
                || view! { <li class="note">{format!("… {} {}", n(total - shown), t.more)}</li> },
            )
        };
        view! {
            <section class="import-report" data-testid="import-report" data-job=job.get_untracked() data-ok=report.ok().to_string()
                data-indicators=c.indicators data-series=c.series data-observations=c.observations
                data-problems=report.report.problems_total data-warnings=report.report.warnings_total>
                <h2>{t.report}</h2>
                <ul class="counts">
                    <li><strong data-testid="count-indicators">{n(c.indicators)}</strong>" "{l.plural(c.indicators, t.c_indicators)}</li>
                    <li><strong data-testid="count-series">{n(c.series)}</strong>" "{l.plural(c.series, t.c_series)}</li>
                    <li><strong data-testid="count-observations">{n(c.observations)}</strong>" "{l.plural(c.observations, t.c_observations)}</li>
                    <li><strong>{n(c.rows)}</strong>" "{l.plural(c.rows, t.c_rows)}</li>
                    <li><strong>{n(c.missing_cells)}</strong>" "{l.plural(c.missing_cells, t.c_missing)}</li>
                    {ms.map(|ms| view! { <li class="note" data-testid="read-time">{format!("{} {} ms", t.read_in, n(ms.round() as usize))}</li> })}
                </ul>
                {(!report.report.problems.is_empty()).then(|| view! {
                    <h3>{t.errors}" ("{n(report.report.problems_total)}")"</h3>
                    <ul class="problems">
                        {report.report.problems.iter().map(|p| problem_row(l, p, "problem")).collect_view()}
                        {more(report.report.problems.len(), report.report.problems_total)}
                    </ul>
                })}
                {(!report.report.warnings.is_empty()).then(|| view! {
                    <h3>{t.warnings}" ("{n(report.report.warnings_total)}")"</h3>
                    <ul class="warnings">
                        {report.report.warnings.iter().map(|p| problem_row(l, p, "warning")).collect_view()}
                        {more(report.report.warnings.len(), report.report.warnings_total)}
                    </ul>
                })}
            </section>
        }
    }
}

#[allow(clippy::too_many_arguments)]
#[component]
fn Actions(
    report: Arc<Received>,
    opts: RwSignal<ImportOptions>,
    meta: RwSignal<MetaForm>,
    name: RwSignal<String>,
    stored: LocalResource<Vec<String>>,
    phase: RwSignal<Phase>,
    run: impl Fn() + Copy + Send + Sync + 'static,
    save: impl Fn(web_sys::MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let has_errors = report.report.problems_total > 0;
    let ok = report.ok();
    let accept = move |ev: web_sys::Event| {
        let on = event_target_checked(&ev);
        opts.update(|o| o.accept_errors = on);
        run();
    };
    let file = report.report.file.clone();
    let save_id = Memo::new(move |_| dataset_id(&save_label(name.get(), &file)));
    // The page's settings and description as `vigie-check --options` reads them.
    let cli_json = move || {
        let mut o = opts.get();
        o.indicator = meta.with(|m| m.to_meta()).unwrap_or_default();
        serde_json::to_string_pretty(&o).unwrap_or_default()
    };
    let replaces = move || {
        let id = save_id.get();
        stored.get().is_some_and(|ids| ids.contains(&id))
    };
    view! {
        <section class="import-actions" data-testid="import-actions">
            {move || {
                let t = lang.get().import_strings();
                view! {
                    {(has_errors && !ok).then(|| view! { <p class="notice error" role="alert" data-testid="import-refused">{t.refused}</p> })}
                    {(has_errors && report.report.counts.observations > 0 || opts.with(|o| o.accept_errors)).then(|| view! {
                        <label class="setting setting-check">
                            <input type="checkbox" data-testid="accept-errors" prop:checked=move || opts.with(|o| o.accept_errors) on:change=accept />
                            <span>{t.accept}</span>
                        </label>
                    })}
                    {ok.then(|| view! { <p class="notice notice-ok" role="status" data-testid="import-ready">{t.ready}</p> })}
                }
            }}
            <Show when=move || ok>
                <label class="setting">
                    <span>{move || lang.get().import_strings().store_as}</span>
                    <input type="text" data-testid="import-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <Show when=replaces><p class="note" data-testid="import-replaces">{move || lang.get().import_strings().replaces}</p></Show>
                <details class="cli-options" data-testid="cli-options">
                    <summary>{move || lang.get().import_strings().cli_options}</summary>
                    <p class="note">{move || lang.get().import_strings().cli_options_hint}</p>
                    <textarea readonly rows="8" data-testid="cli-options-json" prop:value=cli_json></textarea>
                </details>
                <button
                    class="primary"
                    data-testid="import-save"
                    data-dataset=move || save_id.get()
                    disabled=move || phase.get() == Phase::Saving || meta.with(|m| m.to_meta().is_err())
                    on:click=save
                >
                    {move || {
                        let t = lang.get().import_strings();
                        if phase.get() == Phase::Saving { t.saving } else { t.save }
                    }}
                </button>
            </Show>
        </section>
    }
}
