//! An evidence packet: which exhibits go in, in what order, with what cover,
//! certificate of service and redaction profile (LEGAL-FORMATS.md sections
//! 3 and 4). The packet gives letters in its own order, except that a
//! letter cited in a signed statement is pinned: the packet keeps it or
//! refuses to print.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::exhibit::{ExhibitItem, ExhibitKind, letter_for};
use crate::statement::Caption;

/// What kind of record an exhibit of the packet is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PacketItemKind {
    /// A statement: its signed filing set (or its draft, in a draft packet).
    #[default]
    Statement,
    /// A photo with its caption.
    Photo,
    /// A tattoo record with its photos and meaning.
    Tattoo,
    /// The case's chronology as a table (the item's id is the case's).
    Chronology,
    /// The allegations and the evidence that answers each, as a table (the
    /// item's id is the case's).
    Rebuttal,
    /// A document: its pages (a PDF's as filed, or photographed pages),
    /// with its English translation and certificate before it when it is
    /// in another language.
    Document,
}

/// One exhibit of the packet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PacketItem {
    /// Statement, photo or tattoo record.
    pub kind: PacketItemKind,
    /// The record's id.
    pub id: String,
}

impl PacketItem {
    /// The item as a paragraph refers to it (statements and the tables are
    /// never referred to).
    pub fn as_exhibit(&self) -> Option<ExhibitItem> {
        let kind = match self.kind {
            PacketItemKind::Statement | PacketItemKind::Chronology | PacketItemKind::Rebuttal => {
                return None;
            }
            PacketItemKind::Photo => ExhibitKind::Photo,
            PacketItemKind::Tattoo => ExhibitKind::Tattoo,
            PacketItemKind::Document => ExhibitKind::Document,
        };
        Some(ExhibitItem {
            kind,
            id: self.id.clone(),
        })
    }

    /// The packet item for a paragraph's reference.
    pub fn of_exhibit(item: &ExhibitItem) -> Self {
        let kind = match item.kind {
            ExhibitKind::Photo => PacketItemKind::Photo,
            ExhibitKind::Tattoo => PacketItemKind::Tattoo,
            ExhibitKind::Document => PacketItemKind::Document,
        };
        Self {
            kind,
            id: item.id.clone(),
        }
    }
}

/// Which court the packet is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PacketProfile {
    /// An immigration court (EOIR) cover page.
    #[default]
    ImmigrationCourt,
    /// A federal district court caption.
    FederalCourt,
}

impl PacketProfile {
    /// How a packet for this court is served unless the filer says
    /// otherwise: on paper in immigration court, CM/ECF in federal court.
    pub fn default_service(self) -> ServiceMethod {
        match self {
            Self::ImmigrationCourt => ServiceMethod::Mail,
            Self::FederalCourt => ServiceMethod::Cmecf,
        }
    }
}

/// The word before each item's letter: practitioners file "Tab A, B ..."
/// and the judge numbers exhibits when the packet is offered
/// (LEGAL-FORMATS.md section 3a, a setting).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ItemLabel {
    /// "Exhibit A", as signed declarations cite them.
    #[default]
    Exhibit,
    /// "Tab A".
    Tab,
}

impl ItemLabel {
    /// The word as printed.
    pub fn word(self) -> &'static str {
        match self {
            Self::Exhibit => "Exhibit",
            Self::Tab => "Tab",
        }
    }
}

/// How a filing print is cut into files (LEGAL-FORMATS.md section 4): many
/// federal chambers want each exhibit as its own CM/ECF attachment; some
/// districts want one appendix numbered "App. 1".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilingOutput {
    /// One file (split in parts over the size limit).
    #[default]
    OneFile,
    /// One file, its pages numbered "App. 1", "App. 2" ...
    Appendix,
    /// The index of exhibits, then one file per exhibit.
    SeparateFiles,
}

/// Who files the packet and signs it (LEGAL-FORMATS.md section 3a).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FilerRole {
    /// The respondent, without an attorney ("pro se"), detained or not.
    #[default]
    ProSe,
    /// An attorney.
    Attorney,
    /// A fully accredited representative.
    AccreditedRepresentative,
}

