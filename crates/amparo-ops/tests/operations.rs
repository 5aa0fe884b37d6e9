//! The catalog as hosts use it: by name, with the window's JSON.

use amparo_core::vault::KdfCost;
use amparo_ops::{Reach, Slot};
use serde_json::{Value, json};

const PASSPHRASE: &str = "frase de prueba larga";

/// A new data folder, its vault made and unlocked through the catalog.
fn slot() -> (tempfile::TempDir, Slot) {
    let dir = tempfile::tempdir().expect("temp dir");
    let slot = Slot::open_with_cost(Ok(dir.path().to_path_buf()), KdfCost::WEAK_FOR_TESTS);
    call(&slot, "create_vault", json!({ "passphrase": PASSPHRASE })).expect("vault");
    (dir, slot)
}

fn call(slot: &Slot, op: &str, input: Value) -> Result<Value, amparo_core::ErrorPayload> {
    slot.call(op, input, Reach::Host, &|_| {})
        .map_err(amparo_core::ErrorPayload::from)
}

fn new_case(slot: &Slot) -> String {
    let draft = serde_json::to_value(amparo_core::CaseDraft {
        person: amparo_core::Person {
            record_name: "Rivas Moreno, Jesús Alberto".into(),
            ..Default::default()
        },
        ..Default::default()
    })
    .expect("draft");
    let case = call(slot, "create_case", json!({ "draft": draft })).expect("create");
    case["id"].as_str().expect("id").to_owned()
}

#[test]
fn names_are_unique_and_every_operation_says_what_it_does() {
    let mut names: Vec<&str> = amparo_ops::all().map(|op| op.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), amparo_ops::all().count());
    for op in amparo_ops::all() {
        assert!(!op.summary.trim().is_empty(), "{} has no summary", op.name);
    }
}

#[test]
fn the_window_cannot_reach_an_operation_that_names_files() {
    let (_dir, slot) = slot();
    let refused = slot
        .call(
            "back_up_into",
            json!({ "folder": "/tmp" }),
            Reach::Window,
            &|_| {},
        )
        .map_err(amparo_core::ErrorPayload::from)
        .expect_err("refused");
    assert_eq!(refused.code, "notFromWindow");
    let unknown = call(&slot, "drop_tables", json!({})).expect_err("unknown");
    assert_eq!(unknown.code, "unknownOperation");
}

#[test]
fn bad_input_is_refused_by_shape_and_the_a_number_rule_is_the_cores() {
    let (_dir, slot) = slot();
    let missing = call(&slot, "get_case", json!({})).expect_err("no id");
    assert_eq!(missing.code, "badInput");
    let mut draft = amparo_core::CaseDraft::default();
    draft.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    draft.person.a_number = "A#12345678".into();
    let case = call(&slot, "create_case", json!({ "draft": draft })).expect("A# accepted");
    assert_eq!(case["person"]["aNumber"], "A-012-345-678");
}

#[test]
fn a_newer_database_is_reported_as_newer_by_prints_too() {
    let (dir, slot) = slot();
    let id = new_case(&slot);
    drop(slot);
    let conn = rusqlite_like_bump(dir.path());
    assert!(conn, "schema version bumped");
    let slot = Slot::open(Ok(dir.path().to_path_buf()));
    let refused = call(&slot, "unlock", json!({ "passphrase": PASSPHRASE })).expect_err("newer");
    assert_eq!(refused.code, "newerDatabase");
    for (op, input) in [
        ("list_cases", json!({ "query": "" })),
        ("statement_checks", json!({ "id": "x" })),
        ("get_packet", json!({ "caseId": id })),
    ] {
        let refused = call(&slot, op, input).expect_err("refused");
        assert_eq!(refused.code, "newerDatabase", "{op}");
    }
}

/// Marks the database as written by a newer Amparo, the way a newer
/// version would (its schema version in `user_version`).
fn rusqlite_like_bump(dir: &std::path::Path) -> bool {
    let vault = amparo_core::Vault::unlock(dir, PASSPHRASE).expect("unlock");
    let store = amparo_core::Store::open(dir, vault.keys()).expect("open");
    store
        .raw_execute_for_tests(&format!(
            "PRAGMA user_version = {}",
            amparo_core::SCHEMA_VERSION + 1
        ))
        .is_ok()
}

