//! `/kom-igang`: the first-run page of a new organisation's administrator. Four steps, each
//! with how far it has come: name the organisation, import or build its tree, invite HR, and
//! decide how people sign in; then "the organisation is ready". Plain forms, so it works before
//! hydration as every other page does.

use leptos::prelude::*;
use leptos_meta::Title;

use super::organisation_forms::added_line;
use super::sign_up_settings::SignUpSettingsForm;
use crate::i18n::*;
use crate::org::{
    first_run, AddMember, EditNode, FinishFirstRun, FirstRunPage, InviteAgain, Keeper,
    SaveSignUpSettings,
};
use crate::ui::{field_message, success_count, ChangeForm, Loaded, TextField};

/// The actions of the page, made once so the forms and the reload share them.
#[derive(Clone, Copy)]
struct FirstRunActions {
    name: ServerAction<EditNode>,
    invite: ServerAction<AddMember>,
    invite_again: ServerAction<InviteAgain>,
    sign_up: ServerAction<SaveSignUpSettings>,
    finish: ServerAction<FinishFirstRun>,
}

/// The page.
#[component]
pub fn FirstRunPageView() -> impl IntoView {
    let i18n = use_i18n();
    let actions = FirstRunActions {
        name: ServerAction::new(),
        invite: ServerAction::new(),
        invite_again: ServerAction::new(),
        sign_up: ServerAction::new(),
        finish: ServerAction::new(),
    };
    let counts = [
        success_count(actions.name),
        success_count(actions.invite),
        success_count(actions.invite_again),
        success_count(actions.finish),
    ];
    let saved = Signal::derive(move || counts.iter().map(|c| c.get()).sum::<usize>());
    let page = Resource::new(move || saved.get(), |_| first_run());
    view! {
        <Title text=t_string!(i18n, first_run_title).to_string() />
        <Loaded resource=page view=move |page| view! { <Steps page actions /> } />
    }
}

/// A step's heading with whether it is done, in words as well as in its look.
#[component]
fn StepHeading(id: &'static str, number: u8, text: String, done: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id=id>
            {format!("{number}. {text}")}
            " "
            {if done {
                view! { <span class="badge badge--ok">{t!(i18n, first_run_done)}</span> }.into_any()
            } else {
                view! { <span class="badge">{t!(i18n, first_run_not_done)}</span> }.into_any()
            }}
        </h2>
    }
}

