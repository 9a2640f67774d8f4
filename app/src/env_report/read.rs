//! A node's report as the person asking may see it, in a fixed number of queries whatever the
//! size of the tree: the node's path to its root (names, kinds, access), the report, the
//! organisation's template and deadlines, the figures (`read_figures`: rolled up over the subtree
//! for five years, one aggregate query, and the level above's sick leave), the node's own figures
//! for its writer, the contents, the reports of the nodes right below and the history.

use super::db::{self, AnswerRow, AssessmentRow, ChildReportRow};
use super::read_figures::{figure_inputs, figures_of};
use super::{BelowAnswers, ChildStatus, EnvReportView, HistoryEntry, QuestionView, SectionView};
use crate::auth::session::Viewer;
use crate::cooperation::adjusting_read::local;
use crate::domain::env_report::{
    deadline, decides_for, facts_for, questions_in, report_right, suggestion, tally_answers,
    KnownFacts, ReportRight, ReportStatus, Section, YesNo,
};
use crate::error::AppError;
use crate::org::guard::{readable_unit, UnitGrant};
use crate::state::AppState;

/// Who is asking about which node's report, with their right to it: the start of every read
/// and write of a report.
pub struct ReportAccess {
    /// The node, its path to the root and the person's access.
    pub grant: UnitGrant,
    /// The node's id, then its parents'.
    pub ancestry: Vec<i64>,
    /// What the person may do with the node's report.
    pub right: ReportRight,
    /// Whether the person decides on the report at the level above.
    pub decides: bool,
}

impl ReportAccess {
    /// The person's right to the report of `node_id`: `NotFound` for no such node, `Forbidden`
    /// when they may not see it at all.
    pub async fn of(
        state: &AppState,
        viewer: &Viewer,
        node_id: i64,
    ) -> Result<ReportAccess, AppError> {
        let grant = readable_unit(state, viewer, node_id).await?;
        let ancestry = grant.tree.tree.ancestry(node_id);
        let right = report_right(&viewer.memberships, &ancestry);
        if right == ReportRight::None {
            return Err(AppError::Forbidden);
        }
        let decides = decides_for(&viewer.memberships, ancestry.get(1..).unwrap_or(&[]));
        Ok(ReportAccess {
            grant,
            ancestry,
            right,
            decides,
        })
    }

    /// The organisation's root.
    pub fn org_id(&self) -> i64 {
        self.grant.org_id
    }

    /// The node's kind (`enhet`, `förvaltning`, …).
    pub fn kind(&self) -> String {
        self.grant
            .tree
            .nodes
            .get(&self.grant.unit_id)
            .map(|n| n.kind.clone())
            .unwrap_or_default()
    }
}

/// The report of the node `access` is for, on `year`.
pub async fn report_view(
    state: &AppState,
    access: &ReportAccess,
    year: i32,
) -> Result<EnvReportView, AppError> {
    let db = &state.db;
    let node_id = access.grant.unit_id;
    let tree = &access.grant.tree;
    let report = db::report(db, node_id, year).await?;
    let rules = db::deadlines(db, access.org_id()).await?;
    let status = report
        .as_ref()
        .and_then(|r| ReportStatus::from_code(&r.status));
    let is_writer = access.right == ReportRight::Write;
    let mut view = EnvReportView {
        node_id,
        node_name: tree.name(node_id),
        year,
        status,
        due: deadline(&access.kind(), year, &rules),
        level_above: access.ancestry.get(1).map(|&p| tree.name(p)),
        can_write: is_writer && status.is_none_or(ReportStatus::writable),
        is_writer,
        can_decide: access.decides && status == Some(ReportStatus::Submitted),
        reads_drafts: access.right >= ReportRight::Read,
        submitted_at: None,
        visible: access.right >= ReportRight::Read || status == Some(ReportStatus::Accepted),
        tables: Vec::new(),
        sick_history: None,
        inputs: Vec::new(),
        sections: Vec::new(),
        children: Vec::new(),
        history: Vec::new(),
    };
    if !view.visible {
        return Ok(view);
    }
    let template = db::template(db, access.org_id()).await?;
    let figures = figures_of(state, access, &template, year).await?;
    view.tables = figures.tables;
    view.sick_history = figures.sick_history;
    if is_writer {
        let own = db::own_figures(db, node_id, year).await?;
        view.inputs = figure_inputs(&template, &own);
    }
    let (assessments, answers) = match &report {
        Some(r) => db::contents(db, r.id).await?,
        None => (Vec::new(), Vec::new()),
    };
    let (children, below_assessments, below_answers) =
        db::children_reports(db, node_id, year).await?;
    let org_name = tree.name(access.org_id());
    let facts = known_facts(state, access, year).await?;
    view.sections = sections(
        &org_name,
        year,
        &facts,
        &assessments,
        &answers,
        &Below {
            children: &children,
            assessments: &below_assessments,
            answers: &below_answers,
        },
    );
    view.children = children
        .iter()
        .map(|c| ChildStatus {
            node_id: c.node_id,
            name: c.name.clone(),
            status: c
                .status
                .as_deref()
                .and_then(ReportStatus::from_code)
                .map_or("Inte påbörjad", ReportStatus::label)
                .to_string(),
        })
        .collect();
    if let Some(r) = &report {
        view.history = db::events(db, r.id)
            .await?
            .into_iter()
            .map(|e| HistoryEntry {
                step: step_label(&e.step).to_string(),
                name: e.name.unwrap_or_default(),
                at: local(e.at),
                comment: e.comment,
                version: e.has_document.then_some(e.id),
            })
            .collect();
    }
    Ok(view)
}

