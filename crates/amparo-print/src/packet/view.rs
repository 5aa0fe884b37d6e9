//! The packet as the window shows it: its exhibits in order with their
//! letters and descriptions, the records that could be added, and the
//! checks.

use amparo_core::{BlobStore, PacketDraft, PacketItem, PacketItemKind, Store, packet_letters};
use serde::Serialize;
use ts_rs::TS;

use crate::error::PrintError;
use crate::packet::describe::{document_description, photo_description, tattoo_description};
use crate::packet::tables::{CHRONOLOGY_TITLE, REBUTTAL_TITLE};
use amparo_core::PrintCheck;

/// One record that is, or could be, an exhibit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PacketEntry {
    /// The record.
    pub item: PacketItem,
    /// Its letter in this packet ("" when it is not in it).
    pub letter: String,
    /// What it is, as the index prints it.
    pub description: String,
    /// A photo's original SHA-256, for its thumbnail.
    pub photo_sha256: Option<String>,
    /// A signed statement's letter that must not change.
    pub pinned: bool,
    /// A document's page count, for choosing an excerpt; 0 for the rest.
    pub pages: u32,
}

/// The packet page's data.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PacketView {
    /// The saved packet.
    pub draft: PacketDraft,
    /// Its exhibits, in order.
    pub exhibits: Vec<PacketEntry>,
    /// The case's other statements, documents, tattoo records and photos.
    pub others: Vec<PacketEntry>,
    /// What stands before a filing print.
    pub checks: Vec<PrintCheck>,
    /// Where a habeas petition for the person is filed, from the facility
    /// they are held at, when the table knows it (to confirm).
    pub venue: Option<amparo_core::Venue>,
    /// The facility the person is held at, or empty.
    pub facility: String,
}

fn entry(
    store: &Store,
    item: &PacketItem,
    letter: String,
    pinned: bool,
) -> Result<PacketEntry, PrintError> {
    let mut pages = 0;
    let (description, photo_sha256) = match item.kind {
        PacketItemKind::Statement => (store.statement(&item.id)?.draft.title, None),
        PacketItemKind::Photo => {
            let photo = store.photo(&item.id)?;
            (photo_description(&photo), Some(photo.sha256))
        }
        PacketItemKind::Tattoo => (tattoo_description(&store.tattoo(&item.id)?), None),
        PacketItemKind::Chronology => (CHRONOLOGY_TITLE.to_owned(), None),
        PacketItemKind::Rebuttal => (REBUTTAL_TITLE.to_owned(), None),
        PacketItemKind::Document => {
            let document = store.document(&item.id)?;
            pages = document.pages.len() as u32;
            (document_description(&document, None), None)
        }
    };
    Ok(PacketEntry {
        item: item.clone(),
        letter,
        description,
        photo_sha256,
        pinned,
        pages,
    })
}

/// The case's packet for the window.
pub fn packet_view(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
) -> Result<PacketView, PrintError> {
    let draft = store.packet(case_id)?;
    let pins = store.pinned_letters(case_id)?;
    let (letters, _) = packet_letters(&draft.items, &pins);
    let pinned = |item: &PacketItem| pins.iter().any(|p| p.item == *item);
    let exhibits = draft
        .items
        .iter()
        .zip(letters)
        .map(|(item, letter)| entry(store, item, letter, pinned(item)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut candidates: Vec<PacketItem> = Vec::new();
    if !store.events(case_id)?.is_empty() {
        candidates.push(PacketItem {
            kind: PacketItemKind::Chronology,
            id: case_id.to_owned(),
        });
    }
    if !store.allegations(case_id)?.is_empty() {
        candidates.push(PacketItem {
            kind: PacketItemKind::Rebuttal,
            id: case_id.to_owned(),
        });
    }
    candidates.extend(store.statements(case_id)?.into_iter().map(|s| PacketItem {
        kind: PacketItemKind::Statement,
        id: s.id,
    }));
    candidates.extend(
        store
            .documents(case_id)?
            .into_iter()
            .filter(|d| d.filed)
            .map(|d| PacketItem {
                kind: PacketItemKind::Document,
                id: d.id,
            }),
    );
    candidates.extend(store.tattoos(case_id)?.into_iter().map(|t| PacketItem {
        kind: PacketItemKind::Tattoo,
        id: t.id,
    }));
    let mut offset = 0;
    loop {
        let page = store.photos(case_id, offset, 500)?;
        let n = page.photos.len() as u32;
        candidates.extend(page.photos.into_iter().map(|p| PacketItem {
            kind: PacketItemKind::Photo,
            id: p.id,
        }));
        offset += n;
        if n == 0 || offset >= page.total {
            break;
        }
    }
    let others = candidates
        .iter()
        .filter(|c| !draft.items.contains(c))
        .map(|c| entry(store, c, String::new(), pinned(c)))
        .collect::<Result<Vec<_>, _>>()?;
    let checks = crate::packet::print::packet_checks(store, blobs, case_id)?;
    let custody = store.case(case_id)?.custody;
    let facility = if custody.status == amparo_core::CustodyStatus::Detained {
        custody.facility.trim().to_owned()
    } else {
        String::new()
    };
    Ok(PacketView {
        draft,
        exhibits,
        others,
        checks,
        venue: amparo_core::venue_for(&facility),
        facility,
    })
}
