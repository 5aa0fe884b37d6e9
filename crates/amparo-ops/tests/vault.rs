//! Locking and unlocking as the window does it, through the catalog: a
//! locked Amparo answers no case question, a wrong passphrase changes
//! nothing, the recovery words open it and set a new passphrase, and
//! locking drops what was open.

use amparo_core::vault::KdfCost;
use amparo_ops::{Reach, Slot, VaultState};
use serde_json::{Value, json};

fn call(slot: &Slot, op: &str, input: Value) -> Result<Value, amparo_core::ErrorPayload> {
    slot.call(op, input, Reach::Window, &|_| {})
        .map_err(amparo_core::ErrorPayload::from)
}

fn open(dir: &std::path::Path) -> Slot {
    Slot::open_with_cost(Ok(dir.to_path_buf()), KdfCost::WEAK_FOR_TESTS)
}

fn new_case(slot: &Slot) -> Result<Value, amparo_core::ErrorPayload> {
    let mut draft = amparo_core::CaseDraft::default();
    draft.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    call(slot, "create_case", json!({ "draft": draft }))
}

#[test]
fn nothing_answers_before_the_vault_is_made_or_unlocked() {
    let dir = tempfile::tempdir().expect("dir");
    let slot = open(dir.path());
    assert_eq!(slot.status().state, VaultState::NoVault);
    assert_eq!(new_case(&slot).expect_err("no vault").code, "noVault");
    let short = call(&slot, "create_vault", json!({ "passphrase": "corta" })).expect_err("short");
    assert_eq!(short.code, "invalid");
    assert_eq!(short.fields[0].field, "passphrase");
    assert_eq!(slot.status().state, VaultState::NoVault);

    let made = call(
        &slot,
        "create_vault",
        json!({ "passphrase": "corona de mamá" }),
    )
    .expect("made");
    let words: Vec<String> = serde_json::from_value(made["recoveryWords"].clone()).expect("words");
    assert_eq!(words.len(), 12);
    assert_eq!(slot.status().state, VaultState::Unlocked);
    assert_eq!(
        call(
            &slot,
            "confirm_recovery_words",
            json!({ "words": words.join(" ") })
        )
        .expect("check"),
        json!(true)
    );
    assert_eq!(
        call(
            &slot,
            "confirm_recovery_words",
            json!({ "words": words[..11].join(" ") })
        )
        .expect("check"),
        json!(false)
    );
    new_case(&slot).expect("case");

    call(&slot, "lock", json!({})).expect("lock");
    assert_eq!(slot.status().state, VaultState::Locked);
    let refused = call(&slot, "list_cases", json!({ "query": "" })).expect_err("locked");
    assert_eq!(refused.code, "locked");
    assert!(slot.blobs().is_none(), "the blob keys are dropped at lock");
    let refused = call(
        &slot,
        "confirm_recovery_words",
        json!({ "words": words.join(" ") }),
    )
    .expect_err("locked");
    assert_eq!(refused.code, "locked");

    let wrong =
        call(&slot, "unlock", json!({ "passphrase": "corona de papá" })).expect_err("wrong");
    assert_eq!(wrong.code, "wrongPassphrase");
    assert_eq!(slot.status().state, VaultState::Locked);
    call(&slot, "unlock", json!({ "passphrase": "corona de mamá" })).expect("unlock");
    let cases = call(&slot, "list_cases", json!({ "query": "" })).expect("cases");
    assert_eq!(cases.as_array().expect("list").len(), 1);
}

#[test]
fn the_recovery_words_open_a_restarted_amparo_and_set_a_new_passphrase() {
    let dir = tempfile::tempdir().expect("dir");
    let words = {
        let slot = open(dir.path());
        let made = call(
            &slot,
            "create_vault",
            json!({ "passphrase": "olvidada pronto" }),
        )
        .expect("made");
        new_case(&slot).expect("case");
        serde_json::from_value::<Vec<String>>(made["recoveryWords"].clone()).expect("words")
    };
    let slot = open(dir.path());
    assert_eq!(slot.status().state, VaultState::Locked);
    let bad = call(
        &slot,
        "unlock_with_recovery",
        json!({ "words": "abandon ability able", "newPassphrase": "nueva frase larga" }),
    )
    .expect_err("bad words");
    assert_eq!(bad.code, "wrongRecoveryKey");
    let short = call(
        &slot,
        "unlock_with_recovery",
        json!({ "words": words.join(" "), "newPassphrase": "corta" }),
    )
    .expect_err("short");
    assert_eq!(short.code, "invalid");
    assert_eq!(
        slot.status().state,
        VaultState::Locked,
        "a refused new passphrase leaves it locked"
    );
    call(
        &slot,
        "unlock_with_recovery",
        json!({ "words": words.join("\n"), "newPassphrase": "nueva frase larga" }),
    )
    .expect("recovered");
    assert_eq!(
        call(&slot, "list_cases", json!({ "query": "" }))
            .expect("cases")
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    call(&slot, "lock", json!({})).expect("lock");
    assert_eq!(
        call(&slot, "unlock", json!({ "passphrase": "olvidada pronto" }))
            .expect_err("old")
            .code,
        "wrongPassphrase"
    );
    call(
        &slot,
        "unlock",
        json!({ "passphrase": "nueva frase larga" }),
    )
    .expect("new passphrase");

    let wrong = call(
        &slot,
        "change_passphrase",
        json!({ "current": "no es", "newPassphrase": "otra frase larga" }),
    )
    .expect_err("wrong current");
    assert_eq!(wrong.code, "wrongPassphrase");
    call(
        &slot,
        "change_passphrase",
        json!({ "current": "nueva frase larga", "newPassphrase": "otra frase larga" }),
    )
    .expect("changed");
    call(&slot, "lock", json!({})).expect("lock");
    call(&slot, "unlock", json!({ "passphrase": "otra frase larga" }))
        .expect("changed passphrase opens");
}
