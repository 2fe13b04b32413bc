//! The Leptos user interface: the app shell, its routes and the pages. Components wire signals and
//! call the core; they hold no business logic.

#[cfg(feature = "full")]
mod assessment;
#[cfg(feature = "full")]
mod chart;
#[cfg(feature = "full")]
mod compare;
mod dashboard;
mod data;
mod embed;
#[cfg(feature = "full")]
mod import;
#[cfg(feature = "full")]
mod indicator;
mod kpi_view;
#[cfg(feature = "full")]
mod map;
mod methodology;
mod offline;
#[cfg(feature = "full")]
mod scope;
mod search;
#[cfg(feature = "full")]
mod series;
mod workshop;

use crate::i18n::Lang;
use crate::model::{Dataset, Provenance};
use crate::period::Date;
use crate::store::{fetch_package, load_or_fetch, refresh_default, Origin, StoreError};
use crate::web::fetch_text;
use kpi_view::Settings;
use leptos::prelude::*;
#[cfg(feature = "full")]
use leptos_router::{
    components::{Route, Router as AppRouter, Routes},
    path,
};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the default programme's Data Package is served from.
pub const DEFAULT_PACKAGE: &str = "/data/lhsm/";
/// The store id of the default programme.
pub const DEFAULT_ID: &str = "default";

/// The loaded dataset and where it came from.
#[derive(Clone)]
pub struct Data {
    /// The store id the dataset was loaded under (`default` for the programme).
    pub id: String,
    pub dataset: Arc<Dataset>,
    pub origin: Origin,
}

/// The store id of the dataset the pages show: the default programme unless the person opened an
/// imported one. It comes from `?ds=` in a shared link, else the last choice kept in
/// `localStorage`, and is kept in both.
#[derive(Debug, Clone, Copy)]
pub struct Shown(pub RwSignal<String>);

const SHOWN_KEY: &str = "vigie.dataset";

impl Shown {
    fn provide() -> Shown {
        let first = query_value("ds")
            .filter(|v| !v.is_empty())
            .or_else(|| local_storage().and_then(|s| s.get_item(SHOWN_KEY).ok().flatten()))
            .unwrap_or_else(|| DEFAULT_ID.to_owned());
        let shown = Shown(RwSignal::new(first));
        provide_context(shown);
        shown
    }

    /// Shows dataset `id` from now on (and after a reload).
    pub fn set(&self, id: String) {
        if let Some(s) = local_storage() {
            let _ = s.set_item(SHOWN_KEY, &id);
        }
        self.0.set(id);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The pages only the full wasm (`vigie-full`, built with the `full` feature) holds: the workshop,
/// the data manager, the import page, the indicator, axis and project pages, the assessment page,
/// the compare page and the chart embed (the interactive chart, plotters and its canvas backend). The page's wasm
/// (`vigie`, what a first visit downloads) holds the dashboard, the methodology, the card and
/// programme embeds, and the top bar's search.
pub const FULL_ONLY: &[&str] = &[
    "/workshop",
    "/data",
    "/import",
    "/indicator",
    "/axis",
    "/project",
    "/assessment",
    "/compare",
    "/embed/chart",
];

/// Whether `path` is one of the pages only the full wasm holds.
pub fn is_full_only(path: &str) -> bool {
    FULL_ONLY.iter().any(|p| is_under(path, p))
}

/// Whether `path` is page `page` or one below it (`/indicator/x` is under `/indicator`; only `/` is
/// under `/`).
fn is_under(path: &str, page: &str) -> bool {
    path == page || (page != "/" && path.strip_prefix(page).is_some_and(|r| r.starts_with('/')))
}

/// The page's wasm has no router: it shows one page per document (the dashboard, the methodology),
/// and every link is a new document (`full_href` carries the view's state). The full wasm's router
/// (`leptos_router`'s `Router`) follows the same plain `<a>` links inside the app.
#[cfg(not(feature = "full"))]
#[component]
fn AppRouter(children: Children) -> impl IntoView {
    children()
}

/// `aria-current="page"` for a top-bar link to `page` while that page is shown.
fn current_page(page: &'static str) -> impl Fn() -> Option<&'static str> {
    #[cfg(feature = "full")]
    let here = leptos_router::hooks::use_location().pathname;
    #[cfg(not(feature = "full"))]
    let here = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    move || {
        #[cfg(feature = "full")]
        let here = here.get();
        is_under(&here, page).then_some("page")
    }
}

#[cfg(not(feature = "full"))]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/load_full.js")]
extern "C" {
    /// Loads and starts the full wasm, whose `main` mounts the whole app.
    #[wasm_bindgen(catch)]
    fn load_full() -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// Mounts the app on `<body>`; in a Web Worker there is no page, and nothing is mounted. In the page's
/// wasm, a page only the full wasm holds loads the full wasm instead, which mounts the whole app; if
/// it cannot be fetched, this wasm mounts and that page says so.
pub fn mount() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    console_error_panic_hook::set_once();
    #[cfg(not(feature = "full"))]
    if is_full_only(&path) {
        // Leptos' executor starts with a mount; until then, wasm-bindgen's runs the future.
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = match load_full() {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.map(|_| ()),
                Err(e) => Err(e),
            };
            if let Err(e) = loaded {
                web_sys::console::error_1(&e);
                mount_here(&path);
            }
        });
        return;
    }
    mount_here(&path);
}

/// Mounts this wasm's app for `path`: the embed app on `/embed/`, else the whole app.
fn mount_here(path: &str) {
    if path.starts_with("/embed/") {
        embed::mount_embed();
    } else {
        leptos::mount::mount_to_body(App);
    }
}

/// What the page's wasm shows on a page only the full wasm holds, which it mounts only when loading
/// the full wasm failed (offline and not yet cached): a message and a button to try again.
#[cfg(not(feature = "full"))]
#[component]
fn FullOnlyPage() -> impl IntoView {
    let lang = use_lang();
    let retry = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <div class="error" role="alert" data-testid="full-failed">
            <p>{move || lang.get().strings().full_failed}</p>
            <button on:click=retry>{move || lang.get().strings().full_retry}</button>
        </div>
    }
}

