//! The two tables a packet can carry as exhibits: the chronology (date, what
//! happened, where, what it rests on) and the rebuttal table (each
//! allegation, the points its document claims, and what answers it), with
//! the exhibit letters of the evidence as this packet gives them.

use amparo_core::{Allegation, AllegationStatus, Event, EvidenceLink, LinkKind, Store};
use serde_json::{Value, json};

use crate::error::PrintError;
use crate::packet_gather::Exhibit;
use crate::packet_model::{photo_description, remembered, tattoo_description};

/// The chronology's title, in the index and on its page.
pub const CHRONOLOGY_TITLE: &str = "Chronology of events";
/// The rebuttal table's title, in the index and on its page.
pub const REBUTTAL_TITLE: &str = "Allegations and the evidence that answers them";

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

/// "Decl. of X, para. 5 (Exhibit B)", or "(not in this packet)".
fn cite(named: &NamedLink, exhibits: &[Exhibit]) -> String {
    let item = named.link.packet_item();
    let letter = exhibits.iter().find(|e| e.item == item).map_or_else(
        || "not in this packet".to_owned(),
        |e| format!("Exhibit {}", e.letter),
    );
    match named.link.paragraph {
        Some(n) => format!("{}, para. {n} ({letter})", named.name),
        None => format!("{} ({letter})", named.name),
    }
}

pub(crate) fn chronology(events: &[(Event, Vec<NamedLink>)], exhibits: &[Exhibit]) -> Value {
    let rows: Vec<Value> = events
        .iter()
        .map(|(e, links)| {
            json!({
                "date": e.event.date.as_ref().map(remembered).unwrap_or_default(),
                "what": e.event.description,
                "place": e.event.place,
                "sources": links.iter().map(|l| cite(l, exhibits)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "title": CHRONOLOGY_TITLE, "rows": rows })
}

pub(crate) fn rebuttal(
    allegations: &[(Allegation, Vec<NamedLink>)],
    exhibits: &[Exhibit],
) -> Value {
    let rows: Vec<Value> = allegations
        .iter()
        .map(|(a, links)| {
            let d = &a.allegation;
            let mut source = Vec::new();
            if !d.made_by.is_empty() {
                source.push(format!("By: {}", d.made_by));
            }
            if !d.document.is_empty() {
                let date = d
                    .document_date
                    .as_ref()
                    .map(|x| format!(", {}", remembered(x)))
                    .unwrap_or_default();
                source.push(format!("On: {}{date}", d.document));
            }
            json!({
                "criterion": d.criterion,
                "claim": d.claim,
                "source": source,
                "points": d.points.map(|p| p.to_string()).unwrap_or_else(|| "—".into()),
                "response": d.response,
                "evidence": links.iter().map(|l| cite(l, exhibits)).collect::<Vec<_>>(),
                "open": d.status == AllegationStatus::Open,
            })
        })
        .collect();
    json!({ "title": REBUTTAL_TITLE, "rows": rows })
}
