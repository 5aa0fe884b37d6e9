//! Amparo started again while its window is open (a double-click on a case
//! file): the new start hands the file to the open window and ends; the
//! window shows what the file brings, and opens it from the keyboard.

use amparo_e2e::mothers_laptop::case_file_to_password;
use amparo_e2e::{Desktop, run};
use fantoccini::key::Key;

#[test]
fn a_double_clicked_case_file_opens_in_the_window_already_open() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("It is not legal advice").await;
        // Without the example case: the case that arrives is the only one.
        let example = window.field("Add a fictional example case").await;
        window.focus(&example).await;
        window.keys(" ").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("There are no cases yet").await;

        // A case file from the mother's laptop, sent to a password.
        let sent = case_file_to_password("la fiesta de los Reyes");
        let file = &sent.path;

        assert!(
            desktop.start_again(&[file.as_os_str()]),
            "the second start handed the file over and ended"
        );
        assert_eq!(window.window_count().await, 1, "no second window");
        window
            .wait_for_text("This file opens with the password its sender chose.")
            .await;
        window
            .type_into(
                "The file's password",
                &format!("la fiesta de los Reyes{}", Key::Enter),
            )
            .await;
        window
            .wait_for_text("This case is not on this computer yet")
            .await;
        window.press("Open it").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Send this case…").await;

        // Started again with nothing to open: the window stays as it is.
        assert!(desktop.start_again(&[]), "a plain second start ends");
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        window.quit().await;
    });
}
