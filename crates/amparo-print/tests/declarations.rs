//! Declarations printed to PDF and read back with poppler: the clause for
//! the place of signing, certificates, numbering, exhibit letters, user
//! text printed literally, DRAFT marks, and signed versions that never
//! re-render.

mod common;

use amparo_core::{
    ExhibitItem, ExhibitKind, PrintCheckCode, SignedVersion, SigningPlace, SigningRecord,
    StatementDraft, TattooDraft,
};
use amparo_print::{PrintError, Purpose, print_signed, print_statement, sign_statement};
use common::*;
use sha2::{Digest, Sha256};

fn signed_in(place: &str, country: &str, facility: bool) -> SigningRecord {
    SigningRecord {
        signed_on: "2026-11-12".into(),
        place: SigningPlace {
            place: place.into(),
            country: country.into(),
            us_detention_facility: facility,
            ..SigningPlace::default()
        },
    }
}

/// Marks the statement `id` of the fixture signed at `place` in `country`.
fn sign(f: &mut Fixture, id: &str, place: &str, country: &str, facility: bool) -> SignedVersion {
    sign_statement(
        &mut f.store,
        &f.blobs,
        id,
        &signed_in(place, country, facility),
        &[],
    )
    .expect("signed")
}

fn draft_of(f: &Fixture, id: &str) -> StatementDraft {
    f.store.statement(id).expect("statement").draft
}

/// Every page's "Page N of M" (or "Página N de M"), in order.
fn page_numbers(pdf: &[u8]) -> Vec<(u32, u32)> {
    pages_text(pdf)
        .iter()
        .map(|page| {
            let words: Vec<&str> = page.split_whitespace().collect();
            let at = words
                .windows(4)
                .rposition(|w| {
                    (w[0] == "Page" && w[2] == "of") || (w[0] == "Página" && w[2] == "de")
                })
                .unwrap_or_else(|| panic!("no page number on:\n{page}"));
            (
                words[at + 1].parse().expect("N"),
                words[at + 3].parse().expect("M"),
            )
        })
        .collect()
}

/// Each document of a set counts its own pages: 1..M, then 1..M' ...
fn assert_page_numbers_right(pdf: &[u8]) {
    let numbers = page_numbers(pdf);
    let mut i = 0;
    while i < numbers.len() {
        let (first, total) = numbers[i];
        assert_eq!(first, 1, "a document starts at page 1: {numbers:?}");
        for n in 1..=total {
            assert_eq!(numbers.get(i), Some(&(n, total)), "pages: {numbers:?}");
            i += 1;
        }
    }
}

fn assert_letter_pages_and_bundled_fonts(pdf: &[u8]) {
    let info = pdfinfo(pdf);
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .collect();
    assert!(!sizes.is_empty(), "{info}");
    for line in sizes {
        assert!(line.contains("612 x 792 pts"), "{line}");
    }
    let fonts = pdffonts(pdf);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        assert!(
            row.contains("LibertinusSerif"),
            "only the bundled serif: {row}"
        );
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type..., encoding, emb, sub, uni, object, id
        assert_eq!(cols[cols.len() - 5], "yes", "embedded: {row}");
    }
}

