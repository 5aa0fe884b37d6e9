//! The real window keeps to itself: it never leaves Amparo's own pages,
//! opens no second window, grants a script in the page only what the UI
//! uses, and takes the PDFs it wrote for the system viewer with it when it
//! closes. Needs the app built with `--features e2e`.

use std::time::Duration;

use amparo_e2e::{Desktop, Window, run};
use serde_json::json;

/// Gives a refused (or, on a broken build, an allowed) navigation time to
/// land.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(1500)).await;
}

/// Asserts that the window still shows Amparo's first screen at `home`.
async fn still_home(window: &Window, home: &str, after: &str) {
    assert_eq!(window.address().await, home, "after {after}");
    let shown = window
        .script("return location.href + ' ' + document.body.innerText")
        .await;
    let shown = shown.as_str().unwrap_or_default();
    assert!(
        shown.starts_with(home) && shown.contains("Continue in English"),
        "after {after} the window shows: {shown}"
    );
}

#[test]
fn the_window_never_leaves_the_app_and_opens_no_other_window() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("Continue in English").await;
        let home = window.address().await;
        assert!(home.starts_with("tauri://localhost"), "{home}");

        for target in [
            "https://example.com/",
            "http://127.0.0.1:9/",
            "file:///etc/passwd",
        ] {
            window
                .script(&format!(
                    "setTimeout(() => {{ window.location.href = '{target}'; }}, 0); return null;"
                ))
                .await;
            settle().await;
            still_home(&window, &home, &format!("going to {target}")).await;
        }

        let opened = window
            .script(
                "const w = window.open('https://example.com/', '_blank');
                 const link = document.createElement('a');
                 link.href = 'https://example.com/';
                 link.target = '_blank';
                 document.body.appendChild(link);
                 link.click();
                 link.remove();
                 return w === null;",
            )
            .await;
        settle().await;
        assert_eq!(opened, json!(true), "window.open gives the page nothing");
        assert_eq!(window.window_count().await, 1, "no second window");
        still_home(&window, &home, "window.open").await;

        // The app still works: the first-start notice answers.
        window.press("Continue in English").await;
        window.wait_for_css("nav").await;
        window.quit().await;
    });
}
