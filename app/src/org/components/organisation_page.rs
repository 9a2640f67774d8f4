//! `/organisation` and `/organisation/{node}`: HR keeps its part of the tree one node at a time
//! (the way up, the nodes directly below, the people with roles in it) and changes it with plain
//! forms, so everything works before hydration and on a phone. Only the node and its neighbours
//! are loaded, whatever the size of the organisation.

use leptos::prelude::*;
use leptos_meta::Title;

use super::kinds_panel::KindsPanel;
use super::organisation_forms::{AddChildForm, AddMemberForm, NodeSettings};
use super::person_form::PersonForm;
use crate::i18n::*;
use crate::org::{
    organisation_node, AddMember, AddNode, ChildView, CloseNode, EditNode, EditPerson, InviteAgain,
    KeptNodePage, MemberView, MoveNode, RemoveMemberRole, SaveNodeKind,
};
use crate::ui::{
    failure_message, role_label, route_id, success_count, ChangeForm, FormError, Loaded,
};

/// The actions of the page, made once so every form and the reload share them.
#[derive(Clone, Copy)]
pub struct OrganisationActions {
    /// Adds a node below the one shown.
    pub add_node: ServerAction<AddNode>,
    /// Renames the node, sets its kind and code.
    pub edit_node: ServerAction<EditNode>,
    /// Moves the node.
    pub move_node: ServerAction<MoveNode>,
    /// Closes or reopens the node.
    pub close_node: ServerAction<CloseNode>,
    /// Gives a person a role in the node.
    pub add_member: ServerAction<AddMember>,
    /// Takes a role away.
    pub remove_role: ServerAction<RemoveMemberRole>,
    /// Sends a person a new invitation.
    pub invite_again: ServerAction<InviteAgain>,
    /// Changes a person's name, e-mail and title.
    pub edit_person: ServerAction<EditPerson>,
    /// Adds or renames a kind of node.
    pub save_kind: ServerAction<SaveNodeKind>,
}

impl OrganisationActions {
    fn new() -> OrganisationActions {
        OrganisationActions {
            add_node: ServerAction::new(),
            edit_node: ServerAction::new(),
            move_node: ServerAction::new(),
            close_node: ServerAction::new(),
            add_member: ServerAction::new(),
            remove_role: ServerAction::new(),
            invite_again: ServerAction::new(),
            edit_person: ServerAction::new(),
            save_kind: ServerAction::new(),
        }
    }

    /// Changes with every saved change, so the page reloads what it shows.
    fn saved(self) -> Signal<usize> {
        let counts = [
            success_count(self.add_node),
            success_count(self.edit_node),
            success_count(self.move_node),
            success_count(self.close_node),
            success_count(self.add_member),
            success_count(self.remove_role),
            success_count(self.invite_again),
            success_count(self.edit_person),
            success_count(self.save_kind),
        ];
        Signal::derive(move || counts.iter().map(|c| c.get()).sum())
    }
}

/// The page.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let i18n = use_i18n();
    let node = route_id("node_id");
    let actions = OrganisationActions::new();
    let saved = actions.saved();
    let page = Resource::new(
        move || (node.get(), saved.get()),
        |(node, _)| organisation_node(node),
    );
    view! {
        <Title text=t_string!(i18n, org_title).to_string() />
        <Loaded resource=page view=move |page| view! { <NodeBody page actions /> } />
    }
}

