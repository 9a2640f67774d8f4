//! The matrix's rows for the unit's own work: the person's own and the public ones, the plan,
//! agendas and proposals, minutes and the workload check, the action plan and checklists, and
//! the roll-ups over the unit.

use super::*;

/// The unit's rows.
pub(super) fn rows(ids: &Ids) -> Vec<Row> {
    let u = f(&[("unit_id", &ids.unit)]);
    let n = f(&[("node_id", &ids.unit)]);
    let um = f(&[("unit_id", &ids.unit), ("meeting_id", &ids.meeting)]);
    vec![
        // Public, and the person's own.
        ("inloggningssatt", vec![], ALL),
        ("jag", vec![], ALL),
        ("mina-enheter", vec![], SIGNED_IN),
        ("nasta-apt", vec![], SIGNED_IN),
        ("konto/sessioner", vec![], SIGNED_IN),
        ("konto/avsluta-session", f(&[("session_id", X)]), SIGNED_IN),
        // A one-time link and "Glömt lösenordet?" are open to all: the token or the address is
        // the key (an unknown token and an empty address are refused as input).
        ("konto/lank", f(&[("token", X)]), ALL),
        (
            "konto/valj-losenord",
            f(&[("token", X), ("password", ""), ("repeated", "")]),
            ALL,
        ),
        ("konto/glomt-losenord", f(&[("email", "")]), ALL),
        // The unit's work environment report: its chef, deputy and HR write it (an empty year
        // is refused, so nothing changes); HR above decides on it; a safety representative
        // above reads it, an employee reads it once accepted.
        (
            "arbetsmiljorapport",
            [n.clone(), f(&[("year", "2025")])].concat(),
            READERS,
        ),
        (
            "arbetsmiljorapport/nyckeltal",
            [n.clone(), f(&[("year", "")])].concat(),
            EDITORS,
        ),
        (
            "arbetsmiljorapport/avsnitt",
            [n.clone(), f(&[("year", ""), ("section", "rounds")])].concat(),
            EDITORS,
        ),
        (
            "arbetsmiljorapport/skicka",
            [n.clone(), f(&[("year", "")])].concat(),
            EDITORS,
        ),
        (
            "arbetsmiljorapport/godkann",
            [n.clone(), f(&[("year", "")])].concat(),
            HR,
        ),
        (
            "arbetsmiljorapport/aterskicka",
            [n.clone(), f(&[("year", ""), ("comment", "")])].concat(),
            HR,
        ),
        // A submitted version, read-only: whoever reads the report's drafts (an unknown
        // version is not found).
        (
            "arbetsmiljorapport/version",
            [n.clone(), f(&[("year", "2025"), ("version", X)])].concat(),
            ROLLUP,
        ),
        // A file of figures waits for its preview and applying: only the report's writers
        // read or apply one (an unknown file is not found, so nothing changes).
        (
            "arbetsmiljorapport/import",
            [n.clone(), f(&[("import_id", X)])].concat(),
            EDITORS,
        ),
        (
            "arbetsmiljorapport/import/genomfor",
            [n.clone(), f(&[("import_id", X), ("fingerprint", "")])].concat(),
            EDITORS,
        ),
        // The compliance overview: whoever reads the report's drafts (its chef, HR and the
        // safety representatives above), not its employees.
        (
            "efterlevnad",
            [n.clone(), f(&[("year", "2026")])].concat(),
            ROLLUP,
        ),
        // The unit's plan.
        ("plan", u.clone(), READERS),
        ("mote", um.clone(), READERS),
        ("amne", [u.clone(), f(&[("topic_id", X)])].concat(), READERS),
        (
            "plan/skapa",
            [u.clone(), f(&[("year", "2031"), ("source", "ogiltig")])].concat(),
            EDITORS,
        ),
        (
            "plan/mote/ny",
            [
                u.clone(),
                f(&[("year", "2031"), ("plan_version", "0")]),
                meeting(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/mote/andra",
            [um.clone(), f(&[("plan_version", "0")]), meeting()].concat(),
            EDITORS,
        ),
        (
            "plan/mote/installt",
            [
                u.clone(),
                f(&[
                    ("meeting_id", X),
                    ("plan_version", "0"),
                    ("cancelled", "true"),
                ]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/amne/placera",
            [
                u.clone(),
                f(&[
                    ("topic_id", X),
                    ("year", "2031"),
                    ("plan_version", "0"),
                    ("meeting_id", ""),
                ]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/amne/placera-alla",
            [u.clone(), f(&[("year", "2031"), ("plan_version", "0")])].concat(),
            EDITORS,
        ),
        (
            "plan/amne/eget",
            [
                u.clone(),
                f(&[("year", "2031"), ("plan_version", "0")]),
                topic(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "plan/amne/ta-in",
            [
                u.clone(),
                f(&[("year", "2031"), ("plan_version", "0"), ("topic_id", "x")]),
            ]
            .concat(),
            EDITORS,
        ),
        // Renews the unit's calendar address for real: no other flow subscribes to this unit.
        ("plan/kalender/fornya", u.clone(), READERS),
        (
            "plan/mote/tillfalle/ny",
            [um.clone(), f(&[("plan_version", "0")]), meeting()].concat(),
            EDITORS,
        ),
        (
            "plan/mote/tillfalle/ta-bort",
            [um.clone(), f(&[("session_id", X), ("plan_version", "0")])].concat(),
            EDITORS,
        ),
        // Agendas and proposals.
        ("dagordning", um.clone(), READERS),
        (
            "dagordning/fran-planen",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/ny",
            [um.clone(), f(&[("section_id", "x")]), agenda_item()].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/andra",
            [
                um.clone(),
                f(&[("item_id", X), ("agenda_version", "0"), ("section_id", "")]),
                agenda_item(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "dagordning/flytta",
            [
                um.clone(),
                f(&[("what", "x"), ("id", X), ("direction", "x")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/ta-bort",
            [um.clone(), f(&[("item_id", X), ("to", "x")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/vagledning",
            [um.clone(), f(&[("item_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/punkt/hanns",
            [um.clone(), f(&[("item_id", X), ("reached", "true")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/flytta-ej-hunna",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/bilaga/ta-bort",
            [um.clone(), f(&[("attachment_id", X)])].concat(),
            EDITORS,
        ),
        (
            "dagordning/avsnitt/nytt",
            [um.clone(), f(&[("title", "")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/avsnitt/byt-namn",
            [um.clone(), f(&[("section_id", X), ("title", "")])].concat(),
            EDITORS,
        ),
        (
            "dagordning/avsnitt/ta-bort",
            [um.clone(), f(&[("section_id", X)])].concat(),
            EDITORS,
        ),
        ("forslag", u.clone(), READERS),
        (
            "forslag/nytt",
            [
                u.clone(),
                f(&[("meeting_id", ""), ("title", ""), ("description", "")]),
            ]
            .concat(),
            READERS,
        ),
        (
            "forslag/godta",
            [u.clone(), f(&[("proposal_id", X), ("meeting_id", "")])].concat(),
            EDITORS,
        ),
        (
            "forslag/skjut-upp",
            [u.clone(), f(&[("proposal_id", X)])].concat(),
            EDITORS,
        ),
        (
            "forslag/avsla",
            [u.clone(), f(&[("proposal_id", X), ("reason", "")])].concat(),
            EDITORS,
        ),
        (
            "backlog/planera",
            [u.clone(), f(&[("item_id", X), ("meeting_id", "")])].concat(),
            EDITORS,
        ),
        ("backlog/ny", [u.clone(), agenda_item()].concat(), EDITORS),
        (
            "backlog/ta-bort",
            [u.clone(), f(&[("item_id", X)])].concat(),
            EDITORS,
        ),
        (
            "kallelse/skicka",
            [u.clone(), f(&[("meeting_id", X), ("agenda_version", "0")])].concat(),
            EDITORS,
        ),
        // Minutes and the workload check.
        ("minnesanteckningar", um.clone(), READERS),
        ("minnesanteckningar/atgarder", um.clone(), READERS),
        (
            "minnesanteckningar/narvaro",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/punkt",
            [
                um.clone(),
                f(&[("item_id", X)]),
                f(&[("text[notes]", "")]),
                f(&[("text[decision]", "")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/atgard",
            [
                um.clone(),
                f(&[("action[title]", "")]),
                f(&[("action[responsible]", "")]),
                f(&[("action[due]", "")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/atgard/ta-bort",
            [um.clone(), f(&[("action_id", X)])].concat(),
            EDITORS,
        ),
        (
            "minnesanteckningar/publicera",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            EDITORS,
        ),
        ("avstamning", um.clone(), READERS),
        (
            "avstamning/rostning",
            [
                u.clone(),
                f(&[("meeting_id", X), ("method", "x"), ("open", "false")]),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "avstamning/rosta",
            [u.clone(), f(&[("meeting_id", X)])].concat(),
            MEMBERS,
        ),
        (
            "avstamning/anteckna",
            [
                u.clone(),
                f(&[
                    ("meeting_id", X),
                    ("red", "x"),
                    ("yellow", ""),
                    ("green", ""),
                    ("note", ""),
                ]),
            ]
            .concat(),
            EDITORS,
        ),
        // Action plan and checklists.
        ("handlingsplan", u.clone(), READERS),
        (
            "handlingsplan/ny",
            [u.clone(), f(&[("source", "x")]), plan_action()].concat(),
            EDITORS,
        ),
        (
            "handlingsplan/andra",
            [
                u.clone(),
                f(&[("action_id", X), ("version", "0"), ("status", "x")]),
                plan_action(),
            ]
            .concat(),
            EDITORS,
        ),
        (
            "handlingsplan/avsluta",
            [u.clone(), f(&[("action_id", X), ("version", "0")])].concat(),
            EDITORS,
        ),
        (
            "handlingsplan/aterkoppling",
            [u.clone(), f(&[("action_id", X)])].concat(),
            EDITORS,
        ),
        ("checklistor", u.clone(), READERS),
        (
            "checklistor/oppna",
            [u.clone(), f(&[("year", "2031"), ("kind", "ogiltig")])].concat(),
            EDITORS,
        ),
        (
            "checklista",
            [u.clone(), f(&[("checklist_id", X)])].concat(),
            READERS,
        ),
        (
            "checklista/svar",
            [u.clone(), f(&[("checklist_id", X), ("question_id", X)])].concat(),
            FILLERS,
        ),
        (
            "checklista/deltagare",
            [u.clone(), f(&[("checklist_id", X)])].concat(),
            EDITORS,
        ),
        (
            "checklista/klar",
            [u.clone(), f(&[("checklist_id", X), ("done", "true")])].concat(),
            EDITORS,
        ),
        (
            "checklista/ingen-atgard",
            [u.clone(), f(&[("checklist_id", X), ("question_id", X)])].concat(),
            FILLERS,
        ),
        (
            "checklista/atgard",
            [
                u.clone(),
                f(&[("checklist_id", X), ("question_id", X)]),
                plan_action(),
            ]
            .concat(),
            FILLERS,
        ),
        // Roll-ups over the unit.
        ("uppfoljning", f(&[("node", &ids.unit)]), ROLLUP),
        (
            "uppfoljning/analys",
            f(&[("node_id", &ids.unit), ("kind", "x"), ("year", "2031")]),
            FILLERS,
        ),
        ("uppfoljning/atgarder", f(&[("node", &ids.unit)]), ROLLUP),
    ]
}
