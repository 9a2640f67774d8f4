//! `/organisation/import`: the administrator uploads the HR system's export (a plain multipart
//! form, so it works without JavaScript), and `/organisation/import/{id}`: what it would do,
//! every rejected row with why, and the button that applies it all at once.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::domain::hr_import::{Sheet, PERSON_COLUMNS, UNIT_COLUMNS};
use crate::i18n::*;
use crate::org::{import_preview, ApplyImport, ImportPlanView};
use crate::ui::{route_id, success_count, ChangeForm, FormError, Loaded};

/// The upload page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let problem = Signal::derive(move || query.read().get("fel"));
    view! {
        <Title text=t_string!(i18n, import_title).to_string() />
        <nav aria-label=t_string!(i18n, org_path).to_string() class="breadcrumbs">
            <ol><li><a href="/organisation">{t!(i18n, org_title)}</a></li><li aria-current="page">{t!(i18n, import_title)}</li></ol>
        </nav>
        <h1>{t!(i18n, import_title)}</h1>
        <p class="lead">{t!(i18n, import_intro)}</p>
        <section class="panel" aria-labelledby="format-rubrik">
            <h2 id="format-rubrik">{t!(i18n, import_format_heading)}</h2>
            <p>{t!(i18n, import_format_units)}</p>
            <p><code>{UNIT_COLUMNS.join(" ; ")}</code></p>
            <p>{t!(i18n, import_format_people)}</p>
            <p><code>{PERSON_COLUMNS.join(" ; ")}" ; Fackförbund"</code></p>
            <p class="muted">{t!(i18n, import_format_rules)}</p>
        </section>
        <section class="panel" aria-labelledby="ladda-upp-rubrik">
            <h2 id="ladda-upp-rubrik">{t!(i18n, import_upload_heading)}</h2>
            <FormError message=problem />
            <form method="post" action="/organisation/import/ladda-upp" enctype="multipart/form-data">
                <div class="field">
                    <label for="import-filer">{t!(i18n, import_files)}</label>
                    <p id="import-filer-hjalp" class="field__hint">{t!(i18n, import_files_hint)}</p>
                    <input id="import-filer" name="filer" type="file" multiple=true required=true
                        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        aria-describedby="import-filer-hjalp" />
                </div>
                <button type="submit" class="button button--primary">{t!(i18n, import_preview_button)}</button>
            </form>
        </section>
    }
}

/// The preview of one upload, and applying it.
#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let import = route_id("import_id");
    let apply = ServerAction::<ApplyImport>::new();
    let applied = success_count(apply);
    let preview = Resource::new(
        move || (import.get(), applied.get()),
        |(id, _)| import_preview(id.unwrap_or_default()),
    );
    view! {
        <Title text=t_string!(i18n, import_preview_title).to_string() />
        <nav aria-label=t_string!(i18n, org_path).to_string() class="breadcrumbs">
            <ol>
                <li><a href="/organisation">{t!(i18n, org_title)}</a></li>
                <li><a href="/organisation/import">{t!(i18n, import_title)}</a></li>
                <li aria-current="page">{t!(i18n, import_preview_title)}</li>
            </ol>
        </nav>
        <h1>{t!(i18n, import_preview_title)}</h1>
        <Loaded resource=preview view=move |p| view! { <PreviewBody preview=p apply /> } />
    }
}

/// The counts, the lists, the rejected rows and the button.
#[component]
fn PreviewBody(preview: ImportPlanView, apply: ServerAction<ApplyImport>) -> impl IntoView {
    let i18n = use_i18n();
    let lists = preview
        .lists
        .iter()
        .filter(|(_, list)| list.count > 0)
        .map(|(heading, list)| {
            let more = list.count.saturating_sub(list.lines.len());
            let lines = list.lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view();
            view! {
                <details class="import-list">
                    <summary>{format!("{heading}: {}", list.count)}</summary>
                    <ul>{lines}</ul>
                    {(more > 0).then(|| view! { <p class="muted">{t!(i18n, import_and_more, count = more)}</p> })}
                </details>
            }
        })
        .collect_view();
    let rejected = preview
        .rejected
        .iter()
        .map(|r| {
            let sheet = match r.sheet {
                Sheet::Units => t_string!(i18n, import_sheet_units).to_string(),
                Sheet::People => t_string!(i18n, import_sheet_people).to_string(),
            };
            view! { <tr><td>{sheet}</td><td>{r.line}</td><td>{r.reason.clone()}</td></tr> }
        })
        .collect_view();
    let has_rejected = !preview.rejected.is_empty();
    let rejected_count = preview.rejected.len();
    let changes = preview.changes;
    let done = Signal::derive(move || match apply.value().get() {
        Some(Ok(n)) => Some(t_string!(i18n, import_applied, count = n).to_string()),
        _ => None,
    });
    view! {
        <p class="lead">{t!(i18n, import_file_line, name = preview.file_name.clone(), count = changes)}</p>
        <section class="panel" aria-labelledby="andringar-rubrik">
            <h2 id="andringar-rubrik">{t!(i18n, import_changes_heading)}</h2>
            {(changes == 0).then(|| view! { <p>{t!(i18n, import_nothing)}</p> })}
            {lists}
        </section>
        {has_rejected.then(|| view! {
            <section class="panel" aria-labelledby="avvisade-rubrik">
                <h2 id="avvisade-rubrik">{t!(i18n, import_rejected_heading, count = rejected_count)}</h2>
                <p class="muted">{t!(i18n, import_rejected_hint)}</p>
                <div class="table-scroll" tabindex="0" role="group" aria-labelledby="avvisade-rubrik">
                    <table>
                        <thead><tr><th scope="col">{t!(i18n, import_sheet)}</th><th scope="col">{t!(i18n, import_line)}</th><th scope="col">{t!(i18n, import_reason)}</th></tr></thead>
                        <tbody>{rejected}</tbody>
                    </table>
                </div>
            </section>
        })}
        <p class="form-status" role="status">{move || done.get()}</p>
        {if preview.applied {
            // Applied before this page was drawn (a form posted without the wasm, or a later
            // visit): the page says so itself, since no action here holds the outcome.
            let earlier = move || done.get().is_none().then(|| view! { <p>{t!(i18n, import_applied_earlier)}</p> });
            view! {
                {earlier}
                <p><span class="badge badge--ok">{t!(i18n, import_done_badge)}</span> <a href="/organisation">{t!(i18n, import_to_tree)}</a></p>
            }.into_any()
        } else if changes > 0 {
            view! {
                <ChangeForm action=apply ids=vec![("import_id", preview.id.to_string()), ("fingerprint", preview.fingerprint.clone())]
                    label=Signal::derive(move || t_string!(i18n, import_apply_button).to_string())
                    busy_label=Signal::derive(move || t_string!(i18n, import_applying).to_string()) />
            }.into_any()
        } else {
            ().into_any()
        }}
    }
}
