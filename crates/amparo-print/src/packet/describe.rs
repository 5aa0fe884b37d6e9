//! How the packet names a record in words: a remembered date as printed,
//! a photograph's and a tattoo record's short description. The index, the
//! tables, the checks and the window's view all say it the same way.

use amparo_core::{Photo, RememberedDate, Tattoo};

/// `date` as printed: "March 5, 1998", "March 1998", "about 1998".
pub(crate) fn remembered(date: &RememberedDate) -> String {
    date.in_words("en")
}

pub(crate) fn photo_description(p: &Photo) -> String {
    if p.details.caption.trim().is_empty() {
        "Photograph".to_owned()
    } else {
        p.details.caption.trim().to_owned()
    }
}

pub(crate) fn tattoo_description(t: &Tattoo) -> String {
    let r = &t.record;
    let mut out = format!("Tattoo record: {}", r.body_location.trim());
    if !r.shows_text.trim().is_empty() {
        out.push_str(&format!(" (“{}”)", r.shows_text.trim()));
    }
    out
}

/// True when the tattoo record prints text in a language other than English.
pub(crate) fn tattoo_has_foreign_text(t: &Tattoo) -> bool {
    let r = &t.record;
    r.meaning_language != "en" && !r.meaning_language.is_empty() && !r.meaning_original.is_empty()
}
