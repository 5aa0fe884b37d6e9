//! Where printed files go and what they are called. A file name says what
//! the file holds and when it was made, never whose case it is: names show
//! in recent-file lists, e-mail attachments and shared folders.

use std::path::{Path, PathBuf};

use amparo_print::{PACKET_FILE_BASE, PacketPurpose, PrintedPacket, Purpose};

/// The folder of the data folder where PDFs opened for reading or printing
/// are written: only this user may open it, and it is removed when the
/// window closes and again when it starts (after a crash).
pub const PRINTED: &str = "printed";

/// Today's date as `YYYY-MM-DD` (UTC), for file names.
pub fn today() -> String {
    chrono::Utc::now().date_naive().to_string()
}

/// A declaration's PDF: its purpose and the day.
pub fn declaration_name(purpose: Purpose, day: &str) -> String {
    let what = match purpose {
        Purpose::Draft => "declaration-draft",
        Purpose::ForSignature => "declaration-for-signature",
        Purpose::Filing => "declaration-filing-set",
    };
    format!("{what}-{day}.pdf")
}

/// A family summary's PDF: in the family's language, with the day.
pub fn family_summary_name(language: &str, day: &str) -> String {
    if language == "es" {
        format!("resumen-para-la-familia-{day}.pdf")
    } else {
        format!("family-summary-{day}.pdf")
    }
}

/// A statement's copy for its translator, with the day.
pub fn translator_copy_name(day: &str) -> String {
    format!("for-the-translator-{day}.pdf")
}

/// A statement's translation sheet as offered in the save dialog.
pub fn translation_sheet_name(day: &str) -> String {
    format!("translation-sheet-{day}.txt")
}

/// A case's calendar file, with the day it was made.
pub fn calendar_name(day: &str) -> String {
    format!("hearings-and-dates-{day}.ics")
}

/// A packet's PDF as offered in the save dialog.
pub fn packet_name(day: &str) -> String {
    format!("{PACKET_FILE_BASE}-{day}.pdf")
}

/// A packet's PDF written for the viewer.
pub fn packet_printed_name(purpose: PacketPurpose, day: &str) -> String {
    let what = match purpose {
        PacketPurpose::Draft => "draft",
        PacketPurpose::Filing => "filing",
        PacketPurpose::ForSignature => "to-sign",
    };
    format!("{PACKET_FILE_BASE}-{what}-{day}.pdf")
}

/// `chosen` for a packet in one file; `chosen`'s stem plus `_Part1.pdf`,
/// `_Part2.pdf` ... beside it when the packet was split; its stem plus
/// ` - Index of Exhibits.pdf`, ` - Exhibit A - Declaration.pdf` ... when
/// printed as separate files.
pub fn packet_paths(chosen: &Path, printed: &PrintedPacket) -> Vec<PathBuf> {
    let attachments = printed.files.iter().any(|f| f.attachment.is_some());
    if printed.files.len() == 1 && !attachments {
        return vec![chosen.to_path_buf()];
    }
    let stem = chosen
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| PACKET_FILE_BASE.into());
    printed
        .files
        .iter()
        .enumerate()
        .map(|(k, f)| match &f.attachment {
            Some(label) => chosen.with_file_name(format!("{stem} - {label}.pdf")),
            None => chosen.with_file_name(format!("{stem}_Part{}.pdf", k + 1)),
        })
        .collect()
}

/// A new name for an export for counsel inside `parent`: named by the
/// day, with `-2`, `-3` ... when a folder, .zip or .zip.age of that name
/// exists (an earlier export is never overwritten).
pub fn counsel_folder(parent: &Path, day: &str) -> PathBuf {
    let taken = |out: &Path| {
        let name = out.file_name().unwrap_or_default().to_string_lossy();
        out.exists()
            || out.with_file_name(format!("{name}.zip")).exists()
            || out.with_file_name(format!("{name}.zip.age")).exists()
    };
    let mut out = parent.join(format!("For-counsel-{day}"));
    let mut n = 2;
    while taken(&out) {
        out = parent.join(format!("For-counsel-{day}-{n}"));
        n += 1;
    }
    out
}

/// A new name for a case file inside `parent`: named by the day, never by
/// the person (a file name shows in folders, mail and recent-file lists),
/// with `-2`, `-3` ... so an earlier one is never overwritten.
pub fn case_file_name(parent: &Path, day: &str) -> PathBuf {
    let mut out = parent.join(format!("Case-{day}.amparo"));
    let mut n = 2;
    while out.exists() {
        out = parent.join(format!("Case-{day}-{n}.amparo"));
        n += 1;
    }
    out
}

/// The private folder for PDFs opened in the system viewer, made if needed:
/// mode 0700 whatever the umask, and made so again if it was opened to
/// others since.
pub fn printed_dir(data_dir: &Path) -> std::io::Result<PathBuf> {
    let dir = data_dir.join(PRINTED);
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(&dir)?;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    builder.create(&dir)?;
    Ok(dir)
}

/// Removes the PDFs written for the viewer, and their folder. A viewer
/// that still shows one keeps its open copy until it closes it (on Linux
/// and macOS); nothing stays on disk.
pub fn clear_printed(data_dir: &Path) {
    let _ = std::fs::remove_dir_all(data_dir.join(PRINTED));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_what_and_when_never_who() {
        assert_eq!(
            declaration_name(Purpose::Filing, "2026-12-02"),
            "declaration-filing-set-2026-12-02.pdf"
        );
        assert_eq!(
            packet_printed_name(PacketPurpose::Draft, "2026-12-02"),
            format!("{PACKET_FILE_BASE}-draft-2026-12-02.pdf")
        );
    }

    #[test]
    fn a_second_export_on_the_same_day_gets_its_own_folder() {
        let parent = tempfile::tempdir().expect("temp");
        let first = counsel_folder(parent.path(), "2026-12-02");
        std::fs::create_dir(&first).expect("mkdir");
        let second = counsel_folder(parent.path(), "2026-12-02");
        assert_eq!(
            second.file_name().unwrap_or_default(),
            "For-counsel-2026-12-02-2"
        );
        // An encrypted export is a file, not a folder: its name is taken too.
        std::fs::write(parent.path().join("For-counsel-2026-12-02-2.zip.age"), b"").expect("write");
        let third = counsel_folder(parent.path(), "2026-12-02");
        assert_eq!(
            third.file_name().unwrap_or_default(),
            "For-counsel-2026-12-02-3"
        );
    }
}
