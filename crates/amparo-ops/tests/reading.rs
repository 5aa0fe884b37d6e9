//! The window's reads do not wait for a long import: lists, cases and
//! searches are answered from a second, read-only connection while the
//! import holds the writing one, and they see each photo as soon as it is
//! filed; after a restore they read the restored data; and closing leaves
//! no write-ahead log behind.

use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use amparo_core::vault::KdfCost;
use amparo_ops::{Reach, Slot};
use serde_json::{Value, json};

fn call(slot: &Slot, op: &str, input: Value) -> Value {
    slot.call(op, input, Reach::Host, &|_| {})
        .unwrap_or_else(|e| panic!("{op}: {:?}", amparo_core::ErrorPayload::from(e)))
}

fn names(cases: &Value) -> Vec<String> {
    cases
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| c["recordName"].as_str().expect("name").to_owned())
        .collect()
}

fn picture(dir: &std::path::Path, n: u8) -> String {
    let path = dir.join(format!("IMG_{n}.jpg"));
    image::RgbImage::from_fn(640, 480, |x, y| image::Rgb([x as u8, y as u8, n]))
        .save(&path)
        .expect("picture");
    path.to_string_lossy().into_owned()
}

#[test]
fn cases_are_listed_while_an_import_holds_the_store_and_see_what_it_filed() {
    let dir = tempfile::tempdir().expect("dir");
    let slot = Arc::new(Slot::open_with_cost(
        Ok(dir.path().join("data")),
        KdfCost::WEAK_FOR_TESTS,
    ));
    call(
        &slot,
        "create_vault",
        json!({ "passphrase": "corona de mamá" }),
    );
    let mut draft = amparo_core::CaseDraft::default();
    draft.person.record_name = "Rivas Moreno, Jesús Alberto".into();
    let case = call(&slot, "create_case", json!({ "draft": draft }));
    let case_id = case["id"].as_str().expect("id").to_owned();
    let paths = vec![picture(dir.path(), 1), picture(dir.path(), 2)];

    // The import stops after each photo it files until told to go on.
    let (filed, at_photo) = channel::<()>();
    let (go_on, wait) = channel::<()>();
    let wait: Arc<Mutex<Receiver<()>>> = Arc::new(Mutex::new(wait));
    let importer = {
        let slot = Arc::clone(&slot);
        let case_id = case_id.clone();
        std::thread::spawn(move || {
            let filed = Mutex::new(filed);
            slot.call(
                "import_photos",
                json!({ "caseId": case_id, "paths": paths }),
                Reach::Host,
                &move |_| {
                    let _ = filed.lock().expect("filed").send(());
                    let _ = wait
                        .lock()
                        .expect("wait")
                        .recv_timeout(Duration::from_secs(60));
                },
            )
        })
    };
    at_photo
        .recv_timeout(Duration::from_secs(60))
        .expect("the import filed its first photo");

    // The import holds the store now; a list and a photo page must come.
    let (answer, answered) = channel();
    let reads = {
        let slot = Arc::clone(&slot);
        let case_id = case_id.clone();
        std::thread::spawn(move || {
            let listed = call(&slot, "list_cases", json!({ "query": "" }));
            let page = call(
                &slot,
                "list_photos",
                json!({ "caseId": case_id, "offset": 0, "limit": 50 }),
            );
            let _ = answer.send((listed, page));
        })
    };
    let (listed, page) = answered
        .recv_timeout(Duration::from_secs(20))
        .expect("the reads were answered while the import held the store");
    assert_eq!(names(&listed), ["Rivas Moreno, Jesús Alberto"]);
    assert_eq!(page["total"], 1, "the photo already filed is seen");

    for _ in 0..2 {
        let _ = go_on.send(());
    }
    let summary = importer.join().expect("import").expect("imported");
    assert_eq!(summary["imported"], 2);
    let page = call(
        &slot,
        "list_photos",
        json!({ "caseId": case_id, "offset": 0, "limit": 50 }),
    );
    assert_eq!(page["total"], 2);

    // A restore replaces the database file; reads follow it.
    let usb = tempfile::tempdir().expect("usb");
    let backup = call(
        &slot,
        "back_up_into",
        json!({ "folder": usb.path().to_string_lossy() }),
    );
    let mut later = amparo_core::CaseDraft::default();
    later.person.record_name = "Moreno, Ana".into();
    call(&slot, "create_case", json!({ "draft": later }));
    assert_eq!(
        names(&call(&slot, "list_cases", json!({ "query": "" }))).len(),
        2
    );
    call(
        &slot,
        "restore_backup_from",
        json!({ "folder": backup["folder"] }),
    );
    assert_eq!(
        names(&call(&slot, "list_cases", json!({ "query": "" }))),
        ["Rivas Moreno, Jesús Alberto"]
    );

    // Closed, the writer goes last: it moves the log into the database and
    // removes it, which a reader closing last would not.
    reads.join().expect("reads");
    drop(Arc::into_inner(slot).expect("the only slot left"));
    let data = dir.path().join("data");
    for side in ["amparo.sqlite3-wal", "amparo.sqlite3-shm"] {
        assert!(!data.join(side).exists(), "{side} left behind");
    }
}
