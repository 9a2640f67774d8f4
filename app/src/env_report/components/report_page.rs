//! `/enhet/:unit_id/arbetsmiljorapport?ar=`: a node's annual work environment report (seed 004)
//! for a year: where it stands and when it is due, the way up the tree (submit; accept or
//! return at the level above), the reports of the nodes below, the key figures and the
//! sections. Every form works before the wasm arrives.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::figures::FiguresForm;
use super::files::FilesPanel;
use super::sections::SectionPanel;
use crate::env_report::{
    env_report, env_report_version, AcceptEnvReport, EnvReportView, ReturnEnvReport,
    SaveEnvFigures, SaveEnvSection, SavedFigures, SubmitEnvReport,
};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::{
    field_message, format_date, query_year, route_id, success_count, ChangeForm, Loaded, TextArea,
};

/// The page's actions, made once so a save reloads the report.
#[derive(Clone, Copy)]
pub(super) struct ReportActions {
    pub(super) figures: ServerAction<SaveEnvFigures>,
    pub(super) section: ServerAction<SaveEnvSection>,
    pub(super) submit: ServerAction<SubmitEnvReport>,
    pub(super) accept: ServerAction<AcceptEnvReport>,
    pub(super) give_back: ServerAction<ReturnEnvReport>,
}

