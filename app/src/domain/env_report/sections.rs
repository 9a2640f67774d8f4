//! The annual work environment report's sections and its yes/no/partly questions, word for word
//! from seed 004 (a municipality's arbetsmiljörapport), in the seed's order.

use serde::{Deserialize, Serialize};

/// A section of the report. Each has its own free-text "Bedömning och analys".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Section {
    /// Bedömning och utvärdering av föregående års åtgärder.
    PreviousActions,
    /// Sammanfattande bedömning och analys.
    Summary,
    /// Arbetsskador och tillbud.
    Injuries,
    /// Sjukfrånvaro.
    SickLeave,
    /// Personalomsättning.
    Turnover,
    /// Övertid och mertid.
    Overtime,
    /// Arbetsplatsträffar och samverkan.
    Meetings,
    /// Arbetsmiljöronder/Arbetsmiljöarbete.
    Rounds,
    /// Företagshälsovård.
    HealthService,
    /// Aktiva åtgärder (Diskrimineringslagen).
    ActiveMeasures,
    /// Arbetet med resultatet av medarbetarenkäten.
    EmployeeSurvey,
    /// Inspektioner från Arbetsmiljöverket.
    Inspections,
    /// Vidarefördelning av arbetsmiljöuppgifter och certifiering.
    Delegation,
    /// Utvalda risker och åtgärder som rapporteras vidare.
    RisksForwarded,
}

impl Section {
    /// Every section, in the seed's order.
    pub const ALL: [Section; 14] = [
        Section::PreviousActions,
        Section::Summary,
        Section::Injuries,
        Section::SickLeave,
        Section::Turnover,
        Section::Overtime,
        Section::Meetings,
        Section::Rounds,
        Section::HealthService,
        Section::ActiveMeasures,
        Section::EmployeeSurvey,
        Section::Inspections,
        Section::Delegation,
        Section::RisksForwarded,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Section::PreviousActions => "previous_actions",
            Section::Summary => "summary",
            Section::Injuries => "injuries",
            Section::SickLeave => "sick_leave",
            Section::Turnover => "turnover",
            Section::Overtime => "overtime",
            Section::Meetings => "meetings",
            Section::Rounds => "rounds",
            Section::HealthService => "health_service",
            Section::ActiveMeasures => "active_measures",
            Section::EmployeeSurvey => "employee_survey",
            Section::Inspections => "inspections",
            Section::Delegation => "delegation",
            Section::RisksForwarded => "risks_forwarded",
        }
    }

    /// Parses a stored or posted code; unknown codes are refused rather than guessed.
    pub fn from_code(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The heading, as the seed writes it.
    pub fn title(self) -> &'static str {
        match self {
            Section::PreviousActions => "Bedömning och utvärdering av föregående års åtgärder",
            Section::Summary => "Sammanfattande bedömning och analys",
            Section::Injuries => "Arbetsskador och tillbud",
            Section::SickLeave => "Sjukfrånvaro",
            Section::Turnover => "Personalomsättning",
            Section::Overtime => "Övertid och mertid",
            Section::Meetings => "Arbetsplatsträffar och samverkan",
            Section::Rounds => "Arbetsmiljöronder/Arbetsmiljöarbete",
            Section::HealthService => "Företagshälsovård",
            Section::ActiveMeasures => "Aktiva åtgärder (Diskrimineringslagen)",
            Section::EmployeeSurvey => "Arbetet med resultatet av medarbetarenkäten",
            Section::Inspections => "Inspektioner från Arbetsmiljöverket",
            Section::Delegation => "Vidarefördelning av arbetsmiljöuppgifter och certifiering",
            Section::RisksForwarded => "Utvalda risker och åtgärder som rapporteras vidare",
        }
    }

    /// The heading of the section's yes/no table, as the seed writes it, for the sections that
    /// ask questions.
    pub fn questions_heading(self) -> Option<&'static str> {
        match self {
            Section::Injuries => Some("Arbetet med arbetsskador och tillbud"),
            Section::Rounds => Some("Arbetsmiljöronder/Arbetsmiljöarbete"),
            Section::HealthService => Some("Företagshälsovård"),
            Section::Inspections => Some("Inspektion från Arbetsmiljöverket"),
            Section::Delegation => Some("Vidarefördelning av arbetsmiljöuppgifter"),
            _ => None,
        }
    }
}

