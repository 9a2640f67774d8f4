//! What the audit trail records of a request, and how an entry reads. Plain Rust, shared by the
//! server's audit middleware (which decides) and HR's log page (which names the entries).
//!
//! Every request that changes something is recorded, including server functions added later
//! (an endpoint missing from the catalogue counts as a change), so the catalogue only has to
//! name the reads, which are not recorded.

/// How an endpoint is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointKind {
    /// Reads only: not recorded.
    Read,
    /// Changes records: recorded when it succeeds.
    Change,
    /// Records its own entries (sign-in, sessions, accounts).
    SelfRecorded,
    /// An anonymous vote: never tied to a person, so not recorded.
    Anonymous,
}

/// Which entries a reader of the log asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EntryCategory {
    /// Changes to plans, agendas, minutes, checklists, actions, templates.
    Changes,
    /// Sign-ins, sign-outs and sessions.
    SignIns,
    /// Refused requests.
    Refused,
}

impl EntryCategory {
    /// Every category, in the order the filter lists them.
    pub const ALL: [EntryCategory; 3] = [
        EntryCategory::Changes,
        EntryCategory::SignIns,
        EntryCategory::Refused,
    ];

    /// The code in the page's query string.
    pub fn code(self) -> &'static str {
        match self {
            EntryCategory::Changes => "andringar",
            EntryCategory::SignIns => "inloggningar",
            EntryCategory::Refused => "nekade",
        }
    }

    /// Parses a query-string code.
    pub fn from_code(code: &str) -> Option<EntryCategory> {
        EntryCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The action code of a refused request.
pub const REFUSED: &str = "refused";

/// The action codes of sign-ins and sessions (recorded by the sign-in functions themselves).
pub const SIGN_IN_ACTIONS: [&str; 8] = [
    "sign_in",
    "sign_in_failed",
    "sign_in_throttled",
    "sign_out",
    "session_ended",
    "sessions_ended",
    "account_enabled",
    "account_disabled",
];

/// The category an action code belongs to.
pub fn category_of(action: &str) -> EntryCategory {
    if action == REFUSED {
        EntryCategory::Refused
    } else if SIGN_IN_ACTIONS.contains(&action) {
        EntryCategory::SignIns
    } else {
        EntryCategory::Changes
    }
}

/// Each server function endpoint (below `/api/`) and what it does, in Swedish and English.
const ENDPOINTS: &[(&str, EndpointKind, &str, &str)] = {
    use EndpointKind::{Anonymous, Change, Read, SelfRecorded};
    &[
        ("amne", Read, "", ""),
        ("avstamning", Read, "", ""),
        ("checklista", Read, "", ""),
        ("checklistor", Read, "", ""),
        ("dagordning", Read, "", ""),
        ("demo-konton", Read, "", ""),
        ("forslag", Read, "", ""),
        ("handlingsplan", Read, "", ""),
        ("jag", Read, "", ""),
        ("logg", Read, "", ""),
        ("konto/sessioner", Read, "", ""),
        ("konton", Read, "", ""),
        ("mall", Read, "", ""),
        ("mall/amne", Read, "", ""),
        ("mall/checklistor", Read, "", ""),
        ("mina-enheter", Read, "", ""),
        ("minnesanteckningar", Read, "", ""),
        ("minnesanteckningar/atgarder", Read, "", ""),
        ("mote", Read, "", ""),
        ("nasta-apt", Read, "", ""),
        ("obligatoriska-amnen", Read, "", ""),
        ("plan", Read, "", ""),
        ("uppfoljning", Read, "", ""),
        ("uppfoljning/atgarder", Read, "", ""),
        ("utkorg", Read, "", ""),
        ("logga-in", SelfRecorded, "", ""),
        ("logga-ut", SelfRecorded, "", ""),
        ("konto/avsluta-session", SelfRecorded, "", ""),
        ("konto/avsluta-andra", SelfRecorded, "", ""),
        ("konton/aktiv", SelfRecorded, "", ""),
        ("avstamning/rosta", Anonymous, "", ""),
        (
            "avstamning/rostning",
            Change,
            "Öppnade eller stängde röstningen om arbetsbelastning",
            "Opened or closed the workload vote",
        ),
        (
            "avstamning/anteckna",
            Change,
            "Sparade avstämningen av arbetsbelastning",
            "Saved the workload check",
        ),
        (
            "backlog/ny",
            Change,
            "Lade till en punkt att ta upp senare",
            "Added an item for later",
        ),
        (
            "backlog/planera",
            Change,
            "Planerade in en punkt från listan",
            "Scheduled an item from the list",
        ),
        (
            "backlog/ta-bort",
            Change,
            "Tog bort en punkt från listan",
            "Removed an item from the list",
        ),
        (
            "checklista/atgard",
            Change,
            "Lade till en åtgärd från checklistan",
            "Added an action from the checklist",
        ),
        (
            "checklista/deltagare",
            Change,
            "Sparade checklistans deltagare",
            "Saved the checklist's participants",
        ),
        (
            "checklista/ingen-atgard",
            Change,
            "Angav skäl till att ingen åtgärd behövs",
            "Gave a reason why no action is needed",
        ),
        (
            "checklista/klar",
            Change,
            "Markerade checklistan som klar",
            "Marked the checklist done",
        ),
        (
            "checklista/svar",
            Change,
            "Svarade på en fråga i checklistan",
            "Answered a checklist question",
        ),
        (
            "checklistor/oppna",
            Change,
            "Öppnade en checklista",
            "Opened a checklist",
        ),
        (
            "dagordning/avsnitt/byt-namn",
            Change,
            "Bytte namn på ett avsnitt i dagordningen",
            "Renamed an agenda section",
        ),
        (
            "dagordning/avsnitt/nytt",
            Change,
            "Lade till ett avsnitt i dagordningen",
            "Added an agenda section",
        ),
        (
            "dagordning/avsnitt/ta-bort",
            Change,
            "Tog bort ett avsnitt ur dagordningen",
            "Removed an agenda section",
        ),
        (
            "dagordning/bilaga/ta-bort",
            Change,
            "Tog bort en bilaga",
            "Removed an attachment",
        ),
        (
            "dagordning/flytta",
            Change,
            "Flyttade en punkt i dagordningen",
            "Moved an agenda item",
        ),
        (
            "dagordning/flytta-ej-hunna",
            Change,
            "Flyttade punkter som inte hanns med",
            "Carried over items not reached",
        ),
        (
            "dagordning/fran-planen",
            Change,
            "Skapade dagordningen från planen",
            "Composed the agenda from the plan",
        ),
        (
            "dagordning/punkt/andra",
            Change,
            "Ändrade en punkt i dagordningen",
            "Changed an agenda item",
        ),
        (
            "dagordning/punkt/hanns",
            Change,
            "Markerade om en punkt hanns med",
            "Marked whether an item was reached",
        ),
        (
            "dagordning/punkt/ny",
            Change,
            "Lade till en punkt i dagordningen",
            "Added an agenda item",
        ),
        (
            "dagordning/punkt/ta-bort",
            Change,
            "Tog bort en punkt ur dagordningen",
            "Took an item off the agenda",
        ),
        (
            "dagordning/punkt/vagledning",
            Change,
            "Tog in ämnets vägledning i en punkt",
            "Used the topic's guidance in an item",
        ),
        (
            "forslag/avsla",
            Change,
            "Avslog ett förslag till dagordningen",
            "Declined an agenda proposal",
        ),
        (
            "forslag/godta",
            Change,
            "Godtog ett förslag till dagordningen",
            "Accepted an agenda proposal",
        ),
        (
            "forslag/nytt",
            Change,
            "Föreslog en punkt till dagordningen",
            "Proposed an agenda item",
        ),
        (
            "forslag/skjut-upp",
            Change,
            "Sköt upp ett förslag till dagordningen",
            "Deferred an agenda proposal",
        ),
        (
            "handlingsplan/andra",
            Change,
            "Ändrade en åtgärd i handlingsplanen",
            "Changed an action",
        ),
        (
            "handlingsplan/aterkoppling",
            Change,
            "Satte en åtgärd på dagordningen för återkoppling",
            "Put an action on the agenda for feedback",
        ),
        (
            "handlingsplan/avsluta",
            Change,
            "Avslutade en åtgärd",
            "Closed an action",
        ),
        (
            "handlingsplan/ny",
            Change,
            "Lade till en åtgärd i handlingsplanen",
            "Added an action",
        ),
        (
            "kallelse/skicka",
            Change,
            "Skickade kallelsen med dagordningen",
            "Sent the notice with the agenda",
        ),
        (
            "mall/amne/spara",
            Change,
            "Sparade ett ämne i årshjulsmallen",
            "Saved a topic in the template",
        ),
        (
            "mall/amne/ta-bort",
            Change,
            "Tog bort ett ämne ur årshjulsmallen",
            "Retired a template topic",
        ),
        (
            "mall/checklistor/fraga",
            Change,
            "Sparade en fråga i en checklistmall",
            "Saved a checklist template question",
        ),
        (
            "mall/checklistor/ta-bort",
            Change,
            "Tog bort en fråga ur en checklistmall",
            "Removed a checklist template question",
        ),
        (
            "mall/punkt/byt-namn",
            Change,
            "Bytte namn på en löpande punkt",
            "Renamed a recurring point",
        ),
        (
            "mall/punkt/ny",
            Change,
            "Lade till en löpande punkt",
            "Added a recurring point",
        ),
        (
            "mall/punkt/ta-bort",
            Change,
            "Tog bort en löpande punkt",
            "Retired a recurring point",
        ),
        (
            "mall/regler",
            Change,
            "Ändrade årshjulets regler",
            "Changed the wheel's rules",
        ),
        (
            "minnesanteckningar/atgard",
            Change,
            "Lade till en åtgärd i minnesanteckningarna",
            "Added an action in the minutes",
        ),
        (
            "minnesanteckningar/atgard/ta-bort",
            Change,
            "Tog bort en åtgärd ur minnesanteckningarna",
            "Removed an action from the minutes",
        ),
        (
            "minnesanteckningar/narvaro",
            Change,
            "Sparade närvaron",
            "Saved the attendance",
        ),
        (
            "minnesanteckningar/publicera",
            Change,
            "Publicerade minnesanteckningarna",
            "Published the minutes",
        ),
        (
            "minnesanteckningar/punkt",
            Change,
            "Skrev minnesanteckningar till en punkt",
            "Wrote minutes for an item",
        ),
        (
            "obligatoriska-amnen/ny",
            Change,
            "Lade ut ett obligatoriskt ämne till enheterna",
            "Pushed a required topic to the units",
        ),
        (
            "plan/amne/eget",
            Change,
            "Lade till ett eget ämne i planen",
            "Added an own topic to the plan",
        ),
        (
            "plan/amne/placera",
            Change,
            "Placerade ett ämne på ett möte",
            "Placed a topic at a meeting",
        ),
        (
            "plan/amne/placera-alla",
            Change,
            "Placerade alla föreslagna ämnen",
            "Placed every suggested topic",
        ),
        (
            "plan/amne/ta-in",
            Change,
            "Tog in nya ämnen från mallen",
            "Took in new topics from the template",
        ),
        (
            "plan/kalender/fornya",
            Change,
            "Förnyade kalenderlänken",
            "Renewed the calendar link",
        ),
        (
            "plan/mote/andra",
            Change,
            "Ändrade ett möte i planen",
            "Changed a meeting in the plan",
        ),
        (
            "plan/mote/installt",
            Change,
            "Ställde in eller återupptog ett möte",
            "Cancelled or restored a meeting",
        ),
        (
            "plan/mote/ny",
            Change,
            "Lade till ett möte i planen",
            "Added a meeting to the plan",
        ),
        (
            "plan/mote/tillfalle/ny",
            Change,
            "Lade till ett mötestillfälle",
            "Added a meeting session",
        ),
        (
            "plan/mote/tillfalle/ta-bort",
            Change,
            "Tog bort ett mötestillfälle",
            "Removed a meeting session",
        ),
        (
            "plan/skapa",
            Change,
            "Skapade årets plan",
            "Created the year's plan",
        ),
    ]
};

/// How a server function endpoint (the path below `/api/`) is treated; an unknown one is a
/// change, so a new feature is recorded until it is named here.
pub fn endpoint_kind(endpoint: &str) -> EndpointKind {
    ENDPOINTS
        .iter()
        .find(|(e, ..)| *e == endpoint)
        .map_or(EndpointKind::Change, |(_, kind, ..)| *kind)
}

/// Every endpoint the catalogue names, so a test can hold it to the registered server functions.
pub fn catalogued_endpoints() -> impl Iterator<Item = &'static str> {
    ENDPOINTS.iter().map(|(e, ..)| *e)
}

