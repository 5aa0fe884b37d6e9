//! The evidence packet in the store: kept whole per case, checked field by
//! field, records removed since left out, and gone with an erased case.

use amparo_core::{
    AllegationDraft, CaseDraft, Error, EventDraft, FieldProblem, PacketDraft, PacketItem,
    PacketItemKind, RememberedDate, Store, TattooDraft,
};

fn case(store: &mut Store, name: &str) -> String {
    let mut d = CaseDraft::default();
    d.person.record_name = name.into();
    store.create_case(&d).expect("case").id
}

fn tattoo(store: &mut Store, case_id: &str, place: &str) -> PacketItem {
    let t = store
        .create_tattoo(
            case_id,
            &TattooDraft {
                body_location: place.into(),
                ..TattooDraft::default()
            },
        )
        .expect("tattoo");
    PacketItem {
        kind: PacketItemKind::Tattoo,
        id: t.id,
    }
}

#[test]
fn a_saved_packet_comes_back_in_its_order_without_records_removed_since() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let left = tattoo(&mut store, &id, "left wrist");
    let right = tattoo(&mut store, &id, "right wrist");
    // With nothing saved, every tattoo record is offered.
    assert_eq!(
        store.packet(&id).expect("default").items,
        [left.clone(), right.clone()]
    );

    let draft = PacketDraft {
        items: vec![right.clone(), left.clone()],
        page_prefix: "AMP-".into(),
        ..PacketDraft::default()
    };
    let saved = store.save_packet(&id, &draft).expect("save");
    assert_eq!(saved.items, [right.clone(), left.clone()]);
    assert_eq!(saved.page_prefix, "AMP-");

    store.delete_tattoo(&right.id).expect("delete");
    assert_eq!(store.packet(&id).expect("packet").items, [left]);
}

#[test]
fn the_chronology_and_the_rebuttal_table_are_in_only_when_chosen() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let wrist = tattoo(&mut store, &id, "left wrist");
    store
        .create_event(
            &id,
            &EventDraft {
                date: Some(RememberedDate::day(2001, 1, 6)),
                description: "Three Kings festival".into(),
                ..EventDraft::default()
            },
        )
        .expect("event");
    store
        .create_allegation(
            &id,
            &AllegationDraft {
                criterion: "Two crown tattoos".into(),
                ..AllegationDraft::default()
            },
        )
        .expect("allegation");
    // Aids for counsel, not evidence: nothing saved holds only the records.
    assert_eq!(
        store.packet(&id).expect("default").items,
        std::slice::from_ref(&wrist)
    );

    let tables = [PacketItemKind::Chronology, PacketItemKind::Rebuttal].map(|kind| PacketItem {
        kind,
        id: id.clone(),
    });
    let chosen = PacketDraft {
        items: [wrist.clone()].into_iter().chain(tables.clone()).collect(),
        ..PacketDraft::default()
    };
    store.save_packet(&id, &chosen).expect("put the tables in");
    assert_eq!(
        store.packet(&id).expect("saved").items,
        [wrist, tables[0].clone(), tables[1].clone()]
    );
}

#[test]
fn bad_packets_are_refused_field_by_field_and_nothing_changes() {
    let mut store = Store::open_in_memory().expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    let other = case(&mut store, "Someone Else");
    let theirs = tattoo(&mut store, &other, "arm");
    let mine = tattoo(&mut store, &id, "wrist");
    let draft = PacketDraft {
        items: vec![mine.clone(), mine.clone(), theirs],
        page_prefix: "X".repeat(40),
        size_limit_mb: 0,
        ..PacketDraft::default()
    };
    let Err(Error::Invalid(fields)) = store.save_packet(&id, &draft) else {
        panic!("refused");
    };
    let found: Vec<(&str, FieldProblem)> = fields
        .iter()
        .map(|f| (f.field.as_str(), f.problem))
        .collect();
    assert_eq!(
        found,
        [
            ("items.1", FieldProblem::Unknown),
            ("items.2", FieldProblem::Unknown),
            ("pagePrefix", FieldProblem::TooLong),
            ("sizeLimitMb", FieldProblem::Unknown),
        ]
    );
    // A wrong date of service is named too.
    let mut dated = PacketDraft::default();
    dated.service.date = "2026-02-30".into();
    assert!(matches!(
        store.save_packet(&id, &dated),
        Err(Error::Invalid(_))
    ));
    assert_eq!(
        store.packet(&id).expect("packet").items,
        [mine],
        "nothing saved"
    );
}

#[test]
fn erasing_a_case_erases_its_packet() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
    let id = case(&mut store, "Rivas Moreno, Jesús");
    store
        .save_packet(&id, &PacketDraft::default())
        .expect("save");
    store
        .delete_case(&id, "Rivas Moreno, Jesús")
        .expect("delete");
    store.erase_case(&id, "Rivas Moreno, Jesús").expect("erase");
    let left = store
        .raw_execute_for_tests("DELETE FROM packets")
        .expect("query");
    assert_eq!(left, 0, "no packet row outlives its case");
}
