//! The JSON data model of an evidence packet (templates/packet.typ reads
//! it): cover, index, exhibits, certificates and the verification page.

use std::collections::HashMap;

use amparo_core::{
    CustodyStatus, ExhibitItem, ExhibitKind, ExhibitLetter, HearingKind, PacketSignature, fill,
};
use serde_json::Value;

use crate::declaration::{
    Purpose, StatementPrint, federal_caption, language_name, long_date, sworn_certificate,
};
use crate::error::PrintError;
use crate::packet::custody_page::custody_summary;
use crate::packet::data::{
    Cover, ExhibitBody, ExhibitData, Index, PacketData, PageNumbering, PhotoExhibit,
    StatementExhibit, Submitted, TableExhibit, Verify, VerifyRow,
};
use crate::packet::describe::{
    document_description, photo_description, tattoo_description, tattoo_has_foreign_text,
};
use crate::packet::document_exhibit::document_exhibit;
use crate::packet::exhibit_pages::{
    image_name, photo_caption, printed_draft, sworn_in, tattoo_exhibit,
};
use crate::packet::filer::{filer_lines, service_certificate, submission_title, submitted};
use crate::packet::frozen::{StoredPdf, frozen_pages};
use crate::packet::gather::{Body, Exhibit, Gathered, Original};
use crate::packet::tables::{CHRONOLOGY_TITLE, REBUTTAL_TITLE, chronology, rebuttal};
use crate::set_data::{Certificate, Signer, SignerLabels};
use crate::world::image_path;

/// How a packet's pages are numbered and split.
#[derive(Debug, Clone, Default)]
pub(crate) struct Numbering {
    /// Exhibit indexes where parts 2, 3, ... begin; empty for one file.
    pub part_starts: Vec<usize>,
}

/// The model, as JSON for the public-filing masks to walk, and its
/// images.
pub(crate) struct Model {
    pub data: Value,
    pub images: Vec<(String, Vec<u8>)>,
}

/// The exhibits' originals, by exhibit, with the file names counsel gets
/// (`Exhibit-C-1.heic`).
pub(crate) fn original_files(g: &Gathered, originals: &[Vec<Original>]) -> Vec<Vec<String>> {
    g.exhibits
        .iter()
        .zip(originals)
        .map(|(e, list)| {
            list.iter()
                .enumerate()
                .map(|(i, o)| format!("Exhibit-{}-{}.{}", e.letter, i + 1, o.extension))
                .collect()
        })
        .collect()
}

/// The kind of evidence an exhibit is filed under, in the order
/// practitioners group tabs (LEGAL-FORMATS.md section 3a): identity,
/// declarations, photographs, country conditions, government documents,
/// other.
fn group_of(body: &Body) -> &'static str {
    match body {
        Body::Statement { .. } => "Declarations",
        Body::Photo(_) | Body::Tattoo { .. } => "Photographs",
        Body::Chronology(_) | Body::Rebuttal(_) => "Other",
        Body::Document(d) => amparo_core::DocumentGroup::of(d.details.kind).index_name(),
    }
}

/// A hearing's kind as the cover names it.
fn hearing_kind(kind: HearingKind) -> &'static str {
    match kind {
        HearingKind::Master => "master calendar hearing",
        HearingKind::Individual => "individual hearing",
        HearingKind::Bond => "bond hearing",
        HearingKind::Other => "hearing",
    }
}

/// A stored `HH:MM` (24 h) as courts print it: "1:00 p.m.", "9:30 a.m.",
/// "12:00 p.m." at noon. Anything else prints as stored.
fn twelve_hour(time: &str) -> String {
    let parsed = time
        .split_once(':')
        .and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m)))
        .filter(|(h, m)| *h < 24 && m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()));
    let Some((hour, minutes)) = parsed else {
        return time.to_owned();
    };
    let half = if hour < 12 { "a.m." } else { "p.m." };
    let shown = match hour % 12 {
        0 => 12,
        h => h,
    };
    format!("{shown}:{minutes} {half}")
}

/// A federal packet's title when none is typed: "Exhibits in Support of"
/// the filing the caption names; bare "Exhibits" only when it names none,
/// which blocks a filing print.
pub(crate) fn federal_title(c: &amparo_core::Caption) -> String {
    let supports = c.supports.trim();
    if supports.is_empty() {
        "Exhibits".into()
    } else {
        format!("Exhibits in Support of {supports}")
    }
}

