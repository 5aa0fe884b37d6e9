//! Importing a batch of files into a case, on every core.
//!
//! Workers read and process files in parallel; this thread writes each
//! result (originals and derivatives into the blob store, then the row), so
//! SQLite has one writer and a file is either fully filed or not at all.
//! A bad file fails alone with its reason. Cancelling stops new files from
//! starting; what was already filed stays, and nothing is written for the
//! rest.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

use amparo_core::{BlobStore, DerivativeKind, Store};
use rayon::prelude::*;
use serde::Serialize;
use ts_rs::TS;

use crate::error::MediaError;
use crate::process::{Processed, process};

/// How far a batch has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    /// Files handled so far (filed, failed or skipped).
    pub done: u32,
    /// Files in the batch.
    pub total: u32,
    /// Files that failed so far.
    pub failed: u32,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ImportResult {
    /// Filed in the case.
    Imported {
        /// The photo's id.
        photo_id: String,
        /// The case already had this exact file.
        duplicate: bool,
        /// The file is damaged: it was kept, but part of the picture is
        /// missing.
        damaged: bool,
    },
    /// Not filed, with the reason.
    Failed {
        /// Stable code for the UI's message.
        code: String,
        /// English description.
        message: String,
    },
    /// Not started, or not filed, because the batch was cancelled.
    Cancelled,
}

/// One file's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    /// The file's name (without its folder).
    pub file_name: String,
    /// What happened.
    pub result: ImportResult,
}

/// The whole batch, file by file in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// New photos filed.
    pub imported: u32,
    /// Files the case already had.
    pub duplicates: u32,
    /// Files that failed.
    pub failed: u32,
    /// Files left undone by a cancel.
    pub cancelled: u32,
    /// Each file's outcome.
    pub outcomes: Vec<ImportOutcome>,
}

type Work = Option<Result<(Processed, Vec<u8>), MediaError>>;

/// Imports `paths` into the case `case_id`, calling `progress` after each
/// file. Fails as a whole only when the case does not exist.
pub fn import_photos(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    paths: &[PathBuf],
    cancel: &AtomicBool,
    mut progress: impl FnMut(ImportProgress),
) -> amparo_core::Result<ImportSummary> {
    store.case(case_id)?;
    let total = paths.len() as u32;
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string())
        })
        .collect();
    let mut outcomes: Vec<Option<ImportResult>> = vec![None; paths.len()];
    let mut tally = ImportProgress {
        done: 0,
        total,
        failed: 0,
    };
    // A few results in flight at most: each holds a photo's bytes.
    let (sender, receiver) = sync_channel::<(usize, Work)>(4);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            paths
                .par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (index, path)| {
                    let work = if cancel.load(Ordering::Relaxed) {
                        None
                    } else {
                        Some(
                            std::fs::read(path)
                                .map_err(MediaError::from)
                                .and_then(|bytes| {
                                    process(&names[index], &bytes).map(|done| (done, bytes))
                                }),
                        )
                    };
                    let _ = sender.send((index, work));
                });
        });
        for (index, work) in receiver {
            let result = match work {
                Some(Ok(_)) | None if cancel.load(Ordering::Relaxed) => ImportResult::Cancelled,
                None => ImportResult::Cancelled,
                Some(Ok((done, bytes))) => match file(store, blobs, case_id, &done, &bytes) {
                    Ok(result) => result,
                    Err(e) => failed(&e),
                },
                Some(Err(e)) => failed(&e),
            };
            tally.done += 1;
            if matches!(result, ImportResult::Failed { .. }) {
                tally.failed += 1;
            }
            outcomes[index] = Some(result);
            progress(tally);
        }
    });
    let outcomes: Vec<ImportOutcome> = names
        .into_iter()
        .zip(outcomes)
        .map(|(file_name, result)| ImportOutcome {
            file_name,
            result: result.unwrap_or(ImportResult::Cancelled),
        })
        .collect();
    let count =
        |f: fn(&ImportResult) -> bool| outcomes.iter().filter(|o| f(&o.result)).count() as u32;
    Ok(ImportSummary {
        imported: count(|r| {
            matches!(
                r,
                ImportResult::Imported {
                    duplicate: false,
                    ..
                }
            )
        }),
        duplicates: count(|r| {
            matches!(
                r,
                ImportResult::Imported {
                    duplicate: true,
                    ..
                }
            )
        }),
        failed: count(|r| matches!(r, ImportResult::Failed { .. })),
        cancelled: count(|r| matches!(r, ImportResult::Cancelled)),
        outcomes,
    })
}

/// Writes the blobs, then the row: a crash in between leaves only blobs no
/// row names, which the sweep removes.
fn file(
    store: &mut Store,
    blobs: &BlobStore,
    case_id: &str,
    done: &Processed,
    original: &[u8],
) -> Result<ImportResult, MediaError> {
    let sha = &done.photo.sha256;
    blobs.put_original(sha, original)?;
    blobs.put_derivative(sha, DerivativeKind::Thumb, &done.thumb)?;
    blobs.put_derivative(sha, DerivativeKind::Print, &done.print)?;
    let added = store.add_photo(case_id, &done.photo)?;
    Ok(ImportResult::Imported {
        damaged: added.photo.damaged,
        photo_id: added.photo.id,
        duplicate: added.duplicate,
    })
}

fn failed(e: &MediaError) -> ImportResult {
    ImportResult::Failed {
        code: e.code().to_owned(),
        message: e.to_string(),
    }
}
