//! Small browser helpers shared by the UI and the store's callers: fetching text, device pixel ratio.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "unknown error".into())
}

/// GETs `url` and returns its body as text; a non-2xx status is an error naming the URL.
pub async fn fetch_text(url: String) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{url}: {}", js_err(e)))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(js_err)?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(js_err)?)
        .await
        .map_err(js_err)?;
    text.as_string()
        .ok_or_else(|| format!("{url}: body is not text"))
}

/// The device pixel ratio (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| *r > 0.0)
        .unwrap_or(1.0)
}

/// True when the server answers a HEAD request that the service worker lets through to the network.
pub async fn probe() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let init = web_sys::RequestInit::new();
    init.set_method("HEAD");
    init.set_cache(web_sys::RequestCache::NoStore);
    let url = format!("/index.html?vigie-probe={}", js_sys::Date::now());
    match JsFuture::from(window.fetch_with_str_and_init(&url, &init)).await {
        Ok(resp) => resp.dyn_into::<web_sys::Response>().is_ok_and(|r| r.ok()),
        Err(_) => false,
    }
}

/// Today in the person's time zone. Built from the clock's milliseconds with a total conversion, so
/// there is no fallback date to invent.
pub fn today() -> vigie_core::period::Date {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    vigie_core::period::Date::from_days((local_ms / 86_400_000.0).floor() as i64)
}
