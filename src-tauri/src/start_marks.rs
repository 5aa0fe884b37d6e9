//! How long a start takes, for `make bench-start`: with
//! `AMPARO_START_MARKS=FILE` the window reports when it has drawn the lock
//! screen, when the user asked to unlock and when it has drawn the case
//! list with its cases, and each is added once to FILE as a line "what
//! milliseconds", counted from the process's beginning. Without the
//! variable nothing is written.

use std::collections::HashSet;
use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// The variable that turns the marks on.
const ENV: &str = "AMPARO_START_MARKS";

fn began() -> &'static Instant {
    static BEGAN: OnceLock<Instant> = OnceLock::new();
    BEGAN.get_or_init(Instant::now)
}

/// Notes the process's beginning (the first thing `main` does).
pub fn begin() {
    began();
}

/// A mark the window reached: written the first time only.
#[tauri::command]
pub fn mark_drawn(what: String) {
    static PRINTED: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let Some(file) = std::env::var_os(ENV) else {
        return;
    };
    let at = began().elapsed().as_secs_f64() * 1000.0;
    let Ok(mut printed) = PRINTED.lock() else {
        return;
    };
    if printed.get_or_insert_default().insert(what.clone())
        && let Ok(mut marks) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
    {
        let _ = writeln!(marks, "{what} {at:.1}");
    }
}