/// The loaded node: the way up, its name, the nodes below, the people, and its settings.
#[component]
fn NodeBody(page: KeptNodePage, actions: OrganisationActions) -> impl IntoView {
    let i18n = use_i18n();
    let node = page.node.clone();
    let path = page
        .path
        .iter()
        .map(|p| {
            let name = p.name.clone();
            if p.kept {
                view! { <li><a href=format!("/organisation/{}", p.id)>{name}</a></li> }.into_any()
            } else {
                view! { <li>{name}</li> }.into_any()
            }
        })
        .collect_view();
    let facts = [
        Some(node.kind_label.clone()),
        node.code
            .clone()
            .map(|c| format!("{} {c}", t_string!(i18n, org_code))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let closed = node.closed_on.map(|day| {
        view! { <p><span class="badge badge--warn">{t!(i18n, org_closed)}</span>" "{t!(i18n, org_closed_since, day = move || day.format("%Y-%m-%d").to_string())}</p> }
    });
    let children = page.children.clone();
    let members = page.members.clone();
    let chef_label = page.chef_label.clone();
    view! {
        <nav aria-label=t_string!(i18n, org_path).to_string() class="breadcrumbs">
            <ol>
                {path}
                <li aria-current="page">{node.name.clone()}</li>
            </ol>
        </nav>
        <h1>{node.name.clone()}</h1>
        <p class="lead">{facts}</p>
        <ul class="org-links">
            <li><a href=format!("/enhet/{}", node.id)>{t!(i18n, org_own_plan_link)}</a></li>
            {node.is_root.then(|| view! {
                <li><a href="/organisation/import">{t!(i18n, org_import_link)}</a></li>
                <li><a href="/organisation/arbetsmiljorapport">{t!(i18n, ert_title)}</a></li>
                <li><a href="/kom-igang">{t!(i18n, first_run_link)}</a></li>
            })}
        </ul>
        {closed}
        <section class="panel org-forms" aria-labelledby="delar-rubrik">
            <h2 id="delar-rubrik">{t!(i18n, org_children_heading)}</h2>
            <ChildList children />
            {node.closed_on.is_none().then(|| view! {
                <AddChildForm action=actions.add_node parent_id=node.id kinds=page.kinds.clone() />
            })}
        </section>
        <section class="panel org-forms" aria-labelledby="personer-rubrik">
            <h2 id="personer-rubrik">{t!(i18n, org_people_heading)}</h2>
            <MemberList members node_id=node.id chef_label actions />
            <AddMemberForm action=actions.add_member node_id=node.id chef_label=page.chef_label.clone() />
        </section>
        <NodeSettings node=page.node.clone() kinds=page.kinds.clone() actions />
        {node.is_root.then(|| view! {
            <KindsPanel kinds=page.kinds.clone() node_id=node.id action=actions.save_kind />
        })}
    }
}

/// The nodes directly below, each a link to its own page.
#[component]
fn ChildList(children: Vec<ChildView>) -> impl IntoView {
    let i18n = use_i18n();
    if children.is_empty() {
        return view! { <p class="muted">{t!(i18n, org_no_children)}</p> }.into_any();
    }
    let items = children
        .into_iter()
        .map(|c| {
            let counts = t_string!(i18n, org_child_counts, children = c.children, members = c.members).to_string();
            let kind = match &c.code {
                Some(code) => format!("{} · {} {code}", c.kind_label, t_string!(i18n, org_code)),
                None => c.kind_label.clone(),
            };
            view! {
                <li class="org-list__item">
                    <a href=format!("/organisation/{}", c.id)>{c.name.clone()}</a>
                    {c.closed.then(|| view! { " " <span class="badge badge--warn">{t!(i18n, org_closed)}</span> })}
                    <span class="muted">" " {kind} " · " {counts}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="org-list">{items}</ul> }.into_any()
}

/// The roles held in the node, each with a button to take it away (not the asker's own).
#[component]
fn MemberList(
    members: Vec<MemberView>,
    node_id: i64,
    chef_label: String,
    actions: OrganisationActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = actions.remove_role;
    let invite = actions.invite_again;
    let removal_failed = failure_message(action);
    let invite_failed = failure_message(invite);
    let failed = Signal::derive(move || removal_failed.get().or_else(|| invite_failed.get()));
    let invited = Signal::derive(move || match invite.value().get() {
        Some(Ok(crate::org::MemberAdded::Invited)) => {
            Some(t_string!(i18n, org_invite_sent).to_string())
        }
        Some(Ok(added)) => Some(super::organisation_forms::added_line(i18n, added)),
        _ => None,
    });
    if members.is_empty() {
        return view! { <p class="muted">{t!(i18n, org_no_people)}</p> }.into_any();
    }
    let mut seen: Vec<i64> = Vec::new();
    let items = members
        .into_iter()
        .map(|m| {
            // One form per person, under their first role here (not for oneself).
            let first = !seen.contains(&m.person_id);
            seen.push(m.person_id);
            let edit = (first && !m.own).then(|| {
                view! { <PersonForm member=m.clone() node_id action=actions.edit_person /> }
            });
            let mut role = if m.role == crate::domain::Role::Chef {
                chef_label.clone()
            } else {
                role_label(i18n, m.role)
            };
            if !m.union_name.is_empty() {
                role = format!("{role} ({})", m.union_name);
            }
            let who = match &m.title {
                Some(title) => format!("{}, {title}", m.email),
                None => m.email.clone(),
            };
            let remove_label = t_string!(i18n, org_remove_role_named, role = role.clone(), name = m.name.clone()).to_string();
            let ids = vec![
                ("node_id", node_id.to_string()),
                ("person_id", m.person_id.to_string()),
                ("role", m.role.code().to_string()),
            ];
            let invite_ids = vec![
                ("node_id", node_id.to_string()),
                ("person_id", m.person_id.to_string()),
            ];
            let invite_label = t_string!(i18n, org_invite_again_named, name = m.name.clone()).to_string();
            let may_invite = !m.own && !m.has_password && m.active;
            view! {
                <li class="org-list__item">
                    <strong>{m.name.clone()}</strong> " – " {role}
                    {m.from_import.then(|| view! { " " <span class="badge badge--ok">{t!(i18n, org_from_import)}</span> })}
                    {(!m.active).then(|| view! { " " <span class="badge badge--warn">{t!(i18n, account_disabled)}</span> })}
                    <span class="muted org-list__email">{who}</span>
                    {(may_invite).then(|| view! {
                        <ChangeForm action=invite ids=invite_ids class="inline-form" failure_shown_above=true variant="quiet"
                            aria_label=invite_label.clone()
                            busy_label=Signal::derive(move || t_string!(i18n, org_inviting).to_string())
                            label=Signal::derive(move || t_string!(i18n, org_invite_again).to_string()) />
                    })}
                    {edit}
                    {(!m.own).then(|| view! {
                        <ChangeForm action ids class="inline-form" failure_shown_above=true variant="quiet"
                            aria_label=remove_label.clone()
                            busy_label=Signal::derive(move || t_string!(i18n, removing).to_string())
                            label=Signal::derive(move || t_string!(i18n, org_remove_role).to_string()) />
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <FormError message=failed />
        <p class="form-status" role="status">{move || invited.get()}</p>
        <ul class="org-list">{items}</ul>
    }
    .into_any()
}