#[test]
fn mode_a_signed_in_venezuela_files_translation_certificate_then_the_spanish_original() {
    let mut f = fixture();
    let id = f.mother.clone();
    let version = sign(&mut f, &id, "Capacho, Táchira, Venezuela", "VE", false);
    let pdf = print_signed(&f.store, &f.blobs, &f.mother, version.number).expect("reprint");
    let text = flat_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Immigration Court, Pearsall, Texas",
            "In the Matter of:",
            "A-Number: A-000-111-222",
            "Jesús Alberto Rivas Moreno",
            "In removal proceedings",
            "Translation",
            "DECLARATION OF MARÍA ELENA MORENO DE RIVAS",
            "I, María Elena Moreno de Rivas, declare under penalty of perjury pursuant to 28 U.S.C. § 1746 as follows:",
            "I am over the age of 18",
            "1. My name is María Elena Moreno de Rivas.",
            "2. I have known my son",
            "6. The crowns have nothing to do with any gang.",
            "I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.",
            "Executed on November 12, 2026 at Capacho, Táchira, Venezuela.",
            "[signed] María Elena Moreno de Rivas",
            "María Elena Moreno de Rivas",
            "CERTIFICATE OF TRANSLATION",
            "competent to translate from Spanish into English",
            "Declaración de María Elena Moreno de Rivas",
            "complete, true and accurate",
            "100 Example Street, San Antonio, TX 78205",
            "(210) 555-0100",
            "DECLARACIÓN DE MARÍA ELENA MORENO DE RIVAS",
            "Yo, María Elena Moreno de Rivas, declaro bajo pena de perjurio",
            "1. Me llamo María Elena Moreno de Rivas.",
            "6. Las coronas no tienen nada que ver con ninguna pandilla.",
            "Declaro bajo pena de perjurio, conforme a las leyes de los Estados Unidos de América, que lo anterior es verdadero y correcto.",
            "Firmado el 12 de noviembre de 2026 en Capacho, Táchira, Venezuela.",
            "[firmado] María Elena Moreno de Rivas",
        ],
    );
    assert!(!text.contains("DRAFT"), "a signed print is not a draft");
    assert_letter_pages_and_bundled_fonts(&pdf);
    assert_page_numbers_right(&pdf);
    assert_eq!(
        page_numbers(&pdf).iter().filter(|(n, _)| *n == 1).count(),
        3
    );
}

#[test]
fn mode_b_signed_in_a_texas_facility_has_form_2_and_the_interpretation_certificate() {
    let mut f = fixture();
    let id = f.jesus.clone();
    let version = sign(
        &mut f,
        &id,
        "South Texas ICE Processing Center, Pearsall, Texas",
        "US",
        true,
    );
    let pdf = print_signed(&f.store, &f.blobs, &f.jesus, version.number).expect("reprint");
    let text = flat_text(&pdf);
    assert_in_order(
        &text,
        &[
            "DECLARATION OF JESÚS ALBERTO RIVAS MORENO",
            "1. My name is Jesús Alberto Rivas Moreno.",
            "I declare under penalty of perjury that the foregoing is true and correct.",
            "Executed on November 12, 2026 at South Texas ICE Processing Center, Pearsall, Texas.",
            "CERTIFICATE OF INTERPRETATION",
            "competent to interpret between Spanish and English",
            "to Jesús Alberto Rivas Moreno in Spanish, a language Jesús Alberto Rivas Moreno understands, by video call.",
            "indicated that they understood it before signing",
        ],
    );
    // Form 2 for the declaration signed in Texas. The interpreter, on a
    // video call, may be anywhere: their certificate is made under form 1,
    // which holds wherever they sign.
    let (declaration, certificate) = text
        .split_once("CERTIFICATE OF INTERPRETATION")
        .expect("the certificate follows the declaration");
    assert!(!declaration.contains("under the laws of the United States of America"));
    assert_in_order(
        certificate,
        &[
            "My interpretation was true and accurate",
            "I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.",
            "Executed on",
        ],
    );
    assert!(
        !text.contains("Translation "),
        "mode B files no translation"
    );
    assert!(
        !text.contains("Declaro bajo pena"),
        "mode B files no Spanish original"
    );
    assert_letter_pages_and_bundled_fonts(&pdf);
    assert_page_numbers_right(&pdf);
}

#[test]
fn signing_abroad_prints_form_1_whoever_signs() {
    let mut f = fixture();
    // Jesús's statement, signed by him in El Salvador, takes form 1. He
    // lives in Venezuela: without a reason the place is refused.
    let id = f.jesus.clone();
    let mut signing = signed_in("San Salvador, El Salvador", "SV", false);
    match sign_statement(&mut f.store, &f.blobs, &id, &signing, &[]) {
        Err(PrintError::NotReady(checks)) => assert!(
            checks
                .iter()
                .any(|c| c.code == PrintCheckCode::PlaceNotWhereDeclarantLives && c.blocks),
            "{checks:?}"
        ),
        other => panic!("signed away from home with no reason: {other:?}"),
    }
    signing.place.reason = "He was visiting his aunt in San Salvador.".into();
    let version = sign_statement(&mut f.store, &f.blobs, &id, &signing, &[]).expect("signed");
    let text = flat_text(&print_signed(&f.store, &f.blobs, &f.jesus, version.number).expect("pdf"));
    assert!(text.contains("under the laws of the United States of America that the foregoing"));
}

