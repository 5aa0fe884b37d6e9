//! The `amparo` command as a script or a person uses it.

use std::path::Path;
use std::process::{Command, Output};

mod support;

use support::{PASSPHRASE, with_vault};

fn amparo(data: &Path, args: &[&str]) -> Output {
    with_vault(data);
    Command::new(env!("CARGO_BIN_EXE_amparo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("AMPARO_DATA_DIR")
        .env("AMPARO_PASSPHRASE", PASSPHRASE)
        .output()
        .expect("run amparo")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "amparo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn new_prints_the_case_with_its_id_and_show_reads_it_back() {
    let data = tempfile::tempdir().expect("temp");
    let made = json(&amparo(
        data.path(),
        &[
            "case",
            "new",
            "--name",
            "Jesús Rivas",
            "--a-number",
            "A 12345678",
            "--born",
            "about 1994-08",
            "--json",
        ],
    ));
    let id = made["id"].as_str().expect("id").to_owned();
    assert_eq!(made["person"]["aNumber"], "A-012-345-678");

    let shown = amparo(data.path(), &["case", "show", &id]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(text.contains("Jesús Rivas"), "{text}");
    assert!(text.contains("about August 1994"), "{text}");
    assert!(text.contains("A-012-345-678"), "{text}");
}

#[test]
fn bad_input_exits_non_zero_naming_the_fields_and_saves_nothing() {
    let data = tempfile::tempdir().expect("temp");
    let out = amparo(
        data.path(),
        &["case", "new", "--name", "  ", "--a-number", "12-34"],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("person.recordName (required)"), "{err}");
    assert!(err.contains("person.aNumber"), "{err}");

    let out = amparo(
        data.path(),
        &[
            "case",
            "new",
            "--name",
            "X",
            "--born",
            "31/02/2001",
            "--json",
        ],
    );
    assert!(!out.status.success());
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["fields"][0]["field"], "person.birthDate");

    let list = json(&amparo(data.path(), &["case", "list", "--json"]));
    assert_eq!(
        list.as_array().expect("array").len(),
        0,
        "nothing half-saved"
    );
}

#[test]
fn edit_changes_only_the_fields_given() {
    let data = tempfile::tempdir().expect("temp");
    let made = json(&amparo(
        data.path(),
        &[
            "case",
            "new",
            "--name",
            "Ana",
            "--nationality",
            "Honduran",
            "--json",
        ],
    ));
    let id = made["id"].as_str().expect("id");
    let edited = json(&amparo(
        data.path(),
        &[
            "case",
            "edit",
            id,
            "--custody",
            "detained",
            "--facility",
            "Otay Mesa",
            "--json",
        ],
    ));
    assert_eq!(edited["person"]["nationality"], "Honduran");
    assert_eq!(edited["custody"]["status"], "detained");
    assert_eq!(edited["custody"]["facility"], "Otay Mesa");
}

#[test]
fn delete_needs_the_name_and_restore_brings_it_back() {
    let data = tempfile::tempdir().expect("temp");
    let made = json(&amparo(
        data.path(),
        &["case", "new", "--name", "Luis Gómez", "--json"],
    ));
    let id = made["id"].as_str().expect("id");

    let wrong = amparo(
        data.path(),
        &["case", "delete", id, "--confirm-name", "Luis"],
    );
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("does not match"));

    json(&amparo(
        data.path(),
        &[
            "case",
            "delete",
            id,
            "--confirm-name",
            "luis gomez",
            "--json",
        ],
    ));
    let listed = json(&amparo(data.path(), &["case", "list", "--json"]));
    assert_eq!(listed.as_array().expect("array").len(), 0);
    let deleted = json(&amparo(
        data.path(),
        &["case", "list", "--deleted", "--json"],
    ));
    assert_eq!(deleted[0]["id"], id);

    json(&amparo(data.path(), &["case", "restore", id, "--json"]));
    let listed = json(&amparo(data.path(), &["case", "list", "--json"]));
    assert_eq!(listed[0]["recordName"], "Luis Gómez");
}

#[test]
fn backup_then_restore_round_trips_and_sha256sum_accepts_the_backup() {
    let data = tempfile::tempdir().expect("temp");
    let usb = tempfile::tempdir().expect("usb");
    let folder = usb.path().join("backup");
    json(&amparo(
        data.path(),
        &["case", "new", "--name", "Kept", "--json"],
    ));
    let summary = json(&amparo(
        data.path(),
        &["backup", "--out", folder.to_str().expect("utf8"), "--json"],
    ));
    assert!(summary["files"].as_u64().expect("files") >= 1);

    let check = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&folder)
        .output()
        .expect("sha256sum");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    json(&amparo(
        data.path(),
        &["case", "new", "--name", "Later", "--json"],
    ));
    let restored = json(&amparo(
        data.path(),
        &[
            "restore",
            "--from",
            folder.to_str().expect("utf8"),
            "--json",
        ],
    ));
    let kept = restored["replacedDataKeptIn"].as_str().expect("kept");
    let shown = json(&amparo(data.path(), &["replaced", "--json"]));
    assert_eq!(shown["folder"], kept);
    let deleted = json(&amparo(data.path(), &["replaced", "--delete", "--json"]));
    assert_eq!(deleted["deleted"], true);
    assert!(!Path::new(kept).exists());
    assert!(json(&amparo(data.path(), &["replaced", "--json"])).is_null());
    let names: Vec<_> = json(&amparo(data.path(), &["case", "list", "--json"]))
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["recordName"].as_str().expect("name").to_owned())
        .collect();
    assert_eq!(names, ["Kept"]);
}

