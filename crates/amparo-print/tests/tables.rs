//! The chronology and the rebuttal table as packet exhibits, read back with
//! pdftotext: every event and every allegation, with the exhibit letters of
//! what it rests on.

mod common;
#[path = "../../amparo-media/tests/support/mod.rs"]
mod media_support;
#[path = "support/packet_fixture.rs"]
mod packet_fixture;

use amparo_core::{EvidenceLink, PacketItem, PacketItemKind, PrintCheckCode, packet_letters};
use amparo_print::{PacketPurpose, packet_checks, print_packet};
use common::*;
use packet_fixture::{add_tables, packet_fixture};

#[test]
fn the_printed_tables_list_every_event_and_allegation_with_exhibit_letters() {
    let mut f = packet_fixture(2, 320, 240);
    add_tables(&mut f);
    let packet = f.store.packet(&f.case_id).expect("packet");
    let (letters, _) = packet_letters(
        &packet.items,
        &f.store.pinned_letters(&f.case_id).expect("pins"),
    );
    let letter_of = |kind: PacketItemKind, id: &str| -> String {
        let at = packet
            .items
            .iter()
            .position(|i| i.kind == kind && i.id == id)
            .unwrap_or_else(|| panic!("{kind:?} {id} in the packet"));
        letters[at].clone()
    };
    let cited = |link: &EvidenceLink| -> String {
        let item = link.packet_item();
        let letter = letter_of(item.kind, &item.id);
        match link.paragraph {
            Some(n) => format!("para. {n} (Exhibit {letter})"),
            None => format!("(Exhibit {letter})"),
        }
    };

    // For filing: no DRAFT watermark letters among the words.
    let printed = print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Filing,
        &|_| {},
    )
    .expect("print");
    // At 12 pt cells wrap: read the text cell by cell.
    let text = flat_raw_text(&printed.files[0].pdf);
    // A table runs from its heading row to the next slip sheet or
    // certificate.
    let table_text = |heading: &str| -> String {
        let start = text
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} in {text}"));
        let rest = &text[start..];
        let end = ["EXHIBIT ", "CERTIFICATE OF"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len());
        rest[..end].to_owned()
    };

    let chronology = table_text("Chronology of events Date");
    let events = f.store.events(&f.case_id).expect("events");
    assert_eq!(events.len(), 5);
    for e in &events {
        assert!(
            chronology.contains(&e.event.description),
            "{} in {chronology}",
            e.event.description
        );
        for source in &e.event.sources {
            assert!(
                chronology.contains(&cited(source)),
                "{} in {chronology}",
                cited(source)
            );
        }
    }
    assert!(chronology.contains("January 6, 2001"), "{chronology}");
    assert!(chronology.contains("about June 2024"), "{chronology}");

    let rebuttal = table_text("Allegations and the evidence that answers them Allegation");
    let allegations = f.store.allegations(&f.case_id).expect("allegations");
    assert_eq!(allegations.len(), 3);
    for a in &allegations {
        assert!(
            rebuttal.contains(&a.allegation.criterion),
            "{} in {rebuttal}",
            a.allegation.criterion
        );
        for answer in &a.allegation.answers {
            assert!(
                rebuttal.contains(&cited(answer)),
                "{} in {rebuttal}",
                cited(answer)
            );
        }
    }
    // The open allegation prints with nothing in its answer cell: a
    // printed "not answered" would concede the point. The window warns.
    assert!(rebuttal.contains("Social-media posts"), "{rebuttal}");
    assert!(!rebuttal.contains("answered"), "{rebuttal}");
    let left = letter_of(PacketItemKind::Tattoo, &f.tattoo_ids[0]);
    assert!(
        rebuttal.contains(&format!(
            "Tattoo record: Left wrist (“mamá”) (Exhibit {left})"
        )),
        "{rebuttal}"
    );

    // The open allegation is a warning, not a block.
    let checks = packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks");
    let rebuttal_letter = letter_of(PacketItemKind::Rebuttal, &f.case_id);
    assert!(
        checks
            .iter()
            .any(|c| c.code == PrintCheckCode::AllegationUnanswered
                && !c.blocks
                && c.subject == "Social-media posts"
                && c.letters == [rebuttal_letter.clone()])
    );
    assert!(
        !checks
            .iter()
            .any(|c| c.code == PrintCheckCode::TableCitesOutside)
    );

    // Evidence taken out of the packet is named as not in it.
    let mut without = packet.clone();
    without.items.retain(|i| {
        *i != PacketItem {
            kind: PacketItemKind::Tattoo,
            id: f.tattoo_ids[1].clone(),
        }
    });
    f.store.save_packet(&f.case_id, &without).expect("save");
    let printed = print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Draft,
        &|_| {},
    )
    .expect("print");
    // At 12 pt cells wrap: read the text cell by cell.
    let text = flat_raw_text(&printed.files[0].pdf);
    assert!(
        text.contains("Tattoo record: Right wrist (“papá”) (not in this packet)"),
        "{text}"
    );
    let checks = packet_checks(&f.store, &f.blobs, &f.case_id).expect("checks");
    let outside: Vec<&str> = checks
        .iter()
        .filter(|c| c.code == PrintCheckCode::TableCitesOutside)
        .map(|c| c.subject.as_str())
        .collect();
    assert_eq!(outside, ["Tattoo record: Right wrist (“papá”)"]);
}
