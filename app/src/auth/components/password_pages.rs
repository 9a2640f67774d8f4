//! `/valj-losenord/{token}`, where an invited person chooses their first password (or someone
//! who forgot theirs a new one), and `/glomt-losenord`, which mails a reset link. Both are open
//! to anyone with the link, both are plain ActionForms that work before hydration.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::auth::{account_link, ChoosePassword, LinkView, RequestReset};
use crate::domain::account_links::{LinkPurpose, MIN_PASSWORD};
use crate::i18n::*;
use crate::ui::{field_message, ChangeForm, Loaded, TextField};

/// The page a link in an invitation or reset mail opens.
#[component]
pub fn ChoosePasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let link = Resource::new(move || token.get(), account_link);
    view! {
        <Title text=t_string!(i18n, choose_password_title).to_string() />
        <h1>{t!(i18n, choose_password_title)}</h1>
        <Loaded resource=link view=move |link| view! { <ChooseForm link token=token.get_untracked() /> } />
    }
}

/// The two password fields, then the way to sign in once it is saved.
#[component]
fn ChooseForm(link: LinkView, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChoosePassword>::new();
    let result = Signal::derive(move || action.value().get());
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let saved = move || matches!(result.get(), Some(Ok(())));
    let intro = match link.purpose {
        LinkPurpose::Invite => {
            t_string!(i18n, choose_password_invite, name = link.name.clone()).to_string()
        }
        LinkPurpose::Reset => {
            t_string!(i18n, choose_password_reset, name = link.name.clone()).to_string()
        }
    };
    let email = link.email.clone();
    view! {
        <Show when=saved fallback=move || {
            let intro = intro.clone();
            let email = email.clone();
            let token = token.clone();
            view! {
                <p class="lead">{intro}</p>
                <section class="panel">
                    <ChangeForm action ids=vec![("token", token)] beside_fields=true
                        label=Signal::derive(move || t_string!(i18n, choose_password_button).to_string())>
                        // The account's e-mail, for password managers to save the pair.
                        <TextField id="konto-epost" label=t_string!(i18n, email).to_string() value=email
                            kind="email" autocomplete="username" readonly=true />
                        <TextField id="nytt-losenord" name="password" kind="password" required=true
                            autocomplete="new-password" label=t_string!(i18n, new_password).to_string()
                            hint=t_string!(i18n, new_password_hint, min = MIN_PASSWORD).to_string()
                            error=field("password") />
                        <TextField id="upprepa-losenord" name="repeated" kind="password" required=true
                            autocomplete="new-password" label=t_string!(i18n, repeat_password).to_string()
                            error=field("repeated") />
                    </ChangeForm>
                    <p class="field__error" role="alert">{move || field("link").get()}</p>
                </section>
            }
        }>
            <p class="form-status" role="status">{t!(i18n, choose_password_saved)}</p>
            <p><a class="button button--primary" href="/logga-in">{t!(i18n, sign_in_button)}</a></p>
        </Show>
    }
}

/// "Glömt lösenordet?": one field, and the same answer whether the address is known or not.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestReset>::new();
    let result = Signal::derive(move || action.value().get());
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    view! {
        <Title text=t_string!(i18n, forgot_title).to_string() />
        <h1>{t!(i18n, forgot_title)}</h1>
        <p class="lead">{t!(i18n, forgot_intro)}</p>
        <section class="panel">
            <ChangeForm action beside_fields=true
                label=Signal::derive(move || t_string!(i18n, forgot_button).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, org_inviting).to_string())
                done=Signal::derive(move || t_string!(i18n, forgot_sent).to_string())>
                <TextField id="glomt-epost" name="email" kind="email" required=true autocomplete="username"
                    label=t_string!(i18n, email).to_string() error=field("email") />
            </ChangeForm>
        </section>
        <p><a href="/logga-in">{t!(i18n, back_to_sign_in)}</a></p>
    }
}
