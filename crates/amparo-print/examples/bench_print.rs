//! How long a 30-page declaration takes to print, against Chromium's
//! headless print-to-PDF of the same text as an HTML page, in the same run.
//! `make bench-print` runs it; the figures go in the README.
//!
//! Usage: bench_print [RUNS]

#[path = "support/chromium.rs"]
mod chromium;

use std::process::Command;
use std::time::Instant;

use chromium::median;

use amparo_core::{Paragraph, Store};
use amparo_print::Purpose;

const WORDS: &str = "En Capacho celebramos cada seis de enero la fiesta de los Reyes Magos, \
    y desde que tenía siete años mi hijo participó en el desfile vestido de rey, con una corona \
    que yo misma le cosía; cuando cumplió dieciocho años se tatuó dos coronas en las muñecas, \
    una sobre la palabra mamá y otra sobre la palabra papá, por nosotros y por los Reyes.";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(7);
    let mut store = Store::open_in_memory()?;
    let case = store.add_example_case()?;
    let id = store.statements(&case.id)?[0].id.clone();
    let mut draft = store.statement(&id)?.draft;
    draft.paragraphs = (0..232)
        .map(|i| Paragraph {
            original: format!("{i}. {WORDS}"),
            english: format!("{i}. {WORDS}"),
            exhibits: Vec::new(),
        })
        .collect();
    // The English declaration alone, as Chromium prints it below.
    draft.language = "en".into();
    store.update_statement(&id, &draft)?;

    let pdf = amparo_print::print_statement(&store, &id, Purpose::Draft)?;
    let pages = amparo_print::preview_statement(&store, &id, Purpose::Draft)?.count();
    let amparo = median(
        (0..runs)
            .map(|_| {
                // typst memoizes; a print after an edit starts mostly cold,
                // so every timed run starts with an empty cache.
                comemo::evict(0);
                let start = Instant::now();
                let _ = amparo_print::print_statement(&store, &id, Purpose::Draft);
                start.elapsed()
            })
            .collect(),
    );

    let dir = tempfile::tempdir()?;
    let html = dir.path().join("declaration.html");
    let mut body = String::from(
        "<!doctype html><meta charset=utf-8><style>@page{size:letter;margin:1in}\
         body{font:12pt/1.5 serif}li{margin:.6em 0}</style><h3 style=text-align:center>\
         DECLARATION</h3><ol>",
    );
    for p in &draft.paragraphs {
        body.push_str(&format!("<li>{}</li>", p.english));
    }
    body.push_str(
        "</ol><p>I declare under penalty of perjury that the foregoing is true and correct.</p>",
    );
    std::fs::write(&html, body)?;
    let out = dir.path().join("chromium.pdf");
    let chromium = chromium::print_to_pdf(&html, &out, runs);
    let chromium_pages = Command::new("pdfinfo")
        .arg(&out)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find(|l| l.starts_with("Pages:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .unwrap_or_default();
    println!("declaration: {pages} pages, {} KB", pdf.len() / 1024);
    println!("amparo-print (typst, in process, cold cache): median {amparo:?} over {runs} runs");
    println!(
        "chromium --print-to-pdf ({chromium_pages} pages, new process each): median {chromium:?}"
    );
    println!(
        "ratio chromium / amparo: {:.1}",
        chromium.as_secs_f64() / amparo.as_secs_f64()
    );
    Ok(())
}
