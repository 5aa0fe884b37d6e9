//! The statement list and damaged signed versions: the list reads only what
//! it shows, and a signed text that cannot be read is reported as damage,
//! naming the statement, never shown as an empty draft.

use std::path::Path;

use amparo_core::{
    CaseDraft, DATABASE_FILE, DeclarantDraft, Error, Paragraph, SigningPlace, SigningRecord,
    StatementDraft, StatementSummary, Store,
};

struct Filed {
    case_id: String,
    unsigned: String,
    signed: String,
    changed_after_signing: String,
}

fn draft(declarant_id: &str, title: &str, texts: &[&str]) -> StatementDraft {
    StatementDraft {
        declarant_id: declarant_id.into(),
        title: title.into(),
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

fn signing() -> SigningRecord {
    SigningRecord {
        signed_on: "2026-11-12".into(),
        place: SigningPlace {
            place: "San Cristóbal, Venezuela".into(),
            country: "VE".into(),
            us_detention_facility: false,
            ..SigningPlace::default()
        },
    }
}

/// A case with a draft, a signed statement and one changed after signing
/// twice.
fn file_statements(store: &mut Store) -> Filed {
    let mut c = CaseDraft::default();
    c.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    let case_id = store.create_case(&c).expect("case").id;
    let mother = DeclarantDraft {
        full_name: "Carmen Moreno".into(),
        ..DeclarantDraft::default()
    };
    let artist = DeclarantDraft {
        full_name: "Luis Fernando Chacón".into(),
        ..DeclarantDraft::default()
    };
    let mother = store
        .create_declarant(&case_id, &mother)
        .expect("mother")
        .id;
    let artist = store
        .create_declarant(&case_id, &artist)
        .expect("artist")
        .id;
    let pdf = "ab".repeat(32);

    let unsigned = store
        .create_statement(&case_id, &draft(&mother, "Mother", &["uno", "dos"]))
        .expect("unsigned")
        .id;
    let signed = store
        .create_statement(&case_id, &draft(&artist, "Artist", &["tres"]))
        .expect("signed");
    store
        .add_signed_version(&signed.id, &signed.draft, &signing(), &pdf, &[])
        .expect("sign");
    let changed = store
        .create_statement(&case_id, &draft(&mother, "Mother again", &["cuatro"]))
        .expect("changed");
    store
        .add_signed_version(&changed.id, &changed.draft, &signing(), &pdf, &[])
        .expect("sign once");
    let again = store
        .update_statement(&changed.id, &draft(&mother, "Mother again", &["cinco"]))
        .expect("edit");
    store
        .add_signed_version(&changed.id, &again.draft, &signing(), &pdf, &[])
        .expect("sign twice");
    store
        .update_statement(&changed.id, &draft(&mother, "Mother again", &["seis", "7"]))
        .expect("edit after signing");
    Filed {
        case_id,
        unsigned,
        signed: signed.id,
        changed_after_signing: changed.id,
    }
}

/// The list as it would be built from each whole statement.
fn from_whole_statements(store: &Store, ids: &[&str]) -> Vec<StatementSummary> {
    ids.iter()
        .map(|id| {
            let s = store.statement(id).expect("statement");
            StatementSummary {
                declarant_name: store
                    .declarant(&s.draft.declarant_id)
                    .expect("declarant")
                    .record
                    .full_name,
                id: s.id,
                declarant_id: s.draft.declarant_id,
                title: s.draft.title,
                title_original: s.draft.title_original,
                paragraphs: s.draft.paragraphs.len() as u32,
                signed_versions: s.signed.len() as u32,
                is_draft: s.is_draft,
                updated_at: s.updated_at,
            }
        })
        .collect()
}

/// Rewrites a signed version's stored text, past the trigger that keeps
/// the application from ever doing so.
fn damage_signed_text(dir: &Path, statement_id: &str, number: u32) {
    let conn = amparo_core::raw_connection_for_tests(
        &dir.join(DATABASE_FILE),
        &amparo_core::Keys::fixed_for_tests(),
    )
    .expect("open");
    conn.execute_batch("DROP TRIGGER signed_versions_never_change")
        .expect("drop trigger");
    let changed = conn
        .execute(
            "UPDATE signed_versions SET draft_json = '{\"title\": [broken'
             WHERE statement_id = ?1 AND number = ?2",
            rusqlite::params![statement_id, number],
        )
        .expect("damage");
    assert_eq!(changed, 1);
}

#[test]
fn the_list_says_what_the_whole_statements_say() {
    let mut store = Store::open_in_memory().expect("store");
    let f = file_statements(&mut store);
    let listed = store.statements(&f.case_id).expect("list");
    assert_eq!(
        listed,
        from_whole_statements(&store, &[&f.unsigned, &f.signed, &f.changed_after_signing])
    );
    let seen: Vec<(&str, u32, u32, bool)> = listed
        .iter()
        .map(|s| {
            (
                s.declarant_name.as_str(),
                s.paragraphs,
                s.signed_versions,
                s.is_draft,
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("Carmen Moreno", 2, 0, true),
            ("Luis Fernando Chacón", 1, 1, false),
            ("Carmen Moreno", 2, 2, true),
        ]
    );
}

#[test]
fn the_list_reads_no_signed_text_but_the_last() {
    let dir = tempfile::tempdir().expect("dir");
    let case_id;
    let changed;
    {
        let mut store =
            Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
        let f = file_statements(&mut store);
        case_id = f.case_id;
        changed = f.changed_after_signing;
    }
    damage_signed_text(dir.path(), &changed, 1);
    let store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    let listed = store.statements(&case_id).expect("the list still shows");
    assert_eq!(listed.len(), 3);
    assert!(listed[2].is_draft);
}

#[test]
fn a_signed_text_that_cannot_be_read_is_damage_naming_the_statement() {
    let dir = tempfile::tempdir().expect("dir");
    let (case_id, signed) = {
        let mut store =
            Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
        let f = file_statements(&mut store);
        (f.case_id, f.signed)
    };
    damage_signed_text(dir.path(), &signed, 1);
    let store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("reopen");
    for result in [
        store.statement(&signed).map(|_| ()),
        store.statements(&case_id).map(|_| ()),
    ] {
        match result {
            Err(Error::CorruptDatabase(message)) => {
                assert!(message.contains(&signed), "{message}");
                assert!(message.contains("signed version 1"), "{message}");
            }
            other => panic!("expected damage to be reported, got {other:?}"),
        }
    }
}