/// An answer to one of the report's questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum YesNo {
    /// Ja.
    Yes,
    /// Nej.
    No,
    /// Delvis.
    Partly,
}

impl YesNo {
    /// Every answer, in the order a form offers them.
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::Partly];

    /// The code stored in the database and posted by the form.
    pub fn code(self) -> &'static str {
        match self {
            YesNo::Yes => "ja",
            YesNo::No => "nej",
            YesNo::Partly => "delvis",
        }
    }

    /// Parses a stored or posted code.
    pub fn from_code(code: &str) -> Option<YesNo> {
        YesNo::ALL.into_iter().find(|a| a.code() == code)
    }

    /// As the seed writes it: Ja, Nej, Delvis.
    pub fn label(self) -> &'static str {
        match self {
            YesNo::Yes => "Ja",
            YesNo::No => "Nej",
            YesNo::Partly => "Delvis",
        }
    }
}

/// One of the report's yes/no/partly questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// The code stored with an answer.
    pub code: &'static str,
    /// The section it is asked in.
    pub section: Section,
    /// The question as the seed asks it; `{org}` stands for the organisation's name in the
    /// genitive ("Huddinge kommuns").
    pub text: &'static str,
}

/// The questions, word for word from seed 004, in its order.
pub const QUESTIONS: [Question; 11] = [
    Question {
        code: "reporting_routine",
        section: Section::Injuries,
        text: "Har rapporteringen fungerat enligt den kommungemensamma rutinen?",
    },
    Question {
        code: "injuries_reported_back",
        section: Section::Injuries,
        text: "Har anmälda arbetsskador och tillbud samt utredningar och åtgärder av dessa \
               återrapporterats till medarbetarna under året?",
    },
    Question {
        code: "rounds_done",
        section: Section::Rounds,
        text: "Har kartläggning av arbetsmiljön (arbetsmiljöronder) genomförts?",
    },
    Question {
        code: "routines_followed",
        section: Section::Rounds,
        text: "Har rutiner och instruktioner för arbetsmiljöarbetet följts?",
    },
    Question {
        code: "safety_representative",
        section: Section::Rounds,
        text: "Har skyddsombud medverkat?",
    },
    Question {
        code: "actions_reported_back",
        section: Section::Rounds,
        text: "Har åtgärder återrapporterats till medarbetarna?",
    },
    Question {
        code: "health_service_used",
        section: Section::HealthService,
        text: "Har du avropat tjänster när du har haft behov av sakkunnig hjälp från \
               företagshälsovården?",
    },
    Question {
        code: "inspection",
        section: Section::Inspections,
        text: "Har verksamheten haft inspektion av Arbetsmiljöverket under året?",
    },
    Question {
        code: "written_delegation",
        section: Section::Delegation,
        text: "Har alla med ansvar för arbetsmiljöuppgifter fått en skriftlig vidarefördelning?",
    },
    Question {
        code: "delegation_means",
        section: Section::Delegation,
        text: "Har alla som fått en skriftlig vidarefördelning tillräckliga befogenheter, \
               resurser och kunskaper?",
    },
    Question {
        code: "managers_certified",
        section: Section::Delegation,
        text: "Är samtliga chefer i verksamheten certifierade i {org} arbetsmiljöarbete?",
    },
];

/// The question with `code`.
pub fn question(code: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.code == code)
}

/// The questions of `section`, in their order.
pub fn questions_in(section: Section) -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(move |q| q.section == section)
}

impl Question {
    /// The question as the organisation `org` reads it: its name filled in where the seed
    /// names the municipality ("certifierade i Huddinge kommuns arbetsmiljöarbete").
    pub fn text_for(&self, org: &str) -> String {
        self.text.replace("{org}", &genitive(org))
    }
}

/// A Swedish name in the genitive: "Huddinge kommun" → "Huddinge kommuns", but a name that
/// already ends in s, x or z takes nothing ("Mora stads" stays, "Vaxholms stad" → "Vaxholms
/// stads").
pub fn genitive(name: &str) -> String {
    let name = name.trim();
    match name.chars().last() {
        Some('s' | 'x' | 'z' | 'S' | 'X' | 'Z') | None => name.to_string(),
        Some(_) => format!("{name}s"),
    }
}
