//! The TypeScript types committed for the UI must be what the Rust types
//! generate today (from every crate whose types cross to the window). Run
//! `make bindings` to refresh them.

use std::fs;
use std::path::Path;

#[test]
fn committed_typescript_bindings_are_current() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
    let fresh = tempfile::tempdir().expect("temp dir");
    export(fresh.path());
    if std::env::var_os("AMPARO_WRITE_BINDINGS").is_some() {
        let _ = fs::remove_dir_all(&committed);
        export(&committed);
        return;
    }
    let names = |dir: &Path| -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .map(|d| {
                d.map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    assert_eq!(
        names(&committed),
        names(fresh.path()),
        "the set of binding files differs: run `make bindings`"
    );
    for name in names(fresh.path()) {
        let want = fs::read_to_string(fresh.path().join(&name)).expect("fresh");
        let have = fs::read_to_string(committed.join(&name)).expect("committed");
        assert_eq!(
            have, want,
            "ui/src/bindings/{name} is stale: run `make bindings`"
        );
    }
}

fn export(dir: &Path) {
    amparo_core::export_bindings(dir).expect("export core bindings");
    amparo_media::export_bindings(dir).expect("export media bindings");
    amparo_print::export_bindings(dir).expect("export print bindings");
    amparo_ops::export_bindings(dir).expect("export the operations");
    // The country codes the place-of-signing picker offers, from the list
    // the core checks against; the window names them with Intl.DisplayNames.
    let codes: Vec<&str> = amparo_core::COUNTRIES
        .iter()
        .map(|(code, _)| *code)
        .collect();
    fs::write(
        dir.join("countryCodes.json"),
        serde_json::to_string(&codes).expect("json") + "\n",
    )
    .expect("write country codes");
}
