//! A case with a full evidence packet, for tests, samples and the
//! benchmark: the example case's two statements plus a festival
//! organizer's (three declarations, each signed with a scan of its signed
//! pages), two tattoo records, and photos drawn as real JPEGs with
//! texture, so their sizes are like a phone's.

#![allow(dead_code, missing_docs)]

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use amparo_core::{
    BlobStore, DeclarantDraft, ExhibitItem, ExhibitKind, PacketDraft, PacketItem, PacketItemKind,
    PhotoDetails, Service, ServiceMethod, SigningPlace, SigningRecord, Store, TattooDraft,
    TattooPhoto, TattooPhotoRole,
};
use image::{Rgb, RgbImage};

pub struct PacketFixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub blobs: BlobStore,
    pub case_id: String,
    pub photo_ids: Vec<String>,
    pub tattoo_ids: Vec<String>,
    pub statement_ids: Vec<String>,
}

/// A textured picture: a colour wash and a pattern that differ with `seed`.
pub fn picture(seed: u32, width: u32, height: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 24) as i32 - 12;
        let wave = (((x / 7 + y / 11 + seed * 13) % 64) as i32) - 32;
        let c = |base: u32| {
            (((base + seed * 37) % 200) as i32 + wave + noise + (x * 40 / width) as i32)
                .clamp(0, 255) as u8
        };
        Rgb([c(x * 255 / width), c(y * 255 / height + 60), c(120)])
    })
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image.clone())
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode");
    out.into_inner()
}

/// Files `count` photos (and the pictures behind the tattoo records) and
/// builds a packet of every statement, both tattoo records and the photos.
pub fn packet_fixture(count: usize, width: u32, height: u32) -> PacketFixture {
    fixture_with_caption(count, width, height, None)
}

/// As `packet_fixture`, every statement written and signed under `caption`.
pub fn packet_fixture_captioned(
    count: usize,
    width: u32,
    height: u32,
    caption: &amparo_core::Caption,
) -> PacketFixture {
    fixture_with_caption(count, width, height, Some(caption))
}

