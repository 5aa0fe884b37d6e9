//! The statement editor saves as the person types. Every pause saves the
//! text, but the custody log records a typed text at most once every ten
//! minutes: it keeps the texts someone chose to keep (each Save), not
//! every pause in typing.

mod support;

use support::Amparo;

fn written_entries(at: &Amparo, case_id: &str, statement: &str) -> usize {
    amparo_casefile::custody_report(&at.store, case_id)
        .expect("custody")
        .entries
        .iter()
        .filter(|e| e.action == "statementWritten" && e.item == format!("statement:{statement}"))
        .count()
}

#[test]
fn typing_is_saved_every_pause_and_logged_once_while_each_save_is_logged() {
    let (mut mother, case_id) = Amparo::with_case(1);
    let statement = mother.store.statements(&case_id).expect("statements")[0]
        .id
        .clone();
    let mut draft = mother.store.statement(&statement).expect("statement").draft;

    let before = written_entries(&mother, &case_id, &statement);
    for text in ["Las", "Las coronas", "Las coronas son por mis padres."] {
        draft.paragraphs[0].original = text.into();
        mother
            .store
            .save_typed_statement(&statement, &draft)
            .expect("typed text saved");
        assert_eq!(
            mother
                .store
                .statement(&statement)
                .expect("read")
                .draft
                .paragraphs[0]
                .original,
            text,
            "each pause is saved"
        );
    }
    let typed = written_entries(&mother, &case_id, &statement);
    assert!(
        typed - before <= 1,
        "three pauses make at most one custody entry, not {}",
        typed - before
    );

    mother
        .store
        .update_statement(&statement, &draft)
        .expect("saved");
    mother
        .store
        .update_statement(&statement, &draft)
        .expect("saved again");
    assert_eq!(written_entries(&mother, &case_id, &statement), typed + 2);
    assert!(
        amparo_casefile::custody_report(&mother.store, &case_id)
            .expect("custody")
            .problems
            .is_empty(),
        "the log still verifies"
    );
}
