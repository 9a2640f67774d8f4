//! The upload of one attachment file: a plain multipart form (it works before and without the
//! wasm bundle) to a server route that comes back to the page with `?bilaga=sparad` or the code
//! of what was wrong, shown beside the file field. Used for an APT agenda's bilagor and a
//! cooperation protocol's.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::domain::{AttachmentProblem, AttachmentType};
use crate::i18n::*;
use crate::ui::SubmitButton;

/// The form, posting to `action`; `children` are the fields posted beside the file.
#[component]
pub fn AttachmentUploadForm(
    /// The route the form posts to.
    action: String,
    /// The file field's hint.
    hint: String,
    /// Fields posted beside the file (e.g. the item it belongs to).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let outcome = move || query.read().get("bilaga");
    let problem = Signal::derive(move || match outcome().as_deref() {
        Some("fel") => Some(t_string!(i18n, attachment_failed).to_string()),
        Some("punkt") => Some(t_string!(i18n, coop_bilaga_item_missing).to_string()),
        Some("last") => Some(crate::domain::cooperation::adjusting::LOCKED.to_string()),
        Some(code) => AttachmentProblem::from_code(code).map(AttachmentProblem::message),
        None => None,
    });
    let saved = move || outcome().as_deref() == Some("sparad");
    // The browser posts the file itself; `FormsUnderWay` turns the button to "Laddar upp…".
    let pending = Memo::new(|_| false);
    view! {
        <form method="post" action=action enctype="multipart/form-data" class="attachments__upload">
            {children.map(|c| c())}
            <div class="field">
                <label for="bilaga-fil">{t!(i18n, attachment_file_label)}</label>
                <p id="bilaga-fil-hjalp" class="field__hint">{hint}</p>
                <input id="bilaga-fil" name="fil" type="file" accept=AttachmentType::accept_list()
                    required aria-describedby="bilaga-fil-hjalp bilaga-fil-fel"
                    aria-invalid=move || problem.get().is_some().to_string() />
                <p id="bilaga-fil-fel" class="field__error">{move || problem.get()}</p>
            </div>
            <SubmitButton pending variant="secondary"
                label=Signal::derive(move || t_string!(i18n, attachment_upload).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, attachment_uploading).to_string()) />
            <p class="form-status" role="status">
                {move || saved().then(|| t_string!(i18n, attachment_saved).to_string())}
            </p>
        </form>
    }
}
