//! `/konto`: the signed-in person's open sessions, with a button to end each of the others and
//! one to end them all (forms that work without JavaScript).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::auth::{my_sessions, EndMyOtherSessions, EndMySession, SessionSummary};
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{failure_message, format_date, format_time, success_count, ChangeForm, FormError};

/// The page.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let end_one = ServerAction::<EndMySession>::new();
    let end_others = ServerAction::<EndMyOtherSessions>::new();
    let ended_one = success_count(end_one);
    let ended_others = success_count(end_others);
    let sessions = Resource::new(
        move || (ended_one.get(), ended_others.get()),
        |_| my_sessions(),
    );
    let one_failed = failure_message(end_one);
    view! {
        <Title text=t_string!(i18n, account_title).to_string() />
        <h1>{t!(i18n, account_title)}</h1>
        <p class="lead">{t!(i18n, account_intro)}</p>
        <section class="panel" aria-labelledby="sessioner-rubrik">
            <h2 id="sessioner-rubrik">{t!(i18n, signins_heading)}</h2>
            <FormError message=one_failed />
            <p role="status" class="visually-hidden">
                {move || (ended_one.get() > 0).then(|| t_string!(i18n, session_ended).to_string())}
            </p>
            <Loaded resource=sessions view=move |list| {
                        let others = list.iter().filter(|s| !s.current).count();
                        view! {
                            <ul class="session-list">
                                {list.into_iter().map(|s| view! { <SessionRow session=s action=end_one /> }).collect_view()}
                            </ul>
                            {(others > 0).then(|| view! {
                                <ChangeForm action=end_others class="session-list__all" variant="secondary"
                                    label=Signal::derive(move || t_string!(i18n, sessions_end_others).to_string())
                                    busy_label=Signal::derive(move || t_string!(i18n, sessions_ending).to_string()) />
                            })}
                            {(others == 0).then(|| view! { <p class="muted">{t!(i18n, sessions_only_this)}</p> })}
                        }
                        .into_any()
                    } />
        </section>
    }
}

/// One session: device, address, when; "Avsluta" for any but the current one.
#[component]
fn SessionRow(session: SessionSummary, action: ServerAction<EndMySession>) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let when = move |at: chrono::NaiveDateTime| {
        format!(
            "{} {}",
            format_date(i18n, at.date()),
            format_time(i18n, at.time())
        )
    };
    let started = when(session.started);
    let last_seen = when(session.last_seen);
    let method = if session.method == "oidc" {
        t_string!(i18n, session_method_oidc).to_string()
    } else {
        t_string!(i18n, session_method_password).to_string()
    };
    let heading = session.device.clone();
    let id = session.id.to_string();
    view! {
        <li class="session-list__item">
            <h3 class="session-list__device">
                {heading}
                {session.current.then(|| view! { " " <span class="badge badge--ok">{t!(i18n, session_current)}</span> })}
            </h3>
            <dl class="session-list__facts">
                <dt>{t!(i18n, session_started)}</dt><dd>{started}</dd>
                <dt>{t!(i18n, session_last_seen)}</dt><dd>{last_seen}</dd>
                <dt>{t!(i18n, session_address)}</dt><dd>{session.address.clone()}</dd>
                <dt>{t!(i18n, session_method)}</dt><dd>{method}</dd>
            </dl>
            {(!session.current).then(|| view! {
                <ChangeForm action=action ids=vec![("session_id", (id.clone()).to_string())] failure_shown_above=true variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, session_end).to_string())
                    busy_label=Signal::derive(move || t_string!(i18n, sessions_ending).to_string()) />
            })}
        </li>
    }
}
