//! The sign-in page: the organisation's provider as a plain link, and the password form as an
//! ActionForm; both work without JavaScript. A problem on the provider's way back arrives as
//! `?fel=<code>` and is named above the choices; the form's own errors stand beside its fields.
//! In demo mode the demo accounts are listed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::auth::{sign_in_choices, DemoSignIns, SignIn, SignInOptions, SignInProblem};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{error_text, SubmitButton, TextField};

/// The Swedish (or English) sentence for a provider sign-in that did not finish.
fn problem_text(i18n: leptos_i18n::I18nContext<Locale>, problem: SignInProblem) -> String {
    match problem {
        SignInProblem::Cancelled => t_string!(i18n, oidc_cancelled),
        SignInProblem::Expired => t_string!(i18n, oidc_expired),
        SignInProblem::Unavailable => t_string!(i18n, oidc_unavailable),
        SignInProblem::Unverified => t_string!(i18n, oidc_unverified),
        SignInProblem::NoEmail => t_string!(i18n, oidc_no_email),
        SignInProblem::EmailNotVerified => t_string!(i18n, oidc_email_not_verified),
        SignInProblem::UnknownPerson => t_string!(i18n, oidc_unknown_person),
        SignInProblem::OtherIdentity => t_string!(i18n, oidc_other_identity),
        SignInProblem::NotOffered => t_string!(i18n, oidc_not_offered),
        SignInProblem::TooManyAttempts => t_string!(i18n, oidc_too_many_attempts),
    }
    .to_string()
}

/// `/logga-in`.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let problem = move || {
        query
            .read()
            .get("fel")
            .and_then(|code| SignInProblem::from_code(&code))
            .map(|p| problem_text(i18n, p))
    };
    let choices = Resource::new(|| (), |_| sign_in_choices());

    view! {
        <Title text=t_string!(i18n, sign_in_title).to_string() />
        <div class="sign-in">
            <section class="panel sign-in__form" aria-labelledby="logga-in-rubrik">
                <h1 id="logga-in-rubrik">{t!(i18n, sign_in_title)}</h1>
                <p>{t!(i18n, sign_in_intro)}</p>
                // Known when the page is rendered (it comes in the address), so the alert is
                // there from the start rather than filled in later.
                {move || problem().map(|m| view! {
                    <div class="form-error" role="alert">
                        <p class="form-error__text">{m}</p>
                    </div>
                })}
                <Suspense fallback=|| ()>
                    {move || choices.get().map(|result| match result {
                        Ok(c) => view! { <SignInWays choices=c /> }.into_any(),
                        Err(e) => view! {
                            <p class="form-error__text" role="alert">{error_text(i18n, &e)}</p>
                        }.into_any(),
                    })}
                </Suspense>
            </section>
            <Suspense fallback=|| ()>
                {move || choices.get().and_then(|r| r.ok()).and_then(|c| c.demo).map(|d| view! { <DemoAccounts demo=d /> })}
            </Suspense>
        </div>
    }
}

/// The provider's link and the password form, as configured.
#[component]
fn SignInWays(choices: SignInOptions) -> impl IntoView {
    let i18n = use_i18n();
    let both = choices.local_accounts && choices.provider.is_some();
    view! {
        {choices.provider.map(|name| view! {
            <p class="sign-in__provider">
                <a class="button button--primary" href="/logga-in/oidc" rel="external">
                    {t!(i18n, oidc_sign_in_with, name = move || name.clone())}
                </a>
            </p>
        })}
        {both.then(|| view! { <p class="sign-in__or">{t!(i18n, oidc_or_password)}</p> })}
        {choices.local_accounts.then(|| view! { <PasswordForm /> })}
    }
}

/// E-mail and password, with each field's message beside it.
#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    // Created below <Routes>, so a form posted without JavaScript gets its error from the URL.
    let sign_in = ServerAction::<SignIn>::new();
    let pending = sign_in.pending();
    let error = move || sign_in.value().get().and_then(Result::err);
    let field_error = move |field: &'static str| {
        move || match error() {
            Some(AppError::Invalid { field: f, message }) if f == field => Some(message),
            _ => None,
        }
    };
    let form_error = move || match error() {
        Some(AppError::Invalid { .. }) | None => None,
        Some(other) => Some(error_text(i18n, &other)),
    };

    view! {
        <ActionForm action=sign_in attr:novalidate="">
            <div class="form-error" role="alert" aria-live="assertive">
                {move || form_error().map(|m| view! { <p class="form-error__text">{m}</p> })}
            </div>
            <TextField id="email" name="email" kind="email" autocomplete="username" required=true
                label=t_string!(i18n, email).to_string()
                error=Signal::derive(field_error("email")) />
            <TextField id="password" name="password" kind="password" autocomplete="current-password"
                required=true label=t_string!(i18n, password).to_string()
                error=Signal::derive(field_error("password")) />
            <SubmitButton pending=pending variant="primary"
            label=Signal::derive(move || t_string!(i18n, sign_in_button).to_string())
            busy_label=Signal::derive(move || t_string!(i18n, signing_in).to_string()) />
        </ActionForm>
        <p class="sign-in__forgot"><a href="/glomt-losenord">{t!(i18n, forgot_link)}</a></p>
    }
}

/// The demo accounts, as a table a screen reader can walk.
#[component]
fn DemoAccounts(demo: DemoSignIns) -> impl IntoView {
    let i18n = use_i18n();
    let password = demo.password.clone();
    view! {
        <section class="panel sign-in__demo" aria-labelledby="demo-rubrik">
            <h2 id="demo-rubrik">{t!(i18n, demo_heading)}</h2>
            <p>{t!(i18n, demo_intro, password = move || view! { <code>{password.clone()}</code> })}</p>
            <div class="table-scroll">
                <table class="demo-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, demo_person)}</th>
                            <th scope="col">{t!(i18n, demo_role)}</th>
                            <th scope="col">{t!(i18n, demo_email)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {demo
                            .accounts
                            .into_iter()
                            .map(|a| view! {
                                <tr>
                                    <td>{a.name}</td>
                                    <td>{a.description}</td>
                                    <td><code>{a.email}</code></td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
