//! The data model of a declaration set, built from a statement, and the
//! sets each purpose prints (LEGAL-FORMATS.md sections 1 and 2):
//!
//! | purpose       | mode A (signs own language)                       | mode B (signs English)          |
//! |---------------|---------------------------------------------------|---------------------------------|
//! | for signature | the original, blank "Executed on"                 | English + interpretation cert.  |
//! | draft, filing | "Translation", translation cert., then original   | English + interpretation cert.  |
//!
//! A statement written in English prints as one English declaration, and
//! with a certificate of interpretation when its declarant does not read
//! English (it was read to them in their language).

use std::collections::HashMap;

use amparo_core::{
    CaptionKind, Case, ClauseForm, Declarant, ExhibitLetter, MONTHS_EN, MONTHS_ES, ReadBack,
    ReadsEnglish, SigningMode, SigningRecord, StatementDraft, fill,
};
use serde_json::Value;

pub use crate::languages::language_name;
use crate::set_data::{
    Caption, Certificate, CertificatePart, DeclarationPart, DeclarationSet, Executed,
    NumberedParagraph, Part, ScansPart, Signature, Signer, SignerLabels, Sworn,
};

/// What a print is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum Purpose {
    /// Anything not final: the filing set with DRAFT on every page.
    Draft,
    /// What the declarant (and interpreter) sign, with blank date lines.
    ForSignature,
    /// The filing set of a signed version.
    Filing,
}

/// Everything a declaration set is printed from.
pub struct StatementPrint<'a> {
    /// The case (caption, A-number, example flag).
    pub case: &'a Case,
    /// Who gives the statement.
    pub declarant: &'a Declarant,
    /// The text: the current draft, or a signed version's.
    pub draft: &'a StatementDraft,
    /// The case's exhibit letters.
    pub letters: &'a [ExhibitLetter],
    /// The printed legal sentences by key (settings).
    pub wording: &'a HashMap<String, String>,
    /// When and where it was signed (filing prints).
    pub signing: Option<&'a SigningRecord>,
    /// JPEG or PNG images of the signed pages, in order.
    pub scans: Vec<Vec<u8>>,
    /// What the scans' image names start with (unique within one print).
    pub scan_prefix: &'a str,
    /// Today, to know whether the declarant is known to be an adult.
    pub today: chrono::NaiveDate,
}

/// Labels of one printing language.
struct Labels {
    exhibit: &'static str,
    exhibits: &'static str,
    at: &'static str,
    signed_mark: &'static str,
    page: [&'static str; 2],
    /// Before a cited page of a document: "K, p. 3".
    cited_page: &'static str,
    /// Before several: "K, pp. 3, 7".
    cited_pages: &'static str,
}

const EN: Labels = Labels {
    exhibit: "Exhibit",
    exhibits: "Exhibits",
    at: "at",
    signed_mark: "[signed]",
    page: ["Page ", " of "],
    cited_page: "p.",
    cited_pages: "pp.",
};

// "Anexo" is the glossary's short form of "prueba documental (anexo)".
const ES: Labels = Labels {
    exhibit: "Anexo",
    exhibits: "Anexos",
    at: "en",
    signed_mark: "[firmado]",
    page: ["Página ", " de "],
    cited_page: "pág.",
    cited_pages: "págs.",
};

fn labels(lang: &str) -> &'static Labels {
    if lang == "es" { &ES } else { &EN }
}

