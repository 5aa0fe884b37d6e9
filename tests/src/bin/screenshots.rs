//! Writes screenshots of the real window into a folder (default
//! docs/screenshots): first start, the case list, and the case form with a
//! validation message, in English and in Spanish.

use std::path::{Path, PathBuf};
use std::time::Duration;

use amparo_e2e::{Desktop, run};

fn main() {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/screenshots"));
    std::fs::create_dir_all(&out).expect("screenshot folder");
    run(|| async {
        let desktop = Desktop::start();
        let shot = |name: &str| save(&desktop, &out, name);
        let window = desktop.launch().await;
        window.wait_for_text("Antes de empezar").await;
        settle().await;
        shot("first-start.png");

        window.press("Continue in English").await;
        window.wait_for_text("EXAMPLE - FICTIONAL").await;
        settle().await;
        shot("case-list-en.png");

        window.press_containing("Jesús Alberto Rivas Moreno").await;
        window.wait_for_text("Needs an interpreter").await;
        settle().await;
        shot("case-page-en.png");
        window.press("Cases").await;

        window.press("New case").await;
        window
            .type_into("Name as on immigration records", "María José Peña")
            .await;
        window.type_into("A-number", "A-12-345").await;
        window.type_into("Year", "2031").await;
        window.press("Save case").await;
        window.wait_for_text("Nothing was saved").await;
        settle().await;
        shot("case-form-en.png");

        let language = window.field("Language").await;
        language
            .select_by_value("es")
            .await
            .expect("choose Spanish");
        window.wait_for_text("Guardar caso").await;
        settle().await;
        shot("case-form-es.png");
        window.quit().await;
    });
}

/// Lets the page finish painting before the screen is read.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(400)).await;
}

fn save(desktop: &Desktop, dir: &Path, name: &str) {
    let path = dir.join(name);
    desktop.screenshot(&path);
    println!("wrote {}", path.display());
}
