//! `amparo backup`, `amparo restore` and `amparo replaced`.

use std::path::Path;

use amparo_core::{Result, Store, delete_replaced_data, replaced_data};
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
            "restored from {}\nthe data it replaced is kept in {kept} (only the latest restore's; \
             it holds every case it had, erased ones included)\n\
             delete it once the restore is right: amparo replaced --delete\n",
            result.restored_from
        ),
        None => format!("restored from {}\n", result.restored_from),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Deleted {
    deleted: bool,
}

pub fn replaced(data_dir: &Path, delete: bool, json: bool) -> Result<()> {
    if delete {
        let result = Deleted {
            deleted: delete_replaced_data(data_dir)?,
        };
        return emit(json, &result, || {
            if result.deleted {
                "deleted the data the last restore replaced\n".to_owned()
            } else {
                "no replaced data is kept\n".to_owned()
            }
        });
    }
    let kept = replaced_data(data_dir)?;
    emit(json, &kept, || match &kept {
        Some(k) => format!(
            "the data the last restore replaced is kept in {} ({} bytes, since {})\n\
             delete it with: amparo replaced --delete\n",
            k.folder, k.bytes, k.kept_since
        ),
        None => "no replaced data is kept\n".to_owned(),
    })
}
