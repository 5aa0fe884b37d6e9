//! "What's next" on a new case in the real window, by keyboard: it asks
//! for the A-number and the first statement; "Add it" opens the case form,
//! and once the A-number is saved that item is gone; then it asks to check
//! the case with the court's line until "I checked it today". Needs the app built
//! with `--features e2e`.

use amparo_e2e::{Desktop, run};
use fantoccini::key::Key;

#[test]
fn whats_next_lists_what_a_new_case_lacks_and_clears_what_is_done() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.new_case_in_english("Ana Lucía Torres Vega").await;
        window.wait_for_text("What's next").await;
        window.wait_for_text("The A-number is missing").await;
        window.wait_for_text("No statement yet").await;

        // The way to the case form, where the A-number is added.
        window.press("Add it").await;
        window.type_into("A-number", "A-012-345-678").await;
        window.keys(&Key::Enter.to_string()).await;
        window.wait_for_text("A-012-345-678").await;
        window.wait_for_text("What's next").await;
        window.wait_for_text("No statement yet").await;
        let page = window.text().await;
        assert!(
            !page.contains("The A-number is missing"),
            "a done item goes:\n{page}"
        );

        // With an A-number, the court's line can be checked: until it is.
        window
            .wait_for_text("automated phone line to check the case")
            .await;
        window.press("I checked it today").await;
        window.wait_for_text("Noted: checked today").await;
        window
            .wait_for_text("Last checked with the immigration court")
            .await;
        let page = window.text().await;
        assert!(
            !page.contains("automated phone line to check the case"),
            "checked today, the nudge goes:\n{page}"
        );
        window.quit().await;
    });
}
