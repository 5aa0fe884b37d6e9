//! Photos in the real window: files imported through the test-only path
//! (the native picker cannot be driven), thumbnails served through the
//! amparo-media scheme, a caption and a tattoo record written by keyboard,
//! all still there after a restart. Needs the app built with
//! `--features e2e`.

use amparo_e2e::{Desktop, run};
use serde_json::json;

fn fixture(dir: &std::path::Path, name: &str, colour: [u8; 3]) -> String {
    let path = dir.join(name);
    image::RgbImage::from_fn(640, 480, |x, y| {
        if (x / 80 + y / 80) % 2 == 0 {
            image::Rgb(colour)
        } else {
            image::Rgb([240, 240, 240])
        }
    })
    .save(&path)
    .expect("write fixture");
    path.to_string_lossy().into_owned()
}

#[test]
fn imported_photos_show_as_thumbnails_and_keep_their_caption_after_a_restart() {
    run(|| async {
        let desktop = Desktop::start();
        let files = tempfile::tempdir().expect("fixture folder");
        let wrist = fixture(files.path(), "wrist.jpg", [150, 60, 40]);
        let festival = fixture(files.path(), "reyes-magos.png", [40, 90, 160]);
        let letter = files.path().join("letter.jpg");
        std::fs::write(&letter, "Querida familia").expect("fixture");

        let window = desktop.launch().await;
        let summary =
            import_into_a_new_case(&window, json!([wrist, letter.to_string_lossy(), festival]))
                .await;
        assert_eq!(summary["imported"], 2, "{summary}");
        assert_eq!(summary["outcomes"][1]["result"]["code"], "notAnImage");

        window.press("Cases").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Photos (2)").await;
        wait_for_loaded_thumbnails(&window, 2).await;

        window.press_containing("Photo 1 of 2").await;
        window
            .type_into(
                "What the photo shows",
                "Left wrist: the crown over “mamá”, made in 2017 in Capacho",
            )
            .await;
        window.type_into("Who took it", "María Moreno").await;
        window.press("Save").await;
        window.wait_for_text("Saved.").await;

        window.press("Record a tattoo shown in this photo").await;
        window
            .type_into("Where on the body", "Inside of the left wrist")
            .await;
        window.type_into("Words or letters in it", "mamá").await;
        window
            .type_into(
                "What it means, in the person's own words",
                "La corona es por mi mamá y por los Reyes Magos de Capacho.",
            )
            .await;
        window
            .type_into(
                "What it means, in English",
                "The crown is for my mom and for the Three Kings of Capacho.",
            )
            .await;
        window.press("Save tattoo record").await;
        window
            .wait_for_text("Inside of the left wrist (mamá)")
            .await;
        window.quit().await;

        let window = desktop.launch().await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Photos (2)").await;
        // The gallery names each photo by its caption: the caption came back.
        window
            .wait_for_css(
                "button[aria-label='Photo 1 of 2: Left wrist: the crown over “mamá”, made in 2017 in Capacho']",
            )
            .await;
        window.wait_for_text("Tattoos (1)").await;
        window
            .wait_for_text("The crown is for my mom and for the Three Kings of Capacho.")
            .await;
        window.wait_for_text("1 photo").await;
        // The photo opens from its thumbnail by keyboard after the restart.
        window.press_containing("Photo 1 of 2: Left wrist").await;
        window.wait_for_text("Photo 1 of 2").await;
        assert_eq!(
            window.value_of("What the photo shows").await,
            "Left wrist: the crown over “mamá”, made in 2017 in Capacho"
        );
        window.quit().await;
    });
}

/// Waits until `count` thumbnails have really loaded (decoded with a size)
/// from the amparo-media scheme.
/// Makes a case through the form and imports `paths` into it; the
/// import's summary.
async fn import_into_a_new_case(
    window: &amparo_e2e::Window,
    paths: serde_json::Value,
) -> serde_json::Value {
    window
        .new_case_in_english("Jesús Alberto Rivas Moreno")
        .await;
    window.wait_for_text("Photos (0)").await;
    let cases = window.invoke("list_cases", json!({ "query": "" })).await;
    let case_id = cases[0]["id"].as_str().expect("case id").to_owned();
    window
        .invoke(
            "e2e_import_paths",
            json!({ "caseId": case_id, "paths": paths }),
        )
        .await
}

async fn wait_for_loaded_thumbnails(window: &amparo_e2e::Window, count: u64) {
    // Thumbnails load as the gallery comes into view ("What's next" may
    // stand above it).
    window
        .script("document.getElementById('photos-title').scrollIntoView(); return 1")
        .await;
    for _ in 0..100 {
        let loaded = window
            .script(
                "return [...document.querySelectorAll('img')]
                   .filter((i) => i.src.startsWith('amparo-media://localhost/thumb/')
                                  && i.complete && i.naturalWidth > 0).length;",
            )
            .await;
        if loaded.as_u64() == Some(count) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the thumbnails did not load through the amparo-media scheme");
}

/// A real JPEG whose comment carries the decoding worker's crash marker:
/// in debug builds the worker aborts on it, as a decoder would on a
/// crafted file.
fn crafted(dir: &std::path::Path) -> String {
    let whole = std::fs::read(fixture(dir, "base.jpg", [90, 90, 90])).expect("fixture");
    let marker = b"AMPARO-TEST-DECODER-ABORT";
    let mut bytes = b"\xFF\xD8\xFF\xFE".to_vec();
    bytes.extend_from_slice(&(marker.len() as u16 + 2).to_be_bytes());
    bytes.extend_from_slice(marker);
    bytes.extend_from_slice(&whole[2..]);
    let path = dir.join("IMG-crafted.jpg");
    std::fs::write(&path, bytes).expect("fixture");
    path.to_string_lossy().into_owned()
}

#[test]
fn a_file_that_crashes_the_decoder_fails_alone_and_the_window_stays_up() {
    run(|| async {
        let desktop = Desktop::start();
        let files = tempfile::tempdir().expect("fixture folder");
        let wrist = fixture(files.path(), "wrist.jpg", [150, 60, 40]);
        let crafted = crafted(files.path());
        // A transfer cut short: the first half of a photo.
        let whole = std::fs::read(fixture(files.path(), "whole.jpg", [40, 90, 160])).expect("read");
        let cut = files.path().join("IMG-20240106-WA0007.jpg");
        std::fs::write(&cut, &whole[..whole.len() / 2]).expect("fixture");

        let window = desktop.launch().await;
        let summary =
            import_into_a_new_case(&window, json!([wrist, crafted, cut.to_string_lossy()])).await;
        assert_eq!(summary["imported"], 2, "{summary}");
        assert_eq!(
            summary["outcomes"][1]["result"]["code"], "decoderStopped",
            "{summary}"
        );
        assert_eq!(
            summary["outcomes"][2]["result"]["damaged"], true,
            "{summary}"
        );

        // The window is still here and still works: the case opens with
        // both photos, the damaged one marked, by keyboard.
        window.press("Cases").await;
        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Photos (2)").await;
        wait_for_loaded_thumbnails(&window, 2).await;
        window
            .press_containing("IMG-20240106-WA0007.jpg (Damaged)")
            .await;
        window
            .wait_for_text("This file is damaged: part of the picture is missing.")
            .await;
        window.quit().await;
    });
}
