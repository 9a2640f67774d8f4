//! "Deltagare": who took part in the checklist, with the safety representative's place made plain
//! (the SAM follow-up is done together with them; the product says so when they are missing).

use std::collections::HashSet;

use leptos::prelude::*;

use crate::checklists::{ChecklistView, SaveChecklistParticipants};
use crate::domain::safety_representative_warning;
use crate::i18n::*;
use crate::ui::{ChangeForm, CheckField, TextField};

/// The participants panel: a form for the chef, a list for everyone else.
#[component]
pub fn ParticipantsPanel(
    checklist: ChecklistView,
    action: ServerAction<SaveChecklistParticipants>,
) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let safety_ids: HashSet<i64> = checklist
        .participants
        .iter()
        .filter(|p| p.safety_representative)
        .map(|p| p.person_id)
        .collect();
    let initially = checklist.safety_representative_took_part();
    // The last posted choice (the action forgets its input once it is done).
    let posted: RwSignal<Option<bool>> = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(input) = action.input().get() {
            posted.set(Some(
                input
                    .took_part
                    .keys()
                    .filter_map(|k| k.parse::<i64>().ok())
                    .any(|id| safety_ids.contains(&id)),
            ));
        }
    });
    // Whether a safety representative took part, as last saved.
    let took_part = Memo::new(move |_| match action.value().get() {
        Some(Ok(())) => posted.get().unwrap_or(initially),
        _ => initially,
    });
    let needs = checklist.kind.needs_safety_representative();
    let warning = move || {
        safety_representative_warning(needs, took_part.get())
            .map(|w| view! { <p class="notice notice--warn">{w}</p> })
    };
    let editable = checklist.can_finish && checklist.done.is_none();
    let so = t_string!(i18n, checklist_safety_representative).to_string();
    let people = checklist
        .participants
        .iter()
        .map(|p| {
            let id = format!("deltog-{}", p.person_id);
            let name = if p.safety_representative {
                format!("{} ({so})", p.name)
            } else {
                p.name.clone()
            };
            if editable {
                view! {
                    <CheckField id name=format!("took_part[{}]", p.person_id) checked=p.took_part
                        item=true label=name />
                }
                .into_any()
            } else {
                view! { <li>{name}</li> }.into_any()
            }
        })
        .collect_view();
    let is_saved = crate::ui::saved_and_idle(action);
    let saved = move || {
        is_saved
            .get()
            .then(|| t_string!(i18n, checklist_participants_saved).to_string())
    };
    let listed: Vec<_> = checklist
        .participants
        .iter()
        .filter(|p| p.took_part)
        .cloned()
        .collect();
    view! {
        <section class="panel" aria-labelledby="deltagare">
            <h2 id="deltagare">{t!(i18n, checklist_participants)}</h2>
            {warning}
            {if editable {
                view! {
                    <ChangeForm action ids=vec![("unit_id", checklist.unit_id.to_string()), ("checklist_id", checklist.id.to_string())] variant="secondary"
                        label=Signal::derive(move || t_string!(i18n, checklist_participants_save).to_string())>
                        <fieldset>
                            <legend>{t!(i18n, checklist_participants_legend)}</legend>
                            <ul class="attendance__list">{people}</ul>
                        </fieldset>
                        <TextField id="ovriga-deltagare" name="others"
                            label=t_string!(i18n, checklist_other_participants).to_string()
                            value=checklist.other_participants.clone()
                            hint=t_string!(i18n, checklist_other_participants_hint).to_string()
                            error=Signal::derive(|| None::<String>) />
                    </ChangeForm>
                    <p class="form-status" role="status">{saved}</p>
                }
                .into_any()
            } else {
                let others = checklist.other_participants.clone();
                let names: Vec<String> = listed
                    .iter()
                    .map(|p| p.name.clone())
                    .chain((!others.is_empty()).then_some(others))
                    .collect();
                view! {
                    <p>{if names.is_empty() { t_string!(i18n, checklist_no_participants).to_string() } else { names.join(", ") }}</p>
                }
                .into_any()
            }}
        </section>
    }
}
