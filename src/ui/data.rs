//! The store's state every page shares (its one connection, a change counter, notices), the dataset
//! switch in the top bar and the store banners every page shows (memory only, another tab upgraded,
//! upgrade blocked). The data manager page itself (`/data`, in `page`) is in the full wasm only.

use super::use_lang;
use crate::model::Dataset;
use crate::store::{on_change, Store, StoreError};
use leptos::prelude::*;
use std::rc::Rc;

#[cfg(feature = "full")]
#[path = "data_page.rs"]
mod page;
#[cfg(feature = "full")]
pub use page::DataPage;

/// A notice about the store that stays on screen until it is replaced.
// Only the full wasm's pages tell notices; the page's wasm shares the type.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Done(&'static str),
    Conflicts(Vec<String>),
    Failed(String),
    /// The browser refused the write for lack of space; this many bytes were needed.
    Quota(u64),
}

/// The store's state shared by every page: a change counter that reloads the data, the last notice,
/// and whether the person must reload (another tab upgraded) or close an old tab (upgrade blocked).
#[derive(Debug, Clone, Copy)]
pub struct StoreState {
    pub epoch: RwSignal<u32>,
    /// The last notice and its number (so that a test, or a screen reader, can tell a new one).
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub notice: RwSignal<Option<(u32, Notice)>>,
    pub reload_needed: RwSignal<bool>,
    pub blocked: RwSignal<bool>,
    pub memory_only: RwSignal<bool>,
    /// The tab's one connection, opened on first use.
    connection: StoredValue<Option<Rc<Store>>, LocalStorage>,
}

impl StoreState {
    /// Creates the state, provides it as context, and listens to changes made in other tabs.
    pub fn provide() -> StoreState {
        let state = StoreState {
            epoch: RwSignal::new(0),
            notice: RwSignal::new(None),
            reload_needed: RwSignal::new(false),
            blocked: RwSignal::new(false),
            memory_only: RwSignal::new(false),
            connection: StoredValue::new_local(None),
        };
        provide_context(state);
        on_change(move || state.changed());
        state
    }

    /// Shows a notice on the data manager.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub fn tell(&self, notice: Notice) {
        self.notice
            .update(|n| *n = Some((n.as_ref().map_or(1, |(seq, _)| seq + 1), notice)));
    }

    /// Tells every page that the stored data changed, so that it is read again.
    pub fn changed(&self) {
        self.epoch.update(|e| *e += 1);
    }

    /// The tab's connection to the store, opened on first use; a blocked upgrade and a later version
    /// change become notices.
    pub async fn open(&self) -> Result<Rc<Store>, StoreError> {
        if let Some(store) = self.connection.get_value() {
            return Ok(store);
        }
        let blocked = self.blocked;
        let store = Store::open_with(crate::store::DB_NAME, move || blocked.set(true)).await?;
        blocked.set(false);
        let reload = self.reload_needed;
        store.on_version_change(move || reload.set(true));
        let store = Rc::new(store);
        self.connection.set_value(Some(store.clone()));
        Ok(store)
    }
}

/// The dataset the dashboard shows: `preferred` when stored, else the first stored dataset, else an
/// empty one.
pub async fn shown_dataset(
    store: &Store,
    preferred: &str,
) -> Result<(String, Dataset), StoreError> {
    if let Some(d) = store.get(preferred).await? {
        return Ok((preferred.to_owned(), d));
    }
    match store.list().await?.first() {
        Some(info) => Ok((
            info.id.clone(),
            store.get(&info.id).await?.unwrap_or_default(),
        )),
        None => Ok((preferred.to_owned(), Dataset::default())),
    }
}

fn use_store_state() -> StoreState {
    expect_context::<StoreState>()
}

/// The dataset switch in the top bar, shown when the store holds more than one dataset.
#[component]
pub fn DatasetSwitch() -> impl IntoView {
    let lang = use_lang();
    let st = use_store_state();
    let shown = expect_context::<super::Shown>();
    let list = LocalResource::new(move || {
        st.epoch.track();
        async move {
            match st.open().await {
                Ok(s) => s.list().await.unwrap_or_default(),
                Err(_) => Vec::new(),
            }
        }
    });
    move || {
        let infos = list.get().unwrap_or_default();
        (infos.len() > 1).then(|| {
            let d = lang.get().data_strings();
            view! {
                <label class="dataset-switch">
                    <span class="sr-only">{d.shown}</span>
                    <select
                        data-testid="dataset-switch"
                        aria-label=d.shown
                        prop:value=move || shown.0.get()
                        on:change=move |ev| shown.set(event_target_value(&ev))
                    >
                        {infos
                            .into_iter()
                            .map(|i| {
                                let label = if i.id == super::DEFAULT_ID { d.kind_default.to_owned() } else { i.id.clone() };
                                view! { <option value=i.id>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            }
        })
    }
}

/// Banners shown above every page: memory-only mode, reload needed, upgrade blocked.
#[component]
pub fn StoreBanner() -> impl IntoView {
    let lang = use_lang();
    let st = use_store_state();
    move || {
        let d = lang.get().data_strings();
        let reload = move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        };
        view! {
            <Show when=move || st.memory_only.get()>
                <p class="store-banner store-banner-warn" role="alert" data-testid="memory-only">{d.memory_only}</p>
            </Show>
            <Show when=move || st.reload_needed.get()>
                <p class="store-banner store-banner-warn" role="alert" data-testid="reload-needed">
                    {d.reload_needed}" "
                    <button on:click=reload>{d.reload}</button>
                </p>
            </Show>
            <Show when=move || st.blocked.get()>
                <p class="store-banner store-banner-warn" role="alert" data-testid="upgrade-blocked">{d.blocked}</p>
            </Show>
        }
    }
}
