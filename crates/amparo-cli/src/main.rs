//! `amparo`: every core operation of Amparo without a window, for scripts,
//! for counsel checking a case, and for benchmarks. It opens the same store
//! as the desktop app (`--data-dir`, then `AMPARO_DATA_DIR`, then the user's
//! data folder).

mod args;
mod backup_cmd;
mod call_cmd;
mod case_cmd;
mod case_file_cmd;
mod document_cmd;
mod error;
mod output;
mod packet_cmd;
mod photo_cmd;
mod show;
mod statement_cmd;
mod timeline_args;
mod timeline_cmd;
mod vault_cmd;

use std::process::ExitCode;

use amparo_core::{DataFolderLock, ErrorPayload, resolve_data_dir};
use clap::Parser;

use args::{Args, Command};
use error::CliError;

fn main() -> ExitCode {
    // Started as a decoding worker: serve, and never read arguments.
    amparo_media::serve_if_worker();
    if let Ok(workers) = amparo_media::WorkerCommand::this_program() {
        amparo_media::isolate_decoding(workers);
    }
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // `call` speaks JSON both ways, its refusals included.
            if args.json || matches!(args.command, Command::Call { .. }) {
                let payload = ErrorPayload::from(&error);
                eprintln!("{}", serde_json::to_string(&payload).unwrap_or_default());
            } else {
                eprintln!("amparo: {error}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), CliError> {
    match &args.command {
        Command::Call { list: true, .. } => {
            call_cmd::list(args.json);
            return Ok(());
        }
        Command::Call {
            operation, input, ..
        } => {
            let name = operation.as_deref().unwrap_or_default();
            return call_cmd::call(
                resolve_data_dir(args.data_dir.clone()),
                args.weak_kdf_for_tests,
                name,
                input.as_deref(),
            );
        }
        Command::Serve => {
            return call_cmd::serve(
                resolve_data_dir(args.data_dir.clone()),
                args.weak_kdf_for_tests,
            );
        }
        _ => {}
    }
    let dir = resolve_data_dir(args.data_dir.clone())?;
    run_on(args, &dir).map_err(|e| e.in_folder(&dir))
}

/// Runs a command on the data folder `dir`.
fn run_on(args: &Args, dir: &std::path::Path) -> Result<(), CliError> {
    let dir = dir.to_path_buf();
    // Held until the command ends: the window or another command waits.
    let _held = DataFolderLock::take(&dir)?;
    if let Command::Vault { command } = &args.command {
        return Ok(vault_cmd::run(
            &dir,
            command,
            args.weak_kdf_for_tests,
            args.json,
        )?);
    }
    let (mut store, blobs) = vault_cmd::open(&dir)?;
    let store = &mut store;
    let json = args.json;
    match &args.command {
        Command::Call { .. } | Command::Serve | Command::Vault { .. } => Ok(()),
        Command::Case { command } => case_cmd::run(store, &blobs, command, json),
        Command::Contact { command } => Ok(case_file_cmd::contact(store, command, json)?),
        Command::Photo { command } => Ok(photo_cmd::run(store, &blobs, command, json)?),
        Command::Document { command } => Ok(document_cmd::run(store, &blobs, command, json)?),
        Command::Declarant { command } => statement_cmd::declarant(store, command, json),
        Command::Statement { command } => statement_cmd::statement(store, &blobs, command, json),
        Command::Exhibit { command } => statement_cmd::exhibit(store, command, json),
        Command::Print { command } => statement_cmd::print(store, &blobs, command, json),
        Command::Packet { command } => packet_cmd::packet(store, &blobs, command, json),
        Command::Export { command } => packet_cmd::export(store, &blobs, command, json),
        Command::Wording { command } => statement_cmd::wording(store, command, json),
        Command::Event { command } => timeline_cmd::event(store, command, json),
        Command::Allegation { command } => timeline_cmd::allegation(store, command, json),
        Command::Deadlines { case_id } => timeline_cmd::deadlines(store, case_id, json),
        Command::Search { query, limit } => timeline_cmd::search(store, query, *limit, json),
        Command::Backup { out } => Ok(backup_cmd::backup(store, out, json)?),
        Command::Restore { from } => Ok(backup_cmd::restore(store, from, json)?),
        Command::Replaced { delete } => Ok(backup_cmd::replaced(&dir, *delete, json)?),
    }
}
