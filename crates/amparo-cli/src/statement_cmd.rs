//! `amparo declarant ...`, `amparo statement ...`, `amparo exhibit ...` and
//! `amparo print declaration ...`.

use std::io::Read;
use std::path::{Path, PathBuf};

use amparo_core::{
    BlobStore, DeclarantDraft, ExhibitItem, ExhibitKind, ReadsEnglish, SigningPlace, SigningRecord,
    StatementDraft, Store,
};
use amparo_print::Purpose;

use crate::args::{
    DeclarantCommand, ExhibitCommand, PrintCommand, PurposeArg, StatementCommand, WordingCommand,
    YesNo,
};
use crate::error::CliError;
use crate::output::emit;

type Result<T> = std::result::Result<T, CliError>;

pub fn declarant(store: &mut Store, command: &DeclarantCommand, json: bool) -> Result<()> {
    match command {
        DeclarantCommand::List { case_id } => {
            let list = store.declarants(case_id)?;
            Ok(emit(json, &list, || {
                list.iter()
                    .map(|d| {
                        format!(
                            "{}  {} ({})\n",
                            d.id, d.record.full_name, d.record.relationship
                        )
                    })
                    .collect()
            })?)
        }
        DeclarantCommand::Add {
            case_id,
            name,
            relationship,
            age,
            city,
            country,
            languages,
            reads_english,
            is_the_person,
        } => {
            let draft = DeclarantDraft {
                full_name: name.clone(),
                is_the_person: *is_the_person,
                relationship: relationship.clone(),
                age: *age,
                city: city.clone(),
                country: country.clone(),
                languages: languages.clone(),
                reads_english: match reads_english {
                    Some(YesNo::Yes) => ReadsEnglish::Yes,
                    Some(YesNo::No) => ReadsEnglish::No,
                    None => ReadsEnglish::Unknown,
                },
                ..DeclarantDraft::default()
            };
            let saved = store.create_declarant(case_id, &draft)?;
            Ok(emit(json, &saved, || format!("{}\n", saved.id))?)
        }
    }
}

fn read_json(path: &Path) -> Result<StatementDraft> {
    let mut text = String::new();
    if path == Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(amparo_core::Error::Io)?;
    } else {
        text = std::fs::read_to_string(path).map_err(amparo_core::Error::Io)?;
    }
    serde_json::from_str(&text).map_err(|e| {
        CliError::Core(amparo_core::Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the statement JSON cannot be read: {e}"),
        )))
    })
}

pub fn statement(
    store: &mut Store,
    blobs: &BlobStore,
    command: &StatementCommand,
    json: bool,
) -> Result<()> {
    match command {
        StatementCommand::List { case_id } => {
            let list = store.statements(case_id)?;
            Ok(emit(json, &list, || {
                list.iter()
                    .map(|s| {
                        let state = if s.is_draft { "draft" } else { "signed" };
                        format!(
                            "{}  {}  [{state}, {} signed]\n",
                            s.id, s.title, s.signed_versions
                        )
                    })
                    .collect()
            })?)
        }
        StatementCommand::Show { id } => {
            let s = store.statement(id)?;
            let checks = amparo_print::statement_checks(store, id)?;
            let value = serde_json::json!({ "statement": s, "checks": checks });
            Ok(emit(json, &value, || {
                let mut out = format!("{}\nlanguage: {}\n\n", s.draft.title, s.draft.language);
                for (i, p) in s.draft.paragraphs.iter().enumerate() {
                    out += &format!("{}. {}\n", i + 1, p.original);
                    if !s.draft.is_english() {
                        out += &format!("   EN: {}\n", p.english);
                    }
                }
                for v in &s.signed {
                    out += &format!(
                        "\nsigned version {} on {} at {}  (PDF sha256 {})",
                        v.number, v.signing.signed_on, v.signing.place.place, v.pdf_sha256
                    );
                }
                if !checks.is_empty() {
                    out += "\n\nbefore a final print:\n";
                    for c in &checks {
                        let kind = if c.blocks { "must fix" } else { "warning" };
                        out += &format!("  - {kind}: {}\n", c.message);
                    }
                }
                out + "\n"
            })?)
        }
        StatementCommand::New { case_id, from_json } => {
            let saved = store.create_statement(case_id, &read_json(from_json)?)?;
            Ok(emit(json, &saved, || format!("{}\n", saved.id))?)
        }
        StatementCommand::Edit { id, from_json } => {
            let saved = store.update_statement(id, &read_json(from_json)?)?;
            Ok(emit(json, &saved, || format!("{}\n", saved.id))?)
        }
        StatementCommand::Sign {
            id,
            on,
            place,
            country,
            us_detention_facility,
            place_reason,
            scans,
        } => {
            let hashes = keep_scans(blobs, scans)?;
            let signing = SigningRecord {
                signed_on: on.clone(),
                place: SigningPlace {
                    place: place.clone(),
                    country: country.to_ascii_uppercase(),
                    us_detention_facility: *us_detention_facility,
                    reason: place_reason.clone(),
                },
            };
            let version = amparo_print::sign_statement(store, blobs, id, &signing, &hashes)?;
            Ok(emit(json, &version, || {
                format!(
                    "signed version {} recorded; filing set PDF sha256 {}\n",
                    version.number, version.pdf_sha256
                )
            })?)
        }
    }
}

