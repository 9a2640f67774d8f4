//! The chair's and the secretary's forms of a protocol: attendance (Närvarande, partly
//! "punkt 4–12", Förhinder), adjuncts, item 3's dates and item 12's next meeting. The items' own forms are in
//! `protocol_item_forms.rs`.

use leptos::prelude::*;

use crate::cooperation::{
    AddCoopAdjunct, AddCoopFollowUp, AnswerCoopFollowUp, AttachHealthService, AttachUnitResults,
    CoopProtocolView, RemoveCoopAdjunct, RemoveCoopBilaga, RemoveCoopFollowUp, SaveCoopAdjustDates,
    SaveCoopAttendance, SaveCoopMinutes, SetNextCoopMeeting,
};
use crate::domain::cooperation::protocol::Attendance;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{field_message, ChangeForm, TextField};

pub use super::protocol_item_forms::ItemForms;

/// Every action of the protocol's page.
#[derive(Clone, Copy)]
pub struct ProtocolActions {
    /// Attendance.
    pub attendance: ServerAction<SaveCoopAttendance>,
    /// An adjunct added.
    pub add_adjunct: ServerAction<AddCoopAdjunct>,
    /// An adjunct removed.
    pub remove_adjunct: ServerAction<RemoveCoopAdjunct>,
    /// An item's minutes.
    pub minutes: ServerAction<SaveCoopMinutes>,
    /// A question the employer takes with it.
    pub add_follow_up: ServerAction<AddCoopFollowUp>,
    /// Such a question removed.
    pub remove_follow_up: ServerAction<RemoveCoopFollowUp>,
    /// An earlier question answered.
    pub answer: ServerAction<AnswerCoopFollowUp>,
    /// Item 3's dates.
    pub dates: ServerAction<SaveCoopAdjustDates>,
    /// Item 12's next meeting.
    pub next: ServerAction<SetNextCoopMeeting>,
    /// The unit results attached under an item.
    pub attach_results: ServerAction<AttachUnitResults>,
    /// A bilaga removed.
    pub remove_bilaga: ServerAction<RemoveCoopBilaga>,
    /// The occupational health service's statistics attached under an item.
    pub attach_health: ServerAction<AttachHealthService>,
}

impl ProtocolActions {
    /// The page's actions.
    pub fn new() -> ProtocolActions {
        ProtocolActions {
            attendance: ServerAction::new(),
            add_adjunct: ServerAction::new(),
            remove_adjunct: ServerAction::new(),
            minutes: ServerAction::new(),
            add_follow_up: ServerAction::new(),
            remove_follow_up: ServerAction::new(),
            answer: ServerAction::new(),
            dates: ServerAction::new(),
            next: ServerAction::new(),
            attach_results: ServerAction::new(),
            remove_bilaga: ServerAction::new(),
            attach_health: ServerAction::new(),
        }
    }
}

/// The hidden ids every form of the protocol posts.
pub fn protocol_ids(protocol: &CoopProtocolView) -> Vec<(&'static str, String)> {
    vec![
        ("group_id", protocol.group_id.to_string()),
        ("meeting_id", protocol.meeting_id.to_string()),
    ]
}

