//! Writes a picture of every question of "Tell us what happened", in
//! Spanish and in English, answered as a mother would, into a folder
//! (default docs/screenshots): `interview-NN-question-LANG.png`. Needs the
//! `e2e` build of the app.

use std::path::PathBuf;

use amparo_e2e::interview_walk::{Shots, tell_what_happened};
use amparo_e2e::{Desktop, run};

fn main() {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/screenshots"));
    std::fs::create_dir_all(&out).expect("screenshot folder");
    for (lang, first) in [
        ("es", "Continuar en español"),
        ("en", "Continue in English"),
    ] {
        run(|| async {
            let desktop = Desktop::start();
            let window = desktop.launch().await;
            window
                .field("A family: plain questions")
                .await
                .send_keys(" ")
                .await
                .expect("choose family");
            window.close_notice(first).await;
            let hearing = (chrono::Utc::now().date_naive() + chrono::Days::new(40)).to_string();
            let shots = Shots {
                desktop: &desktop,
                dir: &out,
            };
            tell_what_happened(&window, lang, &hearing, Some(shots)).await;
            window.quit().await;
        });
        println!("wrote the {lang} interview into {}", out.display());
    }
}
