//! What every command-line test needs first: the data folder's vault.

use std::path::Path;
use std::process::Command;

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
