//! The forms of a node's page: add a node below it, give a person a role in it, and the node's
//! own settings (name, kind and code; where it sits; closing it). Each shows the server's
//! Swedish message beside the field it is about, and keeps what was typed when it fails.

use leptos::prelude::*;

use super::organisation_page::OrganisationActions;
use crate::domain::{NodeKind, Role};
use crate::i18n::*;
use crate::org::{AddMember, AddNode, MemberAdded, NodeView};
use crate::ui::{field_message, role_label, ChangeForm, SelectField, TextField};

/// The options of a kind select.
fn kind_options(kinds: &[NodeKind]) -> Vec<(String, String)> {
    kinds
        .iter()
        .map(|k| (k.code.clone(), k.label.clone()))
        .collect()
}

/// "Lägg till en del": name, kind and the HR system's code of a new node below this one.
#[component]
pub fn AddChildForm(
    action: ServerAction<AddNode>,
    parent_id: i64,
    kinds: Vec<NodeKind>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let default_kind = kinds
        .iter()
        .find(|k| k.code == "enhet")
        .or(kinds.first())
        .map(|k| k.code.clone())
        .unwrap_or_default();
    view! {
        <h3 id="ny-del-rubrik">{t!(i18n, org_add_child)}</h3>
        <ChangeForm action ids=vec![("parent_id", parent_id.to_string())] beside_fields=true
            label=Signal::derive(move || t_string!(i18n, org_add_child_button).to_string())
            done=Signal::derive(move || t_string!(i18n, org_child_added).to_string())>
            <TextField id="ny-del-namn" name="name" required=true
                label=t_string!(i18n, org_name).to_string() error=field("name") />
            <SelectField id="ny-del-typ" name="kind" label=t_string!(i18n, org_kind).to_string()
                options=kind_options(&kinds) selected=default_kind error=field("kind") />
            <TextField id="ny-del-kod" name="code" label=t_string!(i18n, org_code).to_string()
                hint=t_string!(i18n, org_code_hint).to_string() error=field("code") />
        </ChangeForm>
    }
}

/// "Ge en person en roll": an existing person by e-mail, or a new one with name and title.
#[component]
pub fn AddMemberForm(
    action: ServerAction<AddMember>,
    node_id: i64,
    chef_label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let done = Signal::derive(move || match action.value().get() {
        Some(Ok(added)) => Some(added_line(i18n, added)),
        _ => None,
    });
    let roles = Role::ALL
        .into_iter()
        .map(|r| {
            let label = if r == Role::Chef {
                chef_label.clone()
            } else {
                role_label(i18n, r)
            };
            (r.code().to_string(), label)
        })
        .collect();
    view! {
        <section aria-labelledby="ge-roll-rubrik">
        <h3 id="ge-roll-rubrik">{t!(i18n, org_add_member)}</h3>
        <ChangeForm action ids=vec![("node_id", node_id.to_string())] beside_fields=true
            label=Signal::derive(move || t_string!(i18n, org_add_member_button).to_string())
            done=done>
            <TextField id="ny-person-epost" name="email" kind="email" required=true autocomplete="off"
                label=t_string!(i18n, org_email).to_string() error=field("email") />
            <TextField id="ny-person-namn" name="name" autocomplete="off"
                label=t_string!(i18n, org_person_name).to_string()
                hint=t_string!(i18n, org_person_name_hint).to_string() error=field("name") />
            <TextField id="ny-person-titel" name="title" autocomplete="off"
                label=t_string!(i18n, org_person_title).to_string() error=field("title") />
            <SelectField id="ny-person-roll" name="role" label=t_string!(i18n, org_role).to_string()
                options=roles selected="medarbetare" error=field("role") />
            <TextField id="ny-person-forbund" name="union_name"
                label=t_string!(i18n, org_union_name).to_string()
                hint=t_string!(i18n, org_union_name_hint).to_string() error=field("union_name") />
        </ChangeForm>
        </section>
    }
}

/// What the form says once a role is given, and what became of the invitation.
pub fn added_line(i18n: leptos_i18n::I18nContext<Locale>, added: MemberAdded) -> String {
    match added {
        MemberAdded::Existing => t_string!(i18n, org_member_added).to_string(),
        MemberAdded::Invited => t_string!(i18n, org_member_invited).to_string(),
        MemberAdded::InvitationNotSent => t_string!(i18n, org_member_no_mail).to_string(),
        MemberAdded::SignsInWithProvider => t_string!(i18n, org_member_provider).to_string(),
    }
}

/// The node's own settings: name, kind and code; moving it; closing or reopening it.
#[component]
pub fn NodeSettings(
    node: NodeView,
    kinds: Vec<NodeKind>,
    actions: OrganisationActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let edit_result = Signal::derive(move || actions.edit_node.value().get());
    let edit_field =
        move |f: &'static str| Signal::derive(move || field_message(edit_result.get(), f));
    let move_result = Signal::derive(move || actions.move_node.value().get());
    let id = node.id.to_string();
    let closed = node.closed_on.is_some();
    view! {
        <section class="panel org-forms" aria-labelledby="installningar-rubrik">
            <h2 id="installningar-rubrik">{t!(i18n, org_settings_heading)}</h2>
            <ChangeForm action=actions.edit_node ids=vec![("node_id", id.clone())] beside_fields=true
                label=Signal::derive(move || t_string!(i18n, org_save).to_string())
                done=Signal::derive(move || t_string!(i18n, org_node_saved).to_string())>
                <TextField id="del-namn" name="name" required=true value=node.name.clone()
                    label=t_string!(i18n, org_name).to_string() error=edit_field("name") />
                <SelectField id="del-typ" name="kind" label=t_string!(i18n, org_kind).to_string()
                    options=kind_options(&kinds) selected=node.kind.clone() error=edit_field("kind") />
                <TextField id="del-kod" name="code" value=node.code.clone().unwrap_or_default()
                    label=t_string!(i18n, org_code).to_string()
                    hint=t_string!(i18n, org_code_hint).to_string() error=edit_field("code") />
            </ChangeForm>
            {(!node.is_root).then(|| view! {
                <h3>{t!(i18n, org_move_heading)}</h3>
                <ChangeForm action=actions.move_node ids=vec![("node_id", id.clone())] beside_fields=true
                    label=Signal::derive(move || t_string!(i18n, org_move_button).to_string())
                    busy_label=Signal::derive(move || t_string!(i18n, org_moving).to_string())
                    done=Signal::derive(move || t_string!(i18n, org_moved).to_string())>
                    <TextField id="del-plats" name="place" required=true
                        label=t_string!(i18n, org_move_place).to_string()
                        hint=t_string!(i18n, org_move_place_hint).to_string()
                        error=Signal::derive(move || field_message(move_result.get(), "place")) />
                </ChangeForm>
                <h3>{if closed { t!(i18n, org_reopen_heading).into_any() } else { t!(i18n, org_close_heading).into_any() }}</h3>
                <p class="muted">{t!(i18n, org_close_hint)}</p>
                <ChangeForm action=actions.close_node ids=vec![("node_id", id.clone()), ("close", (!closed).to_string())]
                    variant="secondary"
                    label=Signal::derive(move || if closed {
                        t_string!(i18n, org_reopen_button).to_string()
                    } else {
                        t_string!(i18n, org_close_button).to_string()
                    }) />
            })}
        </section>
    }
}
