//! The translation hand-off in the real window, in Spanish and from the
//! keyboard: a paragraph of the mother's declaration without its English,
//! the translation sheet saved for a volunteer, filled by her in a text
//! editor, opened again with the English going beside the paragraph, and
//! the two-column copy for the translator printed. Needs the app built
//! with `--features e2e`. `AMPARO_SHOTS=<dir>` keeps a picture of the
//! editor after the sheet came back.

use amparo_e2e::{Desktop, pdf_text, run};

#[test]
fn a_mother_sends_the_translation_sheet_and_the_english_comes_back_beside_her_words() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.close_notice("Continuar en español").await;
        window.wait_for_text("EJEMPLO - FICTICIO").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        // What a declaration under penalty of perjury is, in one plain line.
        window.press("¿Qué quiere decir «pena de perjurio»?").await;
        window
            .wait_for_text("Pena de perjurio: Una declaración bajo pena de perjurio es un escrito")
            .await;
        let shots = std::env::var_os("AMPARO_SHOTS").map(std::path::PathBuf::from);
        let shot = async |name: &str| {
            if let Some(dir) = &shots {
                tokio::time::sleep(std::time::Duration::from_millis(400)).await;
                desktop.screenshot(&dir.join(name));
            }
        };
        shot("what-is-this-es.png").await;
        window.press("Más").await;
        window.wait_for_text("Copia de seguridad").await;
        shot("more-es.png").await;
        window.keys(&fantoccini::key::Key::Escape.to_string()).await;
        window
            .press("Declaración de María Elena Moreno de Rivas")
            .await;
        window.wait_for_text("Párrafo 2").await;
        // Paragraph 2 has no English yet.
        window.replace("Párrafo 2, traducción al inglés", "").await;
        window
            .wait_for_text("Falta traducir al inglés el párrafo 2.")
            .await;

        let usb = tempfile::tempdir().expect("usb stick");
        let sheet = usb.path().join("hoja.txt");
        window
            .invoke("e2e_pick_next", serde_json::json!({ "path": sheet }))
            .await;
        window.press("Guardar la hoja de traducción…").await;
        window.wait_for_text("Se guardó en").await;
        let written = std::fs::read_to_string(&sheet).expect("the sheet");
        assert!(written.contains("=== 2 English ===\n\n"), "{written}");

        // The volunteer fills it in Notepad and sends it back.
        let english = "I have known my son since the day he was born.";
        let filled: String = written
            .lines()
            .map(|line| match line {
                "=== 2 English ===" => format!("{line}\r\n{english}\r\n"),
                l if l.starts_with("Translator's full name") => format!(
                    "{}: Rosa Elvira Castillo\r\n",
                    l.split_once(':').expect("label").0
                ),
                l => format!("{l}\r\n"),
            })
            .collect();
        let back = usb.path().join("hoja-llena.txt");
        std::fs::write(&back, filled).expect("filled sheet");
        window
            .invoke("e2e_pick_next", serde_json::json!({ "path": back }))
            .await;
        window.press("Abrir la hoja ya llenada…").await;
        window
            .wait_for_text("Se puso el inglés de 1 párrafo y ya está guardado.")
            .await;
        assert_eq!(
            window.value_of("Párrafo 2, traducción al inglés").await,
            english
        );
        window
            .wait_for_text("Tradujo Rosa Elvira Castillo, según la hoja")
            .await;
        shot("translation-handoff-es.png").await;

        window.press("Imprimir para quien traduce").await;
        window.wait_for_text("Se abrió en el visor de PDF").await;
        let printed = std::fs::read_dir(desktop.data_dir().join("printed"))
            .expect("printed folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().contains("for-the-translator"))
            .expect("the translator's copy");
        let text = pdf_text(&printed.to_string_lossy());
        assert!(text.contains("PARA QUIEN TRADUCE"), "{text}");
        assert!(text.contains(english), "{text}");
        window.quit().await;
    });
}
