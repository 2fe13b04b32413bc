//! The workshop's state every page shares: the values typed in the room (kept apart from imported
//! data) and the kept scenarios, read from the store, and the dataset the pages show with those
//! values laid over it. The workshop page itself (`/workshop`, in `page`) is in the full wasm only.
//! The logic is in `crate::workshop`.

use crate::model::Dataset;
use crate::workshop::{Entries, Scenario, Statements};
use leptos::prelude::*;
use std::sync::Arc;

#[cfg(feature = "full")]
#[path = "workshop_page.rs"]
mod page;
#[cfg(feature = "full")]
pub use page::WorkshopPage;

/// The workshop state shared by every page: entries, kept scenarios and written assessment
/// statements, and whether the last save worked.
// Only the full wasm's workshop page saves; the page's wasm reads the entries.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
#[derive(Clone, Copy)]
pub struct Workshop {
    pub entries: RwSignal<Entries>,
    pub scenarios: RwSignal<Vec<Scenario>>,
    pub statements: RwSignal<Statements>,
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
            statements: RwSignal::new(Statements::default()),
            saved: RwSignal::new(None),
            store,
            dataset: shown.0,
        };
        provide_context(ws);
        // Each dataset has its own workshop: read it again when the person opens another dataset,
        // and when the store changed under it (an observatory import, another tab's workshop).
        Effect::new(move |_| {
            let id = shown.0.get();
            store.epoch.track();
            leptos::task::spawn_local(async move {
                let Ok(st) = store.open().await else { return };
                let file = match st.get_workshop(&id).await {
                    Ok(Some(text)) => crate::stored::workshop_file(&text).ok(),
                    _ => None,
                };
                let (entries, scenarios, statements) =
                    file.map_or_else(Default::default, |f| (f.entries, f.scenarios, f.statements));
                ws.entries.set(Entries::new(entries));
                ws.scenarios.set(scenarios);
                ws.statements.set(Statements(statements));
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

/// The dataset the pages show, recomputed when the workshop's entries or statements change.
pub fn use_effective(base: Arc<Dataset>) -> Memo<Shared> {
    let ws = use_workshop();
    Memo::new(move |_| Shared(ws.effective(&base)))
}

impl Workshop {
    /// The dataset the pages show: the loaded one with the workshop's entries and statements laid
    /// over it (tracked: a closure calling it reruns when they change).
    pub fn effective(&self, base: &Arc<Dataset>) -> Arc<Dataset> {
        self.entries.with(|entries| {
            self.statements
                .with(|statements| effective(base, entries, statements))
        })
    }

    /// The dataset with the workshop's entries only (tracked): what the KPIs see, since statements
    /// change no figure, so typing a statement does not evaluate them again. Only the workshop page
    /// (full wasm) asks.
    #[cfg(feature = "full")]
    pub fn with_entries(&self, base: &Arc<Dataset>) -> Arc<Dataset> {
        self.entries
            .with(|entries| effective(base, entries, &Statements::default()))
    }
}

/// The loaded dataset with a workshop's entries and statements laid over it.
pub fn effective(base: &Arc<Dataset>, entries: &Entries, statements: &Statements) -> Arc<Dataset> {
    match (entries.entries.is_empty(), statements.0.is_empty()) {
        (true, true) => base.clone(),
        (false, true) => Arc::new(entries.apply(base)),
        (true, false) => Arc::new(statements.apply(base)),
        (false, false) => Arc::new(statements.apply(&entries.apply(base))),
    }
}
