//! Reminders that keep a unit compliant, in plain Rust: the next APT's notice deadline in three
//! days and tomorrow, minutes not published a week after the APT, the SAM follow-up not done by
//! the end of November (seed 000 has it filled in in November), and the work environment report
//! due in two weeks and tomorrow. Each has a kind and a key, so the worker sends it once; the
//! chef's start page lists the same ones while they hold.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days after an APT its minutes are reminded of when not published.
pub const MINUTES_AFTER_DAYS: u64 = 7;

/// Days after an APT a missing publication is no longer reminded of (the overview still shows it).
pub const MINUTES_GIVE_UP_DAYS: u64 = 60;

/// A reminder to a unit's chef.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitReminder {
    /// The notice of the APT on `date` must go out by `deadline`, two or three days away.
    NoticeSoon {
        /// The APT.
        meeting_id: i64,
        /// Its day.
        date: NaiveDate,
        /// The last day for its notice.
        deadline: NaiveDate,
    },
    /// … by `deadline`, today or tomorrow.
    NoticeTomorrow {
        /// The APT.
        meeting_id: i64,
        /// Its day.
        date: NaiveDate,
        /// The last day for its notice.
        deadline: NaiveDate,
    },
    /// The minutes of the APT on `date` are not published a week after it.
    MinutesLate {
        /// The APT.
        meeting_id: i64,
        /// Its day.
        date: NaiveDate,
    },
    /// The SAM follow-up of `year` is not done by the end of November.
    SamNotDone {
        /// The year.
        year: i32,
    },
    /// The work environment report on `year` is due on `due`, within two weeks.
    ReportDueSoon {
        /// The year reported on.
        year: i32,
        /// When it is due.
        due: NaiveDate,
    },
    /// … today or tomorrow.
    ReportDueTomorrow {
        /// The year reported on.
        year: i32,
        /// When it is due.
        due: NaiveDate,
    },
}

impl UnitReminder {
    /// Its kind, kept with the key so it is sent once.
    pub fn kind(&self) -> &'static str {
        match self {
            UnitReminder::NoticeSoon { .. } => "notice_soon",
            UnitReminder::NoticeTomorrow { .. } => "notice_tomorrow",
            UnitReminder::MinutesLate { .. } => "minutes_late",
            UnitReminder::SamNotDone { .. } => "sam_not_done",
            UnitReminder::ReportDueSoon { .. } => "report_due_soon",
            UnitReminder::ReportDueTomorrow { .. } => "report_due_tomorrow",
        }
    }

    /// What it is about: the APT's id, or the year.
    pub fn key(&self) -> String {
        match self {
            UnitReminder::NoticeSoon { meeting_id, .. }
            | UnitReminder::NoticeTomorrow { meeting_id, .. }
            | UnitReminder::MinutesLate { meeting_id, .. } => meeting_id.to_string(),
            UnitReminder::SamNotDone { year }
            | UnitReminder::ReportDueSoon { year, .. }
            | UnitReminder::ReportDueTomorrow { year, .. } => year.to_string(),
        }
    }

    /// What it says, in Swedish, for `unit`: the line on the start page and the mail's subject.
    pub fn text(&self, unit: &str) -> String {
        let day = crate::domain::swedish_calendar::day_month_year;
        match self {
            UnitReminder::NoticeSoon { date, deadline, .. }
            | UnitReminder::NoticeTomorrow { date, deadline, .. } => {
                format!(
                    "Kallelsen till APT {} i {unit} ska skickas senast {}.",
                    day(*date),
                    day(*deadline)
                )
            }
            UnitReminder::MinutesLate { date, .. } => {
                format!(
                    "Minnesanteckningarna från APT {} i {unit} är inte publicerade.",
                    day(*date)
                )
            }
            UnitReminder::SamNotDone { year } => format!(
                "Den årliga uppföljningen av det systematiska arbetsmiljöarbetet {year} i {unit} \
                 är inte klar."
            ),
            UnitReminder::ReportDueSoon { year, due }
            | UnitReminder::ReportDueTomorrow { year, due } => {
                format!(
                    "Arbetsmiljörapporten {year} för {unit} ska lämnas senast {}.",
                    day(*due)
                )
            }
        }
    }
}

