//! The translation sheet: a statement's paragraphs as a plain-text file for
//! a volunteer translator, who writes the English under each one in any
//! text editor and sends the file back. Reading it back fills only the
//! paragraphs whose original is still the text the translator was given;
//! a paragraph changed since is named, never filled with a translation of
//! other words. The format is described in `docs/translation-sheet.md`.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::statement::Statement;

/// First line of every sheet.
const FIRST_LINE: &str = "TRANSLATION SHEET / HOJA DE TRADUCCIÓN";
const STATEMENT: &str = "Statement / Declaración:";
const NAME: &str = "Translator's full name / Nombre completo de quien traduce:";
const ADDRESS: &str = "Translator's address / Dirección de quien traduce:";
const PHONE: &str = "Translator's phone / Teléfono de quien traduce:";
const END: &str = "=== END / FIN ===";

/// The most a sheet may hold: a long statement with its translation is a
/// few hundred kilobytes.
pub const MAX_SHEET_BYTES: usize = 4 * 1024 * 1024;

/// What a filled translation sheet brings back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetReading {
    /// The English of each paragraph the translator wrote, by number
    /// (from 1), for paragraphs whose original is unchanged.
    pub translations: Vec<SheetTranslation>,
    /// Paragraphs whose original was changed after the sheet was made:
    /// their English was not taken.
    pub changed: Vec<u32>,
    /// Paragraphs left without English on the sheet.
    pub untranslated: Vec<u32>,
    /// Paragraphs of the statement the sheet does not have (added since).
    pub missing: Vec<u32>,
    /// The translator's name, address and phone as written on the sheet.
    pub translator_name: String,
    /// See `translator_name`.
    pub translator_address: String,
    /// See `translator_name`.
    pub translator_phone: String,
}

/// One paragraph's English from the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetTranslation {
    /// The paragraph's number, from 1.
    pub number: u32,
    /// The English as written.
    pub english: String,
}

/// The sheet of `statement`, in its original language, with the English
/// already written (if any) so a translator can finish or check it;
/// `example` marks the example case's sheet as fictional.
pub fn write_sheet(statement: &Statement, example: bool) -> String {
    let d = &statement.draft;
    let title = if d.title_original.trim().is_empty() {
        &d.title
    } else {
        &d.title_original
    };
    let mut out = format!(
        "{FIRST_LINE}\n\
         {example}\
         {STATEMENT} {id}\n\
         Title / Título: {title}\n\
         Language / Idioma: {lang} → en\n\
         Paragraphs / Párrafos: {n}\n\n\
         Write the English translation of each paragraph under its \"English\" line.\n\
         Change nothing else, save the file as plain text, and send it back.\n\
         Escriba la traducción al inglés de cada párrafo debajo de su línea \"English\".\n\
         No cambie nada más; guarde el archivo como texto y devuélvalo.\n\n\
         {NAME} {name}\n\
         {ADDRESS} {address}\n\
         {PHONE} {phone}\n\n",
        example = if example {
            "EXAMPLE - FICTIONAL · EJEMPLO - FICTICIO\n"
        } else {
            ""
        },
        id = statement.id,
        title = one_line(title),
        lang = d.language,
        n = d.paragraphs.len(),
        name = one_line(&d.helper.name),
        address = one_line(&d.helper.address),
        phone = one_line(&d.helper.phone),
    );
    for (i, p) in d.paragraphs.iter().enumerate() {
        let n = i + 1;
        out.push_str(&format!(
            "=== {n} · original ===\n{}\n=== {n} · English ===\n{}\n\n",
            unmarked(p.original.trim()),
            unmarked(p.english.trim())
        ));
    }
    out.push_str(END);
    out.push('\n');
    out
}

