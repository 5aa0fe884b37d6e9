//! The Debian package as a family would meet it (`make test-package`
//! installs it first, then runs this with AMPARO_APP=/usr/bin/amparo-desktop):
//! the installed window starts and shows the case list with its cases, and
//! a case file opened through the desktop's file associations (`gio open`,
//! as a double-click does) reaches that window instead of a second one.

use std::process::Command;

use amparo_e2e::mothers_laptop::case_file_to_password;
use amparo_e2e::{Desktop, run};

#[test]
fn the_installed_app_opens_a_double_clicked_case_file_in_its_window() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("It is not legal advice").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;

        // A case file from the mother's laptop, sent to a password.
        let sent = case_file_to_password("la fiesta de los Reyes");
        let file = &sent.path;

        let mime = Command::new("gio")
            .args(["info", "--attributes=standard::content-type"])
            .arg(file)
            .output()
            .expect("gio (apt-get install libglib2.0-bin)");
        assert!(
            String::from_utf8_lossy(&mime.stdout).contains("application/x-amparo-case"),
            "the package taught the desktop what a case file is: {}",
            String::from_utf8_lossy(&mime.stdout)
        );
        let opened = Command::new("gio")
            .arg("open")
            .arg(file)
            .env("DISPLAY", desktop.display())
            .env("AMPARO_DATA_DIR", desktop.data_dir())
            .env("GDK_BACKEND", "x11")
            .output()
            .expect("gio open");
        assert!(
            opened.status.success(),
            "gio open: {}",
            String::from_utf8_lossy(&opened.stderr)
        );
        window
            .wait_for_text("This file opens with the password its sender chose.")
            .await;
        assert_eq!(window.window_count().await, 1, "no second window");
        window.quit().await;
    });
}
