//! `amparo call`: every operation the window uses, by name, with the same
//! JSON, including those that have no friendly subcommand.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

mod support;

use support::{PASSPHRASE, with_vault};

fn call(data: &Path, op: &str, input: Value) -> Output {
    with_vault(data);
    Command::new(env!("CARGO_BIN_EXE_amparo"))
        .arg("--data-dir")
        .arg(data)
        .args(["call", op, &input.to_string()])
        .env_remove("AMPARO_DATA_DIR")
        .env("AMPARO_PASSPHRASE", PASSPHRASE)
        .output()
        .expect("run amparo")
}

fn ok(out: Output) -> Value {
    assert!(
        out.status.success(),
        "amparo call failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn refused(out: Output) -> Value {
    assert!(
        !out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8_lossy(&out.stderr);
    text.lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no JSON error on stderr: {text}"))
}

fn new_case(data: &Path) -> String {
    let mut draft = amparo_core::CaseDraft::default();
    draft.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    let case = ok(call(data, "create_case", json!({ "draft": draft })));
    case["id"].as_str().expect("id").to_owned()
}

#[test]
fn list_names_every_operation_with_its_input() {
    let out = Command::new(env!("CARGO_BIN_EXE_amparo"))
        .args(["call", "--list"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for op in amparo_ops::all() {
        assert!(text.contains(op.name), "{} missing from --list", op.name);
    }
    assert!(
        text.contains("create_tattoo  { \"caseId\": string, \"draft\": TattooDraft }"),
        "{text}"
    );
}

#[test]
fn tattoo_records_are_made_changed_and_removed() {
    let data = tempfile::tempdir().expect("temp");
    let case_id = new_case(data.path());
    let mut draft = amparo_core::TattooDraft {
        body_location: "Left wrist".into(),
        shows_text: "A crown over the word \"mamá\"".into(),
        ..Default::default()
    };
    let made = ok(call(
        data.path(),
        "create_tattoo",
        json!({ "caseId": case_id, "draft": draft }),
    ));
    let id = made["id"].as_str().expect("id").to_owned();
    draft.meaning_english = "It honours my mother".into();
    let changed = ok(call(
        data.path(),
        "update_tattoo",
        json!({ "id": id, "draft": draft }),
    ));
    assert_eq!(changed["meaningEnglish"], "It honours my mother");
    ok(call(data.path(), "delete_tattoo", json!({ "id": id })));
    let list = ok(call(
        data.path(),
        "list_tattoos",
        json!({ "caseId": case_id }),
    ));
    assert_eq!(list, json!([]));
}

#[test]
fn photo_details_are_saved_and_a_bad_date_is_refused_by_field() {
    let data = tempfile::tempdir().expect("temp");
    let case_id = new_case(data.path());
    let file = data.path().join("festival.png");
    image::RgbImage::from_pixel(64, 48, image::Rgb([10, 120, 200]))
        .save(&file)
        .expect("png");
    let summary = ok(call(
        data.path(),
        "import_photos",
        json!({ "caseId": case_id, "paths": [file] }),
    ));
    assert_eq!(summary["imported"], 1, "{summary}");
    let page = ok(call(
        data.path(),
        "list_photos",
        json!({ "caseId": case_id, "offset": 0, "limit": 10 }),
    ));
    let photo = &page["photos"][0];
    let mut details = photo["details"].clone();
    details["caption"] = json!("Los Reyes Magos, Capacho");
    let saved = ok(call(
        data.path(),
        "update_photo_details",
        json!({ "id": photo["id"], "details": details }),
    ));
    assert_eq!(saved["details"]["caption"], "Los Reyes Magos, Capacho");
    details["taken"] = json!({ "year": 2019, "month": 2, "day": 30, "about": false });
    let error = refused(call(
        data.path(),
        "update_photo_details",
        json!({ "id": photo["id"], "details": details }),
    ));
    assert_eq!(error["code"], "invalid");
    assert_eq!(error["fields"][0]["field"], "details.taken");
    let kept = ok(call(data.path(), "get_photo", json!({ "id": photo["id"] })));
    assert_eq!(kept["details"]["taken"], Value::Null);
}

#[test]
fn due_dates_are_added_listed_and_removed() {
    let data = tempfile::tempdir().expect("temp");
    let case_id = new_case(data.path());
    let draft = json!({ "date": "2027-01-15", "title": "Evidence due (judge's order)" });
    let due = ok(call(
        data.path(),
        "add_due_date",
        json!({ "caseId": case_id, "draft": draft }),
    ));
    let deadlines = ok(call(
        data.path(),
        "case_deadlines",
        json!({ "caseId": case_id }),
    ));
    assert!(
        deadlines.to_string().contains("Evidence due"),
        "{deadlines}"
    );
    ok(call(
        data.path(),
        "delete_due_date",
        json!({ "id": due["id"] }),
    ));
    let deadlines = ok(call(
        data.path(),
        "case_deadlines",
        json!({ "caseId": case_id }),
    ));
    assert!(
        !deadlines.to_string().contains("Evidence due"),
        "{deadlines}"
    );
    let bad = refused(call(
        data.path(),
        "add_due_date",
        json!({ "caseId": case_id, "draft": { "date": "2027-02-31", "title": "x" } }),
    ));
    assert_eq!(bad["code"], "invalid");
}

#[test]
fn declarants_and_unsigned_statements_are_deleted_and_a_declarant_with_statements_is_kept() {
    let data = tempfile::tempdir().expect("temp");
    let case_id = new_case(data.path());
    let declarant = amparo_core::DeclarantDraft {
        full_name: "María Elena Moreno de Rivas".into(),
        ..Default::default()
    };
    let mother = ok(call(
        data.path(),
        "create_declarant",
        json!({ "caseId": case_id, "draft": declarant }),
    ));
    let statement = amparo_core::StatementDraft {
        declarant_id: mother["id"].as_str().expect("id").to_owned(),
        language: "es".into(),
        title: "Declaration of María Elena Moreno de Rivas".into(),
        ..Default::default()
    };
    let made = ok(call(
        data.path(),
        "create_statement",
        json!({ "caseId": case_id, "draft": statement }),
    ));
    let in_use = refused(call(
        data.path(),
        "delete_declarant",
        json!({ "id": mother["id"] }),
    ));
    assert_eq!(in_use["code"], "inUse");
    ok(call(
        data.path(),
        "delete_statement",
        json!({ "id": made["id"] }),
    ));
    ok(call(
        data.path(),
        "delete_declarant",
        json!({ "id": mother["id"] }),
    ));
    let left = ok(call(
        data.path(),
        "list_declarants",
        json!({ "caseId": case_id }),
    ));
    assert_eq!(left, json!([]));
}

#[test]
fn a_case_is_deleted_with_its_name_typed_without_accents_and_erased_only_with_its_name() {
    let data = tempfile::tempdir().expect("temp");
    let id = new_case(data.path());
    ok(call(
        data.path(),
        "delete_case",
        json!({ "id": id, "typedName": "rivas moreno, jesus alberto" }),
    ));
    let wrong = refused(call(
        data.path(),
        "erase_case",
        json!({ "id": id, "typedName": "someone else" }),
    ));
    assert_eq!(wrong["code"], "nameMismatch");
    ok(call(
        data.path(),
        "erase_case",
        json!({ "id": id, "typedName": "Rivas Moreno, Jesús Alberto" }),
    ));
    let gone = refused(call(data.path(), "get_case", json!({ "id": id })));
    assert_eq!(gone["code"], "notFound");
}

#[test]
fn whats_next_is_reached_from_the_command_line() {
    let data = tempfile::tempdir().expect("temp");
    let case_id = new_case(data.path());
    let steps = ok(call(
        data.path(),
        "next_steps",
        json!({ "caseId": case_id }),
    ));
    let kinds: Vec<&str> = steps
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["noANumber", "noStatements"], "{steps}");
    let mut draft = amparo_core::CaseDraft::default();
    draft.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    draft.person.a_number = "A-012-345-678".into();
    ok(call(
        data.path(),
        "update_case",
        json!({ "id": case_id, "draft": draft }),
    ));
    let steps = ok(call(
        data.path(),
        "next_steps",
        json!({ "caseId": case_id }),
    ));
    assert!(!steps.to_string().contains("noANumber"), "{steps}");
}
