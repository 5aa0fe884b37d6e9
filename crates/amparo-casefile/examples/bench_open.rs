//! Opening a case file against importing the same photos, in one run.
//!
//!     bench_open --folder DIR [--photos 200] [--rounds 3]
//!
//! DIR holds the 12-megapixel JPEGs `bench_import` generates
//! (`photo-NNNN.jpg`). First, untimed, the mother's Amparo imports the first
//! N of them into a case and sends the case to the advocate's code. Then,
//! in rounds, each in a fresh process of its own after `sync`, taking turns
//! at going first: an import of the same photos into an empty data folder,
//! and the advocate's Amparo opening the case file (decrypt, check every
//! item, keep the originals, make thumbnails and view copies from them, take
//! the records). Each process times its own work and reports its peak
//! memory (VmHWM); the median of each is compared. Then the same once for a
//! quarter of the photos, to show that the opening's peak memory does not
//! grow with the file.
//!
//! Both decode pictures in sandboxed workers, as the window and `amparo`
//! do. Beside each time it prints the CPU time the whole machine spent
//! (from /proc/stat, workers included): on two cores both keep it busy, so
//! the difference in work is what the difference in time is made of.
//!
//! Each timed step runs alone, on a disk that has caught up: an opening
//! timed straight after the 2.5 GB an import and a send write competed with
//! their write-back, and measured that, not itself.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use amparo_casefile::{DeviceKeys, Mode, SendTo, open_case_file, send_case};
use amparo_core::{BlobStore, CaseDraft, Keys, Store};
use amparo_media::{WorkerCommand, isolate_decoding, serve_if_worker};

fn main() {
    serve_if_worker();
    isolate_decoding(WorkerCommand::this_program().expect("this program"));
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let folder = PathBuf::from(value("--folder").expect("--folder DIR"));
    let count: usize = value("--photos")
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    if let Some(data) = value("--import-only") {
        let (seconds, _) = import(&photos(&folder, count), Path::new(&data));
        println!("{seconds} {}", peak_memory());
        return;
    }
    if let (Some(file), Some(data)) = (value("--open-only"), value("--data")) {
        let seconds = open(Path::new(&file), Path::new(&data));
        println!("{seconds} {}", peak_memory());
        return;
    }
    let rounds: usize = value("--rounds").and_then(|v| v.parse().ok()).unwrap_or(3);
    compare(&folder, count, rounds);
    compare(&folder, count / 4, 1);
}

fn photos(folder: &Path, count: usize) -> Vec<PathBuf> {
    let photos: Vec<PathBuf> = (0..count)
        .map(|i| folder.join(format!("photo-{i:04}.jpg")))
        .collect();
    assert!(
        photos.iter().all(|p| p.exists()),
        "run bench_import --photos {count} --folder {} first",
        folder.display()
    );
    photos
}

/// What one timed step took, as its own process measured it.
struct Step {
    seconds: f64,
    cpu: f64,
    peak: String,
}

/// `rounds` imports and openings of `count` photos, taking turns.
fn compare(folder: &Path, count: usize, rounds: usize) {
    let scratch = tempfile::tempdir().expect("scratch");
    let (file, advocate) = case_file(folder, count, scratch.path());
    let (mut imports, mut opens) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let import = || {
            let data = tempfile::tempdir().expect("import data");
            alone(&[
                "--folder".as_ref(),
                folder.as_os_str(),
                "--photos".as_ref(),
                count.to_string().as_ref(),
                "--import-only".as_ref(),
                data.path().as_os_str(),
            ])
        };
        let open = || {
            let data = tempfile::tempdir().expect("open data");
            copy_folder(&advocate, data.path());
            alone(&[
                "--folder".as_ref(),
                folder.as_os_str(),
                "--open-only".as_ref(),
                file.as_os_str(),
                "--data".as_ref(),
                data.path().as_os_str(),
            ])
        };
        if round % 2 == 0 {
            imports.push(import());
            opens.push(open());
        } else {
            opens.push(open());
            imports.push(import());
        }
        let (i, o) = (&imports[round], &opens[round]);
        println!(
            "{count} photos, round {}: import {:.2} photos/s ({:.1} s, CPU {:.1} s, peak {}), open {:.2} photos/s ({:.1} s, CPU {:.1} s, peak {}); ratio {:.2}",
            round + 1,
            count as f64 / i.seconds,
            i.seconds,
            i.cpu,
            i.peak,
            count as f64 / o.seconds,
            o.seconds,
            o.cpu,
            o.peak,
            i.seconds / o.seconds
        );
    }
    let median = |steps: &[Step]| {
        let mut seconds: Vec<f64> = steps.iter().map(|s| s.seconds).collect();
        seconds.sort_by(f64::total_cmp);
        seconds[seconds.len() / 2]
    };
    let (import, open) = (median(&imports), median(&opens));
    println!(
        "{count} photos, case file {:.0} MB, median of {rounds}: import {:.2} photos/s, open {:.2} photos/s; ratio open / import {:.2}",
        std::fs::metadata(&file).map_or(0.0, |m| m.len() as f64 / 1e6),
        count as f64 / import,
        count as f64 / open,
        import / open
    );
}

