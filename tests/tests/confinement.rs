//! The real window keeps to itself: it never leaves Amparo's own pages,
//! opens no second window, grants a script in the page only what the UI
//! uses, and takes the PDFs it wrote for the system viewer with it when it
//! closes. Needs the app built with `--features e2e`.

use std::path::Path;
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
        window.close_notice("Continue in English").await;
        window.wait_for_css("nav").await;
        window.quit().await;
    });
}

#[test]
fn a_script_in_the_page_gets_only_the_permissions_the_ui_uses() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("Continue in English").await;

        // What core:default granted and the UI never uses: the user's home
        // folder (often their name), the app's name and version, window
        // details, emitting events as if the shell had.
        for (command, args) in [
            ("plugin:path|resolve_directory", json!({ "directory": 21 })),
            ("plugin:path|resolve_directory", json!({ "directory": 17 })),
            ("plugin:app|version", json!({})),
            ("plugin:app|name", json!({})),
            ("plugin:window|title", json!({ "label": "main" })),
            ("plugin:window|inner_size", json!({ "label": "main" })),
            ("plugin:webview|get_all_webviews", json!({})),
            (
                "plugin:event|emit",
                json!({ "event": "files-dropped", "payload": 3 }),
            ),
        ] {
            let answer = window.invoke_as_page(command, args).await;
            let refusal = answer
                .as_ref()
                .err()
                .and_then(|e| e.as_str())
                .unwrap_or_default()
                .to_owned();
            assert!(
                refusal.contains("not allowed"),
                "{command} must be refused by the capability; it answered {answer:?}"
            );
        }

        // What the UI does use still works: following an event and
        // stopping (the dropped-files notice and the close guard).
        let id = window
            .invoke_as_page(
                "plugin:event|listen",
                json!({
                    "event": "files-dropped",
                    "target": { "kind": "Any" },
                    "handler": 4242,
                }),
            )
            .await
            .unwrap_or_else(|e| panic!("listening is allowed: {e}"));
        window
            .invoke_as_page(
                "plugin:event|unlisten",
                json!({ "event": "files-dropped", "eventId": id }),
            )
            .await
            .unwrap_or_else(|e| panic!("unlistening is allowed: {e}"));
        window.quit().await;
    });
}

/// Whether `dir` holds any file, in any folder.
fn holds_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().is_file() || holds_files(&e.path()))
    })
}

#[test]
fn pdfs_opened_in_the_viewer_are_gone_once_the_window_closes() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.close_notice("Continue in English").await;
        let case = window.invoke("add_example_case", json!({})).await;
        let statements = window
            .invoke("list_statements", json!({ "caseId": case["id"] }))
            .await;
        let id = statements[0]["id"].clone();
        window
            .invoke_as_page(
                "open_statement_pdf",
                json!({ "id": id, "purpose": "draft" }),
            )
            .await
            .unwrap_or_else(|e| panic!("open the declaration: {e}"));
        let printed = desktop.data_dir().join("printed");
        assert!(holds_files(&printed), "the PDF was written for the viewer");

        // Closed the way the window closes once nothing is unsaved.
        window
            .script(
                "setTimeout(() => window.__TAURI_INTERNALS__.invoke('plugin:window|destroy', { label: 'main' }), 100);
                 return null;",
            )
            .await;
        let mut waited = Duration::ZERO;
        while holds_files(&printed) && waited < Duration::from_secs(15) {
            tokio::time::sleep(Duration::from_millis(200)).await;
            waited += Duration::from_millis(200);
        }
        assert!(
            !holds_files(&printed),
            "the PDFs written for the viewer are removed when the app closes"
        );
        assert!(
            desktop.data_dir().join("amparo.sqlite3").exists(),
            "the case itself stays"
        );
    });
}
