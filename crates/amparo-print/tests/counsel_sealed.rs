//! The export for counsel as one encrypted file: it opens with the
//! passphrase shown (through the age crate and through the real `age`
//! command, with the exact commands counsel is told), a wrong passphrase
//! opens nothing, a short one is refused, and nothing written to the chosen
//! folder carries the person's name or A-number in readable bytes. The
//! plain export, asked for, is still a folder and a .zip.

#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use age::secrecy::SecretString;
use amparo_core::{Error, FieldError, FieldProblem};
use amparo_print::{
    CounselExport, CounselProtection, PASSPHRASE_WORDS, PrintError, SCRYPT_LOG_N, export_counsel,
};
use packet_fixture::{PacketFixture, packet_fixture};
use sha2::{Digest, Sha256};

/// What a reader of the USB stick must not learn: the declarant's and the
/// person's names and the A-number, in every spelling the case uses.
const SECRETS: &[&str] = &[
    "María Elena Moreno de Rivas",
    "Moreno de Rivas",
    "Jesús Alberto Rivas Moreno",
    "Rivas Moreno",
    "000111222",
    "000-111-222",
    "Capacho",
];

fn fixture() -> PacketFixture {
    packet_fixture(3, 320, 240)
}

fn export(f: &PacketFixture, out: &Path, protection: CounselProtection) -> CounselExport {
    export_counsel(
        &f.store,
        &f.blobs,
        &f.case_id,
        out,
        false,
        &protection,
        &|_| {},
    )
    .expect("export")
}

/// Every file under `dir`, hidden ones included.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// The secrets found in `bytes`, as UTF-8 or as PDF's UTF-16BE strings.
fn secrets_in(bytes: &[u8]) -> Vec<&'static str> {
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    SECRETS
        .iter()
        .copied()
        .filter(|s| {
            let utf16: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
            contains(s.as_bytes()) || contains(&utf16)
        })
        .collect()
}

fn decrypt(sealed: &[u8], passphrase: &str) -> Result<Vec<u8>, age::DecryptError> {
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let decryptor = age::Decryptor::new(sealed)?;
    let mut reader = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))?;
    let mut zip = Vec::new();
    reader.read_to_end(&mut zip)?;
    Ok(zip)
}

/// The zip's files, by their name inside the export's folder.
fn unzip(zip: &[u8], base: &str) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry
            .name()
            .expect("a name")
            .strip_prefix(&format!("{base}/"))
            .expect("under the export's folder")
            .to_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read entry");
        files.insert(name, bytes);
    }
    files
}

/// SHA256SUMS checked against the files, as `sha256sum -c` does.
fn assert_sums_match(files: &BTreeMap<String, Vec<u8>>) {
    let sums = String::from_utf8(files["SHA256SUMS"].clone()).expect("text");
    let listed: Vec<(&str, &str)> = sums
        .lines()
        .map(|l| l.split_once("  ").expect("sha  name"))
        .collect();
    assert_eq!(listed.len(), files.len() - 1, "{sums}");
    for (sha, name) in listed {
        assert_eq!(
            format!("{:x}", Sha256::digest(&files[name])),
            sha,
            "{name} matches its SHA-256"
        );
    }
}

