use super::*;

fn weak(dir: &Path, passphrase: &str) -> (Vault, RecoveryKey) {
    Vault::create_with_cost(dir, passphrase, KdfCost::WEAK_FOR_TESTS).expect("vault")
}

fn same_keys(a: &Vault, b: &Vault) -> bool {
    a.keys().blob_name("x") == b.keys().blob_name("x")
}

#[test]
fn the_right_passphrase_opens_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (made, _) = weak(dir.path(), "corona de mamá");
    let before = std::fs::read(dir.path().join(VAULT_FILE)).expect("file");
    let opened = Vault::unlock(dir.path(), "corona de mamá").expect("unlock");
    assert!(same_keys(&made, &opened));
    let err = Vault::unlock(dir.path(), "corona de papá").expect_err("wrong");
    assert_eq!(err.code(), "wrongPassphrase");
    assert_eq!(
        std::fs::read(dir.path().join(VAULT_FILE)).expect("file"),
        before
    );
    // The same letters typed decomposed (a + combining accent) still open it.
    assert!(Vault::unlock(dir.path(), "corona de mama\u{301}").is_ok());
}

#[test]
fn the_recovery_words_open_it_when_the_passphrase_is_forgotten() {
    let dir = tempfile::tempdir().expect("dir");
    let (made, recovery) = weak(dir.path(), "reyes magos 2019");
    let words = recovery.words();
    assert_eq!(words.len(), 12);
    // As copied on paper: numbered, capitalised, one word per line.
    let typed: String = words
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{}. {}\n", i + 1, w.to_uppercase()))
        .collect();
    assert!(made.recovery_matches(&typed).expect("check"));
    let opened = Vault::unlock_with_recovery(dir.path(), &typed).expect("recovery");
    assert!(same_keys(&made, &opened));
    opened
        .change_passphrase("nueva frase larga")
        .expect("new passphrase");
    assert!(Vault::unlock(dir.path(), "reyes magos 2019").is_err());
    assert!(same_keys(
        &made,
        &Vault::unlock(dir.path(), "nueva frase larga").expect("unlock")
    ));
    // A swapped word fails the checksum or the key; either way, refused.
    let mut swapped = words.clone();
    swapped.swap(0, 1);
    let err = Vault::unlock_with_recovery(dir.path(), &swapped.join(" ")).expect_err("swapped");
    assert_eq!(err.code(), "wrongRecoveryKey");
    assert!(!made.recovery_matches(&swapped.join(" ")).expect("check"));
    // Another vault's words do not open this one.
    let other = tempfile::tempdir().expect("dir");
    let (_, foreign) = weak(other.path(), "otra frase larga");
    let err =
        Vault::unlock_with_recovery(dir.path(), &foreign.words().join(" ")).expect_err("foreign");
    assert_eq!(err.code(), "wrongRecoveryKey");
}

#[test]
fn a_short_or_empty_passphrase_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("dir");
    for (passphrase, problem) in [
        ("", FieldProblem::Required),
        ("   ", FieldProblem::Required),
        ("mamá", FieldProblem::TooShort),
    ] {
        let Err(Error::Invalid(fields)) = Vault::create(dir.path(), passphrase) else {
            panic!("{passphrase:?} accepted");
        };
        assert_eq!(fields, vec![FieldError::new("passphrase", problem)]);
    }
    assert!(!Vault::exists(dir.path()));
    assert_eq!(
        Vault::unlock(dir.path(), "anything long")
            .expect_err("none")
            .code(),
        "noVault"
    );
}

#[test]
fn a_second_vault_is_never_made_over_the_first() {
    let dir = tempfile::tempdir().expect("dir");
    let (first, _) = weak(dir.path(), "primera frase");
    let err = Vault::create_with_cost(dir.path(), "segunda frase", KdfCost::WEAK_FOR_TESTS)
        .expect_err("second");
    assert_eq!(err.code(), "vaultExists");
    assert!(same_keys(
        &first,
        &Vault::unlock(dir.path(), "primera frase").expect("unlock")
    ));
}

#[test]
fn the_vault_file_holds_no_key_in_the_clear_and_a_damaged_one_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    weak(dir.path(), "frase de prueba");
    let text = std::fs::read_to_string(dir.path().join(VAULT_FILE)).expect("file");
    assert!(text.contains("\"memoryKib\""), "{text}");
    assert!(!text.contains("frase"));
    std::fs::write(dir.path().join(VAULT_FILE), "{\"format\": 2}").expect("damage");
    let err = Vault::unlock(dir.path(), "frase de prueba").expect_err("damaged");
    assert_eq!(err.code(), "vaultDamaged");
    use std::os::unix::fs::PermissionsExt;
    let dir2 = tempfile::tempdir().expect("dir");
    weak(dir2.path(), "frase de prueba");
    let mode = std::fs::metadata(dir2.path().join(VAULT_FILE))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}
