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

/// First line of every sheet; a pasted sheet may have words before it.
const FIRST_LINE: &str = "TRANSLATION SHEET / HOJA DE TRADUCCIÓN";
const STATEMENT: &str = "Declaration / Declaración (do not change / no cambiar):";
const NAME: &str = "Translator's full name / Nombre completo de quien traduce:";
const ADDRESS: &str = "Translator's address / Dirección de quien traduce:";
const PHONE: &str = "Translator's phone / Teléfono de quien traduce:";
/// Markers are plain ASCII, so an editor that saves another encoding
/// cannot spoil them.
const END: &str = "=== END ===";

/// What the translator is asked, in both languages: practical words only
/// (the certificate of translation's wording is a setting, printed with
/// the declaration).
const INSTRUCTIONS: &str = "\
Please write the English translation of each paragraph on the lines under its
\"=== ... English ===\" line. Translate every sentence; do not summarise. Keep the
names of people and places as they are written. If a paragraph already has
English, check it. Write your full name, address and telephone after the colons
below: they are printed on the certificate of translation that goes with the
declaration, which you will be asked to sign. Change nothing else, save the file
as plain text, and send it back. If you cannot edit this file, copy all of it
into a message, write the English in it, and send the message.

Por favor, escriba la traducción al inglés de cada párrafo en las líneas debajo
de su línea «=== ... English ===». Traduzca cada frase, sin resumir. Deje los
nombres de personas y lugares como están escritos. Si un párrafo ya tiene inglés,
revíselo. Escriba su nombre completo, dirección y teléfono después de los dos
puntos, abajo: se imprimen en el certificado de traducción que acompaña la
declaración, y se le pedirá firmarlo. No cambie nada más; guarde el archivo como
texto y devuélvalo. Si no puede editar el archivo, copie todo en un mensaje,
escriba el inglés en él y envíelo.
";

/// The most a sheet may hold: a long statement with its translation is a
/// few hundred kilobytes.
pub const MAX_SHEET_BYTES: usize = 4 * 1024 * 1024;

