//! The evidence links of events (`event_sources`) and allegations
//! (`allegation_answers`): each must name a record of the same case, a
//! paragraph number one the statement has, and a page number one the
//! document has once it is filed.

use rusqlite::{Connection, OptionalExtension, params};

use super::documents::citable_pages;
use crate::error::{FieldError, FieldProblem, Result};
use crate::evidence_link::{EvidenceLink, LinkKind};

/// Where a kind of owner keeps its links.
#[derive(Clone, Copy)]
pub(super) enum LinkTable {
    EventSources,
    AllegationAnswers,
}

impl LinkTable {
    fn table(self) -> &'static str {
        match self {
            Self::EventSources => "event_sources",
            Self::AllegationAnswers => "allegation_answers",
        }
    }

    fn owner(self) -> &'static str {
        match self {
            Self::EventSources => "event_id",
            Self::AllegationAnswers => "allegation_id",
        }
    }
}

/// Drops repeated links and names every link that does not point at a record
/// of `case_id` (`{field}.{i}`), without writing anything.
pub(super) fn check_links(
    conn: &Connection,
    case_id: &str,
    links: &[EvidenceLink],
    field: &str,
    errors: &mut Vec<FieldError>,
) -> Result<Vec<EvidenceLink>> {
    let mut kept: Vec<EvidenceLink> = Vec::new();
    for (i, link) in links.iter().enumerate() {
        let mut link = link.clone();
        if link.kind != LinkKind::Statement || link.paragraph == Some(0) {
            link.paragraph = None;
        }
        if link.kind != LinkKind::Document || link.page == Some(0) {
            link.page = None;
        }
        if kept.contains(&link) {
            continue;
        }
        let table = match link.kind {
            LinkKind::Statement => "statements",
            LinkKind::Photo => "photos",
            LinkKind::Tattoo => "tattoos",
            LinkKind::Document => "documents",
        };
        let found: Option<i64> = conn
            .query_row(
                &format!("SELECT 1 FROM {table} WHERE id = ?1 AND case_id = ?2"),
                params![link.id, case_id],
                |r| r.get(0),
            )
            .optional()?;
        let part = link.paragraph.or(link.page);
        let part_ok = match (found, part) {
            (Some(_), Some(n)) => {
                let count: u32 = if link.kind == LinkKind::Statement {
                    conn.query_row(
                        "SELECT count(*) FROM paragraphs WHERE statement_id = ?1",
                        [&link.id],
                        |r| r.get(0),
                    )?
                } else {
                    citable_pages(conn, &link.id)?
                };
                n <= count
            }
            (found, None) => found.is_some(),
            (None, Some(_)) => false,
        };
        if !part_ok {
            errors.push(FieldError::new(
                format!("{field}.{i}"),
                FieldProblem::Unknown,
            ));
        }
        kept.push(link);
    }
    Ok(kept)
}

pub(super) fn write_links(
    tx: &Connection,
    table: LinkTable,
    owner_id: &str,
    links: &[EvidenceLink],
) -> Result<()> {
    tx.execute(
        &format!("DELETE FROM {} WHERE {} = ?1", table.table(), table.owner()),
        [owner_id],
    )?;
    for (position, link) in links.iter().enumerate() {
        tx.execute(
            &format!(
                "INSERT INTO {} ({}, position, kind, item_id, paragraph, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                table.table(),
                table.owner()
            ),
            params![
                owner_id,
                position as i64,
                link.kind.as_str(),
                link.id,
                link.paragraph.unwrap_or(0),
                link.page.unwrap_or(0)
            ],
        )?;
    }
    Ok(())
}

pub(super) fn read_links(
    conn: &Connection,
    table: LinkTable,
    owner_id: &str,
) -> Result<Vec<EvidenceLink>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT kind, item_id, paragraph, page FROM {} WHERE {} = ?1 ORDER BY position",
        table.table(),
        table.owner()
    ))?;
    let rows = stmt.query_map([owner_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, u32>(2)?,
            r.get::<_, u32>(3)?,
        ))
    })?;
    let mut links = Vec::new();
    for row in rows {
        let (kind, id, paragraph, page) = row?;
        if let Some(kind) = LinkKind::parse(&kind) {
            links.push(EvidenceLink {
                kind,
                id,
                paragraph: (paragraph > 0).then_some(paragraph),
                page: (page > 0).then_some(page),
            });
        }
    }
    Ok(links)
}

/// Checks a line of text: trimmed, not longer than `max` characters.
pub(super) fn trimmed(
    value: &str,
    field: &str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push(FieldError::new(field, FieldProblem::TooLong));
    }
    value.to_owned()
}
