//! `amparo contact ...` and `amparo case send|open|verify`: case files
//! between Amparos from the command line.

use amparo_casefile::{
    CaseFileError, ContactCard, DeviceKeys, Fingerprint, Mode, MyCode, Opened, SendTo,
};
use amparo_core::{ArrivedChange, BlobStore, Keep, Store};
use serde::Serialize;

use crate::args::{CaseCommand, ContactCommand, KeepArg};
use crate::error::CliError;
use crate::output::emit;
use crate::vault_cmd::{new_passphrase, passphrase};

/// The variable a case file's passphrase is read from.
const FILE_PASSPHRASE: &str = "AMPARO_FILE_PASSPHRASE";

pub fn contact(store: &mut Store, command: &ContactCommand, json: bool) -> Result<(), CliError> {
    match command {
        ContactCommand::Me { rename } => {
            DeviceKeys::of(store)?;
            if let Some(name) = rename {
                store.rename_device(name)?;
            }
            let me = MyCode::from(&DeviceKeys::of(store)?);
            Ok(emit(json, &me, || {
                format!(
                    "{}\n\nThis Amparo's code, to send: {}\nFingerprint, to read aloud:\n{}",
                    me.name,
                    me.code,
                    words(&me.fingerprint)
                )
            })?)
        }
        ContactCommand::Add { name, code } => {
            let card = amparo_casefile::add_contact(store, name, code)?;
            Ok(emit(json, &card, || {
                format!(
                    "added {} ({})\nCompare these words with theirs before sending anything:\n{}",
                    card.contact.name,
                    card.contact.id,
                    words(&card.fingerprint)
                )
            })?)
        }
        ContactCommand::List => {
            let cards = amparo_casefile::contacts(store)?;
            Ok(emit(json, &cards, || contact_list(&cards))?)
        }
        ContactCommand::Remove { id } => {
            store.remove_contact(id)?;
            Ok(emit(json, &Removed { id }, || {
                format!("removed contact {id}\n")
            })?)
        }
    }
}

#[derive(Serialize)]
struct Chosen<'a> {
    change: &'a str,
    keep: Keep,
}

#[derive(Serialize)]
struct Removed<'a> {
    id: &'a str,
}

pub fn case(
    store: &mut Store,
    blobs: &BlobStore,
    command: &CaseCommand,
    json: bool,
) -> Result<(), CliError> {
    match command {
        CaseCommand::Send {
            id,
            to,
            passphrase: by_passphrase,
            out,
        } => {
            if out.exists() {
                return Err(
                    amparo_core::Error::DestinationNotEmpty(out.display().to_string()).into(),
                );
            }
            let send_to = if *by_passphrase {
                let chosen = new_passphrase(FILE_PASSPHRASE)?;
                amparo_print::check_counsel_passphrase(&chosen)?;
                SendTo::Passphrase(chosen)
            } else {
                SendTo::Contacts(amparo_casefile::chosen(store, to)?)
            };
            let sent = amparo_casefile::send_case(store, blobs, id, &send_to, out)?;
            Ok(emit(json, &sent, || {
                format!(
                    "wrote {} (case file number {}, {} items, {} bytes)\n",
                    sent.path, sent.sequence, sent.items, sent.bytes
                )
            })?)
        }
        CaseCommand::Open { file, dry_run } => {
            let mode = if *dry_run { Mode::DryRun } else { Mode::Open };
            let opened = open_asking(store, blobs, file, mode)?;
            Ok(emit(json, &opened, || report(&opened, mode))?)
        }
        CaseCommand::Verify { file } => {
            let opened = open_asking(store, blobs, file, Mode::Verify)?;
            Ok(emit(json, &opened, || report(&opened, Mode::Verify))?)
        }
        CaseCommand::Custody { id } => {
            let report = amparo_casefile::custody_report(store, id)?;
            Ok(emit(json, &report, || custody(&report))?)
        }
        CaseCommand::Changes { id } => {
            let changes = store.arrived_changes(id)?;
            Ok(emit(json, &changes, || arrived(&changes))?)
        }
        CaseCommand::Choose { change, keep } => {
            let keep = match keep {
                KeepArg::Here => Keep::Here,
                KeepArg::Theirs => Keep::Theirs,
            };
            store.settle_arrived_change(change, keep)?;
            Ok(emit(json, &Chosen { change, keep }, || {
                format!(
                    "kept {} version\n",
                    if keep == Keep::Here {
                        "this computer's"
                    } else {
                        "the case file's"
                    }
                )
            })?)
        }
        _ => unreachable!("only case files are sent here"),
    }
}

