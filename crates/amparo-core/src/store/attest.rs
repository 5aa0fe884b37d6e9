//! A declarant's paragraph vouching for a photo of the same case, and
//! where signed declarations already vouch for one.

use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::attestation::{PhotoFacts, attestation};
use crate::error::{Error, Result};
use crate::{ExhibitItem, ExhibitKind, Paragraph};

/// A signed declaration's paragraphs that speak about a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SwornIn {
    /// The statement.
    pub statement_id: String,
    /// Its title as signed.
    pub title: String,
    /// Who signed it.
    pub declarant: String,
    /// The signed version (from 1).
    pub version: u32,
    /// The paragraph numbers (from 1) that cite the photo.
    pub paragraphs: Vec<u32>,
}

impl Store {
    /// The signed declarations of the photo's case whose latest signed
    /// version cites the photo, with the paragraphs that do: what a court
    /// has that vouches for it. Empty when none does yet.
    pub fn photo_sworn_in(&self, photo_id: &str) -> Result<Vec<SwornIn>> {
        let photo = self.photo(photo_id)?;
        let item = ExhibitItem {
            kind: ExhibitKind::Photo,
            id: photo.id.clone(),
        };
        let mut found = Vec::new();
        for summary in self.statements(&photo.case_id)? {
            if summary.signed_versions == 0 {
                continue;
            }
            let statement = self.statement(&summary.id)?;
            let Some(signed) = statement.signed.last() else {
                continue;
            };
            let paragraphs: Vec<u32> = signed
                .draft
                .paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| p.exhibits.iter().any(|c| c.item == item))
                .map(|(i, _)| i as u32 + 1)
                .collect();
            if !paragraphs.is_empty() {
                found.push(SwornIn {
                    statement_id: statement.id.clone(),
                    title: signed.draft.title.clone(),
                    declarant: self.declarant(&signed.draft.declarant_id)?.record.full_name,
                    version: signed.number,
                    paragraphs,
                });
            }
        }
        Ok(found)
    }

    /// The paragraph in which the declarant of `statement_id` vouches for
    /// the photo `photo_id`: in the statement's language (Spanish or
    /// English; another language is left for a person to translate) and in
    /// English, citing the photo, which gets its exhibit letter now.
    pub fn attest_photo(&mut self, statement_id: &str, photo_id: &str) -> Result<Paragraph> {
        let statement = self.statement(statement_id)?;
        let photo = self.photo(photo_id)?;
        if photo.case_id != statement.case_id {
            return Err(Error::NotFound(format!("photo {photo_id} in this case")));
        }
        let item = ExhibitItem {
            kind: ExhibitKind::Photo,
            id: photo.id.clone(),
        };
        let letter = self.assign_exhibit_letter(&item)?.letter;
        let what = if photo.details.caption.trim().is_empty() {
            photo.file_names.first().cloned().unwrap_or_default()
        } else {
            photo.details.caption.trim().to_owned()
        };
        let facts = PhotoFacts {
            letter: &letter,
            what: &what,
            taken: photo.details.taken.as_ref(),
            photographer: &photo.details.photographer,
        };
        let wording = self.wording_map()?;
        let english = attestation(&facts, "en", &wording).unwrap_or_default();
        let original = match statement.draft.language.as_str() {
            "en" => english.clone(),
            lang => attestation(&facts, lang, &wording).unwrap_or_default(),
        };
        Ok(Paragraph {
            original,
            english,
            exhibits: vec![item.into()],
        })
    }
}