/// Reads a filled sheet for `statement`. Refused, with nothing taken, when
/// the text is not a sheet or is another statement's.
pub fn read_sheet(statement: &Statement, text: &str) -> Result<SheetReading> {
    if text.len() > MAX_SHEET_BYTES {
        return Err(Error::NotATranslationSheet(format!(
            "the file is over {} MB",
            MAX_SHEET_BYTES / 1024 / 1024
        )));
    }
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some(FIRST_LINE) {
        return Err(Error::NotATranslationSheet(
            "its first line is not the sheet's heading".into(),
        ));
    }
    let mut reading = SheetReading::default();
    let mut id = None;
    let mut sections: Vec<(u32, Part, Vec<&str>)> = Vec::new();
    let mut ended = false;
    for line in lines {
        if line.trim() == END {
            ended = true;
            break;
        }
        if let Some((n, part)) = marker(line) {
            sections.push((n, part, Vec::new()));
        } else if let Some((_, _, body)) = sections.last_mut() {
            body.push(line);
        } else if let Some(v) = line.strip_prefix(STATEMENT) {
            id = Some(v.trim().to_owned());
        } else if let Some(v) = line.strip_prefix(NAME) {
            reading.translator_name = v.trim().to_owned();
        } else if let Some(v) = line.strip_prefix(ADDRESS) {
            reading.translator_address = v.trim().to_owned();
        } else if let Some(v) = line.strip_prefix(PHONE) {
            reading.translator_phone = v.trim().to_owned();
        }
    }
    match id {
        None => {
            return Err(Error::NotATranslationSheet(
                "it does not say which statement it is for".into(),
            ));
        }
        Some(id) if id != statement.id => return Err(Error::SheetForOtherStatement(id)),
        Some(_) => {}
    }
    if !ended {
        return Err(Error::NotATranslationSheet(
            "it ends before its last line: it may have been cut short".into(),
        ));
    }

    let paragraphs = &statement.draft.paragraphs;
    let mut seen = vec![false; paragraphs.len()];
    let mut originals = std::collections::HashMap::new();
    for (n, part, body) in &sections {
        let body = body.join("\n").trim().to_owned();
        match part {
            Part::Original => {
                originals.insert(*n, body);
            }
            Part::English => {
                let Some(current) = n.checked_sub(1).and_then(|i| paragraphs.get(i as usize))
                else {
                    continue;
                };
                if std::mem::replace(&mut seen[*n as usize - 1], true) {
                    // Two English parts for one paragraph: neither is taken.
                    reading.translations.retain(|t| t.number != *n);
                    reading.untranslated.retain(|u| u != n);
                    if !reading.changed.contains(n) {
                        reading.changed.push(*n);
                    }
                    continue;
                }
                let given = originals.get(n).map(String::as_str).unwrap_or_default();
                if !same_words(given, &current.original) {
                    reading.changed.push(*n);
                } else if body.is_empty() {
                    reading.untranslated.push(*n);
                } else {
                    reading.translations.push(SheetTranslation {
                        number: *n,
                        english: body,
                    });
                }
            }
        }
    }
    reading.missing = (1..=paragraphs.len() as u32)
        .filter(|n| !seen[*n as usize - 1])
        .collect();
    Ok(reading)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Original,
    English,
}

/// `=== 3 · original ===` or `=== 3 · English ===`, from the line's first
/// character (a paragraph's own line that starts so is written indented).
fn marker(line: &str) -> Option<(u32, Part)> {
    let inner = line
        .trim_end()
        .strip_prefix("===")?
        .strip_suffix("===")?
        .trim();
    let (n, part) = inner.split_once('·')?;
    let n: u32 = n.trim().parse().ok().filter(|n| *n > 0)?;
    match part.trim() {
        "original" => Some((n, Part::Original)),
        "English" => Some((n, Part::English)),
        _ => None,
    }
}

