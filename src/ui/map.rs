//! The map of territories on the indicator page (full wasm only): the choropleth of each
//! territory's latest value (`vigie_core::map`) as SVG, on the world's countries (fetched once from
//! `/geo/countries-110m.json`, precached for offline use) or on a boundary file the person imported
//! (kept in the store), with its legend, a readout for the pointer and the keyboard, a sentence and
//! the same values as a table.

use super::use_lang;
use crate::format;
use crate::map::geo::{read_boundaries, Boundaries};
use crate::map::{self, BoundaryFile, Choropleth, TerritoryValue};
use crate::store::{Store, StoreError};
use crate::web::fetch_text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The world's countries as the app ships them.
const WORLD_URL: &str = "/geo/countries-110m.json";
/// The map's width in SVG units; it is drawn at the width of its box.
const WIDTH: f64 = 960.0;
const MAX_HEIGHT: f64 = 560.0;
/// The choice of the world's boundaries in the select.
const WORLD: &str = "";

thread_local! {
    /// The world's boundaries, read once per page.
    static WORLD_CACHE: std::cell::RefCell<Option<Arc<Boundaries>>> = const { std::cell::RefCell::new(None) };
}

async fn world() -> Result<Arc<Boundaries>, String> {
    if let Some(b) = WORLD_CACHE.with(|c| c.borrow().clone()) {
        return Ok(b);
    }
    let text = fetch_text(WORLD_URL.to_owned()).await?;
    let b = Arc::new(read_boundaries("countries-110m.json", &text).map_err(|p| p.to_string())?);
    WORLD_CACHE.with(|c| *c.borrow_mut() = Some(b.clone()));
    Ok(b)
}

/// The imported boundary files, read back from the store (none when the store cannot be read).
async fn imported_files() -> Vec<(BoundaryFile, Arc<Boundaries>)> {
    let Ok(store) = Store::open().await else {
        return Vec::new();
    };
    let text = store.get_boundaries().await.ok().flatten();
    store.close();
    text.and_then(|t| map::files_from_json(&t).ok())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            let b = read_boundaries(&f.file, &f.text).ok()?;
            Some((f, Arc::new(b)))
        })
        .collect()
}

/// Changes the stored list of imported boundary files with `change`. A stored list that cannot be
/// read is an error, not an empty list, so that no file the person imported is written over.
async fn update_files(change: impl FnOnce(&mut Vec<BoundaryFile>)) -> Result<(), StoreError> {
    let store = Store::open().await?;
    let result = async {
        let mut files = match store.get_boundaries().await? {
            Some(t) => map::files_from_json(&t).map_err(StoreError::Decode)?,
            None => Vec::new(),
        };
        change(&mut files);
        store.put_boundaries(&map::files_to_json(&files)).await
    }
    .await;
    store.close();
    result
}

/// Reads a chosen file, checks it, adds it to the stored files and returns it with its shapes.
async fn import_file(
    ev: web_sys::Event,
    lang: crate::i18n::Lang,
) -> Option<Result<(BoundaryFile, Arc<Boundaries>), String>> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()?;
    input.set_value("");
    let name = file.name();
    let boundaries = match read_boundaries(&name, &text) {
        Ok(b) => b,
        Err(p) => return Some(Err(lang.problem(&p))),
    };
    let entry = BoundaryFile {
        file: name,
        imported_on: crate::web::today().to_string(),
        features: boundaries.features.len(),
        text,
    };
    let to_store = entry.clone();
    if let Err(e) = update_files(move |files| map::add_file(files, to_store)).await {
        return Some(Err(e.describe(lang)));
    }
    Some(Ok((entry, Arc::new(boundaries))))
}

