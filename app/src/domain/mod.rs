//! The product's rules in plain Rust: no Leptos, no sqlx, so they compile everywhere
//! (server and browser) and are unit-tested on their own.

pub mod access;
pub mod account_links;
pub mod action_input;
pub mod action_plan;
pub mod agenda;
pub mod attachment;
pub mod audit_filter;
pub mod calendar;
pub mod checklist;
pub mod checklist_kind;
pub mod checklist_template;
pub mod compliance;
pub mod cooperation;
pub mod email;
pub mod env_report;
pub mod form_input;
pub mod health_service;
pub mod health_service_tables;
pub mod holidays;
pub mod hr_import;
#[cfg(test)]
mod input_props;
pub mod meeting_input;
pub mod node_kinds;
pub mod notice;
pub mod org_keeping;
pub mod org_tree;
pub mod paging;
pub mod placement;
pub mod plain_text;
pub mod plan_rules;
pub mod plan_year;
pub mod retention;
pub mod return_path;
pub mod sessions;
pub mod sign_in_limits;
pub mod sign_in_session;
pub mod sign_up;
pub mod spreadsheet_cell;
pub mod swedish_calendar;
pub mod template_changes;
pub mod template_input;
pub mod topic_input;
pub mod typed_number;
pub mod unit_reminders;
pub mod workload;

pub use access::{
    access_to_unit, can_fill_checklist, can_manage_account, can_manage_template, can_push_from,
    can_read_audit, can_see_rollup, can_vote_in, Access, Membership, Role,
};
pub use action_input::{check_action, ActionInput, ActionStatus, CheckedAction};
pub use action_plan::{
    check_effect, check_long_text, check_plan_action, days_left, reminder_due, ActionSource,
    CheckedEffect, CheckedPlanAction, PlanActionInput, Reminder, MAX_ACTION_TEXT,
};
pub use agenda::{
    agenda_timing, check_agenda_item, check_decline_reason, check_text, check_title,
    AgendaItemInput, AgendaTiming, CheckedAgendaItem, ItemKind, MAX_ITEM_MINUTES,
};
pub use attachment::{
    check_attachment, AttachmentProblem, AttachmentType, CheckedAttachment, Sniffed,
    MAX_ATTACHMENT_BYTES,
};
pub use audit_filter::{check_audit_filter, AuditFilter, AuditFilterInput};
pub use calendar::{iso_week, same_weekday_next_year, year_fraction};
pub use checklist::{
    after_effect, check_answer, safety_representative_warning, template_edit, AfterEffect, Answer,
    AnswerScale, Effect, Progress, TemplateEdit, ANALYSIS_HEADINGS,
};
pub use checklist_kind::{checklist_name, topic_tool, ChecklistKind, TopicTool};
pub use checklist_template::{check_question, CheckedQuestion, QuestionInput};
pub use email::{is_plain_email, normal_email};
pub use form_input::{optional_id, required_id, Direction, FieldProblem};
pub use holidays::{holiday_on, swedish_holidays};
pub use meeting_input::{check_meeting, CheckedMeeting, MeetingInput};
pub use node_kinds::{
    check_node_kind, check_node_kind_names, NodeKind, DEFAULT_NODE_KINDS, MAX_KIND_LABEL,
};
pub use notice::{notice_timing, NoticeTiming};
pub use org_keeping::{
    can_grant_role, can_keep_node, check_email, check_move, check_node_code, check_node_name,
    check_person_name, check_person_title, check_role, check_union_name, MoveProblem,
    DEFAULT_ORGANISATION_NAME,
};
pub use org_tree::{NodeChoice, OrgTree, TreeNode};
pub use paging::PageOf;
pub use placement::{suggest_placements, MeetingSlot, OpenTopic};
pub use plan_rules::{notice_deadline, plan_status, PlanRules, PlanStatus, TopicPlacement};
pub use plan_year::PlanYear;
pub use retention::{
    check_retention, culling_cutoff, CheckedRetention, RecordKind, RetentionInput, MAX_KEEP_YEARS,
};
pub use sessions::{check_no_clash, first_session_date, SessionTime};
pub use sign_in_limits::{minutes_to_wait, FAILURE_WINDOW, MAX_FAILURES};
pub use sign_in_session::{check_session, device_label, SessionCheck, SessionLimits};
pub use template_changes::{pending_topics, PendingTopic, TopicRevision};
pub use template_input::{
    check_point_title, check_rules, check_wheel_topic, CheckedWheelTopic, RulesInput,
    WheelTopicInput,
};
pub use topic_input::{check_topic, CheckedTopic, TopicInput};
pub use workload::{
    check_count, check_threshold, tally, vote_choice, Ballot, ShownVotes, WorkloadMethod,
    WorkloadTally, MIN_VOTE_THRESHOLD,
};