/// A reader's description of an action code, in Swedish or English; `None` for codes without
/// one (the page then shows the code).
pub fn describe(action: &str, english: bool) -> Option<&'static str> {
    let fixed = match action {
        "sign_in" => Some(("Loggade in", "Signed in")),
        "sign_in_failed" => Some(("Misslyckad inloggning", "Failed sign-in")),
        "sign_in_throttled" => Some((
            "Inloggning stoppad efter för många försök",
            "Sign-in stopped after too many attempts",
        )),
        "sign_out" => Some(("Loggade ut", "Signed out")),
        "session_ended" => Some(("Avslutade en inloggning", "Ended a session")),
        "sessions_ended" => Some((
            "Avslutade sina andra inloggningar",
            "Ended their other sessions",
        )),
        "account_enabled" => Some(("Aktiverade ett konto", "Enabled an account")),
        "account_disabled" => Some(("Stängde av ett konto", "Disabled an account")),
        REFUSED => Some(("Nekad begäran", "Refused request")),
        UPLOAD => Some(("Laddade upp en bilaga", "Uploaded an attachment")),
        _ => None,
    };
    if let Some((sv, en)) = fixed {
        return Some(if english { en } else { sv });
    }
    ENDPOINTS
        .iter()
        .find(|(e, kind, ..)| *e == action && *kind == EndpointKind::Change)
        .map(|(_, _, sv, en)| if english { *en } else { *sv })
}

