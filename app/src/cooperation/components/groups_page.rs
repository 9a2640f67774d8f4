//! `/samverkan`: the cooperation groups the person sits in or keeps, and, for those who keep a
//! node, the form that makes a new group there with the seed's standing agenda.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cooperation::{groups, CreateGroup, GroupSummary};
use crate::domain::NodeChoice;
use crate::i18n::*;
use crate::ui::{
    field_message, format_date, success_count, ChangeForm, CheckField, Loaded, TextField,
};

/// The groups page.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateGroup>::new();
    let made = success_count(create);
    let page = Resource::new(move || made.get(), |_| groups());
    view! {
        <Title text=t_string!(i18n, coop_title).to_string() />
        <h1>{t!(i18n, coop_title)}</h1>
        <p class="lead">{t!(i18n, coop_intro)}</p>
        <Loaded resource=page view=move |page| view! {
            <GroupList groups=page.groups />
            {(!page.nodes.is_empty()).then(|| view! { <NewGroup nodes=page.nodes action=create /> })}
        } />
    }
}

#[component]
fn GroupList(groups: Vec<GroupSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if groups.is_empty() {
        return view! { <p class="empty">{t!(i18n, coop_none)}</p> }.into_any();
    }
    let items = groups
        .into_iter()
        .map(|g| {
            let next = g.next_meeting.map(|d| {
                t_string!(i18n, coop_next_meeting, date = format_date(i18n, d)).to_string()
            });
            view! {
                <li class="panel coop-group">
                    <h2><a href=format!("/samverkan/{}", g.id)>{g.name}</a></h2>
                    <p class="muted">{g.node_name}
                        {g.safety_committee.then(|| format!(" · {}", t_string!(i18n, coop_safety_committee_badge)))}
                        {g.my_role.map(|r| format!(" · {}", r.label()))}
                    </p>
                    {next.map(|n| view! { <p>{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="coop-groups">{items}</ul> }.into_any()
}

#[component]
fn NewGroup(nodes: Vec<NodeChoice>, action: ServerAction<CreateGroup>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let options = nodes
        .into_iter()
        .map(|n| {
            let label = format!("{}{}", "\u{2003}".repeat(n.depth as usize), n.name);
            view! { <option value=n.id>{label}</option> }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="ny-grupp">
            <h2 id="ny-grupp">{t!(i18n, coop_new_heading)}</h2>
            <p>{t!(i18n, coop_new_intro)}</p>
            <ChangeForm action beside_fields=true
                label=Signal::derive(move || t_string!(i18n, coop_new_button).to_string())
                done=Signal::derive(move || t_string!(i18n, coop_new_done).to_string())>
                <div class="field">
                    <label for="grupp-nod">{t!(i18n, coop_node)}</label>
                    <select id="grupp-nod" name="node_id" aria-describedby="grupp-nod-fel"
                        aria-invalid=move || err("node_id").get().is_some().to_string()>{options}</select>
                    <p id="grupp-nod-fel" class="field__error">{move || err("node_id").get()}</p>
                </div>
                <TextField id="grupp-namn" name="name" required=true autocomplete="off"
                    label=t_string!(i18n, coop_name).to_string()
                    hint=t_string!(i18n, coop_name_hint).to_string() error=err("name") />
                <TextField id="grupp-minst" name="min_meetings" kind="number" value="4" min="1" max="24"
                    label=t_string!(i18n, coop_min_meetings).to_string() error=err("min_meetings") />
                <TextField id="grupp-kallelse" name="notice_days" kind="number" value="7" min="1" max="30"
                    label=t_string!(i18n, coop_notice_days).to_string() error=err("notice_days") />
                <CheckField id="grupp-skyddskommitte" name="safety_committee"
                    label=t_string!(i18n, coop_safety_committee).to_string() />
            </ChangeForm>
        </section>
    }
}
