//! How the packet names a record in words: a remembered date as printed,
//! a photograph's and a tattoo record's short description. The index, the
//! tables, the checks and the window's view all say it the same way.

use amparo_core::{Photo, RememberedDate, Tattoo};

use crate::declaration::long_date;

/// `date` as printed: "March 5, 1998", "March 1998", "about 1998".
pub(crate) fn remembered(date: &RememberedDate) -> String {
    remembered_in(date, "en")
}

/// `date` as printed in `lang`: in Spanish "5 de marzo de 1998", "marzo
/// de 1998", "aproximadamente 1998".
pub(crate) fn remembered_in(date: &RememberedDate, lang: &str) -> String {
    let es = lang == "es";
    let iso = match (date.month, date.day) {
        (Some(m), Some(d)) => long_date(&format!("{}-{m:02}-{d:02}", date.year), lang),
        (Some(m), None) => {
            let full = long_date(&format!("{}-{m:02}-01", date.year), lang);
            if es {
                // "1 de marzo de 1998" without its day.
                full.split_once(" de ")
                    .map_or(full.clone(), |(_, rest)| rest.to_owned())
            } else {
                let month = full.split(' ').next().unwrap_or_default().to_owned();
                format!("{month} {}", date.year)
            }
        }
        _ => date.year.to_string(),
    };
    match (date.about, es) {
        (false, _) => iso,
        (true, true) => format!("aproximadamente {iso}"),
        (true, false) => format!("about {iso}"),
    }
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