#[test]
fn drafts_say_draft_on_every_page_and_signing_pages_do_not() {
    let f = fixture();
    let draft = print_statement(&f.store, &f.mother, Purpose::Draft).expect("draft");
    let pages = pages_text(&draft);
    assert_eq!(pages.len(), 3);
    for page in &pages {
        assert!(page.contains("DRAFT"), "{page}");
        assert!(page.contains("EXAMPLE - FICTIONAL"), "{page}");
    }
    let to_sign = print_statement(&f.store, &f.mother, Purpose::ForSignature).expect("to sign");
    let pages = pages_text(&to_sign);
    assert!(pages.iter().all(|p| !p.contains("DRAFT")));
    assert!(pages.iter().all(|p| p.contains("EXAMPLE - FICTIONAL")));
    let text = flat_text(&to_sign);
    assert!(text.contains("Declaro bajo pena de perjurio, conforme a las leyes"));
    assert!(text.contains("Firmado el"), "{text}");
    assert!(
        !text.contains("Translation"),
        "she signs only the Spanish text"
    );
    assert!(!text.contains("[firmado]"), "not signed yet");
    assert_page_numbers_right(&to_sign);
}

#[test]
fn a_signed_reprint_is_the_stored_pdf_even_after_the_text_changes() {
    let mut f = fixture();
    let id = f.mother.clone();
    let version = sign(&mut f, &id, "Capacho, Táchira, Venezuela", "VE", false);
    let first = print_signed(&f.store, &f.blobs, &f.mother, 1).expect("reprint");
    assert_eq!(format!("{:x}", Sha256::digest(&first)), version.pdf_sha256);
    assert!(!f.store.statement(&f.mother).expect("statement").is_draft);

    let mut draft = draft_of(&f, &f.mother);
    draft.paragraphs[0].english = "My name is María Elena Moreno.".into();
    let edited = f.store.update_statement(&f.mother, &draft).expect("edit");
    assert!(edited.is_draft, "an edit after signing starts a new draft");
    assert_eq!(edited.signed.len(), 1);
    assert_eq!(
        edited.signed[0].draft.paragraphs[0].english,
        "My name is María Elena Moreno de Rivas. I am the mother of Jesús Alberto Rivas Moreno. I live in Capacho, Táchira State, Venezuela, where my son was born on August 12, 1994."
    );
    let again = print_signed(&f.store, &f.blobs, &f.mother, 1).expect("reprint");
    assert_eq!(again, first, "byte for byte the stored PDF");

    // A tampered stored PDF is refused rather than handed out.
    let blob = f
        .blobs
        .original_file_for_tests(&version.pdf_sha256)
        .expect("sealed file");
    std::fs::write(&blob, b"%PDF-1.7 not the signed one").expect("tamper");
    assert!(print_signed(&f.store, &f.blobs, &f.mother, 1).is_err());
}

#[test]
fn user_text_prints_literally_with_every_accent() {
    let mut f = fixture();
    let mut draft = draft_of(&f, &f.mother);
    let hostile =
        "#read(\"/etc/passwd\") $x^2$ *bold* _it_ ] [ <script>alert(1)</script> // @ref \\";
    let accents = "ñáéíóúü¿¡«»“”’—èòçãõ";
    draft.paragraphs[1].original = format!("{hostile} {accents}");
    draft.paragraphs[1].english = format!("{hostile} {accents}");
    draft.helper.name = "#set page(width: 1cm) Ana".into();
    f.store.update_statement(&f.mother, &draft).expect("save");
    let pdf = print_statement(&f.store, &f.mother, Purpose::Draft).expect("draft");
    let text = flat_text(&pdf);
    assert!(
        text.contains(
            "2. #read(\"/etc/passwd\") $x^2$ *bold* _it_ ] [ <script>alert(1)</script> // @ref \\"
        ),
        "{text}"
    );
    assert!(text.contains(accents), "{text}");
    assert!(
        text.contains("I, #set page(width: 1cm) Ana, certify"),
        "{text}"
    );
    assert!(
        !text.contains("root:"),
        "nothing was read from the file system"
    );
    assert_letter_pages_and_bundled_fonts(&pdf);
}

