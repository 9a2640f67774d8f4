//! `/mall/checklistor`: HR keeps the organisation's checklist templates for a year: areas,
//! questions with help text and an answer scale. A version a unit has opened is never changed:
//! the page says so, and a change is saved as the next version. A year whose templates are not
//! made yet shows what they would be, with a button that makes them (reading makes nothing).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::checklists::{
    get_checklist_templates, MakeChecklistTemplates, RemoveTemplateQuestion, SaveTemplateQuestion,
    TemplatePreview, TemplateQuestion, TemplateView, TemplatesView,
};
use crate::domain::AnswerScale;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{
    error_message, field_message, form_message, success_count, ChangeForm, FormError, SelectField,
    TextArea, TextField,
};

#[derive(Clone, Copy)]
struct TemplateActions {
    make: ServerAction<MakeChecklistTemplates>,
    save: ServerAction<SaveTemplateQuestion>,
    remove: ServerAction<RemoveTemplateQuestion>,
    /// The form last posted: (template, question or none for a new one).
    posted: RwSignal<Option<(i64, Option<i64>)>>,
}

/// The templates page.
#[component]
pub fn ChecklistTemplatesPage() -> impl IntoView {
    let year = crate::ui::query_year();
    let actions = TemplateActions {
        make: ServerAction::new(),
        save: ServerAction::new(),
        remove: ServerAction::new(),
        posted: RwSignal::new(None),
    };
    Effect::new(move |_| {
        if let Some(i) = actions.save.input().get() {
            actions.posted.set(Some((i.template_id, i.question_id)));
        }
    });
    let saved = success_count(actions.save);
    let removed = success_count(actions.remove);
    let made = success_count(actions.make);
    let templates = Resource::new(
        move || (year.get(), saved.get(), removed.get(), made.get()),
        |(year, ..)| get_checklist_templates(year),
    );
    view! {
        <Loaded resource=templates view=move |t| view! { <TemplatesBody view=t actions /> } />
    }
}

fn scale_options(i18n: leptos_i18n::I18nContext<Locale>) -> Vec<(String, String)> {
    vec![
        (
            AnswerScale::Agreement.code().to_string(),
            t_string!(i18n, scale_agreement).to_string(),
        ),
        (
            AnswerScale::YesNo.code().to_string(),
            t_string!(i18n, scale_yes_no).to_string(),
        ),
    ]
}

#[component]
fn TemplatesBody(view: TemplatesView, actions: TemplateActions) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(
        i18n,
        checklist_templates_title,
        year = view.year,
        org = view.org_name.clone()
    )
    .to_string();
    let prev = format!("/mall/checklistor?ar={}", view.year - 1);
    let next = format!("/mall/checklistor?ar={}", view.year + 1);
    let saved = move || {
        actions
            .save
            .value()
            .get()
            .and_then(Result::ok)
            .map(|v| t_string!(i18n, checklist_template_saved, version = v).to_string())
    };
    let removed_problem = Signal::derive(move || {
        form_message(actions.remove.value().get().map(|r| r.map(|_| ())))
            .map(|e| error_message(e)())
    });
    let year = view.year;
    let preview = (!view.preview.is_empty()).then(|| {
        view! { <TemplatesPreview year preview=view.preview.clone() actions /> }
    });
    let templates = view
        .templates
        .into_iter()
        .map(|t| view! { <TemplateSection t actions /> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href="/mall">{t!(i18n, checklist_templates_back)}</a></p>
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, checklist_templates_lead)}</p>
        <nav class="year-nav" aria-label=t_string!(i18n, checklists_years).to_string()>
            <a href=prev>{t!(i18n, checklist_templates_year, year = view.year - 1)}</a>
            " · "
            <a href=next>{t!(i18n, checklist_templates_year, year = view.year + 1)}</a>
        </nav>
        <p class="form-status" role="status">{saved}</p>
        <FormError message=removed_problem />
        {preview}
        {templates}
    }
}