#[test]
fn a_photo_taken_about_2019_is_sworn_as_about_2019_in_both_languages() {
    let (dir, slot) = slot();
    let case_id = new_case(&slot);
    let photo = dir.path().join("wrist.png");
    image_png(&photo);
    let summary = call(
        &slot,
        "import_photos",
        json!({ "caseId": case_id, "paths": [photo] }),
    )
    .expect("import");
    assert_eq!(summary["imported"], 1, "{summary}");
    let page = call(
        &slot,
        "list_photos",
        json!({ "caseId": case_id, "offset": 0, "limit": 10 }),
    )
    .expect("photos");
    let photo_id = page["photos"][0]["id"].as_str().expect("id").to_owned();
    let statement_id = statement_by(&slot, &case_id, "María Elena Moreno de Rivas");
    let cases = [
        (
            json!({ "year": 2019, "month": null, "day": null, "about": true }),
            "in or about 2019",
            "alrededor de 2019",
        ),
        (
            json!({ "year": 2019, "month": 3, "day": null, "about": false }),
            "in March 2019",
            "en marzo de 2019",
        ),
        (
            json!({ "year": 2019, "month": 3, "day": 4, "about": false }),
            "on March 4, 2019",
            "el 4 de marzo de 2019",
        ),
    ];
    for (taken, en, es) in cases {
        let mut details = page["photos"][0]["details"].clone();
        details["caption"] = json!("the crowns on his wrists");
        details["taken"] = taken;
        call(
            &slot,
            "update_photo_details",
            json!({ "id": photo_id, "details": details }),
        )
        .expect("details");
        let paragraph = call(
            &slot,
            "attest_photo",
            json!({ "statementId": statement_id, "photoId": photo_id }),
        )
        .expect("attest");
        let english = paragraph["english"].as_str().expect("english");
        let spanish = paragraph["original"].as_str().expect("original");
        assert!(
            english.contains(&format!("It was taken {en}.")),
            "{english}"
        );
        assert!(spanish.contains(&format!("Fue tomada {es}.")), "{spanish}");
        assert!(!english.contains("January 1"), "{english}");
        assert!(
            english.starts_with(
                "Exhibit A is a true and accurate photograph of the crowns on his wrists."
            ),
            "{english}"
        );
    }
}

/// A Spanish statement by a new declarant named `name`.
fn statement_by(slot: &Slot, case_id: &str, name: &str) -> String {
    let declarant = amparo_core::DeclarantDraft {
        full_name: name.into(),
        ..Default::default()
    };
    let declarant = call(
        slot,
        "create_declarant",
        json!({ "caseId": case_id, "draft": declarant }),
    )
    .expect("declarant");
    let draft = amparo_core::StatementDraft {
        declarant_id: declarant["id"].as_str().expect("id").to_owned(),
        language: "es".into(),
        title: format!("Declaración de {name}"),
        ..Default::default()
    };
    let statement = call(
        slot,
        "create_statement",
        json!({ "caseId": case_id, "draft": draft }),
    )
    .expect("statement");
    statement["id"].as_str().expect("id").to_owned()
}

/// A small real PNG.
fn image_png(path: &std::path::Path) {
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 80]))
        .save(path)
        .expect("write png");
}

#[test]
fn a_refused_signing_carries_the_checks_the_core_computed() {
    let (_dir, slot) = slot();
    let case_id = new_case(&slot);
    let statement_id = statement_by(&slot, &case_id, "Luis Gómez");
    let signing = json!({
        "signedOn": "2026-11-30",
        "place": { "place": "Capacho, Venezuela", "country": "VE", "usDetentionFacility": false }
    });
    let refused = call(
        &slot,
        "sign_statement",
        json!({ "id": statement_id, "signing": signing, "scans": [] }),
    )
    .expect_err("nothing to sign");
    assert_eq!(refused.code, "notReady");
    let codes: Vec<String> = refused
        .checks
        .iter()
        .map(|c| {
            serde_json::to_value(c.code)
                .expect("code")
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert!(codes.contains(&"noParagraphs".to_owned()), "{codes:?}");
    assert!(
        refused.checks.iter().all(|c| !c.message.is_empty()),
        "{:?}",
        refused.checks
    );
}

#[test]
fn after_an_operation_fails_midway_every_call_says_so_plainly() {
    let (_dir, slot) = slot();
    let crashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _: Result<(), amparo_ops::Error> = slot.with(&|_| {}, |_| panic!("midway"));
    }));
    assert!(crashed.is_err());
    for (op, input) in [
        ("list_cases", json!({ "query": "" })),
        ("statement_checks", json!({ "id": "x" })),
    ] {
        let refused = call(&slot, op, input).expect_err("refused");
        assert_eq!(refused.code, "storage", "{op}");
        assert!(
            refused.message.contains("restart Amparo"),
            "{}",
            refused.message
        );
    }
}
