//! `/konton`: HR's list of the accounts in its part of the organisation, with a button to turn
//! each off (ending its sessions at once) or on again, and one to release an account's tie to an
//! identity at the organisation's provider. Plain forms, so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::*;
use leptos_router::hooks::use_query_map;

use crate::org::{
    accounts, AccountRow, AccountsList, ReleaseProviderIdentity, SetAccountActive,
    ACCOUNTS_PER_PAGE,
};
use crate::ui::Loaded;
use crate::ui::{failure_message, role_label, success_count, ChangeForm, FormError, Pager};

/// The page.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let set_active = ServerAction::<SetAccountActive>::new();
    let release = ServerAction::<ReleaseProviderIdentity>::new();
    let changed = success_count(set_active);
    let released = success_count(release);
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("sok").filter(|s| !s.trim().is_empty()),
                q.get("sida").and_then(|p| p.parse::<u32>().ok()),
            )
        })
    });
    let list = Resource::new(
        move || (asked.get(), changed.get(), released.get()),
        |((search, page), ..)| accounts(search, page),
    );
    let failed = failure_message(set_active);
    let release_failed = failure_message(release);
    view! {
        <Title text=t_string!(i18n, accounts_title).to_string() />
        <h1>{t!(i18n, accounts_title)}</h1>
        <p class="lead">{t!(i18n, accounts_intro)}</p>
        <FormError message=failed />
        <FormError message=release_failed />
        <Loaded resource=list view=move |list| view! { <AccountsListView list set_active release /> }.into_any() />
    }
}

/// The search field, the page of accounts and the links to the pages beside it.
#[component]
fn AccountsListView(
    list: AccountsList,
    set_active: ServerAction<SetAccountActive>,
    release: ServerAction<ReleaseProviderIdentity>,
) -> impl IntoView {
    let i18n = use_i18n();
    let first = (list.page - 1) * ACCOUNTS_PER_PAGE + 1;
    let last = (first + u32::try_from(list.rows.len()).unwrap_or(0)).saturating_sub(1);
    let mut base = "/konton".to_string();
    if !list.search.is_empty() {
        base.push_str("?sok=");
        base.extend(percent_encoding::utf8_percent_encode(
            &list.search,
            percent_encoding::NON_ALPHANUMERIC,
        ));
    }
    view! {
        <form method="get" action="/konton" class="panel search-form" role="search">
            <div class="field">
                <label for="sok">{t!(i18n, accounts_search)}</label>
                <input id="sok" name="sok" type="search" maxlength="200" value=list.search.clone() />
            </div>
            <button type="submit" class="button button--secondary">{t!(i18n, accounts_search_button)}</button>
        </form>
        <p role="status">{if list.total == 0 {
            t_string!(i18n, accounts_none_found).to_string()
        } else {
            t_string!(i18n, accounts_showing, first = first, last = last, total = list.total).to_string()
        }}</p>
        <ul class="account-list">
            {list.rows.into_iter().map(|a| view! { <AccountItem account=a action=set_active release=release /> }).collect_view()}
        </ul>
        <Pager page=list.page pages=list.pages base />
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
