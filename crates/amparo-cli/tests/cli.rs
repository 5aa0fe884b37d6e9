//! The `amparo` command as a script or a person uses it.

use std::path::Path;
use std::process::{Command, Output};

fn amparo(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_amparo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("AMPARO_DATA_DIR")
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
    assert!(restored["replacedDataKeptIn"].is_string());
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
