//! Opening a case file against importing the same photos, in one run.
//!
//!     bench_open --folder DIR [--photos 200]
//!
//! DIR holds the 12-megapixel JPEGs `bench_import` generates
//! (`photo-NNNN.jpg`). The mother's Amparo imports the first N of them into
//! a case (timed), sends the case to the advocate's code, and the
//! advocate's Amparo opens the case file in a process of its own (timed:
//! decrypt, check every item, keep the originals, make thumbnails and view
//! copies from them, take the records). Then the same for a quarter of the
//! photos, to show that the opening's peak memory does not grow with the
//! file: each opening process reports its own peak (VmHWM).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use amparo_casefile::{DeviceKeys, Mode, SendTo, open_case_file, send_case};
use amparo_core::{BlobStore, CaseDraft, Keys, Store};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let (Some(file), Some(data)) = (value("--open-only"), value("--data")) {
        open_only(Path::new(&file), Path::new(&data));
        return;
    }
    let folder = PathBuf::from(value("--folder").expect("--folder DIR"));
    let count: usize = value("--photos")
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    for n in [count, count / 4] {
        run(&folder, n);
    }
}

fn run(folder: &Path, count: usize) {
    let photos: Vec<PathBuf> = (0..count)
        .map(|i| folder.join(format!("photo-{i:04}.jpg")))
        .collect();
    assert!(
        photos.iter().all(|p| p.exists()),
        "run bench_import --photos {count} --folder {} first",
        folder.display()
    );
    let mother = tempfile::tempdir().expect("mother");
    let advocate = tempfile::tempdir().expect("advocate");
    let mut store = Store::open(mother.path(), &Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(mother.path(), &Keys::fixed_for_tests()).expect("blobs");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Benchmark".into();
    let case_id = store.create_case(&draft).expect("case").id;

    let started = Instant::now();
    let summary = amparo_media::import_photos(
        &mut store,
        &blobs,
        &case_id,
        &photos,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    let import = started.elapsed().as_secs_f64();
    assert_eq!(summary.imported as usize, count);

    let mut theirs = Store::open(advocate.path(), &Keys::fixed_for_tests()).expect("store");
    let code = DeviceKeys::of(&mut theirs).expect("keys").code();
    drop(theirs);
    let contact = store
        .add_contact("Advocate", &code.signing_key, &code.encryption_key)
        .expect("contact");
    let out = tempfile::tempdir().expect("out");
    let file = out.path().join("Case.amparo");
    let started = Instant::now();
    let sent = send_case(
        &mut store,
        &blobs,
        &case_id,
        &SendTo::Contacts(vec![contact]),
        &file,
    )
    .expect("send");
    let send = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let child = Command::new(std::env::current_exe().expect("self"))
        .arg("--open-only")
        .arg(&file)
        .arg("--data")
        .arg(advocate.path())
        .output()
        .expect("open in a process of its own");
    let open = started.elapsed().as_secs_f64();
    assert!(
        child.status.success(),
        "{}",
        String::from_utf8_lossy(&child.stderr)
    );
    let peak = String::from_utf8_lossy(&child.stdout).trim().to_owned();

    println!(
        "{count} photos, case file {:.0} MB: import {:.2} photos/s ({import:.1} s), send {send:.1} s, open {:.2} photos/s ({open:.1} s, process start included), open peak memory {peak}",
        sent.bytes as f64 / 1e6,
        count as f64 / import,
        count as f64 / open
    );
    println!("  ratio open / import: {:.2}", import / open);
}

/// Opens `file` into the data folder `data` and prints this process's peak
/// resident memory.
fn open_only(file: &Path, data: &Path) {
    let mut store = Store::open(data, &Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(data, &Keys::fixed_for_tests()).expect("blobs");
    open_case_file(&mut store, &blobs, file, None, Mode::Open).expect("open");
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        .unwrap_or_default();
    println!("{peak}");
}
