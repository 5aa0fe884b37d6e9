//! Calendar days as the case stores them: `YYYY-MM-DD`, exactly ten
//! characters, so that text order is date order in every table and list.

use chrono::NaiveDate;

/// Reads a stored or typed day; `None` for anything but a real date in the
/// strict `YYYY-MM-DD` form (no signs, no missing zeros, no week dates).
pub(crate) fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

/// Month names as printed in English (and, case-insensitively, as the
/// public-filing masks find them in typed text).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month names as printed in Spanish.
pub const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_days_in_the_stored_form_are_read() {
        assert_eq!(
            parse_day("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for refused in [
            "2023-02-29",
            "2024-2-29",
            "2024-02-29 ",
            "+2024-02-29",
            "2024-W09-4",
            "2024/02/29",
            "",
        ] {
            assert_eq!(parse_day(refused), None, "{refused:?}");
        }
    }
}
