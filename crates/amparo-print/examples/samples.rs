//! Writes the filing sets of the example case's two statements, signed, as
//! PDFs into a folder (default docs/samples): the mother's, signed in
//! Venezuela in her own language (mode A), and Jesús's, signed in English
//! in a Texas detention facility after it was read back to him (mode B).
//! `make samples` turns them into PNG pages.

use std::path::PathBuf;

use amparo_core::{BlobStore, SigningPlace, SigningRecord, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/samples"));
    std::fs::create_dir_all(&out)?;
    let data = tempfile::tempdir()?;
    let mut store = Store::open(data.path())?;
    let blobs = BlobStore::open(data.path())?;
    let case = store.add_example_case()?;
    for summary in store.statements(&case.id)? {
        let mother = summary.declarant_name.starts_with("María");
        let signing = SigningRecord {
            signed_on: "2026-11-12".into(),
            place: if mother {
                SigningPlace {
                    place: "Capacho, Táchira, Venezuela".into(),
                    country: "VE".into(),
                    us_detention_facility: false,
                    ..SigningPlace::default()
                }
            } else {
                SigningPlace {
                    place: "South Texas ICE Processing Center, Pearsall, Texas".into(),
                    country: "US".into(),
                    us_detention_facility: true,
                    ..SigningPlace::default()
                }
            },
        };
        let version = amparo_print::sign_statement(&mut store, &blobs, &summary.id, &signing, &[])?;
        let pdf = amparo_print::print_signed(&store, &blobs, &summary.id, version.number)?;
        let name = if mother {
            "mode-a-signed-in-venezuela.pdf"
        } else {
            "mode-b-signed-in-texas.pdf"
        };
        std::fs::write(out.join(name), pdf)?;
        println!("wrote {}", out.join(name).display());
    }
    Ok(())
}
