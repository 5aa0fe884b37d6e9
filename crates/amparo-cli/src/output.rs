//! How results are printed: as JSON with `--json`, else as plain lines.

use serde::Serialize;

/// Prints `value` as JSON, or the human text.
pub fn emit<T: Serialize>(
    json: bool,
    value: &T,
    human: impl FnOnce() -> String,
) -> amparo_core::Result<()> {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
    } else {
        print!("{}", human());
    }
    Ok(())
}
