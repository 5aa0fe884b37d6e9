//! The translation hand-off: a statement's copy for a volunteer translator
//! (a PDF in two columns), its translation sheet (a text file to fill in),
//! and reading a filled sheet back.

use std::path::Path;

use amparo_core::{Error as CoreError, MAX_SHEET_BYTES, SheetReading};

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
    let too_large = || {
        CoreError::NotATranslationSheet(format!(
            "the file is over {} MB",
            MAX_SHEET_BYTES / 1024 / 1024
        ))
    };
    if std::fs::metadata(path).map_err(CoreError::Io)?.len() > MAX_SHEET_BYTES as u64 {
        return Err(too_large().into());
    }
    let bytes = std::fs::read(path).map_err(CoreError::Io)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| CoreError::NotATranslationSheet("it is not plain text (UTF-8)".into()))?;
    Ok(amparo_core::read_sheet(&statement, &text)?)
}