fn step_label(step: &str) -> &'static str {
    match step {
        "submitted" => "Inskickad",
        "returned" => "Återsänd",
        _ => "Godkänd",
    }
}

/// The reports of the nodes right below.
struct Below<'a> {
    children: &'a [ChildReportRow],
    assessments: &'a [AssessmentRow],
    answers: &'a [AnswerRow],
}

/// What Årshjul knows of the node's year, over it and everything below (two queries).
pub async fn known_facts(
    state: &AppState,
    access: &ReportAccess,
    year: i32,
) -> Result<KnownFacts, AppError> {
    let node_id = access.grant.unit_id;
    let checklists = db::checklist_facts(&state.db, node_id, access.org_id(), year).await?;
    let actions = db::action_facts(&state.db, node_id, year, state.clock.today()).await?;
    let rules = crate::compliance::db::rules(&state.db, access.org_id()).await?;
    let units = crate::compliance::db::unit_compliance(
        &state.db,
        node_id,
        year,
        state.clock.today(),
        rules,
    )
    .await?;
    Ok(KnownFacts {
        rounds_done: checklists.rounds_done,
        rounds_due: checklists.rounds_due(),
        checklists_done: checklists.done,
        done_with_safety: checklists.done_with_safety,
        opened: actions.opened,
        closed: actions.closed,
        closed_with_effect: actions.closed_with_effect,
        overdue: actions.overdue,
        earlier_open: actions.earlier_open,
        meetings: crate::domain::env_report::meeting_facts(&units, rules),
    })
}

/// The sections in the seed's order with the report's own text and answers, what Årshjul
/// knows and suggests, and under each what the nodes below wrote and answered.
fn sections(
    org_name: &str,
    year: i32,
    facts: &KnownFacts,
    assessments: &[AssessmentRow],
    answers: &[AnswerRow],
    below: &Below<'_>,
) -> Vec<SectionView> {
    Section::ALL
        .into_iter()
        .map(|section| {
            let code = section.code();
            let questions = questions_in(section)
                .map(|q| {
                    let own = answers.iter().find(|a| a.question == q.code);
                    let below_answers = (!below.children.is_empty()).then(|| {
                        let given: Vec<(String, Option<YesNo>)> = below
                            .children
                            .iter()
                            .map(|c| {
                                let answer = below
                                    .answers
                                    .iter()
                                    .find(|a| {
                                        Some(a.report_id) == c.report_id && a.question == q.code
                                    })
                                    .and_then(|a| a.answer.as_deref())
                                    .and_then(YesNo::from_code);
                                (c.name.clone(), answer)
                            })
                            .collect();
                        let t = tally_answers(&given);
                        BelowAnswers {
                            counts: [t.yes, t.no, t.partly, t.unanswered],
                            not_yes: t
                                .not_yes
                                .into_iter()
                                .map(|(name, a)| (name, a.label().to_string()))
                                .collect(),
                        }
                    });
                    QuestionView {
                        code: q.code.to_string(),
                        text: q.text_for(org_name),
                        answer: own.and_then(|a| a.answer.clone()).unwrap_or_default(),
                        reason: own.map(|a| a.reason.clone()).unwrap_or_default(),
                        suggested: suggestion(q.code, facts)
                            .map(|(answer, basis)| (answer.code().to_string(), basis)),
                        below: below_answers,
                    }
                })
                .collect();
            let assessment = assessments
                .iter()
                .find(|a| a.section == code)
                .map(|a| a.body.clone())
                .unwrap_or_default();
            let fingerprint = {
                let current: Vec<(&str, Option<&str>, &str)> = questions_in(section)
                    .map(|q| {
                        answers
                            .iter()
                            .find(|a| a.question == q.code)
                            .map_or((q.code, None, ""), |a| {
                                (q.code, a.answer.as_deref(), a.reason.as_str())
                            })
                    })
                    .collect();
                db::section_fingerprint(&assessment, &current)
            };
            SectionView {
                code: code.to_string(),
                title: section.title().to_string(),
                assessment,
                fingerprint,
                facts: facts_for(section, year, facts),
                questions,
                below: below
                    .children
                    .iter()
                    .filter_map(|c| {
                        let id = c.report_id?;
                        below
                            .assessments
                            .iter()
                            .find(|a| a.report_id == id && a.section == code)
                            .map(|a| (c.name.clone(), a.body.clone()))
                    })
                    .collect(),
            }
        })
        .collect()
}
