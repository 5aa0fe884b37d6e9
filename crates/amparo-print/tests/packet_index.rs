//! The index of a packet lists every page of the filing: the cover, the
//! index itself, the filer's signature, each item under the kind of evidence it is, the
//! certificate of service and the verification page, with no page left
//! out and none counted twice; items are "Tab" or "Exhibit" as set.

mod common;
#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use amparo_core::ItemLabel;
use amparo_print::{PacketPurpose, print_packet};
use common::*;
use packet_fixture::packet_fixture;
use regex::Regex;

/// The index's rows that end in a page range, as (text, first, last); the
/// page's own number, alone on its line, is not a row.
fn ranges(index_page: &str) -> Vec<(String, usize, usize)> {
    let row = Regex::new(r"^\s*(.*?)\s+(\d+)(?:–(\d+))?\s*$").expect("regex");
    index_page
        .lines()
        .filter_map(|line| {
            let c = row.captures(line)?;
            let first: usize = c[2].parse().ok()?;
            let last = c.get(3).map_or(first, |m| m.as_str().parse().unwrap_or(0));
            Some((c[1].trim().to_owned(), first, last))
        })
        .filter(|(text, ..)| !text.is_empty())
        .collect()
}

#[test]
fn the_index_accounts_for_every_page_and_groups_items_as_tabs() {
    let mut f = packet_fixture(2, 320, 240);
    packet_fixture::add_tables(&mut f);
    let mut draft = f.store.packet(&f.case_id).expect("packet");
    draft.item_label = ItemLabel::Tab;
    f.store.save_packet(&f.case_id, &draft).expect("save");
    let printed = print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Filing,
        &|_| {},
    )
    .expect("filing print");
    let pdf = &printed.files[0].pdf;
    let pages = pages_text(pdf);
    assert_eq!(pages.len(), printed.page_count);
    let index = &pages[1];
    let rows = ranges(index);
    // Cover, index, then every item, then the closing pages, each taking
    // up where the last left off, to the last page.
    assert!(rows[0].0.starts_with("Cover page"), "{index}");
    assert_eq!((rows[0].1, rows[0].2), (1, 1));
    assert!(rows[1].0.starts_with("Index of Exhibits"), "{index}");
    assert!(rows[2].0.starts_with("Signature of the Filer"), "{index}");
    let mut next = 1;
    for (text, first, last) in &rows {
        assert_eq!(*first, next, "{text} should start on page {next}:\n{index}");
        assert!(last >= first, "{text}");
        next = last + 1;
    }
    assert_eq!(
        next - 1,
        pages.len(),
        "the last row ends on the last page:\n{index}"
    );
    let closing: Vec<&str> = rows.iter().rev().take(2).map(|r| r.0.as_str()).collect();
    assert!(
        closing[0].starts_with("How to Verify This Packet"),
        "{index}"
    );
    assert!(closing[1].starts_with("Certificate of Service"), "{index}");

    // Items are tabs, filed under their kind of evidence.
    let flat = flat_text(pdf);
    assert!(flat.contains("Tab Description Pages"), "{flat}");
    for group in ["Declarations", "Photographs", "Other"] {
        assert!(
            index.lines().any(|l| l.trim() == group),
            "{group} heading:\n{index}"
        );
    }
    let slip_sheets: Vec<&String> = pages.iter().filter(|p| p.contains("TAB A")).collect();
    assert_eq!(slip_sheets.len(), 1, "Tab A's slip sheet");
    assert!(
        !flat.contains("EXHIBIT A "),
        "slip sheets say TAB, not EXHIBIT"
    );
}
