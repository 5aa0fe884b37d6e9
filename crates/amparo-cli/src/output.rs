//! How results are printed: as JSON with `--json`, else as plain lines.

use amparo_core::{PrintCheck, PrintCheckCode};
use serde::Serialize;

/// Prints `value` as JSON, or the human text.
pub fn emit<T: Serialize>(
    json: bool,
    value: &T,
    human: impl FnOnce() -> String,
) -> amparo_core::Result<()> {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
    } else {
        print!("{}", human());
    }
    Ok(())
}

/// A check in plain English, for the terminal.
pub fn check_text(c: &PrintCheck) -> String {
    let paragraphs = c
        .paragraphs
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match c.code {
        PrintCheckCode::NoParagraphs => "the statement has no paragraphs".into(),
        PrintCheckCode::NoPlaceOfSigning => {
            "where it will be signed is not known (the country picks the perjury clause)".into()
        }
        PrintCheckCode::EmptyParagraphs => format!("paragraphs with no text: {paragraphs}"),
        PrintCheckCode::UntranslatedParagraphs => {
            format!("paragraphs with no English translation: {paragraphs}")
        }
        PrintCheckCode::NoLanguageHelper => "no translator or interpreter is named".into(),
        PrintCheckCode::HelperIsDeclarantOrRelative => {
            "the translator is the declarant or a close relative; a court may question it".into()
        }
        PrintCheckCode::MissingExhibit => {
            format!("paragraphs refer to a photo or tattoo record that was removed: {paragraphs}")
        }
        PrintCheckCode::ExhibitWithoutLetter => {
            format!("paragraphs refer to an exhibit with no letter yet: {paragraphs}")
        }
        PrintCheckCode::NoClauseInLanguage => {
            "there is no perjury clause in this language; have it signed in English (mode B)".into()
        }
    }
}
