//! What the audit trail records of a request, and how an entry reads. Plain Rust, shared by the
//! server's audit middleware (which decides) and HR's log page (which names the entries).
//!
//! Every request that changes something is recorded, including server functions added later
//! (an endpoint missing from the catalogue counts as a change), so the catalogue only has to
//! name the reads, which are not recorded. The table itself is in `endpoints.rs`.

pub use super::endpoints::EndpointKind;
use super::endpoints::ENDPOINTS;

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

/// The action code of the row that counts refusals not written one by one
/// (`audit::refusal_gate`).
pub const REFUSALS_HELD: &str = "refusals_held";

/// The action codes of sign-ins and sessions (recorded by the sign-in functions themselves).
pub const SIGN_IN_ACTIONS: [&str; 15] = [
    "sign_in",
    "signed_up",
    "sign_in_failed",
    "sign_in_refused",
    "sign_in_throttled",
    "sign_out",
    "session_ended",
    "sessions_ended",
    "account_enabled",
    "account_disabled",
    "password_chosen",
    "password_set",
    "password_reset_requested",
    "oidc_identity_kept",
    "oidc_identity_released",
];

/// The category an action code belongs to.
pub fn category_of(action: &str) -> EntryCategory {
    if action == REFUSED || action == REFUSALS_HELD {
        EntryCategory::Refused
    } else if SIGN_IN_ACTIONS.contains(&action) {
        EntryCategory::SignIns
    } else {
        EntryCategory::Changes
    }
}

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
        "signed_up" => Some((
            "Fick konto genom öppen inloggning",
            "Got an account through open sign-up",
        )),
        "sign_in_failed" => Some(("Misslyckad inloggning", "Failed sign-in")),
        "sign_in_refused" => Some(("Nekad inloggning", "Refused sign-in")),
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
        "password_chosen" => Some((
            "Valde lösenord genom en länk",
            "Chose a password through a link",
        )),
        "password_set" => Some((
            "Fick lösenord av driften (server set-password)",
            "Was given a password by operations (server set-password)",
        )),
        "password_reset_requested" => {
            Some(("Bad om ett nytt lösenord", "Asked for a new password"))
        }
        REFUSED => Some(("Nekad begäran", "Refused request")),
        REFUSALS_HELD => Some((
            "Fler nekade begäranden från samma adress (räknade)",
            "More refused requests from the same address (counted)",
        )),
        "oidc_identity_kept" => Some((
            "Kopplades till en inloggning hos organisationens inloggningstjänst",
            "Was tied to a sign-in at the organisation's sign-in service",
        )),
        "oidc_identity_released" => Some((
            "Kopplade loss ett konto från organisationens inloggningstjänst",
            "Released an account from the organisation's sign-in service",
        )),
        UPLOAD => Some(("Laddade upp en bilaga", "Uploaded an attachment")),
        IMPORT_UPLOAD => Some((
            "Laddade upp en export från HR-systemet",
            "Uploaded an export from the HR system",
        )),
        FIGURES_UPLOAD => Some((
            "Laddade upp en fil med nyckeltal till arbetsmiljörapporten",
            "Uploaded a file of key figures for the work environment report",
        )),
        ARCHIVE_EXPORT => Some((
            "Exporterade enhetens handlingar för arkivet",
            "Exported the unit's records for the archive",
        )),
        GROUP_ARCHIVE_EXPORT => Some((
            "Exporterade samverkansgruppens protokoll för arkivet",
            "Exported the cooperation group's protocols for the archive",
        )),
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

/// The action code of an uploaded HR export (a plain route, not a server function).
pub const IMPORT_UPLOAD: &str = "/organisation/import/ladda-upp";

/// The action code of an uploaded file of the work environment report's key figures (a plain
/// route, `/enhet/{node}/arbetsmiljorapport/import`).
pub const FIGURES_UPLOAD: &str = "arbetsmiljorapport/ladda-upp";

/// The action code of a unit's archive export (a read of every record, so it is on record).
pub const ARCHIVE_EXPORT: &str = "export/arkiv";

/// The action code of a cooperation group's archive export of a year's protocols.
pub const GROUP_ARCHIVE_EXPORT: &str = "samverkan/arkiv";

/// A group's archive export: `/samverkan/{group}/arkiv/{year}.zip`.
fn is_group_archive(path: &str) -> bool {
    path.strip_prefix("/samverkan/")
        .and_then(|rest| rest.split_once("/arkiv/"))
        .is_some_and(|(group, file)| group.parse::<i64>().is_ok() && file.ends_with(".zip"))
}

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
/// recorded; successful changes and archive exports are recorded; other reads, anonymous votes and failed changes (bad
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
    if method == "POST" && path.starts_with("/export/arkiv/") && (200..300).contains(&status) {
        return Some(Recorded {
            action: ARCHIVE_EXPORT.to_string(),
            detail: String::new(),
        });
    }
    if method == "POST" && is_group_archive(path) && (200..300).contains(&status) {
        return Some(Recorded {
            action: GROUP_ARCHIVE_EXPORT.to_string(),
            detail: String::new(),
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
        None if path.ends_with("/arbetsmiljorapport/import") => FIGURES_UPLOAD.to_string(),
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
    fn an_archive_export_is_recorded_though_it_only_reads() {
        let r = decide("POST", "/export/arkiv/12.zip", 200, false).unwrap();
        assert_eq!(r.action, ARCHIVE_EXPORT);
        assert_eq!(
            describe(ARCHIVE_EXPORT, false),
            Some("Exporterade enhetens handlingar för arkivet")
        );
        assert_eq!(decide("POST", "/export/arkiv/12.zip", 404, false), None);
        // A GET is not an export (the route answers 405) and writes nothing.
        assert_eq!(decide("GET", "/export/arkiv/12.zip", 405, false), None);
        assert_eq!(decide("GET", "/export/atgarder.csv", 200, false), None);
        let r = decide("POST", "/samverkan/3/arkiv/2026.zip", 200, false).unwrap();
        assert_eq!(r.action, GROUP_ARCHIVE_EXPORT);
        assert_eq!(
            describe(GROUP_ARCHIVE_EXPORT, false),
            Some("Exporterade samverkansgruppens protokoll för arkivet")
        );
        assert_eq!(
            decide("POST", "/samverkan/3/arkiv/2026.zip", 404, false),
            None
        );
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
        let r = decide("POST", "/enhet/3/arbetsmiljorapport/import", 303, false).unwrap();
        assert_eq!(r.action, FIGURES_UPLOAD);
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
