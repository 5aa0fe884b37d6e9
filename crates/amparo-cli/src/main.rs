//! `amparo`: every core operation of Amparo without a window, for scripts,
//! for counsel checking a case, and for benchmarks. It opens the same store
//! as the desktop app (`--data-dir`, then `AMPARO_DATA_DIR`, then the user's
//! data folder).

mod args;
mod backup_cmd;
mod call_cmd;
mod case_cmd;
mod error;
mod output;
mod packet_cmd;
mod photo_cmd;
mod show;
mod statement_cmd;
mod timeline_args;
mod timeline_cmd;

use std::process::ExitCode;

use amparo_core::{ErrorPayload, Store, resolve_data_dir};
use clap::Parser;

use args::{Args, Command};
use error::CliError;

fn main() -> ExitCode {
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
                name,
                input.as_deref(),
            );
        }
        Command::Serve => return call_cmd::serve(resolve_data_dir(args.data_dir.clone())),
        _ => {}
    }
    let dir = resolve_data_dir(args.data_dir.clone())?;
    match &args.command {
        Command::Call { .. } | Command::Serve => Ok(()),
        Command::Case { command } => {
            let mut store = Store::open(&dir)?;
            Ok(case_cmd::run(&mut store, command, args.json)?)
        }
        Command::Photo { command } => {
            let mut store = Store::open(&dir)?;
            Ok(photo_cmd::run(&mut store, &dir, command, args.json)?)
        }
        Command::Declarant { command } => {
            statement_cmd::declarant(&mut Store::open(&dir)?, command, args.json)
        }
        Command::Statement { command } => {
            statement_cmd::statement(&mut Store::open(&dir)?, &dir, command, args.json)
        }
        Command::Exhibit { command } => {
            statement_cmd::exhibit(&mut Store::open(&dir)?, command, args.json)
        }
        Command::Print { command } => {
            statement_cmd::print(&Store::open(&dir)?, &dir, command, args.json)
        }
        Command::Packet { command } => {
            packet_cmd::packet(&mut Store::open(&dir)?, &dir, command, args.json)
        }
        Command::Export { command } => {
            packet_cmd::export(&Store::open(&dir)?, &dir, command, args.json)
        }
        Command::Wording { command } => {
            statement_cmd::wording(&mut Store::open(&dir)?, command, args.json)
        }
        Command::Event { command } => {
            timeline_cmd::event(&mut Store::open(&dir)?, command, args.json)
        }
        Command::Allegation { command } => {
            timeline_cmd::allegation(&mut Store::open(&dir)?, command, args.json)
        }
        Command::Deadlines { case_id } => {
            timeline_cmd::deadlines(&Store::open(&dir)?, case_id, args.json)
        }
        Command::Search { query, limit } => {
            timeline_cmd::search(&Store::open(&dir)?, query, *limit, args.json)
        }
        Command::Backup { out } => Ok(backup_cmd::backup(&Store::open(&dir)?, out, args.json)?),
        Command::Restore { from } => Ok(backup_cmd::restore(&dir, from, args.json)?),
        Command::Replaced { delete } => Ok(backup_cmd::replaced(&dir, *delete, args.json)?),
    }
}
