//! The data manager page (`/data`): stored datasets with source, date, size and counts, delete and
//! replace; storage used and left, persistence; export and import of the whole observatory. The
//! store's shared state and banners are the parent module's.

use super::super::use_lang;
use super::{use_store_state, Notice};
use crate::i18n::{DataStrings, Lang};
use crate::store::export::{export, import};
use crate::store::Store;
use crate::store::{
    estimate, human_bytes, persist, persisted, DatasetInfo, DatasetKind, Estimate, NewDataset,
    StoreError,
};
use crate::web::today;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

fn kind_name(d: &DataStrings, k: DatasetKind) -> &'static str {
    match k {
        DatasetKind::Default => d.kind_default,
        DatasetKind::File => d.kind_file,
        DatasetKind::Workshop => d.kind_workshop,
    }
}

fn date_text(ms: f64, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let opts = js_sys::Object::new();
    for (k, v) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    date.to_locale_string(lang.tag(), &opts).into()
}

/// Waits for the next animation frame, so that a busy state is painted before long work starts.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reads the first file chosen in a file input.
async fn chosen_file_text(ev: &web_sys::Event) -> Option<(String, String)> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    input.set_value("");
    Some((file.name(), text.as_string()?))
}

/// Offers `text` for download as `name`.
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The data manager.
#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    let st = use_store_state();
    let busy = RwSignal::new(false);
    // The page is built again after every change to the store (the app reloads its data and its
    // routes), so these read once; tracking the change counter here would leave a read pending in a
    // page being disposed.
    let list = LocalResource::new(move || async move {
        match st.open().await {
            Ok(s) => s.list().await.map(Some),
            Err(_) => Ok(None),
        }
    });
    let room = LocalResource::new(estimate);
    let persistence = LocalResource::new(|| async {
        match persisted().await {
            Some(true) => Some(true),
            Some(false) => persist().await,
            None => None,
        }
    });

    // Runs a store operation with the busy flag and turns its outcome into a notice.
    let run = move |op: Op| {
        spawn_local(async move {
            let Ok(s) = st.open().await else { return };
            // The page may be gone (re-rendered after a change) when the work ends: `try_set`.
            busy.try_set(true);
            next_frame().await;
            let notice = match op(s).await {
                Ok(n) => n,
                Err(StoreError::Quota { needed }) => Notice::Quota(needed),
                Err(StoreError::Export(e)) => Notice::Failed(lang.get_untracked().export_error(&e)),
                Err(e) => Notice::Failed(e.describe(lang.get_untracked())),
            };
            busy.try_set(false);
            st.tell(notice);
            st.changed();
        });
    };

    let on_export = move |_| {
        spawn_local(async move {
            let Ok(s) = st.open().await else { return };
            busy.try_set(true);
            match s.snapshot().await {
                Ok(snap) => {
                    let text = export(&snap, today());
                    if download("datapackage.json", &text).is_err() {
                        let d = lang.get_untracked().data_strings();
                        st.tell(Notice::Failed(d.download_failed.to_owned()));
                    }
                }
                Err(e) => st.tell(Notice::Failed(e.describe(lang.get_untracked()))),
            }
            busy.try_set(false);
        });
    };

    let on_import = move |ev: web_sys::Event| {
        spawn_local(async move {
            let Some((_, text)) = chosen_file_text(&ev).await else {
                return;
            };
            run(Rc::new(move |s: Rc<Store>| {
                let text = text.clone();
                Box::pin(async move {
                    let snapshot = import(&text)?;
                    s.restore(&snapshot).await?;
                    Ok(Notice::Done("imported"))
                })
            }));
        });
    };

    view! {
        <section class="data-page" data-testid="data-page" aria-busy=move || busy.get().to_string()>
            {move || {
                let d = lang.get().data_strings();
                view! {
                    <h1>{d.title}</h1>
                    <p class="note">{d.intro}</p>
                }
            }}
            <NoticeView />
            <h2>{move || lang.get().data_strings().datasets}</h2>
            <Suspense fallback=move || view! { <p class="loading">{lang.get().data_strings().working}</p> }>
                {move || Suspend::new(async move {
                    let l = lang.get();
                    let d = l.data_strings();
                    match list.await {
                        Ok(Some(infos)) if infos.is_empty() => view! { <p data-testid="no-datasets">{d.none}</p> }.into_any(),
                        Ok(Some(infos)) => {
                            let rows = infos
                                .into_iter()
                                .map(|info| dataset_row(info, l, run))
                                .collect_view();
                            view! {
                                <div class="table-scroll">
                                    <table class="data-table" data-testid="datasets">
                                        <thead>
                                            <tr>
                                                <th scope="col">{d.col_dataset}</th>
                                                <th scope="col">{d.col_kind}</th>
                                                <th scope="col">{d.col_source}</th>
                                                <th scope="col">{d.col_imported}</th>
                                                <th scope="col" class="num">{d.col_size}</th>
                                                <th scope="col" class="num">{d.col_indicators}</th>
                                                <th scope="col" class="num">{d.col_observations}</th>
                                                <th scope="col" class="num">{d.col_edits}</th>
                                                <th scope="col">{d.col_actions}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                            }
                            .into_any()
                        }
                        Ok(None) => view! { <p class="store-banner store-banner-warn" data-testid="data-memory-only">{d.memory_only}</p> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{d.failed}" "{e.describe(l)}</p> }.into_any(),
                    }
                })}
            </Suspense>

            <h2>{move || lang.get().data_strings().storage}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let l = lang.get();
                    let d = l.data_strings();
                    let est = room.await;
                    let granted = persistence.await;
                    let usage = match est {
                        Some(Estimate { usage, quota }) => view! {
                            <p data-testid="storage-estimate" data-usage=usage data-quota=quota>
                                <meter min="0" max=quota value=usage></meter>" "
                                <strong>{human_bytes(usage, l)}</strong>" "{d.used}", "
                                <strong>{human_bytes((quota - usage).max(0.0), l)}</strong>" "{d.left}
                            </p>
                        }.into_any(),
                        None => view! { <p data-testid="storage-estimate">{d.unknown}</p> }.into_any(),
                    };
                    let (key, text) = match granted {
                        Some(true) => ("granted", d.persisted_yes),
                        Some(false) => ("denied", d.persisted_no),
                        None => ("unsupported", d.persist_unsupported),
                    };
                    view! {
                        {usage}
                        <p data-testid="persistence" data-persisted=key>{text}</p>
                    }
                })}
            </Suspense>

            {move || {
                let d = lang.get().data_strings();
                view! {
                    <h2>{d.export_title}</h2>
                    <p class="note">{d.export_help}</p>
                    <div class="data-actions">
                        <button data-testid="export" on:click=on_export disabled=move || busy.get()>{d.export_button}</button>
                        <label class="file-button">
                            {d.import_label}
                            <input type="file" accept=".json,application/json" data-testid="import-observatory" on:change=on_import disabled=move || busy.get() />
                        </label>
                    </div>
                    <p class="note">{d.import_help}</p>
                }
            }}
        </section>
    }
}

