//! A statement written and printed in the real window, by keyboard: a
//! declarant, two paragraphs in Spanish with their English translation,
//! a preview whose pages come through the amparo-media scheme, and "Open /
//! Print", whose PDF (recorded instead of opened, in e2e builds) holds the
//! text. Needs the app built with `--features e2e`.

use amparo_e2e::{Desktop, pdf_text, run};
use serde_json::json;

#[test]
fn a_two_paragraph_statement_with_its_translation_prints_to_a_pdf_with_that_text() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window
            .new_case_in_english("Jesús Alberto Rivas Moreno")
            .await;
        window.wait_for_text("Statements and declarations").await;

        window.press("Add a declarant").await;
        window
            .type_into("Full name", "María Elena Moreno de Rivas")
            .await;
        window
            .type_into("Relationship to the person", "mother")
            .await;
        window.press("Save declarant").await;
        window
            .press("Write a statement by María Elena Moreno de Rivas")
            .await;

        window
            .type_into(
                "Paragraph 1, in Spanish",
                "Soy la madre de Jesús; vivo en Capacho.",
            )
            .await;
        window
            .type_into(
                "Paragraph 1, English translation",
                "I am Jesús's mother; I live in Capacho.",
            )
            .await;
        window.press("Add a paragraph").await;
        window
            .type_into(
                "Paragraph 2, in Spanish",
                "Las coronas de sus muñecas son por nosotros y por los Reyes Magos.",
            )
            .await;
        window
            .type_into(
                "Paragraph 2, English translation",
                "The crowns on his wrists are for us and for the Three Kings.",
            )
            .await;
        window
            .type_into("Place as printed", "Capacho, Táchira, Venezuela")
            .await;
        window.type_into("Full name", "Ana Lucía Pérez").await;
        window.press("Save statement").await;
        // Saved: the checks now speak of the saved text, and the country
        // of signing is still to be chosen.
        window
            .wait_for_text("Choose the country where it will be signed")
            .await;

        window.press("Preview pages").await;
        wait_for_preview_pages(&window).await;

        window.press("Open / Print").await;
        window
            .wait_for_text("Opened in the PDF viewer. Print from there.")
            .await;
        let opened = window.invoke("e2e_opened_pdfs", json!({})).await;
        let path = opened[0].as_str().expect("a PDF was opened").to_owned();
        assert!(
            path.starts_with(&desktop.data_dir().display().to_string()),
            "the PDF is written inside the private data folder: {path}"
        );
        assert!(!path.contains("Rivas"), "no name in the file name: {path}");
        let text = pdf_text(&path).replace('’', "'");
        for expected in [
            "DRAFT",
            "Translation",
            "DECLARATION OF MARÍA ELENA MORENO DE RIVAS",
            "1. I am Jesús's mother; I live in Capacho.",
            "2. The crowns on his wrists are for us and for the Three Kings.",
            "CERTIFICATE OF TRANSLATION",
            "I, Ana Lucía Pérez, certify",
            "1. Soy la madre de Jesús; vivo en Capacho.",
            "2. Las coronas de sus muñecas son por nosotros y por los Reyes Magos.",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} not in the PDF:\n{text}"
            );
        }
        window.quit().await;
    });
}

/// Waits until the preview lists its three pages and the first has loaded
/// from the amparo-media scheme.
async fn wait_for_preview_pages(window: &amparo_e2e::Window) {
    for _ in 0..150 {
        let loaded = window
            .script(
                "const pages = [...document.querySelectorAll('img')]
                   .filter((i) => i.src.startsWith('amparo-media://localhost/preview/'));
                 // Later pages load lazily as they scroll into view.
                 return pages.length > 0 && pages[0].complete && pages[0].naturalWidth > 0
                   ? pages.length : 0;",
            )
            .await;
        if loaded.as_u64().unwrap_or(0) >= 3 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the preview pages did not load through the amparo-media scheme");
}
