//! The example case's evidence packet in the real window, by keyboard: the
//! chronology and the rebuttal table put in, the two declarations
//! reordered, the certificate of service filled in, a preview through the
//! amparo-media scheme, and "Open / Print", whose PDF (recorded instead of
//! opened, in e2e builds) has the index, the exhibits in the new order and
//! the certificate. Needs the app built with
//! `--features e2e`.

use amparo_e2e::{Desktop, pdf_text, run};
use fantoccini::key::Key;

#[test]
fn the_example_packet_is_reordered_by_keyboard_and_prints_in_that_order() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        // First start keeps "Add a fictional example case" ticked. The
        // two declarations; the chronology and the rebuttal table are aids
        // for counsel, in the packet only when put in.
        window.open_example_packet().await;
        let others = window.wait_for_css("details > summary").await;
        window.focus(&others).await;
        window.keys(&Key::Enter.to_string()).await;
        window
            .press_containing("Put in the packet: Chronology of events")
            .await;
        window.wait_for_text("In the packet (3)").await;
        window
            .press_containing("Put in the packet: Allegations and the evidence that answers them")
            .await;
        window.wait_for_text("In the packet (4)").await;

        window
            .press_containing("Move down: Declaration of María Elena Moreno de Rivas")
            .await;
        window
            .wait_for_text("Declaration of María Elena Moreno de Rivas is now number 2.")
            .await;
        // The person files pro se and serves DHS by mail, at the address
        // of the DHS office for the court.
        window
            .type_into(
                "Address of the DHS office for this court",
                "100 Example Plaza, San Antonio, TX 78205",
            )
            .await;
        window.keys(&(Key::Control + "s")).await;
        window.wait_for_text("The packet was saved.").await;
        // Unsigned declarations still block a filing print.
        window.wait_for_text("is not signed yet").await;

        window.press("Preview pages").await;
        wait_for_preview(&window).await;

        let path = window.open_print().await;
        assert!(
            path.starts_with(&desktop.data_dir().display().to_string()),
            "written inside the private data folder: {path}"
        );
        assert!(!path.contains("Rivas"), "no name in the file name: {path}");
        let text = pdf_text(&path);
        let order = [
            "EXAMPLE - FICTIONAL",
            "INDEX OF EXHIBITS",
            "EXHIBIT A",
            "Declaration of Jesús Alberto Rivas Moreno",
            "EXHIBIT B",
            "Declaration of María Elena Moreno de Rivas",
            "EXHIBIT C",
            "Chronology of events",
            "EXHIBIT D",
            "Allegations and the evidence that answers them",
            "CERTIFICATE OF SERVICE",
            "I, Jesús Alberto Rivas Moreno, certify",
            "100 Example Plaza, San Antonio, TX 78205, by first-class mail",
            "HOW TO VERIFY THIS PACKET",
        ];
        let mut from = 0;
        for expected in order {
            let at = text[from..]
                .find(expected)
                .unwrap_or_else(|| panic!("{expected:?} not found in order in:\n{text}"));
            from += at + expected.len();
        }
        assert!(text.contains("DRAFT"), "a draft says so");
        window.quit().await;
    });
}

/// Waits until the preview's first page has loaded from the scheme.
async fn wait_for_preview(window: &amparo_e2e::Window) {
    for _ in 0..300 {
        let loaded = window
            .script(
                "const pages = [...document.querySelectorAll('img')]
                   .filter((i) => i.src.startsWith('amparo-media://localhost/preview/'));
                 return pages.length > 0 && pages[0].complete && pages[0].naturalWidth > 0;",
            )
            .await;
        if loaded.as_bool() == Some(true) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the packet preview did not load through the amparo-media scheme");
}