/// The report's page.
#[component]
pub fn EnvReportPage() -> impl IntoView {
    let node_id = route_id("unit_id");
    let year = query_year();
    let actions = ReportActions {
        figures: ServerAction::new(),
        section: ServerAction::new(),
        submit: ServerAction::new(),
        accept: ServerAction::new(),
        give_back: ServerAction::new(),
    };
    // A save of the figures sends back the tables (see `ReportContents`), so it does not load
    // the report again: that would draw the sections' forms anew over what is being typed.
    let changes = [
        success_count(actions.submit),
        success_count(actions.accept),
        success_count(actions.give_back),
    ];
    let query = use_query_map();
    let version = Memo::new(move |_| {
        query
            .read()
            .get("inskickad")
            .and_then(|v| v.parse::<i64>().ok())
    });
    let report = Resource::new(
        move || {
            let changed: usize = changes.iter().map(|c| c.get()).sum();
            (node_id.get(), year.get(), version.get(), changed)
        },
        |(node_id, year, version, _)| async move {
            match (node_id, year, version) {
                (Some(id), Some(year), Some(version)) => {
                    env_report_version(id, year, version).await
                }
                (Some(id), year, _) => env_report(id, year).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! { <Loaded resource=report view=move |r| view! { <ReportBody report=r actions /> } /> }
}

#[component]
fn ReportBody(report: EnvReportView, actions: ReportActions) -> impl IntoView {
    let i18n = use_i18n();
    let (node_id, year) = (report.node_id, report.year);
    let here = format!("/enhet/{node_id}/arbetsmiljorapport");
    let title = t_string!(i18n, er_title, year = year).to_string();
    let status = report
        .status
        .map(|s| s.label().to_string())
        .unwrap_or_else(|| t_string!(i18n, er_not_begun).to_string());
    let due = format_date(i18n, report.due);
    let lead = match &report.level_above {
        Some(above) => t_string!(
            i18n,
            er_lead,
            status = status.clone(),
            above = above.clone(),
            due = due.clone()
        )
        .to_string(),
        None => t_string!(
            i18n,
            er_lead_top,
            status = status.clone(),
            due = due.clone()
        )
        .to_string(),
    };
    let kept = report.submitted_at.map(|at| {
        let when = format!("{} {}", format_date(i18n, at.date()), at.format("%H:%M"));
        view! {
            <div class="panel er-version" role="note">
                <p>{t!(i18n, er_version_banner, at = when)}</p>
                <p><a href=format!("{here}?ar={year}")>{t!(i18n, er_version_back)}</a></p>
            </div>
        }
    });
    let body = if report.visible {
        view! { <ReportContents report=report.clone() actions /> }.into_any()
    } else {
        view! { <p class="empty">{t!(i18n, er_not_accepted)}</p> }.into_any()
    };
    view! {
        <Title text=format!("{title}, {}", report.node_name) />
        <p class="back-link"><a href=format!("/enhet/{node_id}")>{report.node_name.clone()}</a></p>
        <h1 class="er-title">{title}" "<span class="subtitle">{report.node_name.clone()}</span></h1>
        <p class="lead">{lead}</p>
        {kept}
        <nav class="year-nav" aria-label=t_string!(i18n, er_years_nav).to_string()>
            <a href=format!("{here}?ar={}", year - 1) rel="prev">{t!(i18n, er_prev, year = year - 1)}</a>
            " "
            <a href=format!("{here}?ar={}", year + 1) rel="next">{t!(i18n, er_next, year = year + 1)}</a>
        </nav>
        {body}
    }
}

#[component]
fn ReportContents(report: EnvReportView, actions: ReportActions) -> impl IntoView {
    // The figures as loaded, then as the last save of them rolled them up.
    let figures = RwSignal::new(SavedFigures {
        tables: report.tables.clone(),
        sick_history: report.sick_history.clone(),
    });
    let (saves, set_saves) = signal(0_u32);
    Effect::new(move |_| {
        if let Some(Ok(saved)) = actions.figures.value().get() {
            figures.set(saved);
            set_saves.update(|n| *n += 1);
        }
    });
    let sections = report
        .sections
        .iter()
        .map(|s| {
            view! { <SectionPanel report=report.clone() figures saves section=s.clone() action=actions.section /> }
        })
        .collect_view();
    view! {
        <WorkflowPanel report=report.clone() actions />
        <ChildrenPanel report=report.clone() />
        {report.submitted_at.is_none().then(|| view! { <FilesPanel report=report.clone() /> })}
        {report.can_write.then(|| view! { <FiguresForm report=report.clone() action=actions.figures /> })}
        {sections}
        <HistoryPanel report=report.clone() />
    }
}

/// Submitting the report (its writer), deciding on it (the level above).
#[component]
fn WorkflowPanel(report: EnvReportView, actions: ReportActions) -> impl IntoView {
    let i18n = use_i18n();
    let ids = vec![
        ("node_id", report.node_id.to_string()),
        ("year", report.year.to_string()),
    ];
    let submit = report.can_write.then(|| {
        let label = match &report.level_above {
            Some(above) => t_string!(i18n, er_submit, above = above.clone()).to_string(),
            None => t_string!(i18n, er_adopt).to_string(),
        };
        view! {
            <p>{t!(i18n, er_submit_intro)}</p>
            <ChangeForm action=actions.submit ids=ids.clone()
                label=Signal::derive(move || label.clone())
                busy_label=Signal::derive(move || t_string!(i18n, er_submitting).to_string())
                done=Signal::derive(move || t_string!(i18n, er_submitted).to_string()) />
        }
    });
    let decide = report.can_decide.then(|| {
        let result = Signal::derive(move || actions.give_back.value().get());
        view! {
            <h3>{t!(i18n, er_decide_heading)}</h3>
            <ChangeForm action=actions.accept ids=ids.clone()
                label=Signal::derive(move || t_string!(i18n, er_accept).to_string())
                done=Signal::derive(move || t_string!(i18n, er_decided).to_string()) />
            <ChangeForm action=actions.give_back ids=ids.clone() beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, er_return).to_string())
                done=Signal::derive(move || t_string!(i18n, er_decided).to_string())>
                <TextArea id="er-kommentar" name="comment" rows=3
                    label=t_string!(i18n, er_return_comment).to_string()
                    error=Signal::derive(move || field_message(result.get(), "comment")) />
            </ChangeForm>
        }
    });
    let nothing = submit.is_none() && decide.is_none();
    (!nothing).then(|| {
        view! {
            <section class="panel" aria-labelledby="er-arbetsgang">
                <h2 id="er-arbetsgang">{t!(i18n, er_workflow_heading)}</h2>
                {submit}
                {decide}
            </section>
        }
    })
}

/// The nodes right below and where their reports stand, each a link to it.
#[component]
fn ChildrenPanel(report: EnvReportView) -> impl IntoView {
    let i18n = use_i18n();
    let year = report.year;
    let rows = report
        .children
        .iter()
        .map(|c| {
            let href = format!("/enhet/{}/arbetsmiljorapport?ar={year}", c.node_id);
            view! { <tr><th scope="row"><a href=href>{c.name.clone()}</a></th><td>{c.status.clone()}</td></tr> }
        })
        .collect_view();
    (!report.children.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="er-under">
                <h2 id="er-under">{t!(i18n, er_children_heading, node = report.node_name.clone())}</h2>
                <div class="table-scroll" tabindex="0" role="group"
                    aria-label=t_string!(i18n, er_children_heading, node = report.node_name.clone()).to_string()>
                    <table class="data-table">
                        <caption class="visually-hidden">
                            {t!(i18n, er_children_heading, node = report.node_name.clone())}
                        </caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, er_children_node)}</th>
                            <th scope="col">{t!(i18n, er_children_status)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}

/// The report's way through the workflow.
#[component]
fn HistoryPanel(report: EnvReportView) -> impl IntoView {
    let i18n = use_i18n();
    let entries = report
        .history
        .iter()
        .map(|h| {
            let when = format!(
                "{} {}",
                format_date(i18n, h.at.date()),
                h.at.format("%H:%M")
            );
            let line = t_string!(
                i18n,
                er_history_line,
                step = h.step.clone(),
                at = when,
                name = h.name.clone()
            )
            .to_string();
            let comment = (!h.comment.is_empty())
                .then(|| view! { <p class="comment">{h.comment.clone()}</p> });
            let kept = h.version.map(|v| {
                let href = format!(
                    "/enhet/{}/arbetsmiljorapport?ar={}&inskickad={v}",
                    report.node_id, report.year
                );
                view! { <p><a href=href>{t!(i18n, er_version_link)}</a></p> }
            });
            view! { <li><p>{line}</p>{comment}{kept}</li> }
        })
        .collect_view();
    (!report.history.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="er-historik">
                <h2 id="er-historik">{t!(i18n, er_history_heading)}</h2>
                <ul class="er-history">{entries}</ul>
            </section>
        }
    })
}
