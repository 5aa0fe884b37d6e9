//! The printed legal sentences, as settings a lawyer can change.

use std::collections::HashMap;

use super::Store;
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::wording::{DEFAULT_WORDING, WordingEntry, default_wording};

const PREFIX: &str = "wording.";

impl Store {
    /// Every printed sentence, as it prints now.
    pub fn wording(&self) -> Result<Vec<WordingEntry>> {
        DEFAULT_WORDING
            .iter()
            .map(|(key, source, names, text)| {
                Ok(WordingEntry {
                    key: (*key).to_owned(),
                    text: self
                        .setting(&format!("{PREFIX}{key}"))?
                        .unwrap_or_else(|| (*text).to_owned()),
                    default_text: (*text).to_owned(),
                    source: *source,
                    placeholders: names.iter().map(|n| (*n).to_owned()).collect(),
                })
            })
            .collect()
    }

    /// The printed sentences by key.
    pub fn wording_map(&self) -> Result<HashMap<String, String>> {
        Ok(self
            .wording()?
            .into_iter()
            .map(|e| (e.key, e.text))
            .collect())
    }

    /// Changes a printed sentence; an empty text restores the built-in one.
    pub fn set_wording(&mut self, key: &str, text: &str) -> Result<Vec<WordingEntry>> {
        if default_wording(key).is_none() {
            return Err(Error::Invalid(vec![FieldError::new(
                key,
                FieldProblem::Unknown,
            )]));
        }
        let text = text.trim();
        if text.chars().count() > 5_000 {
            return Err(Error::Invalid(vec![FieldError::new(
                key,
                FieldProblem::TooLong,
            )]));
        }
        if text.is_empty() {
            self.conn().execute(
                "DELETE FROM settings WHERE key = ?1",
                [format!("{PREFIX}{key}")],
            )?;
        } else {
            self.put_setting(&format!("{PREFIX}{key}"), text)?;
        }
        self.wording()
    }
}
