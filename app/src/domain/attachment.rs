//! What an agenda attachment may be: the types members can open on any work phone or computer
//! (PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, plain text), up to a size limit, and
//! a name fit to show. The file's content must agree with its name's type (checked against the
//! magic bytes the caller detected), so a program renamed to `.pdf` is refused.

/// The largest attachment stored: 10 MB, plenty for a presentation or a scanned policy.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// The longest name kept, in characters.
const MAX_NAME_CHARS: usize = 200;

/// The most attachments one meeting keeps: room for the material of any APT, not a file store.
pub const MAX_ATTACHMENTS_PER_MEETING: i64 = 20;

/// The most bytes of attachments one meeting keeps (each at most [`MAX_ATTACHMENT_BYTES`]).
pub const MAX_MEETING_ATTACHMENT_BYTES: i64 = 100 * 1024 * 1024;

/// Whether a meeting that keeps `count` attachments of `bytes` in all has room for one more of
/// `adding` bytes.
pub fn meeting_has_room(count: i64, bytes: i64, adding: i64) -> bool {
    count < MAX_ATTACHMENTS_PER_MEETING
        && bytes.saturating_add(adding) <= MAX_MEETING_ATTACHMENT_BYTES
}

/// A type attachments may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentType {
    /// PDF.
    Pdf,
    /// Word (`.docx`).
    Word,
    /// Excel (`.xlsx`).
    Excel,
    /// PowerPoint (`.pptx`).
    PowerPoint,
    /// OpenDocument text (`.odt`).
    OdfText,
    /// OpenDocument spreadsheet (`.ods`).
    OdfSheet,
    /// OpenDocument presentation (`.odp`).
    OdfPresentation,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// Plain text (UTF-8).
    Text,
}

impl AttachmentType {
    /// Every allowed type.
    pub const ALL: [AttachmentType; 10] = [
        AttachmentType::Pdf,
        AttachmentType::Word,
        AttachmentType::Excel,
        AttachmentType::PowerPoint,
        AttachmentType::OdfText,
        AttachmentType::OdfSheet,
        AttachmentType::OdfPresentation,
        AttachmentType::Png,
        AttachmentType::Jpeg,
        AttachmentType::Text,
    ];

