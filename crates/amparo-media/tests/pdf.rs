//! Reading PDFs safely: what is kept from a readable one (pages, sizes,
//! text) and each refusal, with files written by hand and files made by
//! Amparo's own printing (typst), whose text `pdftotext` also reads.

mod support;

use amparo_core::DocumentLimits as PdfLimits;
use amparo_media::{MediaError, read_pdf};
use support::pdf::{PdfSpec, pdf};

fn limits() -> PdfLimits {
    PdfLimits::default()
}

#[test]
fn a_text_pdf_gives_its_pages_and_their_text_in_order() {
    let bytes = pdf(&PdfSpec {
        pages: vec![
            vec![
                "NOTICE TO APPEAR",
                "In removal proceedings under section 240",
            ],
            vec![
                "You are an arriving alien.",
                "Año de nacimiento: 1998 (niñez)",
            ],
        ],
        ..PdfSpec::default()
    });
    let facts = read_pdf(&bytes, &limits()).expect("a plain PDF is read");
    assert_eq!(facts.pages.len(), 2);
    assert_eq!(
        (facts.pages[0].width_pt, facts.pages[0].height_pt),
        (612.0, 792.0)
    );
    assert_eq!(
        facts.pages[0].text,
        "NOTICE TO APPEAR\nIn removal proceedings under section 240"
    );
    assert_eq!(
        facts.pages[1].text,
        "You are an arriving alien.\nAño de nacimiento: 1998 (niñez)"
    );
}

#[test]
fn javascript_anywhere_is_refused_naming_it() {
    let on_open = pdf(&PdfSpec {
        pages: vec![vec!["Festival program"]],
        catalog_extra: "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
        ..PdfSpec::default()
    });
    // The key spelled with a name escape (#53 is "S") is the same key.
    let escaped = pdf(&PdfSpec {
        pages: vec![vec!["Festival program"]],
        catalog_extra: "/Names << /JavaScript 6 0 R >>",
        objects: vec!["<< /Names [(x) << /S /JavaScript /J#53 (app.alert\\(1\\)) >>] >>".into()],
        ..PdfSpec::default()
    });
    let launch = pdf(&PdfSpec {
        pages: vec![vec!["Festival program"]],
        catalog_extra: "/OpenAction 6 0 R",
        objects: vec!["<< /Type /Action /S /Launch /F (calc.exe) >>".into()],
        ..PdfSpec::default()
    });
    for (bytes, what) in [
        (on_open, "JavaScript"),
        (escaped, "JavaScript"),
        (launch, "a program"),
    ] {
        match read_pdf(&bytes, &limits()) {
            Err(MediaError::PdfRunsSomething(found)) => assert_eq!(found, what),
            other => panic!("expected a refusal naming {what}, got {other:?}"),
        }
    }
}

#[test]
fn an_encrypted_pdf_is_refused_even_with_an_empty_password() {
    // Permissions only (no password to open): readers open it silently.
    let bytes = pdf(&PdfSpec {
        pages: vec![vec!["Cedula"]],
        trailer_extra: "/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
        objects: vec!["<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <0000000000000000000000000000000000000000000000000000000000000000> /U <0000000000000000000000000000000000000000000000000000000000000000> >>".into()],
        ..PdfSpec::default()
    });
    assert!(matches!(
        read_pdf(&bytes, &limits()),
        Err(MediaError::PdfEncrypted)
    ));
    // A name that merely begins the same way is not encryption.
    let metadata_flag = pdf(&PdfSpec {
        pages: vec![vec!["Cedula"]],
        catalog_extra: "/EncryptMetadata false",
        ..PdfSpec::default()
    });
    assert!(read_pdf(&metadata_flag, &limits()).is_ok());
}

#[test]
fn a_pdf_cut_short_or_not_a_pdf_is_refused() {
    let whole = pdf(&PdfSpec {
        pages: vec![vec!["Birth certificate"]; 3],
        ..PdfSpec::default()
    });
    let cut = &whole[..whole.len() / 3];
    assert!(
        matches!(read_pdf(cut, &limits()), Err(MediaError::PdfDamaged)),
        "{:?}",
        read_pdf(cut, &limits())
    );
    assert!(matches!(
        read_pdf(b"PK\x03\x04 a Word file named .pdf", &limits()),
        Err(MediaError::NotAPdf)
    ));
    assert!(matches!(
        read_pdf(b"%PDF-1.7\n%%EOF\n", &limits()),
        Err(MediaError::PdfDamaged)
    ));
    // A page tree that says 5 pages over the 3 there are: part is lost.
    let lost = pdf(&PdfSpec {
        pages: vec![vec!["Birth certificate"]; 3],
        declared_count: Some(5),
        ..PdfSpec::default()
    });
    assert!(matches!(
        read_pdf(&lost, &limits()),
        Err(MediaError::PdfDamaged)
    ));
}

