//! The protocol as a document, in seed 002's shape: the administration and the group, the day,
//! Närvarande (with "(punkt 4–12)"), Förhinder, Adjungerade, Tidpunkt, Plats, then the numbered
//! items with lettered sub-items, what was said, what was decided, and what the employer takes
//! with it, each naming its bilagor, and the list of bilagor. Server-rendered; nothing in it
//! reacts in the browser.

use leptos::prelude::*;

use crate::cooperation::{AttendeeView, CoopProtocolView, FollowUpView, ProtocolText};
use crate::domain::cooperation::protocol::{
    adjust_lines, follow_up_sentence, Attendance, ItemPurpose,
};
use crate::i18n::*;
use crate::ui::{format_date, format_time};

/// The protocol as members read it.
#[component]
pub fn ProtocolDocument(protocol: CoopProtocolView) -> impl IntoView {
    let i18n = use_i18n();
    let person = |a: &AttendeeView| {
        let note = a.attendance.and_then(Attendance::note);
        let name = match note {
            Some(note) => format!("{} {note}", a.name),
            None => a.name.clone(),
        };
        view! { <li><span class="protocol__name">{name}</span> " " <span>{a.function_title.clone()}</span></li> }
    };
    let present = protocol
        .attendees
        .iter()
        .filter(|a| matches!(a.attendance, Some(Attendance::Present { .. })))
        .map(person)
        .collect_view();
    let absent = protocol
        .attendees
        .iter()
        .filter(|a| a.attendance == Some(Attendance::Absent))
        .map(person)
        .collect_view();
    let adjuncts = protocol
        .adjuncts
        .iter()
        .map(|a| view! { <li><span class="protocol__name">{a.name.clone()}</span> " " <span>{a.function_title.clone()}</span></li> })
        .collect_view();
    let approvers = protocol
        .approvers
        .iter()
        .map(|name| view! { <li><span class="protocol__name">{name.clone()}</span></li> })
        .collect_view();
    let time = t_string!(
        i18n,
        coop_protocol_time,
        start = format_time(i18n, protocol.start),
        end = format_time(i18n, protocol.end)
    )
    .to_string();
    let items = protocol
        .items
        .iter()
        .map(|item| {
            let special = match item.purpose {
                Some(ItemPurpose::Previous) => {
                    Some(view! { <EarlierFollowUps list=protocol.earlier_follow_ups.clone() /> }.into_any())
                }
                Some(ItemPurpose::Adjust) => protocol.dates.map(|dates| {
                    let lines = adjust_lines(&dates)
                        .into_iter()
                        .map(|l| view! { <li>{l}</li> })
                        .collect_view();
                    view! {
                        <p>"Följande beslutades kring dagens protokoll:"</p>
                        <ul>{lines}</ul>
                    }
                    .into_any()
                }),
                Some(ItemPurpose::Next) => protocol.next_meeting.as_ref().map(|next| {
                    let line = t_string!(
                        i18n,
                        coop_next_line,
                        date = format_date(i18n, next.date),
                        start = format_time(i18n, next.start),
                        end = format_time(i18n, next.end),
                        place = next.location.clone()
                    )
                    .to_string();
                    view! { <p class="protocol__text">{line}</p> }.into_any()
                }),
                None => None,
            };
            let has_special = special.is_some();
            let subs = item
                .subs
                .iter()
                .map(|sub| {
                    let heading = match sub.kind {
                        Some(kind) => format!("{}) {}: {}", sub.letter, kind.label(), sub.title),
                        None => format!("{}) {}", sub.letter, sub.title),
                    };
                    let heading = with_ref(heading, protocol.bilaga_ref(sub.id));
                    view! {
                        <li class="protocol__sub">
                            <h4>{heading}</h4>
                            <TextBlock text=sub.text.clone() show_empty=true />
                        </li>
                    }
                })
                .collect_view();
            let empty_item = !has_special && item.subs.is_empty();
            view! {
                <li class="protocol__item">
                    <h3>{with_ref(format!("{}. {}", item.number, item.title), protocol.bilaga_ref(item.id))}</h3>
                    {special}
                    <TextBlock text=item.text.clone() show_empty=empty_item />
                    {(!item.subs.is_empty()).then(|| view! { <ol class="protocol__subs">{subs}</ol> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="panel protocol" aria-labelledby="protokollet">
            <h2 id="protokollet">{t!(i18n, coop_document_heading)}</h2>
            <p class="protocol__org">{protocol.node_name.clone()}</p>
            <p class="protocol__group"><strong>{protocol.group_name.clone()}</strong></p>
            <p>{format_date(i18n, protocol.date)}</p>
            <dl class="protocol__attendance">
                <dt>{t!(i18n, coop_present)}</dt>
                <dd><ul class="protocol__people">{present}</ul></dd>
                <dt>{t!(i18n, coop_absent)}</dt>
                <dd><ul class="protocol__people">{absent}</ul></dd>
                <dt>{t!(i18n, coop_adjuncts)}</dt>
                <dd><ul class="protocol__people">{adjuncts}</ul></dd>
                <dt>{t!(i18n, coop_time_label)}</dt>
                <dd>{time}</dd>
                <dt>{t!(i18n, coop_place_label)}</dt>
                <dd>{protocol.location.clone()}</dd>
            </dl>
            <ol class="protocol__items">{items}</ol>
            <BilagorList protocol=protocol.clone() />
            <dl class="protocol__signatures">
                <dt>{t!(i18n, coop_signed_secretary)}</dt>
                <dd>{protocol.secretary.clone().unwrap_or_default()}</dd>
                <dt>{t!(i18n, coop_signed_approvers)}</dt>
                <dd><ul class="protocol__people">{approvers}</ul></dd>
            </dl>
        </article>
    }
}

/// A heading with the bilagor its item names: "b) Information: Uppföljning … (bilaga 2–4)".
fn with_ref(heading: String, bilagor: Option<String>) -> String {
    match bilagor {
        Some(r) => format!("{heading} ({r})"),
        None => heading,
    }
}

/// "Bilagor": each with its number and title, a file as its download, frozen unit results as
/// PDF and XLSX.
#[component]
fn BilagorList(protocol: CoopProtocolView) -> impl IntoView {
    use super::protocol_bilagor::bilaga_href;
    use crate::domain::cooperation::bilagor::BilagaKind;

    let i18n = use_i18n();
    if protocol.bilagor.is_empty() {
        return ().into_any();
    }
    let rows = protocol
        .bilagor
        .iter()
        .map(|b| {
            let line = t_string!(i18n, coop_bilaga_line, number = b.number, title = b.title.clone())
                .to_string();
            let number = b.number;
            let format_link = |file: &str, format: &'static str| {
                let label = t_string!(i18n, coop_bilaga_as, number = number, format = format).to_string();
                view! { <a href=bilaga_href(&protocol, b, file) aria-label=label download="">{format}</a> }
            };
            if b.kind == BilagaKind::File {
                view! { <li><a href=bilaga_href(&protocol, b, "fil") download="">{line}</a></li> }.into_any()
            } else {
                view! {
                    <li>{line} " " {format_link("tabeller.pdf", "PDF")} " " {format_link("tabeller.xlsx", "XLSX")}</li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <div class="protocol__bilagor">
            <h3>{t!(i18n, coop_bilagor_heading)}</h3>
            <ul>{rows}</ul>
        </div>
    }
    .into_any()
}

/// What the protocol says of an item: paragraphs of what was said, the decision, and what the
/// employer takes with it; "Inget att notera." when there is nothing and `show_empty`.
#[component]
fn TextBlock(text: ProtocolText, show_empty: bool) -> impl IntoView {
    let paragraphs = text
        .minutes
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p class="protocol__text">{p.to_string()}</p> })
        .collect_view();
    let decision = (!text.decision.is_empty())
        .then(|| view! { <p class="protocol__decision">{text.decision.clone()}</p> });
    let follow_ups = text
        .follow_ups
        .iter()
        .map(|f| {
            view! { <p class="protocol__follow-up">{follow_up_sentence(&f.asked_by, &f.question)}</p> }
        })
        .collect_view();
    let nothing = show_empty
        && text.minutes.is_empty()
        && text.decision.is_empty()
        && text.follow_ups.is_empty();
    view! {
        {paragraphs}
        {decision}
        {follow_ups}
        {nothing.then(|| view! { <p class="protocol__text">"Inget att notera."</p> })}
    }
}

/// Under "Föregående protokoll": the questions the employer took with it earlier, answered here
/// or still open.
#[component]
fn EarlierFollowUps(list: Vec<FollowUpView>) -> impl IntoView {
    let i18n = use_i18n();
    list.into_iter()
        .map(|f| {
            let raised = t_string!(
                i18n,
                coop_previous_line,
                date = format_date(i18n, f.raised_on),
                question = f.question.clone()
            )
            .to_string();
            let raised = if f.asked_by.is_empty() {
                raised
            } else {
                format!("{raised} ({})", f.asked_by)
            };
            let answer = match f.answer {
                Some(answer) => answer,
                None => t_string!(i18n, coop_previous_still_open).to_string(),
            };
            view! {
                <p class="protocol__text">{raised}</p>
                <p class="protocol__text">{answer}</p>
            }
        })
        .collect_view()
}