/// Refuses a sheet of `len` bytes over [`MAX_SHEET_BYTES`], before a file
/// is read whole or a pasted text is looked at.
pub fn check_sheet_size(len: u64) -> Result<()> {
    if len > MAX_SHEET_BYTES as u64 {
        return Err(Error::NotATranslationSheet(format!(
            "it is over {} MB",
            MAX_SHEET_BYTES / 1024 / 1024
        )));
    }
    Ok(())
}

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
    let title = d.own_title();
    // The translator's lines are left for whoever translates this time to
    // fill in: a name copied from an earlier sheet would go on their
    // certificate.
    let mut out = format!(
        "{FIRST_LINE}\n\
         {example}\
         {STATEMENT} {id}\n\
         Title / Título: {title}\n\
         Language / Idioma: {lang} -> en\n\
         Paragraphs / Párrafos: {n}\n\n\
         {INSTRUCTIONS}\n\
         {NAME} \n\
         {ADDRESS} \n\
         {PHONE} \n\n",
        example = if example {
            "EXAMPLE - FICTIONAL · EJEMPLO - FICTICIO\n"
        } else {
            ""
        },
        id = statement.id,
        title = one_line(title),
        lang = d.language,
        n = d.paragraphs.len(),
    );
    for (i, p) in d.paragraphs.iter().enumerate() {
        let n = i + 1;
        out.push_str(&format!(
            "=== {n} original ===\n{}\n=== {n} English ===\n{}\n\n",
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
    check_sheet_size(text.len() as u64)?;
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut lines = text.lines();
    // A sheet pasted into a message may come after a greeting.
    if !lines.any(|l| l.trim().eq_ignore_ascii_case(FIRST_LINE)) {
        return Err(Error::NotATranslationSheet(
            "it has no line saying TRANSLATION SHEET / HOJA DE TRADUCCIÓN".into(),
        ));
    }
    let mut reading = SheetReading::default();
    let mut id = None;
    let mut sections: Vec<(u32, Part, Vec<&str>)> = Vec::new();
    let mut ended = false;
    for line in lines {
        if is_end(line) {
            ended = true;
            break;
        }
        if let Some((n, part, after)) = marker(line) {
            // English typed on the marker's own line, after it, is kept.
            sections.push((n, part, after.into_iter().collect()));
        } else if let Some((_, _, body)) = sections.last_mut() {
            body.push(line);
        } else if let Some(v) = statement_line(line) {
            id = Some(v.to_owned());
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

/// `=== 3 original ===` or `=== 3 English ===` (any letter case, an older
/// sheet's `·` between), from the line's first character (a paragraph's own
/// line that starts so is written indented); with any text written after
/// it on the same line.
fn marker(line: &str) -> Option<(u32, Part, Option<&str>)> {
    let inner = line.strip_prefix("===")?;
    let close = inner.find("===")?;
    let after = inner[close + 3..].trim();
    let words: Vec<&str> = inner[..close]
        .split(|c: char| c.is_whitespace() || c == '·')
        .filter(|w| !w.is_empty())
        .collect();
    let [n, part] = words.as_slice() else {
        return None;
    };
    let n: u32 = n.parse().ok().filter(|n| *n > 0)?;
    let part = match part.to_ascii_lowercase().as_str() {
        "original" => Part::Original,
        "english" => Part::English,
        _ => return None,
    };
    Some((n, part, (!after.is_empty()).then_some(after)))
}

/// The statement's id from its line, `Declaration / Declaración (do not
/// change / no cambiar): <id>` (or an older sheet's `Statement / …: <id>`).
fn statement_line(line: &str) -> Option<&str> {
    let lower = line.trim_start().to_ascii_lowercase();
    if !(lower.starts_with("declaration") || lower.starts_with("statement")) {
        return None;
    }
    line.rsplit_once(':').map(|(_, id)| id.trim())
}

/// `=== END ===` (or an older sheet's `=== END / FIN ===`).
fn is_end(line: &str) -> bool {
    let t = line.trim_end();
    t.starts_with("===") && t.ends_with("===") && t.to_ascii_uppercase().contains("END")
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
            if line.starts_with("===") && line.ends_with(" English ===") {
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
        assert!(sheet.contains("=== 2 original ===\nMi hijo se tatuó una corona\ncuando"));
        let filled = fill(
            &sheet,
            &[
                "My name is María Elena.",
                "My son got a crown\ntattoo at 15.",
            ],
        )
        .replace(&format!("{NAME} \n"), &format!("{NAME} Ana Ruiz Paredes\n"));
        let r = read_sheet(&s, &filled).expect("read");
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
        let r = read_sheet(&after, &filled).expect("read");
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
        let r = read_sheet(&s, &format!("\u{feff}{filled}")).expect("read");
        assert_eq!(r.translations[0].english, "A fairly long sentence.");
    }

    #[test]
    fn an_empty_english_line_is_named_as_not_translated() {
        let s = statement(&[("Uno.", ""), ("Dos.", "")]);
        let r = read_sheet(&s, &fill(&write_sheet(&s, false), &["One.", ""])).expect("read");
        assert_eq!(r.untranslated, vec![2]);
    }

    #[test]
    fn another_statements_sheet_a_cut_short_sheet_and_other_text_are_refused() {
        let s = statement(&[("Uno.", "")]);
        let sheet = fill(&write_sheet(&s, false), &["One."]);
        let mut other = s.clone();
        other.id = "0193a3c4-0000-7000-8000-000000000002".into();
        assert_eq!(
            read_sheet(&other, &sheet).expect_err("refused").code(),
            "sheetForOtherStatement"
        );
        let cut = &sheet[..sheet.find(END).expect("read")];
        assert_eq!(
            read_sheet(&s, cut).expect_err("refused").code(),
            "notATranslationSheet"
        );
        assert_eq!(
            read_sheet(&s, "%PDF-1.7\n...").expect_err("refused").code(),
            "notATranslationSheet"
        );
        let huge = format!("{FIRST_LINE}\n{}", "x".repeat(MAX_SHEET_BYTES));
        assert_eq!(
            read_sheet(&s, &huge).expect_err("refused").code(),
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
        let r = read_sheet(&s, &fill(&sheet, &["One.", "Two."])).expect("read");
        assert_eq!(r.translations.len(), 2, "{r:?}");
    }

    #[test]
    fn a_paragraph_given_twice_is_not_filled_from_either() {
        let s = statement(&[("Uno.", ""), ("Dos.", "")]);
        let filled = fill(&write_sheet(&s, false), &["One.", "Two."]).replace(
            END,
            &format!("=== 2 · original ===\nDos.\n=== 2 · English ===\nSomething else.\n{END}"),
        );
        let r = read_sheet(&s, &filled).expect("read");
        assert_eq!(r.translations.len(), 1);
        assert_eq!(r.changed, vec![2]);
    }

    #[test]
    fn a_sheet_pasted_into_a_message_with_english_on_the_marker_line_is_read() {
        let s = statement(&[("Uno.", ""), ("Dos.", "")]);
        let sheet = write_sheet(&s, false)
            .replace("=== 1 English ===\n", "=== 1 english === One.\n")
            .replace("=== 2 English ===\n", "===2  ENGLISH===\nTwo.\n");
        let pasted = format!("Hola María, aquí va:\n\n{sheet}\nSaludos, Ana");
        let r = read_sheet(&s, &pasted).expect("read");
        assert_eq!(
            r.translations
                .iter()
                .map(|t| t.english.as_str())
                .collect::<Vec<_>>(),
            ["One.", "Two."]
        );
    }

    #[test]
    fn the_translators_lines_are_left_for_whoever_translates() {
        let mut s = statement(&[("Uno.", "")]);
        s.draft.helper.name = "Ana Lucía Pérez".into();
        let sheet = write_sheet(&s, false);
        assert!(!sheet.contains("Ana Lucía Pérez"), "{sheet}");
        assert!(sheet.contains(&format!("{NAME} \n")));
        // Markers are ASCII, whatever an editor does to the rest.
        for line in sheet.lines().filter(|l| l.starts_with("===")) {
            assert!(line.is_ascii(), "{line}");
        }
    }
}