/// Keeps each scan's original bytes and its print copy, the way the
/// window does; returns their hashes.
fn keep_scans(blobs: &BlobStore, files: &[PathBuf]) -> Result<Vec<String>> {
    files
        .iter()
        .map(|path| Ok(amparo_ops::printing::keep_scan(blobs, path)?.sha256))
        .collect()
}

pub fn exhibit(store: &mut Store, command: &ExhibitCommand, json: bool) -> Result<()> {
    let ExhibitCommand::Letter {
        photo,
        tattoo,
        document,
    } = command;
    // clap requires exactly one of them.
    let (kind, id) = match (photo, tattoo, document) {
        (Some(id), _, _) => (ExhibitKind::Photo, id),
        (None, Some(id), _) => (ExhibitKind::Tattoo, id),
        (None, None, Some(id)) => (ExhibitKind::Document, id),
        (None, None, None) => unreachable_args(),
    };
    let item = ExhibitItem {
        kind,
        id: id.clone(),
    };
    let letter = store.assign_exhibit_letter(&item)?;
    Ok(emit(json, &letter, || {
        format!("Exhibit {}\n", letter.letter)
    })?)
}

fn unreachable_args() -> ! {
    // clap requires --photo, --tattoo or --document before this runs.
    eprintln!("amparo: give --photo ID, --tattoo ID or --document ID");
    std::process::exit(2)
}

pub fn print(store: &Store, blobs: &BlobStore, command: &PrintCommand, json: bool) -> Result<()> {
    let (statement_id, out, purpose, version) = match command {
        PrintCommand::Declaration {
            statement_id,
            out,
            purpose,
            version,
        } => (statement_id, out, purpose, version),
        PrintCommand::Packet { .. } => {
            return crate::packet_cmd::print_packet(store, blobs, command, json);
        }
    };
    let statement = store.statement(statement_id)?;
    let purpose = purpose.unwrap_or(if statement.is_draft {
        PurposeArg::Draft
    } else {
        PurposeArg::Filing
    });
    let pdf = match purpose {
        PurposeArg::Draft => amparo_print::print_statement(store, statement_id, Purpose::Draft)?,
        PurposeArg::ForSignature => {
            amparo_print::print_statement(store, statement_id, Purpose::ForSignature)?
        }
        PurposeArg::Filing => match version {
            Some(number) => amparo_print::print_signed(store, blobs, statement_id, *number)?,
            None => {
                amparo_ops::printing::statement_pdf(store, blobs, statement_id, Purpose::Filing)?
            }
        },
    };
    amparo_core::write_whole(out, &pdf).map_err(amparo_core::Error::Io)?;
    let value = serde_json::json!({ "out": out, "bytes": pdf.len() });
    Ok(emit(json, &value, || {
        format!("wrote {} ({} bytes)\n", out.display(), pdf.len())
    })?)
}

pub fn wording(store: &mut Store, command: &WordingCommand, json: bool) -> Result<()> {
    let entries = match command {
        WordingCommand::List => store.wording()?,
        WordingCommand::Set { key, text } => store.set_wording(key, text)?,
    };
    Ok(emit(json, &entries, || {
        entries
            .iter()
            .map(|e| {
                let source = match e.source {
                    amparo_core::WordingSource::Statute => "28 U.S.C. § 1746",
                    amparo_core::WordingSource::Unconfirmed => {
                        "UNCONFIRMED: have a lawyer check it"
                    }
                };
                let changed = if e.text == e.default_text {
                    ""
                } else {
                    " (changed)"
                };
                format!("{}  [{source}]{changed}\n  {}\n\n", e.key, e.text)
            })
            .collect()
    })?)
}