impl UnitReminder {
    /// Where the chef does what it asks, for the node `unit_id`.
    pub fn link(&self, unit_id: i64) -> String {
        match self {
            UnitReminder::NoticeSoon { meeting_id, .. }
            | UnitReminder::NoticeTomorrow { meeting_id, .. } => {
                format!("/enhet/{unit_id}/mote/{meeting_id}/dagordning")
            }
            UnitReminder::MinutesLate { meeting_id, .. } => {
                format!("/enhet/{unit_id}/mote/{meeting_id}/minnesanteckningar")
            }
            UnitReminder::SamNotDone { year } => format!("/enhet/{unit_id}/checklistor?ar={year}"),
            UnitReminder::ReportDueSoon { year, .. }
            | UnitReminder::ReportDueTomorrow { year, .. } => {
                format!("/enhet/{unit_id}/arbetsmiljorapport?ar={year}")
            }
        }
    }

    /// The link's words: what to do, never the unit's name (which the start page's unit
    /// links carry).
    pub fn action_label(&self) -> &'static str {
        match self {
            UnitReminder::NoticeSoon { .. } | UnitReminder::NoticeTomorrow { .. } => {
                "Skicka kallelsen"
            }
            UnitReminder::MinutesLate { .. } => "Publicera minnesanteckningarna",
            UnitReminder::SamNotDone { .. } => "Gör uppföljningen",
            UnitReminder::ReportDueSoon { .. } | UnitReminder::ReportDueTomorrow { .. } => {
                "Skriv rapporten"
            }
        }
    }

    /// A day or less is left, or the time has already passed (shown as a warning); the SAM
    /// follow-up has the rest of December.
    pub fn urgent(&self) -> bool {
        matches!(
            self,
            UnitReminder::NoticeTomorrow { .. }
                | UnitReminder::MinutesLate { .. }
                | UnitReminder::ReportDueTomorrow { .. }
        )
    }

    /// The mail to a chef of `unit`: its subject and text, with `link` to where it is done.
    pub fn mail(&self, unit: &str, link: &str) -> (String, String) {
        let text = self.text(unit);
        let subject = format!("Påminnelse: {}", text.trim_end_matches('.'));
        let body = format!(
            "Hej!\n\n{text}\n\n{}: {link}\n\nDu får den här påminnelsen en gång, som chef för \
             {unit}. Årshjul visar den också på din startsida så länge den gäller.\n\nÅrshjul",
            self.action_label()
        );
        (subject, body)
    }
}

/// An APT as the reminders see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingState {
    /// The APT.
    pub meeting_id: i64,
    /// Its day.
    pub date: NaiveDate,
    /// Cancelled: nothing is reminded of.
    pub cancelled: bool,
    /// Its notice has gone out.
    pub notice_sent: bool,
    /// Its minutes are published.
    pub minutes_published: bool,
}

/// The reminder an APT calls for on `today`, if any.
pub fn meeting_reminder(
    m: &MeetingState,
    today: NaiveDate,
    notice_days: u32,
) -> Option<UnitReminder> {
    if m.cancelled {
        return None;
    }
    let deadline = crate::domain::notice_deadline(m.date, notice_days);
    if !m.notice_sent && today <= deadline {
        let left = (deadline - today).num_days();
        return match left {
            0..=1 => Some(UnitReminder::NoticeTomorrow {
                meeting_id: m.meeting_id,
                date: m.date,
                deadline,
            }),
            2..=3 => Some(UnitReminder::NoticeSoon {
                meeting_id: m.meeting_id,
                date: m.date,
                deadline,
            }),
            _ => None,
        };
    }
    let late_from = m.date.checked_add_days(Days::new(MINUTES_AFTER_DAYS))?;
    let give_up = m.date.checked_add_days(Days::new(MINUTES_GIVE_UP_DAYS))?;
    (!m.minutes_published && today >= late_from && today <= give_up).then_some(
        UnitReminder::MinutesLate {
            meeting_id: m.meeting_id,
            date: m.date,
        },
    )
}

/// The SAM follow-up of `today`'s year, not done after November.
pub fn sam_reminder(sam_done: bool, today: NaiveDate) -> Option<UnitReminder> {
    (!sam_done && today.month() == 12).then_some(UnitReminder::SamNotDone { year: today.year() })
}

