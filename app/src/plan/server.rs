//! Server functions of the annual plan: authenticate, authorise the unit, load, return.

use leptos::prelude::*;

use super::{MeetingDetail, TopicDetail, UnitPlan};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::org::access::{UnitAccess, UnitMeeting};

/// The unit's plan for `year` (the current year when `None`), for anyone who may read the unit.
#[server(prefix = "/api", endpoint = "plan")]
pub async fn get_unit_plan(unit_id: i64, year: Option<i32>) -> Result<UnitPlan, AppError> {
    use super::{db, status_of};
    use crate::template::db as template_db;
    use chrono::Datelike;

    let UnitAccess {
        viewer,
        state,
        grant,
    } = UnitAccess::read(unit_id).await?;
    let today = state.clock.today();
    let year = year.unwrap_or(today.year());
    let year = crate::domain::PlanYear::new(year)
        .ok_or(AppError::NotFound)?
        .get();
    // One row for the plan, its rules and the viewer's feed; then one query per list.
    let head = db::plan_head(&state.db, unit_id, year, grant.org_id, viewer.user.id).await?;
    let rules = head.rules;
    let plan_id = head.plan_id;
    let recurring_points = template_db::points_at(&state.db, grant.org_id, head.template_revision)
        .await?
        .into_iter()
        .map(|p| p.title)
        .collect();
    let (meetings, topics, notices_sent, workload) = match plan_id {
        Some(id) => {
            let (meetings, notices_sent) = db::meetings_with_notices(&state.db, id).await?;
            (
                meetings,
                db::plan_topics(&state.db, id).await?,
                notices_sent,
                workload_trend(&state.db, rules.vote_threshold, id, viewer.user.id).await?,
            )
        }
        None => (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
    };
    let feed_url = head
        .feed_token
        .map(|token| format!("{}/kalender/{token}.ics", state.link_origin()));
    let status = status_of(rules, &meetings, &topics);
    let template_news = if plan_id.is_some() && grant.access.can_edit() {
        template_news(&state.db, grant.org_id, &topics).await?
    } else {
        Vec::new()
    };
    let group_meetings = if head.has_groups {
        crate::cooperation::db::node_meetings(&state.db, unit_id, year..=year)
            .await?
            .into_iter()
            .map(|row| super::NodeGroupMeeting {
                id: row.meeting.id,
                group_name: row.group_name,
                date: row.meeting.meeting_date,
                start: row.meeting.start_time,
                end: row.meeting.end_time,
                cancelled: row.meeting.cancelled,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(UnitPlan {
        unit_id,
        unit_name: grant.unit_name(),
        unit_path: grant.tree.path_names(unit_id),
        year,
        exists: plan_id.is_some(),
        plan_version: head.version,
        previous_year_has_plan: head.previous_year_has_plan,
        feed_url,
        can_edit: grant.access.can_edit(),
        rules,
        status,
        meetings,
        topics,
        recurring_points,
        template_news,
        today,
        notices_sent,
        workload,
        group_meetings,
    })
}

/// The year's workload figures: members' votes where enough voted, else the chef's record.
#[cfg(feature = "ssr")]
async fn workload_trend(
    db: &crate::db::Db,
    threshold: u32,
    plan_id: i64,
    viewer: i64,
) -> sqlx::Result<Vec<crate::workload::WorkloadPoint>> {
    use crate::domain::{tally, Ballot, WorkloadTally};
    use crate::workload::db as workload_db;

    Ok(workload_db::plan_workload(db, plan_id, viewer)
        .await?
        .into_iter()
        .filter_map(|w| {
            let (meeting_id, date) = w.meeting;
            let ballot = Ballot {
                open: w.voting_open,
                votes: w.votes,
                voted: w.voted,
                threshold,
            };
            if ballot.result_visible() {
                return Some(crate::workload::WorkloadPoint {
                    meeting_id,
                    date,
                    tally: tally(&w.tallies),
                    voted: true,
                });
            }
            let [red, yellow, green] = w.record?;
            (red.is_some() || yellow.is_some() || green.is_some()).then(|| {
                crate::workload::WorkloadPoint {
                    meeting_id,
                    date,
                    tally: WorkloadTally {
                        red: red.unwrap_or(0),
                        yellow: yellow.unwrap_or(0),
                        green: green.unwrap_or(0),
                        ..WorkloadTally::default()
                    },
                    voted: false,
                }
            })
        })
        .collect())
}

/// What the template has that the plan (holding `topics`) lacks: two queries, then in memory.
#[cfg(feature = "ssr")]
pub(super) async fn pending_for_plan(
    db: &crate::db::Db,
    org_id: i64,
    topics: &[super::PlanTopic],
) -> sqlx::Result<Vec<crate::domain::PendingTopic>> {
    let revisions = crate::template::db::topic_revisions(db, org_id).await?;
    let in_plan: std::collections::HashSet<i64> = topics.iter().map(|t| t.id).collect();
    Ok(crate::domain::pending_topics(&revisions, &in_plan))
}

#[cfg(feature = "ssr")]
async fn template_news(
    db: &crate::db::Db,
    org_id: i64,
    topics: &[super::PlanTopic],
) -> sqlx::Result<Vec<super::TemplateNews>> {
    let pending = pending_for_plan(db, org_id, topics).await?;
    if pending.is_empty() {
        return Ok(Vec::new());
    }
    let current = crate::template::db::current_topics(db, org_id).await?;
    Ok(pending
        .iter()
        .filter_map(|p| {
            current
                .iter()
                .find(|t| t.id == p.topic_id)
                .map(|t| super::TemplateNews {
                    topic_id: t.id,
                    title: t.title.clone(),
                    month_start: t.month_start,
                    changed: p.replaces.is_some(),
                })
        })
        .collect())
}

/// One topic's guidance, contact, links and OSA tip, as seen from a unit's plan of `year`.
#[server(prefix = "/api", endpoint = "amne")]
pub async fn get_topic_detail(
    unit_id: i64,
    topic_id: i64,
    year: Option<i32>,
) -> Result<TopicDetail, AppError> {
    use super::db;

    let UnitAccess { state, grant, .. } = UnitAccess::read(unit_id).await?;
    let year = year.unwrap_or_else(|| state.clock.year());
    let text = db::topic_text(&state.db, topic_id)
        .await?
        .filter(|t| t.org_id == grant.org_id)
        .filter(|t| t.owner_node_id == grant.org_id || t.owner_node_id == unit_id)
        .ok_or(AppError::NotFound)?;
    let mut topic = text.topic;
    let mut meeting = None;
    let mut plan_version = None;
    let mut meetings = Vec::new();
    if let Some(plan_id) = db::plan_id(&state.db, unit_id, year).await? {
        if let Some(placement) = db::topic_placement(&state.db, plan_id, topic_id).await? {
            plan_version = db::plan_version(&state.db, plan_id).await?;
            if let Some(meeting_id) = placement {
                topic.meeting_id = Some(meeting_id);
                meeting = db::meeting(&state.db, meeting_id).await?;
            }
            if grant.access.can_edit() {
                meetings = db::meetings(&state.db, plan_id).await?;
            }
        }
    }
    Ok(TopicDetail {
        unit_id,
        unit_name: grant.unit_name(),
        topic,
        contact: text.contact,
        guidance: text.guidance,
        osa_tip: text.osa_tip,
        links: text.links,
        meeting,
        year,
        can_edit: grant.access.can_edit(),
        plan_version,
        meetings,
    })
}

/// One APT of the unit's plan, for its edit page.
#[server(prefix = "/api", endpoint = "mote")]
pub async fn get_meeting_detail(unit_id: i64, meeting_id: i64) -> Result<MeetingDetail, AppError> {
    use super::db;

    let UnitAccess { state, grant, .. } = UnitAccess::read(unit_id).await?;
    let (UnitMeeting { plan_id, year, .. }, meeting) =
        crate::org::access::unit_meeting(&state, &grant, meeting_id).await?;
    let topics = db::plan_topics(&state.db, plan_id)
        .await?
        .into_iter()
        .filter(|t| t.meeting_id == Some(meeting_id))
        .collect();
    Ok(MeetingDetail {
        unit_id,
        unit_name: grant.unit_name(),
        year,
        plan_version: db::plan_version(&state.db, plan_id).await?.unwrap_or(0),
        meeting,
        topics,
        can_edit: grant.access.can_edit(),
    })
}
