//! Entry point of the full wasm (every page, built with the `full` feature): mounts the whole app. The
//! page's wasm loads it when a person opens the workshop, the data manager or the import page.

#[cfg(target_arch = "wasm32")]
fn main() {
    vigie::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "vigie-full is the web app's full wasm: build it with `cargo xtask serve` and open http://127.0.0.1:8080/workshop"
    );
}
