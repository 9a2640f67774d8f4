//! "Bilagor" of a protocol: for the chair and the secretary the list (it follows every save) with
//! a remove button each, the form that attaches the node's unit results under an item, and the
//! upload of a file under an item (`ui::AttachmentUploadForm`, a plain multipart form). Readers
//! get the list inside the document (`protocol_document.rs`).

use leptos::prelude::*;

use super::protocol_forms::{protocol_ids, ProtocolActions};
use crate::cooperation::{AttachHealthService, BilagaView, CoopProtocolView};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{field_message, AttachmentUploadForm, ChangeForm, SelectField, TextField};

/// The items and sub-items a bilaga can hang under, as (id, "4 b) Uppföljning …").
fn item_options(protocol: &CoopProtocolView) -> Vec<(String, String)> {
    let mut options = Vec::new();
    for item in &protocol.items {
        options.push((
            item.id.to_string(),
            format!("{}. {}", item.number, item.title),
        ));
        for sub in &item.subs {
            options.push((
                sub.id.to_string(),
                format!("{} {}) {}", item.number, sub.letter, sub.title),
            ));
        }
    }
    options
}

/// Where a bilaga is read: the file, or its frozen tables as PDF and XLSX. A locked version's
/// bilaga names its version, so that it is still found after a correction takes it out.
pub fn bilaga_href(protocol: &CoopProtocolView, bilaga: &BilagaView, file: &str) -> String {
    let version = protocol
        .locked
        .as_ref()
        .map(|stamp| format!("?version={}", stamp.version))
        .unwrap_or_default();
    format!(
        "/samverkan/{}/mote/{}/bilaga/{}/{file}{version}",
        protocol.group_id, protocol.meeting_id, bilaga.id
    )
}

/// The writer's panel of bilagor.
#[component]
pub fn BilagorPanel(
    protocol: CoopProtocolView,
    actions: ProtocolActions,
    live: Resource<Result<CoopProtocolView, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ids = protocol_ids(&protocol);
    let list_ids = ids.clone();
    let remove = actions.remove_bilaga;
    let list = move || {
        let bilagor = live
            .get()
            .and_then(Result::ok)
            .map(|p| p.bilagor)
            .unwrap_or_default();
        if bilagor.is_empty() {
            return view! { <p class="empty">{t!(i18n, coop_bilaga_none)}</p> }.into_any();
        }
        let rows = bilagor
            .into_iter()
            .map(|b| {
                let mut ids = list_ids.clone();
                ids.push(("bilaga_id", b.id.to_string()));
                let remove_text = t_string!(i18n, attachment_remove).to_string();
                let aria = t_string!(i18n, coop_bilaga_remove, number = b.number).to_string();
                view! {
                    <li>
                        {t_string!(i18n, coop_bilaga_line, number = b.number, title = b.title.clone()).to_string()}
                        " "
                        <ChangeForm action=remove ids class="inline-form" variant="quiet"
                            aria_label=format!("{remove_text} {aria}") label=remove_text.clone()
                            busy_label=t_string!(i18n, removing).to_string() />
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="coop-bilagor">{rows}</ul> }.into_any()
    };
    let attach = actions.attach_results;
    let result = Signal::derive(move || attach.value().get().map(|r| r.map(|_| ())));
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let options = item_options(&protocol);
    let chosen = protocol
        .items
        .iter()
        .flat_map(|i| i.subs.iter())
        .find(|s| crate::domain::cooperation::bilagor::brings_unit_results(&s.title))
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    let year = chrono::Datelike::year(&protocol.date).to_string();
    let (upload_options, upload_chosen) = (options.clone(), chosen.clone());
    let health_options = options.clone();
    view! {
        <section class="panel" id="bilagor" aria-labelledby="bilagor-rubrik">
            <h2 id="bilagor-rubrik">{t!(i18n, coop_bilagor_heading)}</h2>
            <p>{t!(i18n, coop_bilagor_intro)}</p>
            <Transition fallback=|| ()>{list}</Transition>
            <h3 id="enheternas-resultat">{t!(i18n, coop_results_heading)}</h3>
            <p>{t!(i18n, coop_results_intro)}</p>
            <ChangeForm action=attach ids beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, coop_results_attach).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, coop_results_attaching).to_string())
                done=Signal::derive(move || t_string!(i18n, coop_results_attached).to_string())>
                <SelectField id="resultat-punkt" name="item_id" options=options.clone() selected=chosen.clone()
                    label=t_string!(i18n, coop_results_item).to_string() error=err("item_id") />
                <TextField id="resultat-ar" name="year" kind="number" value=year
                    label=t_string!(i18n, coop_results_year).to_string() error=err("year") />
            </ChangeForm>
            <HealthServiceForm protocol=protocol.clone() action=actions.attach_health options=health_options />
            <UploadForm protocol options=upload_options chosen=upload_chosen />
        </section>
    }
}

/// The node's occupational health service statistics frozen under an item: by default the
/// sub-item "Uppföljning av företagshälsovård" and the year before the meeting's.
#[component]
fn HealthServiceForm(
    protocol: CoopProtocolView,
    action: ServerAction<AttachHealthService>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    use crate::domain::cooperation::bilagor::brings_health_service;

    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get());
    let err = move |field: &'static str| Signal::derive(move || field_message(result.get(), field));
    let chosen = protocol
        .items
        .iter()
        .flat_map(|i| i.subs.iter())
        .find(|s| brings_health_service(&s.title))
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    let year = (chrono::Datelike::year(&protocol.date) - 1).to_string();
    let statistics = format!(
        "/samverkan/{}/foretagshalsovard?ar={year}",
        protocol.group_id
    );
    view! {
        <h3 id="foretagshalsovard">{t!(i18n, coop_fhv_heading)}</h3>
        <p>{t!(i18n, coop_fhv_intro)} " " <a href=statistics>{t!(i18n, fhv_link)}</a></p>
        <ChangeForm action ids=protocol_ids(&protocol) beside_fields=true variant="secondary"
            label=Signal::derive(move || t_string!(i18n, coop_fhv_attach).to_string())
            busy_label=Signal::derive(move || t_string!(i18n, coop_fhv_attaching).to_string())
            done=Signal::derive(move || t_string!(i18n, coop_fhv_attached).to_string())>
            <SelectField id="fhv-punkt" name="item_id" options selected=chosen
                label=t_string!(i18n, coop_fhv_item).to_string() error=err("item_id") />
            <TextField id="fhv-ar" name="year" kind="number" value=year
                label=t_string!(i18n, coop_fhv_year).to_string() error=err("year") />
        </ChangeForm>
    }
}

/// The upload of a file under an item, with how the last upload went.
#[component]
fn UploadForm(
    protocol: CoopProtocolView,
    options: Vec<(String, String)>,
    chosen: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!(
        "/samverkan/{}/mote/{}/bilagor",
        protocol.group_id, protocol.meeting_id
    );
    view! {
        <h3 id="ladda-upp-bilaga">{t!(i18n, coop_bilaga_upload_heading)}</h3>
        <AttachmentUploadForm action hint=t_string!(i18n, coop_bilaga_file_hint).to_string()>
            <SelectField id="bilaga-punkt" name="item_id" options=options.clone() selected=chosen.clone()
                label=t_string!(i18n, coop_bilaga_file_item).to_string() error=Signal::derive(|| None::<String>) />
        </AttachmentUploadForm>
    }
}
