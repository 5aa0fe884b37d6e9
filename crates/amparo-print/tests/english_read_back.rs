//! An English declaration signed by someone who does not read English was
//! read to them in their language: it needs an interpreter, and it prints
//! with the interpreter's certificate naming that language.

mod common;

use amparo_core::PrintCheckCode;
use amparo_print::{Purpose, print_statement, statement_checks};
use common::*;

#[test]
fn an_english_text_for_a_declarant_who_reads_no_english_carries_the_interpretation() {
    let mut f = fixture();
    let mother = f.store.statement(&f.mother).expect("statement");
    let declarant = f
        .store
        .declarants(&f.case_id)
        .expect("declarants")
        .into_iter()
        .find(|d| d.id == mother.draft.declarant_id)
        .expect("the mother");
    assert_eq!(
        declarant.record.reads_english,
        amparo_core::ReadsEnglish::No
    );
    let mut draft = mother.draft.clone();
    draft.language = "en".into();
    for p in &mut draft.paragraphs {
        p.original = p.english.clone();
    }
    draft.helper.name.clear();
    f.store.update_statement(&f.mother, &draft).expect("save");

    let checks = statement_checks(&f.store, &f.mother).expect("checks");
    assert!(
        checks
            .iter()
            .any(|c| c.code == PrintCheckCode::NoLanguageHelper && c.blocks),
        "{checks:?}"
    );

    draft.helper.name = "Ana Lucía Pérez".into();
    f.store.update_statement(&f.mother, &draft).expect("save");

    // Without her language on record, the certificate could not name it.
    let mut unknown = declarant.record.clone();
    unknown.languages.clear();
    f.store
        .update_declarant(&declarant.id, &unknown)
        .expect("no language");
    let checks = statement_checks(&f.store, &f.mother).expect("checks");
    assert!(
        checks
            .iter()
            .any(|c| c.code == PrintCheckCode::DeclarantLanguageUnknown && c.blocks),
        "{checks:?}"
    );
    f.store
        .update_declarant(&declarant.id, &declarant.record)
        .expect("language back");
    let pdf = print_statement(&f.store, &f.mother, Purpose::Draft).expect("draft");
    let text = flat_text(&pdf);
    assert!(text.contains("CERTIFICATE OF INTERPRETATION"), "{text}");
    let language = amparo_print::language_name(
        declarant
            .record
            .languages
            .first()
            .map_or("", String::as_str),
    );
    assert!(
        text.contains(&format!(
            "competent to interpret between {language} and English"
        )),
        "{text}"
    );
    assert!(!text.contains("between English and English"), "{text}");
}
