//! Shared fixtures: a store with the example case (the mother's statement
//! in mode A, Jesús's in mode B) and helpers that read PDFs with poppler.

#![allow(dead_code, missing_docs)]

use std::io::Write;
use std::process::Command;

use amparo_core::{BlobStore, Store};

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub blobs: BlobStore,
    pub case_id: String,
    pub mother: String,
    pub jesus: String,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    let case = store.add_example_case().expect("example");
    let statements = store.statements(&case.id).expect("statements");
    let find = |who: &str| {
        statements
            .iter()
            .find(|s| s.declarant_name.starts_with(who))
            .map(|s| s.id.clone())
            .expect("example statement")
    };
    let (mother, jesus) = (find("María"), find("Jesús"));
    Fixture {
        dir,
        store,
        blobs,
        case_id: case.id,
        mother,
        jesus,
    }
}

fn with_pdf<T>(pdf: &[u8], run: impl FnOnce(&std::path::Path) -> T) -> T {
    let mut file = tempfile::NamedTempFile::new().expect("temp pdf");
    file.write_all(pdf).expect("write pdf");
    run(file.path())
}

fn poppler(tool: &str, args: &[&str], path: &std::path::Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils, `make deps`): {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The text of every page, in order (pdftotext, reading order).
pub fn pages_text(pdf: &[u8]) -> Vec<String> {
    with_pdf(pdf, |p| {
        poppler("pdftotext", &["-layout", "-enc", "UTF-8"], p)
            .split('\x0c')
            .map(str::to_owned)
            .filter(|page| !page.trim().is_empty())
            .collect()
    })
}

/// The text of every page in the order it was drawn (pdftotext -raw), one
/// string per page, blank pages kept: index `i` is page `i + 1`.
pub fn pages_raw_text(pdf: &[u8]) -> Vec<String> {
    let text = with_pdf(pdf, |p| poppler("pdftotext", &["-raw", "-enc", "UTF-8"], p));
    let mut pages: Vec<String> = text.split('\x0c').map(str::to_owned).collect();
    // pdftotext ends every page with a form feed, the last one too.
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

/// All the text, with runs of whitespace made single spaces.
pub fn flat_text(pdf: &[u8]) -> String {
    with_pdf(pdf, |p| poppler("pdftotext", &["-enc", "UTF-8"], p))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// All the text in reading order, line by line.
pub fn reading_lines(pdf: &[u8]) -> String {
    with_pdf(pdf, |p| poppler("pdftotext", &["-enc", "UTF-8"], p))
}

/// Every word with its left edge on the page (pdftotext -bbox), in the
/// order poppler finds them.
pub fn words_at(pdf: &[u8]) -> Vec<(f64, String)> {
    let xml = with_pdf(pdf, |p| {
        poppler("pdftotext", &["-bbox", "-enc", "UTF-8"], p)
    });
    xml.lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("<word xMin=\"")?;
            let (x, rest) = rest.split_once('"')?;
            let word = rest.split_once('>')?.1.strip_suffix("</word>")?;
            Some((x.parse().ok()?, word.to_owned()))
        })
        .collect()
}

/// All the text in the order it was drawn (cell by cell in a table, where
/// reading order would interleave the lines of wrapped neighbouring cells),
/// with runs of whitespace made single spaces.
pub fn flat_raw_text(pdf: &[u8]) -> String {
    with_pdf(pdf, |p| poppler("pdftotext", &["-raw", "-enc", "UTF-8"], p))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The part `key` of qpdf's JSON view of `pdf` (outlines, page labels).
pub fn qpdf_json(pdf: &[u8], key: &str) -> serde_json::Value {
    let mut file = tempfile::NamedTempFile::new().expect("temp");
    file.write_all(pdf).expect("write");
    let out = Command::new("qpdf")
        .args(["--json=2", &format!("--json-key={key}")])
        .arg(file.path())
        .output()
        .expect("qpdf (`make deps` installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("qpdf json")
}

pub fn pdfinfo(pdf: &[u8]) -> String {
    with_pdf(pdf, |p| poppler("pdfinfo", &["-l", "1000"], p))
}

pub fn pdffonts(pdf: &[u8]) -> String {
    with_pdf(pdf, |p| poppler("pdffonts", &[], p))
}

/// Asserts that `needles` appear in `text` in this order.
pub fn assert_in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!(
                "{needle:?} not found after position {from} in:\n{}",
                text[from..].chars().take(400).collect::<String>()
            ),
        }
    }
}
