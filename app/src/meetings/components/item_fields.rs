//! The fields of an agenda item (section, title, description, presenter, minutes, type), each
//! with the server's message beside it. Shared by adding an item, editing one and the backlog.

use leptos::prelude::*;

use crate::domain::ItemKind;
use crate::error::AppError;
use crate::i18n::*;
use crate::meetings::AgendaItem;
use crate::ui::{field_message, item_kind_label, SelectField, TextArea, TextField};

/// The item fields, prefilled from `item` when editing. `sections` (id, title) adds the section
/// choice; leave it empty where there is none (the backlog).
#[component]
pub fn ItemFields(
    prefix: &'static str,
    #[prop(optional)] sections: Vec<(i64, String)>,
    #[prop(optional)] section: Option<i64>,
    #[prop(optional)] item: Option<AgendaItem>,
    result: Signal<Option<Result<(), AppError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |name: &str| format!("{prefix}-{name}");
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let value = |f: &dyn Fn(&AgendaItem) -> String| item.as_ref().map(f).unwrap_or_default();
    let title = value(&|i| i.title.clone());
    let description = value(&|i| i.description.clone());
    let presenter = value(&|i| i.presenter.clone());
    let minutes = value(&|i| i.minutes.to_string());
    let kind = item.as_ref().map_or(ItemKind::Information, |i| i.kind);
    let kinds = ItemKind::ALL
        .into_iter()
        .map(|k| (k.code().to_string(), item_kind_label(i18n, k)))
        .collect();
    let section_choice = (!sections.is_empty()).then(|| {
        let options = sections
            .into_iter()
            .map(|(id, title)| (id.to_string(), title))
            .collect();
        view! {
            <SelectField id=id("avsnitt") name="section_id" options
                selected=section.map(|s| s.to_string()).unwrap_or_default()
                label=t_string!(i18n, item_field_section).to_string() error=err("section") />
        }
    });
    view! {
        {section_choice}
        <TextField id=id("rubrik") name="item[title]" value=title required=true
            label=t_string!(i18n, item_field_title).to_string() error=err("title") />
        <TextArea id=id("beskrivning") name="item[description]" value=description rows=3
            label=t_string!(i18n, item_field_description).to_string() error=err("description") />
        <div class="meeting-fields__times">
            <TextField id=id("foredragande") name="item[presenter]" value=presenter
                label=t_string!(i18n, item_field_presenter).to_string() error=err("presenter") />
            <TextField id=id("minuter") name="item[minutes]" value=minutes kind="number" min="0" max="480"
                label=t_string!(i18n, item_field_minutes).to_string() error=err("minutes") />
        </div>
        <SelectField id=id("typ") name="item[kind]" options=kinds selected=kind.code()
            label=t_string!(i18n, item_field_kind).to_string() error=err("kind") />
    }
}
