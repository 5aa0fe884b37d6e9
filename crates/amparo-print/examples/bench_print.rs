//! How long a 30-page declaration takes to print, against Chromium's
//! headless print-to-PDF of the same text as an HTML page, in the same run,
//! three ways: in process after an edit (typst's cache warm), in process
//! from an empty cache, and the whole `amparo print declaration` process
//! (start, unlock the vault, open the store, print, write) against
//! Chromium's whole process. Unlocking is Argon2id at the vault's cost,
//! deliberately about half a second; so the same run also times the
//! smallest command that unlocks (`amparo case list`) and reports the
//! print's own share of the process beside it.
//! A Chinese declaration of the same length shows what reading the 26 MB
//! Chinese font costs a process. `make bench-print` builds the `amparo`
//! command beside this example and runs it; the figures go in the README.
//!
//! Usage: bench_print [RUNS]

#[path = "support/chromium.rs"]
mod chromium;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chromium::median;

use amparo_core::{Paragraph, StatementDraft, Store};
use amparo_print::Purpose;

const WORDS: &str = "En Capacho celebramos cada seis de enero la fiesta de los Reyes Magos, \
    y desde que tenía siete años mi hijo participó en el desfile vestido de rey, con una corona \
    que yo misma le cosía; cuando cumplió dieciocho años se tatuó dos coronas en las muñecas, \
    una sobre la palabra mamá y otra sobre la palabra papá, por nosotros y por los Reyes.";

const CHINESE: &str = "我们镇每年一月六日都庆祝三王节。我儿子从七岁起就穿着国王的衣服参加游行，\
    头上戴着我亲手缝的王冠；他十八岁时在两个手腕上各纹了一顶王冠，一顶在“妈妈”上面，一顶在“爸爸”上面，\
    是为了我们，也是为了三王。";

/// 232 numbered paragraphs of `words`: 30 pages.
fn long_statement(draft: &mut StatementDraft, language: &str, words: &str) {
    draft.paragraphs = (0..232)
        .map(|i| Paragraph {
            original: format!("{i}. {words}"),
            english: format!("{i}. {WORDS}"),
            exhibits: Vec::new(),
        })
        .collect();
    draft.language = language.into();
}

/// The `amparo` command built beside this example (`make bench-print`
/// builds it).
fn amparo_command() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_default();
    let release = exe
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    release.join("amparo")
}

const PASSPHRASE: &str = "bench print passphrase";

/// `amparo ARGS` in the vault at `data` as a new process each run: the
/// median.
fn whole_process(data: &Path, args: &[&std::ffi::OsStr], runs: usize) -> Duration {
    let amparo = amparo_command();
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let status = Command::new(&amparo)
                    .env("AMPARO_PASSPHRASE", PASSPHRASE)
                    .arg("--data-dir")
                    .arg(data)
                    .args(args)
                    .output()
                    .unwrap_or_else(|e| {
                        panic!("{} (make bench-print builds it): {e}", amparo.display())
                    });
                assert!(
                    status.status.success(),
                    "amparo {args:?}: {}",
                    String::from_utf8_lossy(&status.stderr)
                );
                start.elapsed()
            })
            .collect(),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(7);
    let data = tempfile::tempdir()?;
    let (vault, _) = amparo_core::Vault::create(data.path(), PASSPHRASE)?;
    let mut store = Store::open(data.path(), vault.keys())?;
    let case = store.add_example_case()?;
    let statements = store.statements(&case.id)?;
    let id = statements[0].id.clone();
    let mut draft = store.statement(&id)?.draft;
    // The English declaration alone, as Chromium prints it below.
    long_statement(&mut draft, "en", WORDS);
    store.update_statement(&id, &draft)?;
    let chinese = statements[1].id.clone();
    let mut chinese_draft = store.statement(&chinese)?.draft;
    long_statement(&mut chinese_draft, "zh-Hans", CHINESE);
    chinese_draft.mode = amparo_core::SigningMode::SignOriginal;
    store.update_statement(&chinese, &chinese_draft)?;

    let pdf = amparo_print::print_statement(&store, &id, Purpose::Draft)?;
    let pages = amparo_print::preview_statement(&store, &id, Purpose::Draft)?.count();
    let cold = median(
        (0..runs)
            .map(|_| {
                comemo::evict(0);
                let start = Instant::now();
                let _ = amparo_print::print_statement(&store, &id, Purpose::Draft);
                start.elapsed()
            })
            .collect(),
    );
    let layout = median(
        (0..runs)
            .map(|_| {
                comemo::evict(0);
                let start = Instant::now();
                let _ = amparo_print::preview_statement(&store, &id, Purpose::Draft);
                start.elapsed()
            })
            .collect(),
    );
    // What the window does: a paragraph changes, the preview prints again
    // with typst's cache as the last print left it.
    let warm = median(
        (0..runs)
            .map(|run| {
                draft.paragraphs[run * 7 % 232].english = format!("{run}. {WORDS} (edited)");
                draft.paragraphs[run * 7 % 232].original = format!("{run}. {WORDS} (edited)");
                store.update_statement(&id, &draft).expect("edit");
                let start = Instant::now();
                let _ = amparo_print::print_statement(&store, &id, Purpose::Draft);
                start.elapsed()
            })
            .collect(),
    );
    drop(store);
    let out = data.path().join("amparo.pdf");
    let print = |statement: &str| {
        let args: Vec<&std::ffi::OsStr> = ["print", "declaration", statement]
            .into_iter()
            .chain(["--purpose", "draft", "--out"])
            .map(std::ffi::OsStr::new)
            .chain([out.as_os_str()])
            .collect();
        whole_process(data.path(), &args, runs)
    };
    let unlock = whole_process(data.path(), &["case".as_ref(), "list".as_ref()], runs);
    let process = print(&id);
    let chinese_process = print(&chinese);
    let chinese_pages = page_count(&out);

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
    let chromium_pages = page_count(&out);
    let ratio = |amparo: Duration| chromium.as_secs_f64() / amparo.as_secs_f64();
    println!("declaration: {pages} pages, {} KB", pdf.len() / 1024);
    println!(
        "chromium --print-to-pdf ({chromium_pages} pages, new process each): median {chromium:?}"
    );
    println!(
        "amparo-print in process, after an edit (cache warm): median {warm:?}, chromium / amparo {:.1}",
        ratio(warm)
    );
    println!(
        "amparo-print in process, cold cache: median {cold:?}, chromium / amparo {:.1}",
        ratio(cold)
    );
    println!("  of which laying out the pages (cold cache, no PDF written): median {layout:?}");
    println!(
        "amparo print declaration (new process each): median {process:?}, chromium / amparo {:.1}",
        ratio(process)
    );
    println!(
        "amparo case list (new process each: start, unlock, open the store): median {unlock:?}"
    );
    let own = process.saturating_sub(unlock);
    println!(
        "amparo print declaration less amparo case list: {own:?}, chromium / amparo {:.1}",
        ratio(own)
    );
    println!(
        "amparo print declaration, Chinese original with its English translation ({chinese_pages} pages, new process each): median {chinese_process:?}"
    );
    let fonts: u64 = std::fs::read_dir(amparo_print::fonts_dir())?
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "ttf" || x == "ttc")
        })
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!("bundled font files: {fonts} bytes");
    Ok(())
}

/// The page count pdfinfo reads from `pdf`, or empty when it cannot.
fn page_count(pdf: &std::path::Path) -> String {
    Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find(|l| l.starts_with("Pages:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .unwrap_or_default()
}
