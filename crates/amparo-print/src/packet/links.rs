//! Evidence links with the name the printed page gives each record:
//! "Decl. of María Elena Moreno", "Photo: the festival", "Tattoo record:
//! left wrist".

use amparo_core::{EvidenceLink, LinkKind, Store};

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
        };
        out.push(NamedLink {
            link: link.clone(),
            name,
        });
    }
    Ok(out)
}
