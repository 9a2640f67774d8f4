//! `/enhet/:unit_id/mote/:meeting_id/avstamning`: the workload check of an APT. The chef picks
//! the method and opens voting; members vote anonymously from their phones; the result shows
//! once enough have voted. The chef may also record the room's traffic light by hand.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::domain::{ShownVotes, WorkloadMethod, WorkloadTally};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::Loaded;
use crate::ui::{
    field_message, format_date, route_id, success_count, ChangeForm, CheckField, TextArea,
    TextField,
};
use crate::workload::{
    get_workload, CastWorkloadVote, SaveWorkloadRecord, SetWorkloadVoting, WorkloadView,
};

#[derive(Clone, Copy)]
struct WorkloadActions {
    voting: ServerAction<SetWorkloadVoting>,
    vote: ServerAction<CastWorkloadVote>,
    record: ServerAction<SaveWorkloadRecord>,
}

/// The workload page of one meeting.
#[component]
pub fn WorkloadPage() -> impl IntoView {
    let unit_id = route_id("unit_id");
    let meeting_id = route_id("meeting_id");
    let actions = WorkloadActions {
        voting: ServerAction::new(),
        vote: ServerAction::new(),
        record: ServerAction::new(),
    };
    let (a, b, c) = (
        success_count(actions.voting),
        success_count(actions.vote),
        success_count(actions.record),
    );
    let check = Resource::new(
        move || (unit_id.get(), meeting_id.get(), a.get() + b.get() + c.get()),
        |(unit, meeting, _)| async move {
            match (unit, meeting) {
                (Some(u), Some(m)) => get_workload(u, m).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    // While voting is open, the count (and, from the threshold on, the result) keeps up.
    Effect::new(move |_| {
        if check
            .get()
            .and_then(Result::ok)
            .is_some_and(|v| v.voting_open)
        {
            set_timeout(move || check.refetch(), std::time::Duration::from_secs(3));
        }
    });
    view! {
        <Loaded resource=check view=move |v| view! { <WorkloadBody view=v actions /> } />
    }
}

#[component]
fn WorkloadBody(view: WorkloadView, actions: WorkloadActions) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, workload_title, date = format_date(i18n, view.date)).to_string();
    let back = format!(
        "/enhet/{}/mote/{}/dagordning",
        view.unit_id, view.meeting_id
    );
    let can_vote = view.may_vote && view.voting_open && !view.has_voted && view.method.is_some();
    let status = if view.voting_open {
        t_string!(i18n, workload_open, count = votes_text(i18n, view.votes)).to_string()
    } else if view.method.is_some() {
        t_string!(i18n, workload_closed, count = votes_text(i18n, view.votes)).to_string()
    } else {
        t_string!(i18n, workload_not_started).to_string()
    };
    view! {
        <Title text=title.clone() />
        <p class="back-link"><a href=back>{t!(i18n, back_to_agenda)}</a></p>
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, workload_intro)}</p>
        <p role="status" class="workload__status">{status}</p>
        {view.can_edit.then(|| view! { <VotingPanel view=view.clone() action=actions.voting /> })}
        {can_vote.then(|| view! { <VotePanel view=view.clone() action=actions.vote /> })}
        {(view.has_voted).then(|| view! { <p class="notice">{t!(i18n, workload_voted)}</p> })}
        <ResultPanel view=view.clone() />
        {view.can_edit.then(|| view! { <RecordPanel view=view.clone() action=actions.record /> })}
    }
}

/// How many have voted, in words: exactly once voting is closed, else which side of the
/// threshold (`Ballot::shown_votes`).
fn votes_text(i18n: leptos_i18n::I18nContext<Locale>, votes: ShownVotes) -> String {
    match votes {
        ShownVotes::Exactly(n) => n.to_string(),
        ShownVotes::FewerThan(n) => t_string!(i18n, workload_fewer_than, n = n).to_string(),
        ShownVotes::AtLeast(n) => t_string!(i18n, workload_at_least, n = n).to_string(),
    }
}