/// The report on `year`, due on `due`, still being written (`sent` once it went up).
pub fn report_reminder(
    year: i32,
    due: NaiveDate,
    sent: bool,
    today: NaiveDate,
) -> Option<UnitReminder> {
    if sent || today > due {
        return None;
    }
    match (due - today).num_days() {
        0..=1 => Some(UnitReminder::ReportDueTomorrow { year, due }),
        2..=14 => Some(UnitReminder::ReportDueSoon { year, due }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn apt(date: NaiveDate) -> MeetingState {
        MeetingState {
            meeting_id: 7,
            date,
            cancelled: false,
            notice_sent: false,
            minutes_published: false,
        }
    }

    #[test]
    fn the_notice_is_reminded_three_days_and_one_day_before_its_deadline() {
        // An APT on 20 March: its notice is due 13 March with seven days' notice.
        let m = apt(day(3, 20));
        let kind = |today| meeting_reminder(&m, today, 7).map(|r| r.kind());
        assert_eq!(kind(day(3, 9)), None);
        assert_eq!(kind(day(3, 10)), Some("notice_soon"));
        assert_eq!(kind(day(3, 11)), Some("notice_soon"));
        assert_eq!(kind(day(3, 12)), Some("notice_tomorrow"));
        assert_eq!(kind(day(3, 13)), Some("notice_tomorrow"));
        assert_eq!(kind(day(3, 14)), None, "too late to remind of the deadline");
        let sent = MeetingState {
            notice_sent: true,
            ..m
        };
        assert_eq!(meeting_reminder(&sent, day(3, 12), 7), None);
        let cancelled = MeetingState {
            cancelled: true,
            ..m
        };
        assert_eq!(meeting_reminder(&cancelled, day(3, 12), 7), None);
        assert_eq!(
            meeting_reminder(&m, day(3, 10), 7).unwrap().text("Eken"),
            "Kallelsen till APT 20 mars 2026 i Eken ska skickas senast 13 mars 2026."
        );
    }

    #[test]
    fn unpublished_minutes_are_reminded_from_a_week_after_the_apt() {
        let m = MeetingState {
            notice_sent: true,
            ..apt(day(3, 20))
        };
        assert_eq!(meeting_reminder(&m, day(3, 26), 7), None);
        let late = meeting_reminder(&m, day(3, 27), 7).unwrap();
        assert_eq!((late.kind(), late.key()), ("minutes_late", "7".to_string()));
        assert_eq!(
            meeting_reminder(&m, day(6, 1), 7),
            None,
            "given up after 60 days"
        );
        let published = MeetingState {
            minutes_published: true,
            ..m
        };
        assert_eq!(meeting_reminder(&published, day(3, 27), 7), None);
    }

    #[test]
    fn a_reminder_links_to_where_it_is_done_and_mails_once_worded() {
        let r = UnitReminder::MinutesLate {
            meeting_id: 9,
            date: day(3, 20),
        };
        assert_eq!(r.link(4), "/enhet/4/mote/9/minnesanteckningar");
        assert!(r.urgent());
        let (subject, body) = r.mail(
            "Eken",
            "https://arshjul.example/enhet/4/mote/9/minnesanteckningar",
        );
        assert_eq!(
            subject,
            "Påminnelse: Minnesanteckningarna från APT 20 mars 2026 i Eken är inte publicerade"
        );
        assert!(body.contains(
            "Publicera minnesanteckningarna: https://arshjul.example/enhet/4/mote/9/minnesanteckningar"
        ));
        let soon = UnitReminder::ReportDueSoon {
            year: 2025,
            due: day(1, 31),
        };
        assert_eq!(soon.link(4), "/enhet/4/arbetsmiljorapport?ar=2025");
        assert!(!soon.urgent());
        assert!(!soon.action_label().contains("Eken"));
    }

    #[test]
    fn the_sam_follow_up_and_the_report_are_reminded_while_they_are_not_done() {
        assert_eq!(sam_reminder(false, day(11, 30)), None);
        assert_eq!(
            sam_reminder(false, day(12, 1)),
            Some(UnitReminder::SamNotDone { year: 2026 })
        );
        assert_eq!(sam_reminder(true, day(12, 1)), None);
        let due = day(1, 31);
        assert_eq!(report_reminder(2025, due, false, day(1, 16)), None);
        assert_eq!(
            report_reminder(2025, due, false, day(1, 17)).map(|r| r.kind()),
            Some("report_due_soon")
        );
        assert_eq!(
            report_reminder(2025, due, false, day(1, 30)).map(|r| r.kind()),
            Some("report_due_tomorrow")
        );
        assert_eq!(report_reminder(2025, due, true, day(1, 30)), None);
        assert_eq!(report_reminder(2025, due, false, day(2, 1)), None);
    }
}
