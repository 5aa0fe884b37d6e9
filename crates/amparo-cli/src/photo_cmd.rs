//! `amparo photo ...`.

use std::io::Write;
use std::sync::atomic::AtomicBool;

use amparo_core::{BlobStore, Result, Store};
use amparo_media::{ImportResult, import_photos};

use crate::args::PhotoCommand;
use crate::output::emit;

pub fn run(store: &mut Store, blobs: &BlobStore, command: &PhotoCommand, json: bool) -> Result<()> {
    match command {
        PhotoCommand::Import { case_id, files } => {
            let never = AtomicBool::new(false);
            let mut stderr = std::io::stderr();
            let summary = import_photos(store, blobs, case_id, files, &never, |p| {
                let _ = write!(
                    stderr,
                    "\rimporting {}/{} ({} failed)",
                    p.done, p.total, p.failed
                );
            })?;
            let _ = writeln!(stderr);
            emit(json, &summary, || {
                let mut out = String::new();
                for o in &summary.outcomes {
                    let line = match &o.result {
                        ImportResult::Imported {
                            photo_id,
                            duplicate: false,
                            damaged,
                        } => {
                            format!(
                                "filed      {}  {photo_id}{}",
                                o.file_name,
                                if *damaged {
                                    " (damaged: part of the picture is missing)"
                                } else {
                                    ""
                                }
                            )
                        }
                        ImportResult::Imported {
                            photo_id,
                            duplicate: true,
                            ..
                        } => {
                            format!(
                                "duplicate  {}  {photo_id} (already in the case)",
                                o.file_name
                            )
                        }
                        ImportResult::Failed { message, .. } => {
                            format!("failed     {}  {message}", o.file_name)
                        }
                        ImportResult::Cancelled => format!("cancelled  {}", o.file_name),
                    };
                    out.push_str(&line);
                    out.push('\n');
                }
                out.push_str(&format!(
                    "{} filed, {} already there, {} failed\n",
                    summary.imported, summary.duplicates, summary.failed
                ));
                out
            })?;
            if summary.failed > 0 {
                std::process::exit(1);
            }
            Ok(())
        }
        PhotoCommand::List { case_id } => {
            store.case(case_id)?;
            let page = store.photos(case_id, 0, u32::MAX)?;
            emit(json, &page, || {
                let mut out = String::new();
                for p in &page.photos {
                    out.push_str(&format!(
                        "{}  {}  {} x {}  {}  {}{}{}\n",
                        p.id,
                        p.sha256,
                        p.width,
                        p.height,
                        p.format.as_str(),
                        p.file_names.join(", "),
                        if p.exif.gps.is_some() { "  [GPS]" } else { "" },
                        if p.damaged { "  [damaged]" } else { "" },
                    ));
                }
                out.push_str(&format!("{} photo(s)\n", page.total));
                out
            })
        }
    }
}
