//! The lock in the real window, from the keyboard: a password chosen at
//! first start, the recovery words copied and checked, Ctrl+L locks with no
//! case left on screen, and only the right password opens it again; and the
//! desktop's screen lock locks Amparo too.

use amparo_e2e::{Desktop, run};
use fantoccini::key::Key;

#[test]
fn first_start_makes_the_lock_and_ctrl_l_locks_with_no_case_on_screen() {
    run(|| async {
        let desktop = Desktop::start_without_vault();
        let window = desktop.launch_locked().await;
        window
            .wait_for_text("Protect this information with a password")
            .await;
        window.type_into("Password", "frase de la familia").await;
        window
            .type_into(
                "The same password again",
                &format!("frase de la familia{}", Key::Enter),
            )
            .await;
        window.wait_for_text("Your recovery words").await;
        let words = window
            .script("return Array.from(document.querySelectorAll('ol.words li')).map((li) => li.textContent).join(' ');")
            .await;
        let words = words.as_str().expect("words").to_owned();
        assert_eq!(words.split(' ').count(), 12, "{words}");
        window.type_into("Type the 12 words here", &words).await;
        window.press("Check and continue").await;

        // The first-start notice, then an empty case list behind the lock.
        window.wait_for_text("It is not legal advice").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        assert!(
            desktop.data_dir().join("vault.json").is_file(),
            "the vault is made in the data folder"
        );

        window.keys(&(Key::Control + "l")).await;
        window.wait_for_text("Amparo is locked").await;
        assert!(
            !window.text().await.contains("Rivas Moreno"),
            "no case on the lock screen"
        );
        window
            .type_into("Password", &format!("frase equivocada{}", Key::Enter))
            .await;
        window.wait_for_text("That is not the password").await;
        window
            .replace("Password", &format!("frase de la familia{}", Key::Enter))
            .await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        window.quit().await;
    });
}

#[test]
fn the_screen_saver_coming_on_locks_amparo() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("Cases").await;
        window
            .invoke("add_example_case", serde_json::json!({}))
            .await;
        window.press("Search").await;
        window.press("Cases").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        // What KDE, Xfce and the freedesktop screen savers say on the
        // session bus when the screen locks.
        let sent = std::process::Command::new("dbus-send")
            .arg(format!("--bus={}", desktop.session_bus()))
            .args([
                "--type=signal",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "boolean:true",
            ])
            .status()
            .expect("dbus-send (apt-get install dbus)");
        assert!(sent.success());
        window.wait_for_text("Amparo is locked").await;
        assert!(
            !window.text().await.contains("Rivas Moreno"),
            "no case on the lock screen"
        );
        let status = window.invoke("vault_status", serde_json::json!({})).await;
        assert_eq!(status["state"], "locked", "the core dropped its keys");
        window.quit().await;
    });
}
