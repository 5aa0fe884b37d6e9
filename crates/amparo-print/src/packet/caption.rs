//! One caption per filing (LEGAL-FORMATS.md section 4): the caption every
//! declaration of a packet carries, and whether a signed one belongs.

/// The caption every declaration printed in the packet carries: a federal
/// packet's own caption; in immigration court, the immigration caption.
pub(crate) fn packet_caption(d: &amparo_core::PacketDraft) -> Option<amparo_core::Caption> {
    (d.profile == amparo_core::PacketProfile::FederalCourt).then(|| amparo_core::Caption {
        kind: amparo_core::CaptionKind::FederalCourt,
        ..d.caption.clone()
    })
}

/// Whether a declaration signed under `signed` heads the same filing as
/// `packet`. Signed on a blank line before the court gave the case its
/// number, it still does.
pub(crate) fn signed_for(signed: &amparo_core::Caption, packet: &amparo_core::Caption) -> bool {
    if signed.case_number.trim().is_empty() {
        let numbered = amparo_core::Caption {
            case_number: String::new(),
            ..packet.clone()
        };
        return signed.same_filing(&numbered);
    }
    signed.same_filing(packet)
}

/// Why a declaration signed under `signed` does not belong in packet `d`,
/// if it does not: in a federal packet a captioned declaration carries the
/// packet's caption; in immigration court, no federal one.
pub(crate) fn caption_differs(
    signed: &amparo_core::Caption,
    d: &amparo_core::PacketDraft,
) -> Option<&'static str> {
    use amparo_core::CaptionKind as K;
    match packet_caption(d) {
        // A declaration with no caption heads no filing: it may go in any.
        _ if signed.kind == K::None => None,
        Some(_) if signed.kind == K::ImmigrationCourt => {
            Some("under the immigration court's caption, and this packet is for a federal court")
        }
        Some(packet) if !signed_for(signed, &packet) => Some(
            "under another federal caption than this packet's (court, parties, case number or initials)",
        ),
        Some(_) => None,
        None if signed.kind == K::FederalCourt => {
            Some("under a federal court's caption, and this packet is for an immigration court")
        }
        None => None,
    }
}
