//! One section of the report as seed 004 writes it: its table of figures, its yes/no/partly
//! questions with the answers (and, at a higher node, how the nodes below answered and who
//! answered Nej or Delvis), its "Bedömning och analys", what the nodes below wrote under their
//! names, and for the writer the section's own form. Each section saves on its own and keeps
//! what is typed when someone else saved it first.

use leptos::prelude::*;

use super::charts::SickLeaveCharts;
use super::figures::FigureTable;
use crate::domain::env_report::YesNo;
use crate::env_report::{
    EnvReportView, QuestionView, SaveEnvSection, SavedEnvSection, SavedFigures, SectionView,
};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{
    error_message, field_message, form_message, result_for, sent_for, FormError, SelectField,
    SubmitButton, TextArea, TextField,
};

/// One section.
#[component]
pub(super) fn SectionPanel(
    report: EnvReportView,
    /// The report's figures, new after each save of them.
    figures: RwSignal<SavedFigures>,
    /// How many saves of the figures the page has seen.
    saves: ReadSignal<u32>,
    section: SectionView,
    action: ServerAction<SaveEnvSection>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("er-{}", section.code);
    let labelled_by = heading_id.clone();
    let code = section.code.clone();
    let charts = (section.code == "sick_leave").then(|| {
        view! { <SickLeaveCharts node_id=report.node_id year=report.year figures saves /> }
    });
    let table = move || {
        figures.with(|f| {
            f.tables
                .iter()
                .find(|t| t.section == code)
                .cloned()
                .map(|table| view! { <FigureTable table /> })
        })
    };
    let facts = (!section.facts.is_empty()).then(|| {
        let lines = section
            .facts
            .iter()
            .map(|line| view! { <li>{line.clone()}</li> })
            .collect_view();
        view! { <h3>{t!(i18n, er_facts_heading)}</h3><ul class="er-facts">{lines}</ul> }
    });
    // The section as last loaded or saved: a save shows here without redrawing the forms.
    let shown = RwSignal::new(section.clone());
    let sent = sent_for(action, |input: &SaveEnvSection| Some(input.section.clone()));
    let result = result_for(action, sent, section.code.clone());
    Effect::new(move |_| {
        if let Some(Ok(saved)) = result.get() {
            shown.update(|s| {
                s.assessment = saved.assessment.clone();
                s.fingerprint = saved.fingerprint.clone();
                for q in &mut s.questions {
                    if let Some((_, answer, reason)) = saved.answers.iter().find(|a| a.0 == q.code)
                    {
                        q.answer = answer.clone();
                        q.reason = reason.clone();
                    }
                }
            });
        }
    });
    let has_questions = !section.questions.is_empty();
    let answers = move || has_questions.then(|| view! { <Answers section=shown.get() /> });
    let assessment = move || {
        let text = shown.with(|s| s.assessment.clone());
        if text.is_empty() {
            view! { <p class="empty">{t!(i18n, er_no_assessment)}</p> }.into_any()
        } else {
            paragraphs(&text).into_any()
        }
    };
    let below = (!section.below.is_empty()).then(|| {
        let each = section
            .below
            .iter()
            .map(|(name, body)| view! { <h4>{name.clone()}</h4>{paragraphs(body)} })
            .collect_view();
        view! { <h3>{t!(i18n, er_below_assessments)}</h3>{each} }
    });
    let form = report
        .can_write
        .then(|| view! { <SectionForm report=report.clone() section=section.clone() action sent result shown /> });
    view! {
        <section class="panel er-section" aria-labelledby=labelled_by>
            <h2 id=heading_id>{section.title.clone()}</h2>
            {table}
            {charts}
            {facts}
            {answers}
            <h3>{t!(i18n, er_assessment)}</h3>
            {assessment}
            {below}
            {form}
        </section>
    }
}

fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p class="er-text">{p}</p> })
        .collect_view()
}

fn answer_label(code: &str) -> Option<&'static str> {
    YesNo::from_code(code).map(YesNo::label)
}

