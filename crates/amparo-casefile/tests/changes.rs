//! A case goes back and forth: what was changed on one side only is taken
//! on the other; what was changed on both sides keeps both texts until
//! someone chooses; nobody's words are lost or overwritten silently.

mod support;

use std::path::Path;

use amparo_casefile::{Mode, Opened, SendTo, open_case_file, send_case};
use amparo_core::{Contact, Keep};
use support::Amparo;

fn send(from: &mut Amparo, case_id: &str, to: &Contact, out: &Path) {
    send_case(
        &mut from.store,
        &from.blobs,
        case_id,
        &SendTo::Contacts(vec![to.clone()]),
        out,
    )
    .expect("send");
}

fn open(at: &mut Amparo, file: &Path, mode: Mode) -> Opened {
    open_case_file(&mut at.store, &at.blobs, file, None, mode).expect("open")
}

fn first_statement(at: &Amparo, case_id: &str) -> String {
    at.store.statements(case_id).expect("statements")[0]
        .id
        .clone()
}

/// Rewrites the statement's first paragraph's original text.
fn write_paragraph(at: &mut Amparo, statement_id: &str, text: &str) {
    let mut draft = at.store.statement(statement_id).expect("statement").draft;
    draft.paragraphs[0].original = text.into();
    at.store
        .update_statement(statement_id, &draft)
        .expect("statement saved");
}

fn paragraph(at: &Amparo, statement_id: &str) -> String {
    at.store
        .statement(statement_id)
        .expect("statement")
        .draft
        .paragraphs[0]
        .original
        .clone()
}

/// Nothing waits to be chosen at `at`, and its custody log verifies
/// (a version taken is logged as written, by this device).
fn nothing_to_choose_and_the_log_verifies(at: &Amparo, case_id: &str) {
    let waiting = at.store.arrived_changes(case_id).expect("changes");
    assert!(waiting.is_empty(), "{waiting:?}");
    let log = amparo_casefile::custody_report(&at.store, case_id).expect("custody");
    assert!(log.problems.is_empty(), "{:?}", log.problems);
}

struct Pair {
    mother: Amparo,
    advocate: Amparo,
    to_advocate: Contact,
    to_mother: Contact,
    case_id: String,
    out: tempfile::TempDir,
}

/// The mother's case, sent to the advocate and opened there.
fn pair() -> Pair {
    let (mut mother, case_id) = Amparo::with_case(1);
    let mut advocate = Amparo::empty();
    let to_advocate = mother.add("Ana", &mut advocate);
    let to_mother = advocate.add("Rosa", &mut mother);
    let out = tempfile::tempdir().expect("out");
    let there = out.path().join("there.amparo");
    send(&mut mother, &case_id, &to_advocate, &there);
    open(&mut advocate, &there, Mode::Open);
    Pair {
        mother,
        advocate,
        to_advocate,
        to_mother,
        case_id,
        out,
    }
}

