//! The Leptos user interface: the app shell, its routes and the pages. Components wire signals and
//! call the core; they hold no business logic.

mod chart;
mod dashboard;
mod data;
mod indicator;

use crate::i18n::Lang;
use crate::model::{Dataset, Provenance};
use crate::store::{fetch_package, load_or_fetch, Origin, StoreError};
use crate::web::fetch_text;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use std::sync::Arc;

/// Where the default programme's Data Package is served from.
pub const DEFAULT_PACKAGE: &str = "/data/lhsm/";
/// The store id of the default programme.
pub const DEFAULT_ID: &str = "default";

/// The loaded dataset and where it came from.
#[derive(Clone)]
pub struct Data {
    pub dataset: Arc<Dataset>,
    pub origin: Origin,
}

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Loads the programme shown: on a tab's first load, the default programme from IndexedDB, fetched
/// once on first start; after a change to the store, what the store now holds (the default programme,
/// else the first dataset) without fetching again. Without IndexedDB the default programme is fetched
/// and kept in memory only (and the page says so).
async fn load(st: data::StoreState, first: bool) -> Result<Data, StoreError> {
    let (dataset, origin) = match st.open().await {
        Ok(store) if first => {
            load_or_fetch(&store, DEFAULT_ID, DEFAULT_PACKAGE, fetch_text).await?
        }
        Ok(store) => (
            data::shown_dataset(&store, DEFAULT_ID).await?,
            Origin::Store,
        ),
        Err(_) => (
            fetch_package(DEFAULT_PACKAGE, &fetch_text).await?,
            Origin::MemoryOnly,
        ),
    };
    st.memory_only.set(origin == Origin::MemoryOnly);
    Ok(Data {
        dataset: Arc::new(dataset),
        origin,
    })
}

/// The page language, shared through context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

fn initial_lang() -> Lang {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search.contains("lang=en") {
        Lang::En
    } else {
        Lang::Fr
    }
}

#[component]
fn App() -> impl IntoView {
    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    Effect::new(move |_| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    let store_state = data::StoreState::provide();
    let data = LocalResource::new(move || load(store_state, store_state.epoch.get() == 0));
    let s = move || lang.get().strings();
    view! {
        <Router>
            <header class="topbar">
                <A href="/" attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    {move || s().app_name}
                </A>
                <span class="tagline">{move || s().tagline}</span>
                <A href="/data" attr:class="nav-data" attr:data-testid="nav-data">{move || lang.get().data_strings().nav}</A>
                <button
                    class="lang-switch"
                    data-testid="lang-switch"
                    aria-label=move || s().switch_language_label
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Fr { Lang::En } else { Lang::Fr })
                >
                    {move || s().switch_language}
                </button>
            </header>
            <data::StoreBanner />
            <main id="main">
                <Transition fallback=move || view! { <p class="loading">{s().loading}</p> }>
                    <ErrorBoundary fallback=move |errors| {
                        view! {
                            <div class="error" role="alert" data-testid="load-error">
                                <h2>{move || s().load_failed}</h2>
                                <ul>
                                    {move || {
                                        errors
                                            .get()
                                            .into_iter()
                                            .map(|(_, e)| view! { <li><pre>{e.to_string()}</pre></li> })
                                            .collect_view()
                                    }}
                                </ul>
                            </div>
                        }
                    }>
                        {move || Suspend::new(async move {
                            data.await
                                .map(|d| {
                                    let (d1, d2, origin) = (d.clone(), d.clone(), d.origin);
                                    view! {
                                        <Routes fallback=move || view! { <p>{s().not_found}</p> }>
                                            <Route path=path!("/") view=move || view! { <dashboard::Dashboard data=d1.clone() /> } />
                                            <Route path=path!("/data") view=data::DataPage />
                                            <Route
                                                path=path!("/indicator/:id")
                                                view=move || view! { <indicator::IndicatorPage data=d2.clone() /> }
                                            />
                                        </Routes>
                                        <Footer origin=origin />
                                    }
                                })
                        })}
                    </ErrorBoundary>
                </Transition>
            </main>
        </Router>
    }
}

#[component]
fn Footer(origin: Origin) -> impl IntoView {
    let lang = use_lang();
    move || {
        let l = lang.get();
        let s = l.strings();
        let origin_text = match origin {
            Origin::Store => s.origin_store,
            Origin::Network => s.origin_network,
            Origin::MemoryOnly => s.origin_memory,
        };
        let origin_key = match origin {
            Origin::Store => "store",
            Origin::Network => "network",
            Origin::MemoryOnly => "memory",
        };
        view! {
            <footer class="footer">
                <p>
                    <strong>{s.data_origin}" : "</strong>
                    <ProvenanceBadge provenance=Provenance::Report />
                    " "{s.report_explained}" "
                    <ProvenanceBadge provenance=Provenance::Illustrative />
                    " "{s.illustrative_explained}
                </p>
                <p data-testid="data-origin" data-origin=origin_key>{origin_text}</p>
            </footer>
        }
    }
}

/// A small tag saying where a figure comes from.
#[component]
pub fn ProvenanceBadge(provenance: Provenance) -> impl IntoView {
    let lang = use_lang();
    let class = match provenance {
        Provenance::Report => "badge badge-report",
        Provenance::Illustrative => "badge badge-illustrative",
    };
    let title = move || match provenance {
        Provenance::Report => "",
        Provenance::Illustrative => lang.get().strings().illustrative_help,
    };
    view! { <span class=class title=title>{move || lang.get().strings().provenance_name(provenance)}</span> }
}
