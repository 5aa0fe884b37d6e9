//! The translation hand-off: a statement's copy for a volunteer translator
//! (a PDF in two columns), its translation sheet (a text file to fill in),
//! and reading a filled sheet back.

use std::path::Path;

use amparo_core::{Error as CoreError, SheetReading};

use crate::error::Error;
use crate::files;
use crate::operation::Context;

/// Writes the translator's copy of statement `id`, its headings in
/// `language`, into the private `printed/` folder.
pub fn copy_for_viewer(cx: &mut Context<'_>, id: &str, language: &str) -> Result<String, Error> {
    let pdf = amparo_print::translator_copy(cx.store, id, language)?.pdf()?;
    let dir = files::printed_dir(cx.dir).map_err(CoreError::Io)?;
    let path = dir.join(files::translator_copy_name(&files::today()));
    amparo_core::write_whole(&path, &pdf).map_err(CoreError::Io)?;
    Ok(path.display().to_string())
}

/// Writes statement `id`'s translation sheet to `path`.
pub fn sheet_to(cx: &mut Context<'_>, id: &str, path: &Path) -> Result<String, Error> {
    let statement = cx.store.statement(id)?;
    let example = cx.store.case(&statement.case_id)?.is_example;
    let sheet = amparo_core::write_sheet(&statement, example);
    amparo_core::write_whole(path, sheet.as_bytes()).map_err(CoreError::Io)?;
    Ok(path.display().to_string())
}

/// Reads the filled sheet at `path` for statement `id`; nothing is saved
/// (the editor shows what it brings, and saves it as it saves typing).
pub fn read_sheet_from(cx: &mut Context<'_>, id: &str, path: &Path) -> Result<SheetReading, Error> {
    let statement = cx.store.statement(id)?;
    amparo_core::check_sheet_size(std::fs::metadata(path).map_err(CoreError::Io)?.len())?;
    let bytes = std::fs::read(path).map_err(CoreError::Io)?;
    Ok(amparo_core::read_sheet(&statement, &sheet_text(&bytes))?)
}

/// Reads a pasted sheet (the text of a message) for statement `id`.
pub fn read_pasted(cx: &mut Context<'_>, id: &str, text: &str) -> Result<SheetReading, Error> {
    let statement = cx.store.statement(id)?;
    Ok(amparo_core::read_sheet(&statement, text)?)
}

/// The sheet's text as the volunteer's editor saved it: with a byte-order
/// mark, as it says (UTF-8 or UTF-16); without one, UTF-8 when it is valid,
/// else Windows-1252, what older Notepad and Word write.
fn sheet_text(bytes: &[u8]) -> String {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_with_bom_removal(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_text;

    #[test]
    fn a_sheet_saved_by_any_editor_reads_as_written() {
        let text = "TRANSLATION SHEET / HOJA DE TRADUCCIÓN\nMaría";
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        for bytes in [
            text.as_bytes().to_vec(),
            with_bom,
            utf16,
            cp1252.into_owned(),
        ] {
            assert_eq!(sheet_text(&bytes), text);
        }
    }
}