    /// The media type the file is served with (and that content detection reports for it).
    pub fn mime(self) -> &'static str {
        match self {
            AttachmentType::Pdf => "application/pdf",
            AttachmentType::Word => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            AttachmentType::Excel => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            AttachmentType::PowerPoint => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            AttachmentType::OdfText => "application/vnd.oasis.opendocument.text",
            AttachmentType::OdfSheet => "application/vnd.oasis.opendocument.spreadsheet",
            AttachmentType::OdfPresentation => "application/vnd.oasis.opendocument.presentation",
            AttachmentType::Png => "image/png",
            AttachmentType::Jpeg => "image/jpeg",
            AttachmentType::Text => "text/plain; charset=utf-8",
        }
    }

    /// The name endings of the type.
    fn extensions(self) -> &'static [&'static str] {
        match self {
            AttachmentType::Pdf => &["pdf"],
            AttachmentType::Word => &["docx"],
            AttachmentType::Excel => &["xlsx"],
            AttachmentType::PowerPoint => &["pptx"],
            AttachmentType::OdfText => &["odt"],
            AttachmentType::OdfSheet => &["ods"],
            AttachmentType::OdfPresentation => &["odp"],
            AttachmentType::Png => &["png"],
            AttachmentType::Jpeg => &["jpg", "jpeg"],
            AttachmentType::Text => &["txt"],
        }
    }

    /// The type a file name ends in, if allowed.
    pub fn from_name(name: &str) -> Option<AttachmentType> {
        let (_, ext) = name.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|t| t.extensions().contains(&ext.as_str()))
    }

    /// `accept` of the file field: every allowed ending.
    pub fn accept_list() -> String {
        Self::ALL
            .iter()
            .flat_map(|t| t.extensions().iter().map(|e| format!(".{e}")))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What the file's bytes turned out to be, as the caller detected it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed<'a> {
    /// A known binary format with this media type (from its magic bytes).
    Binary(&'a str),
    /// No binary format: valid UTF-8 text without NUL bytes.
    Text,
    /// Neither.
    Unknown,
}

/// Why an upload was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentProblem {
    /// No file was chosen (or it was empty).
    Missing,
    /// Over `MAX_ATTACHMENT_BYTES`.
    TooLarge,
    /// The name's type is not allowed.
    TypeNotAllowed,
    /// The bytes are not what the name says.
    ContentMismatch,
    /// The meeting already keeps as many attachments, or as many bytes, as it may.
    MeetingFull,
}

impl AttachmentProblem {
    /// A short code for the address the upload returns to.
    pub fn code(self) -> &'static str {
        match self {
            AttachmentProblem::Missing => "saknas",
            AttachmentProblem::TooLarge => "for-stor",
            AttachmentProblem::TypeNotAllowed => "fel-typ",
            AttachmentProblem::ContentMismatch => "fel-innehall",
            AttachmentProblem::MeetingFull => "fullt",
        }
    }

    /// The problem a code stands for.
    pub fn from_code(code: &str) -> Option<AttachmentProblem> {
        [
            AttachmentProblem::Missing,
            AttachmentProblem::TooLarge,
            AttachmentProblem::TypeNotAllowed,
            AttachmentProblem::ContentMismatch,
            AttachmentProblem::MeetingFull,
        ]
        .into_iter()
        .find(|p| p.code() == code)
    }

    /// A Swedish sentence saying what to do.
    pub fn message(self) -> String {
        match self {
            AttachmentProblem::Missing => "Välj en fil att bifoga.".to_string(),
            AttachmentProblem::TooLarge => format!(
                "Filen är för stor. Bilagor får vara högst {} MB.",
                MAX_ATTACHMENT_BYTES / (1024 * 1024)
            ),
            AttachmentProblem::TypeNotAllowed => "Den filtypen kan inte bifogas. Välj en PDF, \
                 Word-, Excel- eller PowerPoint-fil, ett OpenDocument, en bild (PNG, JPEG) eller \
                 en textfil."
                .to_string(),
            AttachmentProblem::ContentMismatch => "Filens innehåll stämmer inte med filtypen i \
                 namnet. Spara filen på nytt i rätt format och försök igen."
                .to_string(),
            AttachmentProblem::MeetingFull => format!(
                "Mötet har redan så många bilagor som det får ha ({MAX_ATTACHMENTS_PER_MEETING} \
                 filer, {} MB sammanlagt). Ta bort en bilaga som inte behövs, eller länka till \
                 materialet i en punkts beskrivning.",
                MAX_MEETING_ATTACHMENT_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// A file that may be attached: its name to show and its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedAttachment {
    /// The name, without any folder part or control characters, at most 200 characters.
    pub name: String,
    /// Its type.
    pub kind: AttachmentType,
}

/// Checks an uploaded file: present, within the size limit, an allowed type by name, and bytes
/// that are what the name says.
pub fn check_attachment(
    file_name: &str,
    size: usize,
    sniffed: Sniffed<'_>,
) -> Result<CheckedAttachment, AttachmentProblem> {
    let name = clean_name(file_name);
    if name.is_empty() || size == 0 {
        return Err(AttachmentProblem::Missing);
    }
    if size > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentProblem::TooLarge);
    }
    let kind = AttachmentType::from_name(&name).ok_or(AttachmentProblem::TypeNotAllowed)?;
    let agrees = match (kind, sniffed) {
        (AttachmentType::Text, Sniffed::Text) => true,
        (AttachmentType::Text, _) => false,
        (_, Sniffed::Binary(mime)) => mime == kind.mime(),
        _ => false,
    };
    if !agrees {
        return Err(AttachmentProblem::ContentMismatch);
    }
    Ok(CheckedAttachment { name, kind })
}

/// The last part of a path (some browsers send the whole path), without control characters,
/// trimmed and cut to the longest name kept (keeping the ending).
fn clean_name(file_name: &str) -> String {
    let last = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim();
    if cleaned.chars().count() <= MAX_NAME_CHARS {
        return cleaned.to_string();
    }
    let ending = cleaned
        .rsplit_once('.')
        .map(|(_, e)| format!(".{e}"))
        .filter(|e| e.chars().count() <= 10)
        .unwrap_or_default();
    let keep = MAX_NAME_CHARS - ending.chars().count();
    let stem: String = cleaned.chars().take(keep).collect();
    format!("{stem}{ending}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: Sniffed<'static> = Sniffed::Binary("application/pdf");

    #[test]
    fn accepts_an_allowed_type_whose_content_agrees() {
        let ok = check_attachment("Policy mot kränkande särbehandling.PDF", 2048, PDF).unwrap();
        assert_eq!(ok.kind, AttachmentType::Pdf);
        assert_eq!(ok.name, "Policy mot kränkande särbehandling.PDF");
        let text = check_attachment("anteckningar.txt", 10, Sniffed::Text).unwrap();
        assert_eq!(text.kind, AttachmentType::Text);
        let word = check_attachment(
            "plan.docx",
            10,
            Sniffed::Binary(AttachmentType::Word.mime()),
        );
        assert!(word.is_ok());
    }

    #[test]
    fn refuses_a_missing_an_empty_and_a_too_large_file() {
        assert_eq!(
            check_attachment("", 10, PDF),
            Err(AttachmentProblem::Missing)
        );
        assert_eq!(
            check_attachment("a.pdf", 0, PDF),
            Err(AttachmentProblem::Missing)
        );
        assert_eq!(
            check_attachment("a.pdf", MAX_ATTACHMENT_BYTES + 1, PDF),
            Err(AttachmentProblem::TooLarge)
        );
        assert!(check_attachment("a.pdf", MAX_ATTACHMENT_BYTES, PDF).is_ok());
    }

    #[test]
    fn refuses_types_not_allowed_and_content_that_disagrees_with_the_name() {
        let exe = Sniffed::Binary("application/vnd.microsoft.portable-executable");
        assert_eq!(
            check_attachment("setup.exe", 10, exe),
            Err(AttachmentProblem::TypeNotAllowed)
        );
        assert_eq!(
            check_attachment("utan-ändelse", 10, Sniffed::Text),
            Err(AttachmentProblem::TypeNotAllowed)
        );
        assert_eq!(
            check_attachment("faktura.pdf", 10, exe),
            Err(AttachmentProblem::ContentMismatch)
        );
        assert_eq!(
            check_attachment("faktura.pdf", 10, Sniffed::Text),
            Err(AttachmentProblem::ContentMismatch)
        );
        assert_eq!(
            check_attachment("bild.txt", 10, Sniffed::Binary("image/png")),
            Err(AttachmentProblem::ContentMismatch)
        );
        assert_eq!(
            check_attachment("data.txt", 10, Sniffed::Unknown),
            Err(AttachmentProblem::ContentMismatch)
        );
    }

    #[test]
    fn keeps_only_a_clean_name() {
        let ok = check_attachment("C:\\Users\\anna\\Dokument\\schema.pdf", 10, PDF).unwrap();
        assert_eq!(ok.name, "schema.pdf");
        let ok = check_attachment("../../etc/x\u{7}.pdf", 10, PDF).unwrap();
        assert_eq!(ok.name, "x.pdf");
        let long = format!("{}.pdf", "å".repeat(300));
        let ok = check_attachment(&long, 10, PDF).unwrap();
        assert_eq!(ok.name.chars().count(), 200);
        assert!(ok.name.ends_with(".pdf"));
    }

    #[test]
    fn problems_travel_as_codes_and_read_as_swedish() {
        for p in [
            AttachmentProblem::Missing,
            AttachmentProblem::TooLarge,
            AttachmentProblem::TypeNotAllowed,
            AttachmentProblem::ContentMismatch,
            AttachmentProblem::MeetingFull,
        ] {
            assert_eq!(AttachmentProblem::from_code(p.code()), Some(p));
            assert!(!p.message().is_empty());
        }
        assert_eq!(AttachmentProblem::from_code("annat"), None);
        assert!(AttachmentProblem::TooLarge.message().contains("10 MB"));
        assert!(AttachmentType::accept_list().starts_with(".pdf,.docx"));
    }
}