/// Everything the packet template needs.
pub(crate) struct ModelInput<'a> {
    pub g: &'a Gathered,
    pub draft_print: bool,
    pub originals: &'a [Vec<Original>],
    pub images: &'a HashMap<String, Vec<u8>>,
    /// The stored filing sets of the signed statements, by SHA-256.
    pub filing_sets: &'a HashMap<String, StoredPdf>,
    /// The documents' PDFs, by SHA-256.
    pub document_pdfs: &'a HashMap<String, StoredPdf>,
    pub numbering: &'a Numbering,
    pub today: chrono::NaiveDate,
    /// Print the page on how to verify the originals.
    pub verify_page: bool,
}

impl ModelInput<'_> {
    fn word(&self, key: &str) -> String {
        self.g.wording.get(key).cloned().unwrap_or_default()
    }

    fn packet_letters(&self) -> Vec<ExhibitLetter> {
        self.g
            .exhibits
            .iter()
            .filter_map(|e| {
                Some(ExhibitLetter {
                    item: e.item.as_exhibit()?,
                    letter: e.letter.clone(),
                    label: String::new(),
                })
            })
            .collect()
    }

    fn title(&self) -> String {
        let d = &self.g.draft;
        if !d.title.trim().is_empty() {
            return d.title.trim().to_owned();
        }
        match d.profile {
            amparo_core::PacketProfile::ImmigrationCourt => {
                submission_title(&self.g.case, &d.applications)
            }
            amparo_core::PacketProfile::FederalCourt => federal_title(&d.caption),
        }
    }

    fn cover(&self) -> Cover {
        let g = self.g;
        let d = &g.draft;
        let p = &g.case.person;
        let filer = filer_lines(&g.case, d);
        let today = self.today.to_string();
        let next = g
            .case
            .hearings
            .iter()
            .filter(|h| h.date >= today)
            .min_by(|a, b| a.date.cmp(&b.date));
        let judge = if d.judge.trim().is_empty() {
            next.map(|h| h.judge.clone()).unwrap_or_default()
        } else {
            d.judge.clone()
        };
        let hearing = next.map_or_else(String::new, |h| {
            let mut s = long_date(&h.date, "en");
            if !h.time.is_empty() {
                s.push_str(&format!(", {}", twelve_hour(&h.time)));
            }
            s.push_str(&format!(" ({})", hearing_kind(h.kind)));
            s
        });
        let c = &d.caption;
        Cover {
            profile: match d.profile {
                amparo_core::PacketProfile::ImmigrationCourt => "immigrationCourt",
                amparo_core::PacketProfile::FederalCourt => "federalCourt",
            },
            detained: g.case.custody.status == CustodyStatus::Detained,
            filer,
            court: if d.court.trim().is_empty() {
                "Immigration Court"
            } else {
                d.court.trim()
            }
            .to_owned(),
            city: d.city.clone(),
            name: p.record_name.clone(),
            a_number: p.a_number.clone(),
            judge,
            hearing,
            title: self.title(),
            caption: federal_caption(c, &g.case, &g.wording),
        }
    }

    /// A statement as the packet prints it, and the files it names: a
    /// signed one as its stored filing set, an unsigned one as a draft of
    /// its current text (a draft packet only: it blocks a filing print).
    fn statement_exhibit(&self, e: &Exhibit) -> (StatementExhibit, Vec<(String, Vec<u8>)>) {
        let Body::Statement {
            statement,
            declarant,
        } = &e.body
        else {
            return (
                StatementExhibit {
                    parts: Vec::new(),
                    frozen: None,
                },
                Vec::new(),
            );
        };
        if let Some(version) = e.signed() {
            // Never the text again: `build` refuses a print whose signed
            // statements' stored pages were not read.
            let (frozen, files) = frozen_pages(version, self.filing_sets)
                .map_or((None, Vec::new()), |(pages, file)| {
                    (Some(pages), vec![file])
                });
            return (
                StatementExhibit {
                    parts: Vec::new(),
                    frozen,
                },
                files,
            );
        }
        let letters = self.packet_letters();
        // One caption per filing: a draft declaration takes the packet's.
        let mut draft = statement.draft.clone();
        match crate::packet::caption::packet_caption(&self.g.draft) {
            Some(caption) if draft.caption.kind != amparo_core::CaptionKind::None => {
                draft.caption = caption;
            }
            None if draft.caption.kind == amparo_core::CaptionKind::FederalCourt => {
                draft.caption = amparo_core::Caption {
                    kind: amparo_core::CaptionKind::ImmigrationCourt,
                    court: self.g.draft.court.clone(),
                    ..Default::default()
                };
            }
            _ => {}
        }
        let print = StatementPrint {
            case: &self.g.case,
            declarant,
            draft: &draft,
            letters: &letters,
            wording: &self.g.wording,
            signing: None,
            scans: Vec::new(),
            scan_prefix: "",
            today: self.today,
        };
        (
            StatementExhibit {
                parts: print.set(Purpose::Draft).parts,
                frozen: None,
            },
            Vec::new(),
        )
    }

    fn exhibit(&self, e: &Exhibit, images: &mut Vec<(String, Vec<u8>)>) -> ExhibitData {
        let (description, body) = match &e.body {
            Body::Photo(p) => (
                photo_description(p),
                ExhibitBody::Photo(PhotoExhibit {
                    image: image_path(&image_name(&p.sha256)),
                    caption: photo_caption(
                        p,
                        self.g.draft.public_filing,
                        &sworn_in(
                            self.g,
                            &ExhibitItem {
                                kind: ExhibitKind::Photo,
                                id: p.id.clone(),
                            },
                        ),
                    ),
                }),
            ),
            Body::Tattoo { tattoo, photos } => (
                tattoo_description(tattoo),
                ExhibitBody::Tattoo(tattoo_exhibit(self.g, tattoo, photos)),
            ),
            Body::Statement { statement, .. } => {
                let title = printed_draft(e).map_or("", |d| d.title.as_str()).to_owned();
                let description = match statement.signed.last() {
                    Some(v) => format!("{title}, signed {}", long_date(&v.signing.signed_on, "en")),
                    None => format!("{title} (draft, not signed)"),
                };
                let (statement, files) = self.statement_exhibit(e);
                images.extend(files);
                (description, ExhibitBody::Statement(statement))
            }
            Body::Chronology(events) => (
                CHRONOLOGY_TITLE.to_owned(),
                ExhibitBody::Chronology(TableExhibit {
                    table: chronology(events, &self.g.exhibits),
                }),
            ),
            Body::Rebuttal(allegations) => (
                REBUTTAL_TITLE.to_owned(),
                ExhibitBody::Rebuttal(TableExhibit {
                    table: rebuttal(allegations, &self.g.exhibits),
                }),
            ),
            Body::Document(d) => {
                let (exhibit, files) = document_exhibit(
                    d,
                    &e.letter,
                    self.g.draft.item_label.word(),
                    self.document_pdfs,
                );
                images.extend(files);
                (
                    document_description(d, d.excerpt.as_ref()),
                    ExhibitBody::Document(exhibit),
                )
            }
        };
        for sha in e.image_hashes() {
            if let Some(bytes) = self.images.get(&sha) {
                images.push((image_name(&sha), bytes.clone()));
            }
        }
        ExhibitData {
            letter: e.letter.clone(),
            group: group_of(&e.body),
            bookmark: format!(
                "{} {}: {description}",
                self.g.draft.item_label.word(),
                e.letter
            ),
            description,
            body,
            translation: self.translation(e),
            translation_scan: self.signed_page(PacketSignature::Translation, &e.item.id, images),
        }
    }

    /// The certificate of translation of the foreign text a tattoo record
    /// prints, or of a document in another language, naming the exhibit it
    /// certifies. A declaration's own certificate is part of its signed
    /// filing set, so none is added here.
    fn translation(&self, e: &Exhibit) -> Option<Certificate> {
        let word = self.g.draft.item_label.word();
        let (language, documents) = match &e.body {
            Body::Tattoo { tattoo, .. } if tattoo_has_foreign_text(tattoo) => (
                language_name(&tattoo.record.meaning_language),
                format!("the text in {word} {}", e.letter),
            ),
            Body::Document(d) if e.has_foreign_text() => (
                language_name(&d.details.language),
                format!("{word} {} ({})", e.letter, d.details.title.trim()),
            ),
            _ => return None,
        };
        let t = &self.g.draft.translator;
        Some(Certificate {
            title: "Certificate of Translation".into(),
            text: fill(
                &self.word("translationCertificate.en"),
                &[
                    ("translator", &t.name),
                    ("language", &language),
                    ("documents", &documents),
                ],
            ),
            signer: Signer {
                name: t.name.clone(),
                address: Some(t.address.clone()),
                phone: Some(t.phone.clone()),
            },
            labels: SignerLabels::sworn(),
            signed_on: None,
            sworn: Some(sworn_certificate(&self.g.wording, None)),
        })
    }

    /// The image path of the scan of a signed packet page, adding its
    /// print copy to `images`; none when no scan was added (or its copy
    /// could not be made, which the images stage has already reported).
    fn signed_page(
        &self,
        signature: PacketSignature,
        item_id: &str,
        images: &mut Vec<(String, Vec<u8>)>,
    ) -> Option<String> {
        let sha = self.g.draft.signed_page(signature, item_id)?;
        let bytes = self.images.get(sha)?;
        images.push((image_name(sha), bytes.clone()));
        Some(image_path(&image_name(sha)))
    }

    fn service(&self) -> Certificate {
        service_certificate(&self.g.case, &self.g.draft, &self.title(), &|k| {
            self.word(k)
        })
    }

    fn verify(&self, files: &[Vec<String>]) -> Verify {
        let mut rows = Vec::new();
        for ((e, list), names) in self.g.exhibits.iter().zip(self.originals).zip(files) {
            for (o, name) in list.iter().zip(names) {
                rows.push(VerifyRow {
                    letter: e.letter.clone(),
                    file: name.clone(),
                    sha256: o.sha256.clone(),
                });
            }
        }
        Verify {
            title: "How to Verify This Packet",
            paragraphs: [
                "The pictures printed in this packet are reduced copies made for the page. The original files are kept unchanged. Each is identified below by its SHA-256 fingerprint: a 64-character code that changes completely if even one byte of the file changes.",
                "To check the originals, put them in one folder with the file SHA256SUMS that comes with them and run: sha256sum -c SHA256SUMS. Every file should be reported as OK. One file can be checked with: sha256sum FILE, which prints its SHA-256 to compare with the list below.",
            ],
            rows,
        }
    }

    /// The packet as the template reads it, and the images it names.
    pub(crate) fn data(&self) -> (PacketData, Vec<(String, Vec<u8>)>) {
        let g = self.g;
        let mut images = Vec::new();
        let exhibits: Vec<ExhibitData> = g
            .exhibits
            .iter()
            .map(|e| self.exhibit(e, &mut images))
            .collect();
        images.sort_by(|a, b| a.0.cmp(&b.0));
        images.dedup_by(|a, b| a.0 == b.0);
        let files = original_files(g, self.originals);
        let (prefix, width) = g.draft.page_numbering();
        let data = PacketData {
            pdf_title: match (g.draft.profile, self.draft_print) {
                (amparo_core::PacketProfile::FederalCourt, true) => "Exhibits (draft)",
                (amparo_core::PacketProfile::FederalCourt, false) => "Exhibits",
                (_, true) => "Evidence packet (draft)",
                (_, false) => "Evidence packet",
            },
            document_title: self.title(),
            example: g.case.is_example,
            draft: self.draft_print,
            numbering: PageNumbering {
                repeat_prefix: g.draft.output != amparo_core::FilingOutput::Appendix,
                prefix,
                width,
                first: 1,
                part_starts: self.numbering.part_starts.clone(),
                parts: self.numbering.part_starts.len() + 1,
            },
            cover: self.cover(),
            index: Index {
                title: "Index of Exhibits",
                item_word: g.draft.item_label.word(),
            },
            exhibits,
            service: g
                .draft
                .service
                .method
                .needs_certificate()
                .then(|| self.service()),
            service_scan: self.signed_page(PacketSignature::Service, "", &mut images),
            submitted: Submitted {
                scan: self.signed_page(PacketSignature::Submission, "", &mut images),
                ..submitted(&g.case, &g.draft, &|k| self.word(k))
            },
            verify: self.verify_page.then(|| self.verify(&files)),
            custody: None,
        };
        let data = PacketData {
            custody: g
                .custody
                .as_ref()
                .map(|report| custody_summary(report, &self.verify(&files).rows)),
            ..data
        };
        (data, images)
    }

    /// The data model as JSON, and its images.
    pub(crate) fn build(&self) -> Result<Model, PrintError> {
        // A signed statement prints only from its stored pages; without
        // them the print stops rather than typeset sworn text again.
        if let Some(e) = self.g.exhibits.iter().find(|e| {
            e.signed()
                .is_some_and(|v| !self.filing_sets.contains_key(&v.pdf_sha256))
        }) {
            return Err(PrintError::Template(format!(
                "the signed pages of Exhibit {} were not read",
                e.letter
            )));
        }
        let (data, images) = self.data();
        let data = serde_json::to_value(&data)
            .map_err(|e| PrintError::Template(format!("the packet's data model: {e}")))?;
        Ok(Model { data, images })
    }
}

#[cfg(test)]
mod tests {
    use super::twelve_hour;

    #[test]
    fn hearing_times_print_with_a_m_and_p_m() {
        assert_eq!(twelve_hour("13:00"), "1:00 p.m.");
        assert_eq!(twelve_hour("08:30"), "8:30 a.m.");
        assert_eq!(twelve_hour("12:15"), "12:15 p.m.");
        assert_eq!(twelve_hour("00:05"), "12:05 a.m.");
        assert_eq!(twelve_hour("soon"), "soon");
    }
}