/// A year whose templates are not made yet: what each would be, and the button that makes them.
#[component]
fn TemplatesPreview(
    year: i32,
    preview: Vec<TemplatePreview>,
    actions: TemplateActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = preview
        .into_iter()
        .map(|p| {
            let source = match p.from_year {
                Some(from) => t_string!(
                    i18n,
                    checklist_template_preview_from,
                    questions = p.questions,
                    year = from
                )
                .to_string(),
                None => t_string!(
                    i18n,
                    checklist_template_preview_default,
                    questions = p.questions
                )
                .to_string(),
            };
            view! { <li><strong>{p.title}</strong>" – "{source}</li> }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="mallar-ej-gjorda">
            <h2 id="mallar-ej-gjorda">{t!(i18n, checklist_templates_not_made, year = year)}</h2>
            <p>{t!(i18n, checklist_templates_not_made_lead)}</p>
            <ul>{items}</ul>
            <ChangeForm action=actions.make ids=vec![("year", year.to_string())]
                label=t_string!(i18n, checklist_templates_make, year = year).to_string()
                busy_label=t_string!(i18n, checklist_templates_making).to_string() />
        </section>
    }
}

#[component]
fn TemplateSection(t: TemplateView, actions: TemplateActions) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("mall-{}", t.kind.code());
    let labelled = heading.clone();
    let template_id = t.id;
    let note = if t.used_by > 0 {
        t_string!(
            i18n,
            checklist_template_used,
            version = t.version,
            units = t.used_by,
            next = t.version + 1
        )
        .to_string()
    } else {
        t_string!(i18n, checklist_template_unused, version = t.version).to_string()
    };
    let mut areas: Vec<(String, Vec<TemplateQuestion>)> = Vec::new();
    for q in t.questions.iter().cloned() {
        match areas.last_mut() {
            Some((a, list)) if *a == q.area => list.push(q),
            _ => areas.push((q.area.clone(), vec![q])),
        }
    }
    let areas = areas
        .into_iter()
        .map(|(area, questions)| {
            let items = questions
                .into_iter()
                .map(|q| view! { <TemplateQuestionItem template_id q actions /> })
                .collect_view();
            view! {
                <h3>{area}</h3>
                <ol class="question-list">{items}</ol>
            }
        })
        .collect_view();
    let last_area = t
        .questions
        .last()
        .map(|q| q.area.clone())
        .unwrap_or_default();
    view! {
        <section class="panel" aria-labelledby=labelled>
            <h2 id=heading>{t.title.clone()}</h2>
            <p class="muted">{note}</p>
            {areas}
            <details class="question__add">
                <summary>{t!(i18n, checklist_template_add)}<span class="visually-hidden">{format!(" – {}", t.title)}</span></summary>
                <QuestionForm template_id question=None area=last_area actions />
            </details>
        </section>
    }
}

#[component]
fn TemplateQuestionItem(
    template_id: i64,
    q: TemplateQuestion,
    actions: TemplateActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let scale = match q.scale {
        AnswerScale::Agreement => t_string!(i18n, scale_agreement),
        AnswerScale::YesNo => t_string!(i18n, scale_yes_no),
    }
    .to_string();
    let remove_text = t_string!(i18n, checklist_template_remove).to_string();
    let label = format!(
        "{remove_text} {}",
        t_string!(i18n, checklist_template_remove_label, text = q.text.clone())
    );
    view! {
        <li class="question">
            <p class="question__text">{q.text.clone()}</p>
            {(!q.help.is_empty()).then(|| view! { <p class="field__hint question__help">{q.help.clone()}</p> })}
            <p class="muted">{t!(i18n, checklist_template_scale, scale = scale)}</p>
            <details class="question__add">
                <summary>{t!(i18n, checklist_template_edit)}<span class="visually-hidden">{format!(" {}", q.text)}</span></summary>
                <QuestionForm template_id question=Some(q.clone()) area=q.area.clone() actions />
            </details>
            <ChangeForm action=actions.remove class="inline-form" failure_shown_above=true
                ids=vec![("template_id", template_id.to_string()), ("question_id", q.id.to_string())]
                variant="quiet" aria_label=label busy_label=t_string!(i18n, removing).to_string()
                label=remove_text />
        </li>
    }
}

#[component]
fn QuestionForm(
    template_id: i64,
    question: Option<TemplateQuestion>,
    area: String,
    actions: TemplateActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let question_id = question.as_ref().map(|q| q.id);
    let key = format!(
        "{template_id}-{}",
        question_id
            .map(|q| q.to_string())
            .unwrap_or_else(|| "ny".into())
    );
    let mine = Memo::new(move |_| actions.posted.get() == Some((template_id, question_id)));
    let result = Signal::derive(move || {
        if mine.get() {
            actions.save.value().get().map(|r| r.map(|_| ()))
        } else {
            None
        }
    });
    let _pending = Memo::new(move |_| mine.get() && actions.save.pending().get());
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let other = Signal::derive(move || form_message(result.get()).map(|e| error_message(e)()));
    let (text, help, scale) = question
        .map(|q| (q.text, q.help, q.scale.code().to_string()))
        .unwrap_or_else(|| {
            (
                String::new(),
                String::new(),
                AnswerScale::Agreement.code().to_string(),
            )
        });
    view! {
        <ChangeForm action=actions.save ids=vec![("template_id", template_id.to_string())] failure_shown_above=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, checklist_template_save).to_string())>
            {question_id.map(|q| view! { <input type="hidden" name="question_id" value=q /> })}
            <TextField id=format!("omrade-{key}") name="question[area]" required=true
                label=t_string!(i18n, checklist_template_area).to_string() value=area error=field("area") />
            <TextArea id=format!("fraga-{key}") name="question[text]"
                label=t_string!(i18n, checklist_template_question).to_string() value=text error=field("text") />
            <TextArea id=format!("hjalp-{key}") name="question[help]"
                label=t_string!(i18n, checklist_template_help).to_string() value=help error=field("help") />
            <SelectField id=format!("skala-{key}") name="question[scale]"
                label=t_string!(i18n, checklist_template_scale_label).to_string() options=scale_options(i18n)
                selected=scale error=field("scale") />
            <FormError message=other />
        </ChangeForm>
    }
}
