//! A window left open all day: every edit of a statement prints its
//! preview again, and typst keeps what it laid out for reuse. Layouts no
//! print has used for a while must be let go, or each preview of a
//! ten-page declaration keeps a few more megabytes until the old laptop
//! runs out of memory.

mod common;

use amparo_core::Paragraph;
use amparo_print::{Purpose, print_statement};
use common::*;

const WORDS: &str = "Desde que tenía siete años mi hijo participó en el desfile de los Reyes \
    Magos vestido de rey, con una corona que yo misma le cosía.";

/// The process's resident memory in KiB (Linux).
fn resident_kib() -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[test]
fn previews_after_edits_do_not_keep_every_layout() {
    let mut f = fixture();
    let mut draft = f.store.statement(&f.mother).expect("statement").draft;
    draft.paragraphs = (0..60)
        .map(|i| Paragraph {
            original: format!("{i}. {WORDS}"),
            english: format!("{i}. {WORDS}"),
            exhibits: Vec::new(),
        })
        .collect();
    let mut edit_and_print = |run: usize| {
        draft.paragraphs[run % 60].original = format!("{run}. {WORDS} (corregido)");
        f.store.update_statement(&f.mother, &draft).expect("save");
        print_statement(&f.store, &f.mother, Purpose::Draft).expect("preview prints");
    };
    // The first prints fill typst's cache as far as it should go.
    for run in 0..15 {
        edit_and_print(run);
    }
    let Some(before) = resident_kib() else {
        eprintln!("no /proc/self/status here: memory not measured");
        return;
    };
    for run in 15..75 {
        edit_and_print(run);
    }
    let after = resident_kib().expect("measured before");
    // Kept, the layouts grew memory by about 350 MiB over these 60 prints;
    // let go, it stays where it was give or take the allocator's slack.
    let grown_mib = after.saturating_sub(before) / 1024;
    assert!(
        grown_mib < 60,
        "60 previews after edits grew memory by {grown_mib} MiB"
    );
}
