//! `amparo export counsel`: one encrypted file by default, its passphrase
//! printed once with how counsel opens it; the user's own passphrase from
//! AMPARO_COUNSEL_PASSPHRASE, refused when short; `--plain` only with a
//! warning.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use age::secrecy::SecretString;

mod support;

use support::{amparo, ok};

/// The names of the files in the .zip inside `sealed`, opened with `passphrase`.
fn opened(sealed: &Path, passphrase: &str) -> Vec<String> {
    let bytes = std::fs::read(sealed).expect("sealed file");
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let mut zip = Vec::new();
    age::Decryptor::new(&bytes[..])
        .expect("an age file")
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .expect("the passphrase opens it")
        .read_to_end(&mut zip)
        .expect("read");
    let archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    archive
        .file_names()
        .map(|n| n.expect("a name").into_owned())
        .collect()
}

#[test]
fn export_counsel_writes_one_encrypted_file_and_prints_its_passphrase_once() {
    let data = tempfile::tempdir().expect("temp");
    let case: serde_json::Value = serde_json::from_str(&ok(&amparo(
        data.path(),
        &["case", "example", "--json"],
        &[],
    )))
    .expect("json");
    let id = case["id"].as_str().expect("id");
    let usb = tempfile::tempdir().expect("usb stick");
    let out = usb.path().join("For-counsel");
    let out_arg = out.to_str().expect("path");

    let said = ok(&amparo(
        data.path(),
        &["export", "counsel", id, "--out", out_arg],
        &[],
    ));
    let sealed = usb.path().join("For-counsel.zip.age");
    assert!(
        said.contains(&format!("wrote {} (", sealed.display())),
        "{said}"
    );
    assert!(said.contains("tell it to counsel by phone"), "{said}");
    assert!(
        said.contains("age -d -o For-counsel.zip For-counsel.zip.age"),
        "{said}"
    );
    assert!(said.contains("sha256sum -c SHA256SUMS"), "{said}");
    let passphrase = said
        .lines()
        .map(str::trim)
        .find(|l| l.split('-').count() == 6 && !l.contains(' '))
        .expect("the passphrase on its own line");
    let names = opened(&sealed, passphrase);
    assert!(
        names.contains(&"For-counsel/SHA256SUMS".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"For-counsel/Evidence-packet.pdf".to_owned()),
        "{names:?}"
    );
    let written: Vec<_> = std::fs::read_dir(usb.path())
        .expect("usb")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(written, ["For-counsel.zip.age"], "no plain folder or zip");

    // The user's own passphrase: too short is refused, naming the field.
    let out2 = usb.path().join("Mine");
    let out2_arg = out2.to_str().expect("path");
    let short = amparo(
        data.path(),
        &[
            "export",
            "counsel",
            id,
            "--out",
            out2_arg,
            "--own-passphrase",
        ],
        &[("AMPARO_COUNSEL_PASSPHRASE", "corto")],
    );
    assert!(!short.status.success());
    let err = String::from_utf8_lossy(&short.stderr);
    assert!(err.contains("passphrase"), "{err}");
    let own = "la casa de mamá";
    let json: serde_json::Value = serde_json::from_str(&ok(&amparo(
        data.path(),
        &[
            "export",
            "counsel",
            id,
            "--out",
            out2_arg,
            "--own-passphrase",
            "--json",
        ],
        &[("AMPARO_COUNSEL_PASSPHRASE", own)],
    )))
    .expect("json");
    assert_eq!(json["encrypted"], true);
    assert_eq!(json["passphrase"], serde_json::Value::Null);
    assert_eq!(json["folder"], serde_json::Value::Null);
    let file = json["file"].as_str().expect("file");
    assert!(file.ends_with("Mine.zip.age"), "{file}");
    assert!(!opened(Path::new(file), own).is_empty());

    // Plain only when asked, and never with a passphrase.
    let both = amparo(
        data.path(),
        &[
            "export",
            "counsel",
            id,
            "--out",
            out_arg,
            "--plain",
            "--own-passphrase",
        ],
        &[],
    );
    assert!(!both.status.success());
    let plain = amparo(
        data.path(),
        &["export", "counsel", id, "--out", out_arg, "--plain"],
        &[],
    );
    ok(&plain);
    assert!(
        String::from_utf8_lossy(&plain.stderr).contains("NOT ENCRYPTED"),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    assert!(out.join("SHA256SUMS").is_file());
    assert!(usb.path().join("For-counsel.zip").is_file());
}

#[test]
fn the_export_carries_sha256sums_signed_by_this_amparo_and_minisign_checks_it() {
    let data = tempfile::tempdir().expect("data");
    let usb = tempfile::tempdir().expect("usb");
    let case = ok(&amparo(data.path(), &["--json", "case", "example"], &[]));
    let case: serde_json::Value = serde_json::from_str(&case).expect("json");
    let id = case["id"].as_str().expect("id");
    let out = usb.path().join("For-counsel");
    let said = ok(&amparo(
        data.path(),
        &[
            "export",
            "counsel",
            id,
            "--out",
            out.to_str().expect("path"),
            "--plain",
        ],
        &[],
    ));
    let me: serde_json::Value =
        serde_json::from_str(&ok(&amparo(data.path(), &["--json", "contact", "me"], &[])))
            .expect("json");
    let key = me["code"]
        .as_str()
        .expect("code")
        .split(':')
        .nth(1)
        .expect("key")
        .to_owned();
    // The commands shown name this Amparo's key.
    assert!(said.contains("minisign -Vm SHA256SUMS -P"), "{said}");
    assert!(said.contains(&key), "{said}");

    let check = |key: &str| {
        Command::new("minisign")
            .args(["-Vm", "SHA256SUMS", "-P", key])
            .current_dir(&out)
            .output()
            .expect("the minisign command (`make deps` installs it)")
    };
    let verified = check(&key);
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    assert!(
        String::from_utf8_lossy(&verified.stdout).contains("SHA256SUMS of an export for counsel")
    );
    let sums = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .expect("sha256sum");
    assert!(sums.status.success());

    // A changed list no longer verifies: whoever changes a file and its
    // line cannot sign again as this Amparo.
    let text = std::fs::read_to_string(out.join("SHA256SUMS")).expect("sums");
    let first = if text.starts_with('0') { "1" } else { "0" };
    std::fs::write(out.join("SHA256SUMS"), format!("{first}{}", &text[1..])).expect("change");
    assert!(!check(&key).status.success());
}
