//! What case files between Amparos need kept: this device's secret keys (in
//! the encrypted database only), the contacts whose Amparo code was added,
//! and the sequence numbers that order the case files of one case.
//!
//! The keys are opaque text here; making and using them is the case-file
//! crate's business.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::{Store, now};
use crate::error::{Error, FieldError, FieldProblem, Result};

/// The longest name a contact or this device may be given.
pub const CONTACT_NAME_MAX: usize = 120;

/// This device's keys as stored.
pub struct StoredIdentity {
    /// The name this device gives itself in the case files it sends.
    pub name: String,
    /// The signing key, in the form the case-file crate wrote it.
    pub signing_secret: Zeroizing<String>,
    /// The encryption key, in the form the case-file crate wrote it.
    pub encryption_secret: Zeroizing<String>,
}

/// Someone whose Amparo code was added: their public keys, under the name
/// this user gave them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    /// Stable id.
    pub id: String,
    /// The name given when the code was added ("Legal aid office, Ana").
    pub name: String,
    /// The public key their case files are signed with.
    pub signing_key: String,
    /// The public key case files for them are encrypted to.
    pub encryption_key: String,
    /// When the code was added (UTC).
    pub added_at: String,
}

/// A name for a contact or this device, trimmed, or the field's problem.
pub fn check_contact_name(name: &str) -> Result<String> {
    let trimmed = name.trim();
    let problem = if trimmed.is_empty() {
        Some(FieldProblem::Required)
    } else if trimmed.chars().count() > CONTACT_NAME_MAX {
        Some(FieldProblem::TooLong)
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::Invalid(vec![FieldError::new("name", problem)])),
        None => Ok(trimmed.to_owned()),
    }
}

impl Store {
    /// This device's keys, once made.
    pub fn device_identity(&self) -> Result<Option<StoredIdentity>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT name, signing_secret, encryption_secret FROM device_identity",
                [],
                |r| {
                    Ok(StoredIdentity {
                        name: r.get(0)?,
                        signing_secret: Zeroizing::new(r.get(1)?),
                        encryption_secret: Zeroizing::new(r.get(2)?),
                    })
                },
            )
            .optional()?)
    }

    /// Keeps this device's keys; keys already kept are never replaced (the
    /// contacts who hold this device's code would no longer recognise it).
    pub fn keep_device_identity(&mut self, identity: &StoredIdentity) -> Result<()> {
        self.conn().execute(
            "INSERT INTO device_identity (only_row, name, signing_secret, encryption_secret, created_at)
             VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (only_row) DO NOTHING",
            params![
                identity.name,
                identity.signing_secret.as_str(),
                identity.encryption_secret.as_str(),
                now()
            ],
        )?;
        Ok(())
    }

    /// Renames this device (the name its case files carry).
    pub fn rename_device(&mut self, name: &str) -> Result<String> {
        let name = check_contact_name(name)?;
        let changed = self
            .conn()
            .execute("UPDATE device_identity SET name = ?1", [&name])?;
        if changed == 0 {
            return Err(Error::NotFound("this device's keys".into()));
        }
        Ok(name)
    }

    /// Every contact, by name.
    pub fn contacts(&self) -> Result<Vec<Contact>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, name, signing_key, encryption_key, added_at FROM contacts
             ORDER BY name COLLATE NOCASE, added_at",
        )?;
        let rows = stmt
            .query_map([], contact_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The contact whose signing key is `signing_key`, if any.
    pub fn contact_by_signing_key(&self, signing_key: &str) -> Result<Option<Contact>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, name, signing_key, encryption_key, added_at FROM contacts
                 WHERE signing_key = ?1",
                [signing_key],
                contact_from_row,
            )
            .optional()?)
    }

    /// Adds a contact under `name`; the same keys added again are renamed,
    /// not doubled.
    pub fn add_contact(
        &mut self,
        name: &str,
        signing_key: &str,
        encryption_key: &str,
    ) -> Result<Contact> {
        let name = check_contact_name(name)?;
        let id = uuid::Uuid::now_v7().to_string();
        self.conn().execute(
            "INSERT INTO contacts (id, name, signing_key, encryption_key, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (signing_key) DO UPDATE SET name = excluded.name,
                 encryption_key = excluded.encryption_key",
            params![id, name, signing_key, encryption_key, now()],
        )?;
        self.contact_by_signing_key(signing_key)?
            .ok_or_else(|| Error::NotFound(signing_key.to_owned()))
    }

    /// Removes a contact (case files from them then show as from an
    /// unknown sender).
    pub fn remove_contact(&mut self, id: &str) -> Result<()> {
        let changed = self
            .conn()
            .execute("DELETE FROM contacts WHERE id = ?1", [id])?;
        if changed == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Takes the next sequence number for a case file of `case_id` (1 for
    /// the first). Taken even when the file is not written after all: a
    /// gap is harmless, a number used twice is not.
    pub fn next_case_file_sequence(&mut self, case_id: &str) -> Result<u64> {
        let sequence: i64 = self.conn().query_row(
            "INSERT INTO case_files_sent (case_id, sequence) VALUES (?1, 1)
             ON CONFLICT (case_id) DO UPDATE SET sequence = sequence + 1
             RETURNING sequence",
            [case_id],
            |r| r.get(0),
        )?;
        Ok(sequence.unsigned_abs())
    }

    /// The sequence number of the newest case file of `case_id` opened from
    /// the sender whose signing key is `signing_key`.
    pub fn last_opened_sequence(&self, signing_key: &str, case_id: &str) -> Result<Option<u64>> {
        let found: Option<i64> = self
            .conn()
            .query_row(
                "SELECT sequence FROM case_files_opened WHERE signing_key = ?1 AND case_id = ?2",
                [signing_key, case_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(found.map(i64::unsigned_abs))
    }
}

pub(crate) fn record_opened(
    conn: &rusqlite::Connection,
    signing_key: &str,
    case_id: &str,
    sequence: u64,
) -> Result<()> {
    let sequence = i64::try_from(sequence).map_err(|_| Error::Serialization("sequence".into()))?;
    conn.execute(
        "INSERT INTO case_files_opened (signing_key, case_id, sequence, opened_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (signing_key, case_id) DO UPDATE SET sequence = excluded.sequence,
             opened_at = excluded.opened_at",
        params![signing_key, case_id, sequence, now()],
    )?;
    Ok(())
}

fn contact_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        name: r.get(1)?,
        signing_key: r.get(2)?,
        encryption_key: r.get(3)?,
        added_at: r.get(4)?,
    })
}
