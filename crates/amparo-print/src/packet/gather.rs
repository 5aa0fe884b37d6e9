//! Reading a case's packet from the store: each exhibit with its letter,
//! the records it prints, the originals it stands for, and the reduced
//! copies of its images.

use std::collections::HashMap;

use amparo_core::{
    BlobStore, Case, CustodyReport, Declarant, Document, Event, LetterConflict, PacketDraft,
    PacketItem, PacketItemKind, Photo, PinnedLetter, SignedVersion, Statement, Store, Tattoo,
    TattooPhotoRole, packet_letters,
};
use rayon::prelude::*;

use crate::error::PrintError;
use crate::packet::links::{NamedAllegation, NamedLink, name_links};

/// What one exhibit prints.
pub(crate) enum Body {
    /// A statement: its latest signed version, or its draft when unsigned.
    Statement {
        statement: Box<Statement>,
        declarant: Box<Declarant>,
    },
    /// A photo.
    Photo(Box<Photo>),
    /// A tattoo record and its photos.
    Tattoo {
        tattoo: Box<Tattoo>,
        photos: Vec<(TattooPhotoRole, Photo)>,
    },
    /// The case's chronology, each event with its sources named.
    Chronology(Vec<(Event, Vec<NamedLink>)>),
    /// The case's allegations, each with the document that makes it and
    /// the evidence that answers it.
    Rebuttal(Vec<NamedAllegation>),
    /// A document and its pages, all or an excerpt.
    Document(Box<PacketDocument>),
}

/// A document as the packet prints it: every page, or the pages of an
/// excerpt. Its originals are the whole document's either way.
#[derive(Debug, Clone)]
pub(crate) struct PacketDocument {
    pub document: Document,
    /// The pages printed, when only an excerpt is.
    pub excerpt: Option<amparo_core::DocumentExcerpt>,
}

impl PacketDocument {
    /// The pages the packet prints, in order.
    pub(crate) fn printed_pages(&self) -> impl Iterator<Item = &amparo_core::DocumentPage> {
        self.document.pages.iter().filter(|p| {
            self.excerpt
                .as_ref()
                .is_none_or(|e| e.pages.contains(&p.number))
        })
    }
}

impl std::ops::Deref for PacketDocument {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.document
    }
}

/// A file behind an exhibit, as counsel receives it.
#[derive(Debug, Clone)]
pub(crate) struct Original {
    pub sha256: String,
    /// File extension, without the dot.
    pub extension: String,
    /// The file carries a GPS position.
    pub gps: bool,
}

/// One exhibit of the packet.
pub(crate) struct Exhibit {
    pub item: PacketItem,
    pub letter: String,
    pub body: Body,
}

impl Exhibit {
    /// The signed version the packet prints, if the statement was signed.
    pub(crate) fn signed(&self) -> Option<&SignedVersion> {
        match &self.body {
            Body::Statement { statement, .. } => statement.signed.last(),
            _ => None,
        }
    }

    /// The originals this exhibit stands for, in order.
    pub(crate) fn originals(&self, blobs: &BlobStore) -> Vec<Original> {
        let photo = |p: &Photo| Original {
            sha256: p.sha256.clone(),
            extension: p.format.as_str().to_owned(),
            gps: p.exif.gps.is_some(),
        };
        match &self.body {
            Body::Photo(p) => vec![photo(p)],
            Body::Tattoo { photos, .. } => photos.iter().map(|(_, p)| photo(p)).collect(),
            Body::Chronology(_) | Body::Rebuttal(_) => Vec::new(),
            Body::Document(d) => match &d.pdf_sha256 {
                Some(sha) => vec![Original {
                    sha256: sha.clone(),
                    extension: "pdf".into(),
                    gps: false,
                }],
                None => d
                    .pages
                    .iter()
                    .filter_map(|p| p.sha256.as_ref())
                    .map(|sha| Original {
                        sha256: sha.clone(),
                        extension: scan_extension(blobs, sha),
                        gps: false,
                    })
                    .collect(),
            },
            Body::Statement { .. } => {
                let Some(version) = self.signed() else {
                    return Vec::new();
                };
                let mut out = vec![Original {
                    sha256: version.pdf_sha256.clone(),
                    extension: "pdf".into(),
                    gps: false,
                }];
                out.extend(version.scans.iter().map(|sha| Original {
                    sha256: sha.clone(),
                    extension: scan_extension(blobs, sha),
                    gps: false,
                }));
                out
            }
        }
    }

    /// Image originals whose reduced copies the exhibit prints. A signed
    /// statement's scans print inside its stored filing set, as they were
    /// placed when it was marked signed.
    pub(crate) fn image_hashes(&self) -> Vec<String> {
        match &self.body {
            Body::Photo(p) => vec![p.sha256.clone()],
            Body::Tattoo { photos, .. } => photos.iter().map(|(_, p)| p.sha256.clone()).collect(),
            Body::Document(d) => d.pages.iter().filter_map(|p| p.sha256.clone()).collect(),
            Body::Statement { .. } | Body::Chronology(_) | Body::Rebuttal(_) => Vec::new(),
        }
    }

