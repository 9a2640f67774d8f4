//! The occupational health service's statistics (företagshälsovård) as seed 002's bilaga 1 shows
//! them: the use per month in tkr, this year against the year before, and the share of the use
//! per area (efterhjälpande, förebyggande, främjande) and level (organisation, grupp, individ).
//! The organisation enters the figures in tkr; they are kept in whole kronor so that sums and
//! shares are exact, and shown in whole tkr as the provider's report does ("Totalt 2025: 703 tkr").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::form_input::{problem, FieldProblem};

/// An area of the service (uppdragsområde).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Area {
    /// Efterhjälpande: support after something has happened (stödsamtal, rehabilitering).
    Remedial,
    /// Förebyggande: preventing ill health (chefsstöd, ergonomi, arbetsmiljömätning).
    Preventive,
    /// Främjande: promoting health.
    Promotive,
}

/// Who a use was for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    /// The organisation.
    Organisation,
    /// A group.
    Group,
    /// An individual.
    Individual,
}

impl Area {
    /// The areas in the report's order.
    pub const ALL: [Area; 3] = [Area::Remedial, Area::Preventive, Area::Promotive];

    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            Area::Remedial => "remedial",
            Area::Preventive => "preventive",
            Area::Promotive => "promotive",
        }
    }

    /// The area of a stored code.
    pub fn from_code(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Its Swedish name, as the report writes it.
    pub fn label(self) -> &'static str {
        match self {
            Area::Remedial => "Efterhjälpande",
            Area::Preventive => "Förebyggande",
            Area::Promotive => "Främjande",
        }
    }

    /// Its place in [`HealthFigures::areas`].
    pub fn index(self) -> usize {
        match self {
            Area::Remedial => 0,
            Area::Preventive => 1,
            Area::Promotive => 2,
        }
    }
}

impl Level {
    /// The levels in the report's order.
    pub const ALL: [Level; 3] = [Level::Organisation, Level::Group, Level::Individual];

    /// The code stored.
    pub fn code(self) -> &'static str {
        match self {
            Level::Organisation => "organisation",
            Level::Group => "group",
            Level::Individual => "individual",
        }
    }

    /// The level of a stored code.
    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Its Swedish name, as the report writes it.
    pub fn label(self) -> &'static str {
        match self {
            Level::Organisation => "Organisation",
            Level::Group => "Grupp",
            Level::Individual => "Individ",
        }
    }

    /// Its place in [`HealthFigures::areas`].
    pub fn index(self) -> usize {
        match self {
            Level::Organisation => 0,
            Level::Group => 1,
            Level::Individual => 2,
        }
    }
}

/// The months' Swedish names, as a table's rows and a form's boxes write them.
pub use super::swedish_calendar::MONTHS;

/// The form's field of each month's use ("m1" … "m12").
pub const MONTH_FIELDS: [&str; 12] = [
    "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12",
];

/// The form's field of each area's use per level, `[area][level]`.
pub const AREA_FIELDS: [[&str; 3]; 3] = [
    [
        "remedial_organisation",
        "remedial_group",
        "remedial_individual",
    ],
    [
        "preventive_organisation",
        "preventive_group",
        "preventive_individual",
    ],
    [
        "promotive_organisation",
        "promotive_group",
        "promotive_individual",
    ],
];

/// The longest provider name.
pub const MAX_PROVIDER: usize = 120;

/// The largest amount a field takes: a billion kronor (a million tkr) is far beyond any
/// administration's use and keeps every sum inside an `i64`.
pub const MAX_KRONOR: i64 = 1_000_000_000_000;

/// What a form says beside an amount it cannot read.
pub const NOT_AN_AMOUNT: &str =
    "Skriv beloppet i tkr med siffror, till exempel 58 eller 58,5. Lämna tomt om det saknas.";

/// A node's figures for a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthFigures {
    /// The year they are for.
    pub year: i32,
    /// The provider ("Feelgood").
    pub provider: String,
    /// The use per month in kronor; `None` for a month not yet reported.
    pub months: [Option<i64>; 12],
    /// The use per area and level in kronor, `[area][level]`.
    pub areas: [[i64; 3]; 3],
}

impl HealthFigures {
    /// The use in `area` for `level`, in kronor.
    pub fn cell(&self, area: Area, level: Level) -> i64 {
        self.areas[area.index()][level.index()]
    }

    /// The year's use by month, in kronor.
    pub fn months_total(&self) -> i64 {
        self.months.iter().flatten().sum()
    }

    /// The use in `area` over every level, in kronor.
    pub fn area_total(&self, area: Area) -> i64 {
        self.areas[area.index()].iter().sum()
    }

    /// The use for `level` over every area, in kronor.
    pub fn level_total(&self, level: Level) -> i64 {
        Area::ALL.iter().map(|&a| self.cell(a, level)).sum()
    }

    /// The use over every area and level, in kronor.
    pub fn areas_total(&self) -> i64 {
        Area::ALL.iter().map(|&a| self.area_total(a)).sum()
    }
}

