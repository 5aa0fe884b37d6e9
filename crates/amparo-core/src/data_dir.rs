//! Where Amparo keeps its data: `--data-dir` first, then `AMPARO_DATA_DIR`,
//! then the user's XDG data folder (`~/.local/share/amparo` on Linux).

use std::path::PathBuf;

use crate::error::{Error, Result};

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "AMPARO_DATA_DIR";

/// The data folder to use, given an explicit choice from the command line.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Amparo", "amparo")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(Error::NoDataDir)
}
