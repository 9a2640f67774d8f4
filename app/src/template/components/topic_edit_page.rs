//! `/mall/amne/:topic_id`: HR changes a topic of the template (saved as its next version, so
//! plans made earlier keep theirs) or takes it out of the wheel.

use leptos::prelude::*;
use leptos_meta::Title;

use super::topic_fields::WheelTopicFields;
use crate::error::AppError;
use crate::i18n::*;
use crate::template::{get_template_topic, RetireTemplateTopic, SaveTemplateTopic, TemplateTopic};
use crate::ui::Loaded;
use crate::ui::{error_message, form_message, ChangeForm, FormError, SubmitButton};

/// The edit page of one template topic.
#[component]
pub fn TemplateTopicPage() -> impl IntoView {
    let _i18n = use_i18n();
    let topic_id = crate::ui::route_id("topic_id");
    let save = ServerAction::<SaveTemplateTopic>::new();
    let retire = ServerAction::<RetireTemplateTopic>::new();
    let topic = Resource::new(
        move || topic_id.get(),
        |id| async move {
            match id {
                Some(id) => get_template_topic(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Loaded resource=topic view=move |t| view! { <TopicEdit topic=t save retire /> } />
    }
}

#[component]
fn TopicEdit(
    topic: TemplateTopic,
    save: ServerAction<SaveTemplateTopic>,
    retire: ServerAction<RetireTemplateTopic>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = format!("{} – {}", topic.title, t_string!(i18n, template_title));
    let heading = topic.title.clone();
    let result = Signal::derive(move || save.value().get());
    let problem = move || {
        form_message(result.get())
            .or_else(|| retire.value().get().and_then(Result::err))
            .map(|e| error_message(e)())
    };
    let id = topic.id;
    view! {
        <Title text=title />
        <p class="back-link"><a href="/mall#amnen">{t!(i18n, template_back)}</a></p>
        <section class="panel" aria-labelledby="amne-rubrik">
            <h1 id="amne-rubrik">{heading}</h1>
            <p>{t!(i18n, template_topic_edit_intro)}</p>
            <FormError message=Signal::derive(problem) />
            <ActionForm action=save attr:novalidate="">
                <input type="hidden" name="topic_id" value=id />
                <WheelTopicFields prefix="andra" topic=Some(topic) result />
                <SubmitButton pending=save.pending()
                    label=Signal::derive(move || t_string!(i18n, save_changes).to_string()) />
            </ActionForm>
        </section>
        <section class="panel" aria-labelledby="ta-bort-rubrik">
            <h2 id="ta-bort-rubrik">{t!(i18n, template_topic_retire_heading)}</h2>
            <p>{t!(i18n, template_topic_retire_intro)}</p>
            <ChangeForm action=retire ids=vec![("topic_id", id.to_string())] variant="secondary"
                failure_shown_above=true
                label=Signal::derive(move || t_string!(i18n, template_topic_retire).to_string()) />
        </section>
    }
}
