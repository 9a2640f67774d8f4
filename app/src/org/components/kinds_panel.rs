//! "Typer av delar" on the organisation's root page: each kind with what its chef is called,
//! folded until opened, and a form for a new kind. A refusal stands beside the field in the
//! form that was sent.

use leptos::prelude::*;

use crate::domain::NodeKind;
use crate::i18n::*;
use crate::org::SaveNodeKind;
use crate::ui::{field_message, ChangeForm, TextField};

/// The panel, for the root `node_id`.
#[component]
pub fn KindsPanel(
    kinds: Vec<NodeKind>,
    node_id: i64,
    action: ServerAction<SaveNodeKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = kinds
        .into_iter()
        .map(|kind| view! { <li><KindForm kind=Some(kind) node_id action /></li> })
        .collect_view();
    view! {
        <section class="panel org-forms" aria-labelledby="typer-rubrik">
            <h2 id="typer-rubrik">{t!(i18n, kinds_heading)}</h2>
            <p class="muted">{t!(i18n, kinds_hint)}</p>
            <ul class="org-list">{items}</ul>
            <h3>{t!(i18n, kinds_add)}</h3>
            <KindForm kind=None node_id action />
        </section>
    }
}

/// One kind's form (folded), or the new kind's (`None`, open).
#[component]
fn KindForm(
    kind: Option<NodeKind>,
    node_id: i64,
    action: ServerAction<SaveNodeKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = kind.as_ref().map(|k| k.code.clone()).unwrap_or_default();
    let key = if code.is_empty() {
        "ny".to_string()
    } else {
        code.clone()
    };
    let mine = code.clone();
    let sent = crate::ui::sent_for(action, |i: &SaveNodeKind| Some(i.code.clone()));
    let result = crate::ui::result_for(action, sent, mine);
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let label = kind.as_ref().map(|k| k.label.clone()).unwrap_or_default();
    let chef_label = kind
        .as_ref()
        .map(|k| k.chef_label.clone())
        .unwrap_or_default();
    let form = view! {
        <ChangeForm action beside_fields=true
            ids=vec![("node_id", node_id.to_string()), ("code", code.clone())]
            label=Signal::derive(move || t_string!(i18n, org_save).to_string())
            done=Signal::derive(move || t_string!(i18n, kinds_saved).to_string())>
            <TextField id=format!("typ-{key}-namn") name="label" required=true
                value=label
                label=t_string!(i18n, kinds_label).to_string() error=field("label") />
            <TextField id=format!("typ-{key}-chef") name="chef_label" required=true
                value=chef_label
                label=t_string!(i18n, kinds_chef_label).to_string()
                hint=t_string!(i18n, kinds_chef_label_hint).to_string() error=field("chef_label") />
        </ChangeForm>
    };
    match kind {
        None => form.into_any(),
        Some(k) => {
            let open = move || matches!(result.get(), Some(Err(_)));
            let summary = t_string!(
                i18n,
                kinds_summary,
                label = k.label.clone(),
                chef = k.chef_label.clone()
            )
            .to_string();
            view! {
                <details open=open>
                    <summary>{summary}</summary>
                    {form}
                </details>
            }
            .into_any()
        }
    }
}
