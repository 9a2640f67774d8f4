//! Text typed by people, shown as paragraphs.

use leptos::prelude::*;

/// Paragraphs of a text, split on blank lines (empty ones left out).
pub fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view()
}