#[component]
pub fn MapPanel(
    values: Vec<TerritoryValue>,
    precision: u8,
    unit: String,
    /// The indicator's name, for the map's label.
    name: String,
    /// The dimensions every mapped value shares besides its territory (`map::shared_dimensions`).
    shared: Vec<(String, String)>,
    /// The series its chart draws when the person chose them (`None`: the first ones): a click (or
    /// Enter) on a territory adds it or takes it out; from the first ones, it starts a choice of its own.
    drawn: Option<Vec<Option<u32>>>,
) -> impl IntoView {
    let lang = use_lang();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    let drawn = StoredValue::new(drawn);
    // Draws the territory of table row `row` on the chart, or takes it off (nothing past 12).
    let toggle = move |row: usize, c: &Choropleth| {
        let Some(r) = c.rows.get(row) else { return };
        let key = Some(r.value.series);
        let keys = drawn.with_value(|d| match d {
            Some(d) => crate::chart::toggled(d, key),
            None => Some(vec![key]),
        });
        if let Some(keys) = keys {
            let href = super::series::series_href(Some(&keys));
            navigate.with_value(|n| {
                n(
                    &href,
                    leptos_router::NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                )
            });
        }
    };
    let m = move || lang.get().map_strings();
    let values = StoredValue::new(values);
    let world = LocalResource::new(world);
    let imported = RwSignal::new(Vec::<(BoundaryFile, Arc<Boundaries>)>::new());
    // Until the store is read, a file there may draw what the world cannot: "no shape" waits.
    let imported_read = RwSignal::new(false);
    spawn_local(async move {
        let _ = imported.try_set(imported_files().await);
        let _ = imported_read.try_set(true);
    });
    // `None`: the boundaries that draw the most territories; `Some(WORLD)` or a file's name.
    let choice = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let active = RwSignal::new(None::<usize>);

    // The boundaries shown, with their provenance line (file, import day, territory count).
    let chosen = Memo::new(move |_| {
        let world = world.get().and_then(|w| w.ok());
        let files = imported.get();
        let vals = values.get_value();
        let mut sources: Vec<(String, Arc<Boundaries>)> = world
            .map(|w| vec![(WORLD.to_owned(), w)])
            .unwrap_or_default();
        sources.extend(files.iter().map(|(f, b)| (f.file.clone(), b.clone())));
        let pick = match choice.get() {
            Some(c) => sources.into_iter().find(|(n, _)| *n == c),
            None => sources
                .into_iter()
                .rev()
                .max_by_key(|(_, b)| map::matched(b, &vals)),
        };
        pick.map(|(n, b)| ArcKey(n, b))
    });
    let choropleth = Memo::new(move |_| {
        let ArcKey(_, b) = chosen.get()?;
        values
            .with_value(|v| {
                (map::matched(&b, v) > 0)
                    .then(|| Choropleth::new(&b, v, WIDTH, MAX_HEIGHT))
                    .flatten()
            })
            .map(Arc::new)
            .map(ChoroplethKey)
    });
    let on_import = move |ev: web_sys::Event| {
        spawn_local(async move {
            let l = lang.get_untracked();
            match import_file(ev, l).await {
                Some(Ok((f, b))) => {
                    let ms = l.map_strings();
                    let text = format!(
                        "{} : {} ({} {})",
                        ms.imported, f.file, f.features, ms.territories
                    );
                    let name = f.file.clone();
                    imported.update(|list| {
                        list.retain(|(g, _)| g.file != f.file);
                        list.push((f, b));
                    });
                    choice.set(Some(name));
                    notice.set(Some(Ok(text)));
                }
                Some(Err(e)) => notice.set(Some(Err(e))),
                None => {}
            }
        });
    };
    // Removes an imported boundary file from the store and from the choices.
    let on_remove = move |file: String| {
        spawn_local(async move {
            let l = lang.get_untracked();
            let gone = file.clone();
            match update_files(move |files| map::remove_file(files, &gone)).await {
                Ok(()) => {
                    imported.update(|list| list.retain(|(f, _)| f.file != file));
                    choice.set(None);
                    active.set(None);
                    notice.set(Some(Ok(format!("{} : {file}", l.map_strings().removed))));
                }
                Err(e) => notice.set(Some(Err(e.describe(l)))),
            }
        });
    };
    let unit2 = unit.clone();
    let readout = move || {
        let l = lang.get();
        let ChoroplethKey(c) = choropleth.get()?;
        let row = c.rows.get(active.get()?)?;
        Some(format!(
            "{} ({}) : {} {} — {}",
            row.value.label,
            row.value.code,
            format::number(row.value.value, precision, l),
            unit2,
            row.value.period
        ))
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(ChoroplethKey(c)) = choropleth.get_untracked() else {
            return;
        };
        let drawn: Vec<usize> = (0..c.rows.len()).filter(|i| c.rows[*i].drawn).collect();
        if drawn.is_empty() {
            return;
        }
        let at = active
            .get_untracked()
            .and_then(|a| drawn.iter().position(|d| *d == a));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(at.map_or(0, |i| (i + 1) % drawn.len())),
            "ArrowLeft" | "ArrowUp" => {
                Some(at.map_or(drawn.len() - 1, |i| (i + drawn.len() - 1) % drawn.len()))
            }
            "Home" => Some(0),
            "End" => Some(drawn.len() - 1),
            "Escape" => None,
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(a) = active.get_untracked() {
                    toggle(a, &c);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        active.set(next.map(|i| drawn[i]));
    };
    let label = format!("{name} — {}", m().title);
    let file_names =
        move || imported.with(|list| list.iter().map(|(f, _)| f.file.clone()).collect::<Vec<_>>());
    let file_option = move |f: String| view! { <option value=f.clone()>{f.clone()}</option> };
    let unit3 = unit.clone();
    view! {
        <section class="map-panel" data-testid="map-panel" aria-labelledby="map-title">
            <h2 id="map-title">{move || m().title}</h2>
            <p class="lead">{move || m().intro}</p>
            {(!shared.is_empty()).then(|| {
                let text = shared.iter().map(|(k, v)| format!("{k} = {v}")).collect::<Vec<_>>().join(", ");
                view! { <p class="note" data-testid="map-series"><strong>{move || m().series_of}</strong>" "{text}</p> }
            })}
            <div class="map-tools">
                <label class="setting">
                    <span>{move || m().boundaries}</span>
                    <select
                        data-testid="map-boundaries"
                        on:change=move |ev| { active.set(None); choice.set(Some(event_target_value(&ev))) }
                        prop:value=move || chosen.get().map(|ArcKey(n, _)| n).unwrap_or_default()
                    >
                        <option value=WORLD>{move || m().world}</option>
                        <For each=file_names key=|f| f.clone() children=file_option />
                    </select>
                </label>
                <label class="setting map-import">
                    <span>{move || m().import_label}</span>
                    <input type="file" accept=".json,.geojson,.topojson,application/geo+json,application/json" data-testid="map-import" on:change=on_import />
                    <small>{move || m().import_help}</small>
                </label>
            </div>
            {move || notice.get().map(|n| match n {
                Ok(t) => view! { <p class="note" role="status" data-testid="map-notice">{t}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert" data-testid="map-notice"><strong>{m().refused}</strong>" "{e}</p> }.into_any(),
            })}
            <Transition fallback=move || view! { <p class="note">{move || m().loading}</p> }>
                {move || {
                    let l = lang.get();
                    let failed = world.get().and_then(|w| w.err());
                    let readout = readout.clone();
                    let map_view = match choropleth.get() {
                        Some(ChoroplethKey(c)) => {
                            let on_shape = move |row: usize| {
                                if let Some(ChoroplethKey(c)) = choropleth.get_untracked() {
                                    toggle(row, &c);
                                }
                            };
                            let on_chart = drawn.with_value(|d| d.iter().flatten().flatten().copied().collect::<Vec<u32>>());
                            let words = Words { label: &label, precision, unit: &unit3 };
                            draw(&c, active, &words, l, on_shape, &on_chart).into_any()
                        }
                        None if !imported_read.get() => {
                            view! { <p class="note">{m().loading}</p> }.into_any()
                        }
                        None => {
                            let example = values.with_value(|v| v.first().map(|t| t.code.clone())).unwrap_or_default();
                            view! { <p class="note" data-testid="map-no-match">{m().no_match}" « "{example}" »."</p> }.into_any()
                        }
                    };
                    view! {
                        {failed.map(|e| view! { <p class="error" role="alert">{m().world_failed}" "{e}</p> })}
                        <div class="map-wrap" tabindex="0" data-testid="map-area" role="group"
                            aria-label=label.clone() aria-describedby="map-summary map-keys" on:keydown=on_key>
                            {map_view}
                            <p class="map-readout" data-testid="map-readout" aria-live="polite">{readout}</p>
                        </div>
                        <p class="visually-hidden" id="map-keys">{m().keys_help}</p>
                        <p class="chart-hint">{m().click_hint}</p>
                        <p class="chart-hint" data-testid="map-source">
                            {move || match chosen.get() {
                                Some(ArcKey(n, b)) if n != WORLD => {
                                    let day = imported.with(|list| list.iter().find(|(f, _)| f.file == n).map(|(f, _)| f.imported_on.clone())).unwrap_or_default();
                                    format!("{} {n} ({day}, {} {}).", m().imported_source, b.features.len(), m().territories)
                                }
                                _ => m().world_source.to_owned(),
                            }}
                        </p>
                        {move || chosen.get().filter(|ArcKey(n, _)| n != WORLD).map(|ArcKey(n, _)| view! {
                            <button type="button" class="map-remove" data-testid="map-remove" on:click=move |_| on_remove(n.clone())>
                                {m().remove}
                            </button>
                        })}
                    }
                }}
            </Transition>
            {move || {
                let l = lang.get();
                let c = choropleth.get().map(|ChoroplethKey(c)| c);
                table(values.get_value(), c.as_deref(), precision, &unit, l)
            }}
        </section>
    }
}

/// What the map says of its values: its label, and the indicator's precision and unit.
struct Words<'a> {
    label: &'a str,
    precision: u8,
    unit: &'a str,
}

/// The SVG map, its legend and its sentence; `on_shape` is called with a clicked shape's table
/// row, `on_chart` lists the series the chart draws.
fn draw(
    c: &Choropleth,
    active: RwSignal<Option<usize>>,
    words: &Words,
    l: crate::i18n::Lang,
    on_shape: impl Fn(usize) + Copy + 'static,
    on_chart: &[u32],
) -> impl IntoView {
    let Words {
        label,
        precision,
        unit,
    } = *words;
    let m = l.map_strings();
    let shapes = c
        .shapes
        .iter()
        .map(|s| {
            let row = s.row;
            let is_active = move || row.is_some() && active.get() == row;
            view! {
                <path
                    d=s.d.clone()
                    fill=c.fill(s)
                    class="shape"
                    class:active=is_active
                    data-code=s.code.clone()
                    data-row=row.map(|r| r.to_string()).unwrap_or_default()
                    data-drawn=row.map(|r| on_chart.contains(&c.rows[r].value.series).to_string())
                    on:pointerenter=move |_| if row.is_some() { active.set(row) }
                    on:click=move |_| if let Some(r) = row { on_shape(r) }
                >
                    <title>{s.name.clone()}</title>
                </path>
            }
        })
        .collect_view();
    let decimals = c.classes.decimals(precision);
    let legend = (0..c.classes.len())
        .map(|i| {
            let (lo, hi) = c.classes.range(i);
            let text = format!("{} – {}", format::number(lo, decimals, l), format::number(hi, decimals, l));
            view! {
                <li data-testid="map-legend-class" data-color=c.classes.color(i)>
                    <span class="swatch" style=format!("background:{}", c.classes.color(i))></span>{text}
                </li>
            }
        })
        .collect_view();
    let summary = c.summary(precision, unit, l);
    view! {
        <svg
            class="map"
            data-testid="map"
            viewBox=format!("0 0 {} {:.0}", c.width, c.height)
            role="img"
            aria-label=label.to_owned()
            on:pointerleave=move |_| active.set(None)
        >
            {shapes}
        </svg>
        <ul class="map-legend" data-testid="map-legend" aria-label=m.legend>
            {legend}
            <li><span class="swatch" style=format!("background:{}", map::classify::NO_DATA)></span>{m.no_value}</li>
        </ul>
        <p class="chart-summary" id="map-summary" data-testid="map-summary">
            <strong>{m.summary}" : "</strong>{summary}
        </p>
    }
}

/// The map's values as a table: every territory with a value, highest first, its class, and
/// whether the boundaries shown draw it.
fn table(
    values: Vec<TerritoryValue>,
    c: Option<&Choropleth>,
    precision: u8,
    unit: &str,
    l: crate::i18n::Lang,
) -> impl IntoView {
    let (m, s) = (l.map_strings(), l.strings());
    // Each territory's value, its class and colour (when the map is drawn), and whether it is drawn.
    type Row = (TerritoryValue, Option<(usize, &'static str)>, bool);
    let rows: Vec<Row> = match c {
        Some(c) => c
            .rows
            .iter()
            .map(|r| {
                (
                    r.value.clone(),
                    Some((r.class, c.classes.color(r.class))),
                    r.drawn,
                )
            })
            .collect(),
        None => map::highest_first(&values)
            .into_iter()
            .map(|v| (v, None, false))
            .collect(),
    };
    let classes = c.map_or(0, |c| c.classes.len());
    let body = rows
        .into_iter()
        .map(|(v, class, drawn)| {
            let class_cell = class.map(|(i, color)| {
                view! { <span class="swatch" style=format!("background:{color}")></span>{format!("{}/{classes}", i + 1)} }
            });
            view! {
                <tr data-code=v.code.clone() data-class=class.map(|(i, _)| i.to_string()).unwrap_or_default()
                    data-color=class.map(|(_, c)| c).unwrap_or_default()>
                    <th scope="row">{v.label.clone()}{(!drawn).then(|| view! { <small class="not-drawn">" ("{m.not_drawn}")"</small> })}</th>
                    <td>{v.code.clone()}</td>
                    <td>{v.period.to_string()}</td>
                    <td class="num">{format::number(v.value, precision, l)}</td>
                    <td>{class_cell}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="obs-table" data-testid="map-table">
                <thead>
                    <tr>
                        <th scope="col">{m.col_territory}</th>
                        <th scope="col">{m.col_code}</th>
                        <th scope="col">{s.period}</th>
                        <th scope="col" class="num">{if unit.is_empty() { s.value.to_owned() } else { format!("{} ({unit})", s.value) }}</th>
                        <th scope="col">{m.col_class}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// Boundaries compared by identity (a Memo needs `PartialEq`; the shapes themselves are not compared).
#[derive(Clone)]
struct ArcKey(String, Arc<Boundaries>);

impl PartialEq for ArcKey {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 && Arc::ptr_eq(&self.1, &other.1)
    }
}

#[derive(Clone)]
struct ChoroplethKey(Arc<Choropleth>);

impl PartialEq for ChoroplethKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