#[test]
fn exhibit_references_print_the_case_letters() {
    let mut f = fixture();
    let tattoo = f
        .store
        .create_tattoo(
            &f.case_id,
            &TattooDraft {
                body_location: "left wrist".into(),
                ..TattooDraft::default()
            },
        )
        .expect("tattoo");
    let item = ExhibitItem {
        kind: ExhibitKind::Tattoo,
        id: tattoo.id.clone(),
    };
    let mut draft = draft_of(&f, &f.mother);
    draft.paragraphs[4].exhibits = vec![item.clone().into()];
    f.store.update_statement(&f.mother, &draft).expect("save");

    let checks = amparo_print::statement_checks(&f.store, &f.mother).expect("checks");
    let unlettered = checks
        .iter()
        .find(|c| c.code == PrintCheckCode::ExhibitWithoutLetter)
        .expect("listed before it has a letter");
    assert_eq!(unlettered.paragraphs, vec![5]);
    assert!(matches!(
        print_statement(&f.store, &f.mother, Purpose::ForSignature),
        Err(PrintError::NotReady(_))
    ));

    let letter = f.store.assign_exhibit_letter(&item).expect("letter");
    assert_eq!(letter.letter, "A");
    let text = flat_text(&print_statement(&f.store, &f.mother, Purpose::Draft).expect("pdf"));
    assert!(
        text.contains("for us and for the Kings. (Exhibit A)"),
        "{text}"
    );
    assert!(
        text.contains("por nosotros y por los Reyes. (Anexo A)"),
        "{text}"
    );

    f.store.delete_tattoo(&tattoo.id).expect("delete");
    let checks = amparo_print::statement_checks(&f.store, &f.mother).expect("checks");
    assert!(
        checks
            .iter()
            .any(|c| c.code == PrintCheckCode::MissingExhibit && c.blocks)
    );
}

#[test]
fn checks_block_a_final_print_in_plain_terms_and_only_warn_about_a_relative_translator() {
    let mut f = fixture();
    let mut draft = draft_of(&f, &f.mother);
    draft.place = SigningPlace::default();
    draft.paragraphs[2].english.clear();
    draft.helper.name = "maria elena MORENO de rivas".into();
    f.store.update_statement(&f.mother, &draft).expect("save");
    let checks = amparo_print::statement_checks(&f.store, &f.mother).expect("checks");
    let find = |code| checks.iter().find(|c| c.code == code);
    assert!(
        find(PrintCheckCode::NoPlaceOfSigning)
            .expect("place")
            .blocks
    );
    let untranslated = find(PrintCheckCode::UntranslatedParagraphs).expect("untranslated");
    assert_eq!(untranslated.paragraphs, vec![3]);
    assert!(
        !find(PrintCheckCode::HelperIsDeclarantOrRelative)
            .expect("translator")
            .blocks
    );
    match print_statement(&f.store, &f.mother, Purpose::ForSignature) {
        Err(PrintError::NotReady(found)) => assert_eq!(found, checks),
        other => panic!("expected NotReady, got {other:?}"),
    }
    // A draft still prints, so the family can read it over.
    assert!(print_statement(&f.store, &f.mother, Purpose::Draft).is_ok());
    // And signing with an unknown country is refused.
    draft.paragraphs[2].english = "translated".into();
    f.store.update_statement(&f.mother, &draft).expect("save");
    let refused = sign_statement(
        &mut f.store,
        &f.blobs,
        &f.mother,
        &signed_in("Capacho", "", false),
        &[],
    );
    assert!(refused.is_err());
    assert!(f.store.statement(&f.mother).expect("s").signed.is_empty());
}

