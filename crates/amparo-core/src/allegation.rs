//! Allegations: what the government or a detention contractor claims about
//! the person (two crown tattoos scored as gang indicators on a validation
//! form), and the evidence that answers each claim.
//!
//! An allegation is recorded generically: who made it, on which document,
//! the criterion and the points the document claims. The app never scores
//! the person; the reference list below is what the press reported of one
//! such form, offered to fill the criterion, and a lawyer can change it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::evidence_link::EvidenceLink;
use crate::remembered_date::RememberedDate;

/// Whether the evidence that answers an allegation has been gathered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AllegationStatus {
    /// Not answered yet.
    #[default]
    Open,
    /// The evidence that answers it is linked.
    Answered,
}

impl AllegationStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Answered => "answered",
        }
    }

    pub(crate) fn parse(text: &str) -> Self {
        if text == "answered" {
            Self::Answered
        } else {
            Self::Open
        }
    }
}

/// What a form or a command sends to record or change an allegation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AllegationDraft {
    /// Who made it ("ICE ERO officer", "detention facility staff").
    pub made_by: String,
    /// The document it is on ("Alien Enemy Validation Guide").
    pub document: String,
    /// The document's date, as precisely as known.
    pub document_date: Option<RememberedDate>,
    /// The filed document that makes it (the I-213 of the case), with the
    /// page when known: a link of kind document. The rebuttal table shows
    /// it beside the evidence that answers it.
    pub source: Option<EvidenceLink>,
    /// The criterion the document applies ("Tattoos denoting membership").
    /// Required.
    pub criterion: String,
    /// The points the document claims for it, when it scores.
    pub points: Option<u32>,
    /// What the document says about the person, in its own words.
    pub claim: String,
    /// How the linked evidence answers it, in English for the court.
    pub response: String,
    /// Open or answered.
    pub status: AllegationStatus,
    /// The statements (or their paragraphs), photos and tattoo records that
    /// answer it.
    pub answers: Vec<EvidenceLink>,
}

/// A stored allegation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Allegation {
    /// UUIDv7.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// Everything the form holds.
    #[serde(flatten)]
    pub allegation: AllegationDraft,
    /// Creation time, UTC RFC 3339.
    pub created_at: String,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
}

/// One criterion of a scoring form as reported in the press, with the
/// points reported for it. Never the person's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportedCriterion {
    /// The criterion in English, as reported.
    pub name: String,
    /// The points reported for it, as text ("4", "4 (or up to 2)").
    pub points: String,
    /// The form it was reported from.
    pub form: String,
}

/// The reference list offered until a lawyer changes it:
/// LEGAL-FORMATS.md section 6, values unconfirmed against the forms.
pub fn default_reported_criteria() -> Vec<ReportedCriterion> {
    const VALIDATION_GUIDE: &str = "Alien Enemy Validation Guide";
    [
        ("Tattoos denoting membership", "4", VALIDATION_GUIDE),
        (
            "Insignia, logos or dress",
            "4 (or up to 2 by another report)",
            VALIDATION_GUIDE,
        ),
        ("Self-admission", "10", VALIDATION_GUIDE),
        ("Communications with known members", "6", VALIDATION_GUIDE),
        ("Social-media posts", "2", VALIDATION_GUIDE),
        ("Living or associating with a member", "2", VALIDATION_GUIDE),
        (
            "Two crown tattoos (one reported case)",
            "5",
            "Security Threat Group form (detention contractor)",
        ),
    ]
    .into_iter()
    .map(|(name, points, form)| ReportedCriterion {
        name: name.into(),
        points: points.into(),
        form: form.into(),
    })
    .collect()
}
