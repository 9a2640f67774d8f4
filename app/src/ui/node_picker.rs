//! The "part of the organisation" field of a page over a subtree (the roll-ups, the audit log).

use leptos::prelude::*;

use crate::domain::NodeChoice;
use crate::i18n::*;

/// The "part of the organisation" field of a page over a subtree (the roll-ups, the audit log):
/// each node indented by its depth, the shown one selected, posted as `nod`.
#[component]
pub fn NodePicker(nodes: Vec<NodeChoice>, selected: i64) -> impl IntoView {
    let i18n = use_i18n();
    let options = nodes
        .into_iter()
        .map(|n| {
            let closed = if n.closed {
                format!(" ({})", t_string!(i18n, org_closed).to_lowercase())
            } else {
                String::new()
            };
            let label = format!("{}{}{closed}", "\u{2003}".repeat(n.depth as usize), n.name);
            view! { <option value=n.id selected=n.id == selected>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="nod">{t!(i18n, rollup_node)}</label>
            <select id="nod" name="nod">{options}</select>
        </div>
    }
}
