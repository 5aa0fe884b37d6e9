//! Case files from the command line: two Amparos add each other's codes,
//! send and open a case; and counsel without Amparo checks a case file with
//! exactly the commands `docs/case-file.md` gives (age, tar, minisign, jq,
//! sha256sum), reaching the same verdict as `amparo case verify`.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use support::{amparo, ok};

const FILE_PASSPHRASE: &str = "coronas de los reyes magos";

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("json")
}

/// A data folder with the example case and one photo; the case's id.
fn mothers_case(data: &Path) -> String {
    let case = json(&amparo(data, &["--json", "case", "example"], &[]));
    let id = case["id"].as_str().expect("id").to_owned();
    let photo = data.parent().expect("parent").join("IMG_0412.jpg");
    image::RgbImage::from_fn(320, 240, |x, y| image::Rgb([x as u8, y as u8, 90]))
        .save(&photo)
        .expect("photo");
    ok(&amparo(
        data,
        &[
            "photo",
            "import",
            "--case",
            &id,
            photo.to_str().expect("path"),
        ],
        &[],
    ));
    id
}

#[test]
fn two_amparos_add_each_others_code_send_and_open_a_case() {
    let root = tempfile::tempdir().expect("temp");
    let mother = root.path().join("mother");
    let advocate = root.path().join("advocate");
    let case_id = mothers_case(&mother);
    let her = json(&amparo(
        &mother,
        &["--json", "contact", "me", "--rename", "Rosa"],
        &[],
    ));
    let his = json(&amparo(&advocate, &["--json", "contact", "me"], &[]));
    assert_eq!(her["name"], "Rosa");
    assert_eq!(her["fingerprint"]["en"].as_array().expect("words").len(), 6);

    let added = json(&amparo(
        &mother,
        &[
            "--json",
            "contact",
            "add",
            "--name",
            "Ana, legal aid",
            his["code"].as_str().expect("code"),
        ],
        &[],
    ));
    // The words the mother compares on the phone are the advocate's own.
    assert_eq!(added["fingerprint"], his["fingerprint"]);
    ok(&amparo(
        &advocate,
        &[
            "contact",
            "add",
            "--name",
            "Rosa",
            her["code"].as_str().expect("code"),
        ],
        &[],
    ));
    let list = ok(&amparo(&mother, &["contact", "list"], &[]));
    assert!(list.contains("Ana, legal aid"), "{list}");

    // A code typed wrong is refused on its field.
    let wrong = amparo(
        &mother,
        &["--json", "contact", "add", "--name", "X", "amparo1:nada"],
        &[],
    );
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("\"field\":\"code\""));

    let file = root.path().join("Case.amparo");
    let sent = json(&amparo(
        &mother,
        &[
            "--json",
            "case",
            "send",
            &case_id,
            "--to",
            "ana, legal aid",
            "--out",
            file.to_str().expect("path"),
        ],
        &[],
    ));
    assert_eq!(sent["sequence"], 1);

    let preview = ok(&amparo(
        &advocate,
        &["case", "open", "--dry-run", file.to_str().expect("path")],
        &[],
    ));
    assert!(preview.contains("signed by Rosa"), "{preview}");
    assert!(preview.contains("would add"), "{preview}");
    let cases = json(&amparo(&advocate, &["--json", "case", "list"], &[]));
    assert_eq!(
        cases.as_array().expect("list").len(),
        0,
        "a dry run keeps nothing"
    );

    let opened = ok(&amparo(
        &advocate,
        &["case", "open", file.to_str().expect("path")],
        &[],
    ));
    assert!(opened.contains("a new case here"), "{opened}");
    let shown = json(&amparo(
        &advocate,
        &["--json", "case", "show", &case_id],
        &[],
    ));
    assert!(
        shown["person"]["recordName"]
            .as_str()
            .expect("name")
            .contains("Rivas")
    );
    let photos = ok(&amparo(
        &advocate,
        &["photo", "list", "--case", &case_id],
        &[],
    ));
    assert!(photos.contains("IMG_0412.jpg"), "{photos}");

    let again = amparo(
        &advocate,
        &["--json", "case", "open", file.to_str().expect("path")],
        &[],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("caseFileReplay"));
}