/// Loads the dataset shown: on a tab's first load, the default programme from IndexedDB, fetched
/// once on first start and brought up to date in the background after (then the dataset the person
/// opened, if stored); after a change to the store,
/// what the store now holds (the dataset shown, else the first one) without fetching again. Without IndexedDB the default programme is fetched
/// and kept in memory only (and the page says so).
async fn load(st: data::StoreState, first: bool, shown: String) -> Result<Data, StoreError> {
    let (id, dataset, origin) = match st.open().await {
        Ok(store) if first => {
            let (default, origin) =
                load_or_fetch(&store, DEFAULT_ID, DEFAULT_PACKAGE, fetch_text).await?;
            if origin == Origin::Store {
                // What the store held is shown at once; if this release serves another default
                // programme, it replaces the stored one and the pages read it again.
                let refreshing = store.clone();
                leptos::task::spawn_local(async move {
                    match refresh_default(&refreshing, DEFAULT_ID, DEFAULT_PACKAGE, fetch_text)
                        .await
                    {
                        Ok(true) => st.changed(),
                        Ok(false) => {}
                        Err(e) => web_sys::console::warn_1(&e.to_string().into()),
                    }
                });
            }
            match store.get(&shown).await? {
                Some(d) if shown != DEFAULT_ID => (shown, d, Origin::Store),
                _ => (DEFAULT_ID.to_owned(), default, origin),
            }
        }
        Ok(store) => {
            let (id, d) = data::shown_dataset(&store, &shown).await?;
            (id, d, Origin::Store)
        }
        Err(_) => (
            DEFAULT_ID.to_owned(),
            fetch_package(DEFAULT_PACKAGE, &fetch_text).await?,
            Origin::MemoryOnly,
        ),
    };
    st.memory_only.set(origin == Origin::MemoryOnly);
    Ok(Data {
        id,
        dataset: Arc::new(dataset),
        origin,
    })
}

