//! "For the translator": a statement printed in two columns, its numbered
//! paragraphs in the declarant's language on the left and room for the
//! English on the right (or the English already written, to check), with
//! lines for the translator's name, address and phone, which the
//! certificate of translation prints. A volunteer who reads both languages
//! can translate it by hand; the family types it in, or the translator fills
//! the same text as a translation sheet (`amparo_core::write_sheet`).

use amparo_core::Store;
use serde::Serialize;

use crate::catalog::say;
use crate::error::PrintError;
use crate::languages::setting;
use crate::render::{self, Pages};

#[derive(Debug, Serialize)]
struct CopyData {
    example: bool,
    lang: &'static str,
    heading: String,
    title: String,
    intro: String,
    source: Source,
    heads: [String; 3],
    rows: Vec<Row>,
    helper_heading: String,
    helper: Vec<Helper>,
    page: String,
}

/// How the declarant's language is set (as a declaration sets it).
#[derive(Debug, Serialize)]
struct Source {
    lang: &'static str,
    region: Option<&'static str>,
    dir: &'static str,
}

#[derive(Debug, Serialize)]
struct Row {
    number: usize,
    original: String,
    english: Option<String>,
    /// Ruled lines to write the English by hand.
    lines: usize,
}

#[derive(Debug, Serialize)]
struct Helper {
    label: String,
    value: Option<String>,
}

/// The translator's copy of statement `id`, its headings in `lang` (`es`,
/// or English): the window's language, that of whoever hands it over.
pub fn translator_copy(store: &Store, id: &str, lang: &str) -> Result<Pages, PrintError> {
    let statement = store.statement(id)?;
    let case = store.case(&statement.case_id)?;
    let declarant = store.declarant(&statement.draft.declarant_id)?;
    let lang: &'static str = if lang == "es" { "es" } else { "en" };
    let d = &statement.draft;
    let w = |key: &str| say(lang, key, &[]);
    let title = Some(d.own_title())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| {
            say(
                lang,
                "translatorCopy.about",
                &[("name", &declarant.record.full_name)],
            )
        });
    let source = setting(&d.language);
    let helper = [
        ("translatorCopy.name", &d.helper.name),
        ("translatorCopy.address", &d.helper.address),
        ("translatorCopy.phone", &d.helper.phone),
    ]
    .into_iter()
    .map(|(key, value)| Helper {
        label: w(key),
        value: Some(value.trim().to_owned()).filter(|v| !v.is_empty()),
    })
    .collect();
    let data = CopyData {
        example: case.is_example,
        lang,
        heading: w("translatorCopy.title"),
        title,
        intro: w("translatorCopy.intro"),
        source: Source {
            lang: source.lang,
            region: source.region,
            dir: if source.rtl { "rtl" } else { "ltr" },
        },
        heads: [
            "#".into(),
            w("translatorCopy.original"),
            w("translatorCopy.english"),
        ],
        rows: d
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Row {
                number: i + 1,
                original: p.original.trim().to_owned(),
                english: Some(p.english.trim().to_owned()).filter(|e| !e.is_empty()),
                lines: lines_for(&p.original),
            })
            .collect(),
        helper_heading: w("translatorCopy.helperHeading"),
        helper,
        page: w("translatorCopy.page"),
    };
    render::compile("/translator-copy.typ", None, &data, Vec::new())
}

/// Room to write by hand: about 35 handwritten characters per ruled line
/// of a half-page column, half as much again for English running longer
/// than the original and for corrections, and never fewer than two lines.
fn lines_for(original: &str) -> usize {
    (original.chars().count() * 3 / 2).div_ceil(35).max(2)
}

#[cfg(test)]
mod tests {
    use super::lines_for;

    #[test]
    fn a_longer_paragraph_gets_more_lines_to_write_in() {
        assert_eq!(lines_for(""), 2);
        assert_eq!(lines_for(&"a".repeat(47)), 2);
        assert_eq!(lines_for(&"a".repeat(48)), 3);
        // A 165-character paragraph, as a translator saw it: 8 lines.
        assert_eq!(lines_for(&"a".repeat(165)), 8);
    }
}