#[test]
fn over_18_is_printed_only_when_the_declarant_is_known_to_be() {
    let mut f = fixture();
    let declarant_id = draft_of(&f, &f.mother).declarant_id;
    let mut mother = f.store.declarant(&declarant_id).expect("declarant").record;
    mother.age = None;
    mother.birth_date = None;
    f.store
        .update_declarant(&declarant_id, &mother)
        .expect("save");
    let text = flat_text(&print_statement(&f.store, &f.mother, Purpose::Draft).expect("pdf"));
    assert!(!text.contains("over the age of 18"));
    assert!(!text.contains("mayor de 18"));
}

#[test]
fn the_body_font_prints_spanish_and_latin_letters() {
    assert!(
        amparo_print::font_families()
            .iter()
            .any(|f| f == "Libertinus Serif")
    );
    let missing = amparo_print::missing_glyphs("Libertinus Serif", "ñáéíóúü¿¡«»“”’—èòçãõÑÁÉÍÓÚÜ§");
    assert!(missing.is_empty(), "missing glyphs: {missing:?}");
}

#[test]
fn the_world_refuses_a_template_that_reads_a_file_or_a_package() {
    let data = serde_json::json!({});
    for source in [
        "#read(\"/etc/passwd\")",
        "#read(\"../../../../etc/passwd\")",
        "#image(\"/etc/hostname\")",
        "#import \"@preview/example:0.1.0\": *",
        "#include \"/other.typ\"",
    ] {
        match amparo_print::render_source(source, &data) {
            Err(PrintError::Template(_)) => {}
            other => panic!("{source}: expected a refusal, got {other:?}"),
        }
    }
}

#[test]
fn any_typst_warning_fails_the_print() {
    let data = serde_json::json!({});
    let warned = amparo_print::render_source("#text(font: \"No Such Font\")[x]", &data);
    assert!(matches!(warned, Err(PrintError::Template(m)) if m.starts_with("warning")));
    assert!(amparo_print::render_source("#text(font: \"Libertinus Serif\")[x]", &data).is_ok());
}

#[test]
fn a_lawyer_can_change_an_unconfirmed_sentence_and_the_print_follows() {
    let mut f = fixture();
    f.store
        .set_wording(
            "translationCertificate.en",
            "I, {translator}, certify that I am competent to translate from {language} into English; reviewed by counsel.",
        )
        .expect("set");
    let text = flat_text(&print_statement(&f.store, &f.mother, Purpose::Draft).expect("pdf"));
    assert!(text.contains(
        "I, Ana Lucía Pérez (example translator), certify that I am competent to translate from Spanish into English; reviewed by counsel."
    ), "{text}");
    f.store
        .set_wording("translationCertificate.en", "")
        .expect("reset");
    let text = flat_text(&print_statement(&f.store, &f.mother, Purpose::Draft).expect("pdf"));
    assert!(text.contains("complete, true and accurate"));
    assert!(f.store.set_wording("no.such.key", "x").is_err());
}

/// Every file under the fixture's blob folder.
fn blob_files(f: &Fixture) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![f.dir.path().join("blobs")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read blobs") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_bad_signing_date_stores_no_pdf_and_no_version() {
    let mut f = fixture();
    let before = blob_files(&f);
    for day in ["2026-02-30", "12/11/2026", "2999-01-01"] {
        let signing = SigningRecord {
            signed_on: day.into(),
            ..signed_in("Capacho", "VE", false)
        };
        let refused = sign_statement(&mut f.store, &f.blobs, &f.mother, &signing, &[]);
        assert!(
            matches!(
                refused,
                Err(PrintError::Core(amparo_core::Error::Invalid(_)))
            ),
            "{day}: {refused:?}"
        );
    }
    assert_eq!(blob_files(&f), before, "no PDF was kept");
    assert!(f.store.statement(&f.mother).expect("s").signed.is_empty());
}
