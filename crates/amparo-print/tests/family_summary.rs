//! The family summary as a mother would read it: one page in her language
//! with the A-number, where her son is held and how to reach him, his next
//! hearing on a twelve-hour clock, the dates coming up, and how to check
//! them; a line to write in what is not known yet; and nothing typed into
//! the case that changes the page's layout.

mod common;

use amparo_core::{CaseDraft, CustodyStatus, Store};
use amparo_print::family_summary;
use common::{flat_text, pages_text};

#[test]
fn the_example_case_prints_one_page_in_spanish_with_how_to_reach_him() {
    let mut store = Store::open_in_memory().expect("store");
    let case = store.add_example_case().expect("example");
    let pages = family_summary(&store, &case.id, "es").expect("summary");
    assert_eq!(pages.count(), 1, "one page");
    let pdf = pages.pdf().expect("pdf");
    let text = flat_text(&pdf);
    for expected in [
        "EXAMPLE - FICTIONAL",
        "Resumen para la familia",
        "Jesús Alberto Rivas Moreno",
        "A-000-111-222",
        "Venezuela",
        "12 de agosto de 1994",
        "South Texas ICE Processing Center, Pearsall, TX",
        "(210) 555-0134",
        "000123 (example)",
        "Próxima audiencia",
        "1:00 p. m., hora de la corte: Centro (Chicago, Houston, cortes de Texas)",
        "EJEMPLO - FICTICIO",
        "Pearsall Immigration Court",
        "Audiencia individual (de fondo)",
        "En persona",
        "Próximas fechas",
        "1-800-898-7180",
        "locator.ice.gov",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    for english in ["Family summary", "Next hearing", "PM", "In person"] {
        assert!(!text.contains(english), "English {english:?} in {text}");
    }
}

#[test]
fn in_english_the_same_case_reads_in_english() {
    let mut store = Store::open_in_memory().expect("store");
    let case = store.add_example_case().expect("example");
    let text = flat_text(
        &family_summary(&store, &case.id, "en")
            .expect("summary")
            .pdf()
            .expect("pdf"),
    );
    for expected in [
        "Family summary",
        "Next hearing",
        "1:00 PM",
        "August 12, 1994",
        "Detention center’s phone",
        "automated case information line",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[test]
fn what_is_not_known_leaves_a_line_and_typed_markup_prints_as_typed() {
    let mut store = Store::open_in_memory().expect("store");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Ana #set page(width: 1pt) $x$ ] <script>".into();
    draft.custody.status = CustodyStatus::Detained;
    let case = store.create_case(&draft).expect("case");
    let pages = family_summary(&store, &case.id, "es").expect("summary");
    assert_eq!(pages.count(), 1);
    let pdf = pages.pdf().expect("pdf");
    let text = flat_text(&pdf);
    assert!(
        text.contains("Ana #set page(width: 1pt) $x$ ] <script>"),
        "{text}"
    );
    assert!(
        !text.contains("EXAMPLE"),
        "a real case is not marked as an example"
    );
    assert!(
        text.contains("Para saber la fecha, llame a la línea de la corte"),
        "{text}"
    );
    // The A-number, country of birth, the center's details and the
    // attorney are unknown: their labels stand over empty lines to write on.
    let page = &pages_text(&pdf)[0];
    for label in [
        "Número A (número de extranjero)",
        "País de nacimiento",
        "Teléfono del centro de detención",
        "Teléfono del abogado o abogada",
    ] {
        let line = page
            .lines()
            .find(|l| l.contains(label))
            .unwrap_or_else(|| panic!("no {label:?} in {page}"));
        assert_eq!(line.trim(), label, "nothing printed beside {label:?}");
    }
}
