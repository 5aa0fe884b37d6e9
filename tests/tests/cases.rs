//! A family member's first session, in the real window: the first-start
//! notice, a case created through the form (with a bad A-number fixed on
//! the way), and the case still there after the app is closed and opened.

use amparo_e2e::{Desktop, run};
use fantoccini::key::Key;

#[test]
fn a_case_created_through_the_form_survives_a_restart() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;

        // First start: the notice in both languages; no example this time.
        window.wait_for_text("It is not legal advice").await;
        window.wait_for_text("No es asesoría legal").await;
        let example = window.field("Add a fictional example case").await;
        window.focus(&example).await;
        window.keys(" ").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("There are no cases yet").await;

        window.press("New case").await;
        window
            .type_into(
                "Name as on immigration records",
                "Jesús Alberto Rivas Moreno",
            )
            .await;
        window.type_into("A-number", "A-123").await;
        window.keys(&Key::Enter.to_string()).await;

        let message = window.text_of_id("person-aNumber-error").await;
        assert_eq!(
            message,
            "An A-number has 8 or 9 digits, for example A-012-345-678."
        );
        window.wait_for_text("Nothing was saved").await;

        window.replace("A-number", "12345678").await;
        window.keys(&Key::Enter.to_string()).await;
        window.wait_for_text("A-012-345-678").await;
        window.button("Edit").await;
        assert_eq!(
            window.title().await,
            "Amparo",
            "no names in the window title"
        );
        window.quit().await;

        let window = desktop.launch().await;
        window.wait_for_text("Cases").await;
        let page = window.text().await;
        assert!(
            !page.contains("Before you start"),
            "the notice was read once"
        );
        window
            .type_into("Search by name or A-number", "012 345 678")
            .await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Needs an interpreter").await;
        window.wait_for_text("A-012-345-678").await;
        window.quit().await;
    });
}

#[test]
fn choosing_spanish_shows_the_form_in_spanish_and_is_remembered() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.close_notice("Continuar en español").await;
        window.wait_for_text("Casos").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("EJEMPLO - FICTICIO").await;

        window.press("Nuevo caso").await;
        window
            .wait_for_text("Nombre como aparece en los documentos de inmigración")
            .await;
        window
            .wait_for_text("Número A (número de extranjero)")
            .await;
        window.wait_for_text("¿Dónde está la persona ahora?").await;
        window.button("Guardar caso").await;
        window.quit().await;

        let window = desktop.launch().await;
        window.wait_for_text("Nuevo caso").await;
        window.wait_for_text("Próxima audiencia").await;
        window.quit().await;
    });
}
