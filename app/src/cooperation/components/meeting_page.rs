//! `/samverkan/:group_id/mote/:meeting_id`: a cooperation meeting's agenda in seed 002's shape
//! (numbered items, lettered sub-items with their kind) and what members sent in before it. The
//! chair and the secretary write the agenda from the standing one, add sub-items and place what
//! was sent in; every member may send in a question or a comment.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::cooperation::{
    coop_meeting, AddCoopSubItem, ComposeCoopAgenda, CoopItemView, CoopMeetingView,
    PlaceSubmission, SendCoopNotice, SendIn, SubmissionView,
};
use crate::domain::cooperation::agenda::{CoopItemKind, SubmissionKind};
use crate::domain::NoticeTiming;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{
    field_message, format_date, format_time, route_id, success_count, ChangeForm, Loaded,
    SelectField, TextArea, TextField,
};

#[derive(Clone, Copy)]
struct MeetingActions {
    compose: ServerAction<ComposeCoopAgenda>,
    sub_item: ServerAction<AddCoopSubItem>,
    send_in: ServerAction<SendIn>,
    place: ServerAction<PlaceSubmission>,
    notice: ServerAction<SendCoopNotice>,
}

/// The meeting's page.
#[component]
pub fn CoopMeetingPage() -> impl IntoView {
    let group_id = route_id("group_id");
    let meeting_id = route_id("meeting_id");
    let actions = MeetingActions {
        compose: ServerAction::new(),
        sub_item: ServerAction::new(),
        send_in: ServerAction::new(),
        place: ServerAction::new(),
        notice: ServerAction::new(),
    };
    let counts = [
        success_count(actions.compose),
        success_count(actions.sub_item),
        success_count(actions.send_in),
        success_count(actions.place),
        success_count(actions.notice),
    ];
    let page = Resource::new(
        move || {
            let changes: usize = counts.iter().map(|c| c.get()).sum();
            (group_id.get(), meeting_id.get(), changes)
        },
        |(group, meeting, _)| async move {
            match (group, meeting) {
                (Some(g), Some(m)) => coop_meeting(g, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=page view=move |m| view! { <MeetingBody meeting=m actions /> } /> }
}

#[component]
fn MeetingBody(meeting: CoopMeetingView, actions: MeetingActions) -> impl IntoView {
    let i18n = use_i18n();
    let title = format!("{} {}", meeting.group_name, format_date(i18n, meeting.date));
    let when = t_string!(
        i18n,
        coop_meeting_when,
        start = format_time(i18n, meeting.start),
        end = format_time(i18n, meeting.end),
        place = meeting.location.clone()
    )
    .to_string();
    let ids = vec![
        ("group_id", meeting.group_id.to_string()),
        ("meeting_id", meeting.meeting_id.to_string()),
    ];
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=format!("/samverkan/{}", meeting.group_id)>{meeting.group_name.clone()}</a></p>
        <h1>{title}</h1>
        <p class="lead">{when}
            {meeting.cancelled.then(|| view! { " " <strong>{t!(i18n, coop_cancelled)}</strong> })}
        </p>
        {meeting.locked.then(|| view! { <p class="notice">{t!(i18n, coop_meeting_locked)}</p> })}
        {meeting.reads_protocol.then(|| view! {
            <p><a href=format!("/samverkan/{}/mote/{}/protokoll", meeting.group_id, meeting.meeting_id)>
                {t!(i18n, coop_protocol_link)}</a></p>
        })}
        <AgendaPanel meeting=meeting.clone() ids=ids.clone() actions />
        <NoticePanel meeting=meeting.clone() ids=ids.clone() action=actions.notice />
        <SubmissionsPanel meeting=meeting.clone() ids actions />
    }
}

#[component]
fn AgendaPanel(
    meeting: CoopMeetingView,
    ids: Vec<(&'static str, String)>,
    actions: MeetingActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = if meeting.items.is_empty() {
        let compose = meeting.can_edit.then(|| {
            view! {
                <ChangeForm action=actions.compose ids=ids.clone()
                    label=Signal::derive(move || t_string!(i18n, coop_compose).to_string()) />
            }
        });
        view! { <p class="empty">{t!(i18n, coop_no_agenda)}</p> {compose} }.into_any()
    } else {
        let items = meeting
            .items
            .iter()
            .cloned()
            .map(|item| view! { <AgendaItem item /> })
            .collect_view();
        view! { <ol class="coop-agenda">{items}</ol> }.into_any()
    };
    let add = (meeting.can_edit && !meeting.items.is_empty())
        .then(|| view! { <SubItemForm items=meeting.items.clone() ids action=actions.sub_item /> });
    view! {
        <section class="panel" aria-labelledby="dagordning">
            <h2 id="dagordning">{t!(i18n, coop_agenda_heading)}</h2>
            {body}
            {add}
        </section>
    }
}

#[component]
fn AgendaItem(item: CoopItemView) -> impl IntoView {
    let subs = item
        .subs
        .into_iter()
        .map(|sub| {
            let text = match sub.kind {
                Some(kind) => format!("{}) {}: {}", sub.letter, kind.label(), sub.title),
                None => format!("{}) {}", sub.letter, sub.title),
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! {
        <li value=item.number>
            <h3>{format!("{}. {}", item.number, item.title)}</h3>
            <ul class="coop-subs">{subs}</ul>
        </li>
    }
}

fn item_options(items: &[CoopItemView]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| (i.id.to_string(), format!("{}. {}", i.number, i.title)))
        .collect()
}

#[component]
fn SubItemForm(
    items: Vec<CoopItemView>,
    ids: Vec<(&'static str, String)>,
    action: ServerAction<AddCoopSubItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let kinds = CoopItemKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect();
    view! {
        <h3 id="ny-underpunkt">{t!(i18n, coop_add_sub_item)}</h3>
        <ChangeForm action beside_fields=true ids
            label=Signal::derive(move || t_string!(i18n, coop_add_sub_item).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_sub_item_added).to_string())>
            <SelectField id="underpunkt-punkt" name="parent_id" options=item_options(&items)
                label=t_string!(i18n, coop_under_item).to_string() error=err("parent_id") />
            <SelectField id="underpunkt-slag" name="kind" options=kinds
                label=t_string!(i18n, coop_item_kind).to_string() error=err("kind") />
            <TextField id="underpunkt-rubrik" name="title" required=true autocomplete="off"
                label=t_string!(i18n, coop_item_title).to_string() error=err("title") />
        </ChangeForm>
    }
}

#[component]
fn SubmissionsPanel(
    meeting: CoopMeetingView,
    ids: Vec<(&'static str, String)>,
    actions: MeetingActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let place =
        (meeting.can_edit && !meeting.items.is_empty()).then(|| item_options(&meeting.items));
    let list = meeting
        .submissions
        .iter()
        .cloned()
        .map(|s| view! { <Submission sent=s ids=ids.clone() place=place.clone() action=actions.place /> })
        .collect_view();
    let empty = meeting.submissions.is_empty();
    view! {
        <section class="panel" aria-labelledby="anmalt">
            <h2 id="anmalt">{t!(i18n, coop_submissions_heading)}</h2>
            {if empty {
                view! { <p class="empty">{t!(i18n, coop_no_submissions)}</p> }.into_any()
            } else {
                view! { <ul class="coop-submissions">{list}</ul> }.into_any()
            }}
            {meeting.is_member.then(|| view! { <SendInForm ids action=actions.send_in /> })}
        </section>
    }
}

#[component]
fn Submission(
    sent: SubmissionView,
    ids: Vec<(&'static str, String)>,
    place: Option<Vec<(String, String)>>,
    action: ServerAction<PlaceSubmission>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = t_string!(
        i18n,
        coop_submission_from,
        kind = sent.kind.label(),
        from = sent.from.clone(),
        title = sent.title.clone()
    )
    .to_string();
    let form = place.filter(|_| !sent.placed).map(|options| {
        let id = format!("placera-{}", sent.id);
        let mut ids = ids.clone();
        ids.push(("submission_id", sent.id.to_string()));
        let aria = t_string!(i18n, coop_place_named, title = sent.title.clone()).to_string();
        view! {
            <ChangeForm action ids class="inline-form" variant="secondary" aria_label=aria
                label=Signal::derive(move || t_string!(i18n, coop_place).to_string())>
                <SelectField id name="parent_id" options
                    label=t_string!(i18n, coop_under_item).to_string() error=Signal::derive(|| None::<String>) />
            </ChangeForm>
        }
    });
    view! {
        <li class="coop-submission">
            <p><strong>{heading}</strong>
                {sent.placed.then(|| view! { " " <span class="muted">{t!(i18n, coop_placed)}</span> })}
            </p>
            {(!sent.body.is_empty()).then(|| view! { <p>{sent.body.clone()}</p> })}
            {form}
        </li>
    }
}

#[component]
fn SendInForm(ids: Vec<(&'static str, String)>, action: ServerAction<SendIn>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let kinds = SubmissionKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect();
    view! {
        <h3 id="skicka-in">{t!(i18n, coop_send_in_heading)}</h3>
        <p>{t!(i18n, coop_send_in_intro)}</p>
        <ChangeForm action beside_fields=true ids
            label=Signal::derive(move || t_string!(i18n, coop_send_in).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_sent_in).to_string())>
            <SelectField id="anmal-slag" name="kind" options=kinds
                label=t_string!(i18n, coop_send_in_kind).to_string() error=err("kind") />
            <TextField id="anmal-rubrik" name="title" required=true autocomplete="off"
                label=t_string!(i18n, coop_send_in_title).to_string() error=err("title") />
            <TextArea id="anmal-text" name="body" rows=4
                label=t_string!(i18n, coop_send_in_body).to_string() error=err("body") />
        </ChangeForm>
    }
}

/// Where the notice stands against the group's deadline, and (for the chair and secretary) the
/// button that sends it to every member.
#[component]
fn NoticePanel(
    meeting: CoopMeetingView,
    ids: Vec<(&'static str, String)>,
    action: ServerAction<SendCoopNotice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let day = |d: chrono::NaiveDate| format_date(i18n, d);
    let status = match meeting.notice {
        NoticeTiming::Due { deadline } => {
            t_string!(i18n, coop_notice_due, date = day(deadline)).to_string()
        }
        NoticeTiming::Overdue { deadline, .. } => {
            t_string!(i18n, coop_notice_overdue, date = day(deadline)).to_string()
        }
        NoticeTiming::OnTime { sent } => {
            t_string!(i18n, coop_notice_on_time, date = day(sent)).to_string()
        }
        NoticeTiming::Late { sent, .. } => {
            t_string!(i18n, coop_notice_late, date = day(sent)).to_string()
        }
    };
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let overdue = matches!(meeting.notice, NoticeTiming::Overdue { .. });
    let again = meeting.notices_sent > 0;
    let count = meeting.recipients;
    let form = (meeting.can_edit && !meeting.items.is_empty() && !meeting.cancelled).then(|| {
        view! {
            <ChangeForm action ids beside_fields=true
                label=Signal::derive(move || if again {
                    t_string!(i18n, coop_notice_again).to_string()
                } else {
                    t_string!(i18n, coop_notice_send).to_string()
                })
                busy_label=Signal::derive(move || t_string!(i18n, sending).to_string())
                done=Signal::derive(move || t_string!(i18n, coop_notice_sent, count = count).to_string())>
                <p id="kallelse-fel" class="field__error">{move || err("notice").get()}</p>
                {overdue.then(|| view! {
                    <crate::ui::CheckField id="kallelse-sen" name="confirm_late"
                        label=t_string!(i18n, coop_notice_confirm_late).to_string()
                        error=err("confirm_late") />
                })}
            </ChangeForm>
        }
    });
    view! {
        <section class="panel" aria-labelledby="kallelse">
            <h2 id="kallelse">{t!(i18n, coop_notice_heading)}</h2>
            <p role="status">{status}</p>
            <p>{t!(i18n, coop_notice_recipients, count = count)}</p>
            {form}
        </section>
    }
}
