//! How fast Amparo starts with 1,000 cases, in the real window under Xvfb:
//! from the process's beginning to the lock screen drawn, and from "Unlock"
//! pressed (the password typed) to the case list drawn with its 1,000 cases,
//! the window's own marks (`AMPARO_START_MARKS`). Each run starts the app
//! anew on a copy of the same data folder, its vault at the real cost. Then
//! the memory of the idle app (its own process, and with WebKit's).
//!
//! Usage: bench_start [RUNS] (the app: AMPARO_APP, a release build for the
//! figures the README states).

use std::path::Path;
use std::time::{Duration, Instant};

use amparo_core::{CaseDraft, Store, Vault};
use amparo_e2e::{Desktop, PASSWORD, run};

const CASES: usize = 1000;

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let template = tempfile::tempdir().expect("data folder");
    fill(template.path());
    let mut lock = Vec::new();
    let mut unlock = Vec::new();
    let mut steps: Vec<[f64; 3]> = Vec::new();
    let mut launch = Vec::new();
    let mut memory = (0, 0);
    for run_number in 0..runs {
        let data = tempfile::tempdir().expect("data folder");
        copy_folder(template.path(), data.path());
        let marks_dir = tempfile::tempdir().expect("marks");
        let marks = marks_dir.path().join("marks");
        let desktop = Desktop::start_on_data(data, &[("AMPARO_START_MARKS", marks.as_os_str())]);
        run(|| async {
            let started = Instant::now();
            let window = desktop.launch_locked().await;
            let drawn_lock = wait_for_mark(&marks, "lock");
            launch.push(started.elapsed());
            lock.push(drawn_lock);
            window.unlock(PASSWORD).await;
            let asked = wait_for_mark(&marks, "unlocking");
            let drawn = wait_for_mark(&marks, "cases");
            unlock.push(drawn - asked);
            let unlocked = wait_for_mark(&marks, "unlocked");
            let listed = wait_for_mark(&marks, "listed");
            steps.push([unlocked - asked, listed - unlocked, drawn - listed]);
            let rows = window
                .script("return document.querySelectorAll('.case-list ul.cards li').length;")
                .await;
            if rows.as_u64() != Some(CASES as u64) {
                eprintln!("{}", window.text().await);
                eprintln!("{}", std::fs::read_to_string(&marks).unwrap_or_default());
            }
            assert_eq!(
                rows.as_u64(),
                Some(CASES as u64),
                "the list shows every case"
            );
            if run_number + 1 == runs {
                // Idle: whatever the start left to finish is done.
                tokio::time::sleep(Duration::from_secs(3)).await;
                memory = resident(desktop.data_dir());
            }
            window.quit().await;
        });
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let mut launch: Vec<f64> = launch.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    println!("{CASES} cases, {runs} starts, medians:");
    println!(
        "  process start to the lock screen drawn: {:.0} ms (through WebDriver's new session: {:.0} ms)",
        median(&mut lock),
        median(&mut launch)
    );
    println!(
        "  \"Unlock\" pressed to the case list drawn with its {CASES} cases: {:.0} ms",
        median(&mut unlock)
    );
    let step = |i: usize| median(&mut steps.iter().map(|s| s[i]).collect());
    println!(
        "    of which: unlocking the vault and the store {:.0} ms, reading the list {:.0} ms, drawing it {:.0} ms",
        step(0),
        step(1),
        step(2)
    );
    println!(
        "  idle memory (resident): the app {} MiB; with its WebKit processes {} MiB",
        memory.0 / 1024,
        memory.1 / 1024
    );
}

/// A data folder with a vault at the real cost and 1,000 cases, each with
/// the example's person, custody and hearings under its own name.
fn fill(dir: &Path) {
    let (vault, _) = Vault::create(dir, PASSWORD).expect("vault");
    let mut store = Store::open(dir, vault.keys()).expect("store");
    let example = store.add_example_case().expect("example");
    let base: CaseDraft = example.to_draft();
    for i in 1..CASES {
        let mut draft = base.clone();
        draft.person.record_name = format!("Rivas Moreno, Persona {i}");
        draft.person.used_name = String::new();
        draft.person.a_number = format!("A-{:03}-{:03}-{:03}", i / 1000, i % 1000, 7);
        store.create_case(&draft).expect("case");
    }
}

fn copy_folder(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("folder");
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The milliseconds (since the app's process began) of the mark `what`,
/// waiting up to a minute for it.
fn wait_for_mark(marks: &Path, what: &str) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let text = std::fs::read_to_string(marks).unwrap_or_default();
        if let Some(ms) = text
            .lines()
            .find_map(|l| l.strip_prefix(what)?.trim().parse().ok())
        {
            return ms;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the window never marked {what:?}")
}

/// Resident memory in KiB of the app's own process, and of it with every
/// process that runs with its data folder (WebKit's web and network
/// processes inherit its environment).
fn resident(data: &Path) -> (u64, u64) {
    let wanted = [
        b"AMPARO_DATA_DIR=".as_slice(),
        data.as_os_str().as_encoded_bytes(),
    ]
    .concat();
    let (mut app, mut all) = (0, 0);
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(environ) = std::fs::read(entry.path().join("environ")) else {
            continue;
        };
        if !environ.split(|b| *b == 0).any(|v| v == wanted.as_slice()) {
            continue;
        }
        let status = std::fs::read_to_string(entry.path().join("status")).unwrap_or_default();
        let name = status.lines().next().unwrap_or_default().to_owned();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        if name.contains("amparo-desktop") {
            app += kib;
        }
        if name.contains("amparo-desktop") || name.contains("WebKit") {
            all += kib;
        }
    }
    (app, all)
}
