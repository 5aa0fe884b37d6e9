//! Parsers of what a person types or a USB stick brings, for the fuzz
//! targets in `fuzz/` (compiled only under `cfg(fuzzing)`, which
//! cargo-fuzz sets).

/// The files a backup's `SHA256SUMS` lists, by path, when Amparo accepts
/// the list.
pub fn backup_list(sums: &str) -> Option<Vec<String>> {
    crate::backup_check::parse_sums(sums)
        .ok()
        .map(|listed| listed.into_keys().collect())
}
