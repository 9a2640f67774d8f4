//! A node's report as the person asking may see it, in a fixed number of queries whatever the
//! size of the tree: the node's path to its root (names, kinds, access), the report, the
//! organisation's template and deadlines, the figures rolled up over the subtree for the year
//! and the one before (one aggregate query), the node's own figures for its writer, the
//! contents, the reports of the nodes right below and the history.

use std::collections::HashMap;

use super::db::{self, AnswerRow, AssessmentRow, ChildReportRow};
use super::{
    BelowAnswers, ChildStatus, EnvReportView, FigureInput, FigureRowView, FigureTableView,
    HistoryEntry, QuestionView, SavedFigures, SectionView,
};
use crate::auth::session::Viewer;
use crate::cooperation::adjusting_read::local;
use crate::domain::env_report::figures::figure_table;
use crate::domain::env_report::{
    column_headings, deadline, decides_for, difference, facts_for, questions_in, report_right,
    roll_up, show_value, sick_history, suggestion, tally_answers, value_input, FigureDef,
    FigureKind, KnownFacts, ReportRight, ReportStatus, Rolled, Section, YesNo, HISTORY_YEARS,
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

/// The figures of the node of `access` on `year`, rolled up over its subtree: its tables and
/// its sick leave over five years beside the level above's. What a save of the figures sends
/// back, so the page shows the sums without drawing its forms again. Two queries.
pub async fn figures_of(
    state: &AppState,
    access: &ReportAccess,
    template: &[FigureDef],
    year: i32,
) -> Result<SavedFigures, AppError> {
    let node_id = access.grant.unit_id;
    let years = year - HISTORY_YEARS + 1..=year;
    let node = db::subtree_tallies_years(&state.db, node_id, years.clone(), "%").await?;
    let none = HashMap::new();
    let tables = figure_tables(
        template,
        &roll_up(template, node.get(&year).unwrap_or(&none)),
        &roll_up(template, node.get(&(year - 1)).unwrap_or(&none)),
        year,
    );
    let above = match access.ancestry.get(1) {
        Some(&parent) => Some((
            access.grant.tree.name(parent),
            db::subtree_tallies_years(&state.db, parent, years, "sick%").await?,
        )),
        None => None,
    };
    let history = sick_history(
        template,
        year,
        &node,
        above
            .as_ref()
            .map(|(name, tallies)| (name.as_str(), tallies)),
    );
    Ok(SavedFigures {
        tables,
        sick_history: (!history.is_empty()).then_some(history),
    })
}

/// The figures of the node of `access` on `year` for whoever may read its report on its page
/// (an employee only once it is accepted): `Forbidden` otherwise. For the charts' images.
pub async fn readable_figures(
    state: &AppState,
    access: &ReportAccess,
    year: i32,
) -> Result<SavedFigures, AppError> {
    let status = db::report(&state.db, access.grant.unit_id, year)
        .await?
        .and_then(|r| ReportStatus::from_code(&r.status));
    if access.right < ReportRight::Read && status != Some(ReportStatus::Accepted) {
        return Err(AppError::Forbidden);
    }
    let template = db::template(&state.db, access.org_id()).await?;
    figures_of(state, access, &template, year).await
}

fn step_label(step: &str) -> &'static str {
    match step {
        "submitted" => "Inskickad",
        "returned" => "Återsänd",
        _ => "Godkänd",
    }
}

/// The tables of seed 004, one per section with figures, rows under their sub-headings; the
/// bases a percent is weighted by are not part of them.
fn figure_tables(
    template: &[FigureDef],
    this: &HashMap<String, Rolled>,
    last: &HashMap<String, Rolled>,
    year: i32,
) -> Vec<FigureTableView> {
    let mut tables: Vec<FigureTableView> = Vec::new();
    for section in Section::ALL {
        let figures: Vec<&FigureDef> = template
            .iter()
            .filter(|f| f.section == section && f.kind != FigureKind::Basis)
            .collect();
        if figures.is_empty() {
            continue;
        }
        let table = figure_table(section);
        let [a, b, c] = column_headings(&table, year);
        let mut rows = Vec::new();
        let mut group = "";
        for f in figures {
            if f.group != group {
                group = &f.group;
                if !group.is_empty() {
                    rows.push(FigureRowView {
                        is_group: true,
                        label: group.to_string(),
                        this: String::new(),
                        last: String::new(),
                        difference: String::new(),
                        left_out: 0,
                    });
                }
            }
            let now = this.get(&f.code).copied().unwrap_or_default();
            let before = last.get(&f.code).and_then(|r| r.value);
            let show = |v: Option<i64>| v.map(|v| show_value(v, &f.kind)).unwrap_or_default();
            rows.push(FigureRowView {
                is_group: false,
                label: f.label.clone(),
                this: show(now.value),
                last: show(before),
                difference: difference(now.value, before, &f.kind).unwrap_or_default(),
                left_out: now.left_out,
            });
        }
        tables.push(FigureTableView {
            section: section.code().to_string(),
            caption: table.caption.to_string(),
            headings: [table.heading.to_string(), a, b, c],
            rows,
        });
    }
    tables
}

/// The boxes of the figures' form: every figure a person types, with what the node entered.
fn figure_inputs(template: &[FigureDef], own: &HashMap<String, i64>) -> Vec<FigureInput> {
    template
        .iter()
        .filter(|f| f.kind.entered())
        .map(|f| FigureInput {
            code: f.code.clone(),
            section: f.section.title().to_string(),
            group: f.group.clone(),
            label: f.label.clone(),
            unit: match f.kind {
                FigureKind::Percent { .. } => "Procent",
                FigureKind::Hours => "Timmar",
                FigureKind::Basis if f.code.starts_with("hours") => "Timmar",
                _ => "Antal",
            }
            .to_string(),
            value: own
                .get(&f.code)
                .map(|&v| value_input(v))
                .unwrap_or_default(),
        })
        .collect()
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
