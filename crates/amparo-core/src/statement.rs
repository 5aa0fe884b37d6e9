//! Statements: what a declarant says, paragraph by paragraph, in their own
//! language with an English translation beside each paragraph, and how it is
//! signed. A signed version is kept as it was signed, with its printed PDF;
//! later edits change only the draft.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::exhibit::Citation;
use crate::signing_place::SigningPlace;

/// One numbered paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Paragraph {
    /// In the declarant's language (the statement's `language`).
    pub original: String,
    /// The English translation; for an English statement, unused.
    pub english: String,
    /// Exhibits the paragraph refers to, printed as "(Exhibit C)" or, for
    /// a page of a document, "(Exhibit K, p. 3)".
    pub exhibits: Vec<Citation>,
}

/// How the declarant signs (LEGAL-FORMATS.md sections 1 and 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SigningMode {
    /// (A) Signs the text in their own language; filed with an English
    /// translation and a certificate of translation.
    #[default]
    SignOriginal,
    /// (B) Signs the English text after it is read back to them; filed with
    /// a certificate of interpretation.
    SignEnglish,
}

/// How the English text was read back to the declarant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReadBack {
    /// Sitting together.
    #[default]
    InPerson,
    /// By telephone.
    Phone,
    /// By video call.
    Video,
}

/// The translator (mode A) or interpreter (mode B) of a statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct LanguageHelper {
    /// Full name, printed on the certificate.
    pub name: String,
    /// Postal address, printed on the certificate.
    pub address: String,
    /// Telephone, printed on the certificate.
    pub phone: String,
    /// A close relative of the declarant (allowed, but warned about).
    pub is_relative: bool,
    /// How the text was read back (mode B).
    pub read_back: ReadBack,
}

/// Which caption heads the declaration.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CaptionKind {
    /// No caption.
    None,
    /// Immigration court: court, record name, A-number, "In removal
    /// proceedings".
    #[default]
    ImmigrationCourt,
    /// Federal court: court, parties, case number.
    FederalCourt,
}

/// The caption of a declaration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Caption {
    /// Which caption.
    pub kind: CaptionKind,
    /// The court's name as printed.
    pub court: String,
    /// Federal court: the first party on the filing side, with "et al." if
    /// needed.
    pub petitioners: String,
    /// Federal court: the first party on the other side.
    pub respondents: String,
    /// Federal court: the case number.
    pub case_number: String,
    /// Federal court: the division of the district ("San Antonio
    /// Division"), where the district has divisions.
    pub division: String,
    /// Federal court: who petitions for the person when they cannot
    /// (removed, held incommunicado), usually a parent (28 U.S.C. § 2242).
    pub next_friend: String,
    /// Federal court: the filing the document supports ("Petition for
    /// Writ of Habeas Corpus"), printed after the document's title.
    pub supports: String,
    /// Federal court: the person proceeds under initials. Every printed
    /// name of the person and of the next friend becomes initials, and the
    /// A-number is masked.
    pub initials: bool,
}

impl Caption {
    /// The parts a federal caption cannot print without, by field name.
    /// The case number is not one: exhibits filed with a new petition have
    /// none yet, and the caption leaves the clerk a line.
    pub fn missing_federal_parts(&self) -> Vec<&'static str> {
        [
            ("court", &self.court),
            ("petitioners", &self.petitioners),
            ("respondents", &self.respondents),
        ]
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(name, _)| name)
        .collect()
    }

    /// A federal caption part, by field name, as a message names it.
    pub fn part_name(field: &str) -> &'static str {
        match field {
            "court" => "court",
            "petitioners" => "petitioner",
            "respondents" => "respondent",
            _ => "filing it supports (or title)",
        }
    }

    /// Whether two captions head the same filing: the same kind, and for a
    /// federal court the same court, division, parties, next friend, case
    /// number and initials (spacing and letter case aside).
    pub fn same_filing(&self, other: &Caption) -> bool {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        if self.kind != other.kind {
            return false;
        }
        self.kind != CaptionKind::FederalCourt
            || ([
                (&self.court, &other.court),
                (&self.division, &other.division),
                (&self.petitioners, &other.petitioners),
                (&self.respondents, &other.respondents),
                (&self.next_friend, &other.next_friend),
                (&self.case_number, &other.case_number),
            ]
            .iter()
            .all(|(a, b)| norm(a) == norm(b))
                && self.initials == other.initials)
    }
}

/// What a form sends to create or change a statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct StatementDraft {
    /// Who gives the statement (a declarant of the same case). Required.
    pub declarant_id: String,
    /// Title in English ("Declaration of María Moreno de Rivas").
    pub title: String,
    /// Title in the declarant's language.
    pub title_original: String,
    /// Language of the original text: `es`, `en`, or another code.
    pub language: String,
    /// The paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// How it is signed.
    pub mode: SigningMode,
    /// Translator (A) or interpreter (B).
    pub helper: LanguageHelper,
    /// Where it will be signed.
    pub place: SigningPlace,
    /// Print the place on the "Executed on" line before signing.
    pub prefill_place: bool,
    /// The caption.
    pub caption: Caption,
    /// Print the declarant's name and the A-number at the foot of every page.
    pub name_on_every_page: bool,
}

impl StatementDraft {
    /// True when the original is English, so there is nothing to translate.
    pub fn is_english(&self) -> bool {
        self.language == "en"
    }

    /// The title in the declarant's language, or the English one when no
    /// other was given: what the declarant and their translator read.
    pub fn own_title(&self) -> &str {
        let own = self.title_original.trim();
        if own.is_empty() {
            self.title.trim()
        } else {
            own
        }
    }
}

/// The facts of a signing, recorded with "Mark signed".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct SigningRecord {
    /// The day the declarant signed, `YYYY-MM-DD`.
    pub signed_on: String,
    /// Where they signed.
    pub place: SigningPlace,
}

/// A signed version, kept as it was signed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SignedVersion {
    /// UUIDv7.
    pub id: String,
    /// 1 for the first signed version, and so on.
    pub number: u32,
    /// When and where it was signed.
    pub signing: SigningRecord,
    /// The statement's text as signed.
    pub draft: StatementDraft,
    /// SHA-256 of the filing set's PDF as printed when it was marked signed.
    pub pdf_sha256: String,
    /// SHA-256 of each scan or photo of the signed pages.
    pub scans: Vec<String>,
    /// When it was marked signed, UTC RFC 3339.
    pub created_at: String,
}

/// A stored statement: the current draft and every signed version.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// UUIDv7.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The current text.
    #[serde(flatten)]
    pub draft: StatementDraft,
    /// Signed versions, oldest first.
    pub signed: Vec<SignedVersion>,
    /// True when the draft differs from the last signed version (or nothing
    /// was signed yet).
    pub is_draft: bool,
    /// Creation time, UTC RFC 3339.
    pub created_at: String,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
}

/// A statement in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatementSummary {
    /// The statement's id.
    pub id: String,
    /// The declarant's id.
    pub declarant_id: String,
    /// The declarant's name.
    pub declarant_name: String,
    /// The English title.
    pub title: String,
    /// The title in the declarant's language (shown outside the English
    /// window).
    pub title_original: String,
    /// Number of paragraphs.
    pub paragraphs: u32,
    /// Number of signed versions.
    pub signed_versions: u32,
    /// True when the draft differs from the last signed version.
    pub is_draft: bool,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
}
