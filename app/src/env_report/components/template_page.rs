//! `/organisation/arbetsmiljorapport`: HR at the organisation's root keeps the report's template:
//! the figures added to seed 004's and when each kind of node's report is due. Both forms work
//! before the wasm arrives; each problem stands beside its field.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::swedish_calendar::MONTHS;
use crate::env_report::{env_report_template, AddEnvFigure, EnvTemplateView, SaveEnvDeadline};
use crate::i18n::*;
use crate::ui::{field_message, success_count, ChangeForm, Loaded, SelectField, TextField};

/// The page.
#[component]
pub fn EnvTemplatePage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddEnvFigure>::new();
    let deadline = ServerAction::<SaveEnvDeadline>::new();
    let (added, saved) = (success_count(add), success_count(deadline));
    let template = Resource::new(
        move || (added.get(), saved.get()),
        |_| env_report_template(),
    );
    view! {
        <Title text=t_string!(i18n, ert_title).to_string() />
        <nav aria-label=t_string!(i18n, org_path).to_string() class="breadcrumbs">
            <ol><li><a href="/organisation">{t!(i18n, org_title)}</a></li><li aria-current="page">{t!(i18n, ert_title)}</li></ol>
        </nav>
        <h1>{t!(i18n, ert_title)}</h1>
        <Loaded resource=template view=move |t| view! { <TemplateBody template=t add deadline /> } />
    }
}

#[component]
fn TemplateBody(
    template: EnvTemplateView,
    add: ServerAction<AddEnvFigure>,
    deadline: ServerAction<SaveEnvDeadline>,
) -> impl IntoView {
    let i18n = use_i18n();
    let added = template
        .added
        .iter()
        .map(|f| {
            view! {
                <tr>
                    <td>{f.section.clone()}</td><td>{f.group.clone()}</td>
                    <th scope="row">{f.label.clone()}</th><td>{f.kind.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let deadlines = template
        .deadlines
        .iter()
        .map(|d| {
            let month = MONTHS.get(d.month as usize - 1).copied().unwrap_or_default();
            view! { <tr><th scope="row">{d.label.clone()}</th><td>{format!("{} {month}", d.day)}</td></tr> }
        })
        .collect_view();
    let add_result = Signal::derive(move || add.value().get());
    let deadline_result = Signal::derive(move || deadline.value().get());
    let kinds = vec![
        (
            "count".to_string(),
            t_string!(i18n, ert_kind_count).to_string(),
        ),
        (
            "hours".to_string(),
            t_string!(i18n, ert_kind_hours).to_string(),
        ),
        (
            "percent".to_string(),
            t_string!(i18n, ert_kind_percent).to_string(),
        ),
    ];
    let bases = std::iter::once((String::new(), t_string!(i18n, ert_basis_none).to_string()))
        .chain(template.bases.iter().cloned())
        .collect::<Vec<_>>();
    let node_kinds = template
        .deadlines
        .iter()
        .map(|d| (d.kind.clone(), d.label.clone()))
        .collect::<Vec<_>>();
    let months = MONTHS
        .iter()
        .enumerate()
        .map(|(i, m)| ((i + 1).to_string(), m.to_string()))
        .collect::<Vec<_>>();
    view! {
        <p class="lead">{t!(i18n, ert_lead, org = template.org_name.clone())}</p>
        <section class="panel" aria-labelledby="ert-tillagda">
            <h2 id="ert-tillagda">{t!(i18n, ert_added_heading)}</h2>
            {if template.added.is_empty() {
                view! { <p class="empty">{t!(i18n, ert_added_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="group" aria-labelledby="ert-tillagda">
                        <table class="data-table">
                            <thead><tr>
                                <th scope="col">{t!(i18n, ert_section)}</th>
                                <th scope="col">{t!(i18n, ert_group)}</th>
                                <th scope="col">{t!(i18n, ert_label)}</th>
                                <th scope="col">{t!(i18n, ert_kind)}</th>
                            </tr></thead>
                            <tbody>{added}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h3>{t!(i18n, ert_add_heading)}</h3>
            <ChangeForm action=add beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, ert_add_button).to_string())
                done=Signal::derive(move || t_string!(i18n, ert_added).to_string())>
                <SelectField id="ert-avsnitt" name="section" label=t_string!(i18n, ert_section).to_string()
                    options=template.sections.clone()
                    error=Signal::derive(move || field_message(add_result.get(), "section")) />
                <TextField id="ert-underrubrik" name="group" label=t_string!(i18n, ert_group_optional).to_string()
                    hint=t_string!(i18n, ert_group_hint).to_string()
                    error=Signal::derive(move || field_message(add_result.get(), "group")) />
                <TextField id="ert-namn" name="label" label=t_string!(i18n, ert_label).to_string()
                    error=Signal::derive(move || field_message(add_result.get(), "label")) />
                <SelectField id="ert-slag" name="kind" label=t_string!(i18n, ert_kind).to_string()
                    options=kinds
                    error=Signal::derive(move || field_message(add_result.get(), "kind")) />
                <SelectField id="ert-underlag" name="basis" label=t_string!(i18n, ert_basis).to_string()
                    options=bases hint=t_string!(i18n, ert_basis_hint).to_string()
                    error=Signal::derive(move || field_message(add_result.get(), "basis")) />
            </ChangeForm>
        </section>
        <section class="panel" aria-labelledby="ert-tidsfrister">
            <h2 id="ert-tidsfrister">{t!(i18n, ert_deadlines_heading)}</h2>
            <p>{t!(i18n, ert_deadlines_intro)}</p>
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="ert-tidsfrister">
                <table class="data-table">
                    <thead><tr><th scope="col">{t!(i18n, ert_level)}</th><th scope="col">{t!(i18n, ert_due)}</th></tr></thead>
                    <tbody>{deadlines}</tbody>
                </table>
            </div>
            <h3>{t!(i18n, ert_deadline_change)}</h3>
            <ChangeForm action=deadline beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, ert_deadline_button).to_string())
                done=Signal::derive(move || t_string!(i18n, ert_deadline_saved).to_string())>
                <SelectField id="ert-niva" name="kind" label=t_string!(i18n, ert_level).to_string()
                    options=node_kinds
                    error=Signal::derive(move || field_message(deadline_result.get(), "kind")) />
                <TextField id="ert-dag" name="day" label=t_string!(i18n, ert_day).to_string()
                    error=Signal::derive(move || field_message(deadline_result.get(), "day")) />
                <SelectField id="ert-manad" name="month" label=t_string!(i18n, ert_month).to_string()
                    options=months
                    error=Signal::derive(move || field_message(deadline_result.get(), "month")) />
            </ChangeForm>
        </section>
    }
}
