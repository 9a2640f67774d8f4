//! The sign-in page: an ActionForm that works without JavaScript, with the error beside the form,
//! and in demo mode the list of demo accounts.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::auth::{demo_accounts, DemoSignIns, SignIn};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{error_text, SubmitButton};

/// `/logga-in`.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    // Created below <Routes>, so a form posted without JavaScript gets its error from the URL.
    let sign_in = ServerAction::<SignIn>::new();
    let demo = Resource::new(|| (), |_| demo_accounts());
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
        <Title text=t_string!(i18n, sign_in_title).to_string() />
        <div class="sign-in">
            <section class="panel sign-in__form" aria-labelledby="logga-in-rubrik">
                <h1 id="logga-in-rubrik">{t!(i18n, sign_in_title)}</h1>
                <p>{t!(i18n, sign_in_intro)}</p>
                <ActionForm action=sign_in attr:novalidate="">
                    <div class="form-error" role="alert" aria-live="assertive">
                        {move || form_error().map(|m| view! { <p class="form-error__text">{m}</p> })}
                    </div>
                    <div class="field">
                        <label for="email">{t!(i18n, email)}</label>
                        <input
                            id="email"
                            name="email"
                            type="email"
                            autocomplete="username"
                            required
                            aria-describedby="email-fel"
                            aria-invalid=move || field_error("email")().is_some().to_string()
                        />
                        <p id="email-fel" class="field__error">{field_error("email")}</p>
                    </div>
                    <div class="field">
                        <label for="password">{t!(i18n, password)}</label>
                        <input
                            id="password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            aria-describedby="password-fel"
                            aria-invalid=move || field_error("password")().is_some().to_string()
                        />
                        <p id="password-fel" class="field__error">{field_error("password")}</p>
                    </div>
                    <SubmitButton pending=pending variant="primary"
                    label=Signal::derive(move || t_string!(i18n, sign_in_button).to_string())
                    busy_label=Signal::derive(move || t_string!(i18n, signing_in).to_string()) />
                </ActionForm>
            </section>
            <Suspense fallback=|| ()>
                {move || demo.get().and_then(|r| r.ok().flatten()).map(|d| view! { <DemoAccounts demo=d /> })}
            </Suspense>
        </div>
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