fn fixture_with_caption(
    count: usize,
    width: u32,
    height: u32,
    caption: Option<&amparo_core::Caption>,
) -> PacketFixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(dir.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    let case = store.add_example_case().expect("example");
    let case_id = case.id.clone();

    let files = tempfile::tempdir().expect("photo dir");
    let paths: Vec<PathBuf> = (0..count + 4)
        .map(|i| {
            let path = files.path().join(format!("IMG_{i:04}.jpg"));
            std::fs::write(&path, jpeg(&picture(i as u32 + 1, width, height))).expect("write");
            path
        })
        .collect();
    let summary = amparo_media::import_photos(
        &mut store,
        &blobs,
        &case_id,
        &paths,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    let mut ids: Vec<String> = summary
        .outcomes
        .iter()
        .filter_map(|o| match &o.result {
            amparo_media::ImportResult::Imported { photo_id, .. } => Some(photo_id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(ids.len(), count + 4, "every fixture photo imported");
    for (i, id) in ids.iter().enumerate() {
        store
            .update_photo_details(
                id,
                &PhotoDetails {
                    caption: format!("Three Kings festival in Capacho, photo {}", i + 1),
                    place: "Capacho, Táchira, Venezuela".into(),
                    photographer: "María Elena Moreno de Rivas".into(),
                    attested_by: "María Elena Moreno de Rivas".into(),
                    ..PhotoDetails::default()
                },
            )
            .expect("details");
    }
    let tattoo_photos: Vec<String> = ids.drain(count..).collect();
    let tattoo = |store: &mut Store, wrist: &str, word: &str, close: &str, context: &str| {
        store
            .create_tattoo(
                &case_id,
                &TattooDraft {
                    body_location: format!("{wrist} wrist"),
                    shows_text: word.into(),
                    shows_images: "a crown over the word".into(),
                    made_where: "Capacho, Táchira, Venezuela".into(),
                    made_by: "Luis Pabón (example tattoo artist)".into(),
                    meaning_language: "es".into(),
                    meaning_original: format!(
                        "La corona sobre «{word}» honra a mis padres y a los Reyes Magos de Capacho."
                    ),
                    meaning_english: format!(
                        "The crown over “{word}” honors my parents and the Three Kings of Capacho."
                    ),
                    photos: vec![
                        TattooPhoto {
                            photo_id: close.into(),
                            role: TattooPhotoRole::CloseUp,
                        },
                        TattooPhoto {
                            photo_id: context.into(),
                            role: TattooPhotoRole::Context,
                        },
                    ],
                    ..TattooDraft::default()
                },
            )
            .expect("tattoo")
            .id
    };
    let left = tattoo(
        &mut store,
        "Left",
        "mamá",
        &tattoo_photos[0],
        &tattoo_photos[1],
    );
    let right = tattoo(
        &mut store,
        "Right",
        "papá",
        &tattoo_photos[2],
        &tattoo_photos[3],
    );

    // The organizer's statement, in English.
    let organizer = store
        .create_declarant(
            &case_id,
            &DeclarantDraft {
                full_name: "Rosa Chacón (example festival organizer)".into(),
                relationship: "festival organizer".into(),
                age: Some(61),
                city: "Capacho, Táchira".into(),
                country: "Venezuela".into(),
                languages: vec!["English".into()],
                ..DeclarantDraft::default()
            },
        )
        .expect("declarant");
    let mut organizer_statement = store
        .statement(&store.statements(&case_id).expect("statements")[0].id)
        .expect("statement")
        .draft;
    organizer_statement.declarant_id = organizer.id;
    organizer_statement.title = "Declaration of Rosa Chacón".into();
    organizer_statement.title_original = String::new();
    organizer_statement.language = "en".into();
    organizer_statement.paragraphs = vec![amparo_core::Paragraph {
        original: "I have organized the Three Kings festival in Capacho for twenty years. Children who play the kings wear crowns; many get a crown tattoo.".into(),
        english: String::new(),
        exhibits: vec![],
    }];
    store
        .create_statement(&case_id, &organizer_statement)
        .expect("organizer statement");

    if let Some(caption) = caption {
        for s in store.statements(&case_id).expect("statements") {
            let mut draft = store.statement(&s.id).expect("statement").draft;
            draft.caption = caption.clone();
            store.update_statement(&s.id, &draft).expect("caption");
        }
    }
    // The mother's paragraphs refer to the left tattoo and the first photo,
    // then she signs (with a scan of the signed page): those letters pin.
    let statements = store.statements(&case_id).expect("statements");
    let mother = statements
        .iter()
        .find(|s| s.declarant_name.starts_with("María"))
        .expect("mother")
        .id
        .clone();
    let photo_item = ExhibitItem {
        kind: ExhibitKind::Photo,
        id: ids[0].clone(),
    };
    let tattoo_item = ExhibitItem {
        kind: ExhibitKind::Tattoo,
        id: left.clone(),
    };
    store.assign_exhibit_letter(&photo_item).expect("letter");
    store.assign_exhibit_letter(&tattoo_item).expect("letter");
    let mut draft = store.statement(&mother).expect("mother").draft;
    draft.paragraphs[0].exhibits = vec![tattoo_item.into()];
    draft.paragraphs[1].exhibits = vec![photo_item.into()];
    store.update_statement(&mother, &draft).expect("refer");
    let scan_path = files.path().join("signed-page.jpg");
    std::fs::write(&scan_path, jpeg(&picture(999, 850, 1100))).expect("scan");
    let scan = amparo_media::keep_image(&blobs, &scan_path).expect("keep scan");
    amparo_print::sign_statement(
        &mut store,
        &blobs,
        &mother,
        &SigningRecord {
            signed_on: "2026-11-12".into(),
            place: SigningPlace {
                place: "Capacho, Táchira, Venezuela".into(),
                country: "VE".into(),
                us_detention_facility: false,
                ..SigningPlace::default()
            },
        },
        &[scan],
    )
    .expect("mother signs");
    // Each of the others signs where they are (the respondent where he is
    // held, the organizer at home in Venezuela), with a scan of the page.
    for (i, s) in statements.iter().enumerate() {
        if s.id != mother {
            let place = store.statement(&s.id).expect("statement").draft.place;
            let scan_path = files.path().join(format!("signed-page-{i}.jpg"));
            std::fs::write(&scan_path, jpeg(&picture(900 + i as u32, 850, 1100))).expect("scan");
            let scan = amparo_media::keep_image(&blobs, &scan_path).expect("keep scan");
            amparo_print::sign_statement(
                &mut store,
                &blobs,
                &s.id,
                &SigningRecord {
                    signed_on: "2026-11-14".into(),
                    place,
                },
                &[scan],
            )
            .expect("signed");
        }
    }

    let mut packet = store.packet(&case_id).expect("default packet");
    // The chronology and rebuttal tables join with `add_tables`.
    packet.items.retain(|item| {
        !matches!(
            item.kind,
            PacketItemKind::Chronology | PacketItemKind::Rebuttal
        )
    });
    let mut rest: Vec<PacketItem> = ids
        .iter()
        .map(|id| PacketItem {
            kind: PacketItemKind::Photo,
            id: id.clone(),
        })
        .filter(|item| !packet.items.contains(item))
        .collect();
    packet.items.append(&mut rest);
    packet = PacketDraft {
        items: packet.items,
        city: "Pearsall, Texas".into(),
        applications: amparo_core::Applications {
            asylum: true,
            withholding: true,
            torture_convention: true,
            ..Default::default()
        },
        filer: amparo_core::Filer {
            role: amparo_core::FilerRole::ProSe,
            preparer: "María Elena Moreno de Rivas (example)".into(),
            ..Default::default()
        },
        service: Service {
            method: ServiceMethod::Mail,
            address: "100 Example Plaza, Suite 100\nSan Antonio, TX 78205 (example address)".into(),
            date: "2026-11-30".into(),
            ..Service::default()
        },
        translator: amparo_core::PacketTranslator {
            name: "Ana Lucía Pérez (example translator)".into(),
            address: "100 Example Street, San Antonio, TX 78205".into(),
            phone: "(210) 555-0100".into(),
        },
        ..PacketDraft::default()
    };
    store.save_packet(&case_id, &packet).expect("save packet");
    PacketFixture {
        dir,
        store,
        blobs,
        case_id,
        photo_ids: ids,
        tattoo_ids: vec![left, right],
        statement_ids: statements.into_iter().map(|s| s.id).collect(),
    }
}

/// Links the tattoo records and the first photo into the example's
/// allegations and chronology (an event with a photo source, a second
/// allegation answered by the right wrist's record and a paragraph of the
/// organizer's statement) and puts both tables at the end of the packet.
pub fn add_tables(f: &mut PacketFixture) {
    use amparo_core::{
        AllegationDraft, AllegationStatus, EventDraft, EventKind, EvidenceLink, LinkKind,
        RememberedDate,
    };
    let link = |kind, id: &str, paragraph| EvidenceLink {
        kind,
        id: id.to_owned(),
        paragraph,
        page: None,
    };
    let allegations = f.store.allegations(&f.case_id).expect("allegations");
    let mut first = allegations[0].allegation.clone();
    first
        .answers
        .insert(0, link(LinkKind::Tattoo, &f.tattoo_ids[0], None));
    f.store
        .update_allegation(&allegations[0].id, &first)
        .expect("link the left wrist");
    let organizer = f
        .store
        .statements(&f.case_id)
        .expect("statements")
        .into_iter()
        .find(|s| s.declarant_name.starts_with("Rosa"))
        .expect("organizer")
        .id;
    f.store
        .create_allegation(
            &f.case_id,
            &AllegationDraft {
                made_by: "Detention facility staff (example)".into(),
                document: "Security Threat Group form (example)".into(),
                criterion: "Two crown tattoos".into(),
                points: Some(5),
                claim: "Crowns read as a gang sign.".into(),
                status: AllegationStatus::Answered,
                answers: vec![
                    link(LinkKind::Tattoo, &f.tattoo_ids[1], None),
                    link(LinkKind::Statement, &organizer, Some(1)),
                ],
                ..AllegationDraft::default()
            },
        )
        .expect("second allegation");
    f.store
        .create_event(
            &f.case_id,
            &EventDraft {
                date: Some(RememberedDate::day(2001, 1, 6)),
                place: "Capacho, Táchira, Venezuela".into(),
                kind: EventKind::Other,
                description: "Paraded as a king in the Three Kings festival".into(),
                sources: vec![link(LinkKind::Photo, &f.photo_ids[0], None)],
                origin: String::new(),
            },
        )
        .expect("festival event");
    let mut packet = f.store.packet(&f.case_id).expect("packet");
    for kind in [PacketItemKind::Chronology, PacketItemKind::Rebuttal] {
        packet.items.push(PacketItem {
            kind,
            id: f.case_id.clone(),
        });
    }
    f.store
        .save_packet(&f.case_id, &packet)
        .expect("save with tables");
}

/// Scans of the packet's own pages "signed by hand" (the filer's index
/// page, the certificate of service, each certificate of translation),
/// kept as the window keeps them, for a packet filed electronically.
#[allow(dead_code)]
pub fn signed_page_scans(f: &PacketFixture) -> Vec<amparo_core::SignedPageScan> {
    use amparo_core::{PacketSignature, SignedPageScan};
    let mut wanted = vec![
        (PacketSignature::Submission, String::new()),
        (PacketSignature::Service, String::new()),
    ];
    wanted.extend(
        f.tattoo_ids
            .iter()
            .map(|id| (PacketSignature::Translation, id.clone())),
    );
    wanted
        .into_iter()
        .enumerate()
        .map(|(i, (signature, item_id))| {
            let path = f.dir.path().join(format!("signed-packet-page-{i}.jpg"));
            std::fs::write(&path, jpeg(&picture(700 + i as u32, 850, 1100))).expect("scan");
            let scan = amparo_media::keep_image(&f.blobs, &path).expect("keep scan");
            SignedPageScan {
                signature,
                item_id,
                scan,
            }
        })
        .collect()
}

/// The example's packet filed by an (example) attorney who serves DHS
/// through ECAS.
#[allow(dead_code)]
pub fn file_as_attorney(d: &mut amparo_core::PacketDraft) {
    d.filer.role = amparo_core::FilerRole::Attorney;
    d.filer.name = "Laura Gómez (example attorney)".into();
    d.filer.firm = "Example Immigrant Defense Project".into();
    d.filer.address = "200 Example Avenue\nSan Antonio, TX 78205".into();
    d.filer.phone = "(210) 555-0199".into();
    d.filer.email = "laura@example.org".into();
    d.filer.eoir_id = "XY123456".into();
    d.filer.eoir28_on_file = true;
    d.service.method = ServiceMethod::Ecas;
    d.service.by_filer = true;
}
