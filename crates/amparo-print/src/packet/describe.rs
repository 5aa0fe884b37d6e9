//! How the packet names a record in words: a remembered date as printed,
//! a photograph's and a tattoo record's short description. The index, the
//! tables, the checks and the window's view all say it the same way.

use amparo_core::{Document, DocumentExcerpt, Photo, RememberedDate, Tattoo};

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

/// A document as the index names it: its title, then who issued it and
/// its date when known, and its pages ("Form I-213 (U.S. Border Patrol,
/// August 29, 2025), 12 pages"), or the excerpt printed ("Country Report
/// (U.S. Department of State, 2024), excerpt: pages 1, 3–5 of 200").
pub(crate) fn document_description(d: &Document, excerpt: Option<&DocumentExcerpt>) -> String {
    let details = &d.details;
    let mut about: Vec<String> = Vec::new();
    if !details.issued_by.trim().is_empty() {
        about.push(details.issued_by.trim().to_owned());
    }
    if let Some(date) = &details.dated {
        about.push(remembered(date));
    }
    let mut out = details.title.trim().to_owned();
    if !about.is_empty() {
        out.push_str(&format!(" ({})", about.join(", ")));
    }
    let pages = d.pages.len();
    match excerpt {
        Some(excerpt) => out.push_str(&format!(
            ", excerpt: page{} {} of {pages}",
            if excerpt.pages.len() == 1 { "" } else { "s" },
            excerpt.pages_text()
        )),
        None => out.push_str(&format!(
            ", {pages} page{}",
            if pages == 1 { "" } else { "s" }
        )),
    }
    if document_is_foreign(d) {
        out.push_str(&format!(
            " in {}, with English translation and certificate of translation",
            crate::declaration::language_name(&details.language)
        ));
    }
    out
}

/// True when the document is in a language other than English.
pub(crate) fn document_is_foreign(d: &Document) -> bool {
    let language = d.details.language.trim();
    !language.is_empty() && language != "en" && !language.starts_with("en-")
}
