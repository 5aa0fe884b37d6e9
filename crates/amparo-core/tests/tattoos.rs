//! Tattoo records: saved whole with their photo links, never linked to
//! another case's photo, and gone with neither their photos nor their case
//! left dangling.

use amparo_core::{
    CaseDraft, Error, FieldProblem, NewPhoto, PhotoExif, PhotoFormat, RememberedDate, Store,
    TattooDraft, TattooPhoto, TattooPhotoRole,
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

fn crown(photos: Vec<TattooPhoto>) -> TattooDraft {
    TattooDraft {
        body_location: "Left wrist, inside".into(),
        shows_text: "mamá".into(),
        shows_images: "A crown with three points".into(),
        made_when: Some(RememberedDate::year(2017)),
        made_where: "Capacho, Táchira".into(),
        made_by: "Luis Contreras (tattoo artist)".into(),
        meaning_language: "Spanish".into(),
        meaning_original:
            "La corona es por mi mamá, la reina de mi casa, y por los Reyes Magos de Capacho."
                .into(),
        meaning_english:
            "The crown is for my mom, the queen of my home, and for the Three Kings of Capacho."
                .into(),
        photos,
        ..TattooDraft::default()
    }
}

#[test]
fn a_tattoo_record_is_saved_with_its_photos_in_order() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store, "Jesús Rivas");
    let close = photo(&mut store, &case_id, 1);
    let context = photo(&mut store, &case_id, 2);
    let saved = store
        .create_tattoo(
            &case_id,
            &crown(vec![
                TattooPhoto {
                    photo_id: close.clone(),
                    role: TattooPhotoRole::CloseUp,
                },
                TattooPhoto {
                    photo_id: context.clone(),
                    role: TattooPhotoRole::Context,
                },
            ]),
        )
        .expect("create");
    let read = store.tattoo(&saved.id).expect("read");
    assert_eq!(read.record.meaning_original, crown(vec![]).meaning_original);
    assert_eq!(read.record.photos.len(), 2);
    assert_eq!(read.record.photos[1].role, TattooPhotoRole::Context);
    assert_eq!(store.tattoos(&case_id).expect("list").len(), 1);
}

#[test]
fn a_record_needs_a_body_location_and_saves_nothing_without_it() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store, "Ana");
    let mut draft = crown(vec![]);
    draft.body_location = "  ".into();
    draft.made_when = Some(RememberedDate::month(2017, 14));
    match store.create_tattoo(&case_id, &draft) {
        Err(Error::Invalid(fields)) => {
            let got: Vec<_> = fields
                .iter()
                .map(|f| (f.field.as_str(), f.problem))
                .collect();
            assert_eq!(
                got,
                [
                    ("bodyLocation", FieldProblem::Required),
                    ("madeWhen", FieldProblem::DateInvalid)
                ]
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(store.tattoos(&case_id).expect("list").is_empty());
}

#[test]
fn a_photo_of_another_case_cannot_be_linked_and_nothing_changes() {
    let mut store = Store::open_in_memory().expect("store");
    let mine = case(&mut store, "Ana");
    let other = case(&mut store, "Luis");
    let theirs = photo(&mut store, &other, 9);
    let saved = store.create_tattoo(&mine, &crown(vec![])).expect("create");
    let mut edit = saved.record.clone();
    edit.shows_text = "changed".into();
    edit.photos = vec![TattooPhoto {
        photo_id: theirs,
        role: TattooPhotoRole::CloseUp,
    }];
    assert!(matches!(
        store.update_tattoo(&saved.id, &edit),
        Err(Error::NotFound(_))
    ));
    assert_eq!(
        store.tattoo(&saved.id).expect("read").record.shows_text,
        "mamá"
    );
}

#[test]
fn links_go_with_the_case_and_a_record_can_be_removed() {
    let mut store = Store::open_in_memory().expect("store");
    let case_id = case(&mut store, "Ana Gómez");
    let p = photo(&mut store, &case_id, 3);
    let saved = store
        .create_tattoo(
            &case_id,
            &crown(vec![TattooPhoto {
                photo_id: p.clone(),
                role: TattooPhotoRole::CloseUp,
            }]),
        )
        .expect("create");
    store.delete_tattoo(&saved.id).expect("delete");
    assert!(matches!(store.tattoo(&saved.id), Err(Error::NotFound(_))));
    assert_eq!(store.photo(&p).expect("the photo stays").id, p);

    store
        .create_tattoo(&case_id, &crown(vec![]))
        .expect("create again");
    store
        .delete_case(&case_id, "Ana Gómez")
        .expect("delete case");
    store.erase_case(&case_id, "Ana Gómez").expect("erase case");
    assert!(store.tattoos(&case_id).expect("list").is_empty());
}
