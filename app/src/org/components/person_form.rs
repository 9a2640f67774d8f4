//! "Ändra uppgifter": a person's name, e-mail and title, changed from a node where they hold a
//! role. One form per person on the node's page, folded away until opened; a refusal stands
//! beside the field in that person's form only.

use leptos::prelude::*;

use crate::i18n::*;
use crate::org::{EditPerson, MemberView};
use crate::ui::{field_message, ChangeForm, TextField};

/// The folded form for `member` in the node `node_id`.
#[component]
pub fn PersonForm(
    member: MemberView,
    node_id: i64,
    action: ServerAction<EditPerson>,
) -> impl IntoView {
    let i18n = use_i18n();
    let person_id = member.person_id;
    let sent = crate::ui::sent_for(action, |i: &EditPerson| Some(i.person_id));
    let result = crate::ui::result_for(action, sent, person_id);
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let open = move || matches!(result.get(), Some(Err(_)));
    view! {
        <details class="person-edit" open=open>
            <summary>
                {t!(i18n, org_edit_person)}
                <span class="visually-hidden">" " {member.name.clone()}</span>
            </summary>
            <ChangeForm action beside_fields=true
                ids=vec![("node_id", node_id.to_string()), ("person_id", person_id.to_string())]
                label=Signal::derive(move || t_string!(i18n, org_save).to_string())
                done=Signal::derive(move || t_string!(i18n, org_person_saved).to_string())>
                {member.from_import.then(|| view! { <p class="muted">{t!(i18n, org_person_from_import)}</p> })}
                <TextField id=format!("person-{person_id}-namn") name="name" required=true
                    value=member.name.clone() autocomplete="off"
                    label=t_string!(i18n, org_person_name).to_string() error=field("name") />
                <TextField id=format!("person-{person_id}-epost") name="email" kind="email" required=true
                    value=member.email.clone() autocomplete="off"
                    label=t_string!(i18n, org_email).to_string() error=field("email") />
                <TextField id=format!("person-{person_id}-titel") name="title"
                    value=member.title.clone().unwrap_or_default() autocomplete="off"
                    label=t_string!(i18n, org_person_title).to_string() error=field("title") />
            </ChangeForm>
        </details>
    }
}
