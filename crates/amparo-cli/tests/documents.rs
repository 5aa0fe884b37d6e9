//! `amparo document`: PDFs filed with their pages and text, found by
//! search by document and page, and each hostile PDF (nested until the
//! reader's stack ends, JavaScript, encrypted, cut short, declaring 100,000
//! pages) refused with its reason while the others in the same command are
//! filed, nothing of it written.

mod support;

#[path = "../../amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use std::path::{Path, PathBuf};

use pdf_support::{PdfSpec, pdf, photo_of_page};
use support::{amparo, ok};

fn new_case(data: &Path) -> String {
    let out = ok(&amparo(
        data,
        &[
            "case",
            "new",
            "--name",
            "Jesús Alberto Rivas Moreno",
            "--json",
        ],
        &[],
    ));
    let case: serde_json::Value = serde_json::from_str(&out).expect("json");
    case["id"].as_str().expect("id").to_owned()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A one-page PDF whose page holds an array nested `depth` deep: a parser
/// that follows it by recursion runs out of stack long before the end.
fn nested(depth: usize) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nest {}{} >>",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

fn twelve_pages() -> Vec<u8> {
    let pages: Vec<Vec<&str>> = (1..=12)
        .map(|n| match n {
            3 => vec!["Page three", "Subject has crowns tattooed on both wrists"],
            _ => vec!["Record of Deportable/Inadmissible Alien"],
        })
        .collect();
    pdf(&PdfSpec {
        pages,
        ..PdfSpec::default()
    })
}

#[test]
fn a_twelve_page_pdf_is_filed_and_search_names_its_page() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    let file = data.path().join("I-213.pdf");
    std::fs::write(&file, twelve_pages()).expect("write");
    let out = ok(&amparo(
        data.path(),
        &[
            "document",
            "add",
            "--case",
            &case,
            "--kind",
            "government",
            "--title",
            "Form I-213",
            "--dated",
            "2025-08-29",
            file.to_str().expect("path"),
            "--json",
        ],
        &[],
    ));
    let filed: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(filed[0]["result"]["status"], "filed");
    assert_eq!(filed[0]["result"]["pages"], 12);
    let id = filed[0]["result"]["documentId"]
        .as_str()
        .expect("id")
        .to_owned();

    let list = ok(&amparo(
        data.path(),
        &["document", "list", "--case", &case],
        &[],
    ));
    assert!(list.contains("government  Form I-213  12 pages"), "{list}");
    let text = ok(&amparo(
        data.path(),
        &["document", "text", &id, "--page", "3"],
        &[],
    ));
    assert_eq!(
        text,
        "=== page 3 ===\nPage three\nSubject has crowns tattooed on both wrists\n"
    );
    let found = ok(&amparo(data.path(), &["search", "crowns tattooed"], &[]));
    assert!(found.contains("page 3 of Form I-213"), "{found}");
}

#[test]
fn hostile_pdfs_are_refused_each_with_its_reason_and_nothing_of_them_is_written() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    let blobs_before = files_under(&data.path().join("blobs"));
    let plain = twelve_pages();
    let hostile = [
        // First, so the files after it show that the command went on.
        ("nested.pdf", nested(200_000), "damaged or incomplete"),
        (
            "program.pdf",
            pdf(&PdfSpec {
                pages: vec![vec!["Programa"]],
                catalog_extra: "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
                ..PdfSpec::default()
            }),
            "carries JavaScript",
        ),
        (
            "cedula.pdf",
            std::fs::read(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../amparo-media/tests/fixtures/pdf/password-aes256.pdf"),
            )
            .expect("fixture"),
            "locked (encrypted)",
        ),
        (
            "cut.pdf",
            plain[..plain.len() / 2].to_vec(),
            "damaged or incomplete",
        ),
        (
            "report.pdf",
            pdf(&PdfSpec {
                pages: vec![vec!["Country report"]],
                declared_count: Some(100_000),
                ..PdfSpec::default()
            }),
            "has 100000 pages (at most 1000)",
        ),
    ];
    let mut args = vec![
        "document".to_owned(),
        "add".to_owned(),
        "--case".to_owned(),
        case.clone(),
    ];
    for (name, bytes, _) in &hostile {
        let path = data.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        args.push(path.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = amparo(data.path(), &args, &[]);
    assert_eq!(out.status.code(), Some(1), "a refusal fails the command");
    let said = String::from_utf8_lossy(&out.stdout);
    for (name, _, reason) in &hostile {
        assert!(
            said.lines()
                .any(|l| l.starts_with(&format!("refused  {name}")) && l.contains(reason)),
            "{name}: {said}"
        );
    }
    assert_eq!(
        ok(&amparo(
            data.path(),
            &["document", "list", "--case", &case],
            &[]
        )),
        "no documents\n"
    );
    assert_eq!(files_under(&data.path().join("blobs")), blobs_before);
    // Amparo goes on: the next file is filed.
    let good = data.path().join("good.pdf");
    std::fs::write(&good, &plain).expect("write");
    ok(&amparo(
        data.path(),
        &[
            "document",
            "add",
            "--case",
            &case,
            good.to_str().expect("path"),
        ],
        &[],
    ));
}

#[test]
fn the_limits_are_settings_that_a_refusal_names() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    assert_eq!(
        ok(&amparo(data.path(), &["document", "limits"], &[])),
        "PDFs up to 200 MB and 1000 pages\n"
    );
    ok(&amparo(
        data.path(),
        &["document", "limits", "--pages", "10"],
        &[],
    ));
    let file = data.path().join("I-213.pdf");
    std::fs::write(&file, twelve_pages()).expect("write");
    let out = amparo(
        data.path(),
        &[
            "document",
            "add",
            "--case",
            &case,
            file.to_str().expect("path"),
        ],
        &[],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("has 12 pages (at most 10)"),
        "{out:?}"
    );
    let refused = amparo(data.path(), &["document", "limits", "--pages", "0"], &[]);
    assert!(!refused.status.success());
    assert_eq!(
        ok(&amparo(data.path(), &["document", "limits"], &[])),
        "PDFs up to 200 MB and 10 pages\n"
    );
}

