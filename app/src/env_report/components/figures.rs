//! The report's key figures: one of seed 004's tables (this year, the year before and the
//! difference, sub-headings as the seed groups the rows), and the writer's form for the node's
//! own figures, one box per figure of the organisation's template.

use leptos::prelude::*;

use crate::env_report::{EnvReportView, FigureTableView, SaveEnvFigures};
use crate::i18n::*;
use crate::ui::{field_message, ChangeForm, TextField};

/// One table of figures, rolled up over the node and everything below it.
#[component]
pub(super) fn FigureTable(table: FigureTableView) -> impl IntoView {
    let i18n = use_i18n();
    let [first, this, last, difference] = table.headings.clone();
    let left_out: i64 = table.rows.iter().map(|r| r.left_out).max().unwrap_or(0);
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            if row.is_group {
                view! { <tr class="er-group"><th scope="rowgroup" colspan="4">{row.label}</th></tr> }
                    .into_any()
            } else {
                view! {
                    <tr>
                        <th scope="row">{row.label}</th>
                        <td class="num">{row.this}</td>
                        <td class="num">{row.last}</td>
                        <td class="num">{row.difference}</td>
                    </tr>
                }
                .into_any()
            }
        })
        .collect_view();
    let caption = table.caption.clone();
    let group_label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="group" aria-label=group_label>
            <table class="data-table er-figures">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{first}</th>
                    <th scope="col" class="num">{this}</th>
                    <th scope="col" class="num">{last}</th>
                    <th scope="col" class="num">{difference}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(left_out > 0).then(|| view! { <p class="field__hint">{t!(i18n, er_left_out, count = left_out)}</p> })}
    }
}

/// The node's own figures as its writer enters them, section by section.
#[component]
pub(super) fn FiguresForm(
    report: EnvReportView,
    action: ServerAction<SaveEnvFigures>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = Signal::derive(move || action.value().get().map(|r| r.map(|_| ())));
    let mut groups: Vec<(String, Vec<AnyView>)> = Vec::new();
    for input in &report.inputs {
        let name = format!("figure[{}]", input.code);
        let field = name.clone();
        let label = match input.group.as_str() {
            "" => format!("{} ({})", input.label, input.unit.to_lowercase()),
            group => format!("{group}: {} ({})", input.label, input.unit.to_lowercase()),
        };
        let view = view! {
            <TextField id=format!("er-{}", input.code) name value=input.value.clone() label
                autocomplete="off"
                error=Signal::derive(move || field_message(result.get(), &field)) />
        }
        .into_any();
        match groups.last_mut() {
            Some((section, boxes)) if *section == input.section => boxes.push(view),
            _ => groups.push((input.section.clone(), vec![view])),
        }
    }
    let fieldsets = groups
        .into_iter()
        .map(|(section, boxes)| {
            view! {
                <fieldset>
                    <legend>{section}</legend>
                    <div class="er-boxes">{boxes}</div>
                </fieldset>
            }
        })
        .collect_view();
    let ids = vec![
        ("node_id", report.node_id.to_string()),
        ("year", report.year.to_string()),
    ];
    view! {
        <section class="panel" aria-labelledby="er-egna-nyckeltal">
            <h2 id="er-egna-nyckeltal">{t!(i18n, er_figures_form_heading, node = report.node_name.clone())}</h2>
            <p>{t!(i18n, er_figures_form_intro)}</p>
            <ChangeForm action ids beside_fields=true
                label=Signal::derive(move || t_string!(i18n, er_figures_save).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, saving).to_string())
                done=Signal::derive(move || t_string!(i18n, er_figures_saved).to_string())>
                {fieldsets}
            </ChangeForm>
        </section>
    }
}
