//! The two tables a packet can carry as exhibits: the chronology (date, what
//! happened, where, what it rests on) and the rebuttal table (each
//! allegation, the points its document claims, and what answers it), with
//! the exhibit letters of the evidence as this packet gives them.

use crate::packet::data::{ChronologyRow, RebuttalRow, Table};
use crate::packet::describe::remembered;
use crate::packet::gather::Exhibit;
use crate::packet::links::{NamedAllegation, NamedLink};
use amparo_core::{AllegationStatus, Event};

/// The chronology's title, in the index and on its page.
pub const CHRONOLOGY_TITLE: &str = "Chronology of events";
/// The rebuttal table's title, in the index and on its page.
pub const REBUTTAL_TITLE: &str = "Allegations and the evidence that answers them";

/// "Decl. of X, para. 5 (Exhibit B)", "Form I-213, p. 2 (Exhibit K)", or
/// "(not in this packet)".
fn cite(named: &NamedLink, exhibits: &[Exhibit]) -> String {
    let item = named.link.packet_item();
    let letter = exhibits.iter().find(|e| e.item == item).map_or_else(
        || "not in this packet".to_owned(),
        |e| format!("Exhibit {}", e.letter),
    );
    // A no-break space keeps "p." with its number when the cell wraps.
    match (named.link.paragraph, named.link.page) {
        (Some(n), _) => format!("{}, para.\u{a0}{n} ({letter})", named.name),
        (None, Some(n)) => format!("{}, p.\u{a0}{n} ({letter})", named.name),
        (None, None) => format!("{} ({letter})", named.name),
    }
}

pub(crate) fn chronology(
    events: &[(Event, Vec<NamedLink>)],
    exhibits: &[Exhibit],
) -> Table<ChronologyRow> {
    let rows = events
        .iter()
        .map(|(e, links)| ChronologyRow {
            date: e.event.date.as_ref().map(remembered).unwrap_or_default(),
            what: e.event.description.clone(),
            place: e.event.place.clone(),
            sources: links.iter().map(|l| cite(l, exhibits)).collect(),
        })
        .collect();
    Table {
        title: CHRONOLOGY_TITLE,
        rows,
    }
}

pub(crate) fn rebuttal(
    allegations: &[NamedAllegation],
    exhibits: &[Exhibit],
) -> Table<RebuttalRow> {
    let rows = allegations
        .iter()
        .map(|a| {
            let d = &a.allegation.allegation;
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
            // The filed copy of the document that makes it, apart from
            // the document as typed above ("On:").
            if let Some(filed) = &a.source {
                source.push(format!("Filed copy: {}", cite(filed, exhibits)));
            }
            RebuttalRow {
                criterion: d.criterion.clone(),
                claim: d.claim.clone(),
                source,
                points: d
                    .points
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "—".into()),
                response: d.response.clone(),
                evidence: a.answers.iter().map(|l| cite(l, exhibits)).collect(),
                open: d.status == AllegationStatus::Open,
            }
        })
        .collect();
    Table {
        title: REBUTTAL_TITLE,
        rows,
    }
}