#[test]
fn the_example_case_is_marked_fictional() {
    let data = tempfile::tempdir().expect("temp");
    let out = amparo(data.path(), &["case", "example"]);
    assert!(out.status.success());
    let list = String::from_utf8_lossy(&amparo(data.path(), &["case", "list"]).stdout).into_owned();
    assert!(list.contains("[EXAMPLE - FICTIONAL]"), "{list}");
}

#[test]
fn photo_import_files_good_photos_reports_bad_ones_and_lists_them() {
    let data = tempfile::tempdir().expect("temp");
    let files = tempfile::tempdir().expect("files");
    let made = json(&amparo(
        data.path(),
        &["case", "new", "--name", "Ana", "--json"],
    ));
    let id = made["id"].as_str().expect("id");
    let photo = files.path().join("tattoo.jpg");
    image::RgbImage::from_pixel(64, 48, image::Rgb([200, 40, 40]))
        .save(&photo)
        .expect("fixture");
    let letter = files.path().join("letter.jpg");
    std::fs::write(&letter, "not a photo").expect("fixture");

    let out = amparo(
        data.path(),
        &[
            "photo",
            "import",
            "--case",
            id,
            photo.to_str().expect("utf8"),
            letter.to_str().expect("utf8"),
            "--json",
        ],
    );
    assert!(
        !out.status.success(),
        "a failed file makes the exit code non-zero"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("importing 2/2"));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(summary["imported"], 1);
    assert_eq!(summary["outcomes"][1]["result"]["status"], "failed");
    assert_eq!(summary["outcomes"][1]["result"]["code"], "notAnImage");

    let list = json(&amparo(
        data.path(),
        &["photo", "list", "--case", id, "--json"],
    ));
    assert_eq!(list["total"], 1);
    assert_eq!(list["photos"][0]["fileNames"][0], "tattoo.jpg");
    assert_eq!(list["photos"][0]["width"], 64);
}