#[test]
fn a_statement_changed_only_at_the_advocates_is_taken_when_it_comes_back() {
    let mut p = pair();
    let statement = first_statement(&p.mother, &p.case_id);
    let before = p
        .mother
        .store
        .statement(&statement)
        .expect("statement")
        .draft;
    let corrected = "Me tatué las coronas a los 12 años, en Capacho, por mis padres.";
    write_paragraph(&mut p.advocate, &statement, corrected);
    let mut case = p.advocate.store.case(&p.case_id).expect("case").to_draft();
    case.notes = "Hearing moved to January.".into();
    p.advocate
        .store
        .update_case(&p.case_id, &case)
        .expect("case saved");

    let back = p.out.path().join("back.amparo");
    send(&mut p.advocate, &p.case_id, &p.to_mother, &back);
    let preview = open(&mut p.mother, &back, Mode::DryRun);
    let taken = preview.taken.expect("what it would bring");
    assert!(
        taken.updated.contains(&format!("statement/{statement}")),
        "{taken:?}"
    );
    assert!(
        taken.updated.contains(&format!("cases/{}", p.case_id)),
        "{taken:?}"
    );
    assert!(taken.to_choose.is_empty(), "{taken:?}");
    assert_eq!(
        paragraph(&p.mother, &statement),
        before.paragraphs[0].original,
        "a dry run keeps nothing"
    );

    open(&mut p.mother, &back, Mode::Open);
    assert_eq!(paragraph(&p.mother, &statement), corrected);
    let draft = p
        .mother
        .store
        .statement(&statement)
        .expect("statement")
        .draft;
    assert_eq!(draft.paragraphs.len(), before.paragraphs.len());
    assert_eq!(
        draft.paragraphs[1..],
        before.paragraphs[1..],
        "the other paragraphs are as they were"
    );
    assert_eq!(
        p.mother.store.case(&p.case_id).expect("case").notes,
        "Hearing moved to January."
    );
    nothing_to_choose_and_the_log_verifies(&p.mother, &p.case_id);
    let hers = p.mother.code().signing_key;
    let log = amparo_casefile::custody_report(&p.mother.store, &p.case_id).expect("custody");
    let opened = log
        .entries
        .iter()
        .rposition(|e| e.device_key == hers && e.action == "opened")
        .expect("the opening is logged");
    assert!(
        log.entries
            .iter()
            .skip(opened + 1)
            .any(|e| e.device_key == hers
                && e.action == "statementWritten"
                && e.item == format!("statement:{statement}")),
        "the statement taken is logged as written here: {:?}",
        log.entries
    );

    // And her next change goes the other way the same way.
    write_paragraph(&mut p.mother, &statement, "Las coronas son por mis padres.");
    let again = p.out.path().join("again.amparo");
    send(&mut p.mother, &p.case_id, &p.to_advocate, &again);
    open(&mut p.advocate, &again, Mode::Open);
    assert_eq!(
        paragraph(&p.advocate, &statement),
        "Las coronas son por mis padres."
    );
}

#[test]
fn a_statement_changed_on_both_sides_keeps_both_texts_until_one_is_chosen() {
    let mut p = pair();
    let statement = first_statement(&p.mother, &p.case_id);
    write_paragraph(
        &mut p.advocate,
        &statement,
        "Texto de la oficina de ayuda legal.",
    );
    write_paragraph(&mut p.mother, &statement, "Texto de la madre.");
    let back = p.out.path().join("back.amparo");
    send(&mut p.advocate, &p.case_id, &p.to_mother, &back);

    let opened = open(&mut p.mother, &back, Mode::Open);
    let taken = opened.taken.expect("taken");
    assert_eq!(
        taken.to_choose,
        vec![format!("statement/{statement}")],
        "{taken:?}"
    );
    assert_eq!(
        paragraph(&p.mother, &statement),
        "Texto de la madre.",
        "hers is kept"
    );
    let changes = p.mother.store.arrived_changes(&p.case_id).expect("changes");
    assert_eq!(changes.len(), 1, "{changes:?}");
    let change = &changes[0];
    assert_eq!(change.kind, "statements");
    assert_eq!(change.from.as_deref(), Some("Ana"));
    let field = change
        .fields
        .iter()
        .find(|f| f.paragraph == Some(1) && f.field == "original")
        .expect("the first paragraph differs");
    assert_eq!(field.here, "Texto de la madre.");
    assert_eq!(field.theirs, "Texto de la oficina de ayuda legal.");

    // Choosing the advocate's makes it the text here, logged as written.
    p.mother
        .store
        .settle_arrived_change(&change.id, Keep::Theirs)
        .expect("chosen");
    assert_eq!(
        paragraph(&p.mother, &statement),
        "Texto de la oficina de ayuda legal."
    );
    nothing_to_choose_and_the_log_verifies(&p.mother, &p.case_id);
    assert!(
        p.mother
            .store
            .settle_arrived_change(&change.id, Keep::Here)
            .is_err(),
        "a choice is made once"
    );
}

