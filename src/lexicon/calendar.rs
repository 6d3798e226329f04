//! Calendar words, folded: month and weekday names with their
//! abbreviations. Date lines, the sentence splitter, the date extractor
//! and the entity extractor all read them here.

/// Month names and abbreviations with the month's number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names, Monday first (the order weekday arithmetic counts in).
pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Their abbreviations, which only a date line is safe to read as
/// weekdays ("Sun" in running text is more often a newspaper).
pub(crate) const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
];

/// True for a month name or abbreviation ("march", "sept", "mar").
pub(crate) fn is_month(w: &str) -> bool {
    MONTHS.iter().any(|(m, _)| *m == w)
}

/// Month number of a month name or abbreviation, for dates in running
/// text. "mar" is left out there: it is also a verb ("to mar the talks"),
/// and only a date line or a number after it makes it a month.
pub(crate) fn month_number(w: &str) -> Option<u32> {
    if w == "mar" {
        return None;
    }
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

/// True for a weekday name (not an abbreviation).
pub(crate) fn is_weekday(w: &str) -> bool {
    WEEKDAY_NAMES.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_abbreviations_share_a_number() {
        assert_eq!(month_number("september"), Some(9));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("sep"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("friday"), None);
    }

    #[test]
    fn mar_is_a_month_only_where_a_date_is_expected() {
        assert!(is_month("mar"));
        assert_eq!(month_number("mar"), None);
    }

    #[test]
    fn weekdays_are_names_not_abbreviations() {
        assert!(is_weekday("friday"));
        assert!(!is_weekday("fri"));
        assert!(WEEKDAY_ABBREVIATIONS.contains(&"fri"));
    }
}