impl FilerRole {
    /// True for an attorney or accredited representative.
    pub fn represents(self) -> bool {
        matches!(self, Self::Attorney | Self::AccreditedRepresentative)
    }
}

/// Who files the packet. A relative or advocate who helps a pro se
/// respondent is the preparer, never the filer: the respondent signs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Filer {
    /// Pro se, attorney or accredited representative.
    pub role: FilerRole,
    /// The attorney's or representative's name; empty takes the attorney
    /// of record. Pro se, the respondent's record name prints.
    pub name: String,
    /// The firm or organization of an attorney or representative.
    pub firm: String,
    /// Postal address, as many lines as typed (pro se and detained: the
    /// facility's).
    pub address: String,
    /// Telephone.
    pub phone: String,
    /// Email.
    pub email: String,
    /// EOIR ID of an attorney or accredited representative; empty takes
    /// the attorney of record's.
    pub eoir_id: String,
    /// A Form EOIR-28 (notice of appearance) is on file with the court.
    pub eoir28_on_file: bool,
    /// Federal court: the attorney's bar number, printed with their name.
    pub bar_number: String,
    /// A relative or advocate helping a pro se respondent prepare it.
    pub preparer: String,
}

/// What the evidence supports, for the cover's title. An I-589 is one
/// application for asylum, withholding of removal and protection under
/// the Convention Against Torture.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Applications {
    /// Asylum.
    pub asylum: bool,
    /// Withholding of removal.
    pub withholding: bool,
    /// Protection under the Convention Against Torture.
    pub torture_convention: bool,
    /// Release on bond.
    pub bond: bool,
    /// Anything else, as the filer names it ("Cancellation of Removal").
    pub other: String,
}

/// How the other side was served.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ServiceMethod {
    /// Through the e-filing system (ECAS): only an attorney or accredited
    /// representative, or the respondent, can.
    Ecas,
    /// By first-class mail.
    #[default]
    Mail,
    /// By hand delivery.
    Hand,
    /// Through a federal court's electronic filing (CM/ECF): filing
    /// serves every registered party (Fed. R. Civ. P. 5(b)(2)(E)), and
    /// then no certificate of service is required (5(d)(1)(B)).
    Cmecf,
}

impl ServiceMethod {
    /// Whether a court of `profile` is served this way: ECAS only in
    /// immigration court, CM/ECF only in federal court.
    pub fn open_in(self, profile: PacketProfile) -> bool {
        match self {
            Self::Ecas => profile == PacketProfile::ImmigrationCourt,
            Self::Cmecf => profile == PacketProfile::FederalCourt,
            Self::Mail | Self::Hand => true,
        }
    }

    /// Whether the packet carries a certificate of service: not when CM/ECF
    /// serves it.
    pub fn needs_certificate(self) -> bool {
        self != Self::Cmecf
    }
}

/// The certificate of service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Service {
    /// ECAS, mail or hand.
    pub method: ServiceMethod,
    /// Who was served, in a federal court ("Counsel for Respondents");
    /// immigration court service is always on DHS's Office of the
    /// Principal Legal Advisor.
    pub recipient: String,
    /// The address served on paper: in immigration court, the Office of
    /// the Principal Legal Advisor for the court (it differs by court;
    /// the user confirms it).
    pub address: String,
    /// When, `YYYY-MM-DD`, or empty to leave a line.
    pub date: String,
    /// The filer serves it (and signs the certificate).
    pub by_filer: bool,
    /// Who else serves it, when not the filer.
    pub server_name: String,
}

impl Default for Service {
    fn default() -> Self {
        Self {
            method: ServiceMethod::Mail,
            recipient: String::new(),
            address: String::new(),
            date: String::new(),
            by_filer: true,
            server_name: String::new(),
        }
    }
}

/// A page of the packet someone signs: the filer's "Respectfully
/// submitted" on the index, the certificate of service, or the certificate
/// of translation of one tattoo record's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PacketSignature {
    /// The filer's signature under "Respectfully submitted".
    #[default]
    Submission,
    /// The certificate of service.
    Service,
    /// A certificate of translation (`item_id` names the tattoo record).
    Translation,
}