/// The commands in the block `docs/case-file.md` marks as checked here.
fn documented_commands() -> Vec<String> {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/case-file.md"),
    )
    .expect("docs/case-file.md");
    let marked = doc
        .split("<!-- checked by crates/amparo-cli/tests/case_file_by_hand.rs")
        .nth(1)
        .expect("the marked block");
    let block = marked.split("```sh\n").nth(1).expect("a shell block");
    block
        .split("```")
        .next()
        .expect("block end")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Runs `commands` in `dir` under a terminal (age reads a passphrase from
/// the terminal only), typing `passphrase` into it.
fn in_terminal(dir: &Path, commands: &[String], key: &str, passphrase: &str) -> Output {
    let mut child = Command::new("script")
        .args(["-qec", &commands.join(" && "), "/dev/null"])
        .env("SHELL", "/bin/sh")
        .env("KEY", key)
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
fn counsel_without_amparo_checks_a_case_file_with_the_documented_commands() {
    let root = tempfile::tempdir().expect("temp");
    let mother = root.path().join("mother");
    let case_id = mothers_case(&mother);
    let counsel = root.path().join("counsel");
    std::fs::create_dir(&counsel).expect("counsel's folder");
    let file = counsel.join("Case.amparo");
    ok(&amparo(
        &mother,
        &[
            "case",
            "send",
            &case_id,
            "--passphrase",
            "--out",
            file.to_str().expect("path"),
        ],
        &[("AMPARO_FILE_PASSPHRASE", FILE_PASSPHRASE)],
    ));
    let code = json(&amparo(&mother, &["--json", "contact", "me"], &[]));
    let key = code["code"]
        .as_str()
        .expect("code")
        .split(':')
        .nth(1)
        .expect("key")
        .to_owned();

    // What Amparo says of it, on another Amparo told the passphrase.
    let other = root.path().join("other");
    let verdict = json(&amparo(
        &other,
        &["--json", "case", "verify", file.to_str().expect("path")],
        &[("AMPARO_FILE_PASSPHRASE", FILE_PASSPHRASE)],
    ));
    let items = verdict["items"].as_u64().expect("items");
    assert!(items >= 2, "the records and the photo: {verdict}");
    assert!(verdict["taken"].is_null(), "verify takes nothing");

    let commands = documented_commands();
    assert!(
        commands.iter().any(|c| c.starts_with("minisign")),
        "{commands:?}"
    );
    let done = in_terminal(&counsel, &commands, &key, FILE_PASSPHRASE);
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(done.status.success(), "{said}");
    assert!(
        said.contains("Signature and comment signature verified"),
        "{said}"
    );
    assert_eq!(said.matches(": OK").count() as u64, items, "{said}");
    assert!(!said.contains("FAILED"), "{said}");

    // By hand, too, a changed item or another signer is caught.
    let dir = counsel.join("case");
    let mut rows = std::fs::read(dir.join("case.json")).expect("rows");
    rows[10] ^= 1;
    std::fs::write(dir.join("case.json"), rows).expect("change");
    let check = Command::new("sh")
        .args(["-c", commands.last().expect("sha256sum line")])
        .current_dir(&dir)
        .output()
        .expect("sha256sum");
    assert!(!check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("case.json: FAILED"));
    let stranger = json(&amparo(&other, &["--json", "contact", "me"], &[]));
    let wrong_key = stranger["code"]
        .as_str()
        .expect("code")
        .split(':')
        .nth(1)
        .expect("key");
    let check = Command::new("minisign")
        .args([
            "-Vm",
            "manifest.json",
            "-x",
            "manifest.json.minisig",
            "-P",
            wrong_key,
        ])
        .current_dir(&dir)
        .output()
        .expect("minisign");
    assert!(!check.status.success(), "another key does not verify it");
}

#[test]
fn a_case_file_named_without_a_folder_is_written_in_the_current_one_and_reported() {
    // `--out case.amparo`, as a person types it: its folder is "".
    let root = tempfile::tempdir().expect("root");
    let mother = root.path().join("mother");
    let case_id = json(&amparo(&mother, &["--json", "case", "example"], &[]))["id"]
        .as_str()
        .expect("id")
        .to_owned();
    let out = Command::new(env!("CARGO_BIN_EXE_amparo"))
        .current_dir(root.path())
        .arg("--data-dir")
        .arg(&mother)
        .args([
            "--json",
            "case",
            "send",
            &case_id,
            "--passphrase",
            "--out",
            "case.amparo",
        ])
        .env("AMPARO_PASSPHRASE", support::PASSPHRASE)
        .env("AMPARO_FILE_PASSPHRASE", FILE_PASSPHRASE)
        .stdin(Stdio::null())
        .output()
        .expect("run amparo");
    let sent = json(&out);
    assert_eq!(sent["sequence"], 1);
    assert!(root.path().join("case.amparo").is_file());
}
