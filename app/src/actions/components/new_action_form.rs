//! "Ny åtgärd": an action from a round, a risk assessment, the employee survey, an incident or
//! elsewhere, with the note that links it (actions from APTs and checklists are made where they
//! arise).

use leptos::prelude::*;

use super::source_label;
use crate::actions::AddUnitAction;
use crate::domain::ActionSource;
use crate::i18n::*;
use crate::ui::{field_message, ChangeForm, SelectField, TextArea, TextField};

/// The form, folded until opened.
#[component]
pub fn NewActionForm(
    unit_id: i64,
    members: Vec<(String, String)>,
    action: ServerAction<AddUnitAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let sources = ActionSource::MANUAL
        .into_iter()
        .map(|s| (s.code().to_string(), source_label(i18n, s)))
        .collect();
    let is_added = crate::ui::saved_and_idle(action);
    let added = move || {
        is_added
            .get()
            .then(|| t_string!(i18n, action_added).to_string())
    };
    view! {
        <details class="panel new-action" aria-labelledby="ny-atgard">
            <summary id="ny-atgard">{t!(i18n, action_new)}</summary>
            <ChangeForm action ids=vec![("unit_id", unit_id.to_string())] beside_fields=true
                label=Signal::derive(move || t_string!(i18n, action_add).to_string())>
                <SelectField id="ny-kalla" name="source" label=t_string!(i18n, action_source).to_string()
                    options=sources error=field("source") />
                <TextField id="ny-koppling" name="note" label=t_string!(i18n, action_source_note).to_string()
                    hint=t_string!(i18n, action_source_note_hint).to_string() error=field("note") />
                <TextField id="ny-titel" name="action[title]" required=true
                    label=t_string!(i18n, minutes_action_title).to_string() error=field("title") />
                <TextArea id="ny-beskrivning" name="action[description]"
                    label=t_string!(i18n, action_description).to_string() error=field("description") />
                <SelectField id="ny-ansvarig" name="action[responsible]"
                    label=t_string!(i18n, minutes_action_responsible).to_string() options=members error=field("responsible") />
                <TextField id="ny-start" name="action[start]" kind="date"
                    label=t_string!(i18n, action_start).to_string() error=field("start") />
                <TextField id="ny-slut" name="action[end]" kind="date"
                    label=t_string!(i18n, action_end).to_string() error=field("end") />
            </ChangeForm>
        </details>
        // Outside the folded form: the page reloads its list after a success, which folds it.
        <p class="form-status" role="status">{added}</p>
    }
}