/// Opens `file` with this Amparo's key, or asks for its passphrase when it
/// was sent to one.
fn open_asking(
    store: &mut Store,
    blobs: &BlobStore,
    file: &std::path::Path,
    mode: Mode,
) -> Result<Opened, CliError> {
    let given = std::env::var(FILE_PASSPHRASE).ok();
    match amparo_casefile::open_case_file(store, blobs, file, given.as_deref(), mode) {
        Err(CaseFileError::PassphraseNeeded) => {
            let typed = passphrase(FILE_PASSPHRASE, "The case file's passphrase: ")?;
            Ok(amparo_casefile::open_case_file(
                store,
                blobs,
                file,
                Some(&typed),
                mode,
            )?)
        }
        other => Ok(other?),
    }
}

fn words(fingerprint: &Fingerprint) -> String {
    format!(
        "  {}\n  ({})\n",
        fingerprint.en.join(" "),
        fingerprint.es.join(" ")
    )
}

fn contact_list(cards: &[ContactCard]) -> String {
    if cards.is_empty() {
        return "no contacts (amparo contact add --name NAME CODE)\n".into();
    }
    cards
        .iter()
        .map(|c| {
            format!(
                "{}  {}\n    {}\n",
                c.contact.id,
                c.contact.name,
                c.fingerprint.en.join(" ")
            )
        })
        .collect()
}

fn report(opened: &Opened, mode: Mode) -> String {
    let sender = match (&opened.sender.contact, opened.sender.is_this_device) {
        (_, true) => "this Amparo".to_owned(),
        (Some(name), false) => name.clone(),
        (None, false) => format!(
            "an unknown sender (their Amparo calls itself \"{}\"); fingerprint: {}",
            opened.sender.device_name,
            opened.sender.fingerprint.en.join(" ")
        ),
    };
    let mut out = format!(
        "signed by {sender}\ncase {} ({}), case file number {} of {}\n{} items, {} bytes: every one matches its signed list\n",
        opened.case_name,
        opened.case_id,
        opened.sequence,
        opened.created_at,
        opened.items,
        opened.bytes
    );
    for problem in &opened.custody_problems {
        out.push_str(&format!("custody log: {problem}\n"));
    }
    if let Some(taken) = &opened.taken {
        let verb = if mode == Mode::DryRun {
            "would add"
        } else {
            "added"
        };
        if taken.new_case {
            out.push_str(&format!("a new case here; {verb} it\n"));
        }
        for (table, count) in &taken.added {
            out.push_str(&format!("  {verb} {count} {}\n", table.replace('_', " ")));
        }
        for key in &taken.updated {
            out.push_str(&format!("  changed by the sender only, taken: {key}\n"));
        }
        for key in &taken.kept_here {
            out.push_str(&format!("  changed here only, kept: {key}\n"));
        }
        for key in &taken.to_choose {
            out.push_str(&format!(
                "  changed on both sides, both kept to choose (amparo case changes): {key}\n"
            ));
        }
        if !taken.differ.is_empty() {
            out.push_str(&format!(
                "{} records differ from the ones here and were kept as they are here:\n",
                taken.differ.len()
            ));
            for d in &taken.differ {
                out.push_str(&format!("  {} {}\n", d.table.replace('_', " "), d.key));
            }
        }
    }
    out
}

fn arrived(changes: &[ArrivedChange]) -> String {
    if changes.is_empty() {
        return "nothing to choose: no case file brought a change also made here\n".into();
    }
    let mut out = String::new();
    for c in changes {
        out.push_str(&format!(
            "{}  {} \"{}\" from {} ({})\n",
            c.id,
            c.kind.replace('_', " "),
            c.title,
            c.from.as_deref().unwrap_or("an unknown sender"),
            c.arrived_at
        ));
        for f in &c.fields {
            let field = match f.paragraph {
                Some(n) => format!("paragraph {n} {}", f.field),
                None => f.field.replace('_', " "),
            };
            out.push_str(&format!(
                "    {field}\n      here:   {}\n      theirs: {}\n",
                f.here, f.theirs
            ));
        }
    }
    out.push_str("choose with: amparo case choose ID --keep here|theirs\n");
    out
}

fn custody(report: &amparo_casefile::CustodyReport) -> String {
    let mut out = String::new();
    for e in &report.entries {
        out.push_str(&format!(
            "{}  {:<16} {:<18} {}  {}\n",
            e.at, e.device_name, e.action, e.item, e.sha256
        ));
    }
    if report.problems.is_empty() {
        out.push_str(&format!(
            "{} entries; every one verifies (hash, chain, device signature)\n",
            report.entries.len()
        ));
    } else {
        for p in &report.problems {
            out.push_str(&format!("PROBLEM: {p}\n"));
        }
    }
    out
}
