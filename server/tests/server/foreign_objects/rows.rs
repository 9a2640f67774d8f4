//! The rows: every server function that names a meeting or an object, with a valid form.

use super::making::{item_form, meeting_form, plan_action_form, Objects};
use super::YEAR;
use crate::matrix::{f, Form};

/// How a row builds its form from our unit (`w`, whose plan and versions it names) and the
/// objects `o` it names (a sibling's, or ours for the check that the form is valid).
pub(super) type Build = fn(&Objects, &Objects) -> Form;

/// Every server function that names a meeting or an object, in an order in which our own objects
/// can be sent one after the other (reads, then changes, then what removes or sends).
pub(super) fn rows() -> Vec<(&'static str, Build)> {
    vec![
        ("mote", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("amne", |w, o| {
            f(&[("unit_id", &w.unit), ("topic_id", &o.topic), ("year", YEAR)])
        }),
        ("dagordning", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("minnesanteckningar", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("minnesanteckningar/atgarder", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("avstamning", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("checklista", |w, o| {
            f(&[("unit_id", &w.unit), ("checklist_id", &o.checklist)])
        }),
        ("plan/amne/placera", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("topic_id", &o.topic),
                ("year", YEAR),
                ("plan_version", &w.plan_version),
                ("meeting_id", &o.meeting),
            ])
        }),
        // Names no object: a later APT for "dagordning/flytta-ej-hunna" to carry items to.
        ("plan/mote/ny", |w, _| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("year", YEAR),
                ("plan_version", &w.plan_version),
            ]);
            [head, f(&meeting_form("2030-12-18"))].concat()
        }),
        ("plan/mote/andra", |w, o| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("plan_version", &w.plan_version),
            ]);
            [head, f(&meeting_form("2030-12-11"))].concat()
        }),
        ("plan/mote/tillfalle/ny", |w, o| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("plan_version", &w.plan_version),
            ]);
            [head, f(&meeting_form("2030-11-27"))].concat()
        }),
        ("dagordning/punkt/ny", |w, o| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("section_id", &o.section),
            ]);
            [head, f(&item_form("Ny punkt"))].concat()
        }),
        ("dagordning/punkt/andra", |w, o| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("item_id", &o.item),
                ("agenda_version", &o.agenda_version),
                ("section_id", &o.section),
            ]);
            [head, f(&item_form("Ändrad punkt"))].concat()
        }),
        ("dagordning/flytta", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("what", "item"),
                ("id", &o.item),
                ("direction", "down"),
            ])
        }),
        ("dagordning/flytta", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("what", "section"),
                ("id", &o.section),
                ("direction", "up"),
            ])
        }),
        ("dagordning/punkt/hanns", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("item_id", &o.item),
                ("reached", "true"),
            ])
        }),
        ("dagordning/avsnitt/nytt", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("title", "Ännu ett avsnitt"),
            ])
        }),
        ("dagordning/avsnitt/byt-namn", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("section_id", &o.section),
                ("title", "Omdöpt avsnitt"),
            ])
        }),
        ("dagordning/avsnitt/ta-bort", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("section_id", &o.section),
            ])
        }),
        ("forslag/nytt", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("title", "Chefens förslag"),
                ("description", ""),
            ])
        }),
        ("forslag/skjut-upp", |w, o| {
            f(&[("unit_id", &w.unit), ("proposal_id", &o.proposal)])
        }),
        ("forslag/avsla", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("proposal_id", &o.proposal),
                ("reason", "Tas upp i chefsbrevet"),
            ])
        }),
        ("forslag/godta", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("proposal_id", &o.proposal),
                ("meeting_id", &o.meeting),
            ])
        }),
        ("backlog/planera", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("item_id", &o.backlog),
                ("meeting_id", &o.meeting),
            ])
        }),
        ("backlog/ta-bort", |w, o| {
            f(&[("unit_id", &w.unit), ("item_id", &o.backlog)])
        }),
        ("minnesanteckningar/narvaro", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("minnesanteckningar/punkt", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("item_id", &o.item),
                ("text[notes]", "Vi pratade om det."),
                ("text[decision]", ""),
            ])
        }),
        ("minnesanteckningar/atgard", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("item_id", &o.item),
                ("action[title]", "Följ upp"),
                ("action[responsible]", ""),
                ("action[due]", ""),
            ])
        }),
        ("minnesanteckningar/atgard/ta-bort", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("action_id", &o.meeting_action),
            ])
        }),
        ("avstamning/rostning", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("method", "traffic_light"),
                ("open", "true"),
            ])
        }),
        ("avstamning/rosta", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("light", "green"),
            ])
        }),
        ("avstamning/anteckna", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("red", "0"),
                ("yellow", "1"),
                ("green", "3"),
                ("note", ""),
            ])
        }),
        ("handlingsplan/andra", |w, o| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("action_id", &o.action),
                ("version", &o.action_version),
                ("status", "in_progress"),
            ]);
            [head, f(&plan_action_form("Ändrad rutin"))].concat()
        }),
        ("handlingsplan/aterkoppling", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("action_id", &o.action),
                ("meeting_id", &o.meeting),
            ])
        }),
        ("handlingsplan/avsluta", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("action_id", &o.action),
                ("version", &o.action_version),
                ("effect", "yes"),
                ("effect_comment", ""),
            ])
        }),
        ("checklista/svar", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("checklist_id", &o.checklist),
                ("question_id", &o.question),
                ("answer", "fully_agree"),
                ("analysis", ""),
            ])
        }),
        ("checklista/deltagare", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("checklist_id", &o.checklist),
                ("others", "Elin Forsberg"),
            ])
        }),
        ("checklista/ingen-atgard", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("checklist_id", &o.checklist),
                ("question_id", &o.question),
                ("reason", "Det fungerar bra"),
            ])
        }),
        ("checklista/atgard", |w, o| {
            let head = f(&[
                ("unit_id", &w.unit),
                ("checklist_id", &o.checklist),
                ("question_id", &o.question),
            ]);
            [head, f(&plan_action_form("Ny åtgärd"))].concat()
        }),
        ("konto/avsluta-session", |_, o| {
            f(&[("session_id", &o.sign_in_session)])
        }),
        ("plan/mote/tillfalle/ta-bort", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("session_id", &o.session),
                ("plan_version", &w.plan_version),
            ])
        }),
        ("dagordning/bilaga/ta-bort", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("attachment_id", &o.attachment),
            ])
        }),
        ("dagordning/punkt/ta-bort", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("item_id", &o.item),
                ("to", "backlog"),
            ])
        }),
        ("dagordning/flytta-ej-hunna", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("kallelse/skicka", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("agenda_version", &o.agenda_version),
            ])
        }),
        ("minnesanteckningar/publicera", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("checklista/klar", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("checklist_id", &o.checklist),
                ("done", "true"),
            ])
        }),
        ("dagordning/fran-planen", |w, o| {
            f(&[("unit_id", &w.unit), ("meeting_id", &o.meeting)])
        }),
        ("plan/mote/installt", |w, o| {
            f(&[
                ("unit_id", &w.unit),
                ("meeting_id", &o.meeting),
                ("plan_version", &w.plan_version),
                ("cancelled", "true"),
            ])
        }),
    ]
}
