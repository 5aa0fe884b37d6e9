//! Drives the real Amparo window for end-to-end tests and screenshots.
//!
//! A [`Desktop`] is a private X display (Xvfb), a D-Bus session and a
//! `tauri-driver` WebDriver server, started for one test and stopped when it
//! is dropped. Each desktop has its own temporary data folder, which the app
//! inherits through `AMPARO_DATA_DIR`. [`Desktop::launch`] starts the app in
//! a new WebDriver session; closing the session quits the app, and launching
//! again on the same desktop is a restart on the same data.
//!
//! A missing tool (Xvfb, tauri-driver, WebKitWebDriver) or a missing app
//! binary is a failure with a message saying how to get it, never a skip.

pub mod accessibility;
mod desktop;
pub mod interview_walk;
pub mod markers;
pub mod mothers_laptop;
mod window;

pub use desktop::{Desktop, PASSWORD};
pub use window::Window;

/// How long one end-to-end test may take before it fails.
pub const TEST_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(180);

/// Runs one end-to-end test body under [`TEST_TIME_LIMIT`].
pub fn run<F, Fut>(body: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async {
        if tokio::time::timeout(TEST_TIME_LIMIT, body()).await.is_err() {
            panic!("the test took longer than {TEST_TIME_LIMIT:?}");
        }
    });
}

/// The text of the PDF at `path` (pdftotext), with runs of whitespace made
/// single spaces.
pub fn pdf_text(path: &str) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", path, "-"])
        .output()
        .expect("pdftotext (poppler-utils, `make deps`)");
    assert!(out.status.success(), "pdftotext failed on {path}");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
