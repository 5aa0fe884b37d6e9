//! `amparo vault …`, and the unlock every other command starts with: the
//! passphrase from AMPARO_PASSPHRASE (for scripts), else asked on the
//! terminal without echo.

use std::io::Read;
use std::path::Path;

use amparo_core::vault::{KdfCost, move_plain_data_in};
use amparo_core::{BlobStore, Error, Result, Store, Vault};
use serde::Serialize;

use crate::args::VaultCommand;
use crate::output::emit;

/// The passphrase: from `variable`, else asked as `prompt`.
pub(crate) fn passphrase(variable: &str, prompt: &str) -> Result<String> {
    if let Ok(value) = std::env::var(variable) {
        return Ok(value);
    }
    rpassword::prompt_password(prompt).map_err(Error::Io)
}

/// A new passphrase: from `variable`, else asked twice.
pub(crate) fn new_passphrase(variable: &str) -> Result<String> {
    if let Ok(value) = std::env::var(variable) {
        return Ok(value);
    }
    let first = rpassword::prompt_password("New passphrase: ").map_err(Error::Io)?;
    let again = rpassword::prompt_password("The same passphrase again: ").map_err(Error::Io)?;
    if first != again {
        return Err(Error::Io(std::io::Error::other(
            "the two passphrases differ; nothing was changed",
        )));
    }
    Ok(first)
}

/// Unlocks the vault of `dir`, moves any older plain data in, and opens
/// the store and the blobs.
pub fn open(dir: &Path) -> Result<(Store, BlobStore)> {
    if !Vault::exists(dir) {
        return Err(Error::NoVault);
    }
    let vault = Vault::unlock(dir, &passphrase("AMPARO_PASSPHRASE", "Passphrase: ")?)?;
    report_moved(&vault)?;
    let mut store = Store::open(dir, vault.keys())?;
    amparo_casefile::sign_custody(&mut store)?;
    let blobs = BlobStore::open(dir, vault.keys())?;
    // What a crash left half-done is removed; a sweep that fails leaves
    // only unnamed files, and the command goes on.
    let _ = blobs.sweep_unnamed(&store);
    Ok((store, blobs))
}

fn report_moved(vault: &Vault) -> Result<()> {
    let moved = move_plain_data_in(vault)?;
    if moved != Default::default() {
        eprintln!(
            "amparo: moved into the vault: {} case(s), {} stored file(s)",
            moved.cases, moved.files
        );
    }
    Ok(())
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    recovery_words: Vec<String>,
}

pub fn run(dir: &Path, command: &VaultCommand, weak: bool, json: bool) -> Result<()> {
    match command {
        VaultCommand::Status => {
            let exists = Vault::exists(dir);
            emit(json, &serde_json::json!({ "vault": exists }), || {
                if exists {
                    "this data folder has a vault\n".into()
                } else {
                    "no vault yet: amparo vault create\n".into()
                }
            })
        }
        VaultCommand::Create => {
            let cost = if weak {
                KdfCost::WEAK_FOR_TESTS
            } else {
                KdfCost::DEFAULT
            };
            let passphrase = new_passphrase("AMPARO_PASSPHRASE")?;
            let (vault, recovery) = Vault::create_with_cost(dir, &passphrase, cost)?;
            report_moved(&vault)?;
            let created = Created {
                recovery_words: recovery.words(),
            };
            emit(json, &created, || {
                let numbered: Vec<String> = created
                    .recovery_words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| format!("{:>2}. {w}", i + 1))
                    .collect();
                format!(
                    "vault made. Recovery words (shown once; copy them on paper and keep them apart from this computer):\n{}\n",
                    numbered.join("\n")
                )
            })
        }
        VaultCommand::ChangePassphrase => {
            let vault = Vault::unlock(
                dir,
                &passphrase("AMPARO_PASSPHRASE", "Current passphrase: ")?,
            )?;
            vault.change_passphrase(&new_passphrase("AMPARO_NEW_PASSPHRASE")?)?;
            emit(json, &serde_json::json!({ "changed": true }), || {
                "passphrase changed\n".into()
            })
        }
        VaultCommand::Recover => {
            eprintln!("Type the twelve recovery words, then end the input (Ctrl+D):");
            let mut words = String::new();
            std::io::stdin()
                .read_to_string(&mut words)
                .map_err(Error::Io)?;
            let vault = Vault::unlock_with_recovery(dir, &words)?;
            vault.change_passphrase(&new_passphrase("AMPARO_NEW_PASSPHRASE")?)?;
            report_moved(&vault)?;
            emit(json, &serde_json::json!({ "recovered": true }), || {
                "vault opened; the new passphrase is set\n".into()
            })
        }
    }
}
