//! How results are printed: as JSON with `--json`, else as plain lines.

use serde::Serialize;

/// Prints `value` as JSON, or the human text.
pub fn emit<T: Serialize>(
    json: bool,
    value: &T,
    human: impl FnOnce() -> String,
) -> amparo_core::Result<()> {
    if json {
        say(&format!(
            "{}\n",
            serde_json::to_string_pretty(value).unwrap_or_default()
        ))
    } else {
        say(&human())
    }
}

/// Writes `text` to standard output. A reader that stopped reading (`amparo
/// case list | head`) ends the output quietly, as Unix tools do, instead
/// of the panic `print!` gives.
pub fn say(text: &str) -> amparo_core::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
