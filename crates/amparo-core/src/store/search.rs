//! Search across every case through the FTS5 index that the migration's
//! triggers keep (see `0007_search.sql`). Cases in the Deleted list are not
//! searched; erasing a case removes its rows from the index.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::error::Result;
use crate::search::{
    MATCH_END, MATCH_START, SearchField, SearchHit, SearchKind, SearchResults, match_expression,
};

/// Up to this many matches are ranked best first.
const RANK_MAX: u32 = 5_000;

/// Words of context on each side of a match.
const SNIPPET_WORDS: i64 = 14;

impl Store {
    /// Where `query` occurs in any case not in the Deleted list, best
    /// matches first, at most `limit`. Accents and case do not matter;
    /// whatever was typed is searched as plain words.
    pub fn search(&self, query: &str, limit: u32) -> Result<SearchResults> {
        let Some(expression) = match_expression(query) else {
            return Ok(SearchResults::default());
        };
        let matches: u32 = self.conn().query_row(
            "SELECT count(*) FROM search_text WHERE search_text MATCH ?1",
            [&expression],
            |r| r.get(0),
        )?;
        // Ranking costs a score for every match: for a word in most of the
        // text, the newest places are shown instead, and the window asks
        // for another word.
        let ranked = matches <= RANK_MAX;
        // FTS5 ranks and sorts inside the index and makes snippets only for
        // the rows it returns; joined to the case in the same query, it would
        // make a snippet for every match before the sort. Cases in the
        // Deleted list are filtered after, so more rows are asked for until
        // enough are left or there are no more.
        let (place, order) = if ranked {
            ("rank", "rank")
        } else {
            ("rowid", "rowid DESC")
        };
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT r.case_id, c.record_name, c.is_example, r.kind, r.field, r.record_id, t.snip,
                    c.deleted_at IS NULL
             FROM (SELECT rowid AS row, {place} AS place,
                          snippet(search_text, 0, ?2, ?3, '…', ?4) AS snip
                   FROM search_text WHERE search_text MATCH ?1 ORDER BY {order} LIMIT ?5) t
             JOIN search_rows r ON r.id = t.row
             JOIN cases c ON c.id = r.case_id
             ORDER BY t.place{}",
            if ranked { "" } else { " DESC" }
        ))?;
        let mut fetch = u64::from(limit) * 2;
        let rows = loop {
            let all: Vec<_> = stmt
                .query_map(
                    params![
                        expression,
                        MATCH_START.to_string(),
                        MATCH_END.to_string(),
                        SNIPPET_WORDS,
                        fetch
                    ],
                    |r| {
                        Ok((
                            (
                                r.get::<_, String>(0)?,
                                r.get::<_, String>(1)?,
                                r.get::<_, bool>(2)?,
                                r.get::<_, String>(3)?,
                                r.get::<_, String>(4)?,
                                r.get::<_, String>(5)?,
                                r.get::<_, String>(6)?,
                            ),
                            r.get::<_, bool>(7)?,
                        ))
                    },
                )?
                .collect::<rusqlite::Result<_>>()?;
            let returned = all.len() as u64;
            let live: Vec<_> = all
                .into_iter()
                .filter(|(_, live)| *live)
                .map(|(row, _)| row)
                .take(limit as usize)
                .collect();
            if live.len() >= limit as usize || returned < fetch {
                break live;
            }
            fetch *= 4;
        };
        let mut hits = Vec::new();
        for (case_id, case_name, case_is_example, kind, field, record_id, snippet) in rows {
            let Some(kind) = SearchKind::parse(&kind) else {
                continue;
            };
            let field = match field.as_str() {
                "name" => SearchField::Name,
                "aNumber" => SearchField::ANumber,
                "notes" => SearchField::Notes,
                _ => SearchField::Text,
            };
            let (record_id, title, number) = self.hit_place(kind, &record_id)?;
            let (paragraph, page) = match kind {
                SearchKind::DocumentPage => (None, number),
                _ => (number, None),
            };
            hits.push(SearchHit {
                case_id,
                case_name,
                case_is_example,
                kind,
                field,
                record_id,
                title,
                paragraph,
                page,
                snippet,
            });
        }
        Ok(SearchResults {
            hits,
            matches,
            ranked,
        })
    }

    /// Rows the index holds for a case: what erasing a case must leave at 0.
    pub fn search_rows_of_case(&self, case_id: &str) -> Result<u64> {
        Ok(self.conn().query_row(
            "SELECT (SELECT count(*) FROM search_rows WHERE case_id = ?1)
                  + (SELECT count(*) FROM search_text
                     WHERE rowid NOT IN (SELECT id FROM search_rows))",
            [case_id],
            |r| r.get(0),
        )?)
    }

    /// Where a hit opens (the statement, for a paragraph; the document,
    /// for a page), what to call it, and the paragraph's or page's number.
    fn hit_place(&self, kind: SearchKind, id: &str) -> Result<(String, String, Option<u32>)> {
        let conn = self.conn();
        let one = |sql: &str| -> Result<String> {
            Ok(conn
                .query_row(sql, [id], |r| r.get::<_, String>(0))
                .optional()?
                .unwrap_or_default())
        };
        Ok(match kind {
            SearchKind::Paragraph => conn
                .query_row(
                    "SELECT s.id, s.title, p.position FROM paragraphs p
                     JOIN statements s ON s.id = p.statement_id WHERE p.id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            Some(r.get::<_, u32>(2)? + 1),
                        ))
                    },
                )
                .optional()?
                .unwrap_or((id.to_owned(), String::new(), None)),
            SearchKind::Case => (id.to_owned(), one("SELECT record_name FROM cases WHERE id = ?1")?, None),
            SearchKind::Declarant => (
                id.to_owned(),
                one("SELECT full_name FROM declarants WHERE id = ?1")?,
                None,
            ),
            SearchKind::Statement => (
                id.to_owned(),
                one("SELECT title FROM statements WHERE id = ?1")?,
                None,
            ),
            SearchKind::Photo => (
                id.to_owned(),
                one("SELECT CASE WHEN caption <> '' THEN caption ELSE coalesce(file_names ->> 0, '') END
                     FROM photos WHERE id = ?1")?,
                None,
            ),
            SearchKind::Tattoo => (
                id.to_owned(),
                one("SELECT body_location FROM tattoos WHERE id = ?1")?,
                None,
            ),
            SearchKind::Event => (
                id.to_owned(),
                one("SELECT date || ' · ' || description FROM events WHERE id = ?1")?,
                None,
            ),
            SearchKind::Allegation => (
                id.to_owned(),
                one("SELECT criterion FROM allegations WHERE id = ?1")?,
                None,
            ),
            SearchKind::Document => (
                id.to_owned(),
                one("SELECT title FROM documents WHERE id = ?1")?,
                None,
            ),
            SearchKind::DocumentPage => conn
                .query_row(
                    "SELECT d.id, d.title, p.position FROM document_pages p
                     JOIN documents d ON d.id = p.document_id WHERE p.id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            Some(r.get::<_, u32>(2)?),
                        ))
                    },
                )
                .optional()?
                .unwrap_or((id.to_owned(), String::new(), None)),
        })
    }
}

/// Turns on the index's own secure-delete (SQLite 3.44 and later; the
/// bundled SQLite is newer): a deleted entry is then removed from the
/// index's pages at once instead of being marked deleted until a merge.
/// The setting is kept in the index, so it is idempotent.
pub(super) fn secure_delete_on(conn: &rusqlite::Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO search_text (search_text, rank) VALUES ('secure-delete', 1)",
        [],
    )?;
    Ok(())
}
