//! Exhibits a statement can refer to, and the letters the case gives them.
//! Letters are handed out once and kept, so a paragraph that says
//! "(Exhibit C)" keeps meaning the same photo.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of record an exhibit is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExhibitKind {
    /// A photo of the case.
    #[default]
    Photo,
    /// A tattoo record of the case.
    Tattoo,
    /// A document of the case (the I-213, a festival's program).
    Document,
}

impl ExhibitKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Photo => "photo",
            Self::Tattoo => "tattoo",
            Self::Document => "document",
        }
    }

    pub(crate) fn parse(text: &str) -> Self {
        match text {
            "tattoo" => Self::Tattoo,
            "document" => Self::Document,
            _ => Self::Photo,
        }
    }
}

/// A photo, tattoo record or document, as a paragraph refers to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExhibitItem {
    /// Photo, tattoo record or document.
    pub kind: ExhibitKind,
    /// The record's id.
    pub id: String,
}

/// A paragraph's reference to an exhibit: the record, and for a document
/// the page it points to ("(Exhibit K, p. 3)"). A reference saved before
/// pages could be cited reads as the whole record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Citation {
    /// The record.
    #[serde(flatten)]
    pub item: ExhibitItem,
    /// For a document: its page as the document numbers it (from 1); none
    /// for the whole document and for the other kinds. Left out of the
    /// stored text when none, so a signed statement's text reads as it was
    /// signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub page: Option<u32>,
}

impl From<ExhibitItem> for Citation {
    fn from(item: ExhibitItem) -> Self {
        Self { item, page: None }
    }
}

/// A lettered exhibit of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExhibitLetter {
    /// The record.
    pub item: ExhibitItem,
    /// "A", "B", ..., "Z", "AA", ...
    pub letter: String,
    /// A short description: the photo's "what it shows", the tattoo's
    /// place on the body, or the document's title.
    pub label: String,
}

/// The `n`th letter, from 0: A..Z, then AA, AB, ...
pub(crate) fn letter_for(n: usize) -> String {
    let mut n = n;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{Citation, ExhibitItem, ExhibitKind, letter_for};

    #[test]
    fn a_reference_without_a_page_reads_and_writes_as_signed_statements_stored_it() {
        let stored = r#"{"kind":"photo","id":"p1"}"#;
        let read: Citation = serde_json::from_str(stored).expect("read");
        assert_eq!(
            read,
            Citation {
                item: ExhibitItem {
                    kind: ExhibitKind::Photo,
                    id: "p1".into()
                },
                page: None
            }
        );
        assert_eq!(serde_json::to_string(&read).expect("write"), stored);
        let paged = r#"{"kind":"document","id":"d1","page":3}"#;
        let read: Citation = serde_json::from_str(paged).expect("read");
        assert_eq!(read.page, Some(3));
        assert_eq!(serde_json::to_string(&read).expect("write"), paged);
    }

    #[test]
    fn letters_run_past_z_like_spreadsheet_columns() {
        assert_eq!(letter_for(0), "A");
        assert_eq!(letter_for(2), "C");
        assert_eq!(letter_for(25), "Z");
        assert_eq!(letter_for(26), "AA");
        assert_eq!(letter_for(27), "AB");
        assert_eq!(letter_for(26 + 26 * 26), "AAA");
    }
}
