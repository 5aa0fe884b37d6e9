//! Search across every case: what a hit is, and how whatever the user typed
//! becomes an FTS5 query that can never be a syntax error.

use serde::Serialize;
use ts_rs::TS;

use crate::a_number::ANumber;

/// Marks the start of a matched word in a [`SearchHit::snippet`] (a private
/// use character, so no typed text can forge it).
pub const MATCH_START: char = '\u{E000}';
/// Marks the end of a matched word in a [`SearchHit::snippet`].
pub const MATCH_END: char = '\u{E001}';

/// What kind of record a hit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SearchKind {
    /// The case itself (names, A-number, notes).
    Case,
    /// A declarant's name or relationship.
    Declarant,
    /// A statement's title.
    Statement,
    /// A paragraph of a statement, in either language.
    Paragraph,
    /// A photo's caption, people, place or file name.
    Photo,
    /// A tattoo record.
    Tattoo,
    /// A timeline event.
    Event,
    /// An allegation.
    Allegation,
    /// A document's title, issuer or file name.
    Document,
    /// The text of a document's page, or its translation.
    DocumentPage,
}

impl SearchKind {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "case" => Self::Case,
            "declarant" => Self::Declarant,
            "statement" => Self::Statement,
            "paragraph" => Self::Paragraph,
            "photo" => Self::Photo,
            "tattoo" => Self::Tattoo,
            "event" => Self::Event,
            "allegation" => Self::Allegation,
            "document" => Self::Document,
            "documentPage" => Self::DocumentPage,
            _ => return None,
        })
    }
}

/// Which part of a case record matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SearchField {
    /// Names and aliases.
    Name,
    /// The A-number.
    ANumber,
    /// The case's notes.
    Notes,
    /// The record's text.
    Text,
}

/// One place a search matched.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// The case.
    pub case_id: String,
    /// The case's record name.
    pub case_name: String,
    /// The fictional example case.
    pub case_is_example: bool,
    /// The kind of record.
    pub kind: SearchKind,
    /// Which part of a case record; `text` for the others.
    pub field: SearchField,
    /// The record's id (the statement's, for a paragraph; the document's,
    /// for a page).
    pub record_id: String,
    /// A short name of the record: a statement's title, a photo's caption
    /// or file name, a tattoo's place on the body, an event's date, an
    /// allegation's criterion, a declarant's name, a document's title.
    pub title: String,
    /// For a paragraph: its number as printed (from 1).
    pub paragraph: Option<u32>,
    /// For a document's page: its number in the document (from 1).
    pub page: Option<u32>,
    /// The matching text around the match, each matched word between
    /// [`MATCH_START`] and [`MATCH_END`].
    pub snippet: String,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The places shown, best first (or newest first when not ranked).
    pub hits: Vec<SearchHit>,
    /// How many places match in all (cases in the Deleted list included).
    pub matches: u32,
    /// False when so many places match that the newest are shown rather
    /// than the best: another word narrows the search.
    pub ranked: bool,
}

/// The most words of a query that are searched for.
const WORDS_MAX: usize = 12;

/// Turns what was typed into an FTS5 query: every word (letters and digits
/// only) quoted, all required, the last one also as a prefix (so results
/// come while typing). Quotes, `*`, `^`, `-`, parentheses and operators
/// like `AND` or `NEAR` are either separators or plain words, never syntax.
/// An A-number typed in any form searches for its nine digits. `None` when
/// nothing searchable was typed.
pub fn match_expression(query: &str) -> Option<String> {
    if let Ok(number) = ANumber::parse(query) {
        return Some(format!("\"{}\"", number.digits()));
    }
    let words: Vec<&str> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(WORDS_MAX)
        .collect();
    let (last, rest) = words.split_last()?;
    let mut parts: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    parts.push(format!("\"{last}\"*"));
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_syntax_becomes_plain_words() {
        assert_eq!(match_expression("mamá"), Some("\"mamá\"*".into()));
        assert_eq!(
            match_expression("crown AND (\"mom"),
            Some("\"crown\" \"AND\" \"mom\"*".into())
        );
        assert_eq!(
            match_expression("NEAR(a b)^-*"),
            Some("\"NEAR\" \"a\" \"b\"*".into())
        );
        assert_eq!(match_expression("  \"*^-()  "), None);
        assert_eq!(match_expression("A 12345678"), Some("\"012345678\"".into()));
        assert_eq!(
            match_expression("012-345-678"),
            Some("\"012345678\"".into())
        );
    }
}
