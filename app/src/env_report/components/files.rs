//! The report's files: its PDF and every figure per node as XLSX for whoever reads it, and for
//! its writer the upload of a file of figures (a plain multipart form, so it works without
//! JavaScript; what is wrong with a file comes back beside the field), and
//! `/enhet/:unit_id/arbetsmiljorapport/import/:import_id`: what the file would set, every row it
//! rejects with why, and the button that imports it whole.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::env_report::import::IMPORT_COLUMNS;
use crate::env_report::{
    env_figures_import, ApplyEnvFiguresImport, EnvReportView, FiguresImportView,
};
use crate::i18n::*;
use crate::ui::{route_id, success_count, ChangeForm, Loaded};

/// The downloads and, for the writer, the upload.
#[component]
pub(super) fn FilesPanel(report: EnvReportView) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let problem = Signal::derive(move || query.read().get("importfel"));
    let base = format!(
        "/enhet/{}/arbetsmiljorapport/{}",
        report.node_id, report.year
    );
    let upload = report.is_writer.then(|| {
        let action = format!("/enhet/{}/arbetsmiljorapport/import", report.node_id);
        let described = move || {
            if problem.get().is_some() {
                "er-import-hjalp er-import-fel"
            } else {
                "er-import-hjalp"
            }
        };
        view! {
            <h3 id="import">{t!(i18n, er_import_heading)}</h3>
            <p>{t!(i18n, er_import_intro)}</p>
            <form method="post" action=action enctype="multipart/form-data">
                <input type="hidden" name="ar" value=report.year.to_string() />
                <div class="field">
                    <label for="er-import-fil">{t!(i18n, er_import_file)}</label>
                    <p id="er-import-hjalp" class="field__hint">
                        {t!(i18n, er_import_hint)}" "<code>{IMPORT_COLUMNS.join(" ; ")}</code>
                    </p>
                    <input id="er-import-fil" name="fil" type="file" required=true
                        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        aria-describedby=described
                        aria-invalid=move || problem.get().is_some().to_string() />
                    <p id="er-import-fel" class="field__error" role="alert">{move || problem.get()}</p>
                </div>
                <button type="submit" class="button button--secondary">{t!(i18n, er_import_button)}</button>
            </form>
        }
    });
    view! {
        <section class="panel" aria-labelledby="er-filer">
            <h2 id="er-filer">{t!(i18n, er_files_heading)}</h2>
            <ul class="er-downloads">
                <li><a href=format!("{base}/rapport.pdf") download="">{t!(i18n, er_download_pdf)}</a></li>
                <li><a href=format!("{base}/nyckeltal.xlsx") download="">{t!(i18n, er_download_xlsx)}</a></li>
            </ul>
            {report.reads_drafts.then(|| view! {
                <p><a href=format!("/enhet/{}/efterlevnad?ar={}", report.node_id, report.year)>
                    {t!(i18n, cmp_link, year = report.year)}
                </a></p>
            })}
            {upload}
        </section>
    }
}

/// The preview of one uploaded file, and importing it.
#[component]
pub fn EnvImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let node = route_id("unit_id");
    let import = route_id("import_id");
    let apply = ServerAction::<ApplyEnvFiguresImport>::new();
    let applied = success_count(apply);
    let preview = Resource::new(
        move || (node.get(), import.get(), applied.get()),
        |(node, id, _)| env_figures_import(node.unwrap_or_default(), id.unwrap_or_default()),
    );
    view! {
        <Title text=t_string!(i18n, er_import_title).to_string() />
        <Loaded resource=preview view=move |p| view! { <ImportBody preview=p apply /> } />
    }
}

#[component]
fn ImportBody(
    preview: FiguresImportView,
    apply: ServerAction<ApplyEnvFiguresImport>,
) -> impl IntoView {
    let i18n = use_i18n();
    let back = format!(
        "/enhet/{}/arbetsmiljorapport?ar={}",
        preview.node_id, preview.year
    );
    let values = preview
        .values
        .iter()
        .map(|v| {
            view! {
                <tr>
                    <td>{v.line}</td><td>{v.node_name.clone()}</td><td>{v.label.clone()}</td>
                    <td class="num">{v.shown.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let more = preview.count.saturating_sub(preview.values.len());
    let rejected = preview
        .rejected
        .iter()
        .map(|r| view! { <tr><td>{r.line}</td><td>{r.reason.clone()}</td></tr> })
        .collect_view();
    let rejected_count = preview.rejected.len();
    let done = Signal::derive(move || match apply.value().get() {
        Some(Ok(n)) => Some(t_string!(i18n, er_import_applied, count = n).to_string()),
        _ => None,
    });
    let outcome = if preview.applied {
        let earlier = move || {
            done.get()
                .is_none()
                .then(|| view! { <p>{t!(i18n, er_import_applied_earlier)}</p> })
        };
        view! {
            {earlier}
            <p><a href=back.clone()>{t!(i18n, er_import_back)}</a></p>
        }
        .into_any()
    } else if rejected_count > 0 || preview.count == 0 {
        view! {
            <p>{if rejected_count > 0 { t_string!(i18n, er_import_fix).to_string() } else { t_string!(i18n, er_import_nothing).to_string() }}</p>
            <p><a href=format!("{back}#import")>{t!(i18n, er_import_again)}</a></p>
        }
        .into_any()
    } else {
        view! {
            <ChangeForm action=apply
                ids=vec![("node_id", preview.node_id.to_string()), ("import_id", preview.id.to_string()), ("fingerprint", preview.fingerprint.clone())]
                label=Signal::derive(move || t_string!(i18n, er_import_apply).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, er_import_applying).to_string()) />
            <p><a href=back.clone()>{t!(i18n, er_import_cancel)}</a></p>
        }
        .into_any()
    };
    view! {
        <p class="back-link"><a href=back.clone()>{t!(i18n, er_title, year = preview.year)}", "{preview.node_name.clone()}</a></p>
        <h1>{t!(i18n, er_import_title)}</h1>
        <p class="lead">{t!(i18n, er_import_lead, name = preview.file_name.clone(), count = preview.count, empty = preview.empty)}</p>
        {(rejected_count > 0).then(|| view! {
            <section class="panel" aria-labelledby="er-avvisade">
                <h2 id="er-avvisade">{t!(i18n, er_import_rejected, count = rejected_count)}</h2>
                <div class="table-scroll" tabindex="0" role="group" aria-labelledby="er-avvisade">
                    <table class="data-table">
                        <thead><tr><th scope="col">{t!(i18n, er_import_line)}</th><th scope="col">{t!(i18n, er_import_reason)}</th></tr></thead>
                        <tbody>{rejected}</tbody>
                    </table>
                </div>
            </section>
        })}
        <p class="form-status" role="status">{move || done.get()}</p>
        {outcome}
        {(preview.count > 0).then(|| view! {
            <section class="panel" aria-labelledby="er-varden">
                <h2 id="er-varden">{t!(i18n, er_import_values, count = preview.count)}</h2>
                <div class="table-scroll" tabindex="0" role="group" aria-labelledby="er-varden">
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">{t!(i18n, er_import_line)}</th>
                            <th scope="col">{t!(i18n, er_children_node)}</th>
                            <th scope="col">{t!(i18n, er_import_figure)}</th>
                            <th scope="col" class="num">{t!(i18n, er_import_value)}</th>
                        </tr></thead>
                        <tbody>{values}</tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! { <p class="muted">{t!(i18n, er_import_more, count = more)}</p> })}
            </section>
        })}
    }
}
