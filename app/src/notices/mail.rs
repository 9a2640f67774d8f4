//! The notice as an e-mail: its subject and text (the agenda, when and where, the material that
//! goes with it), its calendar invitation, and the SMTP transport that sends it (lettre).

use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::meetings::AgendaView;
use crate::plan::calendar::{entry, unit_calendar};

/// How the connection to the mail server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain connection (a local relay or a test server).
    None,
    /// Upgrade with STARTTLS (port 587).
    StartTls,
    /// TLS from the start (port 465).
    Tls,
}

/// Where and as whom mail is sent, from `ARSHJUL_SMTP_*` and `ARSHJUL_MAIL_FROM`.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    /// Server name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Protection.
    pub tls: SmtpTls,
    /// User name and password, when the server asks.
    pub credentials: Option<(String, String)>,
    /// The sender, e.g. `Årshjul <arshjul@kommun.se>`.
    pub from: String,
}

/// One message with its invitation. Every mail is built here, so here its texts lose their
/// control characters (a line break in a subject would start a header of the writer's choosing).
fn message(
    from: Mailbox,
    to: &str,
    subject: &str,
    body: &str,
    ics: Option<&str>,
) -> Result<Message, String> {
    use crate::domain::plain_text::{lines, one_line};

    let to: Mailbox = to.parse().map_err(|e| format!("ogiltig adress: {e}"))?;
    let text = SinglePart::plain(lines(body).into_owned());
    let message = Message::builder()
        .from(from)
        .to(to)
        .subject(one_line(subject));
    match ics {
        Some(ics) => {
            let calendar = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                .map_err(|e| e.to_string())?;
            message.multipart(MultiPart::mixed().singlepart(text).singlepart(
                Attachment::new("kallelse.ics".to_string()).body(ics.to_string(), calendar),
            ))
        }
        None => message.singlepart(text),
    }
    .map_err(|e| e.to_string())
}

/// Sends prepared messages over SMTP.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

impl Mailer {
    /// Builds the transport; a bad sender address or server name is an error at start-up.
    pub fn new(settings: &SmtpSettings) -> anyhow::Result<Mailer> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("ARSHJUL_MAIL_FROM is not an address: {e}"))?;
        let builder = match settings.tls {
            SmtpTls::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(settings.host.as_str())
            }
            SmtpTls::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)?
            }
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)?,
        };
        let mut builder = builder
            .port(settings.port)
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer {
            transport: builder.build(),
            from,
        })
    }

    /// Sends one message with its invitation; the error text is what the outbox records.
    pub async fn send(
        &self,
        to: &str,
        subject: &str,
        body: &str,
        ics: Option<&str>,
    ) -> Result<(), String> {
        let message = message(self.from.clone(), to, subject, body, ics)?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Subject and text of a notice for the agenda, with links from `origin` (`https://host`).
pub fn compose(agenda: &AgendaView, update: bool, origin: &str) -> (String, String) {
    let m = &agenda.meeting;
    let date = swedish_date(m.first_date());
    let subject = if update {
        format!("Uppdaterad kallelse: APT {} {date}", agenda.unit_name)
    } else {
        format!("Kallelse: APT {} {date}", agenda.unit_name)
    };
    let mut body = String::new();
    if update {
        body.push_str(
            "Dagordningen har ändrats sedan kallelsen skickades. Här är den uppdaterade.\n\n",
        );
    }
    body.push_str(&format!(
        "Välkommen till arbetsplatsträff (APT) för {}.\n\n",
        agenda.unit_name
    ));
    let sessions = std::iter::once((m.date, m.start, m.end, &m.location, &m.online_link)).chain(
        m.sessions
            .iter()
            .map(|s| (s.date, s.start, s.end, &s.location, &s.online_link)),
    );
    for (date, start, end, place, link) in sessions {
        body.push_str(&format!(
            "När: {} kl. {}–{}\n",
            swedish_date(date),
            start.format("%H.%M"),
            end.format("%H.%M")
        ));
        if !place.is_empty() {
            body.push_str(&format!("Var: {place}\n"));
        }
        if let Some(link) = link {
            body.push_str(&format!("Digitalt: {link}\n"));
        }
    }
    body.push_str("\nDAGORDNING\n");
    for section in &agenda.sections {
        body.push_str(&format!("\n{}\n", section.title));
        for item in &section.items {
            let mut line = format!("- {}", item.title);
            let mut details = Vec::new();
            if item.minutes > 0 {
                details.push(format!("{} min", item.minutes));
            }
            if !item.presenter.is_empty() {
                details.push(item.presenter.clone());
            }
            if !details.is_empty() {
                line.push_str(&format!(" ({})", details.join(", ")));
            }
            body.push_str(&line);
            body.push('\n');
            for paragraph in item
                .description
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
            {
                body.push_str(&format!("  {}\n", paragraph.trim()));
            }
        }
    }
    if !agenda.material.is_empty() || !agenda.attachments.is_empty() {
        body.push_str("\nMATERIAL ATT LÄSA FÖRE MÖTET\n");
        for link in &agenda.material {
            match &link.url {
                Some(url) => body.push_str(&format!("- {}: {url}\n", link.label)),
                None => body.push_str(&format!("- {}\n", link.label)),
            }
        }
        for file in &agenda.attachments {
            body.push_str(&format!("- {}: {origin}{}\n", file.file_name, file.href()));
        }
    }
    body.push_str(&format!(
        "\nLäs dagordningen i Årshjul: {origin}/enhet/{}/mote/{}/dagordning\n\
         Har du förslag på punkter? Lämna dem här: {origin}/enhet/{}/forslag\n",
        agenda.unit_id, m.id, agenda.unit_id
    ));
    (subject, body)
}

/// The calendar invitation of the meeting: one event per session, with the UIDs and SEQUENCE of
/// the unit's calendar feed, so the entry is the same one and an update replaces it.
pub fn invitation(
    agenda: &AgendaView,
    versions: &crate::plan::db::EntryVersions,
    origin: &str,
) -> String {
    let url = format!(
        "{origin}/enhet/{}/mote/{}/dagordning",
        agenda.unit_id, agenda.meeting.id
    );
    let entry = entry(&agenda.meeting, versions, Vec::new());
    unit_calendar(&agenda.unit_name, &url, &[entry])
}

fn swedish_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {}",
        crate::domain::swedish_calendar::weekday_and_date(date),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_line_break_in_a_subject_or_text_starts_no_header() {
        let from: Mailbox = "Årshjul <arshjul@example.se>".parse().unwrap();
        let built = message(
            from,
            "anna@example.se",
            "Kallelse: APT Eken\r\nBcc: x@evil.example",
            "Hej!\r\nVar: Eken\rX-Evil: 1\u{7}",
            None,
        )
        .unwrap();
        let raw = String::from_utf8(built.formatted()).unwrap();
        let (head, _) = raw.split_once("\r\n\r\n").unwrap();
        assert!(!head
            .lines()
            .any(|l| l.to_ascii_lowercase().starts_with("bcc")));
        assert!(!head.lines().any(|l| l.starts_with("X-Evil")));
        assert!(!raw.contains('\u{7}'));
        assert!(
            !raw.replace("\r\n", "").contains('\r'),
            "no bare carriage return"
        );
    }
}
