//! The forms of a cooperation group's page for those who keep it: a meeting added or cancelled,
//! a member added or taken out, the standing agenda's items, and the group's settings. Each is an
//! `ActionForm` (through `ChangeForm`), so it works before hydration too.

use leptos::prelude::*;

use crate::cooperation::{
    AddGroupMeeting, AddStandingItem, CancelGroupMeeting, GroupView, RemoveGroupMember,
    RemoveStandingItem, RenewGroupCalendarFeed, SaveGroupMember, SaveGroupSettings,
};
use crate::domain::cooperation::{GroupRole, Side};
use crate::error::AppError;
use crate::i18n::*;
use crate::org::MemberAdded;
use crate::plan::components::MeetingFields;
use crate::ui::{field_message, success_count, ChangeForm, CheckField, SelectField, TextField};

/// The page's actions; a success of any reloads the page's data.
#[derive(Clone, Copy)]
pub struct GroupActions {
    pub meeting: ServerAction<AddGroupMeeting>,
    pub cancel: ServerAction<CancelGroupMeeting>,
    pub member: ServerAction<SaveGroupMember>,
    pub remove_member: ServerAction<RemoveGroupMember>,
    pub add_item: ServerAction<AddStandingItem>,
    pub remove_item: ServerAction<RemoveStandingItem>,
    pub settings: ServerAction<SaveGroupSettings>,
    pub feed: ServerAction<RenewGroupCalendarFeed>,
}

impl GroupActions {
    /// One action of each.
    pub fn new() -> GroupActions {
        GroupActions {
            meeting: ServerAction::new(),
            cancel: ServerAction::new(),
            member: ServerAction::new(),
            remove_member: ServerAction::new(),
            add_item: ServerAction::new(),
            remove_item: ServerAction::new(),
            settings: ServerAction::new(),
            feed: ServerAction::new(),
        }
    }

    /// Grows with every successful change, for the page's resource to reload on.
    pub fn changes(self) -> Signal<usize> {
        let counts = [
            success_count(self.meeting),
            success_count(self.cancel),
            success_count(self.member),
            success_count(self.remove_member),
            success_count(self.add_item),
            success_count(self.remove_item),
            success_count(self.settings),
            success_count(self.feed),
        ];
        Signal::derive(move || counts.iter().map(|c| c.get()).sum())
    }
}

/// A result without its value, for the fields' messages.
fn unit_result<T: Clone>(value: Option<Result<T, AppError>>) -> Option<Result<(), AppError>> {
    value.map(|r| r.map(|_| ()))
}

/// "Lägg till möte": a meeting in the year's plan.
#[component]
pub fn MeetingForm(
    group_id: i64,
    year: i32,
    action: ServerAction<AddGroupMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    view! {
        <h3 id="nytt-mote">{t!(i18n, coop_add_meeting)}</h3>
        <ChangeForm action beside_fields=true
            ids=vec![("group_id", group_id.to_string()), ("year", year.to_string())]
            label=Signal::derive(move || t_string!(i18n, coop_add_meeting).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_meeting_added).to_string())>
            <MeetingFields prefix="grupp-mote" meeting=None result />
        </ChangeForm>
    }
}

/// "Ställ in" (or "Ångra inställt") for one meeting.
#[component]
pub fn CancelMeeting(
    group_id: i64,
    meeting_id: i64,
    cancelled: bool,
    when: String,
    action: ServerAction<CancelGroupMeeting>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (label, aria) = if cancelled {
        (
            t_string!(i18n, coop_uncancel).to_string(),
            t_string!(i18n, coop_uncancel_named, when = when.clone()).to_string(),
        )
    } else {
        (
            t_string!(i18n, coop_cancel).to_string(),
            t_string!(i18n, coop_cancel_named, when = when.clone()).to_string(),
        )
    };
    view! {
        <ChangeForm action variant="quiet" class="inline-form"
            ids=vec![
                ("group_id", group_id.to_string()),
                ("meeting_id", meeting_id.to_string()),
                ("cancelled", (!cancelled).to_string()),
            ]
            label=Signal::derive(move || label.clone()) aria_label=aria />
    }
}