/// The action code of an attachment upload (a plain route, not a server function).
pub const UPLOAD: &str = "bilaga/ny";

/// What the middleware records of a finished request: the action code and the detail, or
/// nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The action code (an endpoint, [`UPLOAD`] or [`REFUSED`]).
    pub action: String,
    /// What a reader needs beyond the action (the method and path of a refused request).
    pub detail: String,
}

/// Decides what to record of a finished request from its method, path and status, and whether
/// the handler recorded its own entry. Refusals (401 on a change, 403 on anything) are always
/// recorded; successful changes are recorded; reads, anonymous votes and failed changes (bad
/// input, a stale edit: nothing changed) are not.
pub fn decide(method: &str, path: &str, status: u16, self_recorded: bool) -> Option<Recorded> {
    if self_recorded {
        return None;
    }
    let read_method = matches!(method, "GET" | "HEAD" | "OPTIONS");
    let endpoint = path.strip_prefix("/api/");
    let kind = endpoint.map(endpoint_kind);
    let is_change = !read_method
        && path != "/sprak"
        && !matches!(kind, Some(EndpointKind::Read | EndpointKind::Anonymous));
    if status == 403 || (status == 401 && is_change) {
        return Some(Recorded {
            action: REFUSED.to_string(),
            detail: format!("{method} {path} ({status})"),
        });
    }
    if !is_change || !(200..400).contains(&status) {
        return None;
    }
    if kind == Some(EndpointKind::SelfRecorded) {
        return None;
    }
    let action = match endpoint {
        Some(endpoint) => endpoint.to_string(),
        None if path.ends_with("/bilagor") => UPLOAD.to_string(),
        None => path.to_string(),
    };
    Some(Recorded {
        action,
        detail: String::new(),
    })
}

