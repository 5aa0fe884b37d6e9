//! Exhibit letters: given once per case and kept.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::documents::citable_pages;
use crate::error::{Error, Result};
use crate::exhibit::{Citation, ExhibitItem, ExhibitKind, ExhibitLetter, letter_for};

impl Store {
    /// The lettered exhibits of a case, in letter order.
    pub fn exhibit_letters(&self, case_id: &str) -> Result<Vec<ExhibitLetter>> {
        let mut stmt = self.conn().prepare(
            "SELECT e.kind, e.item_id, e.letter,
                    coalesce(p.caption, t.body_location, d.title, '')
             FROM exhibit_letters e
             LEFT JOIN photos p ON e.kind = 'photo' AND p.id = e.item_id
             LEFT JOIN tattoos t ON e.kind = 'tattoo' AND t.id = e.item_id
             LEFT JOIN documents d ON e.kind = 'document' AND d.id = e.item_id
             WHERE e.case_id = ?1
             ORDER BY length(e.letter), e.letter",
        )?;
        let found = stmt
            .query_map([case_id], |r| {
                Ok(ExhibitLetter {
                    item: ExhibitItem {
                        kind: ExhibitKind::parse(&r.get::<_, String>(0)?),
                        id: r.get(1)?,
                    },
                    letter: r.get(2)?,
                    label: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// Gives `item` the next free letter of its case, or returns the letter
    /// it already has.
    pub fn assign_exhibit_letter(&mut self, item: &ExhibitItem) -> Result<ExhibitLetter> {
        let case_id = self.exhibit_case(item)?;
        let tx = self.conn.savepoint()?;
        let existing: Option<String> = tx
            .query_row(
                "SELECT letter FROM exhibit_letters WHERE case_id = ?1 AND kind = ?2 AND item_id = ?3",
                params![case_id, item.kind.as_str(), item.id],
                |r| r.get(0),
            )
            .optional()?;
        if existing.is_none() {
            let used: i64 = tx.query_row(
                "SELECT count(*) FROM exhibit_letters WHERE case_id = ?1",
                [&case_id],
                |r| r.get(0),
            )?;
            let mut n = used as usize;
            loop {
                let letter = letter_for(n);
                let inserted = tx.execute(
                    "INSERT OR IGNORE INTO exhibit_letters (case_id, kind, item_id, letter)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![case_id, item.kind.as_str(), item.id, letter],
                )?;
                if inserted == 1 {
                    break;
                }
                n += 1;
            }
        }
        tx.commit()?;
        self.exhibit_letters(&case_id)?
            .into_iter()
            .find(|e| e.item == *item)
            .ok_or_else(|| Error::NotFound(item.id.clone()))
    }

    /// Whether the photo, tattoo record or document still exists, and the
    /// page cited is one the document has, filed.
    pub fn exhibit_exists(&self, cited: &Citation) -> Result<bool> {
        let found = self
            .exhibit_case(&cited.item)
            .map(|_| true)
            .or_else(|e| match e {
                Error::NotFound(_) => Ok(false),
                other => Err(other),
            })?;
        Ok(match cited.page {
            Some(page) if found => page <= citable_pages(self.conn(), &cited.item.id)?,
            _ => found,
        })
    }

    fn exhibit_case(&self, item: &ExhibitItem) -> Result<String> {
        let sql = match item.kind {
            ExhibitKind::Photo => "SELECT case_id FROM photos WHERE id = ?1",
            ExhibitKind::Tattoo => "SELECT case_id FROM tattoos WHERE id = ?1",
            ExhibitKind::Document => "SELECT case_id FROM documents WHERE id = ?1",
        };
        self.conn()
            .query_row(sql, [&item.id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NotFound(item.id.clone()))
    }
}
