//! Evidence links with the name the printed page gives each record:
//! "Decl. of María Elena Moreno", "Photo: the festival", "Tattoo record:
//! left wrist", "Form I-213".

use amparo_core::{Allegation, EvidenceLink, LinkKind, Store};

use crate::error::PrintError;
use crate::packet::describe::{photo_description, tattoo_description};

/// A link with what the printed page calls the record.
#[derive(Debug, Clone)]
pub(crate) struct NamedLink {
    pub link: EvidenceLink,
    /// "Decl. of María Elena Moreno", "Photo: the festival", "Tattoo
    /// record: left wrist".
    pub name: String,
}

/// Names every link, reading the records from the store. A record that is
/// gone is left out (its link went with it).
pub(crate) fn name_links(
    store: &Store,
    links: &[EvidenceLink],
) -> Result<Vec<NamedLink>, PrintError> {
    let mut out = Vec::new();
    for link in links {
        let name = match link.kind {
            LinkKind::Statement => {
                let statement = store.statement(&link.id)?;
                let declarant_id = statement
                    .signed
                    .last()
                    .map_or(&statement.draft.declarant_id, |v| &v.draft.declarant_id);
                format!(
                    "Decl. of {}",
                    store.declarant(declarant_id)?.record.full_name
                )
            }
            LinkKind::Photo => format!("Photo: {}", photo_description(&store.photo(&link.id)?)),
            LinkKind::Tattoo => tattoo_description(&store.tattoo(&link.id)?),
            LinkKind::Document => store.document(&link.id)?.details.title,
        };
        out.push(NamedLink {
            link: link.clone(),
            name,
        });
    }
    Ok(out)
}

/// An allegation with the filed document that makes it and the evidence
/// that answers it, named.
#[derive(Debug, Clone)]
pub(crate) struct NamedAllegation {
    pub allegation: Allegation,
    pub source: Option<NamedLink>,
    pub answers: Vec<NamedLink>,
}

impl NamedAllegation {
    pub(crate) fn read(store: &Store, allegation: Allegation) -> Result<Self, PrintError> {
        let source = name_links(store, allegation.allegation.source.as_slice())?.pop();
        let answers = name_links(store, &allegation.allegation.answers)?;
        Ok(Self {
            allegation,
            source,
            answers,
        })
    }
}
