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
}

impl ExhibitKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Photo => "photo",
            Self::Tattoo => "tattoo",
        }
    }

    pub(crate) fn parse(text: &str) -> Self {
        if text == "tattoo" {
            Self::Tattoo
        } else {
            Self::Photo
        }
    }
}

/// A photo or tattoo record, as a paragraph refers to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ExhibitItem {
    /// Photo or tattoo record.
    pub kind: ExhibitKind,
    /// The record's id.
    pub id: String,
}

/// A lettered exhibit of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExhibitLetter {
    /// The record.
    pub item: ExhibitItem,
    /// "A", "B", ..., "Z", "AA", ...
    pub letter: String,
    /// A short description: the photo's "what it shows" or the tattoo's
    /// place on the body.
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
    use super::letter_for;

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
