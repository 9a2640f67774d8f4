//! `/gallring`: HR at the root sets the organisation's culling decision for each kind of record,
//! sees what it would cull today, and runs the culling after ticking that the list is checked.
//! Plain forms, so it works before hydration too.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::RecordKind;
use crate::error::AppError;
use crate::i18n::*;
use crate::retention::{
    get_retention, KindRetention, RetentionView, RunCulling, RunView, SaveRetentionRule,
};
use crate::ui::Loaded;
use crate::ui::{
    error_message, format_date, success_count, CheckField, FormError, SubmitButton, TextField,
};

/// The two forms of one kind, each with its own action so results stay with their form.
#[derive(Clone, Copy)]
struct KindActions {
    save: ServerAction<SaveRetentionRule>,
    run: ServerAction<RunCulling>,
}

/// The page.
#[component]
pub fn RetentionPage() -> impl IntoView {
    let actions: Vec<(RecordKind, KindActions)> = RecordKind::ALL
        .into_iter()
        .map(|kind| {
            (
                kind,
                KindActions {
                    save: ServerAction::new(),
                    run: ServerAction::new(),
                },
            )
        })
        .collect();
    let counts: Vec<Memo<usize>> = actions
        .iter()
        .flat_map(|(_, a)| [success_count(a.save), success_count(a.run)])
        .collect();
    let changed = Memo::new(move |_| counts.iter().map(|c| c.get()).sum::<usize>());
    let page = Resource::new(move || changed.get(), |_| get_retention());
    view! {
        <Loaded resource=page view=move |view| {
            let actions = actions.clone();
            view! { <RetentionBody view actions /> }
        } />
    }
}

/// The Swedish or English name of a kind.
fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: RecordKind) -> String {
    match kind {
        RecordKind::Minutes => t_string!(i18n, retention_kind_minutes),
        RecordKind::Agendas => t_string!(i18n, retention_kind_agendas),
        RecordKind::Checklists => t_string!(i18n, retention_kind_checklists),
        RecordKind::ActionPlans => t_string!(i18n, retention_kind_action_plans),
        RecordKind::Audit => t_string!(i18n, retention_kind_audit),
        RecordKind::Protocols => t_string!(i18n, retention_kind_protocols),
    }
    .to_string()
}

/// What culling a kind covers.
fn kind_scope(i18n: leptos_i18n::I18nContext<Locale>, kind: RecordKind) -> String {
    match kind {
        RecordKind::Minutes => t_string!(i18n, retention_scope_minutes),
        RecordKind::Agendas => t_string!(i18n, retention_scope_agendas),
        RecordKind::Checklists => t_string!(i18n, retention_scope_checklists),
        RecordKind::ActionPlans => t_string!(i18n, retention_scope_action_plans),
        RecordKind::Audit => t_string!(i18n, retention_scope_audit),
        RecordKind::Protocols => t_string!(i18n, retention_scope_protocols),
    }
    .to_string()
}

#[component]
fn RetentionBody(view: RetentionView, actions: Vec<(RecordKind, KindActions)>) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, retention_title, org = view.org_name.clone()).to_string();
    let kinds = view
        .kinds
        .into_iter()
        .filter_map(|k| {
            let a = actions.iter().find(|(kind, _)| *kind == k.kind)?.1;
            Some(view! { <KindSection k actions=a /> })
        })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, retention_intro)}</p>
        {kinds}
    }
}

/// The message of a failed attempt for one of this kind's fields (`minutes.keep_years`).
fn kind_field(
    result: Option<Result<(), AppError>>,
    kind: RecordKind,
    field: &str,
) -> Option<String> {
    match result {
        Some(Err(AppError::Invalid { field: f, message }))
            if f == format!("{}.{field}", kind.code()) =>
        {
            Some(message)
        }
        _ => None,
    }
}

/// The message of a failed attempt that belongs to no field (a field of some kind's form is
/// named `kind.field` and shown beside it by `kind_field`).
fn whole_form(result: Option<Result<(), AppError>>) -> Option<String> {
    match result {
        Some(Err(AppError::Invalid { field, .. })) if field.contains('.') => None,
        Some(Err(e)) => Some(error_message(e)()),
        _ => None,
    }
}

#[component]
fn KindSection(k: KindRetention, actions: KindActions) -> impl IntoView {
    let i18n = use_i18n();
    let kind = k.kind;
    let code = kind.code();
    let heading = format!("gallring-{code}");
    let labelled = heading.clone();
    let name = kind_name(i18n, kind);
    let rule_now = match &k.rule {
        Some(rule) => t_string!(
            i18n,
            retention_rule_now,
            decision = rule.decision.clone(),
            date = format_date(i18n, rule.decided_on),
            years = rule.keep_years
        )
        .to_string(),
        None => t_string!(i18n, retention_no_rule).to_string(),
    };
    let runs = k.runs.clone();
    view! {
        <section class="panel retention" aria-labelledby=labelled>
            <h2 id=heading>{name.clone()}</h2>
            <p class="muted">{kind_scope(i18n, kind)}</p>
            <p>{rule_now}</p>
            <RuleForm k=k.clone() actions name=name.clone() />
            {k.cutoff.map(|cutoff| view! { <CullingPreview k=k.clone() cutoff actions /> })}
            <RunList runs name />
        </section>
    }
}

