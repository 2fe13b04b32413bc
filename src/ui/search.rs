//! The top bar's search box: a combobox (WAI-ARIA's editable combobox with a list popup) over the
//! shown dataset's axes, projects and indicators. The matching and ranking are `vigie_core::search`;
//! this file wires the input, the keyboard and the list, and opens the page a person picks.

use super::{use_lang, Data, Shown};
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::search::{excerpt, Hits, SearchIndex, Target, Typing};
use crate::store::StoreError;
use leptos::prelude::*;
use std::sync::Arc;

/// How many hits the list shows.
const SHOWN: usize = 8;

/// One line of the list: the page it opens, the kind of thing, its name and what tells it apart.
#[derive(Clone, PartialEq)]
struct Choice {
    path: String,
    kind: &'static str,
    name: String,
    detail: String,
}

/// How many characters of a definition or description a line shows around the word found there.
const EXCERPT: usize = 70;

/// What tells a hit apart: its id (and unit), or, when a word of `query` was found only in a longer
/// text, the piece of that text around it (in the page's language first).
fn detail(
    id_line: String,
    texts: &[&crate::model::Text],
    query: &str,
    in_name: bool,
    lang: Lang,
) -> String {
    if in_name {
        return id_line;
    }
    let other = if lang == Lang::Fr { Lang::En } else { Lang::Fr };
    for t in texts {
        for l in [lang, other] {
            if let Some(piece) = excerpt(l.pick(t), query, EXCERPT) {
                return piece;
            }
        }
    }
    id_line
}

/// The lines of the list for `hits` of `query`, in the page's language.
fn choices(ds: &Dataset, query: &str, hits: &Hits, lang: Lang) -> Vec<Choice> {
    let s = lang.strings();
    hits.best
        .iter()
        .filter_map(|h| match h.target {
            Target::Axis(i) => ds.axes.get(i).map(|a| Choice {
                path: format!("/axis/{}", a.id),
                kind: s.axis_label,
                name: lang.pick(&a.name).to_owned(),
                detail: detail(a.id.clone(), &[&a.description], query, h.in_name, lang),
            }),
            Target::Project(i) => ds.projects.get(i).map(|p| Choice {
                path: format!("/project/{}", p.id),
                kind: s.project_label,
                name: lang.pick(&p.name).to_owned(),
                detail: p.id.clone(),
            }),
            Target::Indicator(i) => ds.indicators.get(i).map(|ind| {
                let unit = lang.pick(&ind.unit);
                Choice {
                    path: format!("/indicator/{}", ind.id),
                    kind: s.indicator,
                    name: lang.pick(&ind.name).to_owned(),
                    detail: detail(
                        if unit.is_empty() {
                            ind.id.clone()
                        } else {
                            format!("{} · {unit}", ind.id)
                        },
                        &[&ind.definition, &ind.unit],
                        query,
                        h.in_name,
                        lang,
                    ),
                }
            }),
        })
        .collect()
}