/// The page language, shared through context.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The query parameters of the page's URL, as (name, value) pairs.
fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn query_value(name: &str) -> Option<String> {
    query_pairs()
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The address of `path` with the current query, each key of `set` replaced by its value (or
/// removed, for `None`), the others kept (the language, date, kind and dataset shown).
#[cfg(feature = "full")]
fn href_keeping(path: &str, set: &[(&str, Option<String>)]) -> String {
    let mut pairs: Vec<(String, String)> = query_pairs()
        .into_iter()
        .filter(|(k, _)| !set.iter().any(|(s, _)| s == k))
        .collect();
    pairs.extend(
        set.iter()
            .filter_map(|(k, v)| v.clone().map(|v| ((*k).to_owned(), v))),
    );
    with_query(path, &pairs)
}

/// The query that carries the view's state: `ds` (the dataset shown), `lang`, `asof` and `kind`,
/// each only when it differs from its default.
fn state_pairs(lang: Lang, settings: &Settings, shown: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if shown != DEFAULT_ID {
        pairs.push(("ds".into(), shown.to_owned()));
    }
    if lang != Lang::Fr {
        pairs.push(("lang".into(), lang.tag().into()));
    }
    let as_of = settings.as_of.get_untracked();
    if as_of != kpi_view::today() {
        pairs.push(("asof".into(), as_of.to_string()));
    }
    if let Some(kind) = settings.kind.get_untracked() {
        pairs.push(("kind".into(), kpi_view::kind_key(kind).into()));
    }
    pairs
}

/// `path` with `pairs` as its query.
fn with_query(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("{path}?{}", query.join("&"))
}

/// Keeps `lang`, `asof`, `kind` and the dataset shown (`ds`) in the address bar (without a new history entry), so any view can
/// be shared as a deep link.
fn sync_url(lang: Lang, settings: &Settings, shown: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut pairs: Vec<(String, String)> = query_pairs()
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "lang" | "asof" | "kind" | "ds"))
        .collect();
    pairs.extend(state_pairs(lang, settings, shown));
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    let url = with_query(&path, &pairs);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The address of a page only the full wasm holds. In the page's wasm, following it loads a new
/// document, so it carries the view's state (language, date, kind, dataset) in its query; in the full
/// wasm the state lives on in the app and the address is `path` itself.
pub fn full_href(path: &str) -> String {
    if cfg!(feature = "full") {
        return path.to_owned();
    }
    let lang = use_lang().get();
    let settings = kpi_view::use_settings();
    settings.as_of.track();
    settings.kind.track();
    let shown = expect_context::<Shown>().0.get();
    full_href_in(path, lang, &settings, &shown)
}

/// `full_href` from values already read (in an event handler, where there is no context to read).
pub fn full_href_in(path: &str, lang: Lang, settings: &Settings, shown: &str) -> String {
    with_query(path, &state_pairs(lang, settings, shown))
}

/// Keeps the document's language and the address bar's `lang`, `asof`, `kind` and `ds` in step with
/// the view: after each change of one of them and, in the full wasm, after each navigation inside the
/// app (so the address of any page, reached by any link, can be shared as it is shown). Renders
/// nothing; it sits inside the router, whose location it follows.
#[component]
fn SyncUrl(lang: RwSignal<Lang>, settings: Settings, shown: Shown) -> impl IntoView {
    #[cfg(feature = "full")]
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let l = lang.get();
        let ds = shown.0.get();
        settings.as_of.track();
        settings.kind.track();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", l.tag());
        }
        let sync = move || sync_url(l, &settings, &ds);
        #[cfg(feature = "full")]
        when_address_shows(location.pathname.get(), 60, sync);
        #[cfg(not(feature = "full"))]
        sync();
    });
}

/// Runs `then` once the address bar shows page `path`, waiting at most `frames` animation frames.
/// The router sets its location first and writes the address only once the new page is built, so an
/// address written in between would be overwritten.
#[cfg(feature = "full")]
fn when_address_shows(path: String, frames: u32, then: impl FnOnce() + 'static) {
    let shown = web_sys::window().and_then(|w| w.location().pathname().ok());
    if frames == 0 || shown.as_deref() == Some(path.as_str()) {
        then();
    } else {
        request_animation_frame(move || when_address_shows(path, frames - 1, then));
    }
}