/// The same text once spacing and line breaks are set aside (an editor may
/// wrap long lines or trim them).
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A paragraph's text with any line that would read as a marker indented
/// by one space (which `same_words` sets aside).
fn unmarked(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("===") {
                format!(" {l}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::{Paragraph, StatementDraft};

    fn statement(paragraphs: &[(&str, &str)]) -> Statement {
        Statement {
            id: "0193a3c4-0000-7000-8000-000000000001".into(),
            case_id: "c".into(),
            draft: StatementDraft {
                title_original: "Declaración de María Elena Moreno de Rivas".into(),
                language: "es".into(),
                paragraphs: paragraphs
                    .iter()
                    .map(|(o, e)| Paragraph {
                        original: (*o).into(),
                        english: (*e).into(),
                        exhibits: Vec::new(),
                    })
                    .collect(),
                ..StatementDraft::default()
            },
            signed: Vec::new(),
            is_draft: true,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    /// What a translator does: writes English under each "English" line.
    fn fill(sheet: &str, english: &[&str]) -> String {
        let mut out = String::new();
        let mut k = 0;
        for line in sheet.lines() {
            out.push_str(line);
            out.push('\n');
            if line.starts_with("===") && line.ends_with("· English ===") {
                out.push_str(english[k]);
                out.push('\n');
                k += 1;
            }
        }
        out
    }

    #[test]
    fn a_filled_sheet_brings_back_each_paragraphs_english_and_the_translator() {
        let s = statement(&[
            ("Me llamo María Elena.", ""),
            ("Mi hijo se tatuó una corona\ncuando tenía 15 años.", ""),
        ]);
        let sheet = write_sheet(&s, false);
        assert!(sheet.contains("Título: Declaración de María Elena Moreno de Rivas"));
        assert!(!sheet.contains("EXAMPLE"));
        assert!(write_sheet(&s, true).contains("EXAMPLE - FICTIONAL"));
        assert!(sheet.contains("=== 2 · original ===\nMi hijo se tatuó una corona\ncuando"));
        let filled = fill(
            &sheet,
            &[
                "My name is María Elena.",
                "My son got a crown\ntattoo at 15.",
            ],
        )
        .replace(&format!("{NAME} \n"), &format!("{NAME} Ana Ruiz Paredes\n"));
        let r = read_sheet(&s, &filled).unwrap();
        assert_eq!(r.translator_name, "Ana Ruiz Paredes");
        assert_eq!(
            r.translations,
            vec![
                SheetTranslation {
                    number: 1,
                    english: "My name is María Elena.".into()
                },
                SheetTranslation {
                    number: 2,
                    english: "My son got a crown\ntattoo at 15.".into()
                },
            ]
        );
        assert!(r.changed.is_empty() && r.untranslated.is_empty() && r.missing.is_empty());
    }

    #[test]
    fn a_paragraph_changed_since_the_sheet_keeps_its_english_out() {
        let before = statement(&[("Uno.", ""), ("Dos.", "")]);
        let filled = fill(&write_sheet(&before, false), &["One.", "Two."]);
        let after = statement(&[("Uno.", ""), ("Dos, y algo más.", ""), ("Tres.", "")]);
        let r = read_sheet(&after, &filled).unwrap();
        assert_eq!(r.translations.len(), 1);
        assert_eq!(r.changed, vec![2]);
        assert_eq!(r.missing, vec![3]);
    }

    #[test]
    fn windows_line_ends_a_byte_order_mark_and_rewrapped_lines_are_read() {
        let s = statement(&[("Una frase bastante larga que un editor partió.", "")]);
        let filled = fill(&write_sheet(&s, false), &["A fairly long sentence."])
            .replace("que un editor", "que un\neditor")
            .replace('\n', "\r\n");
        let r = read_sheet(&s, &format!("\u{feff}{filled}")).unwrap();
        assert_eq!(r.translations[0].english, "A fairly long sentence.");
    }

    #[test]
    fn an_empty_english_line_is_named_as_not_translated() {
        let s = statement(&[("Uno.", ""), ("Dos.", "")]);
        let r = read_sheet(&s, &fill(&write_sheet(&s, false), &["One.", ""])).unwrap();
        assert_eq!(r.untranslated, vec![2]);
    }

    #[test]
    fn another_statements_sheet_a_cut_short_sheet_and_other_text_are_refused() {
        let s = statement(&[("Uno.", "")]);
        let sheet = fill(&write_sheet(&s, false), &["One."]);
        let mut other = s.clone();
        other.id = "0193a3c4-0000-7000-8000-000000000002".into();
        assert_eq!(
            read_sheet(&other, &sheet).unwrap_err().code(),
            "sheetForOtherStatement"
        );
        let cut = &sheet[..sheet.find(END).unwrap()];
        assert_eq!(
            read_sheet(&s, cut).unwrap_err().code(),
            "notATranslationSheet"
        );
        assert_eq!(
            read_sheet(&s, "%PDF-1.7\n...").unwrap_err().code(),
            "notATranslationSheet"
        );
        let huge = format!("{FIRST_LINE}\n{}", "x".repeat(MAX_SHEET_BYTES));
        assert_eq!(
            read_sheet(&s, &huge).unwrap_err().code(),
            "notATranslationSheet"
        );
    }

    #[test]
    fn a_paragraph_line_that_looks_like_a_marker_stays_in_its_paragraph() {
        let s = statement(&[("Antes\n=== 2 · English ===\ndespués", ""), ("Dos.", "")]);
        let sheet = write_sheet(&s, false);
        assert!(
            sheet.contains("Antes\n === 2 · English ===\ndespués"),
            "{sheet}"
        );
        let r = read_sheet(&s, &fill(&sheet, &["One.", "Two."])).unwrap();
        assert_eq!(r.translations.len(), 2, "{r:?}");
    }

    #[test]
    fn a_paragraph_given_twice_is_not_filled_from_either() {
        let s = statement(&[("Uno.", ""), ("Dos.", "")]);
        let filled = fill(&write_sheet(&s, false), &["One.", "Two."]).replace(
            END,
            &format!("=== 2 · original ===\nDos.\n=== 2 · English ===\nSomething else.\n{END}"),
        );
        let r = read_sheet(&s, &filled).unwrap();
        assert_eq!(r.translations.len(), 1);
        assert_eq!(r.changed, vec![2]);
    }
}
