//! The browser entry point. Whole-page hydration mounts `App` over the server HTML; in
//! `islands-only` mode the pages stay server-rendered and only their `#[island]`s hydrate (the
//! islands' functions are exported by `app`, and the islands script calls them after this).
//! Pages that need nothing in the browser (see `app::app`) are sent without the wasm and never
//! get here.

/// Called by the generated JS glue once the wasm is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(not(feature = "islands-only"))]
    leptos::mount::hydrate_body(app::App);
    #[cfg(feature = "islands-only")]
    {
        leptos::mount::hydrate_islands();
        app::mark_hydrated_after_islands();
    }
}
