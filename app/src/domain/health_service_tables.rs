//! The occupational health service's figures as the tables the page, the bilaga's PDF and its
//! XLSX all show, so that each says the same: the use per month in tkr against the year before
//! ("Tjänstenyttjande per månad i tkr - 2025 vs 2024"), and per area and level with each area's
//! share ("Andel och summa tjänstenyttjande Tkr inom respektive uppdragsområde").

use super::health_service::{percent, tkr, Area, HealthFigures, Level, MONTHS};

/// A table's name, headers and rows, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthTable {
    /// Its heading.
    pub name: String,
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows; the last is the totals.
    pub rows: Vec<Vec<String>>,
}

/// What a month not yet reported shows.
const NOT_REPORTED: &str = "–";

/// The use per month in tkr, the year and (when entered) the year before, with the totals.
pub fn month_table(this: &HealthFigures, last: Option<&HealthFigures>) -> HealthTable {
    let cell = |figures: &HealthFigures, month: usize| {
        figures
            .months
            .get(month)
            .copied()
            .flatten()
            .map_or_else(|| NOT_REPORTED.to_string(), tkr)
    };
    let mut headers = vec!["Månad".to_string(), this.year.to_string()];
    headers.extend(last.map(|l| l.year.to_string()));
    let mut rows: Vec<Vec<String>> = MONTHS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mut row = vec![capitalised(name), cell(this, i)];
            row.extend(last.map(|l| cell(l, i)));
            row
        })
        .collect();
    let mut total = vec!["Totalt".to_string(), tkr(this.months_total())];
    total.extend(last.map(|l| tkr(l.months_total())));
    rows.push(total);
    let name = match last {
        Some(l) => format!(
            "Tjänstenyttjande per månad i tkr – {} och {}",
            this.year, l.year
        ),
        None => format!("Tjänstenyttjande per månad i tkr – {}", this.year),
    };
    HealthTable {
        name,
        headers,
        rows,
    }
}

/// The use per area (rows) and level (columns) in tkr for a year, each area's total and share.
pub fn area_table(figures: &HealthFigures) -> HealthTable {
    let total = figures.areas_total();
    let mut headers = vec!["Uppdragsområde".to_string()];
    headers.extend(Level::ALL.iter().map(|l| l.label().to_string()));
    headers.extend(["Totalt tkr".to_string(), "Andel".to_string()]);
    let mut rows: Vec<Vec<String>> = Area::ALL
        .iter()
        .map(|&area| {
            let mut row = vec![area.label().to_string()];
            row.extend(Level::ALL.iter().map(|&l| tkr(figures.cell(area, l))));
            row.push(tkr(figures.area_total(area)));
            row.push(format!("{}%", percent(figures.area_total(area), total)));
            row
        })
        .collect();
    let mut sums = vec!["Totalt".to_string()];
    sums.extend(Level::ALL.iter().map(|&l| tkr(figures.level_total(l))));
    sums.push(tkr(total));
    sums.push(if total > 0 { "100%" } else { "0%" }.to_string());
    rows.push(sums);
    HealthTable {
        name: format!(
            "Tjänstenyttjande per uppdragsområde i tkr – {}",
            figures.year
        ),
        headers,
        rows,
    }
}

/// Every table of the figures and the year before: the months, then the areas of each year.
pub fn health_tables(this: &HealthFigures, last: Option<&HealthFigures>) -> Vec<HealthTable> {
    let mut tables = vec![month_table(this, last), area_table(this)];
    tables.extend(last.map(area_table));
    tables
}

/// A month's name as a row or a form box starts it: "Januari".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(year: i32, months: [Option<i64>; 12], areas: [[i64; 3]; 3]) -> HealthFigures {
        HealthFigures {
            year,
            provider: "Feelgood".into(),
            months,
            areas,
        }
    }

    #[test]
    fn months_stand_against_the_year_before_with_totals() {
        let mut this_months = [None; 12];
        this_months[0] = Some(41_500);
        this_months[1] = Some(63_000);
        let this = figures(2025, this_months, [[0; 3]; 3]);
        let last = figures(2024, [Some(29_250); 12], [[0; 3]; 3]);
        let table = month_table(&this, Some(&last));
        assert_eq!(table.headers, ["Månad", "2025", "2024"]);
        assert_eq!(table.rows[0], ["Januari", "42", "29"]);
        assert_eq!(table.rows[2], ["Mars", "–", "29"]);
        assert_eq!(table.rows[12], ["Totalt", "105", "351"]);
        assert_eq!(
            table.name,
            "Tjänstenyttjande per månad i tkr – 2025 och 2024"
        );
        assert_eq!(month_table(&this, None).headers, ["Månad", "2025"]);
    }

    #[test]
    fn areas_show_their_tkr_per_level_and_their_share_as_the_seed_does() {
        let seed = figures(
            2025,
            [None; 12],
            [[0, 0, 293_000], [46_000, 115_000, 247_000], [0, 0, 2_000]],
        );
        let table = area_table(&seed);
        assert_eq!(
            table.headers,
            [
                "Uppdragsområde",
                "Organisation",
                "Grupp",
                "Individ",
                "Totalt tkr",
                "Andel"
            ]
        );
        assert_eq!(
            table.rows[0],
            ["Efterhjälpande", "0", "0", "293", "293", "42%"]
        );
        assert_eq!(
            table.rows[1],
            ["Förebyggande", "46", "115", "247", "408", "58%"]
        );
        assert_eq!(table.rows[2], ["Främjande", "0", "0", "2", "2", "0%"]);
        assert_eq!(table.rows[3], ["Totalt", "46", "115", "542", "703", "100%"]);
        let empty = area_table(&figures(2025, [None; 12], [[0; 3]; 3]));
        assert_eq!(empty.rows[3][5], "0%");
    }

    #[test]
    fn the_year_before_adds_its_own_area_table() {
        let this = figures(2025, [None; 12], [[0; 3]; 3]);
        let last = figures(2024, [None; 12], [[0; 3]; 3]);
        assert_eq!(health_tables(&this, Some(&last)).len(), 3);
        assert_eq!(health_tables(&this, None).len(), 2);
    }
}
