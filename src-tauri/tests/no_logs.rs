//! No case data in any log: the libraries and the window print nothing at
//! all (a log line with a name, an A-number, a path or a paragraph would
//! sit in a terminal's scrollback, the systemd journal or a crash report).
//! Only the command line writes to its standard streams, which is its
//! output; the window says one thing, on stderr, when it cannot start, and
//! that carries Tauri's error, never case data.

use std::path::{Path, PathBuf};

/// What writes to a stream or a logger.
const LOGGING: [&str; 9] = [
    "println!",
    "eprintln!",
    "print!(",
    "eprint!(",
    "dbg!(",
    "log::",
    "tracing::",
    "#[instrument",
    "std::io::stderr",
];

/// The one line allowed: the window failing to start.
const ALLOWED: [(&str, &str); 1] = [(
    "src-tauri/src/main.rs",
    "eprintln!(\"Amparo could not start its window: {error}\");",
)];

fn sources(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path
                .file_name()
                .is_some_and(|n| n == "node_modules" || n == "bindings")
            {
                continue;
            }
            sources(&path, ext, out);
        } else if path
            .extension()
            .is_some_and(|e| ext.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

/// Whether `code` holds `needle` as a name of its own (`log::`, not
/// `catalog::`).
fn mentions(code: &str, needle: &str) -> bool {
    code.match_indices(needle).any(|(at, _)| {
        !code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn findings(dirs: &[&str], ext: &[&str], needles: &[&str]) -> Vec<String> {
    let root = root();
    let mut files = Vec::new();
    for dir in dirs {
        sources(&root.join(dir), ext, &mut files);
    }
    assert!(!files.is_empty(), "no sources found under {dirs:?}");
    let mut found = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim();
            if code.starts_with("//") {
                continue;
            }
            let allowed = ALLOWED
                .iter()
                .any(|(path, allowed)| rel == *path && code == *allowed);
            if !allowed && needles.iter().any(|needle| mentions(code, needle)) {
                found.push(format!("{rel}:{}: {code}", n + 1));
            }
        }
    }
    found
}

#[test]
fn the_libraries_and_the_window_log_nothing() {
    let found = findings(
        &[
            "crates/amparo-core/src",
            "crates/amparo-media/src",
            "crates/amparo-print/src",
            "crates/amparo-ops/src",
            "src-tauri/src",
        ],
        &["rs"],
        &LOGGING,
    );
    assert!(
        found.is_empty(),
        "these lines could put case data into a log; return an error instead:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_ui_writes_nothing_to_the_console() {
    let found = findings(&["ui/src"], &["ts", "svelte"], &["console."]);
    assert!(
        found.is_empty(),
        "these lines could put case data into WebKit's console output:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_sees_what_it_looks_for() {
    // The one allowed line exists, so the scan reads the shell's sources.
    let main = std::fs::read_to_string(root().join(ALLOWED[0].0)).expect("main.rs");
    assert!(main.lines().any(|l| l.trim() == ALLOWED[0].1));
    // And the command line, whose output is the point, is found.
    assert!(!findings(&["crates/amparo-cli/src"], &["rs"], &LOGGING).is_empty());
    assert!(mentions("log::info!(x)", "log::") && mentions("{ log::warn!() }", "log::"));
    assert!(!mentions("catalog::find(name)", "log::"));
    assert!(!mentions("tauri_plugin_dialog::init()", "log::"));
}