#[test]
fn a_statement_written_as_json_is_signed_and_printed_from_the_command_line() {
    let data = tempfile::tempdir().expect("temp");
    let case = json(&amparo(
        data.path(),
        &["case", "new", "--name", "Jesús Rivas", "--json"],
    ));
    let case_id = case["id"].as_str().expect("id");
    let declarant = json(&amparo(
        data.path(),
        &[
            "declarant",
            "add",
            "--case",
            case_id,
            "--name",
            "Luis Chacón",
            "--relationship",
            "tattoo artist",
            "--age",
            "41",
            "--reads-english",
            "no",
            "--json",
        ],
    ));
    let draft = serde_json::json!({
        "declarantId": declarant["id"],
        "title": "Declaration of Luis Chacón",
        "titleOriginal": "Declaración de Luis Chacón",
        "language": "es",
        "paragraphs": [
            { "original": "Yo le hice los tatuajes de coronas en 2012.", "english": "I made his crown tattoos in 2012." },
            { "original": "Son por sus padres y los Reyes Magos.", "english": "" }
        ],
        "helper": { "name": "Ana Pérez", "address": "100 Example St", "phone": "555-0100" },
        "place": { "place": "San Cristóbal, Venezuela", "country": "VE" }
    });
    let file = data.path().join("statement.json");
    std::fs::write(&file, draft.to_string()).expect("write");
    let statement = json(&amparo(
        data.path(),
        &[
            "statement",
            "new",
            "--case",
            case_id,
            "--from-json",
            file.to_str().expect("path"),
            "--json",
        ],
    ));
    let id = statement["id"].as_str().expect("id").to_owned();

    // Paragraph 2 has no translation: signing is refused, with the reason.
    let refused = amparo(
        data.path(),
        &[
            "statement",
            "sign",
            &id,
            "--on",
            "2026-11-12",
            "--place",
            "San Cristóbal",
            "--country",
            "VE",
        ],
    );
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(
        why.contains("paragraphs with no English translation: 2"),
        "{why}"
    );

    let mut fixed = draft.clone();
    fixed["paragraphs"][1]["english"] = "They are for his parents and the Three Kings.".into();
    std::fs::write(&file, fixed.to_string()).expect("write");
    json(&amparo(
        data.path(),
        &[
            "statement",
            "edit",
            &id,
            "--from-json",
            file.to_str().expect("path"),
            "--json",
        ],
    ));
    let signed = json(&amparo(
        data.path(),
        &[
            "statement",
            "sign",
            &id,
            "--on",
            "2026-11-12",
            "--place",
            "San Cristóbal, Venezuela",
            "--country",
            "ve",
            "--json",
        ],
    ));
    let stored = signed["pdfSha256"].as_str().expect("hash").to_owned();

    let out = data.path().join("set.pdf");
    json(&amparo(
        data.path(),
        &[
            "print",
            "declaration",
            &id,
            "--out",
            out.to_str().expect("path"),
            "--json",
        ],
    ));
    let bytes = std::fs::read(&out).expect("pdf");
    use sha2::Digest;
    assert_eq!(
        format!("{:x}", sha2::Sha256::digest(&bytes)),
        stored,
        "the stored filing set"
    );
    let text = Command::new("pdftotext")
        .args([out.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("[signed] Luis Chacón"), "{text}");
    assert!(
        text.contains("under the laws of the United States of America"),
        "{text}"
    );
}

#[test]
fn a_packet_is_refused_with_its_reasons_then_printed_as_a_draft_and_exported_for_counsel() {
    let data = tempfile::tempdir().expect("temp");
    let case = json(&amparo(data.path(), &["case", "example", "--json"]));
    let id = case["id"].as_str().expect("id");

    let shown = json(&amparo(data.path(), &["packet", "show", id, "--json"]));
    assert_eq!(shown["letters"], serde_json::json!(["A", "B"]));
    let kinds: Vec<&str> = shown["packet"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["statement", "statement"],
        "both statements; the chronology and rebuttal table go in only when chosen"
    );

    // Unsigned statements and no address to serve DHS at: refused, saying why.
    let pdf = data.path().join("packet.pdf");
    let pdf_arg = pdf.to_str().expect("path");
    let out = amparo(data.path(), &["print", "packet", id, "--out", pdf_arg]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not signed yet"), "{err}");
    assert!(err.contains("address of the DHS office"), "{err}");
    assert!(!pdf.exists(), "nothing written");

    let printed = json(&amparo(
        data.path(),
        &[
            "print", "packet", id, "--out", pdf_arg, "--draft", "--public", "--prefix", "R-",
            "--json",
        ],
    ));
    assert_eq!(printed["files"][0]["firstPage"], 1);
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("R-000001") && text.contains("DRAFT"),
        "{text}"
    );
    assert!(
        text.contains("A-XXX-XXX-222") && !text.contains("000-111-222"),
        "masked"
    );

    // The plain export, asked for (the encrypted one: tests/counsel.rs).
    let out = data.path().join("counsel");
    let export = json(&amparo(
        data.path(),
        &[
            "export",
            "counsel",
            id,
            "--out",
            out.to_str().expect("path"),
            "--plain",
            "--json",
        ],
    ));
    assert_eq!(export["draft"], true);
    let check = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(&out)
        .output()
        .expect("sha256sum");
    assert!(check.status.success());
}

#[test]
fn events_allegations_deadlines_and_search_from_the_command_line() {
    let data = tempfile::tempdir().expect("temp");
    let d = data.path();
    let case = json(&amparo(d, &["--json", "case", "example"]));
    let case_id = case["id"].as_str().expect("id").to_owned();
    let statements = json(&amparo(
        d,
        &["--json", "statement", "list", "--case", &case_id],
    ));
    let mother = statements[0]["id"].as_str().expect("statement").to_owned();

    // An event with a paragraph as its source, then the chronology in order.
    let added = json(&amparo(
        d,
        &[
            "--json",
            "event",
            "add",
            &case_id,
            "--date",
            "about 2009",
            "--kind",
            "other",
            "--description",
            "First crown at the Three Kings parade",
            "--source",
            &format!("statement:{mother}#3"),
        ],
    ));
    assert_eq!(added["sources"][0]["paragraph"], 3);
    let listed =
        String::from_utf8_lossy(&amparo(d, &["event", "list", &case_id]).stdout).into_owned();
    let first = listed.lines().next().unwrap_or_default();
    assert!(first.starts_with("about 2009"), "{listed}");
    assert!(listed.contains("para. 3"), "{listed}");

    // A bad date and an empty description are refused, naming the fields.
    let bad = amparo(d, &["event", "add", &case_id, "--date", "2025-02-30"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("date"));

    let known = json(&amparo(d, &["--json", "event", "known", &case_id]));
    assert!(
        known
            .as_array()
            .expect("known")
            .iter()
            .any(|k| k["event"]["kind"] == "hearing"),
        "{known}"
    );

    let allegation = json(&amparo(
        d,
        &[
            "--json",
            "allegation",
            "add",
            &case_id,
            "--criterion",
            "Tattoos denoting membership",
            "--points",
            "4",
            "--answer",
            &format!("statement:{mother}#5"),
            "--answered",
        ],
    ));
    assert_eq!(allegation["status"], "answered");
    assert_eq!(allegation["answers"][0]["paragraph"], 5);
    let wrong = amparo(
        d,
        &[
            "allegation",
            "add",
            &case_id,
            "--criterion",
            "x",
            "--answer",
            "nonsense",
        ],
    );
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("answers.0"));
    let criteria =
        String::from_utf8_lossy(&amparo(d, &["allegation", "criteria"]).stdout).into_owned();
    assert!(criteria.contains("As reported in the press"), "{criteria}");

    let deadlines =
        String::from_utf8_lossy(&amparo(d, &["deadlines", &case_id]).stdout).into_owned();
    assert!(deadlines.contains("in 45 days"), "{deadlines}");

    // Search: accents folded, and FTS syntax typed as words never errors.
    let found = json(&amparo(d, &["--json", "search", "MAMA"]));
    assert!(
        found["hits"].as_array().is_some_and(|h| !h.is_empty()),
        "{found}"
    );
    for typed in ["\"", "*", "AND", "-", "(", "NEAR", "^", "\"mamá"] {
        let out = amparo(d, &["--json", "search", typed]);
        assert!(
            out.status.success(),
            "{typed}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

#[test]
fn erasing_from_the_command_line_removes_the_case_photos_at_once() {
    let data = tempfile::tempdir().expect("temp");
    let files = tempfile::tempdir().expect("files");
    let made = json(&amparo(
        data.path(),
        &["case", "new", "--name", "Ana", "--json"],
    ));
    let id = made["id"].as_str().expect("id");
    let photo = files.path().join("tattoo.jpg");
    image::RgbImage::from_pixel(64, 48, image::Rgb([200, 40, 40]))
        .save(&photo)
        .expect("fixture");
    json(&amparo(
        data.path(),
        &[
            "photo",
            "import",
            "--case",
            id,
            photo.to_str().expect("utf8"),
            "--json",
        ],
    ));
    let blobs = data.path().join("blobs");
    assert_eq!(
        files_under(&blobs).len(),
        3,
        "original, thumbnail, print copy"
    );
    json(&amparo(
        data.path(),
        &["case", "delete", id, "--confirm-name", "Ana", "--json"],
    ));
    json(&amparo(
        data.path(),
        &["case", "erase", id, "--confirm-name", "Ana", "--json"],
    ));
    assert_eq!(files_under(&blobs), Vec::<std::path::PathBuf>::new());
}

#[test]
fn output_read_only_in_part_ends_quietly() {
    // `amparo case list | head -1`: the reader stops before Amparo writes.
    let data = tempfile::tempdir().expect("temp");
    json(&amparo(data.path(), &["case", "example", "--json"]));
    let out = Command::new("bash")
        .args([
            "-c",
            "set -o pipefail; \"$0\" --data-dir \"$1\" case list --json | true",
        ])
        .arg(env!("CARGO_BIN_EXE_amparo"))
        .arg(data.path())
        .env("AMPARO_PASSPHRASE", support::PASSPHRASE)
        .output()
        .expect("bash");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !said.contains("panicked"), "{said}");
}
