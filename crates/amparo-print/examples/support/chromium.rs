//! The reference the print benchmarks compare against: Chromium's headless
//! print-to-PDF of an HTML file, a new process (and profile) each run.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The median of `runs`.
pub fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// Prints `html` to `out` with Chromium `runs` times; the median time.
pub fn print_to_pdf(html: &Path, out: &Path, runs: usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let profile = tempfile::tempdir().expect("profile");
                let start = Instant::now();
                let status = Command::new("chromium")
                    .args([
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-pdf-header-footer",
                    ])
                    .arg(format!("--user-data-dir={}", profile.path().display()))
                    .arg(format!("--print-to-pdf={}", out.display()))
                    .arg(format!("file://{}", html.display()))
                    .output()
                    .expect("chromium (make bench-print installs it)");
                assert!(status.status.success(), "chromium failed");
                start.elapsed()
            })
            .collect(),
    )
}