/// "Lägg till ledamot": a person by e-mail (a new one with a name), their side, function, union
/// and role.
#[component]
pub fn MemberForm(group_id: i64, action: ServerAction<SaveGroupMember>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || unit_result(action.value().get()));
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let done = Signal::derive(move || {
        Some(match action.value().get() {
            Some(Ok(MemberAdded::Invited)) => t_string!(i18n, coop_member_invited).to_string(),
            Some(Ok(MemberAdded::InvitationNotSent)) => {
                t_string!(i18n, coop_member_not_invited).to_string()
            }
            _ => t_string!(i18n, coop_member_saved).to_string(),
        })
    });
    let sides = Side::ALL
        .iter()
        .map(|s| (s.code().to_string(), s.label().to_string()))
        .collect();
    let roles = GroupRole::ALL
        .iter()
        .rev()
        .map(|r| (r.code().to_string(), r.label().to_string()))
        .collect();
    view! {
        <h3 id="ny-ledamot">{t!(i18n, coop_add_member)}</h3>
        <p>{t!(i18n, coop_add_member_intro)}</p>
        <ChangeForm action beside_fields=true ids=vec![("group_id", group_id.to_string())]
            label=Signal::derive(move || t_string!(i18n, coop_save_member).to_string()) done>
            <TextField id="ledamot-epost" name="email" kind="email" required=true autocomplete="off"
                label=t_string!(i18n, org_email).to_string() error=err("email") />
            <TextField id="ledamot-namn" name="name" autocomplete="off"
                label=t_string!(i18n, org_person_name).to_string()
                hint=t_string!(i18n, coop_member_name_hint).to_string() error=err("name") />
            <SelectField id="ledamot-sida" name="member[side]" options=sides
                label=t_string!(i18n, coop_side).to_string() error=err("side") />
            <TextField id="ledamot-funktion" name="member[function_title]" required=true autocomplete="off"
                label=t_string!(i18n, coop_function_title).to_string()
                hint=t_string!(i18n, coop_function_title_hint).to_string() error=err("function_title") />
            <TextField id="ledamot-forbund" name="member[union_name]" autocomplete="off"
                label=t_string!(i18n, coop_union).to_string()
                hint=t_string!(i18n, coop_union_hint).to_string() error=err("union_name") />
            <SelectField id="ledamot-roll" name="member[role]" options=roles
                label=t_string!(i18n, coop_role).to_string() error=err("role") />
        </ChangeForm>
    }
}

/// "Ta bort ur gruppen" for one member.
#[component]
pub fn RemoveMember(
    group_id: i64,
    person_id: i64,
    name: String,
    action: ServerAction<RemoveGroupMember>,
) -> impl IntoView {
    let i18n = use_i18n();
    let aria = t_string!(i18n, coop_remove_member_named, name = name).to_string();
    view! {
        <ChangeForm action variant="quiet" class="inline-form"
            ids=vec![("group_id", group_id.to_string()), ("person_id", person_id.to_string())]
            label=Signal::derive(move || t_string!(i18n, coop_remove_member).to_string())
            aria_label=aria />
    }
}

/// The standing agenda, numbered, with (for those who keep the group) a remove button per item
/// and the form that adds one.
#[component]
pub fn StandingForms(group: GroupView, actions: GroupActions) -> impl IntoView {
    let i18n = use_i18n();
    let keep = group.can_keep;
    let add = actions.add_item;
    let result = Signal::derive(move || add.value().get());
    let items = group
        .standing
        .into_iter()
        .map(|item| {
            let remove = keep.then(|| {
                let aria = t_string!(i18n, coop_remove_item_named, title = item.title.clone())
                    .to_string();
                view! {
                    <ChangeForm action=actions.remove_item variant="quiet" class="inline-form"
                        ids=vec![("group_id", group.id.to_string()), ("item_id", item.id.to_string())]
                        label=Signal::derive(move || t_string!(i18n, coop_remove_item).to_string())
                        aria_label=aria />
                }
            });
            view! {
                <li value=item.number>
                    {item.title.clone()}
                    {item.per_unit.then(|| view! { <span class="muted">" " {t!(i18n, coop_per_unit)}</span> })}
                    {remove}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="staende">
            <h2 id="staende">{t!(i18n, coop_standing_heading)}</h2>
            <p>{t!(i18n, coop_standing_intro)}</p>
            <ol class="coop-standing">{items}</ol>
            {keep.then(|| view! {
                <ChangeForm action=add beside_fields=true ids=vec![("group_id", group.id.to_string())]
                    label=Signal::derive(move || t_string!(i18n, coop_add_item).to_string())
                    done=Signal::derive(move || t_string!(i18n, coop_item_added).to_string())>
                    <TextField id="staende-rubrik" name="title" required=true autocomplete="off"
                        label=t_string!(i18n, coop_item_title).to_string()
                        error=Signal::derive(move || field_message(result.get(), "title")) />
                </ChangeForm>
            })}
        </section>
    }
}

/// The group's name and how it meets.
#[component]
pub fn SettingsForm(group: GroupView, action: ServerAction<SaveGroupSettings>) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    view! {
        <section class="panel" aria-labelledby="installningar">
            <h2 id="installningar">{t!(i18n, coop_settings_heading)}</h2>
            <ChangeForm action beside_fields=true ids=vec![("group_id", group.id.to_string())]
                label=Signal::derive(move || t_string!(i18n, org_save).to_string())
                done=Signal::derive(move || t_string!(i18n, coop_settings_saved).to_string())>
                <TextField id="installning-namn" name="name" required=true value=group.name.clone()
                    autocomplete="off" label=t_string!(i18n, coop_name).to_string() error=err("name") />
                <TextField id="installning-minst" name="min_meetings" kind="number" min="1" max="24"
                    value=group.min_meetings.to_string()
                    label=t_string!(i18n, coop_min_meetings).to_string() error=err("min_meetings") />
                <TextField id="installning-kallelse" name="notice_days" kind="number" min="1" max="30"
                    value=group.notice_days.to_string()
                    label=t_string!(i18n, coop_notice_days).to_string() error=err("notice_days") />
                <CheckField id="installning-skyddskommitte" name="safety_committee"
                    checked=group.safety_committee
                    label=t_string!(i18n, coop_safety_committee).to_string() />
                <CheckField id="installning-publicera" name="publish_to_employees"
                    checked=group.publish_to_employees
                    label=t_string!(i18n, coop_publish_to_employees).to_string() />
            </ChangeForm>
        </section>
    }
}
