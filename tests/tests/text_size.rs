//! Larger text for someone who reads with difficulty, in the real window:
//! Ctrl and plus makes the whole page larger (fewer CSS pixels fit across
//! the window), and the size is there again at the next start.

use std::time::{Duration, Instant};

use amparo_e2e::{Desktop, Window, run};
use fantoccini::key::Key;

/// The page's width in CSS pixels: the window's width over its zoom.
async fn page_width(window: &Window) -> f64 {
    window
        .script("return document.documentElement.clientWidth;")
        .await
        .as_f64()
        .expect("a width")
}

/// Waits until the page's width is `expected` (within a few pixels).
async fn wait_for_width(window: &Window, expected: f64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut width = page_width(window).await;
    while (width - expected).abs() > 4.0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        width = page_width(window).await;
    }
    assert!(
        (width - expected).abs() <= 4.0,
        "the page is {width} px wide, not {expected}"
    );
}

#[test]
fn ctrl_plus_makes_the_text_larger_and_the_size_stays_for_the_next_start() {
    run(|| async {
        let desktop = Desktop::start();
        let window = desktop.launch().await;
        window.wait_for_text("It is not legal advice").await;
        window.close_notice("Continue in English").await;
        window.wait_for_text("Jesús Alberto Rivas Moreno").await;
        let normal = page_width(&window).await;

        window.keys(&(Key::Control + "=")).await;
        window.keys(&(Key::Control + "=")).await;
        wait_for_width(&window, normal / 1.5).await;
        if let Some(shot) = std::env::var_os("AMPARO_TEXT_SIZE_SHOT") {
            tokio::time::sleep(Duration::from_millis(500)).await;
            desktop.screenshot(std::path::Path::new(&shot));
        }
        window.quit().await;

        let again = desktop.launch().await;
        again.wait_for_text("Jesús Alberto Rivas Moreno").await;
        wait_for_width(&again, normal / 1.5).await;
        again.keys(&(Key::Control + "0")).await;
        wait_for_width(&again, normal).await;
        again.quit().await;
    });
}
