//! Declarants and statements in the store: paragraphs saved whole and in
//! order, bad input refused field by field, signed versions that never
//! change, and exhibit letters that stay put.

use amparo_core::{
    CaseDraft, DeclarantDraft, Error, ExhibitItem, ExhibitKind, FieldProblem, Paragraph,
    SigningPlace, SigningRecord, StatementDraft, Store, TattooDraft,
};

fn case(store: &mut Store) -> String {
    let mut d = CaseDraft::default();
    d.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    store.create_case(&d).expect("case").id
}

fn declarant(store: &mut Store, case_id: &str) -> String {
    let d = DeclarantDraft {
        full_name: "  Luis Fernando Chacón  ".into(),
        relationship: "tattoo artist".into(),
        languages: vec!["español".into(), " ".into()],
        ..DeclarantDraft::default()
    };
    store.create_declarant(case_id, &d).expect("declarant").id
}

fn statement(declarant_id: &str, texts: &[&str]) -> StatementDraft {
    StatementDraft {
        declarant_id: declarant_id.into(),
        title: "Declaration of Luis Fernando Chacón".into(),
        language: "es".into(),
        paragraphs: texts
            .iter()
            .map(|t| Paragraph {
                original: (*t).into(),
                english: format!("EN {t}"),
                exhibits: vec![],
            })
            .collect(),
        ..StatementDraft::default()
    }
}

fn field_problems(e: Error) -> Vec<(String, FieldProblem)> {
    match e {
        Error::Invalid(fields) => fields.into_iter().map(|f| (f.field, f.problem)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_declarant_is_trimmed_and_needs_a_name() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store);
    let id = declarant(&mut store, &case_id);
    let saved = store.declarant(&id).expect("declarant");
    assert_eq!(saved.record.full_name, "Luis Fernando Chacón");
    assert_eq!(saved.record.languages, vec!["español"]);
    let empty = store
        .create_declarant(&case_id, &DeclarantDraft::default())
        .expect_err("no name");
    assert_eq!(
        field_problems(empty),
        vec![("fullName".into(), FieldProblem::Required)]
    );
}

#[test]
fn paragraphs_keep_the_order_they_were_saved_in() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store);
    let d = declarant(&mut store, &case_id);
    let created = store
        .create_statement(&case_id, &statement(&d, &["uno", "dos", "tres"]))
        .expect("statement");
    let mut moved = created.draft.clone();
    moved.paragraphs.swap(0, 2);
    let saved = store.update_statement(&created.id, &moved).expect("moved");
    let order: Vec<&str> = saved
        .draft
        .paragraphs
        .iter()
        .map(|p| p.original.as_str())
        .collect();
    assert_eq!(order, ["tres", "dos", "uno"]);
    let listed = store.statements(&case_id).expect("list");
    assert_eq!(listed[0].paragraphs, 3);
    assert_eq!(listed[0].declarant_name, "Luis Fernando Chacón");
}

#[test]
fn bad_statements_are_refused_whole_and_name_each_field() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store);
    let d = declarant(&mut store, &case_id);
    let created = store
        .create_statement(&case_id, &statement(&d, &["uno"]))
        .expect("statement");
    let mut bad = created.draft.clone();
    bad.title = "   ".into();
    bad.language = "Spanish!".into();
    bad.place.country = "Venezuela".into();
    bad.paragraphs.push(Paragraph {
        original: "x".repeat(50_001),
        ..Paragraph::default()
    });
    let problems = field_problems(store.update_statement(&created.id, &bad).expect_err("bad"));
    assert!(problems.contains(&("title".into(), FieldProblem::Required)));
    assert!(problems.contains(&("language".into(), FieldProblem::Unknown)));
    assert!(problems.contains(&("place.country".into(), FieldProblem::Unknown)));
    assert!(problems.contains(&("paragraphs.1.original".into(), FieldProblem::TooLong)));
    assert_eq!(
        store.statement(&created.id).expect("kept").draft,
        created.draft
    );

    let other_case = case(&mut store);
    let foreign = store.create_statement(&other_case, &statement(&d, &["uno"]));
    assert!(foreign.is_err(), "a declarant of another case");
}

