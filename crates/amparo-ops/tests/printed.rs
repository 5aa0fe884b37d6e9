//! PDFs written for the system viewer: into a folder only this user can
//! open, named by what they hold, and gone when the window closes and again
//! when it starts (a crash or a power cut must not leave a declaration
//! lying there until the next session).

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use amparo_ops::{Reach, Slot};
use serde_json::{Value, json};

fn call(slot: &Slot, op: &str, input: Value) -> Value {
    slot.call(op, input, Reach::Host, &|_| {})
        .unwrap_or_else(|e| panic!("{op}: {}", amparo_core::ErrorPayload::from(e).message))
}

/// A slot on a fresh data folder holding the example case, and the case id.
fn example() -> (tempfile::TempDir, Slot, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (slot, id) = example_in(dir.path());
    (dir, slot, id)
}

/// [`example`] in the data folder `dir`.
fn example_in(dir: &Path) -> (Slot, String) {
    let slot = Slot::open_with_cost(
        Ok(dir.to_path_buf()),
        amparo_core::vault::KdfCost::WEAK_FOR_TESTS,
    );
    call(
        &slot,
        "create_vault",
        json!({ "passphrase": "frase de prueba larga" }),
    );
    let case = call(&slot, "add_example_case", json!({}));
    let id = case["id"].as_str().expect("case id").to_owned();
    (slot, id)
}

/// Prints every statement of the case and its packet for the viewer; the
/// files written.
fn print_for_viewer(slot: &Slot, case_id: &str) -> Vec<PathBuf> {
    let mut written = Vec::new();
    let statements = call(slot, "list_statements", json!({ "caseId": case_id }));
    for statement in statements.as_array().expect("statements") {
        let path = call(
            slot,
            "print_statement_for_viewer",
            json!({ "id": statement["id"], "purpose": "draft" }),
        );
        written.push(PathBuf::from(path.as_str().expect("path")));
    }
    let parts = call(
        slot,
        "print_packet_for_viewer",
        json!({ "caseId": case_id, "purpose": "draft" }),
    );
    for part in parts.as_array().expect("packet parts") {
        written.push(PathBuf::from(part.as_str().expect("path")));
    }
    written
}

fn printed(dir: &Path) -> PathBuf {
    dir.join(amparo_ops::files::PRINTED)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn pdfs_for_the_viewer_go_to_a_folder_only_this_user_can_open() {
    let (dir, slot, case_id) = example();
    let written = print_for_viewer(&slot, &case_id);
    assert!(
        written.len() >= 3,
        "two declarations and a packet: {written:?}"
    );
    for path in &written {
        assert_eq!(path.parent(), Some(printed(dir.path()).as_path()));
        assert!(path.is_file(), "{}", path.display());
        let name = path.file_name().expect("name").to_string_lossy();
        for who in ["Jes", "Rivas", "Moreno", "María", "000111222"] {
            assert!(!name.contains(who), "{who} in the file name {name}");
        }
    }
    assert_eq!(
        mode(&printed(dir.path())),
        0o700,
        "the printed folder is private"
    );
}

#[test]
fn a_folder_left_open_to_others_is_made_private_again() {
    let (dir, slot, case_id) = example();
    std::fs::create_dir(printed(dir.path())).expect("mkdir");
    std::fs::set_permissions(printed(dir.path()), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    print_for_viewer(&slot, &case_id);
    assert_eq!(mode(&printed(dir.path())), 0o700);
}

#[test]
fn printed_pdfs_are_removed_when_the_window_closes() {
    let (dir, slot, case_id) = example();
    let written = print_for_viewer(&slot, &case_id);
    assert!(written.iter().all(|p| p.is_file()));
    slot.clear_printed();
    assert!(
        !printed(dir.path()).exists(),
        "nothing printed is left after closing"
    );
    // Printing again after a clear works (the folder is made again).
    assert!(
        print_for_viewer(&slot, &case_id)
            .iter()
            .all(|p| p.is_file())
    );
}

/// Set in the child process that prints and then dies without closing.
const CRASH_IN: &str = "AMPARO_TEST_CRASH_IN";

#[test]
fn printed_pdfs_left_by_a_crash_are_removed_at_the_next_start() {
    if let Some(dir) = std::env::var_os(CRASH_IN) {
        // The child: the window prints, then its process dies without
        // closing (nothing of it runs after, its data folder lock goes with
        // the process).
        let (slot, case_id) = example_in(Path::new(&dir));
        print_for_viewer(&slot, &case_id);
        std::process::abort();
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let crashed = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "printed_pdfs_left_by_a_crash_are_removed_at_the_next_start",
        ])
        .env(CRASH_IN, dir.path())
        .output()
        .expect("child runs");
    assert!(!crashed.status.success(), "the child crashed");
    assert!(printed(dir.path()).exists(), "the crash left its PDFs");
    let next = Slot::open(Ok(dir.path().to_path_buf()));
    assert!(!next.in_use(), "the crashed process's hold went with it");
    next.tidy();
    assert!(!printed(dir.path()).exists());
}

#[test]
fn printed_pdfs_go_when_amparo_locks() {
    let (dir, slot, case_id) = example();
    print_for_viewer(&slot, &case_id);
    call(&slot, "lock", json!({}));
    assert!(
        !printed(dir.path()).exists(),
        "a locked Amparo leaves no plain PDF"
    );
}