#[test]
fn the_encrypted_export_opens_with_the_shown_passphrase_and_nothing_written_is_readable() {
    let f = fixture();
    let usb = tempfile::tempdir().expect("usb stick");
    let out = usb.path().join("For-counsel-2026-12-02");
    let export = export(&f, &out, CounselProtection::Passphrase(None));

    assert!(export.encrypted);
    assert_eq!(export.folder, None);
    let sealed_path = usb.path().join("For-counsel-2026-12-02.zip.age");
    assert_eq!(export.file, sealed_path.display().to_string());
    let passphrase = export.passphrase.clone().expect("Amparo made one");
    let words: Vec<&str> = passphrase.split('-').collect();
    assert_eq!(words.len(), PASSPHRASE_WORDS, "{passphrase}");
    assert_eq!(
        export.open_with,
        [
            "age -d -o For-counsel-2026-12-02.zip For-counsel-2026-12-02.zip.age",
            "unzip For-counsel-2026-12-02.zip",
            "cd For-counsel-2026-12-02",
            "sha256sum -c SHA256SUMS",
        ]
    );

    // One file on the stick: no folder, no plain .zip, nothing half-made.
    let written = files_under(usb.path());
    assert_eq!(written, vec![sealed_path.clone()]);
    assert!(!out.exists());
    for file in &written {
        let bytes = std::fs::read(file).expect("read");
        assert!(
            secrets_in(&bytes).is_empty(),
            "{} shows {:?}",
            file.display(),
            secrets_in(&bytes)
        );
    }

    // It is age's scrypt format at counsel's work factor, and opens in
    // about a second or less.
    let sealed = std::fs::read(&sealed_path).expect("sealed");
    let header = String::from_utf8_lossy(&sealed[..200]);
    assert!(
        header.starts_with("age-encryption.org/v1\n-> scrypt "),
        "{header}"
    );
    assert!(
        header.contains(&format!(" {SCRYPT_LOG_N}\n")),
        "work factor {SCRYPT_LOG_N}: {header}"
    );
    let started = Instant::now();
    let zip = decrypt(&sealed, &passphrase).expect("the shown passphrase opens it");
    let took = started.elapsed();
    eprintln!(
        "decrypted {} bytes (scrypt log N {SCRYPT_LOG_N}) in {took:?}",
        sealed.len()
    );
    assert!(took < Duration::from_secs(3), "opening took {took:?}");

    let files = unzip(&zip, "For-counsel-2026-12-02");
    assert_sums_match(&files);
    assert!(
        files.contains_key("Evidence-packet.pdf"),
        "{:?}",
        files.keys()
    );
    assert!(
        files.keys().any(|n| n.starts_with("Exhibit-")),
        "{:?}",
        files.keys()
    );
    assert_eq!(export.files as usize, files.len());

    // The same files as the plain export, which shows what the encryption
    // hides: the secrets are there in readable bytes.
    let desk = tempfile::tempdir().expect("desk");
    let plain_out = desk.path().join("For-counsel-2026-12-02");
    let plain = self::export(&f, &plain_out, CounselProtection::Plain);
    let plain_names: Vec<String> = std::fs::read_dir(&plain_out)
        .expect("plain folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let mut sealed_names: Vec<&String> = files.keys().collect();
    sealed_names.sort();
    let mut plain_sorted: Vec<&String> = plain_names.iter().collect();
    plain_sorted.sort();
    assert_eq!(sealed_names, plain_sorted);
    let plain_zip = std::fs::read(&plain.file).expect("plain zip");
    assert!(
        !secrets_in(&plain_zip).is_empty(),
        "the check would find a name if it were there"
    );
}

#[test]
fn a_wrong_passphrase_opens_nothing_and_the_users_own_is_not_shown_again() {
    let f = fixture();
    let usb = tempfile::tempdir().expect("usb stick");
    let out = usb.path().join("For-counsel");
    let own = "la casa de mamá en Capacho";
    let export = export(&f, &out, CounselProtection::Passphrase(Some(own.into())));
    assert!(export.encrypted);
    assert_eq!(export.passphrase, None, "the user knows their own");
    let sealed = std::fs::read(&export.file).expect("sealed");
    for wrong in [
        "la casa de mamá en capacho",
        "la casa de mama en Capacho",
        "",
    ] {
        assert!(
            matches!(
                decrypt(&sealed, wrong),
                Err(age::DecryptError::DecryptionFailed)
            ),
            "{wrong:?} must not open it"
        );
    }
    let zip = decrypt(&sealed, own).expect("the right one opens it");
    assert_sums_match(&unzip(&zip, "For-counsel"));

    // A damaged file does not open either, even with the passphrase.
    let mut damaged = sealed.clone();
    let last = damaged.len() - 20;
    damaged[last] ^= 1;
    assert!(decrypt(&damaged, own).is_err());
}

#[test]
fn a_passphrase_under_eight_characters_is_refused_before_anything_is_written() {
    let f = fixture();
    let usb = tempfile::tempdir().expect("usb stick");
    for (typed, problem) in [
        ("mamá", FieldProblem::TooShort),
        ("1234567", FieldProblem::TooShort),
        ("  ", FieldProblem::Required),
    ] {
        let refused = export_counsel(
            &f.store,
            &f.blobs,
            &f.case_id,
            &usb.path().join("For-counsel"),
            false,
            &CounselProtection::Passphrase(Some(typed.into())),
            &|_| {},
        );
        match refused {
            Err(PrintError::Core(Error::Invalid(fields))) => {
                assert_eq!(fields, vec![FieldError::new("passphrase", problem)]);
            }
            other => panic!("{typed:?}: {other:?}"),
        }
    }
    assert!(files_under(usb.path()).is_empty());
}

#[test]
fn an_earlier_encrypted_export_is_never_overwritten() {
    let f = fixture();
    let usb = tempfile::tempdir().expect("usb stick");
    let out = usb.path().join("For-counsel");
    let first = export(&f, &out, CounselProtection::Passphrase(None));
    let before = std::fs::read(&first.file).expect("first");
    let again = export_counsel(
        &f.store,
        &f.blobs,
        &f.case_id,
        &out,
        false,
        &CounselProtection::Passphrase(None),
        &|_| {},
    );
    assert!(matches!(
        again,
        Err(PrintError::Core(Error::DestinationNotEmpty(_)))
    ));
    assert_eq!(std::fs::read(&first.file).expect("first"), before);
}

#[test]
fn the_plain_export_asked_for_is_the_folder_and_zip_as_before() {
    let f = fixture();
    let desk = tempfile::tempdir().expect("desk");
    let out = desk.path().join("For-counsel");
    let export = export(&f, &out, CounselProtection::Plain);
    assert!(!export.encrypted);
    assert_eq!(export.passphrase, None);
    assert_eq!(export.folder, Some(out.display().to_string()));
    assert_eq!(
        export.file,
        desk.path().join("For-counsel.zip").display().to_string()
    );
    assert_eq!(
        export.open_with,
        ["cd For-counsel", "sha256sum -c SHA256SUMS"]
    );
    let check = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .expect("sha256sum");
    assert!(check.status.success());
    let zipped = unzip(&std::fs::read(&export.file).expect("zip"), "For-counsel");
    assert_sums_match(&zipped);
    for (name, bytes) in &zipped {
        assert_eq!(&std::fs::read(out.join(name)).expect("in folder"), bytes);
    }
    let mut names: Vec<String> = files_under(desk.path())
        .iter()
        .map(|p| {
            p.strip_prefix(desk.path())
                .expect("under")
                .display()
                .to_string()
        })
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        zipped.len() + 1,
        "the folder and the zip: {names:?}"
    );
    assert!(names.contains(&"For-counsel.zip".to_owned()));
}

