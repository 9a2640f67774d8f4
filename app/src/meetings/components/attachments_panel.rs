//! "Bilagor" on the agenda page: the files attached to the agenda, which members read once the
//! notice has gone out, and for the chef the upload form and a remove button per file. The upload
//! is a plain multipart form to the server's `/bilagor` route, which comes back to this page with
//! `?bilaga=sparad` or the code of what was wrong; the message shows beside the file field.

use leptos::prelude::*;

use crate::i18n::*;
use crate::meetings::{AgendaView, Attachment, RemoveAttachment};
use crate::ui::{failure_message, AttachmentUploadForm, ChangeForm, FormError};

/// The attachments panel (nothing for members when there are no files).
#[component]
pub fn AttachmentsPanel(
    agenda: AgendaView,
    remove: ServerAction<RemoveAttachment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = agenda.can_edit;
    if !can_edit && agenda.attachments.is_empty() {
        return ().into_any();
    }
    let (unit_id, meeting_id) = (agenda.unit_id, agenda.meeting.id);
    let files = agenda
        .attachments
        .iter()
        .cloned()
        .map(|file| view! { <AttachmentRow file unit_id meeting_id can_edit remove /> })
        .collect_view();
    let empty = agenda.attachments.is_empty();
    view! {
        <section class="panel" id="bilagor" aria-labelledby="bilagor-rubrik">
            <h2 id="bilagor-rubrik">{t!(i18n, attachments_heading)}</h2>
            <FormError message=failure_message(remove) />
            {empty.then(|| view! { <p class="muted">{t!(i18n, attachments_none)}</p> })}
            <ul class="attachments">{files}</ul>
            {can_edit.then(|| view! { <UploadForm unit_id meeting_id /> })}
        </section>
    }
    .into_any()
}

/// One file: its link, size, and for the chef a remove button.
#[component]
fn AttachmentRow(
    file: Attachment,
    unit_id: i64,
    meeting_id: i64,
    can_edit: bool,
    remove: ServerAction<RemoveAttachment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let size = size_label(file.size_bytes);
    let remove_text = t_string!(i18n, attachment_remove).to_string();
    let remove_label = format!(
        "{remove_text} {}",
        t_string!(i18n, attachment_remove_label, name = file.file_name.clone())
    );
    view! {
        <li class="attachments__file">
            <a href=file.href() download=file.file_name.clone()>{file.file_name.clone()}</a>
            " " <span class="muted">{format!("({size})")}</span>
            {can_edit.then(|| view! {
                <ChangeForm action=remove class="inline-form" failure_shown_above=true
                    ids=vec![
                        ("unit_id", unit_id.to_string()),
                        ("meeting_id", meeting_id.to_string()),
                        ("attachment_id", file.id.to_string()),
                    ]
                    variant="quiet" aria_label=remove_label busy_label=t_string!(i18n, removing).to_string()
                    label=remove_text.clone() />
            })}
        </li>
    }
}

/// The chef's upload form, with how the last upload went.
#[component]
fn UploadForm(unit_id: i64, meeting_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <AttachmentUploadForm action=format!("/enhet/{unit_id}/mote/{meeting_id}/bilagor")
            hint=t_string!(i18n, attachment_file_hint).to_string() />
    }
}

/// "2,4 MB", "310 kB".
fn size_label(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = bytes * 10 / (1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}
