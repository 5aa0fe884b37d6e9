//! Court-ready PDFs for Amparo, typeset by an embedded typst.
//!
//! A print goes: the core's records -> a JSON data model
//! ([`StatementPrint::data_model`]) -> a `.typ` template that reads it from
//! `sys.inputs` -> pages -> PDF bytes or PNG previews. The typst World
//! ([`world`]) serves only the bundled templates, fonts and named images.

mod catalog;
mod declaration;
mod error;
mod family_calendar;
mod family_summary;
mod fonts;
mod languages;
mod packet;
mod preview;
mod render;
mod set_data;
mod signing;
#[cfg(test)]
mod template_keys;
mod translator_copy;
mod world;

pub use declaration::{Purpose, StatementPrint, language_name, long_date};
pub use error::PrintError;
pub use family_calendar::family_calendar;
pub use family_summary::family_summary;
pub use fonts::{dir as fonts_dir, fonts_read, unprintable};
pub use packet::{
    CounselExport, CounselProtection, IDENTIFIERS_FILE, PACKET_FILE_BASE, PASSPHRASE_WORDS,
    PacketEntry, PacketFile, PacketProgress, PacketPurpose, PacketStage, PacketView, PrintedPacket,
    SCRYPT_LOG_N, check_counsel_passphrase, export_counsel, gps_originals, packet_checks,
    packet_ready, packet_view, preview_packet, print_packet, print_packet_as,
};
pub use preview::{Preview, ScanAdded};
pub use render::Pages;
pub use signing::{
    default_mode, preview_statement, print_signed, print_statement, sign_statement,
    statement_checks,
};
pub use translator_copy::translator_copy;
pub use world::{font_families, missing_glyphs};

/// Compiles the declaration template with `print`'s data model.
pub fn render_declaration(
    print: &StatementPrint<'_>,
    purpose: Purpose,
) -> Result<Pages, PrintError> {
    render::compile(
        "/declaration.typ",
        None,
        &print.set(purpose),
        print.images(),
    )
}

/// Compiles the declaration template with `print`'s data model, every
/// string of it masked by `masks`; refused if anything is left unmasked.
pub(crate) fn render_declaration_masked(
    print: &StatementPrint<'_>,
    purpose: Purpose,
    masks: &packet::Redactor,
) -> Result<Pages, PrintError> {
    let mut data = print.data_model(purpose);
    masks.mask(&mut data)?;
    render::compile("/declaration.typ", None, &data, print.images())
}

/// Today's date (UTC): who is a minor, the next hearing, "Executed on".
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Compiles `source` as if it were a template, with `data`: for tests that
/// prove what a template can and cannot reach.
#[doc(hidden)]
pub fn render_source(source: &str, data: &serde_json::Value) -> Result<Pages, PrintError> {
    render::compile("/declaration.typ", Some(source), data, Vec::new())
}

/// Writes the types the UI uses from this crate into `dir`.
pub fn export_bindings(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    Purpose::export_all(&cfg)?;
    Preview::export_all(&cfg)?;
    ScanAdded::export_all(&cfg)?;
    PacketPurpose::export_all(&cfg)?;
    PacketProgress::export_all(&cfg)?;
    CounselExport::export_all(&cfg)?;
    PacketView::export_all(&cfg)?;
    Ok(())
}
