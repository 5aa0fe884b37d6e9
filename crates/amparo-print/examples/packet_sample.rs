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

use amparo_core::{FilerRole, PacketDraft, ServiceMethod, Store};

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

    draft.filer.role = FilerRole::Attorney;
    draft.filer.name = "Laura Gómez (example attorney)".into();
    draft.filer.firm = "Example Immigrant Defense Project".into();
    draft.filer.address = "200 Example Avenue\nSan Antonio, TX 78205".into();
    draft.filer.phone = "(210) 555-0199".into();
    draft.filer.email = "laura@example.org".into();
    draft.filer.eoir_id = "XY123456".into();
    draft.filer.eoir28_on_file = true;
    draft.service.method = ServiceMethod::Ecas;
    draft.service.by_filer = true;
    draft.signed_pages = packet_fixture::signed_page_scans(&f);
    write(&mut f.store, &f.blobs, &f.case_id, &draft, &out, "attorney")?;
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
