//! The connection banner: says when Vigie runs offline (from `navigator.onLine` and a probe that
//! bypasses the service worker) and offers to reload when a new release is waiting.

use super::use_lang;
use leptos::prelude::*;
use std::time::Duration;

/// How often reachability is probed.
const PROBE_EVERY: Duration = Duration::from_secs(15);

#[component]
pub fn ConnectionBanner() -> impl IntoView {
    let lang = use_lang();
    let online = RwSignal::new(true);
    let update_ready = RwSignal::new(false);
    let check = move || {
        leptos::task::spawn_local(async move {
            let navigator_online = web_sys::window()
                .map(|w| w.navigator().on_line())
                .unwrap_or(true);
            online.set(navigator_online && crate::web::probe().await);
        })
    };
    check();
    let interval = set_interval_with_handle(check, PROBE_EVERY).ok();
    let on_online = window_event_listener(leptos::ev::online, move |_| check());
    let on_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    let on_update =
        window_event_listener_untyped("vigie:update-ready", move |_| update_ready.set(true));
    // A release that became ready before the app mounted.
    if web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"vigieWaitingWorker".into()).is_ok_and(|v| v.is_truthy())
    }) {
        update_ready.set(true);
    }
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
        on_online.remove();
        on_offline.remove();
        on_update.remove();
    });
    let apply = move |_| {
        if let Some(w) = web_sys::window() {
            if let Ok(f) = js_sys::Reflect::get(&w, &"vigieApplyUpdate".into()) {
                if let Ok(f) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f) {
                    let _ = f.call0(&w);
                }
            }
        }
    };
    view! {
        <Show when=move || !online.get()>
            <p class="banner banner-offline" role="status" data-testid="offline-banner">{move || lang.get().strings().offline}</p>
        </Show>
        <Show when=move || update_ready.get()>
            <p class="banner banner-update" role="status" data-testid="update-banner">
                {move || lang.get().strings().update_ready}
                " "
                <button type="button" data-testid="update-reload" on:click=apply>{move || lang.get().strings().update_reload}</button>
            </p>
        </Show>
    }
}