type Op = Rc<
    dyn Fn(
        Rc<Store>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<Notice, StoreError>>>>,
>;

fn dataset_row(info: DatasetInfo, l: Lang, run: impl Fn(Op) + Copy + 'static) -> impl IntoView {
    let d = l.data_strings();
    let id = info.id.clone();
    let on_delete = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            run(Rc::new(move |s: Rc<Store>| {
                let id = id.clone();
                Box::pin(async move {
                    s.delete(&id).await?;
                    Ok(Notice::Done("deleted"))
                })
            }));
        }
    };
    let on_open = {
        let id = id.clone();
        let shown = expect_context::<super::super::Shown>();
        let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
        move |_| {
            shown.set(id.clone());
            navigate.with_value(|go| go("/", Default::default()));
        }
    };
    let on_replace = {
        let info = info.clone();
        move |ev: web_sys::Event| {
            let info = info.clone();
            spawn_local(async move {
                let Some((name, text)) = chosen_file_text(&ev).await else {
                    return;
                };
                run(Rc::new(move |s: Rc<Store>| {
                    let (info, name, text) = (info.clone(), name.clone(), text.clone());
                    Box::pin(async move { replace_from_export(&s, &info, &name, &text).await })
                }));
            });
        }
    };
    view! {
        <tr data-testid="dataset-row" data-dataset=id.clone()>
            <th scope="row">{info.id.clone()}</th>
            <td>{kind_name(d, info.kind)}</td>
            <td class="source">{info.source.clone()}</td>
            <td>{date_text(info.imported_at, l)}</td>
            <td class="num" data-testid="dataset-bytes">{human_bytes(info.bytes as f64, l)}</td>
            <td class="num">{crate::format::number(info.indicators as f64, 0, l)}</td>
            <td class="num" data-testid="dataset-observations">{crate::format::number(info.observations as f64, 0, l)}</td>
            <td class="num">{crate::format::number(info.edits as f64, 0, l)}</td>
            <td class="row-actions">
                <button data-testid="open-dataset" on:click=on_open>{d.open}</button>
                <label class="file-button small">
                    {d.replace}
                    <input type="file" accept=".json,application/json" data-testid="replace-dataset" on:change=on_replace />
                </label>
                <button class="danger" data-testid="delete-dataset" on:click=on_delete>{d.delete}</button>
            </td>
        </tr>
    }
}

