//! Cases in the store: create, change, read, list, move to the Deleted list,
//! restore, erase. Each change is one transaction over the case row, its
//! hearings and its detention transfers, so a failure leaves the case exactly
//! as it was.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, now, today};
use crate::a_number::ANumber;
use crate::case::{
    Attorney, Case, CaseDraft, CaseSummary, Custody, CustodyStatus, Hearing, HearingKind,
    HearingMode, Person, Transfer,
};
use crate::error::{Error, Result};
use crate::fold::fold;
use crate::remembered_date::RememberedDate;
use crate::validate::validate;

impl Store {
    /// Validates `draft` and stores it as a new case.
    pub fn create_case(&mut self, draft: &CaseDraft) -> Result<Case> {
        self.insert_case(draft, false)
    }

    pub(crate) fn insert_case(&mut self, draft: &CaseDraft, is_example: bool) -> Result<Case> {
        let clean = validate(draft, today()).map_err(Error::Invalid)?;
        let id = uuid::Uuid::now_v7().to_string();
        let stamp = now();
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO cases (id, record_name, is_example, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id, clean.person.record_name, is_example, stamp],
        )?;
        write_case(&tx, &id, &clean, &stamp)?;
        tx.commit()?;
        self.case(&id)
    }

    /// Validates `draft` and replaces the case `id` with it. Nothing changes
    /// when validation or any write fails.
    pub fn update_case(&mut self, id: &str, draft: &CaseDraft) -> Result<Case> {
        let clean = validate(draft, today()).map_err(Error::Invalid)?;
        let tx = self.conn.savepoint()?;
        let exists: Option<i64> = tx
            .query_row("SELECT 1 FROM cases WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Err(Error::NotFound(id.to_owned()));
        }
        write_case(&tx, id, &clean, &now())?;
        tx.commit()?;
        self.case(id)
    }

    /// The case `id`, whether or not it is in the Deleted list.
    pub fn case(&self, id: &str) -> Result<Case> {
        let conn = self.conn();
        let mut case = conn
            .query_row("SELECT * FROM cases WHERE id = ?1", [id], case_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        let mut transfers = conn.prepare(
            "SELECT facility, date FROM detention_transfers WHERE case_id = ?1 ORDER BY position",
        )?;
        case.custody.transfers = transfers
            .query_map([id], |r| {
                Ok(Transfer {
                    facility: r.get(0)?,
                    date: remembered(r.get(1)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut hearings = conn.prepare(
            "SELECT id, date, time, court, judge, kind, mode FROM hearings
             WHERE case_id = ?1 ORDER BY date, time",
        )?;
        case.hearings = hearings
            .query_map([id], |r| {
                Ok(Hearing {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    time: r.get(2)?,
                    court: r.get(3)?,
                    judge: r.get(4)?,
                    kind: kind_from(&r.get::<_, String>(5)?),
                    mode: mode_from(&r.get::<_, String>(6)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(case)
    }

    /// Cases not in the Deleted list, most recently changed first, whose
    /// names, aliases or A-number match `query` (all cases when it is blank).
    /// Names match without regard to accents or case; an A-number matches
    /// however it is typed.
    pub fn list_cases(&self, query: &str) -> Result<Vec<CaseSummary>> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
        let digits = ANumber::digits_of(query).filter(|d| d.len() >= 3);
        let found = self
            .summaries(false)?
            .into_iter()
            .filter(|(summary, key)| {
                let by_name = words.iter().all(|w| key.contains(w.as_str()));
                let by_number = digits.as_ref().is_some_and(|d| {
                    summary
                        .a_number
                        .replace(['A', '-'], "")
                        .contains(d.as_str())
                });
                by_name || by_number
            })
            .map(|(summary, _)| summary)
            .collect();
        self.with_next_due(found)
    }

    /// Cases in the Deleted list, most recently deleted first.
    pub fn deleted_cases(&self) -> Result<Vec<CaseSummary>> {
        let found = self.summaries(true)?.into_iter().map(|(s, _)| s).collect();
        self.with_next_due(found)
    }

    /// Each listed case with its nearest due date: counted only for the
    /// cases a search kept, as typing in the search box lists again.
    fn with_next_due(&self, mut found: Vec<CaseSummary>) -> Result<Vec<CaseSummary>> {
        for summary in &mut found {
            let case = self.case(&summary.id)?;
            summary.next_due = self.deadlines_of(&case)?.into_iter().next();
        }
        Ok(found)
    }

    /// The list's rows with their search keys, without their due dates
    /// ([`Store::with_next_due`] adds them).
    fn summaries(&self, deleted: bool) -> Result<Vec<(CaseSummary, String)>> {
        let mut stmt = self.conn().prepare(
            "SELECT c.id, c.record_name, c.used_name, c.a_number, c.nationality,
                    c.custody_status, c.is_example, c.updated_at, c.deleted_at, c.search_key,
                    (SELECT min(h.date) FROM hearings h
                      WHERE h.case_id = c.id AND h.date >= ?2) AS next_hearing
             FROM cases c
             WHERE (c.deleted_at IS NOT NULL) = ?1
             ORDER BY coalesce(c.deleted_at, c.updated_at) DESC, c.id DESC",
        )?;
        let rows = stmt.query_map(params![deleted, today().to_string()], |r| {
            Ok((
                CaseSummary {
                    id: r.get(0)?,
                    record_name: r.get(1)?,
                    used_name: r.get(2)?,
                    a_number: a_number_display(r.get(3)?),
                    nationality: r.get(4)?,
                    custody: CustodyStatus::from_str(&r.get::<_, String>(5)?),
                    is_example: r.get(6)?,
                    updated_at: r.get(7)?,
                    deleted_at: r.get(8)?,
                    next_hearing: r.get(10)?,
                    next_due: None,
                },
                r.get::<_, String>(9)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves the case to the Deleted list. `typed_name` must be the case's
    /// record name (accents, case and spacing aside): deleting takes intent.
    pub fn delete_case(&mut self, id: &str, typed_name: &str) -> Result<()> {
        let case = self.case(id)?;
        confirm_name(&case, typed_name)?;
        self.conn().execute(
            "UPDATE cases SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now()],
        )?;
        Ok(())
    }

    /// Records that the case was checked with the immigration court's
    /// automated line today (where the court sits).
    pub fn mark_checked_with_court(&mut self, id: &str) -> Result<Case> {
        let case = self.case(id)?;
        let today = crate::deadline::court_today(&case.court_time_zone).to_string();
        self.conn().execute(
            "UPDATE cases SET checked_with_court_on = ?2 WHERE id = ?1",
            params![id, today],
        )?;
        self.case(id)
    }

    /// Brings a case back from the Deleted list.
    pub fn restore_case(&mut self, id: &str) -> Result<Case> {
        let changed = self.conn().execute(
            "UPDATE cases SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        self.case(id)
    }

    /// Erases a case from the Deleted list for good, at once: its rows
    /// (overwritten on disk: `secure_delete`), its entries in the search
    /// index (with the index's own secure-delete, then merged), the photos,
    /// signed PDFs and scans that no other case names (originals and every
    /// copy made from them), any copy of the database kept from a schema
    /// update, and the write-ahead log (checkpointed and truncated), so no
    /// file in the data folder holds the case afterwards.
    pub fn erase_case(&mut self, id: &str, typed_name: &str) -> Result<()> {
        let case = self.case(id)?;
        if case.deleted_at.is_none() {
            return Err(Error::NotDeleted);
        }
        confirm_name(&case, typed_name)?;
        let own = self.case_hashes(id)?;
        let tx = self.conn.savepoint()?;
        super::search::secure_delete_on(&tx)?;
        tx.execute("DELETE FROM cases WHERE id = ?1", [id])?;
        // Entries deleted before secure-delete was on (earlier edits of the
        // case's text) linger in the index's segments until they are merged;
        // merging now lets secure_delete overwrite them.
        tx.execute(
            "INSERT INTO search_text (search_text) VALUES ('optimize')",
            [],
        )?;
        tx.commit()?;
        if let (Some(dir), Some(keys)) = (self.dir.clone(), self.keys.clone()) {
            let named = self.referenced_hashes()?;
            let blobs = crate::BlobStore::open(&dir, &keys)?;
            for hash in own.difference(&named) {
                blobs.remove(hash)?;
            }
            super::migrate::remove_copies(&dir.join(super::MIGRATION_BACKUPS))?;
        }
        self.checkpoint()
    }

    /// Moves every page of the write-ahead log into the database and
    /// truncates the log to nothing, so erased rows live on in neither.
    fn checkpoint(&self) -> Result<()> {
        let _: (i64, i64, i64) =
            self.conn()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        Ok(())
    }
}

fn confirm_name(case: &Case, typed: &str) -> Result<()> {
    let normal = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    if normal(typed) != normal(&case.person.record_name) {
        return Err(Error::NameMismatch);
    }
    Ok(())
}

/// Writes every column and child row of a validated case.
fn write_case(tx: &Connection, id: &str, c: &CaseDraft, stamp: &str) -> Result<()> {
    let p = &c.person;
    let a_number = ANumber::parse(&p.a_number).ok();
    let search_key = fold(
        &[p.record_name.as_str(), p.used_name.as_str()]
            .into_iter()
            .chain(p.aliases.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    tx.execute(
        "UPDATE cases SET
            record_name = ?2, used_name = ?3, pronouns = ?4, aliases = ?5, birth_date = ?6,
            country_of_birth = ?7, nationality = ?8, languages = ?9, needs_interpreter = ?10,
            a_number = ?11, custody_status = ?12, facility = ?13, detained_since = ?14,
            removed_to = ?15, removed_on = ?16, attorney_name = ?17, attorney_eoir_id = ?18,
            notes = ?19, search_key = ?20, updated_at = ?21, court_time_zone = ?22,
            facility_phone = ?23, detainee_id = ?24, officer = ?25, bond = ?26,
            attorney_phone = ?27
         WHERE id = ?1",
        params![
            id,
            p.record_name,
            p.used_name,
            p.pronouns,
            serde_json::to_string(&p.aliases).unwrap_or_else(|_| "[]".into()),
            p.birth_date.map(|d| d.encode()),
            p.country_of_birth,
            p.nationality,
            serde_json::to_string(&p.languages).unwrap_or_else(|_| "[]".into()),
            p.needs_interpreter,
            a_number.as_ref().map(ANumber::digits),
            c.custody.status.as_str(),
            c.custody.facility,
            c.custody.detained_since.map(|d| d.encode()),
            c.custody.removed_to,
            c.custody.removed_on.map(|d| d.encode()),
            c.attorney.name,
            c.attorney.eoir_id,
            c.notes,
            search_key,
            stamp,
            c.court_time_zone,
            c.custody.facility_phone,
            c.custody.detainee_id,
            c.custody.officer,
            c.custody.bond,
            c.attorney.phone,
        ],
    )?;

    tx.execute("DELETE FROM detention_transfers WHERE case_id = ?1", [id])?;
    for (position, t) in c.custody.transfers.iter().enumerate() {
        tx.execute(
            "INSERT INTO detention_transfers (case_id, position, facility, date)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, position as i64, t.facility, t.date.map(|d| d.encode())],
        )?;
    }

    // Hearings keep their ids across edits; an id that is not this case's is
    // replaced, so a draft can never reach into another case.
    let mut known = tx.prepare("SELECT id FROM hearings WHERE case_id = ?1")?;
    let own: Vec<String> = known
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM hearings WHERE case_id = ?1", [id])?;
    for h in &c.hearings {
        let hearing_id = if own.contains(&h.id) {
            h.id.clone()
        } else {
            uuid::Uuid::now_v7().to_string()
        };
        tx.execute(
            "INSERT INTO hearings (id, case_id, date, time, court, judge, kind, mode)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                hearing_id,
                id,
                h.date,
                h.time,
                h.court,
                h.judge,
                kind_str(h.kind),
                mode_str(h.mode)
            ],
        )?;
    }
    Ok(())
}

fn case_from_row(r: &Row<'_>) -> rusqlite::Result<Case> {
    let list = |col: &str| -> rusqlite::Result<Vec<String>> {
        let text: String = r.get(col)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    Ok(Case {
        id: r.get("id")?,
        person: Person {
            record_name: r.get("record_name")?,
            used_name: r.get("used_name")?,
            pronouns: r.get("pronouns")?,
            aliases: list("aliases")?,
            birth_date: remembered(r.get("birth_date")?),
            country_of_birth: r.get("country_of_birth")?,
            nationality: r.get("nationality")?,
            languages: list("languages")?,
            needs_interpreter: r.get("needs_interpreter")?,
            a_number: a_number_display(r.get("a_number")?),
        },
        custody: Custody {
            status: CustodyStatus::from_str(&r.get::<_, String>("custody_status")?),
            facility: r.get("facility")?,
            facility_phone: r.get("facility_phone")?,
            detainee_id: r.get("detainee_id")?,
            officer: r.get("officer")?,
            bond: r.get("bond")?,
            detained_since: remembered(r.get("detained_since")?),
            transfers: Vec::new(),
            removed_to: r.get("removed_to")?,
            removed_on: remembered(r.get("removed_on")?),
        },
        hearings: Vec::new(),
        attorney: Attorney {
            name: r.get("attorney_name")?,
            eoir_id: r.get("attorney_eoir_id")?,
            phone: r.get("attorney_phone")?,
        },
        notes: r.get("notes")?,
        court_time_zone: r.get("court_time_zone")?,
        checked_with_court_on: r.get("checked_with_court_on")?,
        is_example: r.get("is_example")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        deleted_at: r.get("deleted_at")?,
    })
}

fn remembered(text: Option<String>) -> Option<RememberedDate> {
    text.as_deref().and_then(RememberedDate::decode)
}

fn a_number_display(digits: Option<String>) -> String {
    digits
        .as_deref()
        .and_then(ANumber::from_stored)
        .map(|n| n.to_string())
        .unwrap_or_default()
}

fn kind_str(kind: HearingKind) -> &'static str {
    match kind {
        HearingKind::Master => "master",
        HearingKind::Individual => "individual",
        HearingKind::Bond => "bond",
        HearingKind::Other => "other",
    }
}

fn kind_from(text: &str) -> HearingKind {
    match text {
        "individual" => HearingKind::Individual,
        "bond" => HearingKind::Bond,
        "other" => HearingKind::Other,
        _ => HearingKind::Master,
    }
}

fn mode_str(mode: HearingMode) -> &'static str {
    match mode {
        HearingMode::Unknown => "unknown",
        HearingMode::InPerson => "inPerson",
        HearingMode::Video => "video",
    }
}

fn mode_from(text: &str) -> HearingMode {
    match text {
        "inPerson" => HearingMode::InPerson,
        "video" => HearingMode::Video,
        _ => HearingMode::Unknown,
    }
}