#[component]
fn Steps(page: FirstRunPage, actions: FirstRunActions) -> impl IntoView {
    let i18n = use_i18n();
    let org_id = page.org_id;
    let org = org_id.to_string();
    let name_result = Signal::derive(move || actions.name.value().get());
    let invite_result = Signal::derive(move || actions.invite.value().get().map(|r| r.map(|_| ())));
    let invite_field =
        move |f: &'static str| Signal::derive(move || field_message(invite_result.get(), f));
    let invite_done = Signal::derive(move || match actions.invite.value().get() {
        Some(Ok(added)) => Some(added_line(i18n, added)),
        _ => None,
    });
    let named = page.name != crate::domain::DEFAULT_ORGANISATION_NAME;
    let has_tree = page.nodes > 0;
    let others: Vec<Keeper> = page.keepers.iter().filter(|k| !k.own).cloned().collect();
    let invited = !others.is_empty();
    let tree_line = t_string!(
        i18n,
        first_run_tree_now,
        nodes = page.nodes,
        people = page.people
    )
    .to_string();
    let ready = !page.setting_up;
    view! {
        <h1>{t!(i18n, first_run_title)}</h1>
        <p class="lead">{t!(i18n, first_run_intro)}</p>
        {ready.then(|| view! {
            <p class="notice" role="status">
                {t!(i18n, first_run_ready)} " " <a href="/">{t!(i18n, first_run_to_start)}</a>
            </p>
        })}
        <section class="panel" aria-labelledby="steg-namn">
            <StepHeading id="steg-namn" number=1 text=t_string!(i18n, first_run_name_step).to_string() done=named />
            <ChangeForm action=actions.name beside_fields=true
                ids=vec![("node_id", org.clone()), ("kind", page.kind.clone()), ("code", page.code.clone())]
                label=Signal::derive(move || t_string!(i18n, org_save).to_string())
                done=Signal::derive(move || t_string!(i18n, first_run_named).to_string())>
                <TextField id="org-namn" name="name" required=true value=page.name.clone()
                    label=t_string!(i18n, first_run_name).to_string()
                    hint=t_string!(i18n, first_run_name_hint).to_string()
                    error=Signal::derive(move || field_message(name_result.get(), "name")) />
            </ChangeForm>
        </section>
        <section class="panel" aria-labelledby="steg-trad">
            <StepHeading id="steg-trad" number=2 text=t_string!(i18n, first_run_tree_step).to_string() done=has_tree />
            <p>{tree_line}</p>
            <p class="muted">{t!(i18n, first_run_tree_hint)}</p>
            <ul>
                <li><a href="/organisation/import">{t!(i18n, org_import_link)}</a></li>
                <li><a href=format!("/organisation/{org_id}")>{t!(i18n, first_run_build_by_hand)}</a></li>
            </ul>
        </section>
        <section class="panel" aria-labelledby="steg-hr">
            <StepHeading id="steg-hr" number=3 text=t_string!(i18n, first_run_hr_step).to_string() done=invited />
            <p class="muted">{t!(i18n, first_run_hr_hint)}</p>
            <KeeperList keepers=others org_id action=actions.invite_again />
            <ChangeForm action=actions.invite beside_fields=true
                ids=vec![("node_id", org.clone()), ("role", "hr".to_string()), ("union_name", String::new())]
                label=Signal::derive(move || t_string!(i18n, first_run_invite_button).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, org_inviting).to_string())
                done=invite_done>
                <TextField id="hr-namn" name="name" required=true autocomplete="off"
                    label=t_string!(i18n, org_person_name).to_string() error=invite_field("name") />
                <TextField id="hr-epost" name="email" kind="email" required=true autocomplete="off"
                    label=t_string!(i18n, org_email).to_string() error=invite_field("email") />
                <TextField id="hr-titel" name="title" autocomplete="off"
                    label=t_string!(i18n, org_person_title).to_string() error=invite_field("title") />
            </ChangeForm>
        </section>
        <section class="panel" aria-labelledby="steg-inloggning">
            <StepHeading id="steg-inloggning" number=4 text=t_string!(i18n, first_run_sign_in_step).to_string()
                done=!page.sign_up.email_domains.is_empty() />
            <SignUpSettingsForm settings=page.sign_up.clone() action=actions.sign_up />
        </section>
        <section class="panel" aria-labelledby="steg-klar">
            <h2 id="steg-klar">{t!(i18n, first_run_finish_step)}</h2>
            <p class="muted">{t!(i18n, first_run_finish_hint)}</p>
            {(!ready).then(|| view! {
                <ChangeForm action=actions.finish
                    label=Signal::derive(move || t_string!(i18n, first_run_finish_button).to_string()) />
            })}
        </section>
    }
}

/// HR already invited, each with whether they have chosen a password and, if not, a new link.
#[component]
fn KeeperList(
    keepers: Vec<Keeper>,
    org_id: i64,
    action: ServerAction<InviteAgain>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sent = Signal::derive(move || {
        matches!(action.value().get(), Some(Ok(_)))
            .then(|| t_string!(i18n, org_invite_sent).to_string())
    });
    (!keepers.is_empty()).then(|| {
        let rows = keepers
            .into_iter()
            .map(|k| {
                let named = k.name.clone();
                let state = if k.has_password {
                    view! { <span class="badge badge--ok">{t!(i18n, first_run_signed_up)}</span> }.into_any()
                } else {
                    view! { <span class="badge">{t!(i18n, first_run_invited)}</span> }.into_any()
                };
                view! {
                    <li>
                        {k.name.clone()} " (" {k.email.clone()} ") " {state}
                        {(!k.has_password).then(|| view! {
                            <ChangeForm action class="inline-form" variant="quiet" failure_shown_above=true
                                ids=vec![("node_id", org_id.to_string()), ("person_id", k.person_id.to_string())]
                                label=Signal::derive(move || t_string!(i18n, org_invite_again).to_string())
                                busy_label=Signal::derive(move || t_string!(i18n, org_inviting).to_string())
                                aria_label=Signal::derive(move || t_string!(i18n, org_invite_again_named, name = named.clone()).to_string()) />
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="keeper-list">{rows}</ul>
            <p class="form-status" role="status">{sent}</p>
            <crate::ui::FormError message=crate::ui::failure_message(action) />
        }
    })
}
