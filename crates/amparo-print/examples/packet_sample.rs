//! Writes the evidence packet of a fixture case (the example's statements,
//! signed; two tattoo records; photos; the chronology and the rebuttal
//! table last) into a folder (default docs/samples) twice, as each filer
//! would print it: `evidence-packet-pro-se-detained.pdf`, filed by the
//! detained respondent himself and served on DHS by mail, and
//! `evidence-packet-attorney.pdf`, filed by an attorney and served through
//! ECAS. `make samples` turns them into PNG pages.

#[path = "../tests/support/packet_fixture.rs"]
mod packet_fixture;

use std::path::{Path, PathBuf};

use amparo_core::{PacketDraft, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/samples"));
    std::fs::create_dir_all(&out)?;
    let mut f = packet_fixture::packet_fixture(6, 800, 600);
    packet_fixture::add_tables(&mut f);
    let mut draft = f.store.packet(&f.case_id)?;
    draft.page_prefix = "R-".into();
    write(
        &mut f.store,
        &f.blobs,
        &f.case_id,
        &draft,
        &out,
        "pro-se-detained",
    )?;

    packet_fixture::file_as_attorney(&mut draft);
    f.store.save_packet(&f.case_id, &draft)?;
    draft.signed_pages = signed_by_hand(&f)?;
    write(&mut f.store, &f.blobs, &f.case_id, &draft, &out, "attorney")?;
    Ok(())
}

/// The attorney's pages to sign, printed alone, "signed" with a pen
/// stroke over each signature line and "scanned" (rendered by pdftoppm),
/// kept as the window keeps a scan: what the packet then files in their
/// place.
fn signed_by_hand(
    f: &packet_fixture::PacketFixture,
) -> Result<Vec<amparo_core::SignedPageScan>, Box<dyn std::error::Error>> {
    use amparo_core::{PacketSignature, SignedPageScan};
    let to_sign = amparo_print::print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        amparo_print::PacketPurpose::ForSignature,
        &|_| {},
    )?;
    let dir = tempfile::tempdir()?;
    let pdf = dir.path().join("to-sign.pdf");
    std::fs::write(&pdf, &to_sign.files[0].pdf)?;
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "100", "-gray", "-jpeg"])
        .arg(&pdf)
        .arg(dir.path().join("scan"))
        .status()?;
    if !status.success() {
        return Err("pdftoppm (poppler-utils) could not render the pages to sign".into());
    }
    let mut scans: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jpg"))
        .collect();
    scans.sort();
    // The pages print in packet order: the filer's signature, each tattoo
    // record's certificate of translation, the certificate of service.
    let mut pages = vec![(PacketSignature::Submission, String::new())];
    pages.extend(
        f.tattoo_ids
            .iter()
            .map(|id| (PacketSignature::Translation, id.clone())),
    );
    pages.push((PacketSignature::Service, String::new()));
    if scans.len() != pages.len() {
        return Err(format!("{} pages to sign, {} expected", scans.len(), pages.len()).into());
    }
    pages
        .into_iter()
        .zip(scans)
        .map(|((signature, item_id), path)| {
            sign_with_a_pen(&path)?;
            Ok(SignedPageScan {
                signature,
                item_id,
                scan: amparo_media::keep_image(&f.blobs, &path)?,
            })
        })
        .collect()
}

/// Draws a loop of ink just above the page's first long horizontal rule
/// (its signature line).
fn sign_with_a_pen(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut page = image::open(path)?.to_luma8();
    let (w, h) = page.dimensions();
    // A rule is one unbroken dark run a fifth of the page wide; text is not.
    let longest_run = |y: u32| {
        let (mut best, mut run) = (0u32, 0u32);
        for x in 0..w {
            run = if page.get_pixel(x, y)[0] < 128 {
                run + 1
            } else {
                0
            };
            best = best.max(run);
        }
        best
    };
    let line = (h / 5..h).find(|&y| longest_run(y) > w / 5);
    let Some(y0) = line else {
        return Err(format!("no signature line on {}", path.display()).into());
    };
    let x_start = (0..w)
        .find(|&x| page.get_pixel(x, y0)[0] < 100)
        .unwrap_or(w / 2);
    for step in 0..2000u32 {
        let t = f64::from(step) / 2000.0;
        let x = f64::from(x_start) + 30.0 + t * 260.0;
        let y = f64::from(y0) - 14.0 - 10.0 * (t * 18.0).sin() - 6.0 * (t * 5.0).cos();
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let (px, py) = (x as u32 + dx, y as u32 + dy);
            if px < w && py < h {
                page.put_pixel(px, py, image::Luma([20]));
            }
        }
    }
    page.save(path)?;
    Ok(())
}

fn write(
    store: &mut Store,
    blobs: &amparo_core::BlobStore,
    case_id: &str,
    draft: &PacketDraft,
    out: &Path,
    filer: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    store.save_packet(case_id, draft)?;
    let printed = amparo_print::print_packet(
        store,
        blobs,
        case_id,
        amparo_print::PacketPurpose::Filing,
        &|_| {},
    )?;
    for file in printed.files {
        let name = file
            .name
            .to_lowercase()
            .replace(".pdf", &format!("-{filer}.pdf"));
        let path = out.join(name);
        std::fs::write(&path, file.pdf)?;
        println!("wrote {} ({} pages)", path.display(), printed.page_count);
    }
    Ok(())
}
