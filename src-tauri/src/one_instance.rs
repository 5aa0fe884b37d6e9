//! One window per data folder. The window that holds the folder listens on
//! a socket inside it (`amparo.sock`, in a folder only its user can open);
//! starting Amparo again on the same folder hands its case file, if it was
//! given one (a double-click on `NAME.amparo`), to that window, which comes
//! to the front, and the new process ends before it opens anything.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager};

use crate::case_file_commands::GivenCaseFile;

/// The socket's name in the data folder.
#[cfg(unix)]
const SOCKET: &str = "amparo.sock";

/// What a second start says to the window.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Message {
    /// A case file to open, as an absolute path.
    open: Option<PathBuf>,
}

/// Hands `given` to the window that holds `dir`. Whether it took it: when
/// not (no window answers, only an `amparo` command holds the folder),
/// this start goes on and says the folder is in use.
#[cfg(unix)]
pub fn hand_over(dir: &Path, given: Option<PathBuf>) -> bool {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::UnixStream;

    // A window that is itself still starting (a second double-click right
    // after the first) holds the folder before it listens: wait for it.
    let mut stream = None;
    for _ in 0..15 {
        if let Ok(connected) = UnixStream::connect(dir.join(SOCKET)) {
            stream = Some(connected);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let Some(mut stream) = stream else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
    let message = Message { open: given };
    let Ok(line) = serde_json::to_string(&message) else {
        return false;
    };
    if writeln!(stream, "{line}").is_err() {
        return false;
    }
    // The window answers once it has the message.
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "ok"
}

#[cfg(not(unix))]
pub fn hand_over(_dir: &Path, _given: Option<PathBuf>) -> bool {
    false
}

/// Listens for later starts on the folder this window holds.
#[cfg(unix)]
pub fn listen(app: &AppHandle, dir: &Path) {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::UnixListener;

    let path = dir.join(SOCKET);
    // Left by a window that crashed: this one holds the folder now.
    let _ = std::fs::remove_file(&path);
    // When it cannot listen (a path too long for a socket), later starts
    // find no window to hand over to and say the folder is in use. Nothing
    // is logged: the path names the user's folder.
    let Ok(listener) = UnixListener::bind(&path) else {
        return;
    };
    let app = app.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            // One start that never says anything must not keep the others out.
            let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let Ok(message) = serde_json::from_str::<Message>(&line) else {
                continue;
            };
            receive(&app, message);
            let _ = writeln!(&stream, "ok");
        }
    });
}

#[cfg(not(unix))]
pub fn listen(_app: &AppHandle, _dir: &Path) {}

/// The window comes to the front; a case file waits for the window to ask
/// for it (at once, or after the user unlocks).
fn receive(app: &AppHandle, message: Message) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(path) = message.open {
        app.state::<GivenCaseFile>().give(path);
        let _ = app.emit("case-file-given", ());
    }
}

/// The case file on the command line (the desktop passes a double-clicked
/// file as the first argument), made absolute so that a window started from
/// another folder finds it.
pub fn given_case_file() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            args.next();
            continue;
        }
        if arg.to_string_lossy().starts_with("--") {
            continue;
        }
        return std::path::absolute(PathBuf::from(arg)).ok();
    }
    None
}
