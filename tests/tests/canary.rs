//! The canary through the real window: a case whose name, A-number,
//! paragraph, photo caption, tattoo meaning and photo EXIF carry marker
//! strings is made, opened on screen (its photo's thumbnail shown), previewed
//! and opened in the viewer; then, with Amparo locked and again after it
//! closed, nothing in the data folder, nor in the app's home, caches, WebKit
//! storage and temporary folder, reads any marker.

use amparo_e2e::markers::{assert_clean, photo_with_exif};
use amparo_e2e::{Desktop, run};
use fantoccini::key::Key;
use serde_json::json;

const NAME: &str = "Kanariowindow Qzxv";
const A_NUMBER: &str = "987654312";
const PARAGRAPH: &str = "windowparagraph-3b1c9";
const CAPTION: &str = "windowcaption-61d0e";
const MEANING: &str = "windowmeaning-a7f42";
const EXIF: &str = "windowexif-0c9b8";
const MARKERS: [&str; 6] = [NAME, A_NUMBER, PARAGRAPH, CAPTION, MEANING, EXIF];

#[test]
fn nothing_the_window_showed_is_readable_once_locked_or_closed() {
    run(|| async {
        let desktop = Desktop::start_with_private_home();
        let outside = tempfile::tempdir().expect("outside");
        let photo = outside.path().join("wrist.jpg");
        photo_with_exif(&photo, EXIF);

        let window = desktop.launch().await;
        let example = window.field("Add a fictional example case").await;
        window.focus(&example).await;
        window.keys(" ").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("There are no cases yet").await;

        let case = window
            .invoke(
                "create_case",
                json!({ "draft": { "person": { "recordName": NAME, "aNumber": A_NUMBER } } }),
            )
            .await;
        let case_id = case["id"].clone();
        window
            .invoke(
                "create_tattoo",
                json!({ "caseId": case_id, "draft": { "bodyLocation": "left wrist", "meaningOriginal": MEANING, "meaningEnglish": MEANING } }),
            )
            .await;
        let declarant = window
            .invoke(
                "create_declarant",
                json!({ "caseId": case_id, "draft": { "fullName": NAME } }),
            )
            .await;
        let statement = window
            .invoke(
                "create_statement",
                json!({ "caseId": case_id, "draft": {
                    "declarantId": declarant["id"], "language": "es", "title": "Declaración",
                    "paragraphs": [{ "original": PARAGRAPH, "english": PARAGRAPH, "exhibits": [] }]
                } }),
            )
            .await;
        window
            .invoke(
                "e2e_import_paths",
                json!({ "caseId": case_id, "paths": [photo.to_string_lossy()] }),
            )
            .await;
        let page = window
            .invoke(
                "list_photos",
                json!({ "caseId": case_id, "offset": 0, "limit": 10 }),
            )
            .await;
        let mut details = page["photos"][0]["details"].clone();
        details["caption"] = json!(CAPTION);
        window
            .invoke(
                "update_photo_details",
                json!({ "id": page["photos"][0]["id"], "details": details }),
            )
            .await;

        // On screen: the case list again (it was drawn before the case
        // existed), then the case page with its photo's thumbnail.
        window.press("Search").await;
        window.press("Cases").await;
        window.press_containing(NAME).await;
        window
            .wait_for_text(A_NUMBER.get(..3).unwrap_or_default())
            .await;
        window.wait_for_css("img[src^='amparo-media']").await;
        window
            .invoke_as_page(
                "preview_statement",
                json!({ "id": statement["id"], "purpose": "draft" }),
            )
            .await
            .unwrap_or_else(|e| panic!("preview: {e}"));
        window
            .invoke_as_page(
                "open_statement_pdf",
                json!({ "id": statement["id"], "purpose": "draft" }),
            )
            .await
            .unwrap_or_else(|e| panic!("open in the viewer: {e}"));

        window.keys(&(Key::Control + "l")).await;
        window.wait_for_text("Amparo is locked").await;
        let mut folders = desktop.private_folders();
        folders.push(desktop.data_dir().to_path_buf());
        let scanned: Vec<&std::path::Path> = folders.iter().map(|p| p.as_path()).collect();
        assert_clean(&scanned, &MARKERS, "locked");
        window.quit().await;
        assert_clean(&scanned, &MARKERS, "closed");
    });
}