/// The section's questions and their answers as the seed's Ja/Nej table, with the nodes below.
#[component]
fn Answers(section: SectionView) -> impl IntoView {
    let i18n = use_i18n();
    let caption = format!("{} Ja/Nej", section.title);
    let group_label = caption.clone();
    let rows = section
        .questions
        .iter()
        .map(|q| {
            let answer = answer_label(&q.answer)
                .map(str::to_string)
                .unwrap_or_else(|| t_string!(i18n, er_unanswered).to_string());
            let suggested = q.suggested.as_ref().map(|(code, basis)| {
                let text = t_string!(
                    i18n,
                    er_suggested,
                    answer = answer_label(code).unwrap_or_default(),
                    basis = basis.clone()
                )
                .to_string();
                view! { <p class="field__hint">{text}</p> }
            });
            let reason = (!q.reason.is_empty()).then(|| {
                view! { <p class="field__hint">{t!(i18n, er_reason_shown, reason = q.reason.clone())}</p> }
            });
            view! { <tr><th scope="row">{q.text.clone()}{suggested}</th><td>{answer}{reason}</td></tr> }
        })
        .collect_view();
    let below = section
        .questions
        .iter()
        .filter_map(|q| q.below.clone().map(|b| (q.clone(), b)))
        .map(|(q, b)| {
            let [yes, no, partly, none] = b.counts;
            let line = t_string!(
                i18n,
                er_below_counts,
                yes = yes,
                no = no,
                partly = partly,
                none = none
            )
            .to_string();
            let named = b
                .not_yes
                .iter()
                .map(|(name, answer)| view! { <li>{format!("{name}: {answer}")}</li> })
                .collect_view();
            view! { <li><p>{q.text.clone()}</p><p>{line}</p><ul>{named}</ul></li> }
        })
        .collect_view();
    let has_below = section.questions.iter().any(|q| q.below.is_some());
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=group_label>
            <table class="data-table er-answers">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, er_question)}</th>
                    <th scope="col">{t!(i18n, er_answer)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {has_below.then(|| view! {
            <h3>{t!(i18n, er_below_answers)}</h3>
            <ul class="er-below">{below}</ul>
        })}
    }
}

/// The section's form: each question's answer and the assessment, saved together.
#[component]
fn SectionForm(
    report: EnvReportView,
    section: SectionView,
    action: ServerAction<SaveEnvSection>,
    sent: ReadSignal<Option<String>>,
    result: Signal<Option<Result<SavedEnvSection, AppError>>>,
    shown: RwSignal<SectionView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = section.code.clone();
    let unit = Signal::derive(move || result.get().map(|r| r.map(|_| ())));
    // The section as this form last loaded or saved it: the server refuses a save over newer
    // text.
    let before = move || shown.with(|s| s.fingerprint.clone());
    let mine = code.clone();
    let pending = Memo::new(move |_| {
        action.pending().get() && sent.with(|s| s.as_deref() == Some(mine.as_str()))
    });
    let saved = move || {
        (!pending.get() && matches!(unit.get(), Some(Ok(()))))
            .then(|| t_string!(i18n, er_section_saved).to_string())
    };
    let options = || {
        std::iter::once((String::new(), t_string!(i18n, er_unanswered).to_string()))
            .chain(YesNo::ALL.map(|a| (a.code().to_string(), a.label().to_string())))
            .collect::<Vec<_>>()
    };
    let questions = section
        .questions
        .iter()
        .map(|q: &QuestionView| {
            let field = format!("answer[{}]", q.code);
            let error_field = field.clone();
            // Unanswered, the form starts from what Årshjul suggests.
            let selected = match (&q.answer, &q.suggested) {
                (a, Some((code, _))) if a.is_empty() => code.clone(),
                (a, _) => a.clone(),
            };
            let hint = q.suggested.as_ref().map(|(code, basis)| {
                t_string!(
                    i18n,
                    er_suggested,
                    answer = answer_label(code).unwrap_or_default(),
                    basis = basis.clone()
                )
                .to_string()
            });
            let reason = q.suggested.is_some().then(|| {
                let name = format!("reason[{}]", q.code);
                let reason_field = name.clone();
                view! {
                    <TextField id=format!("er-motivering-{}", q.code) name value=q.reason.clone()
                        label=t_string!(i18n, er_reason_label, question = q.text.clone()).to_string()
                        autocomplete="off"
                        error=Signal::derive(move || field_message(unit.get(), &reason_field)) />
                }
            });
            let id = format!("er-svar-{}", q.code);
            let error = Signal::derive(move || field_message(unit.get(), &error_field));
            let select = match hint {
                Some(hint) => view! {
                    <SelectField id name=field label=q.text.clone() options=options() selected hint error />
                }
                .into_any(),
                None => view! {
                    <SelectField id name=field label=q.text.clone() options=options() selected error />
                }
                .into_any(),
            };
            view! { {select}{reason} }
        })
        .collect_view();
    let aria = t_string!(i18n, er_section_save, section = section.title.clone()).to_string();
    view! {
        <h3>{t!(i18n, er_section_form_heading)}</h3>
        <FormError message=Signal::derive(move || form_message(unit.get()).map(|e| error_message(e)())) />
        <ActionForm action attr:novalidate="">
            <input type="hidden" name="node_id" value=report.node_id />
            <input type="hidden" name="year" value=report.year />
            <input type="hidden" name="section" value=code.clone() />
            <input type="hidden" name="before" value=before />
            {questions}
            <TextArea id=format!("er-bedomning-{code}") name="assessment" rows=6
                value=section.assessment.clone()
                label=t_string!(i18n, er_assessment).to_string()
                error=Signal::derive(move || field_message(unit.get(), "assessment")) />
            <SubmitButton pending variant="secondary"
                label=Signal::derive(move || t_string!(i18n, er_section_save_short).to_string())
                aria_label=aria />
            <p class="form-status" role="status">{saved}</p>
        </ActionForm>
    }
}