/// Files the twelve-page PDF in `case` as `title`; its document id.
fn file_twelve_pages(data: &Path, case: &str, kind: &str, title: &str) -> String {
    let file = data.join(format!("{title}.pdf"));
    std::fs::write(&file, twelve_pages()).expect("write");
    let filed = json_of(&ok(&amparo(
        data,
        &[
            "document",
            "add",
            "--case",
            case,
            "--kind",
            kind,
            "--title",
            title,
            file.to_str().expect("path"),
            "--json",
        ],
        &[],
    )));
    filed[0]["result"]["documentId"]
        .as_str()
        .expect("id")
        .to_owned()
}

fn json_of(out: &str) -> serde_json::Value {
    serde_json::from_str(out).expect("json")
}

/// Three phone photos of a letter, the third taken sideways: put in order
/// (turned back, moved), filed, read by OCR, and found by search on the
/// page it is on. Once filed, its pages no longer change.
#[test]
fn photographed_pages_are_put_in_order_filed_read_and_found() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    let pages = [
        (
            &["Dear Judge,", "I employ Jesus as a makeup artist"][..],
            false,
            "one.jpg",
        ),
        (
            &["He works every Saturday", "at the Valencia salon"][..],
            false,
            "two.jpg",
        ),
        (
            &["Sincerely,", "Carolina Mendoza, Salon Owner"][..],
            true,
            "three.jpg",
        ),
    ];
    let mut files = Vec::new();
    for (lines, sideways, name) in pages {
        let path = data.path().join(name);
        std::fs::write(&path, photo_of_page(lines, sideways).0).expect("write");
        files.push(path.display().to_string());
    }
    // Added out of order: the second photo first.
    let mut args = vec![
        "document",
        "add",
        "--case",
        &case,
        "--kind",
        "letter",
        "--title",
        "Employer's letter",
        "--json",
    ];
    args.extend([files[1].as_str(), files[0].as_str(), files[2].as_str()]);
    let started = json_of(&ok(&amparo(data.path(), &args, &[])));
    assert_eq!(started[0]["result"]["status"], "started", "{started}");
    assert_eq!(started[0]["result"]["pages"], 3);
    let id = started[0]["result"]["documentId"]
        .as_str()
        .expect("id")
        .to_owned();
    // Not evidence yet: the packet does not offer it.
    let packet = ok(&amparo(
        data.path(),
        &["packet", "show", &case, "--json"],
        &[],
    ));
    assert!(!packet.contains(&id), "an unfiled document is offered");

    ok(&amparo(
        data.path(),
        &["document", "page", &id, "--page", "2", "up"],
        &[],
    ));
    ok(&amparo(
        data.path(),
        &["document", "page", &id, "--page", "3", "turn-left"],
        &[],
    ));
    let order = ok(&amparo(
        data.path(),
        &["document", "file", &id, "--json"],
        &[],
    ));
    let names: Vec<String> = json_of(&order)["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| format!("{} {}", p["fileName"].as_str().unwrap_or(""), p["rotation"]))
        .collect();
    assert_eq!(names, ["one.jpg 0", "two.jpg 0", "three.jpg 270"]);

    let refused = amparo(
        data.path(),
        &["document", "page", &id, "--page", "1", "remove", "--json"],
        &[],
    );
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("documentFiled"),
        "{refused:?}"
    );

    let read = json_of(&ok(&amparo(
        data.path(),
        &["document", "read", &id, "--json"],
        &[],
    )));
    assert_eq!(read["read"], 3, "{read}");
    let found = ok(&amparo(data.path(), &["search", "Carolina Mendoza"], &[]));
    assert!(found.contains("page 3 of Employer's letter"), "{found}");
    let found = ok(&amparo(data.path(), &["search", "Valencia salon"], &[]));
    assert!(found.contains("page 2 of Employer's letter"), "{found}");
}

