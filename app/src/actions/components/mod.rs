//! The action plan pages.

mod action_item;
mod action_plan_page;
mod action_rollup_page;
mod new_action_form;

pub use action_item::{origin_text, ActionFacts};
pub use action_plan_page::ActionPlanPage;
pub use action_rollup_page::{action_rollup_query, ActionRollupPage};

use crate::domain::{ActionSource, ActionStatus, Effect};
use crate::i18n::*;

/// The translated name of an action's status.
pub fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: ActionStatus) -> String {
    match status {
        ActionStatus::NotStarted => t_string!(i18n, action_not_started).to_string(),
        ActionStatus::InProgress => t_string!(i18n, action_in_progress).to_string(),
        ActionStatus::Done => t_string!(i18n, action_done).to_string(),
    }
}

/// The translated name of where an action comes from.
pub fn source_label(i18n: leptos_i18n::I18nContext<Locale>, source: ActionSource) -> String {
    match source {
        ActionSource::Meeting => t_string!(i18n, source_meeting),
        ActionSource::Checklist => t_string!(i18n, source_checklist),
        ActionSource::Round => t_string!(i18n, source_round),
        ActionSource::RiskAssessment => t_string!(i18n, source_risk_assessment),
        ActionSource::EmployeeSurvey => t_string!(i18n, source_employee_survey),
        ActionSource::Incident => t_string!(i18n, source_incident),
        ActionSource::Other => t_string!(i18n, source_other),
    }
    .to_string()
}

/// The translated answer of an effect check.
pub fn effect_label(i18n: leptos_i18n::I18nContext<Locale>, effect: Effect) -> String {
    match effect {
        Effect::Yes => t_string!(i18n, answer_yes),
        Effect::Partly => t_string!(i18n, answer_partly),
        Effect::No => t_string!(i18n, answer_no),
    }
    .to_string()
}
mod plan_actions;