/// The ids a form names (`meeting_id=12&item_id=3` → `meeting_id=12, item_id=3`): what a change
/// was made to, without copying what was written into the trail.
pub fn ids_in_form(body: &str) -> String {
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, value)| {
            (*key == "id" || key.ends_with("_id")) && value.parse::<i64>().is_ok()
        })
        .map(|(key, value)| format!("{key}={value}"))
        .take(6)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_successful_change_is_recorded_under_its_endpoint() {
        let r = decide("POST", "/api/plan/mote/ny", 200, false).unwrap();
        assert_eq!(r.action, "plan/mote/ny");
        assert_eq!(
            describe(&r.action, false),
            Some("Lade till ett möte i planen")
        );
    }

    #[test]
    fn reads_votes_and_failed_changes_are_not_recorded() {
        assert_eq!(decide("POST", "/api/plan", 200, false), None);
        assert_eq!(decide("GET", "/enhet/1", 200, false), None);
        assert_eq!(decide("POST", "/api/avstamning/rosta", 200, false), None);
        assert_eq!(decide("POST", "/api/plan/mote/ny", 400, false), None);
        assert_eq!(decide("POST", "/api/plan/mote/ny", 409, false), None);
        assert_eq!(decide("POST", "/sprak", 303, false), None);
    }

    #[test]
    fn an_unknown_endpoint_counts_as_a_change() {
        let r = decide("POST", "/api/nagot/nytt", 200, false).unwrap();
        assert_eq!(r.action, "nagot/nytt");
        assert_eq!(describe("nagot/nytt", false), None);
    }

    #[test]
    fn refusals_are_recorded_and_self_recorded_requests_are_not_doubled() {
        let r = decide("POST", "/api/plan/mote/ny", 403, false).unwrap();
        assert_eq!(r.action, REFUSED);
        assert_eq!(r.detail, "POST /api/plan/mote/ny (403)");
        assert!(decide("GET", "/export/atgarder.csv", 403, false).is_some());
        assert!(decide("POST", "/api/plan/mote/ny", 401, false).is_some());
        // A signed-out reader polling a page is not a refusal worth a line.
        assert_eq!(decide("POST", "/api/nasta-apt", 401, false), None);
        assert_eq!(decide("POST", "/api/logga-in", 401, true), None);
        assert_eq!(decide("POST", "/api/konton/aktiv", 200, false), None);
    }

    #[test]
    fn an_upload_is_named() {
        let r = decide("POST", "/enhet/3/mote/9/bilagor", 303, false).unwrap();
        assert_eq!(r.action, UPLOAD);
    }

    #[test]
    fn only_numeric_ids_are_kept_from_a_form() {
        assert_eq!(
            ids_in_form("unit_id=3&meeting_id=12&title=L%C3%B6n&item_id=x&id=7"),
            "unit_id=3, meeting_id=12, id=7"
        );
        assert_eq!(ids_in_form(""), "");
    }

    #[test]
    fn every_category_round_trips_and_actions_fall_in_one() {
        for c in EntryCategory::ALL {
            assert_eq!(EntryCategory::from_code(c.code()), Some(c));
        }
        assert_eq!(category_of("sign_in"), EntryCategory::SignIns);
        assert_eq!(category_of(REFUSED), EntryCategory::Refused);
        assert_eq!(category_of("plan/skapa"), EntryCategory::Changes);
    }
}
