//! What every command-line test needs first: the data folder's vault.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The password of every test's vault.
pub const PASSPHRASE: &str = "frase de prueba larga";

/// Makes the data folder's vault (at a test-only cost) the first time.
pub fn with_vault(data: &Path) {
    if data.join("vault.json").exists() {
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_amparo"))
        .arg("--data-dir")
        .arg(data)
        .args(["--weak-kdf-for-tests", "vault", "create"])
        .env("AMPARO_PASSPHRASE", PASSPHRASE)
        .output()
        .expect("run amparo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `amparo` on the data folder `data` (its vault made first) with
/// `env` and nothing else of this environment's Amparo variables.
#[allow(dead_code)]
pub fn amparo(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    with_vault(data);
    Command::new(env!("CARGO_BIN_EXE_amparo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("AMPARO_DATA_DIR")
        .env_remove("AMPARO_COUNSEL_PASSPHRASE")
        .env_remove("AMPARO_FILE_PASSPHRASE")
        .env("AMPARO_PASSPHRASE", PASSPHRASE)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run amparo")
}

/// What a command that must succeed printed.
#[allow(dead_code)]
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
