//! "Analys till rapport" on a roll-up: the node's own analysis of what its units answered, under
//! seed 002's three headings, for the work environment report. Those who may answer the node's
//! own checklist write it; everyone who sees the roll-up reads it.

use leptos::prelude::*;

use crate::checklists::{NodeAnalysis, RollupView, SaveRollupAnalysis};
use crate::domain::ANALYSIS_HEADINGS;
use crate::i18n::*;
use crate::ui::{field_message, format_date, ChangeForm, TextArea};

/// The analysis panel of the roll-up shown.
#[component]
pub fn RollupAnalysisPanel(
    rollup: RollupView,
    action: ServerAction<SaveRollupAnalysis>,
) -> impl IntoView {
    let i18n = use_i18n();
    let analysis = rollup.analysis.clone();
    let updated = analysis.updated.clone().map(|(who, day)| {
        view! {
            <p class="muted">{t!(i18n, rollup_analysis_updated, name = who.clone(), date = format_date(i18n, day))}</p>
        }
    });
    view! {
        <section class="panel" aria-labelledby="analys-rubrik">
            <h2 id="analys-rubrik">{t!(i18n, rollup_analysis_heading)}</h2>
            <p class="muted">{t!(i18n, rollup_analysis_hint, node = rollup.node_name.clone())}</p>
            {updated}
            {if analysis.can_write {
                view! { <AnalysisForm rollup analysis action /> }.into_any()
            } else {
                view! { <AnalysisText analysis /> }.into_any()
            }}
        </section>
    }
}

/// The three texts as a reader sees them.
#[component]
fn AnalysisText(analysis: NodeAnalysis) -> impl IntoView {
    let i18n = use_i18n();
    let texts = [
        analysis.improvements,
        analysis.success_factors,
        analysis.previous_year,
    ];
    ANALYSIS_HEADINGS
        .into_iter()
        .zip(texts)
        .map(|(heading, text)| {
            let empty = text.trim().is_empty();
            view! {
                <h3>{heading}</h3>
                {if empty {
                    view! { <p class="muted">{t!(i18n, rollup_analysis_empty)}</p> }.into_any()
                } else {
                    view! { <p class="pre-line">{text}</p> }.into_any()
                }}
            }
        })
        .collect_view()
}

/// The form: the three texts, and what they were when the page was opened.
#[component]
fn AnalysisForm(
    rollup: RollupView,
    analysis: NodeAnalysis,
    action: ServerAction<SaveRollupAnalysis>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let field = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let [improvements, success_factors, previous_year] = ANALYSIS_HEADINGS;
    view! {
        <ChangeForm action beside_fields=true
            ids=vec![
                ("node_id", rollup.node_id.to_string()),
                ("kind", rollup.kind.code().to_string()),
                ("year", rollup.year.to_string()),
                ("before[improvements]", analysis.improvements.clone()),
                ("before[success_factors]", analysis.success_factors.clone()),
                ("before[previous_year]", analysis.previous_year.clone()),
            ]
            label=Signal::derive(move || t_string!(i18n, rollup_analysis_save).to_string())
            done=Signal::derive(move || t_string!(i18n, rollup_analysis_saved).to_string())>
            <TextArea id="analys-forbattring" name="analysis[improvements]" rows=5 label=improvements
                value=analysis.improvements.clone() error=field("improvements") />
            <TextArea id="analys-framgang" name="analysis[success_factors]" rows=5 label=success_factors
                value=analysis.success_factors.clone() error=field("success_factors") />
            <TextArea id="analys-foregaende" name="analysis[previous_year]" rows=5 label=previous_year
                value=analysis.previous_year.clone() error=field("previous_year") />
        </ChangeForm>
    }
}