/// "Närvaro": per member whether they were there, and for one there only partly, the first and
/// last item.
#[component]
pub fn AttendanceForm(
    protocol: CoopProtocolView,
    action: ServerAction<SaveCoopAttendance>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let items = protocol.items.len().max(1).to_string();
    let people = protocol
        .attendees
        .iter()
        .map(|a| {
            let id = a.person_id;
            let status = match a.attendance {
                Some(Attendance::Present { .. }) => "present",
                Some(Attendance::Absent) => "absent",
                None => "",
            };
            let (from, to) = match a.attendance {
                Some(Attendance::Present { items: Some((f, t)) }) => (f.to_string(), t.to_string()),
                _ => (String::new(), String::new()),
            };
            let option = move |value: &'static str, text: String| {
                view! { <option value=value selected=status == value>{text}</option> }
            };
            view! {
                <fieldset class="attendee">
                    <legend>{format!("{}, {}", a.name, a.function_title)}</legend>
                    <div class="field">
                        <label for=format!("narvaro-{id}")>{t!(i18n, coop_attendance_status)}</label>
                        <select id=format!("narvaro-{id}") name=format!("status[{id}]")>
                            {option("", t_string!(i18n, coop_attendance_unmarked).to_string())}
                            {option("present", t_string!(i18n, coop_attendance_present).to_string())}
                            {option("absent", t_string!(i18n, coop_attendance_absent).to_string())}
                        </select>
                    </div>
                    <div class="field field--short">
                        <label for=format!("fran-{id}")>{t!(i18n, coop_attendance_from)}</label>
                        <input id=format!("fran-{id}") name=format!("from_item[{id}]") type="number"
                            inputmode="numeric" min="1" max=items.clone() value=from />
                    </div>
                    <div class="field field--short">
                        <label for=format!("till-{id}")>{t!(i18n, coop_attendance_to)}</label>
                        <input id=format!("till-{id}") name=format!("to_item[{id}]") type="number"
                            inputmode="numeric" min="1" max=items.clone() value=to />
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="narvaro">
            <h2 id="narvaro">{t!(i18n, coop_attendance_heading)}</h2>
            <p>{t!(i18n, coop_attendance_intro)}</p>
            <ChangeForm action ids=protocol_ids(&protocol) beside_fields=true
                label=Signal::derive(move || t_string!(i18n, coop_attendance_save).to_string())
                done=Signal::derive(move || t_string!(i18n, coop_attendance_saved).to_string())>
                <p id="narvaro-fel" class="field__error" role="alert">
                    {move || field_message(result.get(), "attendance")}
                </p>
                <div class="attendance-list">{people}</div>
            </ChangeForm>
        </section>
    }
}

/// "Adjungerade": the list (it follows every save) and the form that adds one.
#[component]
pub fn AdjunctsPanel(
    protocol: CoopProtocolView,
    actions: super::protocol_forms::ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ids = protocol_ids(&protocol);
    let list_ids = ids.clone();
    let remove = actions.remove_adjunct;
    let list = move || {
        let adjuncts = live
            .get()
            .and_then(Result::ok)
            .map(|p| p.adjuncts)
            .unwrap_or_default();
        if adjuncts.is_empty() {
            return view! { <p class="empty">{t!(i18n, coop_adjunct_none)}</p> }.into_any();
        }
        let rows = adjuncts
            .into_iter()
            .map(|a| {
                let mut ids = list_ids.clone();
                ids.push(("adjunct_id", a.id.to_string()));
                let remove_text = t_string!(i18n, backlog_remove).to_string();
                let aria = t_string!(i18n, coop_adjunct_remove, name = a.name.clone()).to_string();
                view! {
                    <li>
                        {format!("{} {}", a.name, a.function_title)} " "
                        <ChangeForm action=remove ids class="inline-form" variant="quiet"
                            aria_label=aria label=remove_text />
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="coop-adjuncts">{rows}</ul> }.into_any()
    };
    let add = actions.add_adjunct;
    let result = Signal::derive(move || add.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    view! {
        <section class="panel" aria-labelledby="adjungerade">
            <h2 id="adjungerade">{t!(i18n, coop_adjunct_heading)}</h2>
            <Transition fallback=|| ()>{list}</Transition>
            <ChangeForm action=add ids beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, coop_adjunct_add).to_string())
                done=Signal::derive(move || t_string!(i18n, coop_adjunct_added).to_string())>
                <TextField id="adjungerad-namn" name="name" required=true autocomplete="off"
                    label=t_string!(i18n, coop_adjunct_name).to_string() error=err("name") />
                <TextField id="adjungerad-funktion" name="function_title" autocomplete="off"
                    label=t_string!(i18n, coop_adjunct_function).to_string() error=err("function_title") />
            </ChangeForm>
        </section>
    }
}

/// Item 3's dates: when the protocol is sent out, when comments are due, when it is signed.
#[component]
pub fn DatesForm(
    protocol: CoopProtocolView,
    action: ServerAction<SaveCoopAdjustDates>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let dates = protocol.dates;
    let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let due_time = dates
        .map(|d| d.comments_due.format("%H:%M").to_string())
        .unwrap_or_else(|| "12:00".into());
    view! {
        <h4 id="justeringsdatum">{t!(i18n, coop_dates_heading)}</h4>
        <ChangeForm action ids=protocol_ids(&protocol) beside_fields=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, coop_dates_save).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_dates_saved).to_string())>
            <TextField id="datum-utskick" name="sent_on" kind="date" value=day(dates.map(|d| d.sent_on))
                label=t_string!(i18n, coop_dates_sent).to_string() error=err("sent_on") />
            <TextField id="datum-synpunkter" name="due_date" kind="date"
                value=day(dates.map(|d| d.comments_due.date()))
                label=t_string!(i18n, coop_dates_due).to_string() error=err("due_date") />
            <TextField id="datum-synpunkter-tid" name="due_time" kind="time" value=due_time
                label=t_string!(i18n, coop_dates_due_time).to_string() error=err("due_time") />
            <TextField id="datum-signeras" name="signed_on" kind="date" value=day(dates.map(|d| d.signed_on))
                label=t_string!(i18n, coop_dates_signed).to_string() error=err("signed_on") />
        </ChangeForm>
    }
}

/// Item 12: the next meeting, put into the group's plan (the time and place of this one offered).
#[component]
pub fn NextMeetingForm(
    protocol: CoopProtocolView,
    action: ServerAction<SetNextCoopMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let time = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    view! {
        <h4 id="nasta-mote">{t!(i18n, coop_next_heading)}</h4>
        <ChangeForm action ids=protocol_ids(&protocol) beside_fields=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, coop_next_save).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_next_saved).to_string())>
            <input type="hidden" name="meeting[online_link]" value="" />
            <TextField id="nasta-datum" name="meeting[date]" kind="date"
                label=t_string!(i18n, coop_next_date).to_string() error=err("date") />
            <TextField id="nasta-start" name="meeting[start]" kind="time" value=time(protocol.start)
                label=t_string!(i18n, coop_next_start).to_string() error=err("start") />
            <TextField id="nasta-slut" name="meeting[end]" kind="time" value=time(protocol.end)
                label=t_string!(i18n, coop_next_end).to_string() error=err("end") />
            <TextField id="nasta-plats" name="meeting[location]" value=protocol.location.clone()
                label=t_string!(i18n, coop_next_place).to_string() error=err("location") />
        </ChangeForm>
    }
}