    /// Whether the exhibit prints text in a language other than English,
    /// which needs a certificate of translation.
    pub(crate) fn has_foreign_text(&self) -> bool {
        match &self.body {
            Body::Tattoo { tattoo, .. } => crate::packet::describe::tattoo_has_foreign_text(tattoo),
            Body::Document(d) => crate::packet::describe::document_is_foreign(d),
            _ => false,
        }
    }
}

fn scan_extension(blobs: &BlobStore, sha: &str) -> String {
    blobs
        .read_original(sha)
        .ok()
        .and_then(|bytes| amparo_media::sniff(&bytes))
        .map_or_else(|| "bin".to_owned(), |f| f.as_str().to_owned())
}

/// A case's packet, read whole.
pub(crate) struct Gathered {
    pub case: Case,
    pub draft: PacketDraft,
    pub exhibits: Vec<Exhibit>,
    pub pins: Vec<PinnedLetter>,
    pub conflicts: Vec<LetterConflict>,
    pub wording: HashMap<String, String>,
    pub declarants: Vec<Declarant>,
    /// The case's custody log, checked, when its summary is printed.
    pub custody: Option<CustodyReport>,
}

/// Reads the case's packet as saved.
pub(crate) fn gather(
    store: &Store,
    case_id: &str,
    draft: Option<&PacketDraft>,
) -> Result<Gathered, PrintError> {
    let case = store.case(case_id)?;
    let draft = match draft {
        Some(d) => d.clone(),
        None => store.packet(case_id)?,
    };
    let pins = store.pinned_letters(case_id)?;
    let (letters, conflicts) = packet_letters(&draft.items, &pins);
    let mut exhibits = Vec::with_capacity(draft.items.len());
    for (item, letter) in draft.items.iter().zip(letters) {
        let body = match item.kind {
            PacketItemKind::Statement => {
                let statement = store.statement(&item.id)?;
                let declarant_id = statement
                    .signed
                    .last()
                    .map_or(&statement.draft.declarant_id, |v| &v.draft.declarant_id);
                let declarant = store.declarant(declarant_id)?;
                Body::Statement {
                    statement: Box::new(statement),
                    declarant: Box::new(declarant),
                }
            }
            PacketItemKind::Photo => Body::Photo(Box::new(store.photo(&item.id)?)),
            PacketItemKind::Document => {
                let document = store.document(&item.id)?;
                // An excerpt names only pages the document has; with none
                // (from a case file, never saved here) the whole document
                // prints rather than an exhibit without pages.
                let excerpt = draft
                    .excerpt_of(&item.id)
                    .map(|e| amparo_core::DocumentExcerpt {
                        document_id: e.document_id.clone(),
                        pages: e
                            .pages
                            .iter()
                            .copied()
                            .filter(|n| document.pages.iter().any(|p| p.number == *n))
                            .collect(),
                    })
                    .filter(|e| !e.pages.is_empty());
                Body::Document(Box::new(PacketDocument { document, excerpt }))
            }
            PacketItemKind::Tattoo => {
                let tattoo = store.tattoo(&item.id)?;
                let mut photos = Vec::new();
                for link in &tattoo.record.photos {
                    photos.push((link.role, store.photo(&link.photo_id)?));
                }
                // Close-ups first, then the context photos.
                photos.sort_by_key(|(role, _)| *role != TattooPhotoRole::CloseUp);
                Body::Tattoo {
                    tattoo: Box::new(tattoo),
                    photos,
                }
            }
            PacketItemKind::Chronology => Body::Chronology(
                store
                    .events(case_id)?
                    .into_iter()
                    .map(|e| {
                        let links = name_links(store, &e.event.sources)?;
                        Ok((e, links))
                    })
                    .collect::<Result<_, PrintError>>()?,
            ),
            PacketItemKind::Rebuttal => Body::Rebuttal(
                store
                    .allegations(case_id)?
                    .into_iter()
                    .map(|a| NamedAllegation::read(store, a))
                    .collect::<Result<_, PrintError>>()?,
            ),
        };
        exhibits.push(Exhibit {
            item: item.clone(),
            letter,
            body,
        });
    }
    let custody = if draft.custody_summary {
        Some(store.custody_report(case_id)?)
    } else {
        None
    };
    Ok(Gathered {
        case,
        draft,
        exhibits,
        pins,
        conflicts,
        wording: store.wording_map()?,
        declarants: store.declarants(case_id)?,
        custody,
    })
}

/// The reduced copies of every image the packet prints (the exhibits' and
/// the scans of its signed pages), by SHA-256 of the original, made in parallel. `progress(done, total)` is called as they
/// come.
pub(crate) fn page_images(
    blobs: &BlobStore,
    exhibits: &[Exhibit],
    signed_pages: &[amparo_core::SignedPageScan],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<HashMap<String, Vec<u8>>, PrintError> {
    let mut hashes: Vec<String> = exhibits.iter().flat_map(Exhibit::image_hashes).collect();
    hashes.extend(signed_pages.iter().map(|p| p.scan.clone()));
    hashes.sort();
    hashes.dedup();
    let total = hashes.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    hashes
        .par_iter()
        .map(|sha| {
            let bytes = amparo_media::page_copy(blobs, sha).map_err(|e| match e {
                amparo_media::MediaError::Store(core) => PrintError::Core(core),
                other => PrintError::Image(other.to_string()),
            })?;
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, total);
            Ok((sha.clone(), bytes))
        })
        .collect()
}
