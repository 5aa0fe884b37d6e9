//! The paragraph in which a declarant vouches for a photo ("Exhibit C is a
//! true and accurate photograph of ..."), in the statement's language and in
//! English. The date is said exactly as precisely as it is known: a photo
//! taken "about 2019" is never sworn as taken on January 1, 2019.

use std::collections::HashMap;

use crate::RememberedDate;
use crate::calendar::{MONTHS_EN, MONTHS_ES};
use crate::wording::{default_wording, fill};

/// When something happened, with its preposition, at the date's own
/// precision: "on March 4, 2019", "in March 2019", "in or about 2019";
/// "el 4 de marzo de 2019", "en marzo de 2019", "alrededor de 2019".
pub fn date_phrase(date: &RememberedDate, lang: &str) -> String {
    let month = date
        .month
        .filter(|m| (1..=12).contains(m))
        .map(|m| usize::from(m) - 1);
    let spanish = lang == "es";
    let body = match (month, date.day) {
        (Some(m), Some(d)) if spanish => format!("{d} de {} de {}", MONTHS_ES[m], date.year),
        (Some(m), Some(d)) => format!("{} {d}, {}", MONTHS_EN[m], date.year),
        (Some(m), None) if spanish => format!("{} de {}", MONTHS_ES[m], date.year),
        (Some(m), None) => format!("{} {}", MONTHS_EN[m], date.year),
        (None, _) => date.year.to_string(),
    };
    let on_a_day = month.is_some() && date.day.is_some();
    match (spanish, date.about, on_a_day) {
        (false, false, true) => format!("on {body}"),
        (false, false, false) => format!("in {body}"),
        (false, true, true) => format!("on or about {body}"),
        (false, true, false) => format!("in or about {body}"),
        (true, false, true) => format!("el {body}"),
        (true, false, false) => format!("en {body}"),
        (true, true, true) => format!("alrededor del {body}"),
        (true, true, false) => format!("alrededor de {body}"),
    }
}

/// What the attestation says about one photo.
pub struct PhotoFacts<'a> {
    /// The exhibit letter the photo has.
    pub letter: &'a str,
    /// What it shows (its caption, or its file name).
    pub what: &'a str,
    /// When it was taken, as known.
    pub taken: Option<&'a RememberedDate>,
    /// Who took it, when known.
    pub photographer: &'a str,
}

/// The attestation in `lang` ("en" or "es"), from the printed-wording
/// settings `wording` (a lawyer may have changed them), or `None` for a
/// language the wording does not have.
pub fn attestation(
    facts: &PhotoFacts<'_>,
    lang: &str,
    wording: &HashMap<String, String>,
) -> Option<String> {
    let text = |key: &str| -> Option<String> {
        let key = format!("{key}.{lang}");
        wording
            .get(&key)
            .cloned()
            .or_else(|| default_wording(&key).map(|(text, ..)| text.to_owned()))
    };
    let mut sentences = vec![fill(
        &text("attestPhoto")?,
        &[("letter", facts.letter), ("what", facts.what)],
    )];
    if let Some(date) = facts.taken {
        let phrase = date_phrase(date, lang);
        sentences.push(fill(&text("attestPhotoTaken")?, &[("date", &phrase)]));
    }
    if !facts.photographer.trim().is_empty() {
        sentences.push(fill(
            &text("attestPhotoBy")?,
            &[("photographer", facts.photographer.trim())],
        ));
    }
    Some(sentences.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: Option<u8>, day: Option<u8>, about: bool) -> RememberedDate {
        RememberedDate {
            year,
            month,
            day,
            about,
        }
    }

    #[test]
    fn a_date_is_said_at_its_own_precision() {
        let cases = [
            (
                date(2019, None, None, true),
                "in or about 2019",
                "alrededor de 2019",
            ),
            (
                date(2019, Some(3), None, false),
                "in March 2019",
                "en marzo de 2019",
            ),
            (
                date(2019, Some(3), Some(4), false),
                "on March 4, 2019",
                "el 4 de marzo de 2019",
            ),
            (
                date(2019, Some(3), Some(4), true),
                "on or about March 4, 2019",
                "alrededor del 4 de marzo de 2019",
            ),
            (date(2019, None, None, false), "in 2019", "en 2019"),
        ];
        for (d, en, es) in cases {
            assert_eq!(date_phrase(&d, "en"), en);
            assert_eq!(date_phrase(&d, "es"), es);
        }
    }

    #[test]
    fn the_sentence_leaves_out_what_is_not_known() {
        let facts = PhotoFacts {
            letter: "C",
            what: "the crowns on his wrists",
            taken: None,
            photographer: " ",
        };
        assert_eq!(
            attestation(&facts, "en", &HashMap::new()).as_deref(),
            Some("Exhibit C is a true and accurate photograph of the crowns on his wrists.")
        );
        assert_eq!(attestation(&facts, "fr", &HashMap::new()), None);
    }
}
