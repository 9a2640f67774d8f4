//! The checklist pages: a unit's checklists for a year, and one checklist to fill in.

mod checklist_actions;
mod checklist_page;
mod list_page;
mod participants_panel;
mod question_form;
mod rollup_analysis;
mod rollup_page;
mod rollup_parts_view;
mod templates_page;

pub use checklist_page::ChecklistPage;
pub use list_page::ChecklistsPage;
pub use rollup_page::{rollup_query, RollupPage};
pub use templates_page::ChecklistTemplatesPage;

use leptos::prelude::*;

use crate::domain::{Answer, ChecklistKind};
use crate::i18n::*;

/// The translated words of an answer (the seed's words in Swedish).
pub fn answer_label(i18n: leptos_i18n::I18nContext<Locale>, answer: Answer) -> String {
    match answer {
        Answer::FullyAgree => t_string!(i18n, answer_fully_agree),
        Answer::PartlyAgree => t_string!(i18n, answer_partly_agree),
        Answer::Disagree => t_string!(i18n, answer_disagree),
        Answer::DontKnow => t_string!(i18n, answer_dont_know),
        Answer::NotRelevant => t_string!(i18n, answer_not_relevant),
        Answer::Yes => t_string!(i18n, answer_yes),
        Answer::Partly => t_string!(i18n, answer_partly),
        Answer::No => t_string!(i18n, answer_no),
    }
    .to_string()
}

/// A short description of a checklist kind, under its title in lists.
pub fn kind_hint(i18n: leptos_i18n::I18nContext<Locale>, kind: ChecklistKind) -> String {
    match kind {
        ChecklistKind::SamAnnual => t_string!(i18n, checklist_kind_sam),
        ChecklistKind::ActiveMeasures => t_string!(i18n, checklist_kind_active),
        ChecklistKind::RoundPhysical => t_string!(i18n, checklist_kind_round_physical),
        ChecklistKind::RoundSocial => t_string!(i18n, checklist_kind_round_social),
        ChecklistKind::RoundThreats => t_string!(i18n, checklist_kind_round_threats),
    }
    .to_string()
}

/// The short name of a checklist kind, for pickers.
pub fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: ChecklistKind) -> String {
    match kind {
        ChecklistKind::SamAnnual => t_string!(i18n, checklist_kind_name_sam),
        ChecklistKind::ActiveMeasures => t_string!(i18n, checklist_kind_name_active),
        ChecklistKind::RoundPhysical => t_string!(i18n, checklist_kind_name_round_physical),
        ChecklistKind::RoundSocial => t_string!(i18n, checklist_kind_name_round_social),
        ChecklistKind::RoundThreats => t_string!(i18n, checklist_kind_name_round_threats),
    }
    .to_string()
}

/// "12 av 22 besvarade" with a progress bar.
#[component]
pub fn ProgressLine(
    /// Answered.
    #[prop(into)]
    answered: Signal<u32>,
    /// In all.
    total: u32,
    /// The bar's accessible name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="progress-line">
            <progress max=total value=move || answered.get() aria-label=label></progress>
            " "
            <span>{move || t_string!(i18n, checklist_progress, answered = answered.get(), total = total).to_string()}</span>
        </p>
    }
}