/// Replaces a dataset's imported data with the dataset of the same id (or the only one) from a
/// Vigie export, keeping the person's edits and naming the ones the new file contradicts.
async fn replace_from_export(
    s: &Store,
    info: &DatasetInfo,
    name: &str,
    text: &str,
) -> Result<Notice, StoreError> {
    let snapshot = import(text)?;
    let only = snapshot.datasets.len() == 1;
    let found = snapshot
        .datasets
        .into_iter()
        .find(|d| only || d.info.id == info.id)
        .ok_or_else(|| StoreError::NoDataset {
            id: info.id.clone(),
        })?;
    let new = NewDataset {
        id: info.id.clone(),
        kind: info.kind,
        source: name.to_owned(),
        imported_at: js_sys::Date::now(),
    };
    let conflicts = s.put_dataset(&new, &found.base).await?;
    if conflicts.is_empty() {
        Ok(Notice::Done("replaced"))
    } else {
        Ok(Notice::Conflicts(
            conflicts
                .iter()
                .map(|c| {
                    format!(
                        "{} {} : {} ≠ {}",
                        c.indicator,
                        c.period,
                        c.edited.map_or("–".into(), |v| v.to_string()),
                        c.in_file.map_or("–".into(), |v| v.to_string())
                    )
                })
                .collect(),
        ))
    }
}

#[component]
fn NoticeView() -> impl IntoView {
    let lang = use_lang();
    let st = use_store_state();
    move || {
        let d = lang.get().data_strings();
        let Some((seq, notice)) = st.notice.get() else {
            return ().into_any();
        };
        match notice {
            Notice::Done(what) => {
                let text = match what {
                    "imported" => d.imported,
                    "replaced" => d.replaced,
                    _ => d.deleted,
                };
                view! { <p class="notice notice-ok" role="status" data-testid="data-notice" data-seq=seq data-kind=what>{text}</p> }.into_any()
            }
            Notice::Conflicts(items) => view! {
                <div class="notice notice-warn" role="status" data-testid="data-notice" data-seq=seq data-kind="conflicts">
                    <p>{d.conflicts}</p>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
            Notice::Quota(needed) => view! {
                <div class="notice error" role="alert" data-testid="data-notice" data-seq=seq data-kind="failed">
                    <p>{d.failed}</p>
                    <p>
                        {d.quota}
                        {(needed > 0).then(|| format!(" ({})", human_bytes(needed as f64, lang.get())))}
                    </p>
                </div>
            }
            .into_any(),
            Notice::Failed(msg) => view! {
                <div class="notice error" role="alert" data-testid="data-notice" data-seq=seq data-kind="failed">
                    <p>{d.failed}</p>
                    <pre>{msg}</pre>
                </div>
            }
            .into_any(),
        }
    }
}
