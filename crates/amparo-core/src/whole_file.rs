//! Files a family keeps outside the data folder (a printed PDF, a backup
//! folder) appear whole or not at all. Each is written under a hidden
//! `.NAME.partial` beside the name the family chose, synced, and renamed
//! into place: a crash, a power cut or a full disk never leaves half a PDF
//! under that name, and what is left behind is hidden and replaced by the
//! next try.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The hidden name `path` is written under until it is whole.
pub fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "amparo".into());
    path.with_file_name(format!(".{name}.partial"))
}

/// Writes `bytes` to `path` whole or not at all; on failure nothing new is
/// left under either name.
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = partial_path(path);
    let written = (|| {
        let mut file = File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&partial, path)?;
        sync_folder_of(path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

/// Syncs the folder that holds `path`, so that a rename into it survives a
/// power cut.
pub fn sync_folder_of(path: &Path) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(folder)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_and_leaves_no_partial_behind() {
        let dir = tempfile::tempdir().expect("temp");
        let pdf = dir.path().join("Declaración.pdf");
        write_whole(&pdf, b"first").expect("write");
        write_whole(&pdf, b"second").expect("write");
        assert_eq!(fs::read(&pdf).expect("read"), b"second");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("Declaración.pdf")]);
    }

    #[test]
    fn a_write_that_cannot_finish_leaves_the_old_file_as_it_was() {
        let dir = tempfile::tempdir().expect("temp");
        let taken = dir.path().join("packet.pdf");
        fs::create_dir(&taken).expect("a folder where the file would go");
        assert!(write_whole(&taken, b"pdf").is_err());
        assert!(taken.is_dir());
        assert!(!partial_path(&taken).exists());
    }
}
