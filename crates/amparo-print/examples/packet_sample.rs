//! Writes the evidence packet of a fixture case (the example's statements,
//! signed; two tattoo records; photos; the chronology and the rebuttal
//! table last) into a folder (default
//! docs/samples) as `evidence-packet.pdf`. `make samples` turns it into PNG
//! pages.

#[path = "../tests/support/packet_fixture.rs"]
mod packet_fixture;

use std::path::PathBuf;

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
    let mut store = f.store;
    store.save_packet(&f.case_id, &draft)?;
    let printed = amparo_print::print_packet(
        &store,
        &f.blobs,
        &f.case_id,
        amparo_print::PacketPurpose::Filing,
        &|_| {},
    )?;
    for file in printed.files {
        let path = out.join(file.name.to_lowercase());
        std::fs::write(&path, file.pdf)?;
        println!("wrote {} ({} pages)", path.display(), printed.page_count);
    }
    Ok(())
}
