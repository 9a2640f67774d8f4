//! How people of the organisation sign in: its e-mail domains, open sign-up through the
//! organisation's provider, and whom a person without roles is told to ask.

use leptos::prelude::*;

use crate::i18n::*;
use crate::org::{SaveSignUpSettings, SignUpSettings};
use crate::ui::{field_message, ChangeForm, CheckField, TextArea, TextField};

/// The sign-in settings form of the organisation the asker administers.
#[component]
pub fn SignUpSettingsForm(
    settings: SignUpSettings,
    action: ServerAction<SaveSignUpSettings>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    view! {
        <p class="muted">{t!(i18n, sign_up_intro)}</p>
        {(!settings.provider).then(|| view! { <p class="notice">{t!(i18n, sign_up_no_provider)}</p> })}
        <ChangeForm action beside_fields=true
            label=Signal::derive(move || t_string!(i18n, org_save).to_string())
            done=Signal::derive(move || t_string!(i18n, sign_up_saved).to_string())>
            <TextField id="epostdomaner" name="email_domains" value=settings.email_domains.clone()
                label=t_string!(i18n, sign_up_domains).to_string()
                hint=t_string!(i18n, sign_up_domains_hint).to_string() error=field("email_domains") />
            <CheckField id="oppen-inloggning" name="open_sign_up" checked=settings.open_sign_up
                label=t_string!(i18n, sign_up_open).to_string() />
            <TextArea id="vem-fragar" name="whom_to_ask" rows=2 value=settings.whom_to_ask.clone()
                label=t_string!(i18n, sign_up_whom).to_string()
                hint=t_string!(i18n, sign_up_whom_hint).to_string() error=field("whom_to_ask") />
        </ChangeForm>
    }
}
