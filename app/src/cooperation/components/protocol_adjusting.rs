//! The justering panel of a protocol's page: where it stands, who signs and whether they have,
//! the members' comments, the versions; and, for whoever may, the forms that name the approvers,
//! send the draft, comment, approve and open a correction. It follows every save (the wording an
//! approval names changes with the text), so it is drawn from the page's second load.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::cooperation::{
    AddCoopComment, ApproveCoopProtocol, CoopAdjustingView, CorrectCoopProtocol, SaveCoopApprovers,
    SendCoopDraft, SignerView,
};
use crate::domain::cooperation::adjusting::{moment_text, AdjustStage};
use crate::i18n::*;
use crate::ui::{field_message, format_date, format_time, ChangeForm, TextArea};

/// The actions of the justering.
#[derive(Clone, Copy)]
pub struct AdjustActions {
    /// Approvers named.
    pub approvers: ServerAction<SaveCoopApprovers>,
    /// The draft sent.
    pub send: ServerAction<SendCoopDraft>,
    /// A comment.
    pub comment: ServerAction<AddCoopComment>,
    /// An approval.
    pub approve: ServerAction<ApproveCoopProtocol>,
    /// A correction opened.
    pub correct: ServerAction<CorrectCoopProtocol>,
}

impl AdjustActions {
    /// The panel's actions.
    pub fn new() -> AdjustActions {
        AdjustActions {
            approvers: ServerAction::new(),
            send: ServerAction::new(),
            comment: ServerAction::new(),
            approve: ServerAction::new(),
            correct: ServerAction::new(),
        }
    }
}

/// A moment as the panel writes it: "8 juni 2026 kl. 09:12".
fn when(i18n: I18nContext<Locale>, at: NaiveDateTime) -> String {
    format!(
        "{} {}",
        format_date(i18n, at.date()),
        format_time(i18n, at.time())
    )
}

/// The panel.
#[component]
pub fn AdjustingPanel(
    adjusting: CoopAdjustingView,
    group_id: i64,
    meeting_id: i64,
    actions: AdjustActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let ids = vec![
        ("group_id", group_id.to_string()),
        ("meeting_id", meeting_id.to_string()),
    ];
    let a = adjusting;
    let status = match (a.stage, a.deadline, a.locked_at) {
        (AdjustStage::Drafting, _, _) => t_string!(i18n, coop_adjust_drafting).to_string(),
        (AdjustStage::Commenting, Some(due), _) => {
            t_string!(i18n, coop_adjust_commenting, due = moment_text(due)).to_string()
        }
        (AdjustStage::Locked, _, Some(at)) => {
            t_string!(i18n, coop_adjust_locked, at = when(i18n, at)).to_string()
        }
        _ => t_string!(i18n, coop_adjust_approving).to_string(),
    };
    let reason = (a.version > 1).then(|| {
        let line = t_string!(
            i18n,
            coop_adjust_correction_line,
            version = a.version,
            reason = a.reason.clone()
        )
        .to_string();
        view! { <p>{line}</p> }
    });
    let open = a.stage != AdjustStage::Locked;
    let signers = a
        .signers
        .iter()
        .map(|s| signer_line(i18n, s))
        .collect_view();
    let choose = (a.can_write && open).then(|| {
        view! { <ApproversForm adjusting=a.clone() ids=ids.clone() action=actions.approvers /> }
    });
    let send = (a.can_write && a.stage == AdjustStage::Drafting)
        .then(|| view! { <SendForm ids=ids.clone() action=actions.send /> });
    let me_pending = a.is_signer
        && matches!(a.stage, AdjustStage::Commenting | AdjustStage::Approving)
        && !a.i_approved;
    let approve = me_pending.then(|| {
        view! { <ApproveForm ids=ids.clone() fingerprint=a.fingerprint.clone() action=actions.approve /> }
    });
    let comments = a
        .comments
        .iter()
        .map(|c| {
            let head = format!("{}, {}", c.name, when(i18n, c.at));
            view! { <li><p class="comment__head">{head}</p><p>{c.body.clone()}</p></li> }
        })
        .collect_view();
    let no_comments = a.comments.is_empty();
    let comment = (a.is_member && a.stage == AdjustStage::Commenting)
        .then(|| view! { <CommentForm ids=ids.clone() action=actions.comment /> });
    let versions = a
        .versions
        .iter()
        .map(|v| {
            let state = match (v.locked_at, v.sent_at) {
                (Some(at), _) => {
                    t_string!(i18n, coop_adjust_version_locked, at = when(i18n, at)).to_string()
                }
                (None, Some(at)) => {
                    t_string!(i18n, coop_adjust_version_sent, at = when(i18n, at)).to_string()
                }
                (None, None) => t_string!(i18n, coop_adjust_version_open).to_string(),
            };
            let reason = if v.reason.is_empty() {
                String::new()
            } else {
                format!(
                    " {}",
                    t_string!(i18n, coop_adjust_version_reason, reason = v.reason.clone())
                )
            };
            // A locked version stays readable as it was approved.
            let name = format!("Version {}", v.version);
            let name = if v.locked_at.is_some() {
                let href = format!(
                    "/samverkan/{group_id}/mote/{meeting_id}/protokoll?version={}",
                    v.version
                );
                view! { <a href=href>{name}</a> }.into_any()
            } else {
                name.into_any()
            };
            view! { <li>{name}{format!(": {state}{reason}")}</li> }
        })
        .collect_view();
    let correct = (a.can_write && a.stage == AdjustStage::Locked)
        .then(|| view! { <CorrectionForm ids=ids.clone() action=actions.correct /> });
    view! {
        <section class="panel" aria-labelledby="justering">
            <h2 id="justering">{t!(i18n, coop_adjust_heading)}</h2>
            <p class="lead">{status}</p>
            {reason}
            <h3>{t!(i18n, coop_adjust_signers)}</h3>
            <ul class="coop-signers">{signers}</ul>
            {choose}
            {send}
            {approve}
            <h3>{t!(i18n, coop_adjust_comments)}</h3>
            {no_comments.then(|| view! { <p class="empty">{t!(i18n, coop_adjust_no_comments)}</p> })}
            <ul class="coop-comments">{comments}</ul>
            {comment}
            <h3>{t!(i18n, coop_adjust_versions)}</h3>
            <ul class="coop-versions">{versions}</ul>
            {correct}
        </section>
    }
}

