//! `/samverkan/:group_id/mote/:meeting_id/protokoll`: a cooperation meeting's protocol. Members
//! read it as a document; the chair and the secretary write it: attendance, adjuncts, per item
//! what was said and decided, the questions the employer takes with it, item 3's dates and the
//! bilagor.
//!
//! With `?version=N` the page shows that locked version as it was approved (the protocol's
//! history), read-only, with its own PDF and bilagor.
//!
//! The forms come from the protocol as the page first loaded it and are never redrawn under the
//! writer's hands (so typed text survives every other save); the lists that change with a save
//! (adjuncts, follow-ups) and the document come from a second load that follows every save.

use leptos::prelude::*;
use leptos_meta::Title;

use super::protocol_adjusting::{AdjustActions, AdjustingPanel};
use super::protocol_bilagor::BilagorPanel;
use super::protocol_document::ProtocolDocument;
use super::protocol_forms::{AdjunctsPanel, AttendanceForm, ItemForms, ProtocolActions};
use crate::cooperation::{coop_protocol, CoopProtocolView};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{format_date, query_version, route_id, success_count, Loaded};

/// The protocol's page.
#[component]
pub fn CoopProtocolPage() -> impl IntoView {
    let group_id = route_id("group_id");
    let meeting_id = route_id("meeting_id");
    let version = query_version();
    let actions = ProtocolActions::new();
    let adjust = AdjustActions::new();
    let counts = [
        success_count(adjust.approvers),
        success_count(adjust.send),
        success_count(adjust.comment),
        success_count(adjust.approve),
        success_count(adjust.correct),
        success_count(actions.attendance),
        success_count(actions.add_adjunct),
        success_count(actions.remove_adjunct),
        success_count(actions.minutes),
        success_count(actions.add_follow_up),
        success_count(actions.remove_follow_up),
        success_count(actions.answer),
        success_count(actions.dates),
        success_count(actions.next),
        success_count(actions.attach_results),
        success_count(actions.remove_bilaga),
        success_count(actions.attach_health),
    ];
    let load = |group: Option<i64>, meeting: Option<i64>, version: Option<u32>| async move {
        match (group, meeting) {
            (Some(g), Some(m)) => coop_protocol(g, m, version).await,
            _ => Err(AppError::NotFound),
        }
    };
    // The forms are drawn anew only when the protocol locks or opens again (an approval, a
    // correction), never under the writer's hands otherwise.
    let (approved, corrected) = (success_count(adjust.approve), success_count(adjust.correct));
    let first = Resource::new(
        move || {
            (
                group_id.get(),
                meeting_id.get(),
                version.get(),
                approved.get() + corrected.get(),
            )
        },
        move |(group, meeting, version, _)| load(group, meeting, version),
    );
    let live = Resource::new(
        move || {
            let changes: usize = counts.iter().map(|c| c.get()).sum();
            (group_id.get(), meeting_id.get(), version.get(), changes)
        },
        move |(group, meeting, version, _)| load(group, meeting, version),
    );
    view! {
        <Loaded resource=first view=move |p| view! { <ProtocolBody protocol=p actions adjust live /> } />
    }
}

#[component]
fn ProtocolBody(
    protocol: CoopProtocolView,
    actions: ProtocolActions,
    adjust: AdjustActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let date = format_date(i18n, protocol.date);
    let title = t_string!(
        i18n,
        coop_protocol_title,
        group = protocol.group_name.clone(),
        date = date.clone()
    )
    .to_string();
    let meeting_link = format!(
        "/samverkan/{}/mote/{}",
        protocol.group_id, protocol.meeting_id
    );
    let (group_id, meeting_id) = (protocol.group_id, protocol.meeting_id);
    // A locked view names its version, so that its PDF and bilagor are that version's even
    // after a correction; an earlier version links back to the protocol as it stands.
    let pdf_href = match &protocol.locked {
        Some(stamp) => format!(
            "/samverkan/{group_id}/mote/{meeting_id}/protokoll.pdf?version={}",
            stamp.version
        ),
        None => format!("/samverkan/{group_id}/mote/{meeting_id}/protokoll.pdf"),
    };
    let earlier = query_version().get_untracked().is_some().then(|| {
        view! {
            <p><a href=format!("/samverkan/{group_id}/mote/{meeting_id}/protokoll")>
                {t!(i18n, coop_protocol_current)}
            </a></p>
        }
    });
    let lead = match &protocol.locked {
        Some(stamp) => t_string!(
            i18n,
            coop_protocol_locked,
            version = stamp.version,
            at = format_date(i18n, stamp.locked_at.date())
        )
        .to_string(),
        None => t_string!(i18n, coop_protocol_draft).to_string(),
    };
    let forms = protocol.can_write.then(|| {
        view! {
            <AttendanceForm protocol=protocol.clone() action=actions.attendance />
            <AdjunctsPanel protocol=protocol.clone() actions live />
            <ItemForms protocol=protocol.clone() actions live />
            <BilagorPanel protocol=protocol.clone() actions live />
        }
    });
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=meeting_link>{t!(i18n, coop_protocol_back)}</a></p>
        <h1>{title}</h1>
        <p class="lead">{lead}</p>
        {earlier}
        <p><a href=pdf_href download="">
            {t!(i18n, coop_protocol_pdf)}
        </a></p>
        {forms}
        <Loaded resource=live view=move |p| {
            let panel = p.adjusting.clone().map(|adjusting| {
                view! { <AdjustingPanel adjusting group_id meeting_id actions=adjust /> }
            });
            view! {
                {panel}
                <ProtocolDocument protocol=p />
            }
        } />
    }
}
