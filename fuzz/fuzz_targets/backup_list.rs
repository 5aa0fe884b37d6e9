//! A backup's `SHA256SUMS` from a USB stick anyone may have held: what is
//! accepted names only files inside the backup, each once.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|sums: &str| {
    if let Some(names) = amparo_core::fuzzing::backup_list(sums) {
        for name in &names {
            assert!(!name.starts_with('/'), "{name:?}");
            assert!(
                !name.split('/').any(|p| p.is_empty() || p == "." || p == ".."),
                "{name:?}"
            );
        }
    }
});