/// The scan of a packet page after it was signed by hand, printed in its
/// place in a packet filed electronically.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SignedPageScan {
    /// Which page.
    pub signature: PacketSignature,
    /// The tattoo record, for a certificate of translation; else empty.
    pub item_id: String,
    /// SHA-256 of the scan's original (kept with its print copy).
    pub scan: String,
}

/// Who translated the foreign-language text printed in the packet
/// (captions, tattoo text, meanings).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PacketTranslator {
    /// Name.
    pub name: String,
    /// Postal address.
    pub address: String,
    /// Telephone.
    pub phone: String,
}

/// The pages of a long document the packet carries instead of all of it
/// (pages 3 to 5 of a 200-page country report): its first page, which
/// names it, always goes too, and every page printed says it is an
/// excerpt.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct DocumentExcerpt {
    /// The document.
    pub document_id: String,
    /// Its pages to print, as the document numbers them (from 1), in
    /// order; page 1 among them.
    pub pages: Vec<u32>,
}

impl DocumentExcerpt {
    /// "1, 3–5": the pages as a reader cites them, runs joined by a dash.
    pub fn pages_text(&self) -> String {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        for &page in &self.pages {
            match runs.last_mut() {
                Some((_, end)) if end.checked_add(1) == Some(page) => *end = page,
                _ => runs.push((page, page)),
            }
        }
        runs.iter()
            .map(|&(start, end)| {
                if start == end {
                    start.to_string()
                } else {
                    format!("{start}–{end}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Everything the packet is printed from, kept per case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PacketDraft {
    /// The exhibits, in order.
    pub items: Vec<PacketItem>,
    /// Immigration or federal court.
    pub profile: PacketProfile,
    /// The document's title ("Respondent's Evidence in Support of ...").
    pub title: String,
    /// The court, as the cover prints it ("Immigration Court").
    pub court: String,
    /// The court's city ("Pearsall, Texas").
    pub city: String,
    /// The immigration judge; empty takes the next hearing's.
    pub judge: String,
    /// Who files it.
    pub filer: Filer,
    /// What the evidence supports, named in the cover's title.
    pub applications: Applications,
    /// The federal caption (court, parties, case number).
    pub caption: Caption,
    /// The certificate of service.
    pub service: Service,
    /// Who translated the packet's foreign-language text.
    pub translator: PacketTranslator,
    /// Public filing: year of birth only, minors by initials, A-number
    /// masked, no GPS.
    pub public_filing: bool,
    /// Text before each page number ("R-"); empty prints plain numbers.
    pub page_prefix: String,
    /// "Exhibit A" or "Tab A" on slip sheets and in the index.
    pub item_label: ItemLabel,
    /// The largest file a court accepts, in MB; bigger packets are split.
    pub size_limit_mb: u32,
    /// One file, an appendix, or a file per exhibit.
    pub output: FilingOutput,
    /// Write PDF/A-2b.
    pub pdf_a: bool,
    /// Originals that carry a GPS position may go to counsel.
    pub share_gps_originals: bool,
    /// Scans of the packet's own pages signed by hand (for e-filing).
    pub signed_pages: Vec<SignedPageScan>,
    /// Print a page summarizing the custody log of the exhibits' originals
    /// (who filed, signed, printed and handed them on, and when).
    pub custody_summary: bool,
    /// Long documents printed in part.
    pub excerpts: Vec<DocumentExcerpt>,
}

impl PacketDraft {
    /// The excerpt the packet prints of document `id`, if it prints one.
    pub fn excerpt_of(&self, id: &str) -> Option<&DocumentExcerpt> {
        self.excerpts.iter().find(|e| e.document_id == id)
    }

    /// What each page number starts with, and the digits it is padded to:
    /// "App. " unpadded in an appendix; the typed prefix padded to six
    /// digits (Bates style); plain numbers without one.
    pub fn page_numbering(&self) -> (String, usize) {
        if self.output == FilingOutput::Appendix {
            return ("App. ".into(), 0);
        }
        let prefix = self.page_prefix.trim();
        (prefix.to_owned(), if prefix.is_empty() { 0 } else { 6 })
    }

    /// The scan of the signed `signature` page (`item_id` for a
    /// certificate of translation), if one was added.
    pub fn signed_page(&self, signature: PacketSignature, item_id: &str) -> Option<&str> {
        self.signed_pages
            .iter()
            .find(|p| p.signature == signature && p.item_id == item_id)
            .map(|p| p.scan.as_str())
    }
}

/// The default size limit of an e-filed file (LEGAL-FORMATS.md section 3,
/// unconfirmed).
pub const DEFAULT_SIZE_LIMIT_MB: u32 = 25;

impl Default for PacketDraft {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            profile: PacketProfile::ImmigrationCourt,
            title: String::new(),
            court: String::new(),
            city: String::new(),
            judge: String::new(),
            filer: Filer::default(),
            applications: Applications::default(),
            caption: Caption::default(),
            service: Service::default(),
            translator: PacketTranslator::default(),
            public_filing: false,
            page_prefix: String::new(),
            item_label: ItemLabel::Exhibit,
            size_limit_mb: DEFAULT_SIZE_LIMIT_MB,
            output: FilingOutput::OneFile,
            pdf_a: false,
            share_gps_originals: false,
            signed_pages: Vec::new(),
            custody_summary: false,
            excerpts: Vec::new(),
        }
    }
}

/// A letter a signed statement cites: it must stay that item's letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PinnedLetter {
    /// The statement that cites it.
    pub statement_id: String,
    /// Its title, to name it in a message.
    pub statement_title: String,
    /// The cited record.
    pub item: PacketItem,
    /// The letter as signed.
    pub letter: String,
}

/// A pinned letter the packet's order cannot keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterConflict {
    /// The pin.
    pub pin: PinnedLetter,
    /// The letter the item would get here, or None when it is left out.
    pub packet_letter: Option<String>,
}

/// The rank of a letter: A = 0, Z = 25, AA = 26.
fn rank(letter: &str) -> Option<usize> {
    let mut n: usize = 0;
    for (i, b) in letter.bytes().enumerate() {
        if !b.is_ascii_uppercase() {
            return None;
        }
        let digit = (b - b'A') as usize;
        n = if i == 0 { digit } else { (n + 1) * 26 + digit };
    }
    (!letter.is_empty()).then_some(n)
}

/// The letters of `items` in order. A pinned item keeps its letter; the
/// others take the next letter no pin holds. A pin whose item comes after a
/// later letter, or that a statement in the packet cites while its item is
/// left out, is a conflict.
pub fn packet_letters(
    items: &[PacketItem],
    pins: &[PinnedLetter],
) -> (Vec<String>, Vec<LetterConflict>) {
    let reserved: Vec<usize> = pins.iter().filter_map(|p| rank(&p.letter)).collect();
    let mut next = 0usize;
    let mut letters = Vec::with_capacity(items.len());
    let mut conflicts = Vec::new();
    for item in items {
        let pin = pins.iter().find(|p| p.item == *item);
        match pin.and_then(|p| rank(&p.letter).map(|r| (p, r))) {
            Some((pin, r)) if r >= next => {
                letters.push(pin.letter.clone());
                next = r + 1;
            }
            _ => {
                while reserved.contains(&next) {
                    next += 1;
                }
                let letter = letter_for(next);
                next += 1;
                for pin in pins.iter().filter(|p| p.item == *item) {
                    conflicts.push(LetterConflict {
                        pin: pin.clone(),
                        packet_letter: Some(letter.clone()),
                    });
                }
                letters.push(letter);
            }
        }
    }
    // Every pin of the same item must agree with the one letter it got.
    for pin in pins {
        if let Some(i) = items.iter().position(|it| *it == pin.item) {
            if letters[i] != pin.letter && !conflicts.iter().any(|c| c.pin == *pin) {
                conflicts.push(LetterConflict {
                    pin: pin.clone(),
                    packet_letter: Some(letters[i].clone()),
                });
            }
        } else if items
            .iter()
            .any(|it| it.kind == PacketItemKind::Statement && it.id == pin.statement_id)
        {
            conflicts.push(LetterConflict {
                pin: pin.clone(),
                packet_letter: None,
            });
        }
    }
    (letters, conflicts)
}

/// An order that keeps every pin: pinned items at their letters, the
/// others (`rest`, in their order) filling the letters between.
pub fn order_keeping_pins(pins: &[PinnedLetter], rest: &[PacketItem]) -> Vec<PacketItem> {
    let mut pinned: Vec<(usize, PacketItem)> = Vec::new();
    for pin in pins {
        if let Some(r) = rank(&pin.letter)
            && !pinned.iter().any(|(_, it)| *it == pin.item)
        {
            pinned.push((r, pin.item.clone()));
        }
    }
    pinned.sort_by_key(|(r, _)| *r);
    let mut others = rest
        .iter()
        .filter(|it| !pinned.iter().any(|(_, p)| p == *it))
        .cloned()
        .collect::<Vec<_>>()
        .into_iter();
    let mut out = Vec::new();
    let mut slot = 0usize;
    for (r, item) in pinned {
        while slot < r {
            match others.next() {
                Some(other) => out.push(other),
                None => break,
            }
            slot += 1;
        }
        out.push(item);
        slot = r + 1;
    }
    out.extend(others);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(id: &str) -> PacketItem {
        PacketItem {
            kind: PacketItemKind::Photo,
            id: id.into(),
        }
    }

    fn statement(id: &str) -> PacketItem {
        PacketItem {
            kind: PacketItemKind::Statement,
            id: id.into(),
        }
    }

    fn pin(statement: &str, item: &str, letter: &str) -> PinnedLetter {
        PinnedLetter {
            statement_id: statement.into(),
            statement_title: format!("Declaration {statement}"),
            item: photo(item),
            letter: letter.into(),
        }
    }

    #[test]
    fn unpinned_items_take_letters_in_order_skipping_pinned_ones() {
        let pins = [pin("s1", "p2", "B")];
        let items = [statement("s1"), photo("p2"), photo("p3"), photo("p4")];
        let (letters, conflicts) = packet_letters(&items, &pins);
        assert_eq!(letters, ["A", "B", "C", "D"]);
        assert!(conflicts.is_empty());
        // With the pinned photo later, its letter is skipped before it.
        let items = [photo("p3"), photo("p4"), photo("p2")];
        let (letters, conflicts) = packet_letters(&items, &pins);
        assert_eq!(letters, ["A", "C", "D"]);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].packet_letter.as_deref(), Some("D"));
    }

    #[test]
    fn a_gap_before_a_pinned_letter_is_allowed() {
        let pins = [pin("s1", "p9", "D")];
        let (letters, conflicts) = packet_letters(&[statement("s1"), photo("p9")], &pins);
        assert_eq!(letters, ["A", "D"]);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn a_cited_exhibit_left_out_of_a_packet_with_its_statement_conflicts() {
        let pins = [pin("s1", "p2", "B")];
        let (_, conflicts) = packet_letters(&[statement("s1")], &pins);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].packet_letter, None);
        // Without the statement, leaving the photo out is fine.
        let (_, conflicts) = packet_letters(&[photo("p3")], &pins);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn the_default_order_keeps_every_pin() {
        let pins = [pin("s1", "p2", "C"), pin("s1", "p1", "A")];
        let rest = [statement("s1"), photo("p5"), photo("p2")];
        let order = order_keeping_pins(&pins, &rest);
        assert_eq!(
            order,
            [photo("p1"), statement("s1"), photo("p2"), photo("p5")]
        );
        let (letters, conflicts) = packet_letters(&order, &pins);
        assert_eq!(letters, ["A", "B", "C", "D"]);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn letter_ranks_match_letter_for() {
        for n in [0, 1, 25, 26, 27, 51, 52, 701, 702] {
            assert_eq!(rank(&letter_for(n)), Some(n));
        }
        assert_eq!(rank("a"), None);
        assert_eq!(rank(""), None);
    }
}
