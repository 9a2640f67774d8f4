//! One page of a long list (a city's 4,000 units in the compliance overview, its 44,000
//! actions): which page is shown and which rows it holds. Plain arithmetic, so a page number
//! typed into the address past the end shows the last page rather than nothing.

/// Units a page lists one by one: a department (20 units) in full; an administration of a city
/// (100) or the city itself (4,000) by its parts, each counted and linked a level down. The
/// checklist roll-up and the start page both hold to it, so a part reads the same on both.
pub const UNITS_LISTED_ONE_BY_ONE: usize = 60;

/// The page shown of a list, and how many there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageOf {
    /// The page shown, from 1.
    pub page: u32,
    /// Pages in all; 1 for an empty list.
    pub pages: u32,
    /// Rows before the page.
    pub skip: usize,
    /// Rows on a full page.
    pub take: usize,
}

impl PageOf {
    /// Page `asked` (the first when none, the last when past the end) of `total` rows,
    /// `per_page` to a page (at least one).
    pub fn new(total: u32, per_page: u32, asked: Option<u32>) -> Self {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        let page = asked.unwrap_or(1).clamp(1, pages);
        PageOf {
            page,
            pages,
            skip: usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX),
            take: usize::try_from(per_page).unwrap_or(usize::MAX),
        }
    }

    /// The rows of the page, from the whole list.
    pub fn slice<T>(&self, rows: Vec<T>) -> Vec<T> {
        rows.into_iter().skip(self.skip).take(self.take).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::PageOf;

    #[test]
    fn the_first_page_when_none_is_asked() {
        let p = PageOf::new(250, 100, None);
        assert_eq!((p.page, p.pages, p.skip, p.take), (1, 3, 0, 100));
    }

    #[test]
    fn a_page_past_the_end_is_the_last_and_zero_the_first() {
        assert_eq!(PageOf::new(250, 100, Some(9)).page, 3);
        assert_eq!(PageOf::new(250, 100, Some(9)).skip, 200);
        assert_eq!(PageOf::new(250, 100, Some(0)).page, 1);
    }

    #[test]
    fn an_empty_list_is_one_empty_page() {
        let p = PageOf::new(0, 100, Some(4));
        assert_eq!((p.page, p.pages), (1, 1));
        assert!(p.slice(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn a_page_holds_its_rows_only() {
        let p = PageOf::new(5, 2, Some(3));
        assert_eq!(p.slice(vec![1, 2, 3, 4, 5]), vec![5]);
        assert_eq!(
            PageOf::new(5, 2, Some(2)).slice(vec![1, 2, 3, 4, 5]),
            vec![3, 4]
        );
    }

    #[test]
    fn a_full_list_fits_exactly() {
        assert_eq!(PageOf::new(200, 100, Some(2)).pages, 2);
        assert_eq!(PageOf::new(201, 100, None).pages, 3);
    }
}
