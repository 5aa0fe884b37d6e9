//! Removing a tattoo record, an event, an allegation or a due date can be
//! undone: the record comes back as it was, with the same id, its photos
//! in their order and the links other records had to it.

use amparo_core::{
    AllegationDraft, CaseDraft, DueDateDraft, Error, EventDraft, EventKind, EvidenceLink, LinkKind,
    NewPhoto, PhotoExif, PhotoFormat, RememberedDate, Store, TattooDraft, TattooPhoto,
    TattooPhotoRole,
};

fn case(store: &mut Store, name: &str) -> String {
    let mut d = CaseDraft::default();
    d.person.record_name = name.into();
    store.create_case(&d).expect("case").id
}

fn photo(store: &mut Store, case_id: &str, n: u8) -> String {
    let new = NewPhoto {
        sha256: format!("{n:02x}").repeat(32),
        file_name: format!("IMG_{n}.jpg"),
        format: PhotoFormat::Jpeg,
        width: 4000,
        height: 3000,
        byte_size: 3_000_000,
        exif: PhotoExif {
            orientation: 1,
            ..PhotoExif::default()
        },
        damaged: false,
    };
    store.add_photo(case_id, &new).expect("photo").photo.id
}

fn tattoo_link(id: &str) -> EvidenceLink {
    EvidenceLink {
        kind: LinkKind::Tattoo,
        id: id.into(),
        paragraph: None,
        page: None,
    }
}

fn found(store: &Store, word: &str) -> u32 {
    store.search(word, 10).expect("search").matches
}

#[test]
fn undo_brings_a_removed_tattoo_record_back_with_its_photos_and_links() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store, "Jesús Rivas");
    let close = photo(&mut store, &case_id, 1);
    let wide = photo(&mut store, &case_id, 2);
    let first = store
        .create_tattoo(
            &case_id,
            &TattooDraft {
                body_location: "Right wrist".into(),
                ..TattooDraft::default()
            },
        )
        .expect("first tattoo");
    let crown = store
        .create_tattoo(
            &case_id,
            &TattooDraft {
                body_location: "Left wrist, inside".into(),
                shows_text: "mamá".into(),
                meaning_original: "Por los Reyes Magos de Capacho.".into(),
                photos: vec![
                    TattooPhoto {
                        photo_id: wide.clone(),
                        role: TattooPhotoRole::Context,
                    },
                    TattooPhoto {
                        photo_id: close.clone(),
                        role: TattooPhotoRole::CloseUp,
                    },
                ],
                ..TattooDraft::default()
            },
        )
        .expect("crown");
    let event = store
        .create_event(
            &case_id,
            &EventDraft {
                date: Some(RememberedDate::year(2012)),
                description: "Tattooed in Capacho".into(),
                kind: EventKind::Other,
                sources: vec![tattoo_link(&crown.id)],
                ..EventDraft::default()
            },
        )
        .expect("event");
    let allegation = store
        .create_allegation(
            &case_id,
            &AllegationDraft {
                criterion: "Tattoos".into(),
                answers: vec![tattoo_link(&crown.id)],
                ..AllegationDraft::default()
            },
        )
        .expect("allegation");
    assert_eq!(found(&store, "Capacho"), 2, "the tattoo and the event");

    store.delete_tattoo(&crown.id).expect("remove");
    assert!(matches!(store.tattoo(&crown.id), Err(Error::NotFound(_))));
    assert!(
        store
            .event(&event.id)
            .expect("event")
            .event
            .sources
            .is_empty()
    );
    assert!(
        store
            .allegation(&allegation.id)
            .expect("allegation")
            .allegation
            .answers
            .is_empty()
    );
    assert_eq!(found(&store, "Capacho"), 1, "only the event");

    store.undo_removal(&crown.id).expect("undo");
    assert_eq!(store.tattoo(&crown.id).expect("back"), crown);
    let order: Vec<String> = store
        .tattoos(&case_id)
        .expect("list")
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(order, [first.id, crown.id.clone()], "in its old place");
    assert_eq!(
        store.event(&event.id).expect("event").event.sources,
        [tattoo_link(&crown.id)]
    );
    assert_eq!(
        store
            .allegation(&allegation.id)
            .expect("allegation")
            .allegation
            .answers,
        [tattoo_link(&crown.id)]
    );
    assert_eq!(found(&store, "Capacho"), 2, "searchable again");

    assert!(
        matches!(store.undo_removal(&crown.id), Err(Error::NotFound(_))),
        "a removal is undone once"
    );
}

#[test]
fn an_event_an_allegation_and_a_due_date_come_back_as_they_were() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store, "Ana Gómez");
    let t = store
        .create_tattoo(
            &case_id,
            &TattooDraft {
                body_location: "Left wrist".into(),
                ..TattooDraft::default()
            },
        )
        .expect("tattoo");
    let event = store
        .create_event(
            &case_id,
            &EventDraft {
                date: Some(RememberedDate::year(2018)),
                description: "Crossed at Hidalgo".into(),
                kind: EventKind::Other,
                sources: vec![tattoo_link(&t.id)],
                ..EventDraft::default()
            },
        )
        .expect("event");
    let allegation = store
        .create_allegation(
            &case_id,
            &AllegationDraft {
                criterion: "Tattoos".into(),
                response: "The crowns honor his parents.".into(),
                answers: vec![tattoo_link(&t.id)],
                ..AllegationDraft::default()
            },
        )
        .expect("allegation");
    let due = store
        .add_due_date(
            &case_id,
            &DueDateDraft {
                date: "2027-01-15".into(),
                title: "Evidence due".into(),
            },
        )
        .expect("due date");

    store.delete_event(&event.id).expect("remove event");
    store
        .delete_allegation(&allegation.id)
        .expect("remove allegation");
    store.delete_due_date(&due.id).expect("remove due date");
    assert!(store.due_dates(&case_id).expect("due").is_empty());

    store.undo_removal(&due.id).expect("undo due date");
    store.undo_removal(&allegation.id).expect("undo allegation");
    store.undo_removal(&event.id).expect("undo event");
    assert_eq!(store.event(&event.id).expect("event"), event);
    assert_eq!(store.allegation(&allegation.id).expect("a"), allegation);
    assert_eq!(store.due_dates(&case_id).expect("due"), [due]);
}

#[test]
fn nothing_comes_back_into_an_erased_case_and_a_removal_never_made_cannot_be_undone() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store, "Ana Gómez");
    let t = store
        .create_tattoo(
            &case_id,
            &TattooDraft {
                body_location: "Left wrist".into(),
                ..TattooDraft::default()
            },
        )
        .expect("tattoo");
    assert!(matches!(store.undo_removal(&t.id), Err(Error::NotFound(_))));
    store.delete_tattoo(&t.id).expect("remove");
    store
        .delete_case(&case_id, "Ana Gómez")
        .expect("delete case");
    store.erase_case(&case_id, "Ana Gómez").expect("erase case");
    assert!(matches!(store.undo_removal(&t.id), Err(Error::Changed(_))));
    assert!(matches!(store.tattoo(&t.id), Err(Error::NotFound(_))));
}