fn signer_line(i18n: I18nContext<Locale>, s: &SignerView) -> impl IntoView {
    let role = if s.secretary {
        t_string!(i18n, coop_adjust_as_secretary).to_string()
    } else {
        t_string!(i18n, coop_adjust_as_approver).to_string()
    };
    let state = match &s.approved {
        Some(a) => {
            let how = if a.method == "oidc" {
                t_string!(i18n, coop_adjust_method_oidc).to_string()
            } else {
                t_string!(i18n, coop_adjust_method_password).to_string()
            };
            t_string!(i18n, coop_adjust_approved, at = when(i18n, a.at), how = how).to_string()
        }
        None if s.approved_earlier => t_string!(i18n, coop_adjust_approved_earlier).to_string(),
        None => t_string!(i18n, coop_adjust_not_approved).to_string(),
    };
    view! { <li><strong>{format!("{} ({role})", s.name)}</strong>{format!(": {state}")}</li> }
}

#[component]
fn ApproversForm(
    adjusting: CoopAdjustingView,
    ids: Vec<(&'static str, String)>,
    action: ServerAction<SaveCoopApprovers>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let boxes = adjusting
        .members
        .iter()
        .map(|m| {
            let id = format!("justerare-{}", m.person_id);
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name=format!("approver[{}]", m.person_id)
                        value="on" checked=m.chosen aria-describedby="justerare-fel" />
                    <label for=id>{format!("{}, {}", m.name, m.function_title)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ChangeForm action ids beside_fields=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, coop_adjust_approvers_save).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_adjust_approvers_saved).to_string())>
            <fieldset>
                <legend>{t!(i18n, coop_adjust_approvers_legend)}</legend>
                <p id="justerare-fel" class="field__error" role="alert">
                    {move || field_message(result.get(), "approvers")}
                </p>
                {boxes}
            </fieldset>
        </ChangeForm>
    }
}

#[component]
fn SendForm(
    ids: Vec<(&'static str, String)>,
    action: ServerAction<SendCoopDraft>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    view! {
        <ChangeForm action ids beside_fields=true
            label=Signal::derive(move || t_string!(i18n, coop_adjust_send).to_string())
            busy_label=Signal::derive(move || t_string!(i18n, coop_adjust_sending).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_adjust_sent).to_string())>
            <p id="skicka-fel" class="field__error" role="alert">
                {move || field_message(result.get(), "send")}
            </p>
        </ChangeForm>
    }
}

#[component]
fn ApproveForm(
    ids: Vec<(&'static str, String)>,
    fingerprint: String,
    action: ServerAction<ApproveCoopProtocol>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    view! {
        <ChangeForm action ids beside_fields=true
            label=Signal::derive(move || t_string!(i18n, coop_adjust_approve).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_adjust_approve_done).to_string())>
            <input type="hidden" name="fingerprint" value=fingerprint />
            <p>{t!(i18n, coop_adjust_approve_intro)}</p>
            <p id="justera-fel" class="field__error" role="alert">
                {move || field_message(result.get(), "approve")}
            </p>
        </ChangeForm>
    }
}

#[component]
fn CommentForm(
    ids: Vec<(&'static str, String)>,
    action: ServerAction<AddCoopComment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    view! {
        <ChangeForm action ids beside_fields=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, coop_adjust_comment_send).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_adjust_comment_sent).to_string())>
            <TextArea id="synpunkt" name="body" rows=4
                label=t_string!(i18n, coop_adjust_comment_label).to_string()
                error=Signal::derive(move || field_message(result.get(), "body")) />
        </ChangeForm>
    }
}

#[component]
fn CorrectionForm(
    ids: Vec<(&'static str, String)>,
    action: ServerAction<CorrectCoopProtocol>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    view! {
        <h3>{t!(i18n, coop_adjust_correct_heading)}</h3>
        <ChangeForm action ids beside_fields=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, coop_adjust_correct).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_adjust_correct_done).to_string())>
            <TextArea id="rattelse-skal" name="reason" rows=3
                label=t_string!(i18n, coop_adjust_correct_reason).to_string()
                error=Signal::derive(move || field_message(result.get(), "reason")) />
        </ChangeForm>
    }
}
