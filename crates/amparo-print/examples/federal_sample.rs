//! Writes the example case's evidence as a federal habeas filing into a
//! folder (default docs/samples/federal): the petitioner under initials,
//! his mother as next friend, every declaration signed under the federal
//! caption, filed by an attorney through CM/ECF; once as CM/ECF attachments
//! (`attachments-*.pdf`: the index of exhibits, then one file per exhibit)
//! and once as one appendix numbered App. 1 (`appendix.pdf`). `make
//! samples` turns them into PNG pages.

#[path = "../tests/support/packet_fixture.rs"]
mod packet_fixture;

use std::path::PathBuf;

use amparo_core::{Caption, CaptionKind, FilingOutput, PacketProfile, ServiceMethod};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/samples/federal"));
    std::fs::create_dir_all(&out)?;
    let caption = Caption {
        kind: CaptionKind::FederalCourt,
        court: "United States District Court for the Western District of Texas".into(),
        division: "San Antonio Division".into(),
        petitioners: "Jesús Alberto Rivas Moreno".into(),
        respondents: "Warden, South Texas ICE Processing Center, et al.".into(),
        case_number: "5:27-cv-00012 (example)".into(),
        next_friend: "María Elena Moreno de Rivas".into(),
        supports: "Petition for Writ of Habeas Corpus".into(),
        initials: true,
    };
    let mut f = packet_fixture::packet_fixture_captioned(2, 800, 600, &caption);
    packet_fixture::add_tables(&mut f);
    let mut draft = f.store.packet(&f.case_id)?;
    // Filed by an attorney, who signs "/s/" through CM/ECF; the
    // translator's certificates are signed by hand and scanned.
    packet_fixture::file_as_attorney(&mut draft);
    draft.filer.bar_number = "TX 24000000 (example)".into();
    draft.signed_pages = packet_fixture::signed_page_scans(&f)
        .into_iter()
        .filter(|p| p.signature == amparo_core::PacketSignature::Translation)
        .collect();
    draft.profile = PacketProfile::FederalCourt;
    draft.caption = caption;
    draft.public_filing = true;
    draft.service.method = ServiceMethod::Cmecf;
    for (output, name) in [
        (FilingOutput::SeparateFiles, "attachments"),
        (FilingOutput::Appendix, "appendix"),
    ] {
        draft.output = output;
        f.store.save_packet(&f.case_id, &draft)?;
        let printed = amparo_print::print_packet(
            &f.store,
            &f.blobs,
            &f.case_id,
            amparo_print::PacketPurpose::Filing,
            &|_| {},
        )?;
        for (i, file) in printed.files.iter().enumerate() {
            let label = file.attachment.as_deref().unwrap_or("");
            let file_name = if label.is_empty() {
                format!("{name}.pdf")
            } else {
                // "attachments-0-index-of-exhibits.pdf", in filing order.
                let slug: String = label
                    .to_lowercase()
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                format!(
                    "{name}-{i}-{}.pdf",
                    slug.split('-')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join("-")
                )
            };
            let path = out.join(file_name);
            std::fs::write(&path, &file.pdf)?;
            println!(
                "wrote {} (pages {}-{})",
                path.display(),
                file.pages.0,
                file.pages.1
            );
        }
    }
    Ok(())
}
