//! A scanned birth certificate in the real window, in Spanish and from the
//! keyboard: the mother says what it is, picks the PDF (a copier's scan,
//! a picture with no text of its own), opens it, has its page read while
//! the window stays usable, finds the registrar's name in what was read,
//! and types the English translation; then records an allegation that the
//! certificate's page 1 answers, chosen and numbered from the keyboard. The
//! dialog, the document's page and the allegation form have no serious or
//! critical WCAG 2.1 A/AA violation (axe-core). Needs the app built with
//! `--features e2e`. `AMPARO_SHOTS=<dir>` keeps pictures of the pages.

#[path = "../../crates/amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use amparo_e2e::accessibility::serious_violations;
use amparo_e2e::{Desktop, run};
use pdf_support::{photo_of_page, scanned_pdf};

/// A letter page with `lines`, scanned to a picture-only PDF.
fn scan(lines: &[&str]) -> Vec<u8> {
    let (jpeg, width, height) = photo_of_page(lines, false);
    scanned_pdf(&jpeg, width, height)
}

#[test]
fn a_mother_adds_a_scanned_birth_certificate_and_its_page_is_read() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.close_notice("Continuar en español").await;
        window.wait_for_text("EJEMPLO - FICTICIO").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        let shots = std::env::var_os("AMPARO_SHOTS").map(std::path::PathBuf::from);
        let shot = async |name: &str| {
            if let Some(dir) = &shots {
                tokio::time::sleep(std::time::Duration::from_millis(400)).await;
                desktop.screenshot(&dir.join(name));
            }
        };

        let folder = tempfile::tempdir().expect("folder");
        let acta = folder.path().join("acta escaneada.pdf");
        std::fs::write(
            &acta,
            scan(&[
                "REPUBLICA BOLIVARIANA DE VENEZUELA",
                "ACTA DE NACIMIENTO",
                "Nacido en Capacho, estado Tachira",
                "Registrador: Pregonero Urdaneta",
            ]),
        )
        .expect("scan");

        window.press("Agregar un documento").await;
        window.wait_for_text("¿Qué clase de documento es?").await;
        window
            .type_into("¿Qué clase de documento es?", "Documento de identidad")
            .await;
        window
            .type_into("Nombre del documento", "Partida de nacimiento")
            .await;
        shot("document-add-es.png").await;
        let mut found: Vec<String> = serious_violations(&window)
            .await
            .into_iter()
            .map(|v| format!("adding a document: {v}"))
            .collect();
        window
            .invoke("e2e_pick_next", serde_json::json!({ "path": acta }))
            .await;
        window.press("Elegir los archivos…").await;
        window
            .wait_for_text("Partida de nacimiento · Documento de identidad")
            .await;
        window.wait_for_text("1 página todavía sin texto").await;
        window.press("Abrir «Partida de nacimiento»").await;
        window.wait_for_text("Página 1 de 1").await;
        window.press("Leer el texto de la página").await;
        window.wait_for_text("Se leyó 1 página.").await;
        let read = window.value_of("Texto de la página 1").await;
        assert!(read.contains("Pregonero Urdaneta"), "read: {read}");
        assert!(read.contains("ACTA DE NACIMIENTO"), "read: {read}");

        window
            .type_into(
                "Traducción al inglés de la página 1",
                "BIRTH CERTIFICATE. Registrar: Pregonero Urdaneta",
            )
            .await;
        window.press("Guardar la traducción de la página 1").await;
        window
            .wait_for_text("Se guardó la traducción de la página 1.")
            .await;
        // The page itself is drawn beside its words, from the PDF.
        let drawn = window
            .script(
                "return [...document.querySelectorAll('img.page-image')]\
                 .map(i => i.complete && i.naturalWidth > 0 && i.naturalHeight > i.naturalWidth)",
            )
            .await;
        assert_eq!(drawn, serde_json::json!([true]), "the page's picture");
        shot("document-page-es.png").await;
        found.extend(
            serious_violations(&window)
                .await
                .into_iter()
                .map(|v| format!("document page: {v}")),
        );
        window.press("← Volver al caso").await;
        window.wait_for_text("Documentos (1)").await;

        window.press("Abrir las acusaciones").await;
        window.press("Anotar una acusación").await;
        window
            .type_into("Criterio", "Edad declarada por el oficial")
            .await;
        // A select answers typing: "Partida" picks the certificate.
        let evidence = window.field("Prueba que se agrega").await;
        window.focus(&evidence).await;
        window.keys("Partida").await;
        window
            .type_into(
                "Número de página (1 a 1; vacío para todo el documento)",
                "2",
            )
            .await;
        window.press("Agregarla").await;
        window
            .wait_for_text("Escriba un número del 1 al 1, o déjelo vacío.")
            .await;
        window
            .replace(
                "Número de página (1 a 1; vacío para todo el documento)",
                "1",
            )
            .await;
        window.press("Agregarla").await;
        window
            .wait_for_text("Documento: Partida de nacimiento, página 1")
            .await;
        shot("allegation-document-page-es.png").await;
        // The certificate is also the paper that says it, on its page 1.
        let source = window.field("El documento mismo, si lo tiene").await;
        window.focus(&source).await;
        window.keys("Partida").await;
        window
            .type_into(
                "La página donde lo dice (el documento tiene 1 página; déjela vacía si no la sabe)",
                "1",
            )
            .await;
        shot("allegation-source-es.png").await;
        found.extend(
            serious_violations(&window)
                .await
                .into_iter()
                .map(|v| format!("allegation form: {v}")),
        );
        window.press("Guardar la acusación").await;
        window
            .wait_for_text("Guardado: Edad declarada por el oficial")
            .await;
        window.wait_for_text("Copia guardada en el caso").await;
        assert!(found.is_empty(), "{}", found.join("\n"));
        window.quit().await;
    });
}
