//! `amparo call` and `amparo serve`: every operation by name, with the same
//! JSON the window exchanges. `serve` answers one JSON line per request
//! line, for programs (the UI's tests run against the real core this way).

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

use amparo_core::ErrorPayload;
use amparo_core::vault::KdfCost;
use amparo_ops::{Reach, Slot};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::Config;

use crate::error::CliError;

/// `amparo call --list`: each operation with its input and output shape.
pub fn list(json: bool) {
    let cfg = Config::new();
    if json {
        let list: Vec<Value> = amparo_ops::all()
            .map(|op| {
                serde_json::json!({
                    "name": op.name,
                    "summary": op.summary.trim(),
                    "window": op.reach == Reach::Window,
                    "input": (op.params)(&cfg).iter().map(|p| serde_json::json!({"name": p.name, "type": p.ts})).collect::<Vec<_>>(),
                    "output": (op.output)(&cfg),
                    "errors": op.errors,
                })
            })
            .collect();
        let _ = crate::output::say(&format!(
            "{}\n",
            serde_json::to_string_pretty(&list).unwrap_or_default()
        ));
        return;
    }
    for op in amparo_ops::all() {
        let input: Vec<String> = (op.params)(&cfg)
            .iter()
            .map(|p| format!("\"{}\": {}", p.name, p.ts))
            .collect();
        let host = if op.reach == Reach::Host {
            "  (command line only)"
        } else {
            ""
        };
        let _ = crate::output::say(&format!(
            "{}  {{ {} }} -> {}{host}\n    {}\n",
            op.name,
            input.join(", "),
            (op.output)(&cfg),
            op.summary.trim()
        ));
    }
}

/// `amparo call OPERATION [INPUT]`: the input as JSON text, `-` for
/// standard input, or nothing for an operation without fields. Prints the
/// answer as JSON; progress goes to standard error.
pub fn call(
    dir: amparo_core::Result<PathBuf>,
    weak: bool,
    name: &str,
    input: Option<&str>,
) -> Result<(), CliError> {
    let text = match input {
        Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(amparo_core::Error::Io)?;
            text
        }
        Some(text) => text.to_owned(),
        None => "null".to_owned(),
    };
    let input: Value = serde_json::from_str(&text)
        .map_err(|e| amparo_ops::Error::BadInput(format!("the input is not JSON: {e}")))?;
    let slot = open(dir, weak)?;
    let progress = |p: Value| eprintln!("{p}");
    let output = slot.call(name, input, Reach::Host, &progress)?;
    crate::output::say(&format!(
        "{}\n",
        serde_json::to_string_pretty(&output).unwrap_or_default()
    ))?;
    Ok(())
}

#[derive(Deserialize)]
struct Request {
    id: Value,
    op: String,
    #[serde(default)]
    input: Value,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Answer {
    Ok { id: Value, ok: Value },
    Refused { id: Value, error: ErrorPayload },
}

/// `amparo serve`: reads `{"id", "op", "input"}` lines and answers each with
/// `{"id", "ok"}` or `{"id", "error": {code, message, fields}}`, in order,
/// until standard input ends.
pub fn serve(dir: amparo_core::Result<PathBuf>, weak: bool) -> Result<(), CliError> {
    let slot = open(dir, weak)?;
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.map_err(amparo_core::Error::Io)?;
        if line.trim().is_empty() {
            continue;
        }
        // A line that is JSON but not a request still names its id, so the
        // caller can match the refusal to what it sent.
        let value: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
        let id = value.get("id").cloned().unwrap_or(Value::Null);
        let answer = match serde_json::from_value::<Request>(value) {
            Ok(request) => match slot.call(&request.op, request.input, Reach::Host, &|_| {}) {
                Ok(ok) => Answer::Ok { id: request.id, ok },
                Err(e) => Answer::Refused {
                    id: request.id,
                    error: ErrorPayload::from(&e),
                },
            },
            Err(e) => Answer::Refused {
                id,
                error: ErrorPayload::from(&amparo_ops::Error::BadInput(e.to_string())),
            },
        };
        let text = serde_json::to_string(&answer).unwrap_or_default();
        writeln!(stdout, "{text}").map_err(amparo_core::Error::Io)?;
        stdout.flush().map_err(amparo_core::Error::Io)?;
    }
    Ok(())
}

/// The data folder's slot, unlocked at once when AMPARO_PASSPHRASE is set
/// and there is a vault; otherwise locked, for the caller to unlock.
fn open(dir: amparo_core::Result<PathBuf>, weak: bool) -> Result<Slot, CliError> {
    let cost = if weak {
        KdfCost::WEAK_FOR_TESTS
    } else {
        KdfCost::DEFAULT
    };
    let slot = Slot::open_with_cost(dir, cost);
    if slot.in_use() {
        return Err(amparo_core::Error::DataFolderInUse.into());
    }
    if let Ok(passphrase) = std::env::var("AMPARO_PASSPHRASE")
        && slot.status().state == amparo_ops::VaultState::Locked
    {
        slot.unlock(&passphrase)?;
    }
    Ok(slot)
}