/// The search box. `data` is the app's dataset resource: until it has loaded, typing finds nothing.
#[component]
pub fn SearchBox(data: LocalResource<Result<Data, StoreError>>) -> impl IntoView {
    let lang = use_lang();
    let settings = super::kpi_view::use_settings();
    let shown = expect_context::<Shown>();
    #[cfg(feature = "full")]
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    // The option the arrows have reached, if any (`aria-activedescendant`).
    let active = RwSignal::new(None::<usize>);
    // The shown dataset, its index (built the first time a person types, so the dashboard's first
    // load pays nothing for search) and what the last keystroke found in it, so that the next one
    // looks only among that.
    let cache = StoredValue::new(None::<(Arc<Dataset>, SearchIndex, Typing)>);
    let list = Memo::new(move |_| {
        let q = query.get();
        let l = lang.get();
        if q.trim().is_empty() {
            return None;
        }
        let ds = data.with(|d| {
            d.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|d| d.dataset.clone())
        })?;
        cache
            .try_update_value(|c| {
                if !c.as_ref().is_some_and(|(d, ..)| Arc::ptr_eq(d, &ds)) {
                    let index = SearchIndex::new(&ds);
                    *c = Some((ds, index, Typing::default()));
                }
                let (ds, index, typing) = c.as_mut()?;
                let hits = index.search_typing(&q, SHOWN, typing);
                Some((choices(ds, &q, &hits, l), hits.total))
            })
            .flatten()
    });
    let count = move || list.with(|l| l.as_ref().map_or(0, |(c, _)| c.len()));
    let expanded = move || open.get() && list.with(Option::is_some);
    let go = move |path: String| {
        query.set(String::new());
        open.set(false);
        active.set(None);
        #[cfg(feature = "full")]
        {
            let _ = (settings, shown);
            navigate.with_value(|n| n(&path, Default::default()));
        }
        #[cfg(not(feature = "full"))]
        {
            // The pages a hit opens are the full wasm's: a new document, carrying the view's state.
            let href = super::full_href_in(
                &path,
                lang.get_untracked(),
                &settings,
                &shown.0.get_untracked(),
            );
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_href(&href);
            }
        }
    };
    let pick = move |i: usize| {
        let path = list.with_untracked(|l| {
            l.as_ref()
                .and_then(|(c, _)| c.get(i))
                .map(|c| c.path.clone())
        });
        if let Some(path) = path {
            go(path);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = count();
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                }
            }
            "Enter" if expanded() && n > 0 => {
                ev.prevent_default();
                pick(active.get_untracked().unwrap_or(0));
            }
            "Escape" => {
                // The first Escape closes the list, the next clears the box.
                if expanded() {
                    // A search input would also clear itself on Escape.
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                } else {
                    query.set(String::new());
                }
            }
            _ => {}
        }
    };
    let status = move || {
        let l = lang.get();
        let s = l.strings();
        list.with(|list| match list {
            None => String::new(),
            Some((_, 0)) => s.search_none.to_owned(),
            Some((c, total)) if *total > c.len() => {
                format!(
                    "{total} {}, {}",
                    l.plural(*total, s.search_hits),
                    s.search_shown
                )
            }
            Some((_, total)) => format!("{total} {}", l.plural(*total, s.search_hits)),
        })
    };
    view! {
        <div class="site-search" role="search" data-testid="search">
            <input
                id="site-search"
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                data-testid="search-input"
                aria-label=move || lang.get().strings().search_label
                placeholder=move || lang.get().strings().search_placeholder
                aria-autocomplete="list"
                aria-controls="site-search-list"
                aria-describedby="site-search-help"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().map(|i| format!("site-search-{i}"))
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:focus=move |_| open.set(true)
                on:blur=move |_| {
                    open.set(false);
                    active.set(None);
                }
                on:keydown=on_key
            />
            <span id="site-search-help" class="visually-hidden">{move || lang.get().strings().search_help}</span>
            <ul
                id="site-search-list"
                role="listbox"
                class="search-list"
                data-testid="search-list"
                aria-label=move || lang.get().strings().search_label
                hidden=move || !expanded()
            >
                {move || {
                    list.get()
                        .map(|(choices, total)| {
                            if total == 0 {
                                let none = lang.get().strings().search_none;
                                return view! { <li class="search-none" role="presentation">{none}</li> }.into_any();
                            }
                            choices
                                .into_iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    let id = format!("site-search-{i}");
                                    let on = move || active.get() == Some(i);
                                    view! {
                                        <li
                                            id=id
                                            role="option"
                                            class="search-option"
                                            class:active=on
                                            data-testid="search-option"
                                            data-path=c.path.clone()
                                            aria-selected=move || on().to_string()
                                            // The input keeps the focus (and the list stays open) until the click.
                                            on:mousedown=|ev| ev.prevent_default()
                                            on:click=move |_| pick(i)
                                        >
                                            <span class="search-kind">{c.kind}</span>
                                            <span class="search-name">{c.name}</span>
                                            <span class="search-detail">{c.detail}</span>
                                        </li>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        })
                }}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="search-status">{status}</p>
        </div>
    }
}
