//! A filed PDF's page as the window shows it beside its text: a picture
//! of the page at reading size, from the stored original; nothing for a
//! page the PDF lacks or for an original that is not a PDF.

#[path = "../../amparo-media/tests/support/pdf.rs"]
#[allow(dead_code)]
mod pdf_support;

use amparo_core::{BlobStore, Keys, content_hash};
use amparo_ops::ShownPdf;
use pdf_support::{PdfSpec, pdf, photo_of_page};

#[test]
fn a_filed_pdfs_page_is_shown_at_reading_size_and_a_photo_is_not_a_pdf() {
    let dir = tempfile::tempdir().expect("dir");
    let blobs = BlobStore::open(dir.path(), &Keys::fixed_for_tests()).expect("blobs");
    let report = pdf(&PdfSpec {
        pages: vec![vec!["Page one"], vec!["Page two"]],
        ..PdfSpec::default()
    });
    let sha = content_hash(&report);
    blobs.put_original(&sha, &report).expect("keep");
    let shown = ShownPdf::default();

    let held = shown.pdf(&blobs, &sha).expect("a PDF");
    let png = shown.page_png(&held, 1).expect("page 2 is shown");
    let page = image::load_from_memory(&png).expect("a PNG");
    // A letter page at 110 dpi: 935 x 1210, its words readable.
    assert_eq!((page.width(), page.height()), (935, 1210));
    assert!(shown.page_png(&held, 2).is_none(), "no page 3");

    let (photo, _, _) = photo_of_page(&["not a PDF"], false);
    let photo_sha = content_hash(&photo);
    blobs.put_original(&photo_sha, &photo).expect("keep");
    assert!(
        shown.pdf(&blobs, &photo_sha).is_none(),
        "a photo is never held"
    );

    // Held until the lock drops it: then read from the original again.
    blobs.remove(&sha).expect("remove");
    assert!(shown.pdf(&blobs, &sha).is_some(), "still held");
    shown.clear();
    assert!(shown.pdf(&blobs, &sha).is_none(), "dropped");
}