#[component]
fn RuleForm(k: KindRetention, actions: KindActions, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let kind = k.kind;
    let code = kind.code();
    let save = actions.save;
    let result = Signal::derive(move || save.value().get().map(|r| r.map(|_| ())));
    let error =
        move |field: &'static str| Signal::derive(move || kind_field(result.get(), kind, field));
    let problem = Signal::derive(move || whole_form(result.get()));
    let is_saved = crate::ui::saved_and_idle(save);
    let done = move || {
        is_saved
            .get()
            .then(|| t_string!(i18n, retention_saved).to_string())
    };
    // Open while there is no rule yet, and after a failed attempt (also when the page comes
    // back from a post without JavaScript), so the message beside the field is seen.
    let unset = k.rule.is_none();
    let (years, decision, decided_on) = k
        .rule
        .as_ref()
        .map(|r| {
            (
                r.keep_years.to_string(),
                r.decision.clone(),
                r.decided_on.to_string(),
            )
        })
        .unwrap_or_default();
    view! {
        <details class="retention__rule" open=move || unset || matches!(result.get(), Some(Err(_)))>
            <summary>{t!(i18n, retention_rule_heading)}<span class="visually-hidden">{format!(" – {name}")}</span></summary>
            <ActionForm action=save>
                <FormError message=problem />
                <input type="hidden" name="kind" value=code />
                <TextField id=format!("{code}-ar") name="rule[keep_years]" kind="number"
                    label=t_string!(i18n, retention_keep_years).to_string() value=years
                    hint=t_string!(i18n, retention_keep_years_hint).to_string() error=error("keep_years") />
                <TextField id=format!("{code}-beslut") name="rule[decision]"
                    label=t_string!(i18n, retention_decision).to_string() value=decision
                    hint=t_string!(i18n, retention_decision_hint).to_string() error=error("decision") />
                <TextField id=format!("{code}-beslutsdatum") name="rule[decided_on]" kind="date"
                    label=t_string!(i18n, retention_decided_on).to_string() value=decided_on
                    error=error("decided_on") />
                <SubmitButton pending=save.pending() variant="secondary"
                    label=Signal::derive(move || t_string!(i18n, retention_save).to_string()) />
                <p class="form-status" role="status">{done}</p>
            </ActionForm>
        </details>
    }
}

#[component]
fn CullingPreview(
    k: KindRetention,
    cutoff: chrono::NaiveDate,
    actions: KindActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = k.kind;
    let code = kind.code();
    let run = actions.run;
    let result = Signal::derive(move || run.value().get().map(|r| r.map(|_| ())));
    let confirm_error = Signal::derive(move || kind_field(result.get(), kind, "confirm"));
    let problem = Signal::derive(move || whole_form(result.get()));
    let done = move || {
        run.value()
            .get()
            .and_then(Result::ok)
            .map(|d| t_string!(i18n, retention_done, count = d.removed).to_string())
    };
    let cutoff_text = format_date(i18n, cutoff);
    let more = k.would_remove - i64::try_from(k.preview.len()).unwrap_or(0);
    let confirm_id = format!("{code}-bekrafta");
    let lines = k
        .preview
        .iter()
        .map(|l| view! { <li>{l.clone()}</li> })
        .collect_view();
    view! {
        <p class="form-status" role="status">{done}</p>
        {if k.would_remove == 0 {
            view! { <p class="empty">{t!(i18n, retention_nothing, cutoff = cutoff_text.clone())}</p> }.into_any()
        } else {
            view! {
                <p>{t!(i18n, retention_would_remove, count = k.would_remove, cutoff = cutoff_text.clone())}</p>
                <ul class="retention__preview">{lines}</ul>
                {(more > 0).then(|| view! { <p class="muted">{t!(i18n, retention_more, count = more)}</p> })}
                <ActionForm action=run>
                    <FormError message=problem />
                    <input type="hidden" name="kind" value=code />
                    <CheckField id=confirm_id.clone() name="confirm" error=confirm_error
                        label=t_string!(i18n, retention_confirm).to_string() />
                    <SubmitButton pending=run.pending() variant="danger"
                        label=Signal::derive(move || t_string!(i18n, retention_run).to_string())
                        busy_label=Signal::derive(move || t_string!(i18n, retention_running).to_string()) />
                </ActionForm>
            }.into_any()
        }}
    }
}

#[component]
fn RunList(runs: Vec<RunView>, name: String) -> impl IntoView {
    let i18n = use_i18n();
    if runs.is_empty() {
        return view! { <p class="muted">{t!(i18n, retention_no_runs)}</p> }.into_any();
    }
    let count = runs.len();
    let items = runs
        .into_iter()
        .map(|r| {
            let line = t_string!(
                i18n,
                retention_run_line,
                name = r.run_by_name.clone(),
                count = r.removed,
                cutoff = format_date(i18n, r.cutoff),
                decision = r.decision.clone()
            )
            .to_string();
            let removed = r
                .lines
                .iter()
                .map(|l| view! { <li>{l.clone()}</li> })
                .collect_view();
            view! {
                <li>
                    <p><time datetime=r.run_at_iso.clone()>{r.run_at.clone()}</time> " · " {line}</p>
                    {(!r.lines.is_empty()).then(|| view! { <ul class="retention__removed">{removed}</ul> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="retention__runs">
            <summary>{format!("{} ({count})", t_string!(i18n, retention_runs))}<span class="visually-hidden">{format!(" – {name}")}</span></summary>
            <ol>{items}</ol>
        </details>
    }
    .into_any()
}
