//! What the window is told about a preview and about scans of signed pages.

use serde::Serialize;
use ts_rs::TS;

/// A rendered preview: where its pages are served, and how many.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// Changes with every render, so the window never shows stale pages.
    pub token: String,
    /// Number of pages.
    pub pages: u32,
}

/// A scan or photo of signed pages, kept and ready to attach.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanAdded {
    /// SHA-256 of the original file.
    pub sha256: String,
    /// The file's name, for the list.
    pub file_name: String,
}