impl StatementPrint<'_> {
    fn word(&self, key: &str, lang: &str) -> String {
        self.wording
            .get(&format!("{key}.{lang}"))
            .or_else(|| self.wording.get(&format!("{key}.en")))
            .cloned()
            .unwrap_or_default()
    }

    /// The JSON the template reads.
    pub fn data_model(&self, purpose: Purpose) -> Value {
        serde_json::to_value(self.set(purpose)).unwrap_or(Value::Null)
    }

    /// The declaration set `purpose` prints, as the template reads it.
    pub(crate) fn set(&self, purpose: Purpose) -> DeclarationSet {
        let d = self.draft;
        let signed = purpose == Purpose::Filing && self.signing.is_some();
        let mut parts = Vec::new();
        let english = d.is_english();
        match (purpose, d.mode, english) {
            (_, _, true) => {
                parts.push(self.declaration("en", false, signed));
                if self.declarant.record.reads_english == ReadsEnglish::No {
                    parts.push(self.interpretation_certificate());
                }
            }
            (Purpose::ForSignature, SigningMode::SignOriginal, false) => {
                parts.push(self.declaration(&d.language, false, false));
            }
            (_, SigningMode::SignOriginal, false) => {
                parts.push(self.declaration("en", true, signed));
                parts.push(self.translation_certificate());
                parts.push(self.declaration(&d.language, false, signed));
            }
            (_, SigningMode::SignEnglish, false) => {
                parts.push(self.declaration("en", false, signed));
                parts.push(self.interpretation_certificate());
            }
        }
        if purpose == Purpose::Filing && !self.scans.is_empty() {
            let names: Vec<String> = (0..self.scans.len())
                .map(|i| crate::world::image_path(&format!("{}-{i}", self.scan_prefix)))
                .collect();
            parts.push(Part::Scans(ScansPart {
                lang: "en",
                title: d.title.clone(),
                images: names,
                footer: self.footer(),
                page_label: self.page_label(&EN),
            }));
        }
        DeclarationSet {
            document_title: pdf_title(purpose),
            example: self.case.is_example,
            draft: purpose == Purpose::Draft,
            parts,
        }
    }

    /// Images the data model names, by name.
    pub(crate) fn images(&self) -> Vec<(String, Vec<u8>)> {
        self.scans
            .iter()
            .enumerate()
            .map(|(i, bytes)| (format!("{}-{i}", self.scan_prefix), bytes.clone()))
            .collect()
    }

    /// "Page N of M" on a set filed alone; none under a federal caption,
    /// whose pages CM/ECF numbers in the stamp it adds at the top.
    fn page_label(&self, l: &Labels) -> Option<[&'static str; 2]> {
        (self.draft.caption.kind != CaptionKind::FederalCourt).then_some(l.page)
    }

    fn footer(&self) -> Option<String> {
        if !self.draft.name_on_every_page {
            return None;
        }
        let p = &self.case.person;
        // A federal court knows the petition by its case number, not the
        // immigration court's A-number.
        Some(
            if p.a_number.is_empty() || self.draft.caption.kind == CaptionKind::FederalCourt {
                p.record_name.clone()
            } else {
                format!("{} · {}", p.record_name, p.a_number)
            },
        )
    }

    fn place(&self) -> &amparo_core::SigningPlace {
        self.signing.map_or(&self.draft.place, |s| &s.place)
    }

    fn declaration(&self, lang: &str, is_translation: bool, signed: bool) -> Part {
        let d = self.draft;
        let l = labels(lang);
        let english_text = lang == "en" && !d.is_english();
        let name = &self.declarant.record.full_name;
        let form = self.place().clause_form().unwrap_or(ClauseForm::OutsideUs);
        let clause_key = match form {
            ClauseForm::OutsideUs => "clauseOutsideUs",
            ClauseForm::InsideUs => "clauseInsideUs",
        };
        let mut opening = vec![fill(&self.word("opening", lang), &[("name", name)])];
        if self.declarant.record.known_adult(self.today) {
            opening.push(self.word("overEighteen", lang));
        }
        let paragraphs: Vec<NumberedParagraph> = d
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text = if english_text {
                    &p.english
                } else {
                    &p.original
                };
                NumberedParagraph {
                    n: i + 1,
                    text: self.with_exhibits(text, &p.exhibits, l),
                }
            })
            .collect();
        let place_known = !self.place().place.is_empty();
        let (date, place) = match self.signing {
            Some(s) if signed => (
                Some(long_date(&s.signed_on, lang)),
                place_known.then(|| self.place().place.clone()),
            ),
            _ => (
                None,
                (d.prefill_place && place_known).then(|| d.place.place.clone()),
            ),
        };
        let mut title = if lang == "en" || d.title_original.is_empty() {
            d.title.clone()
        } else {
            d.title_original.clone()
        };
        // "Declaration of ... in Support of Petition for Writ of Habeas
        // Corpus": the English title names the filing; a translation's
        // title stays as written.
        let supports = d.caption.supports.trim();
        if lang == "en" && d.caption.kind == CaptionKind::FederalCourt && !supports.is_empty() {
            title = format!("{title} in Support of {supports}");
        }
        let setting = crate::languages::setting(lang);
        Part::Declaration(DeclarationPart {
            lang: setting.lang,
            region: setting.region,
            dir: if setting.rtl { "rtl" } else { "ltr" },
            heading: is_translation.then_some("Translation"),
            caption: self.caption(),
            title,
            opening: opening.join(" "),
            paragraphs,
            clause: self.word(clause_key, lang),
            executed: Executed {
                label: self.word("executedOn", lang),
                date,
                at: l.at,
                place,
            },
            signature: Signature {
                name: name.clone(),
                mark: signed.then_some(l.signed_mark),
            },
            footer: self.footer(),
            page_label: self.page_label(l),
        })
    }

    /// "(Exhibit C)", "(Exhibits C, D)", "(Exhibit K, p. 3)", "(Exhibit K,
    /// pp. 3, 7)"; each letter once, with the pages cited of it (a page
    /// says more than the whole document, which it is part of); with a page
    /// among several letters, each is set apart: "(Exhibits C; K, p. 3)".
    fn with_exhibits(&self, text: &str, cited: &[amparo_core::Citation], l: &Labels) -> String {
        if cited.is_empty() {
            return text.to_owned();
        }
        let mut letters: Vec<(&str, Vec<u32>)> = Vec::new();
        for c in cited {
            let letter = self
                .letters
                .iter()
                .find(|e| e.item == c.item)
                .map_or("?", |e| e.letter.as_str());
            let at = match letters.iter().position(|(l, _)| *l == letter) {
                Some(at) => at,
                None => {
                    letters.push((letter, Vec::new()));
                    letters.len() - 1
                }
            };
            if let Some(page) = c.page
                && !letters[at].1.contains(&page)
            {
                letters[at].1.push(page);
            }
        }
        // A no-break space keeps "p." with its number when the line wraps.
        let refs: Vec<String> = letters
            .iter()
            .map(|(letter, pages)| match pages.as_slice() {
                [] => (*letter).to_owned(),
                [page] => format!("{letter}, {}\u{a0}{page}", l.cited_page),
                many => format!(
                    "{letter}, {}\u{a0}{}",
                    l.cited_pages,
                    many.iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
            .collect();
        let word = if refs.len() == 1 {
            l.exhibit
        } else {
            l.exhibits
        };
        let apart = if letters.iter().any(|(_, pages)| !pages.is_empty()) {
            "; "
        } else {
            ", "
        };
        format!("{text} ({word} {})", refs.join(apart))
    }

    fn caption(&self) -> Option<Caption> {
        let c = &self.draft.caption;
        let p = &self.case.person;
        match c.kind {
            CaptionKind::None => None,
            CaptionKind::ImmigrationCourt => {
                let court = if c.court.is_empty() {
                    "Immigration Court"
                } else {
                    &c.court
                };
                let mut right = Vec::new();
                if !p.a_number.is_empty() {
                    right.push(format!("A-Number: {}", p.a_number));
                }
                right.push("In removal proceedings".to_owned());
                Some(Caption {
                    court: court.to_owned(),
                    division: None,
                    left: vec!["In the Matter of:".into(), p.record_name.clone()],
                    right,
                })
            }
            CaptionKind::FederalCourt => Some(federal_caption(c, self.case, self.wording)),
        }
    }

    /// A certificate the language helper signs, as a part of the set.
    fn helper_certificate(&self, title: &str, text: String) -> Part {
        let h = &self.draft.helper;
        Part::Certificate(CertificatePart {
            lang: "en",
            certificate: Certificate {
                title: title.to_owned(),
                text,
                signer: Signer {
                    name: h.name.clone(),
                    address: Some(h.address.clone()),
                    phone: Some(h.phone.clone()),
                },
                labels: SignerLabels::sworn(),
                signed_on: None,
                sworn: Some(sworn_certificate(self.wording, self.helper_clause_form())),
            },
            footer: self.footer(),
            page_label: self.page_label(&EN),
        })
    }

    /// Where the language helper signs, when it is known: beside the
    /// declarant, for a text read back in person.
    fn helper_clause_form(&self) -> Option<ClauseForm> {
        let beside = self.draft.helper.read_back == ReadBack::InPerson
            && (self.draft.mode == SigningMode::SignEnglish || self.draft.is_english());
        beside.then(|| self.place().clause_form()).flatten()
    }

    fn translation_certificate(&self) -> Part {
        let d = self.draft;
        let document = format!("“{}”", d.own_title());
        let text = fill(
            &self.word("translationCertificate", "en"),
            &[
                ("translator", &d.helper.name),
                ("language", &language_name(&d.language)),
                ("documents", &document),
            ],
        );
        self.helper_certificate("Certificate of Translation", text)
    }

    /// The language the text was read to the declarant in: the statement's
    /// own, or for an English text the declarant's first language.
    fn read_in(&self) -> &str {
        let d = self.draft;
        if d.is_english() {
            self.declarant
                .record
                .languages
                .first()
                .map_or("", String::as_str)
        } else {
            &d.language
        }
    }

    fn interpretation_certificate(&self) -> Part {
        let d = self.draft;
        let how = match d.helper.read_back {
            ReadBack::InPerson => "in person",
            ReadBack::Phone => "by telephone",
            ReadBack::Video => "by video call",
        };
        let text = fill(
            &self.word("interpretationCertificate", "en"),
            &[
                ("interpreter", &d.helper.name),
                ("language", &language_name(self.read_in())),
                ("declarant", &self.declarant.record.full_name),
                ("document", &format!("“{}”", d.title)),
                ("how", how),
            ],
        );
        self.helper_certificate("Certificate of Interpretation", text)
    }
}

/// The § 1746 clause a certificate of translation or interpretation is
/// made under (LEGAL-FORMATS.md section 4), with "Executed on ___ at ___"
/// to fill in by hand. Where the translator signs is not recorded, so
/// unless it is known (`form`) the clause is form 1's ("under the laws of
/// the United States of America"): form 2 signed abroad would not do,
/// while form 1 says everything form 2 says.
pub(crate) fn sworn_certificate(
    wording: &HashMap<String, String>,
    form: Option<ClauseForm>,
) -> Sworn {
    let word = |key: &str| wording.get(key).cloned().unwrap_or_default();
    let clause = match form {
        Some(ClauseForm::InsideUs) => "clauseInsideUs.en",
        _ => "clauseOutsideUs.en",
    };
    Sworn {
        clause: word(clause),
        executed: Executed {
            label: word("executedOn.en"),
            date: None,
            at: EN.at,
            place: None,
        },
    }
}

/// The federal caption of `case` as printed, its next friend's line filled
/// from the setting `captionNextFriend.en`.
pub(crate) fn federal_caption(
    c: &amparo_core::Caption,
    case: &Case,
    wording: &HashMap<String, String>,
) -> Caption {
    let next_friend = c.next_friend.trim();
    let line = (!next_friend.is_empty()).then(|| {
        fill(
            wording
                .get("captionNextFriend.en")
                .map_or("", String::as_str),
            &[
                ("petitioner", c.petitioners.trim()),
                (
                    "possessive",
                    crate::packet::possessive(&case.person.pronouns),
                ),
                ("nextFriend", next_friend),
            ],
        )
    });
    Caption::federal(c, line)
}

/// `2026-11-12` as "November 12, 2026" or "12 de noviembre de 2026".
pub fn long_date(iso: &str, lang: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let parsed = match parts.as_slice() {
        [y, m, d] => y
            .parse::<i32>()
            .ok()
            .zip(m.parse::<usize>().ok().filter(|m| (1..=12).contains(m)))
            .zip(d.parse::<u8>().ok()),
        _ => None,
    };
    let Some(((year, month), day)) = parsed else {
        return iso.to_owned();
    };
    if lang == "es" {
        format!("{day} de {} de {year}", MONTHS_ES[month - 1])
    } else {
        format!("{} {day}, {year}", MONTHS_EN[month - 1])
    }
}

/// A declaration set's PDF metadata title: what it is, never whose. The
/// printed title ("Declaration of ...") stays on the page.
fn pdf_title(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Draft => "Declaration (draft)",
        Purpose::ForSignature => "Declaration for signature",
        Purpose::Filing => "Declaration filing set",
    }
}
