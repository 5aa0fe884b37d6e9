//! `amparo backup` and `amparo restore`.

use std::path::Path;

use amparo_core::{Result, Store};
use serde::Serialize;

use crate::output::emit;

pub fn backup(store: &Store, out: &Path, json: bool) -> Result<()> {
    let summary = store.backup_to(out)?;
    emit(json, &summary, || {
        format!(
            "backed up {} file(s), {} bytes, to {}\ncheck it with: cd {} && sha256sum -c SHA256SUMS\n",
            summary.files, summary.bytes, summary.folder, summary.folder
        )
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Restored {
    restored_from: String,
    replaced_data_kept_in: Option<String>,
}

pub fn restore(store: &mut Store, from: &Path, json: bool) -> Result<()> {
    // Reopening proves the restored data is usable (and migrates an older one).
    let kept = store.restore_backup(from)?;
    let result = Restored {
        restored_from: from.display().to_string(),
        replaced_data_kept_in: kept.map(|p| p.display().to_string()),
    };
    emit(json, &result, || match &result.replaced_data_kept_in {
        Some(kept) => format!(
            "restored from {}\nthe data it replaced is kept in {kept}\n",
            result.restored_from
        ),
        None => format!("restored from {}\n", result.restored_from),
    })
}
