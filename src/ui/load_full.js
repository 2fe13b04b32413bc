// Loads and starts the full wasm (every page): its `main` mounts the whole app. Called by the page's
// wasm on a page only the full wasm holds (src/ui/mod.rs).
export function load_full() {
  return import('/vigie-full.js').then((m) => m.default());
}