#[component]
fn VotingPanel(view: WorkloadView, action: ServerAction<SetWorkloadVoting>) -> impl IntoView {
    let i18n = use_i18n();
    if !view.voting_open && !view.may_reopen {
        return view! {
            <section class="panel" aria-labelledby="rostning">
                <h2 id="rostning">{t!(i18n, workload_voting_heading)}</h2>
                <p>{t!(i18n, workload_closed_for_good)}</p>
            </section>
        }
        .into_any();
    }
    let _pending = action.pending();
    let method = view.method.unwrap_or(WorkloadMethod::TrafficLight);
    let open = view.voting_open;
    let choice = move |m: WorkloadMethod, label: String| {
        let id = format!("satt-{}", m.code());
        view! { <CheckField id kind="radio" name="method" value=m.code() checked=m == method label /> }
    };
    view! {
        <section class="panel" aria-labelledby="rostning">
            <h2 id="rostning">{t!(i18n, workload_voting_heading)}</h2>
            <ChangeForm action ids=vec![("unit_id", view.unit_id.to_string()), ("meeting_id", view.meeting_id.to_string()), ("open", (!open).to_string())] variant=if open { "secondary" } else { "primary" }
                label=Signal::derive(move || if open {
                        t_string!(i18n, workload_close).to_string()
                    } else {
                        t_string!(i18n, workload_open_button).to_string()
                    })>
                <fieldset class="choices">
                    <legend>{t!(i18n, workload_method)}</legend>
                    {choice(WorkloadMethod::TrafficLight, t_string!(i18n, workload_method_traffic).to_string())}
                    {choice(WorkloadMethod::Quadrant, t_string!(i18n, workload_method_quadrant).to_string())}
                </fieldset>
            </ChangeForm>
        </section>
    }
    .into_any()
}

#[component]
fn VotePanel(view: WorkloadView, action: ServerAction<CastWorkloadVote>) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let result = Signal::derive(move || action.value().get());
    let radios = move |name: &'static str, options: Vec<(String, String)>| {
        options
            .into_iter()
            .map(|(value, label)| {
                let id = format!("rost-{name}-{value}");
                view! { <CheckField id kind="radio" name value label /> }
            })
            .collect_view()
    };
    let scale = |low: String, high: String| {
        (1..=5)
            .map(|n| {
                let label = match n {
                    1 => format!("1 – {low}"),
                    5 => format!("5 – {high}"),
                    n => n.to_string(),
                };
                (n.to_string(), label)
            })
            .collect::<Vec<_>>()
    };
    let fields = match view.method {
        Some(WorkloadMethod::Quadrant) => view! {
            <fieldset class="choices" aria-describedby="rost-load-fel">
                <legend>{t!(i18n, workload_load_legend)}</legend>
                {radios("load", scale(t_string!(i18n, workload_low).to_string(), t_string!(i18n, workload_high).to_string()))}
                <p id="rost-load-fel" class="field__error">{move || field_message(result.get(), "load")}</p>
            </fieldset>
            <fieldset class="choices" aria-describedby="rost-control-fel">
                <legend>{t!(i18n, workload_control_legend)}</legend>
                {radios("control", scale(t_string!(i18n, workload_low).to_string(), t_string!(i18n, workload_high).to_string()))}
                <p id="rost-control-fel" class="field__error">{move || field_message(result.get(), "control")}</p>
            </fieldset>
        }.into_any(),
        _ => view! {
            <fieldset class="choices" aria-describedby="rost-light-fel">
                <legend>{t!(i18n, workload_light_legend)}</legend>
                {radios("light", vec![
                    ("green".to_string(), t_string!(i18n, workload_green).to_string()),
                    ("yellow".to_string(), t_string!(i18n, workload_yellow).to_string()),
                    ("red".to_string(), t_string!(i18n, workload_red).to_string()),
                ])}
                <p id="rost-light-fel" class="field__error">{move || field_message(result.get(), "light")}</p>
            </fieldset>
        }.into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="rosta">
            <h2 id="rosta">{t!(i18n, workload_vote_heading)}</h2>
            <p>{t!(i18n, workload_anonymous)}</p>
            <ChangeForm action ids=vec![("unit_id", view.unit_id.to_string()), ("meeting_id", view.meeting_id.to_string())] beside_fields=true
                label=Signal::derive(move || t_string!(i18n, workload_vote_button).to_string())
                busy_label=Signal::derive(move || t_string!(i18n, sending).to_string())>
                {fields}
            </ChangeForm>
        </section>
    }
}

