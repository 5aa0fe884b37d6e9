//! A link from an event or an allegation to the evidence behind it: a
//! statement (the whole of it, or one numbered paragraph), a photo, a
//! tattoo record or a document (the whole of it, or one page) of the same
//! case.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::packet::{PacketItem, PacketItemKind};

/// What kind of record a link points at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LinkKind {
    /// A statement (declaration) of the case.
    #[default]
    Statement,
    /// A photo of the case.
    Photo,
    /// A tattoo record of the case.
    Tattoo,
    /// A document of the case (the I-213, a festival's program).
    Document,
}

impl LinkKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::Photo => "photo",
            Self::Tattoo => "tattoo",
            Self::Document => "document",
        }
    }

    /// Reads a kind as typed on the command line (`tattoo` or `tattoo-record`).
    pub fn parse_typed(text: &str) -> Option<Self> {
        Self::parse(text.strip_suffix("-record").unwrap_or(text))
    }

    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "statement" => Some(Self::Statement),
            "photo" => Some(Self::Photo),
            "tattoo" => Some(Self::Tattoo),
            "document" => Some(Self::Document),
            _ => None,
        }
    }
}

/// One piece of evidence an event rests on or an allegation is answered by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct EvidenceLink {
    /// Statement, photo, tattoo record or document.
    pub kind: LinkKind,
    /// The record's id.
    pub id: String,
    /// For a statement: the paragraph number as printed (from 1), when the
    /// link is to one paragraph. Numbers, unlike stored paragraph rows, stay
    /// the same when the statement's text is edited, and are what a lawyer
    /// cites ("Decl. of Rosa Pérez, para. 3").
    pub paragraph: Option<u32>,
    /// For a document: the page as the document numbers it (from 1), when
    /// the link is to one page ("I-213, p. 2").
    pub page: Option<u32>,
}

impl EvidenceLink {
    /// The packet exhibit that holds the linked record (a paragraph prints
    /// inside its statement's exhibit).
    pub fn packet_item(&self) -> PacketItem {
        let kind = match self.kind {
            LinkKind::Statement => PacketItemKind::Statement,
            LinkKind::Photo => PacketItemKind::Photo,
            LinkKind::Tattoo => PacketItemKind::Tattoo,
            LinkKind::Document => PacketItemKind::Document,
        };
        PacketItem {
            kind,
            id: self.id.clone(),
        }
    }
}