/// The mother's case with `count` photos, sent to the advocate's code: the
/// case file and the advocate's data folder before opening it.
fn case_file(folder: &Path, count: usize, scratch: &Path) -> (PathBuf, PathBuf) {
    let (mother, advocate) = (scratch.join("mother"), scratch.join("advocate"));
    let (_, case_id) = import(&photos(folder, count), &mother);
    let mut store = Store::open(&mother, &Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(&mother, &Keys::fixed_for_tests()).expect("blobs");
    let mut theirs = Store::open(&advocate, &Keys::fixed_for_tests()).expect("store");
    let code = DeviceKeys::of(&mut theirs).expect("keys").code();
    drop(theirs);
    let contact = store
        .add_contact("Advocate", &code.signing_key, &code.encryption_key)
        .expect("contact");
    let file = scratch.join("Case.amparo");
    send_case(
        &mut store,
        &blobs,
        &case_id,
        &SendTo::Contacts(vec![contact]),
        &file,
    )
    .expect("send");
    (file, advocate)
}

/// This program run again with `args`, after `sync`, timed by itself.
fn alone(args: &[&std::ffi::OsStr]) -> Step {
    assert!(Command::new("sync").status().expect("sync").success());
    let busy = cpu_seconds();
    let out = Command::new(std::env::current_exe().expect("this program"))
        .args(args)
        .output()
        .expect("run");
    let cpu = cpu_seconds() - busy;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let (seconds, peak) = text.trim().split_once(' ').expect("seconds and peak");
    Step {
        seconds: seconds.parse().expect("seconds"),
        cpu,
        peak: peak.to_owned(),
    }
}

/// Seconds to import `photos` into a new case in the data folder `data`,
/// and the case's id.
fn import(photos: &[PathBuf], data: &Path) -> (f64, String) {
    let mut store = Store::open(data, &Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(data, &Keys::fixed_for_tests()).expect("blobs");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Benchmark".into();
    let case_id = store.create_case(&draft).expect("case").id;
    let started = Instant::now();
    let summary = amparo_media::import_photos(
        &mut store,
        &blobs,
        &case_id,
        photos,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(summary.imported as usize, photos.len());
    (seconds, case_id)
}

/// Seconds to open `file` into the data folder `data`.
fn open(file: &Path, data: &Path) -> f64 {
    let mut store = Store::open(data, &Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(data, &Keys::fixed_for_tests()).expect("blobs");
    let started = Instant::now();
    open_case_file(&mut store, &blobs, file, None, Mode::Open).expect("open");
    started.elapsed().as_secs_f64()
}

/// The files of the folder `from` (a data folder before anything was
/// stored: its database) copied into `to`.
fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("folder") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// This process's peak resident memory.
fn peak_memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l.trim_start_matches("VmHWM:").trim().replace(' ', ""))
        .unwrap_or_default()
}

/// Seconds every core of this machine has spent busy since it started.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: u64 = stat
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .enumerate()
        // user, nice, system, (idle and iowait are not busy), irq,
        // softirq, steal
        .filter(|(i, _)| !matches!(i, 3 | 4) && *i < 8)
        .filter_map(|(_, t)| t.parse::<u64>().ok())
        .sum();
    // USER_HZ is 100 on Linux.
    ticks as f64 / 100.0
}
