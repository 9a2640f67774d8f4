//! A unit's records gathered for the archive (arkivleverans): every published version of its
//! minutes, its agendas, its checklists and its action plan, each as a document with a line for
//! the index. A handful of queries over the whole unit (one per kind of record); each checklist
//! is read with the checklist page's own loader. The server packs the result as a zip.

use super::archive_text::{agenda_text, checklist_text, minutes_text, ArchivedItem, MeetingHead};
use crate::actions::rollup::{build_action_rollup, ActionRollupQuery};
use crate::actions::ActionRollupView;
use crate::auth::session::Viewer;
use crate::db::Db;
use crate::domain::ItemKind;
use crate::error::AppError;
use crate::minutes::PublishedMinutes;
use crate::plan::db::{MeetingRow, MEETING_COLUMNS};
use crate::plan::Meeting;
use crate::state::AppState;
use crate::with_db;

/// One document of the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveFile {
    /// Its path inside the zip.
    pub path: String,
    /// Kind of record, in Swedish (the index's "Handlingstyp").
    pub kind: &'static str,
    /// The date it belongs to.
    pub date: String,
    /// Its title.
    pub title: String,
    /// Version (minutes), or empty.
    pub version: String,
    /// Who drew it up (published the minutes, marked the checklist done), or empty.
    pub by: String,
    /// The text.
    pub text: String,
}

/// Everything exported of a unit.
pub struct UnitArchive {
    /// The unit's name.
    pub unit_name: String,
    /// The documents, minutes and agendas by date, then checklists by year.
    pub files: Vec<ArchiveFile>,
    /// The unit's action plan, every action whatever its status.
    pub actions: ActionRollupView,
    /// The day the archive was drawn (the action plan is as of that day).
    pub drawn_on: chrono::NaiveDate,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    meeting_id: i64,
    section_id: i64,
    section: String,
    title: String,
    description: String,
    presenter: String,
    minutes: i64,
    kind: String,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    meeting_id: i64,
    version: i64,
    content: String,
    published_at: chrono::DateTime<chrono::Utc>,
    published_by: String,
}

/// The unit's meetings of every year (selected as `MEETING_COLUMNS`).
const MEETINGS: &str = "FROM meetings
     WHERE plan_id IN (SELECT id FROM plans WHERE unit_id = $1) ORDER BY meeting_date, id";

const ITEMS: &str = "SELECT i.meeting_id, s.id AS section_id, s.title AS section, i.title,
         i.description, i.presenter, i.minutes, i.kind
     FROM agenda_items i JOIN agenda_sections s ON s.id = i.section_id
     WHERE i.unit_id = $1 AND i.meeting_id IS NOT NULL
     ORDER BY i.meeting_id, s.sort_order, s.id, i.sort_order, i.id";

const VERSIONS: &str = "SELECT v.meeting_id, v.version AS version, v.content,
         v.published_at, COALESCE(pe.name, '') AS published_by
     FROM minutes_versions v JOIN meetings m ON m.id = v.meeting_id
     JOIN plans p ON p.id = m.plan_id LEFT JOIN people pe ON pe.id = v.published_by
     WHERE p.unit_id = $1 ORDER BY v.meeting_id, v.version";

const CHECKLISTS: &str = "SELECT id FROM unit_checklists WHERE unit_id = $1 ORDER BY year, id";

async fn rows(
    db: &Db,
    unit_id: i64,
) -> sqlx::Result<(Vec<MeetingRow>, Vec<ItemRow>, Vec<VersionRow>, Vec<i64>)> {
    with_db!(db, pool => {
        let sql = format!("SELECT {MEETING_COLUMNS} {MEETINGS}");
        let meetings = sqlx::query_as(&sql).bind(unit_id).fetch_all(pool).await?;
        let items = sqlx::query_as(ITEMS).bind(unit_id).fetch_all(pool).await?;
        let versions = sqlx::query_as(VERSIONS).bind(unit_id).fetch_all(pool).await?;
        let checklists = sqlx::query_scalar(CHECKLISTS).bind(unit_id).fetch_all(pool).await?;
        Ok((meetings, items, versions, checklists))
    })
}

