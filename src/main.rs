//! Entry point: mounts the Leptos app in the browser; natively it only says what it is.

#[cfg(target_arch = "wasm32")]
fn main() {
    vigie::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "vigie is a web app: build it with `cargo xtask serve` and open http://127.0.0.1:8080"
    );
}
