//! Preferences of this installation: the language of the window and whether
//! the first-start notice has been read.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::error::Result;

/// What the window remembers between starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// `en` or `es`; `None` until the user picks one.
    pub locale: Option<String>,
    /// True once the first-start notice (not legal advice, no encryption yet,
    /// where to find legal help) has been read and closed.
    pub notice_read: bool,
}

const LOCALE: &str = "locale";
const NOTICE_READ: &str = "notice_read";

impl Store {
    /// The stored preferences.
    pub fn preferences(&self) -> Result<Preferences> {
        Ok(Preferences {
            locale: self.setting(LOCALE)?,
            notice_read: self.setting(NOTICE_READ)?.as_deref() == Some("1"),
        })
    }

    /// Remembers the window's language.
    pub fn set_locale(&mut self, locale: &str) -> Result<Preferences> {
        let locale = if locale == "es" { "es" } else { "en" };
        self.put_setting(LOCALE, locale)?;
        self.preferences()
    }

    /// Remembers that the first-start notice was read.
    pub fn mark_notice_read(&mut self) -> Result<Preferences> {
        self.put_setting(NOTICE_READ, "1")?;
        self.preferences()
    }

    pub(super) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub(super) fn put_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}