/// A Spanish birth certificate scanned to a PDF (a picture, no text of
/// its own): filed, read by OCR, and a word only it holds is found naming
/// the document and the page; a person's correction is never overwritten
/// by reading again.
#[test]
fn a_scanned_spanish_certificate_is_read_and_found_by_a_word_only_it_holds() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    let (jpeg, width, height) = photo_of_page(
        &[
            "REPUBLICA BOLIVARIANA DE VENEZUELA",
            "ACTA DE NACIMIENTO",
            "Nacido en Capacho, estado Tachira",
            "Registrador: Pregonero Urdaneta",
        ],
        false,
    );
    let path = data.path().join("acta escaneada.pdf");
    std::fs::write(&path, pdf_support::scanned_pdf(&jpeg, width, height)).expect("write");
    let filed = json_of(&ok(&amparo(
        data.path(),
        &[
            "document",
            "add",
            "--case",
            &case,
            "--kind",
            "identity",
            "--language",
            "es",
            "--title",
            "Acta de nacimiento",
            path.to_str().expect("path"),
            "--json",
        ],
        &[],
    )));
    assert_eq!(
        filed[0]["result"]["pagesWithoutText"], 1,
        "a scan has no text of its own"
    );
    let id = filed[0]["result"]["documentId"]
        .as_str()
        .expect("id")
        .to_owned();
    assert!(ok(&amparo(data.path(), &["search", "Pregonero"], &[])).contains("nothing found"));

    let read = json_of(&ok(&amparo(
        data.path(),
        &["document", "read", &id, "--json"],
        &[],
    )));
    assert_eq!(read["read"], 1, "{read}");
    let found = ok(&amparo(data.path(), &["search", "Pregonero"], &[]));
    assert!(found.contains("page 1 of Acta de nacimiento"), "{found}");

    // A correction stays: reading again reads only pages with no text.
    ok(&amparo(
        data.path(),
        &[
            "document",
            "correct",
            &id,
            "--page",
            "1",
            "--text",
            "ACTA DE NACIMIENTO (corregida)",
        ],
        &[],
    ));
    let again = json_of(&ok(&amparo(
        data.path(),
        &["document", "read", &id, "--json"],
        &[],
    )));
    assert_eq!(again["read"], 0);
    let text = ok(&amparo(data.path(), &["document", "text", &id], &[]));
    assert_eq!(text, "=== page 1 ===\nACTA DE NACIMIENTO (corregida)\n");
}

/// An allegation made in the I-213 on its page 3, an event resting on page
/// 1; a page the document does not have is refused naming the option.
#[test]
fn an_allegation_and_an_event_cite_pages_of_a_filed_document() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    let id = file_twelve_pages(data.path(), &case, "government", "Form I-213");

    ok(&amparo(
        data.path(),
        &[
            "allegation",
            "add",
            &case,
            "--criterion",
            "Tattoos denoting membership",
            "--made-in",
            &format!("{id}#3"),
        ],
        &[],
    ));
    let listed = ok(&amparo(data.path(), &["allegation", "list", &case], &[]));
    assert!(
        listed.contains(&format!("made in document {id} p. 3")),
        "{listed}"
    );

    ok(&amparo(
        data.path(),
        &[
            "event",
            "add",
            &case,
            "--date",
            "2025-08-29",
            "--kind",
            "detention",
            "--description",
            "Stopped at the border",
            "--source",
            &format!("document:{id}#1"),
        ],
        &[],
    ));
    let events = ok(&amparo(data.path(), &["event", "list", &case], &[]));
    assert!(events.contains(&format!("document {id} p. 1")), "{events}");

    let refused = amparo(
        data.path(),
        &[
            "allegation",
            "add",
            &case,
            "--criterion",
            "Self-admission",
            "--made-in",
            &format!("{id}#13"),
        ],
        &[],
    );
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("source"), "{said}");
    let listed = ok(&amparo(data.path(), &["allegation", "list", &case], &[]));
    assert!(
        !listed.contains("Self-admission"),
        "nothing written: {listed}"
    );
}

/// A packet prints pages 3 to 5 of a twelve-page document, with its first
/// page: set as JSON, shown by `packet show`.
#[test]
fn a_packet_takes_an_excerpt_of_a_long_document() {
    let data = tempfile::tempdir().expect("dir");
    let case = new_case(data.path());
    let id = file_twelve_pages(data.path(), &case, "countryConditions", "Country report");
    let mut packet = json_of(&ok(&amparo(
        data.path(),
        &["packet", "show", &case, "--json"],
        &[],
    )))["packet"]
        .clone();
    packet["excerpts"] = serde_json::json!([{ "documentId": id, "pages": [5, 3, 4] }]);
    let draft = data.path().join("packet.json");
    std::fs::write(&draft, packet.to_string()).expect("write");
    let shown = ok(&amparo(
        data.path(),
        &[
            "packet",
            "set",
            &case,
            "--from-json",
            draft.to_str().expect("path"),
        ],
        &[],
    ));
    assert!(
        shown.contains(&format!("Document {id} (excerpt: pages 1, 3–5)")),
        "{shown}"
    );
}
