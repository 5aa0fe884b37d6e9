//! `amparo packet`, `amparo print packet` and `amparo export counsel`.

use amparo_core::{BlobStore, FilingOutput, PacketDraft, PacketProfile, Store, packet_letters};
use amparo_print::PacketPurpose;

use crate::args::{ExportCommand, OutputArg, PacketCommand, PrintCommand, ProfileArg};
use crate::error::CliError;
use crate::output::emit;

type Result<T> = std::result::Result<T, CliError>;

pub fn packet(
    store: &mut Store,
    blobs: &BlobStore,
    command: &PacketCommand,
    json: bool,
) -> Result<()> {
    let case_id = match command {
        PacketCommand::Show { case_id } => case_id,
        PacketCommand::Set { case_id, from_json } => {
            let text = std::fs::read_to_string(from_json).map_err(amparo_core::Error::Io)?;
            let draft: PacketDraft = serde_json::from_str(&text).map_err(|e| {
                amparo_core::Error::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            })?;
            store.save_packet(case_id, &draft)?;
            case_id
        }
    };
    let draft = store.packet(case_id)?;
    let (letters, _) = packet_letters(&draft.items, &store.pinned_letters(case_id)?);
    let checks = amparo_print::packet_checks(store, blobs, case_id)?;
    let value = serde_json::json!({ "packet": draft, "letters": letters, "checks": checks });
    Ok(emit(json, &value, || {
        let mut out = String::new();
        for (item, letter) in draft.items.iter().zip(&letters) {
            let part = draft
                .excerpt_of(&item.id)
                .map(|e| format!(" (excerpt: pages {})", e.pages_text()))
                .unwrap_or_default();
            out.push_str(&format!(
                "Exhibit {letter}: {:?} {}{part}\n",
                item.kind, item.id
            ));
        }
        for c in &checks {
            let mark = if c.blocks { "blocks" } else { "warning" };
            out.push_str(&format!("{mark}: {}\n", c.message));
        }
        out
    })?)
}

pub fn print_packet(
    store: &Store,
    blobs: &BlobStore,
    command: &PrintCommand,
    json: bool,
) -> Result<()> {
    let PrintCommand::Packet {
        case_id,
        out,
        profile,
        public,
        draft,
        to_sign,
        prefix,
        limit_mb,
        pdf_a,
        output,
    } = command
    else {
        return Ok(());
    };
    let mut packet = store.packet(case_id)?;
    if let Some(p) = profile {
        packet.profile = match p {
            ProfileArg::Immigration => PacketProfile::ImmigrationCourt,
            ProfileArg::Federal => PacketProfile::FederalCourt,
        };
    }
    // A route the court does not take becomes its own (CM/ECF in a
    // federal court, mail in an immigration court); the public-filing
    // masks are the default for a federal filing.
    if !packet.service.method.open_in(packet.profile) {
        packet.service.method = packet.profile.default_service();
    }
    packet.public_filing |= *public || packet.profile == PacketProfile::FederalCourt;
    packet.pdf_a |= *pdf_a;
    if let Some(p) = prefix {
        packet.page_prefix = p.clone();
    }
    if let Some(mb) = limit_mb {
        packet.size_limit_mb = *mb;
    }
    if let Some(o) = output {
        packet.output = match o {
            OutputArg::OneFile => FilingOutput::OneFile,
            OutputArg::Appendix => FilingOutput::Appendix,
            OutputArg::SeparateFiles => FilingOutput::SeparateFiles,
        };
    }
    let purpose = if *draft {
        PacketPurpose::Draft
    } else if *to_sign {
        PacketPurpose::ForSignature
    } else {
        PacketPurpose::Filing
    };
    let printed =
        amparo_print::print_packet_as(store, blobs, case_id, Some(&packet), purpose, &|_| {})?;
    let paths = amparo_ops::files::packet_paths(out, &printed);
    let mut written = Vec::new();
    for (path, file) in paths.iter().zip(&printed.files) {
        amparo_core::write_whole(path, &file.pdf).map_err(amparo_core::Error::Io)?;
        written.push(serde_json::json!({
            "out": path,
            "bytes": file.pdf.len(),
            "firstPage": file.pages.0,
            "lastPage": file.pages.1,
        }));
    }
    let warnings: Vec<&str> = printed
        .checks
        .iter()
        .filter(|c| !c.blocks)
        .map(|c| c.message.as_str())
        .collect();
    let value =
        serde_json::json!({ "files": written, "pages": printed.page_count, "warnings": warnings });
    Ok(emit(json, &value, || {
        let mut text = String::new();
        for (path, file) in paths.iter().zip(&printed.files) {
            text.push_str(&format!(
                "wrote {} (pages {}-{}, {} bytes)\n",
                path.display(),
                file.pages.0,
                file.pages.1,
                file.pdf.len()
            ));
        }
        for w in &warnings {
            text.push_str(&format!("warning: {w}\n"));
        }
        text
    })?)
}

pub fn export(store: &Store, blobs: &BlobStore, command: &ExportCommand, json: bool) -> Result<()> {
    let ExportCommand::Counsel {
        case_id,
        out,
        include_gps,
        own_passphrase,
        plain,
    } = command;
    let protection = if *plain {
        amparo_print::CounselProtection::Plain
    } else if *own_passphrase {
        amparo_print::CounselProtection::Passphrase(Some(crate::vault_cmd::new_passphrase(
            "AMPARO_COUNSEL_PASSPHRASE",
        )?))
    } else {
        amparo_print::CounselProtection::Passphrase(None)
    };
    let export = amparo_print::export_counsel(
        store,
        blobs,
        case_id,
        out,
        *include_gps,
        &protection,
        &|_| {},
    )?;
    if !export.encrypted {
        eprintln!("warning: NOT ENCRYPTED: anyone who gets these files can read them");
    }
    Ok(emit(json, &export, || {
        let mut text = match &export.folder {
            Some(folder) => format!(
                "wrote {folder} ({} files) and {}, NOT ENCRYPTED\n",
                export.files, export.file
            ),
            None => format!(
                "wrote {} ({} files, encrypted)\n",
                export.file, export.files
            ),
        };
        if let Some(passphrase) = &export.passphrase {
            text.push_str(&format!(
                "\npassphrase, shown only now: tell it to counsel by phone, never in the same email or on the same USB stick:\n\n    {passphrase}\n\n"
            ));
        } else if export.encrypted {
            text.push_str("encrypted with your own passphrase: tell it to counsel by phone\n");
        }
        text.push_str("counsel opens and checks it with:\n");
        for line in &export.open_with {
            text.push_str(&format!("    {line}\n"));
        }
        if export.encrypted {
            text.push_str(
                "(age is free: apt install age on Debian and Ubuntu, brew install age on macOS, winget install FiloSottile.age on Windows)\n",
            );
        }
        if export.draft {
            text.push_str("the packet is a DRAFT: something still blocks a filing print (see `amparo packet show`)\n");
        }
        for name in &export.gps_left_out {
            text.push_str(&format!(
                "left out {name}: the file carries a GPS position (add --include-gps to hand it over)\n"
            ));
        }
        text
    })?)
}
