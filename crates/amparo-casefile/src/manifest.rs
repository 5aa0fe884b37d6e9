//! The manifest: the signed list of everything a case file holds, with who
//! sent it and when. Nothing in a case file is taken unless the manifest's
//! signature verifies and the item is exactly what the manifest says.

use amparo_core::{SCHEMA_VERSION, is_sha256_hex};
use serde::{Deserialize, Serialize};

use crate::error::{CaseFileError, Result};

/// The format's name, first in every manifest.
pub const FORMAT: &str = "amparo-case-file";
/// The format's version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// The manifest's name inside the archive, and its signature's.
pub const MANIFEST_NAME: &str = "manifest.json";
/// The minisign signature of the manifest.
pub const SIGNATURE_NAME: &str = "manifest.json.minisig";
/// The case's records.
pub const ROWS_NAME: &str = "case.json";
/// Where stored files go: `files/<sha256>`.
pub const FILES_DIR: &str = "files/";

/// The largest manifest read (about 200,000 items).
pub const MAX_MANIFEST_BYTES: u64 = 32 << 20;
/// The largest signature read.
pub const MAX_SIGNATURE_BYTES: u64 = 4 << 10;
/// The largest case records read.
pub const MAX_ROWS_BYTES: u64 = 256 << 20;
/// The largest single file (a photo, a signed PDF, a scan).
pub const MAX_ITEM_BYTES: u64 = 1 << 30;
/// The most a case file may hold in all.
pub const MAX_TOTAL_BYTES: u64 = 32 << 30;
/// The most items a case file may hold.
pub const MAX_ITEMS: usize = 100_000;

/// What a case file holds, signed by its sender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format's version.
    pub version: u32,
    /// The schema version of the case's records.
    pub schema_version: i64,
    /// The case's id.
    pub case_id: String,
    /// Who sent it.
    pub sender: Sender,
    /// This case file's number among its sender's case files of this case.
    pub sequence: u64,
    /// When it was made (UTC, RFC 3339).
    pub created_at: String,
    /// The case file this one adds to, when it carries only what changed;
    /// `null` for a whole case (the only kind written so far).
    pub follows: Option<String>,
    /// Every item, in the order the archive holds them.
    pub items: Vec<Item>,
}

/// The sender's public keys and the name their device gives itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Sender {
    /// The name the sending device gives itself (not checked by anyone).
    pub name: String,
    /// The key the manifest is signed with (minisign's base64 form).
    pub signing_key: String,
    /// The key case files for the sender are encrypted to (`age1…`).
    pub encryption_key: String,
}

/// One item: its place in the archive, SHA-256 and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Item {
    /// `case.json`, or `files/<sha256>`.
    pub path: String,
    /// The SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

impl Item {
    /// The item in words, for a message that names it.
    pub fn describe(&self) -> String {
        if self.path == ROWS_NAME {
            "the case's records".to_owned()
        } else {
            format!(
                "the stored file {}",
                &self.sha256[..12.min(self.sha256.len())]
            )
        }
    }

    /// The stored file's hash, for a `files/` item.
    pub fn file_hash(&self) -> Option<&str> {
        self.path.strip_prefix(FILES_DIR)
    }
}

impl Manifest {
    /// Refuses a manifest this build cannot read or that names anything
    /// but the case's records and its stored files.
    pub fn check(&self) -> Result<()> {
        if self.format != FORMAT || self.version != FORMAT_VERSION {
            return Err(CaseFileError::Damaged(format!(
                "its format is \"{}\" version {}",
                self.format, self.version
            )));
        }
        if self.schema_version > SCHEMA_VERSION {
            return Err(CaseFileError::Newer {
                found: self.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        if uuid::Uuid::parse_str(&self.case_id).is_err() {
            return Err(CaseFileError::Damaged("its case has no valid id".into()));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(CaseFileError::TooLarge(format!(
                "{} items, at most {MAX_ITEMS}",
                self.items.len()
            )));
        }
        if self.items.first().is_none_or(|i| i.path != ROWS_NAME) {
            return Err(CaseFileError::Damaged(
                "its records do not come first".into(),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        let mut total: u64 = 0;
        for item in &self.items {
            check_path(item)?;
            if !seen.insert(item.path.as_str()) {
                return Err(CaseFileError::Damaged(format!(
                    "it lists {} twice",
                    item.path
                )));
            }
            let limit = if item.path == ROWS_NAME {
                MAX_ROWS_BYTES
            } else {
                MAX_ITEM_BYTES
            };
            if item.size > limit {
                return Err(CaseFileError::TooLarge(format!(
                    "{} is {} bytes, at most {limit}",
                    item.describe(),
                    item.size
                )));
            }
            total = total.saturating_add(item.size);
        }
        if total > MAX_TOTAL_BYTES {
            return Err(CaseFileError::TooLarge(format!(
                "{total} bytes in all, at most {MAX_TOTAL_BYTES}"
            )));
        }
        Ok(())
    }
}

/// An item's path is `case.json` or `files/` and its own hash: nothing
/// else can be named, so no path can leave the case.
fn check_path(item: &Item) -> Result<()> {
    if !is_sha256_hex(&item.sha256) {
        return Err(CaseFileError::Damaged(format!(
            "{} has no valid SHA-256",
            item.path
        )));
    }
    let allowed = item.path == ROWS_NAME || item.file_hash() == Some(item.sha256.as_str());
    if allowed {
        Ok(())
    } else {
        Err(CaseFileError::UnsafePath(item.path.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(paths: &[&str]) -> Manifest {
        let hash = "ab".repeat(32);
        Manifest {
            format: FORMAT.into(),
            version: FORMAT_VERSION,
            schema_version: SCHEMA_VERSION,
            case_id: "0190f0c2-7a4e-7c39-9d5e-1a2b3c4d5e6f".into(),
            sender: Sender {
                name: "Rosa".into(),
                signing_key: String::new(),
                encryption_key: String::new(),
            },
            sequence: 1,
            created_at: "2026-12-02T10:00:00Z".into(),
            follows: None,
            items: paths
                .iter()
                .map(|p| Item {
                    path: p.replace("HASH", &hash),
                    sha256: hash.clone(),
                    size: 10,
                })
                .collect(),
        }
    }

    #[test]
    fn only_the_records_and_files_named_by_their_hash_are_allowed() {
        assert!(manifest(&["case.json", "files/HASH"]).check().is_ok());
        for bad in [
            "../HASH",
            "/etc/HASH",
            "files/../../HASH",
            "files/HASH/..",
            "files\\HASH",
            "files/HASH.jpg",
            "./files/HASH",
        ] {
            match manifest(&["case.json", bad]).check() {
                Err(CaseFileError::UnsafePath(path)) => {
                    assert!(path.contains("HASH") || path.contains("ab"), "{path}")
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_newer_schema_too_many_bytes_or_a_listed_twice_item_is_refused() {
        let mut newer = manifest(&["case.json"]);
        newer.schema_version = SCHEMA_VERSION + 1;
        assert!(matches!(newer.check(), Err(CaseFileError::Newer { .. })));
        let mut huge = manifest(&["case.json", "files/HASH"]);
        huge.items[1].size = MAX_ITEM_BYTES + 1;
        assert!(matches!(huge.check(), Err(CaseFileError::TooLarge(_))));
        let twice = manifest(&["case.json", "files/HASH", "files/HASH"]);
        assert!(matches!(twice.check(), Err(CaseFileError::Damaged(_))));
    }
}
