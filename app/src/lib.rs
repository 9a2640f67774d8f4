//! Årshjul: the annual wheel of workplace meetings (APT) for Swedish public-sector units.
//!
//! This crate holds everything server and browser share: pages, components, server functions
//! and the domain rules. The `ssr` feature adds database access and sessions; `hydrate` builds
//! the browser side.

#![recursion_limit = "256"]

pub mod actions;
pub mod app;
pub mod audit;
pub mod auth;
pub mod checklists;
pub mod clock;
pub mod compliance;
pub mod cooperation;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
pub mod env_report;
pub mod error;
#[cfg(feature = "ssr")]
pub mod exports;
pub mod health_service;
pub mod meetings;
pub mod minutes;
pub mod notices;
pub mod org;
pub mod plan;
pub mod retention;
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;
pub mod template;
#[cfg(feature = "ssr")]
pub mod tokens;
pub mod ui;
pub mod workload;

// The generated `i18n` module: `Locale`, `use_i18n`, `I18nContextProvider`, `t!` and `t_string!`.
// Generated code is not ours to hold to the no-`expect` rule.
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub use generated::i18n;

pub use app::{shell, App};
pub use i18n::Locale;

/// Marks `<html data-hydrated>` once the islands script has hydrated the page's islands (it
/// walks them right after `hydrate` returns, without waiting on anything, so a timer of no
/// delay fires after the walk). The end-to-end tests wait for the mark before they click, as
/// they do after whole-page hydration (`App` marks it there).
#[cfg(feature = "hydrate")]
pub fn mark_hydrated_after_islands() {
    use leptos::prelude::{document, set_timeout};
    set_timeout(
        || {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