/// Gathers a unit's records, for those who keep them: the unit's chef and deputy, and HR at or
/// above the unit. Anyone else is refused before anything is read.
pub async fn unit_archive(
    state: &AppState,
    viewer: &Viewer,
    unit_id: i64,
) -> Result<UnitArchive, AppError> {
    let grant = crate::org::guard::readable_unit(state, viewer, unit_id).await?;
    if !grant.access.can_edit() {
        tracing::warn!(
            person_id = viewer.user.id,
            unit_id,
            "refused archive export"
        );
        return Err(AppError::Forbidden);
    }
    let unit_name = grant.unit_name();
    let access = crate::org::access::UnitAccess {
        viewer: viewer.clone(),
        state: state.clone(),
        grant,
    };
    let (rows, items, versions, checklists) = rows(&state.db, unit_id).await?;
    let meetings: Vec<Meeting> = rows.into_iter().map(Meeting::from).collect();
    let mut files = Vec::new();
    for m in &meetings {
        let meeting = MeetingHead {
            unit: unit_name.clone(),
            date: m.date,
            time: format!("{}–{}", m.start.format("%H:%M"), m.end.format("%H:%M")),
            location: m.location.clone(),
            cancelled: m.cancelled,
        };
        let mut sections: Vec<(i64, String, Vec<ArchivedItem>)> = Vec::new();
        for i in items.iter().filter(|i| i.meeting_id == m.id) {
            let item = ArchivedItem {
                title: i.title.clone(),
                description: i.description.clone(),
                presenter: i.presenter.clone(),
                minutes: i32::try_from(i.minutes).unwrap_or(0),
                kind: ItemKind::from_code(&i.kind),
            };
            match sections.last_mut() {
                Some((id, _, list)) if *id == i.section_id => list.push(item),
                _ => sections.push((i.section_id, i.section.clone(), vec![item])),
            }
        }
        let stem = format!("{}_apt_{}", m.date, m.id);
        if !sections.is_empty() {
            let sections: Vec<(String, Vec<ArchivedItem>)> =
                sections.into_iter().map(|(_, t, l)| (t, l)).collect();
            files.push(ArchiveFile {
                path: format!("dagordningar/{stem}.txt"),
                kind: "Dagordning",
                date: m.date.to_string(),
                title: format!("Dagordning, APT {}", m.date),
                version: String::new(),
                by: String::new(),
                text: agenda_text(&meeting, &sections),
            });
        }
        for v in versions.iter().filter(|v| v.meeting_id == m.id) {
            let published: PublishedMinutes = serde_json::from_str(&v.content)
                .map_err(|e| AppError::internal("archived minutes unreadable", e))?;
            let at = v
                .published_at
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string();
            files.push(ArchiveFile {
                path: format!("minnesanteckningar/{stem}_v{}.txt", v.version),
                kind: "Minnesanteckningar",
                date: m.date.to_string(),
                title: format!("Minnesanteckningar, APT {}", m.date),
                version: v.version.to_string(),
                by: v.published_by.clone(),
                text: minutes_text(&meeting, v.version, &at, &v.published_by, &published),
            });
        }
    }
    for id in checklists {
        let view = crate::checklists::page_data::load_view(&access, id).await?;
        let (date, by) = view
            .done
            .clone()
            .map(|(d, by)| (d.to_string(), by))
            .unwrap_or_default();
        files.push(ArchiveFile {
            path: format!(
                "checklistor/{}_{}_{}.txt",
                view.year,
                view.kind.code(),
                view.id
            ),
            kind: "Checklista",
            date: if date.is_empty() {
                view.year.to_string()
            } else {
                date
            },
            title: format!("{} {}", view.title, view.year),
            version: String::new(),
            by,
            text: checklist_text(&view),
        });
    }
    let actions = build_action_rollup(
        state,
        viewer,
        ActionRollupQuery {
            node: Some(unit_id),
            ..ActionRollupQuery::default()
        },
    )
    .await?;
    Ok(UnitArchive {
        unit_name,
        files,
        actions,
        drawn_on: state.clock.today(),
    })
}
