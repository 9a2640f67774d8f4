//! The matrix's rows for HR and the organisation: accounts and the audit trail, keeping the
//! tree and its kinds, the organisation's template, the HR import and starting the
//! organisation.

use super::*;

/// HR's and the organisation's rows.
pub(super) fn rows(ids: &Ids) -> Vec<Row> {
    let g = f(&[("group_id", &ids.group)]);
    vec![
        // Cooperation groups: HR above the unit sits in the förvaltning's group and keeps it
        // (HR at the root keeps it too); nobody else of the matrix is in it. The forms cannot be
        // saved, so nothing changes.
        ("samverkan", vec![], SIGNED_IN),
        ("samverkan/grupp", g.clone(), HR),
        ("samverkan/foretagshalsovard", g.clone(), HR),
        ("samverkan/kalender/fornya", g.clone(), HR),
        (
            "samverkan/foretagshalsovard/spara",
            [g.clone(), f(&[("year", "")])].concat(),
            HR,
        ),
        (
            "samverkan/ny",
            f(&[
                ("node_id", &ids.parent),
                ("name", ""),
                ("min_meetings", "4"),
                ("notice_days", "7"),
            ]),
            HR,
        ),
        (
            "samverkan/installningar",
            [
                g.clone(),
                f(&[("name", ""), ("min_meetings", "4"), ("notice_days", "7")]),
            ]
            .concat(),
            HR,
        ),
        (
            "samverkan/ledamot",
            [
                g.clone(),
                f(&[
                    ("email", ""),
                    ("name", ""),
                    ("member[function_title]", ""),
                    ("member[side]", "x"),
                    ("member[union_name]", ""),
                    ("member[role]", "x"),
                ]),
            ]
            .concat(),
            HR,
        ),
        (
            "samverkan/ledamot/ta-bort",
            [g.clone(), f(&[("person_id", X)])].concat(),
            HR,
        ),
        (
            "samverkan/punkt/ny",
            [g.clone(), f(&[("title", "")])].concat(),
            HR,
        ),
        (
            "samverkan/punkt/byt-namn",
            [g.clone(), f(&[("item_id", X), ("title", "")])].concat(),
            HR,
        ),
        (
            "samverkan/punkt/ta-bort",
            [g.clone(), f(&[("item_id", X)])].concat(),
            HR,
        ),
        (
            "samverkan/mote/ny",
            [g.clone(), f(&[("year", "2031")]), meeting()].concat(),
            HR,
        ),
        (
            "samverkan/mote",
            [g.clone(), f(&[("meeting_id", &ids.group_meeting)])].concat(),
            HR,
        ),
        (
            "samverkan/mote/dagordning",
            [g.clone(), f(&[("meeting_id", X)])].concat(),
            HR,
        ),
        (
            "samverkan/mote/underpunkt",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("parent_id", X),
                    ("title", ""),
                    ("kind", "x"),
                ]),
            ]
            .concat(),
            HR,
        ),
        // Only the group's members send in: HR above the unit sits in the group, HR at the root
        // keeps it without sitting in it.
        (
            "samverkan/mote/anmal",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("kind", "x"),
                    ("title", ""),
                ]),
            ]
            .concat(),
            &[Hr],
        ),
        (
            "samverkan/mote/placera",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("submission_id", X),
                    ("parent_id", ""),
                ]),
            ]
            .concat(),
            HR,
        ),
        // The demo meeting has no agenda yet, so nothing is sent.
        (
            "samverkan/mote/kallelse",
            [g.clone(), f(&[("meeting_id", &ids.group_meeting)])].concat(),
            HR,
        ),
        (
            "samverkan/mote/installt",
            [g.clone(), f(&[("meeting_id", X), ("cancelled", "true")])].concat(),
            HR,
        ),
        // The protocol: the group's members read its draft (HR of the administration sits in the
        // group; HR at the root only keeps it, and reads a protocol once it is locked); only its
        // chair and secretary (nobody of the matrix) write it.
        (
            "samverkan/protokoll",
            [g.clone(), f(&[("meeting_id", &ids.group_meeting)])].concat(),
            &[Hr],
        ),
        (
            "samverkan/protokoll/narvaro",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("status[1]", "x")]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/adjungerad",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("name", "")]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/adjungerad/ta-bort",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("adjunct_id", X)]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/punkt",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("item_id", X),
                    ("text[minutes]", ""),
                    ("text[decision]", ""),
                ]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/uppfoljning",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("item_id", X),
                    ("question", ""),
                ]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/uppfoljning/ta-bort",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("follow_up_id", X)]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/uppfoljning/svar",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("follow_up_id", X),
                    ("answer", ""),
                ]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/justeringsdatum",
            [
                g.clone(),
                f(&[
                    ("meeting_id", &ids.group_meeting),
                    ("sent_on", ""),
                    ("due_date", ""),
                    ("signed_on", ""),
                ]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/nasta-mote",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting)]),
                meeting(),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/enheternas-resultat",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("item_id", "")]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/foretagshalsovard",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("item_id", "")]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/bilaga/ta-bort",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("bilaga_id", X)]),
            ]
            .concat(),
            NOBODY,
        ),
        // The justering: the chair or the secretary names the approvers, sends the draft and
        // opens a correction; members comment (HR above the unit sits in the group; the draft is
        // not sent, so nothing is saved); only the approvers and the secretary approve.
        (
            "samverkan/protokoll/justerare",
            [g.clone(), f(&[("meeting_id", &ids.group_meeting)])].concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/skicka",
            [g.clone(), f(&[("meeting_id", &ids.group_meeting)])].concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/synpunkt",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("body", "")]),
            ]
            .concat(),
            &[Hr],
        ),
        (
            "samverkan/protokoll/justera",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("fingerprint", "")]),
            ]
            .concat(),
            NOBODY,
        ),
        (
            "samverkan/protokoll/rattelse",
            [
                g.clone(),
                f(&[("meeting_id", &ids.group_meeting), ("reason", "")]),
            ]
            .concat(),
            NOBODY,
        ),
        // HR.
        ("konton", vec![], HR),
        (
            "konton/aktiv",
            [f(&[("person_id", &ids.person), ("active", "true")])].concat(),
            HR,
        ),
        ("konton/koppla-loss", f(&[("person_id", &ids.person)]), HR),
        ("logg", f(&[("node", &ids.unit)]), HR),
        // Keeping the tree: HR at the avdelning or above it (the input cannot be saved, and
        // closing an avdelning with open units is refused, so nothing changes).
        ("organisation", f(&[("node_id", &ids.parent)]), HR),
        (
            "organisation/ny",
            f(&[
                ("parent_id", &ids.parent),
                ("name", ""),
                ("kind", ""),
                ("code", ""),
            ]),
            HR,
        ),
        (
            "organisation/andra",
            f(&[
                ("node_id", &ids.parent),
                ("name", ""),
                ("kind", ""),
                ("code", ""),
            ]),
            HR,
        ),
        (
            "organisation/flytta",
            f(&[("node_id", &ids.parent), ("place", "")]),
            HR,
        ),
        (
            "organisation/stang",
            f(&[("node_id", &ids.parent), ("close", "true")]),
            HR,
        ),
        (
            "organisation/roll",
            f(&[
                ("node_id", &ids.parent),
                ("email", ""),
                ("name", ""),
                ("title", ""),
                ("role", ""),
                ("union_name", ""),
            ]),
            HR,
        ),
        (
            "organisation/bjud-in",
            f(&[("node_id", &ids.parent), ("person_id", &ids.person)]),
            HR,
        ),
        // The kinds are the organisation's: its administrator's.
        (
            "organisation/typ",
            f(&[("node_id", &ids.root), ("label", ""), ("chef_label", "")]),
            ROOT,
        ),
        (
            "organisation/person",
            f(&[
                ("node_id", &ids.parent),
                ("person_id", X),
                ("name", ""),
                ("email", ""),
                ("title", ""),
            ]),
            HR,
        ),
        (
            "organisation/ta-bort-roll",
            f(&[
                ("node_id", &ids.parent),
                ("person_id", &ids.person),
                ("role", "ingen"),
            ]),
            HR,
        ),
        ("utkorg", vec![], HR),
        ("obligatoriska-amnen", vec![], HR),
        (
            "obligatoriska-amnen/ny",
            [f(&[("node_id", &ids.parent), ("year", "2031")]), topic()].concat(),
            HR,
        ),
        // The organisation's template: HR at the root.
        ("mall", vec![], ROOT),
        ("mall/amne", f(&[("topic_id", X)]), ROOT),
        (
            "mall/regler",
            [
                f(&[("rules[min_apts_per_year]", "x")]),
                f(&[("rules[notice_days]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        (
            "mall/amne/spara",
            [
                f(&[("topic_id", X)]),
                f(&[("topic[title]", "")]),
                f(&[("topic[month_start]", "")]),
                f(&[("topic[kind]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        ("mall/amne/ta-bort", f(&[("topic_id", X)]), ROOT),
        ("mall/punkt/ny", f(&[("title", "")]), ROOT),
        (
            "mall/punkt/byt-namn",
            [f(&[("point_id", X), ("title", "")])].concat(),
            ROOT,
        ),
        ("mall/punkt/ta-bort", f(&[("point_id", X)]), ROOT),
        ("mall/checklistor", vec![], ROOT),
        ("mall/checklistor/gor", f(&[("year", "1999")]), ROOT),
        (
            "mall/checklistor/fraga",
            [
                f(&[("template_id", X)]),
                f(&[("question[area]", "")]),
                f(&[("question[text]", "")]),
                f(&[("question[scale]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        (
            "mall/checklistor/ta-bort",
            [f(&[("template_id", X), ("question_id", X)])].concat(),
            ROOT,
        ),
        ("gallring", vec![], ROOT),
        // The HR import speaks for the whole organisation: HR at the root only.
        // The report's template: HR at the root (an empty label or day is refused).
        ("arbetsmiljorapport/mall", vec![], ROOT),
        (
            "arbetsmiljorapport/mall/nyckeltal",
            f(&[("section", "injuries"), ("label", ""), ("kind", "count")]),
            ROOT,
        ),
        (
            "arbetsmiljorapport/mall/tidsfrist",
            f(&[("kind", "enhet"), ("month", "2"), ("day", "")]),
            ROOT,
        ),
        ("organisation/import", f(&[("import_id", X)]), ROOT),
        (
            "organisation/import/genomfor",
            f(&[("import_id", X), ("fingerprint", "")]),
            ROOT,
        ),
        (
            "gallring/regel",
            [
                f(&[("kind", "x")]),
                f(&[("rule[keep_years]", "")]),
                f(&[("rule[decision]", "")]),
                f(&[("rule[decided_on]", "")]),
            ]
            .concat(),
            ROOT,
        ),
        ("gallring/kor", f(&[("kind", "x")]), ROOT),
        // Starting the organisation: its administrator (HR at the root). Saying it is ready
        // changes nothing in the demo, which is ready from the start.
        ("kom-igang", vec![], ROOT),
        ("kom-igang/klar", vec![], ROOT),
        (
            "kom-igang/inloggning",
            f(&[("email_domains", "inte en domän"), ("whom_to_ask", "")]),
            ROOT,
        ),
    ]
}
