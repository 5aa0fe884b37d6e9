//! Preferences of this installation: the language of the window, whether
//! the first-start notice has been read, when an idle window locks, how
//! large the window's text is, and who uses it (a family, or an advocate).

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use crate::error::{Error, FieldError, FieldProblem, Result};

/// What the window remembers between starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// `en` or `es`; `None` until the user picks one.
    pub locale: Option<String>,
    /// True once the first-start notice (not legal advice, what the lock
    /// protects, where to find legal help) has been read and closed.
    pub notice_read: bool,
    /// Minutes without use after which the window locks itself; 0: never.
    pub lock_after_minutes: u32,
    /// The window's size, in percent of the normal one (one of
    /// [`TEXT_SIZE_CHOICES`]).
    pub text_size_percent: u32,
    /// Who uses this Amparo; `None` until chosen (the window then shows
    /// everything, as an advocate's).
    pub use_mode: Option<UseMode>,
}

/// Who uses this Amparo. A family sees plain questions and sensible
/// defaults, with the legal settings (signing mode, caption, service, page
/// numbering) folded away; an advocate sees every setting. Either can be
/// changed at any time; nothing stored changes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum UseMode {
    /// A family member.
    Family,
    /// An advocate, a paralegal or a lawyer.
    Advocate,
}

/// The sizes the window offers, in percent: up to twice the normal size,
/// for someone who reads with difficulty on an old laptop's screen.
pub const TEXT_SIZE_CHOICES: [u32; 5] = [100, 125, 150, 175, 200];

/// The normal size.
pub const TEXT_SIZE_DEFAULT: u32 = 100;

/// The idle times the window offers, in minutes (0: never).
pub const LOCK_AFTER_CHOICES: [u32; 6] = [1, 5, 15, 30, 60, 0];

/// The idle time of a new installation: long enough to write a paragraph
/// without being interrupted, short enough for a shared computer.
pub const LOCK_AFTER_DEFAULT: u32 = 15;

const LOCALE: &str = "locale";
const NOTICE_READ: &str = "notice_read";
const LOCK_AFTER: &str = "lock_after_minutes";
const TEXT_SIZE: &str = "text_size_percent";
const USE_MODE: &str = "use_mode";

impl Store {
    /// The stored preferences.
    pub fn preferences(&self) -> Result<Preferences> {
        Ok(Preferences {
            locale: self.setting(LOCALE)?,
            notice_read: self.setting(NOTICE_READ)?.as_deref() == Some("1"),
            lock_after_minutes: self.choice(LOCK_AFTER, &LOCK_AFTER_CHOICES, LOCK_AFTER_DEFAULT)?,
            text_size_percent: self.choice(TEXT_SIZE, &TEXT_SIZE_CHOICES, TEXT_SIZE_DEFAULT)?,
            use_mode: match self.setting(USE_MODE)?.as_deref() {
                Some("family") => Some(UseMode::Family),
                Some("advocate") => Some(UseMode::Advocate),
                _ => None,
            },
        })
    }

    /// Remembers who uses this Amparo.
    pub fn set_use_mode(&mut self, mode: UseMode) -> Result<Preferences> {
        let value = match mode {
            UseMode::Family => "family",
            UseMode::Advocate => "advocate",
        };
        self.put_setting(USE_MODE, value)?;
        self.preferences()
    }

    /// Remembers the window's size (one of [`TEXT_SIZE_CHOICES`]).
    pub fn set_text_size(&mut self, percent: u32) -> Result<Preferences> {
        self.put_choice(TEXT_SIZE, percent, &TEXT_SIZE_CHOICES, "textSizePercent")
    }

    /// Remembers after how many idle minutes the window locks (one of
    /// [`LOCK_AFTER_CHOICES`]).
    pub fn set_lock_after(&mut self, minutes: u32) -> Result<Preferences> {
        self.put_choice(LOCK_AFTER, minutes, &LOCK_AFTER_CHOICES, "lockAfterMinutes")
    }

    /// The setting `key` when it is one of `choices`, else `default`.
    fn choice(&self, key: &str, choices: &[u32], default: u32) -> Result<u32> {
        Ok(self
            .setting(key)?
            .and_then(|v| v.parse().ok())
            .filter(|v| choices.contains(v))
            .unwrap_or(default))
    }

    /// Remembers `value` as `key`, refused (naming `field`) unless it is one
    /// of `choices`.
    fn put_choice(
        &mut self,
        key: &str,
        value: u32,
        choices: &[u32],
        field: &str,
    ) -> Result<Preferences> {
        if !choices.contains(&value) {
            return Err(Error::Invalid(vec![FieldError::new(
                field,
                FieldProblem::Unknown,
            )]));
        }
        self.put_setting(key, &value.to_string())?;
        self.preferences()
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