/// Runs `commands` in `dir` under a terminal (age reads a passphrase from
/// the terminal only), typing `passphrase` into it.
fn in_terminal(dir: &Path, commands: &[String], passphrase: &str) -> std::process::Output {
    let mut child = Command::new("script")
        .args(["-qec", &commands.join(" && "), "/dev/null"])
        .env("SHELL", "/bin/sh")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script (util-linux)");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(format!("{passphrase}\n").as_bytes())
        .expect("type the passphrase");
    drop(stdin);
    child.wait_with_output().expect("wait")
}

#[test]
fn counsel_opens_it_with_the_age_command_and_the_commands_shown() {
    let version = Command::new("age")
        .arg("--version")
        .output()
        .expect("the age command (`make deps` installs it)");
    assert!(version.status.success());
    let f = fixture();
    let usb = tempfile::tempdir().expect("usb stick");
    let export = export(
        &f,
        &usb.path().join("For-counsel-2026-12-02"),
        CounselProtection::Passphrase(None),
    );
    let passphrase = export.passphrase.clone().expect("made");

    // Counsel's computer: the file alone, opened exactly as told.
    let counsel = tempfile::tempdir().expect("counsel");
    let file = Path::new(&export.file).file_name().expect("name");
    std::fs::copy(&export.file, counsel.path().join(file)).expect("copy");
    let started = Instant::now();
    let opened = in_terminal(counsel.path(), &export.open_with, &passphrase);
    let took = started.elapsed();
    let said = String::from_utf8_lossy(&opened.stdout);
    assert!(opened.status.success(), "{said}");
    eprintln!("age -d, unzip and sha256sum -c took {took:?}");
    assert!(said.contains("Evidence-packet.pdf: OK"), "{said}");
    assert!(!said.contains("FAILED"), "{said}");
    assert_eq!(
        said.matches(": OK").count() as u32,
        export.files - 1,
        "{said}"
    );

    // A wrong passphrase: age refuses and writes nothing.
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    std::fs::copy(&export.file, elsewhere.path().join(file)).expect("copy");
    let refused = in_terminal(
        elsewhere.path(),
        &export.open_with[..1],
        "not-the-passphrase",
    );
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stdout).contains("incorrect passphrase"),
        "{}",
        String::from_utf8_lossy(&refused.stdout)
    );
    assert_eq!(files_under(elsewhere.path()).len(), 1);
}
