//! Tattoo records: the explanation a court needs for a tattoo that an
//! officer read as gang insignia, in the person's own words and in English,
//! with the photos that show it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::remembered_date::RememberedDate;

/// What a linked photo shows of the tattoo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TattooPhotoRole {
    /// The tattoo itself, up close.
    #[default]
    CloseUp,
    /// The tattoo in context (the whole arm, the person, the occasion).
    Context,
}

/// A photo linked to a tattoo record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct TattooPhoto {
    /// The photo's id (a photo of the same case).
    pub photo_id: String,
    /// Close-up or context.
    pub role: TattooPhotoRole,
}

/// What a form sends to create or change a tattoo record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct TattooDraft {
    /// Where on the body ("left wrist, inside"). Required.
    pub body_location: String,
    /// Text in the tattoo ("mamá").
    pub shows_text: String,
    /// Images in the tattoo ("a crown with three points").
    pub shows_images: String,
    /// When it was made.
    pub made_when: Option<RememberedDate>,
    /// Where it was made.
    pub made_where: String,
    /// Who made it (the artist can give a declaration).
    pub made_by: String,
    /// The language the person explained it in.
    pub meaning_language: String,
    /// What it means, in the person's own words and language.
    pub meaning_original: String,
    /// The same meaning in English.
    pub meaning_english: String,
    /// Why they got it.
    pub why: String,
    /// Cultural, religious or community context.
    pub context: String,
    /// Others who have similar tattoos.
    pub similar_others: String,
    /// Explanations given earlier to officials, and when.
    pub earlier_explanations: String,
    /// Close-up and context photos, in order.
    pub photos: Vec<TattooPhoto>,
}

/// A stored tattoo record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tattoo {
    /// UUIDv7.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// Everything the form holds.
    #[serde(flatten)]
    pub record: TattooDraft,
    /// Creation time, UTC RFC 3339.
    pub created_at: String,
    /// Last change, UTC RFC 3339.
    pub updated_at: String,
}