#[component]
fn App() -> impl IntoView {
    let lang = RwSignal::new(query_value("lang").map_or(Lang::Fr, |t| Lang::from_tag(&t)));
    provide_context(lang);
    let settings = Settings {
        as_of: RwSignal::new(
            query_value("asof")
                .and_then(|d| Date::parse(&d).ok())
                .unwrap_or_else(kpi_view::today),
        ),
        kind: RwSignal::new(query_value("kind").and_then(|k| kpi_view::kind_from_key(&k))),
    };
    provide_context(settings);
    let shown = Shown::provide();
    let store_state = data::StoreState::provide();
    let data =
        LocalResource::new(move || load(store_state, store_state.epoch.get() == 0, shown.0.get()));
    workshop::Workshop::provide(store_state, shown);
    let s = move || lang.get().strings();
    let pending = RwSignal::new(false);
    // Whether the folded navigation is open (narrow screens only).
    let menu_open = RwSignal::new(false);
    // Another dataset loading while one is shown (the first load shows the fallback instead).
    let reloading = move || pending.get() && data.with(|d| d.is_some());
    view! {
        <AppRouter>
            <SyncUrl lang=lang settings=settings shown=shown />
            <header class="topbar">
                <a href=move || full_href("/") class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    {move || s().app_name}
                </a>
                <span class="tagline">{move || s().tagline}</span>
                <search::SearchBox data=data />
                // On a narrow screen the links fold behind this button (CSS shows it below 760 px);
                // choosing a link, or Escape, folds them again.
                <button
                    class="menu-toggle"
                    data-testid="menu-toggle"
                    aria-controls="site-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    aria-label=move || s().menu_label
                    on:click=move |_| menu_open.update(|o| *o = !*o)
                >
                    <span class="menu-icon" aria-hidden="true"></span>
                    {move || s().menu}
                </button>
                <nav
                    id="site-nav"
                    class="topnav"
                    class:open=move || menu_open.get()
                    aria-label=move || s().menu_label
                    on:click=move |ev: leptos::ev::MouseEvent| {
                        let on_link = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|e| e.closest("a").ok().flatten())
                            .is_some();
                        if on_link {
                            menu_open.set(false);
                        }
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            menu_open.set(false);
                        }
                    }
                >
                    <a href=move || full_href("/") aria-current=current_page("/") data-testid="nav-dashboard">{move || s().dashboard}</a>
                    <a href=move || full_href("/workshop") aria-current=current_page("/workshop") data-testid="nav-workshop">{move || s().workshop}</a>
                    <a href=move || full_href("/import") aria-current=current_page("/import") data-testid="nav-import">{move || lang.get().import_strings().nav}</a>
                    <a href=move || full_href("/data") aria-current=current_page("/data") class="nav-data" data-testid="nav-data">{move || lang.get().data_strings().nav}</a>
                    <a href=move || full_href("/assessment") aria-current=current_page("/assessment") data-testid="nav-assessment">{move || s().assessment_nav}</a>
                    <a href=move || full_href("/methodology") aria-current=current_page("/methodology") data-testid="nav-methodology">{move || s().methodology}</a>
                    <data::DatasetSwitch />
                </nav>
                <button
                    class="lang-switch"
                    data-testid="lang-switch"
                    aria-label=move || s().switch_language_label
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::Fr { Lang::En } else { Lang::Fr })
                >
                    {move || s().switch_language}
                </button>
            </header>
            <offline::ConnectionBanner />
            <data::StoreBanner />
            <main id="main" class:pending=reloading aria-busy=move || reloading().to_string()>
                // While another dataset loads, the page keeps what it showed, dimmed, and says so.
                <Show when=reloading>
                    <p class="loading-pending" role="status" data-testid="loading-pending">{move || s().loading}</p>
                </Show>
                <Transition fallback=move || view! { <p class="loading">{s().loading}</p> } set_pending=pending>
                    <ErrorBoundary fallback=move |errors| {
                        view! {
                            <div class="error" role="alert" data-testid="load-error">
                                <h2>{move || s().load_failed}</h2>
                                <ul>
                                    {move || {
                                        errors
                                            .get()
                                            .into_iter()
                                            .map(|(_, e)| {
                                                // The store's errors in the page's language; others as they say.
                                                let text = e
                                                    .downcast_ref::<StoreError>()
                                                    .map_or_else(|| e.to_string(), |se| se.describe(lang.get()));
                                                view! { <li><pre>{text}</pre></li> }
                                            })
                                            .collect_view()
                                    }}
                                </ul>
                            </div>
                        }
                    }>
                        {move || Suspend::new(async move {
                            data.await
                                .map(|d| {
                                    let origin = d.origin;
                                    let provenances = d.dataset.provenances();
                                    view! {
                                        {pages(d, lang)}
                                        <Footer origin=origin provenances=provenances />
                                    }
                                })
                        })}
                    </ErrorBoundary>
                </Transition>
            </main>
        </AppRouter>
    }
}