#[test]
fn a_pdf_declaring_more_pages_than_allowed_is_refused_before_its_pages_are_read() {
    let bytes = pdf(&PdfSpec {
        pages: vec![vec!["Country report"]],
        declared_count: Some(100_000),
        ..PdfSpec::default()
    });
    match read_pdf(&bytes, &limits()) {
        Err(MediaError::PdfTooManyPages { pages, max_pages }) => {
            assert_eq!((pages, max_pages), (100_000, 1_000));
        }
        other => panic!("expected too many pages, got {other:?}"),
    }
    // Under a raised limit it is still not what it says it is.
    let raised = PdfLimits {
        max_pages: 200_000,
        ..limits()
    };
    assert!(matches!(
        read_pdf(&bytes, &raised),
        Err(MediaError::PdfDamaged)
    ));
}

#[test]
fn real_pages_over_the_limit_and_a_file_over_the_size_limit_are_refused() {
    let bytes = pdf(&PdfSpec {
        pages: vec![vec!["page"]; 12],
        ..PdfSpec::default()
    });
    let small = PdfLimits {
        max_pages: 10,
        ..limits()
    };
    assert!(matches!(
        read_pdf(&bytes, &small),
        Err(MediaError::PdfTooManyPages { pages: 12, .. })
    ));
    let big = pdf(&PdfSpec {
        pages: vec![vec!["x".repeat(1_000).as_str()]; 1_100],
        ..PdfSpec::default()
    });
    let one_megabyte = PdfLimits {
        max_megabytes: 1,
        max_pages: 2_000,
    };
    assert!(big.len() > 1 << 20);
    assert!(matches!(
        read_pdf(&big, &one_megabyte),
        Err(MediaError::PdfTooLarge {
            max_bytes: 1_048_576,
            ..
        })
    ));
    // The limits are settings: the same file under the defaults is read.
    assert_eq!(read_pdf(&bytes, &limits()).expect("read").pages.len(), 12);
}

/// Amparo's own printed PDFs (typst: embedded subset fonts, CID glyphs
/// with ToUnicode maps) read with the words `pdftotext` finds in them.
#[test]
fn printed_pdfs_in_four_scripts_read_with_their_words() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/samples");
    for (file, words) in [
        (
            "mode-b-signed-in-texas.pdf",
            &["penalty of perjury", "Texas"][..],
        ),
        (
            "script-arabic.pdf",
            &["بعيد الملوك", "وشم ابني تاجين على معصميه"][..],
        ),
        (
            "script-mandarin.pdf",
            &["我们镇每年一月六日都庆祝三王节"][..],
        ),
        (
            "family-summary-es.pdf",
            &["Próxima audiencia", "centro de detención"][..],
        ),
    ] {
        let bytes = std::fs::read(samples.join(file)).expect("sample PDF");
        let facts = read_pdf(&bytes, &limits()).unwrap_or_else(|e| panic!("{file}: {e}"));
        let all: String = facts
            .pages
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        for word in words {
            assert!(all.contains(word), "{file} lacks {word:?}:\n{all}");
        }
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pdf")
            .join(name),
    )
    .expect("fixture")
}

/// Files written by qpdf (see `tests/fixtures/pdf/README.md`): encryption
/// as office software writes it, and JavaScript compressed where no raw
/// byte shows it.
#[test]
fn qpdf_files_encrypted_or_hiding_javascript_are_refused() {
    for name in [
        "password-aes256.pdf",
        "no-print-aes256.pdf",
        "no-print-rc4.pdf",
    ] {
        assert!(
            matches!(
                read_pdf(&fixture(name), &limits()),
                Err(MediaError::PdfEncrypted)
            ),
            "{name}"
        );
    }
    assert!(matches!(
        read_pdf(&fixture("js-in-object-stream.pdf"), &limits()),
        Err(MediaError::PdfRunsSomething("JavaScript"))
    ));
}