/// The figures of a tally as lines of text.
pub fn tally_lines(i18n: leptos_i18n::I18nContext<Locale>, t: &WorkloadTally) -> Vec<String> {
    let mut lines = Vec::new();
    if t.red + t.yellow + t.green > 0 {
        lines.push(
            t_string!(
                i18n,
                workload_lights,
                red = t.red,
                yellow = t.yellow,
                green = t.green
            )
            .to_string(),
        );
    }
    if let (Some(load), Some(control)) = (t.load, t.control) {
        lines.push(
            t_string!(
                i18n,
                workload_averages,
                load = format!("{load:.1}"),
                control = format!("{control:.1}")
            )
            .to_string(),
        );
        lines.push(t_string!(i18n, workload_strained, count = t.strained).to_string());
    }
    lines
}

#[component]
fn ResultPanel(view: WorkloadView) -> impl IntoView {
    let i18n = use_i18n();
    let body = match &view.result {
        Some(t) => {
            let lines = tally_lines(i18n, t).into_iter().map(|l| view! { <li>{l}</li> }).collect_view();
            view! {
                <p>{t!(i18n, workload_result_from, count = votes_text(i18n, view.votes))}</p>
                <ul class="workload__result">{lines}</ul>
            }
            .into_any()
        }
        None => view! {
            <p>{t!(i18n, workload_result_hidden, threshold = view.threshold, count = votes_text(i18n, view.votes))}</p>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="resultat">
            <h2 id="resultat">{t!(i18n, workload_result_heading)}</h2>
            {body}
        </section>
    }
}

#[component]
fn RecordPanel(view: WorkloadView, action: ServerAction<SaveWorkloadRecord>) -> impl IntoView {
    let i18n = use_i18n();
    let _pending = action.pending();
    let result = Signal::derive(move || action.value().get());
    let err = move |f: &'static str| Signal::derive(move || field_message(result.get(), f));
    let crate::workload::WorkloadRecord {
        red,
        yellow,
        green,
        note,
    } = view.record.clone().unwrap_or_default();
    let text = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    view! {
        <section class="panel" aria-labelledby="anteckna">
            <h2 id="anteckna">{t!(i18n, workload_record_heading)}</h2>
            <p>{t!(i18n, workload_record_intro)}</p>
            <ChangeForm action ids=vec![("unit_id", view.unit_id.to_string()), ("meeting_id", view.meeting_id.to_string())] beside_fields=true variant="secondary"
                label=Signal::derive(move || t_string!(i18n, save_changes).to_string())
                done=Signal::derive(move || t_string!(i18n, workload_record_saved).to_string())>
                <div class="meeting-fields__times">
                    <TextField id="antal-rod" name="red" kind="number" min="0" max="500" value=text(red)
                        label=t_string!(i18n, workload_count_red).to_string() error=err("red") />
                    <TextField id="antal-gul" name="yellow" kind="number" min="0" max="500" value=text(yellow)
                        label=t_string!(i18n, workload_count_yellow).to_string() error=err("yellow") />
                    <TextField id="antal-gron" name="green" kind="number" min="0" max="500" value=text(green)
                        label=t_string!(i18n, workload_count_green).to_string() error=err("green") />
                </div>
                <TextArea id="avstamning-anteckning" name="note" rows=2 value=note
                    label=t_string!(i18n, workload_note).to_string() error=err("note") />
            </ChangeForm>
        </section>
    }
}