#[test]
fn keeping_this_copys_text_is_remembered_and_not_asked_again() {
    let mut p = pair();
    let statement = first_statement(&p.mother, &p.case_id);
    write_paragraph(&mut p.advocate, &statement, "Texto de la oficina.");
    write_paragraph(&mut p.mother, &statement, "Texto de la madre.");
    let back = p.out.path().join("back.amparo");
    send(&mut p.advocate, &p.case_id, &p.to_mother, &back);
    open(&mut p.mother, &back, Mode::Open);
    let change = p.mother.store.arrived_changes(&p.case_id).expect("changes")[0].clone();
    p.mother
        .store
        .settle_arrived_change(&change.id, Keep::Here)
        .expect("kept");
    assert_eq!(paragraph(&p.mother, &statement), "Texto de la madre.");

    // The advocate sends again with nothing new in the statement: hers stays,
    // and nothing is asked.
    let again = p.out.path().join("again.amparo");
    send(&mut p.advocate, &p.case_id, &p.to_mother, &again);
    let taken = open(&mut p.mother, &again, Mode::Open)
        .taken
        .expect("taken");
    assert!(taken.to_choose.is_empty(), "{taken:?}");
    assert!(
        taken.kept_here.contains(&format!("statement/{statement}")),
        "{taken:?}"
    );
    assert_eq!(paragraph(&p.mother, &statement), "Texto de la madre.");
}

#[test]
fn two_helpers_changing_the_same_statement_never_overwrite_each_other_silently() {
    let mut p = pair();
    let mut counsel = Amparo::empty();
    let to_counsel = p.mother.add("Counsel", &mut counsel);
    let counsel_to_mother = counsel.add("Rosa", &mut p.mother);
    let statement = first_statement(&p.mother, &p.case_id);
    let to_counsel_file = p.out.path().join("counsel.amparo");
    send(&mut p.mother, &p.case_id, &to_counsel, &to_counsel_file);
    open(&mut counsel, &to_counsel_file, Mode::Open);

    write_paragraph(&mut p.advocate, &statement, "La versión de la oficina.");
    write_paragraph(&mut counsel, &statement, "La versión del abogado.");
    let from_advocate = p.out.path().join("from-advocate.amparo");
    let from_counsel = p.out.path().join("from-counsel.amparo");
    send(&mut p.advocate, &p.case_id, &p.to_mother, &from_advocate);
    send(&mut counsel, &p.case_id, &counsel_to_mother, &from_counsel);

    open(&mut p.mother, &from_advocate, Mode::Open);
    assert_eq!(
        paragraph(&p.mother, &statement),
        "La versión de la oficina.",
        "she had not changed it: the advocate's is taken"
    );
    let taken = open(&mut p.mother, &from_counsel, Mode::Open)
        .taken
        .expect("taken");
    assert_eq!(taken.to_choose, vec![format!("statement/{statement}")]);
    assert_eq!(
        paragraph(&p.mother, &statement),
        "La versión de la oficina.",
        "counsel's does not silently replace the advocate's"
    );
    let change = &p.mother.store.arrived_changes(&p.case_id).expect("changes")[0];
    assert_eq!(change.from.as_deref(), Some("Counsel"));
}

#[test]
fn a_file_from_an_unknown_copy_never_replaces_what_is_here() {
    // Sent with a passphrase, the case comes back from a device this copy
    // never sent it to: every difference is asked, none taken.
    let (mut mother, case_id) = Amparo::with_case(1);
    let mut helper = Amparo::empty();
    let out = tempfile::tempdir().expect("out");
    let there = out.path().join("there.amparo");
    send_case(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        &SendTo::Passphrase("a long shared passphrase".into()),
        &there,
    )
    .expect("send");
    open_case_file(
        &mut helper.store,
        &helper.blobs,
        &there,
        Some("a long shared passphrase"),
        Mode::Open,
    )
    .expect("open");
    let statement = first_statement(&mother, &case_id);
    write_paragraph(&mut helper, &statement, "Texto del ayudante.");
    let to_mother = helper.add("Rosa", &mut mother);
    let back = out.path().join("back.amparo");
    send(&mut helper, &case_id, &to_mother, &back);
    let taken = open(&mut mother, &back, Mode::Open).taken.expect("taken");
    assert!(taken.updated.is_empty(), "{taken:?}");
    assert_eq!(taken.to_choose, vec![format!("statement/{statement}")]);
    let change = &mother.store.arrived_changes(&case_id).expect("changes")[0];
    assert_eq!(change.from, None, "not a contact");
    assert_eq!(
        change.from_device.as_deref(),
        Some("Amparo"),
        "named as their Amparo names itself in the custody log"
    );
}
