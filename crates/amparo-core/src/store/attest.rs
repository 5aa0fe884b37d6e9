//! A declarant's paragraph vouching for a photo of the same case.

use super::Store;
use crate::attestation::{PhotoFacts, attestation};
use crate::error::{Error, Result};
use crate::{ExhibitItem, ExhibitKind, Paragraph};

impl Store {
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
            exhibits: vec![item],
        })
    }
}
