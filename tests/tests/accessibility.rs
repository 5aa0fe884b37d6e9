//! The screens used most, scanned by axe-core in the real window: the case
//! page, the guided interview, the statement editor and the evidence
//! packet. A serious or critical WCAG 2.1 A/AA violation fails the test,
//! named with where it is. Needs the app built with `--features e2e`.

use amparo_e2e::accessibility::serious_violations;
use amparo_e2e::{Desktop, run};

#[test]
fn the_case_page_interview_statement_editor_and_packet_have_no_serious_violations() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        let mut found = Vec::new();

        window.close_notice("Continue in English").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("What's next").await;
        found.extend(
            serious_violations(&window)
                .await
                .into_iter()
                .map(|v| format!("case page: {v}")),
        );

        window
            .press("Declaration of María Elena Moreno de Rivas")
            .await;
        window.wait_for_text("Paragraph 1").await;
        found.extend(
            serious_violations(&window)
                .await
                .into_iter()
                .map(|v| format!("statement editor: {v}")),
        );

        window.press("← Back to the case").await;
        window.press("Open the evidence packet").await;
        window.wait_for_text("In the packet (2)").await;
        found.extend(
            serious_violations(&window)
                .await
                .into_iter()
                .map(|v| format!("packet: {v}")),
        );

        window.press("Cases").await;
        window.press("Tell us what happened").await;
        window.wait_for_text("What is your name?").await;
        found.extend(
            serious_violations(&window)
                .await
                .into_iter()
                .map(|v| format!("interview: {v}")),
        );

        assert!(found.is_empty(), "{}", found.join("\n"));
        window.quit().await;
    });
}