/// The figures a form sent, before they are checked: the provider and every amount by its
/// field's name ([`MONTH_FIELDS`], [`AREA_FIELDS`]); a field not sent is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthInput {
    /// The provider's name.
    #[serde(default)]
    pub provider: String,
    /// The amounts as typed, in tkr.
    #[serde(default)]
    pub amounts: BTreeMap<String, String>,
}

impl HealthInput {
    /// The input that shows `figures` in the form, in tkr as they were typed.
    pub fn of(figures: &HealthFigures) -> HealthInput {
        let mut amounts = BTreeMap::new();
        for (field, kronor) in MONTH_FIELDS.iter().zip(figures.months) {
            if let Some(kronor) = kronor {
                amounts.insert((*field).to_string(), tkr_input(kronor));
            }
        }
        for area in Area::ALL {
            for level in Level::ALL {
                let field = AREA_FIELDS[area.index()][level.index()];
                amounts.insert(field.to_string(), tkr_input(figures.cell(area, level)));
            }
        }
        HealthInput {
            provider: figures.provider.clone(),
            amounts,
        }
    }

    fn amount(&self, field: &str) -> &str {
        self.amounts.get(field).map_or("", |s| s.as_str())
    }
}

/// Checks the form's figures for `year`: a provider, and every amount empty or a sum in tkr
/// (an empty month is not yet reported, an empty area is 0). Every problem is named by its
/// field, so each stands beside its own box.
pub fn check_health_input(
    year: i32,
    input: &HealthInput,
) -> Result<HealthFigures, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let provider = input.provider.trim();
    if provider.is_empty() {
        problems.push(problem(
            "provider",
            "Skriv vilken leverantör statistiken kommer från, till exempel Feelgood.",
        ));
    } else if provider.chars().count() > MAX_PROVIDER {
        problems.push(problem(
            "provider",
            format!("Leverantörens namn får vara högst {MAX_PROVIDER} tecken."),
        ));
    }
    let mut read = |field: &'static str| match parse_tkr(input.amount(field)) {
        Ok(kronor) => kronor,
        Err(message) => {
            problems.push(problem(field, message));
            None
        }
    };
    let months = MONTH_FIELDS.map(&mut read);
    let areas = AREA_FIELDS.map(|row| row.map(|field| read(field).unwrap_or(0)));
    if problems.is_empty() {
        Ok(HealthFigures {
            year,
            provider: provider.to_string(),
            months,
            areas,
        })
    } else {
        Err(problems)
    }
}

/// An amount typed in tkr ("58", "58,5", "1 234,25", "58.5"), in whole kronor; `None` when
/// empty. A negative amount, more than three decimals or anything else is refused.
pub fn parse_tkr(text: &str) -> Result<Option<i64>, &'static str> {
    let Some((whole, fraction)) =
        super::typed_number::decimal_parts(text, "tkr").map_err(|()| NOT_AN_AMOUNT)?
    else {
        return Ok(None);
    };
    if fraction.len() > 3 {
        return Err(NOT_AN_AMOUNT);
    }
    let too_large = "Beloppet är för stort. Skriv det i tkr, till exempel 703 för 703 000 kr.";
    let whole: i64 = whole.parse().map_err(|_| too_large)?;
    let fraction: i64 = format!("{fraction:0<3}").parse().unwrap_or(0);
    let kronor = whole
        .checked_mul(1000)
        .and_then(|k| k.checked_add(fraction))
        .filter(|&k| k <= MAX_KRONOR)
        .ok_or(too_large)?;
    Ok(Some(kronor))
}

/// Kronor in whole tkr, as the report writes them: 703 499 kr is "703", 2 002 kr is "2".
pub fn tkr(kronor: i64) -> String {
    let rounded = (kronor + 500).div_euclid(1000);
    group_thousands(rounded)
}

/// Kronor in tkr as a form shows them back, without losing what was typed: "58,5", "703".
pub fn tkr_input(kronor: i64) -> String {
    let (whole, part) = (kronor / 1000, kronor % 1000);
    if part == 0 {
        whole.to_string()
    } else {
        let fraction = format!("{part:03}");
        format!("{whole},{}", fraction.trim_end_matches('0'))
    }
}

/// A share in whole per cent of `whole`, as the report writes it ("42%"); 0 of nothing is 0.
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (part * 100 + whole / 2) / whole
}

fn group_thousands(n: i64) -> String {
    let digits = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Seed 002's title of the bilaga for the figures of `year` from `provider`.
pub fn bilaga_title(provider: &str, year: i32, node: &str) -> String {
    format!("Årsstatistik {provider} {year}, {node}")
}

/// What a protocol's bilaga freezes: the node's figures for the year and, when entered, the
/// year before, to compare with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthBilaga {
    /// The node the figures are for.
    pub node: String,
    /// The year shown.
    pub this: HealthFigures,
    /// The year before, when entered.
    pub last: Option<HealthFigures>,
}

#[cfg(test)]
#[path = "health_service_tests.rs"]
mod tests;
