//! "For the translator" as a volunteer translator reads it: each numbered
//! paragraph in the declarant's own words and script, beside room to write
//! the English (or the English written so far, to check), lines for the
//! name, address and phone the certificate of translation prints, page
//! numbers, and the example's mark on every page.

mod common;

use amparo_core::{Paragraph, SigningMode};
use amparo_print::translator_copy;
use common::*;

fn with_paragraphs(f: &mut Fixture, language: &str, paragraphs: &[(&str, &str)]) {
    let mut draft = f.store.statement(&f.mother).expect("statement").draft;
    draft.language = language.into();
    draft.mode = SigningMode::SignOriginal;
    draft.helper = Default::default();
    draft.paragraphs = paragraphs
        .iter()
        .map(|(o, e)| Paragraph {
            original: (*o).into(),
            english: (*e).into(),
            exhibits: Vec::new(),
        })
        .collect();
    f.store.update_statement(&f.mother, &draft).expect("save");
}

#[test]
fn a_spanish_statement_prints_beside_room_for_the_english_with_spanish_headings() {
    let mut f = fixture();
    with_paragraphs(
        &mut f,
        "es",
        &[
            (
                "Me llamo María Elena Moreno de Rivas. Soy la madre de Jesús.",
                "",
            ),
            (
                "Las coronas de sus muñecas honran a sus padres.",
                "The crowns on his wrists honor his parents.",
            ),
        ],
    );
    let pdf = translator_copy(&f.store, &f.mother, "es")
        .expect("prints")
        .pdf()
        .expect("pdf");
    let text = flat_text(&pdf);
    assert_in_order(
        &text,
        &[
            "EXAMPLE - FICTIONAL",
            "PARA QUIEN TRADUCE",
            "Declaración de María Elena Moreno de Rivas",
            "Traducción al inglés",
            "1",
            "Me llamo María Elena Moreno de Rivas.",
            "2",
            "Las coronas de sus muñecas honran a sus padres.",
            "The crowns on his wrists honor his parents.",
            "Quien traduce",
            "Nombre completo",
            "Dirección",
            "Teléfono",
            "Página 1 / 1",
        ],
    );
    assert!(!text.contains("Amparo"), "no app name: {text}");
    assert_eq!(text.matches("Declaración de María").count(), 1, "{text}");
}

#[test]
fn every_page_of_a_long_example_statement_is_marked_and_numbered() {
    let mut f = fixture();
    let long = "Mi hijo Jesús creció en Sanare, donde cada enero se celebra la fiesta de los Reyes Magos con música y coronas. ";
    let paragraphs: Vec<(String, &str)> = (0..30)
        .map(|i| (format!("{i}. {}", long.repeat(2)), ""))
        .collect();
    let refs: Vec<(&str, &str)> = paragraphs.iter().map(|(o, e)| (o.as_str(), *e)).collect();
    with_paragraphs(&mut f, "es", &refs);
    let pages = translator_copy(&f.store, &f.mother, "en").expect("prints");
    let n = pages.count();
    assert!(
        n >= 3,
        "thirty long paragraphs with room to write fill pages: {n}"
    );
    let text = pages_text(&pages.pdf().expect("pdf"));
    for (i, page) in text.iter().enumerate() {
        assert!(
            page.contains("EXAMPLE - FICTIONAL"),
            "page {}: {page}",
            i + 1
        );
        assert!(page.contains(&format!("Page {} / {n}", i + 1)), "{page}");
    }
    assert!(text[0].contains("FOR THE TRANSLATOR") && text[0].contains("English translation"));
}

#[test]
fn persian_prints_in_its_own_script_for_its_translator() {
    let mut f = fixture();
    let persian = "تاج‌های روی مچ پسرم به افتخار پدر و مادرش است.";
    with_paragraphs(&mut f, "fa", &[(persian, "")]);
    let pdf = translator_copy(&f.store, &f.mother, "en")
        .expect("prints")
        .pdf()
        .expect("pdf");
    assert!(
        pdffonts(&pdf).contains("NotoNaskhArabic"),
        "{}",
        pdffonts(&pdf)
    );
    // poppler gives right-to-left words in the order they are drawn, and
    // may move a zero-width non-joiner: each word is looked for alone.
    let text = flat_raw_text(&pdf);
    for word in persian
        .split_whitespace()
        .filter(|w| !w.contains('\u{200c}'))
    {
        let word = word.trim_end_matches('.');
        assert!(text.contains(word), "{word:?} not in {text}");
    }
}
