//! A mother alone with the real window, in Spanish and in family view,
//! from the keyboard: first start, "Cuéntenos qué pasó" with two "No sé" answers, the case it
//! makes with "¿Qué sigue?" asking for what she did not know, her draft
//! declaration printed in her words, and the family summary printed with
//! where her son is held and his next hearing. Needs the app built with
//! `--features e2e`.

use std::path::Path;

use amparo_e2e::interview_walk::tell_what_happened;
use amparo_e2e::{Desktop, pdf_text, run};

/// The newest PDF in `dir` whose name starts with `prefix`.
fn printed(dir: &Path, prefix: &str) -> String {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .expect("printed folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".pdf"))
        })
        .collect();
    found.sort();
    found
        .pop()
        .unwrap_or_else(|| panic!("no {prefix}*.pdf in {}", dir.display()))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_mother_tells_what_happened_in_spanish_and_prints_her_declaration_and_the_family_summary() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        // Who will use it: a family (the space bar chooses it).
        window
            .field("Una familia")
            .await
            .send_keys(" ")
            .await
            .expect("choose family");
        window.close_notice("Continuar en español").await;
        window.wait_for_text("Cuéntenos qué pasó").await;

        let hearing = (chrono::Utc::now().date_naive() + chrono::Days::new(40)).to_string();
        tell_what_happened(&window, "es", &hearing, None).await;

        // The case page of what she told, with what she did not know asked for.
        window.wait_for_text("¿Qué sigue?").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("000123").await;
        let page = window.text().await;
        assert!(page.contains("la muñeca izquierda"), "{page}");
        assert!(page.contains("Luis Contreras"), "the witness:\n{page}");

        // Her draft declaration, in her words.
        window
            .press("Declaración de María Elena Moreno de Rivas")
            .await;
        window.wait_for_text("Párrafo 1").await;
        assert_eq!(
            window.value_of("Párrafo 1").await,
            "Me llamo María Elena Moreno de Rivas. Soy la madre de Jesús Alberto Rivas Moreno."
        );
        // In family view the legal settings are folded away, and the empty
        // English column is a note, not an alarm.
        let editor = window.text().await;
        assert!(
            editor.contains("Ajustes para quien ayuda con el caso"),
            "{editor}"
        );
        assert!(!editor.contains("Cómo firma el declarante"), "{editor}");
        assert!(editor.contains("Necesita traducción"), "{editor}");
        window.press("Abrir / Imprimir").await;
        window.wait_for_text("Se abrió en el visor de PDF").await;
        let folder = desktop.data_dir().join("printed");
        let declaration = pdf_text(&printed(&folder, "declaration-draft"));
        assert!(
            declaration.contains("Soy la madre de Jesús Alberto Rivas Moreno"),
            "{declaration}"
        );
        assert!(
            declaration.contains("este tatuaje significa: La corona es por mí"),
            "{declaration}"
        );

        // The family summary, from the case page.
        window.press("← Volver al caso").await;
        window.press("Imprimir el resumen para la familia").await;
        let summary_path = {
            let started = std::time::Instant::now();
            loop {
                let found = std::fs::read_dir(&folder)
                    .expect("printed folder")
                    .filter_map(Result::ok)
                    .any(|e| {
                        e.file_name()
                            .to_string_lossy()
                            .starts_with("resumen-para-la-familia")
                    });
                if found {
                    break printed(&folder, "resumen-para-la-familia");
                }
                assert!(
                    started.elapsed().as_secs() < 60,
                    "no family summary was printed"
                );
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
        };
        let summary = pdf_text(&summary_path);
        for expected in [
            "Resumen para la familia",
            "Jesús Alberto Rivas Moreno",
            "South Texas ICE Processing Center, Pearsall, TX",
            "(210) 555-0134",
            "000123",
            "1:00 p. m.",
            "Pearsall Immigration Court",
        ] {
            assert!(
                summary.contains(expected),
                "{expected:?} missing: {summary}"
            );
        }
        window.quit().await;
    });
}