/// The pages of the full wasm, by route: every page, followed by its router inside the app.
#[cfg(feature = "full")]
fn pages(d: Data, lang: RwSignal<Lang>) -> impl IntoView {
    let s = move || lang.get().strings();
    let (d1, d2, d3, d4) = (d.clone(), d.clone(), d.clone(), d.clone());
    let (d5, d6, d7, d8) = (d.clone(), d.clone(), d.clone(), d);
    view! {
        <Routes fallback=move || view! { <p>{s().not_found}</p> }>
            <Route path=path!("/") view=move || view! { <dashboard::Dashboard data=d1.clone() /> } />
            <Route path=path!("/methodology") view=methodology::Methodology />
            <Route path=path!("/data") view=|| view! { <data::DataPage /> } />
            <Route path=path!("/import") view=|| view! { <import::ImportPage /> } />
            <Route path=path!("/workshop") view=move || view! { <workshop::WorkshopPage data=d3.clone() /> } />
            <Route path=path!("/indicator/:id") view=move || view! { <indicator::IndicatorPage data=d2.clone() /> } />
            <Route path=path!("/axis/:id") view=move || view! { <scope::ScopePage data=d4.clone() scope=scope::Scope::Axis /> } />
            <Route path=path!("/project/:id") view=move || view! { <scope::ScopePage data=d5.clone() scope=scope::Scope::Project /> } />
            <Route path=path!("/assessment") view=move || view! { <assessment::AssessmentPage data=d6.clone() /> } />
            <Route path=path!("/assessment/:id") view=move || view! { <assessment::AssessmentPage data=d7.clone() /> } />
            <Route path=path!("/compare") view=move || view! { <compare::ComparePage data=d8.clone() /> } />
        </Routes>
    }
}

/// The page of the page's wasm for this document's address: the dashboard or the methodology; on a
/// page only the full wasm holds (mounted only when the full wasm could not be loaded), a message.
#[cfg(not(feature = "full"))]
fn pages(d: Data, lang: RwSignal<Lang>) -> AnyView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    // A trailing slash names the same page, as with the full wasm's router.
    match path.trim_end_matches('/') {
        "" => view! { <dashboard::Dashboard data=d /> }.into_any(),
        "/methodology" => view! { <methodology::Methodology /> }.into_any(),
        p if is_full_only(p) => view! { <FullOnlyPage /> }.into_any(),
        _ => view! { <p>{move || lang.get().strings().not_found}</p> }.into_any(),
    }
}

#[component]
fn Footer(origin: Origin, provenances: Vec<Provenance>) -> impl IntoView {
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
                <p data-testid="provenance-legend">
                    <strong>{s.data_origin}" : "</strong>
                    {provenances
                        .iter()
                        .map(|&p| {
                            let text = match p {
                                Provenance::Report => s.report_explained,
                                Provenance::Illustrative => s.illustrative_explained,
                                Provenance::Imported => s.imported_explained,
                            };
                            view! { <span class="legend-entry"><ProvenanceBadge provenance=p />" "{text}" "</span> }
                        })
                        .collect_view()}
                </p>
                <p data-testid="data-origin" data-origin=origin_key>{origin_text}</p>
            </footer>
        }
    }
}

/// Saves the workshop's state and its entries (as dataset `id`'s edits) in the store.
#[cfg(feature = "full")]
async fn save_workshop(
    st: data::StoreState,
    id: &str,
    text: &str,
    edits: Vec<crate::model::Observation>,
) -> Result<(), StoreError> {
    let store = st.open().await?;
    store.put_workshop(id, text).await?;
    store.put_edits(id, edits).await
}

/// Starts a download of `href` (a data URL) under `name`.
pub fn save_file(href: &str, name: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", href);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
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
        Provenance::Imported => "badge badge-imported",
    };
    let title = move || match provenance {
        Provenance::Report => "",
        Provenance::Illustrative => lang.get().strings().illustrative_help,
        Provenance::Imported => "",
    };
    view! { <span class=class title=title>{move || lang.get().strings().provenance_name(provenance)}</span> }
}
