//! The evidence packet: its exhibits gathered from the case, the checks
//! that stand between it and a filing, its data model and print, the view
//! the window lists, and counsel's export of the originals.

mod attachments;
mod caption;
mod checks;
mod counsel;
mod custody_page;
pub(crate) mod data;
mod describe;
mod document_exhibit;
mod exhibit_pages;
mod filer;
mod frozen;
mod gather;
mod identifiers;
mod links;
mod masks;
mod model;
mod print;
mod redact;
mod seal;
mod tables;
mod view;

pub(crate) use caption::{packet_caption, signed_for};
pub use checks::packet_ready;
pub use counsel::{
    CounselExport, CounselProtection, IDENTIFIERS_FILE, export_counsel, gps_originals,
};
pub(crate) use filer::possessive;
pub(crate) use masks::case_masks;
pub use print::{
    PACKET_FILE_BASE, PacketFile, PacketProgress, PacketPurpose, PacketStage, PrintedPacket,
    packet_checks, preview_packet, print_packet, print_packet_as,
};
pub(crate) use redact::Redactor;
pub use seal::{PASSPHRASE_WORDS, SCRYPT_LOG_N, checked as check_counsel_passphrase};
pub use view::{PacketEntry, PacketView, packet_view};
