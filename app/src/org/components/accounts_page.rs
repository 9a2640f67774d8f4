//! `/konton`: HR's list of the accounts in its part of the organisation, with a button to turn
//! each off (ending its sessions at once) or on again, and one to release an account's tie to an
//! identity at the organisation's provider. Plain forms, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::*;
use crate::org::{accounts, AccountRow, ReleaseProviderIdentity, SetAccountActive};
use crate::ui::Loaded;
use crate::ui::{failure_message, role_label, success_count, ChangeForm, FormError};

/// The page.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let set_active = ServerAction::<SetAccountActive>::new();
    let release = ServerAction::<ReleaseProviderIdentity>::new();
    let changed = success_count(set_active);
    let released = success_count(release);
    let list = Resource::new(move || (changed.get(), released.get()), |_| accounts());
    let failed = failure_message(set_active);
    let release_failed = failure_message(release);
    view! {
        <Title text=t_string!(i18n, accounts_title).to_string() />
        <h1>{t!(i18n, accounts_title)}</h1>
        <p class="lead">{t!(i18n, accounts_intro)}</p>
        <FormError message=failed />
        <FormError message=release_failed />
        <Loaded resource=list view=move |rows| view! {
                    <ul class="account-list">
                        {rows.into_iter().map(|a| view! { <AccountItem account=a action=set_active release=release /> }).collect_view()}
                    </ul>
                }
                .into_any() />
    }
}

/// One account: name, e-mail, roles, status and the button.
#[component]
fn AccountItem(
    account: AccountRow,
    action: ServerAction<SetAccountActive>,
    release: ServerAction<ReleaseProviderIdentity>,
) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let roles = account
        .roles
        .iter()
        .map(|(role, node)| format!("{}, {node}", role_label(i18n, *role)))
        .collect::<Vec<_>>()
        .join(" · ");
    let (status, badge) = if account.active {
        (
            t_string!(i18n, account_active).to_string(),
            "badge badge--ok",
        )
    } else {
        (
            t_string!(i18n, account_disabled).to_string(),
            "badge badge--warn",
        )
    };
    let id = account.id.to_string();
    let turn_on = (!account.active).to_string();
    let active = account.active;
    let linked = account.provider_linked;
    let manageable = account.manageable;
    let release_name = format!(
        "{} {}",
        t_string!(i18n, account_release_provider),
        account.name
    );
    view! {
        <li class="panel account-list__item">
            <h2 class="account-list__name">{account.name.clone()} " " <span class=badge>{status}</span></h2>
            <p class="muted account-list__email">{account.email.clone()}</p>
            {(!roles.is_empty()).then(|| view! { <p>{roles.clone()}</p> })}
            {linked.then(|| view! { <p class="muted">{t!(i18n, account_provider_linked)}</p> })}
            {account.manageable.then(|| view! {
                <ChangeForm action=action ids=vec![("person_id", (id.clone()).to_string()), ("active", (turn_on.clone()).to_string())] failure_shown_above=true variant="secondary"
                    label=Signal::derive(move || if active {
                            t_string!(i18n, account_disable).to_string()
                        } else {
                            t_string!(i18n, account_enable).to_string()
                        }) />
            })}
            {(manageable && linked).then(|| view! {
                <ChangeForm action=release ids=vec![("person_id", id.clone())] failure_shown_above=true variant="quiet"
                    label=t_string!(i18n, account_release_provider).to_string() aria_label=release_name.clone() />
            })}
        </li>
    }
}