#[test]
fn a_signed_version_never_changes_and_keeps_its_statement() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store);
    let d = declarant(&mut store, &case_id);
    let created = store
        .create_statement(&case_id, &statement(&d, &["uno"]))
        .expect("statement");
    let signing = SigningRecord {
        signed_on: "2026-11-12".into(),
        place: SigningPlace {
            place: "San Cristóbal, Venezuela".into(),
            country: "VE".into(),
            us_detention_facility: false,
            ..SigningPlace::default()
        },
    };
    let pdf = "ab".repeat(32);
    let mut stale = created.draft.clone();
    stale.title = "Another title".into();
    assert!(matches!(
        store.add_signed_version(&created.id, &stale, &signing, &pdf, &[]),
        Err(Error::Changed(_))
    ));
    let future = SigningRecord {
        signed_on: "2999-01-01".into(),
        ..signing.clone()
    };
    assert!(
        store
            .add_signed_version(&created.id, &created.draft, &future, &pdf, &[])
            .is_err()
    );
    let version = store
        .add_signed_version(
            &created.id,
            &created.draft,
            &signing,
            &pdf,
            &["cd".repeat(32)],
        )
        .expect("signed");
    assert_eq!(version.number, 1);
    assert!(store.referenced_hashes().expect("hashes").contains(&pdf));
    assert!(
        store
            .referenced_hashes()
            .expect("hashes")
            .contains(&"cd".repeat(32))
    );
    assert!(matches!(
        store.delete_statement(&created.id),
        Err(Error::InUse(_))
    ));
    assert!(matches!(store.delete_declarant(&d), Err(Error::InUse(_))));
    let tamper = store.raw_execute_for_tests("UPDATE signed_versions SET signed_on = '2026-01-01'");
    assert!(
        tamper.is_err(),
        "the database itself refuses to change a signed version"
    );
}

#[test]
fn exhibit_letters_are_given_once_and_kept() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store);
    let tattoo = |store: &mut Store, place: &str| {
        store
            .create_tattoo(
                &case_id,
                &TattooDraft {
                    body_location: place.into(),
                    ..TattooDraft::default()
                },
            )
            .expect("tattoo")
            .id
    };
    let left = ExhibitItem {
        kind: ExhibitKind::Tattoo,
        id: tattoo(&mut store, "left wrist"),
    };
    let right = ExhibitItem {
        kind: ExhibitKind::Tattoo,
        id: tattoo(&mut store, "right wrist"),
    };
    assert_eq!(store.assign_exhibit_letter(&left).expect("A").letter, "A");
    assert_eq!(store.assign_exhibit_letter(&right).expect("B").letter, "B");
    assert_eq!(
        store.assign_exhibit_letter(&left).expect("again").letter,
        "A"
    );
    let letters = store.exhibit_letters(&case_id).expect("letters");
    assert_eq!(letters[1].label, "right wrist");
    let missing = ExhibitItem {
        kind: ExhibitKind::Photo,
        id: "nope".into(),
    };
    assert!(store.assign_exhibit_letter(&missing).is_err());
}

#[test]
fn erasing_a_case_takes_its_declarants_statements_and_signed_versions() {
    let mut store = Store::open_in_memory().expect("store");
    let case = store.add_example_case().expect("example");
    let first = store.statements(&case.id).expect("statements")[0].clone();
    let draft = store.statement(&first.id).expect("statement").draft;
    let signing = SigningRecord {
        signed_on: "2026-11-12".into(),
        place: draft.place.clone(),
    };
    store
        .add_signed_version(&first.id, &draft, &signing, &"ab".repeat(32), &[])
        .expect("signed");
    let name = case.person.record_name.clone();
    store.delete_case(&case.id, &name).expect("delete");
    store.erase_case(&case.id, &name).expect("erase");
    assert!(store.statements(&case.id).expect("none").is_empty());
    assert!(store.declarants(&case.id).expect("none").is_empty());
    assert!(store.referenced_hashes().expect("hashes").is_empty());
}

#[test]
fn a_translator_named_once_is_offered_for_the_cases_next_statement() {
    let mut store = Store::open_in_memory().expect("store");
    let c = case(&mut store);
    let luis = declarant(&mut store, &c);
    assert_eq!(store.case_translator(&c).expect("read"), None);

    let mut first = statement(&luis, &["Hice los tatuajes."]);
    first.helper.name = "Ana Ruiz Paredes".into();
    first.helper.address = "100 Example Street, San Antonio, TX".into();
    first.helper.phone = "(210) 555-0100".into();
    store.create_statement(&c, &first).expect("first");

    // The next Spanish statement of the case names her without being told.
    let second = store
        .create_statement(&c, &statement(&luis, &["Lo conozco desde niño."]))
        .expect("second");
    assert_eq!(second.draft.helper.name, "Ana Ruiz Paredes");
    assert_eq!(second.draft.helper.phone, "(210) 555-0100");

    // An English statement has nothing to translate; another case's
    // statements do not take her.
    let mut english = statement(&luis, &["I made the tattoos."]);
    english.language = "en".into();
    assert_eq!(
        store
            .create_statement(&c, &english)
            .expect("english")
            .draft
            .helper
            .name,
        ""
    );
    let other = case(&mut store);
    let other_luis = declarant(&mut store, &other);
    let elsewhere = store
        .create_statement(&other, &statement(&other_luis, &["Otro caso."]))
        .expect("other case");
    assert_eq!(elsewhere.draft.helper.name, "");
}
