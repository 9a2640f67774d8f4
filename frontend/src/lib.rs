//! The browser entry point: hydrates the server-rendered HTML so pages become interactive. Pages
//! that need nothing in the browser (see `app::app`) are sent without the wasm and never get here.

/// Called by the generated JS glue once the wasm is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
