//! A full disk and a read-only disk. Each write that cannot happen is
//! refused with a plain message (code `diskFull` or `readOnlyFolder`),
//! and nothing saved before is lost: once there is room again, every case
//! and photo is there, SQLite finds nothing wrong, and the next import
//! works.
//!
//! The data folder sits on a small tmpfs mounted in a private user and
//! mount namespace (`unshare --user --map-root-user --mount`): the test
//! runs itself again inside it, so it needs no root and nothing outside
//! the test sees the mount.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::json;
use support::{PASSPHRASE, amparo, ok};

/// Set (to the test's folder) when this test runs inside the namespace.
const INSIDE: &str = "AMPARO_TEST_SMALL_DISK";

#[test]
fn a_full_disk_and_a_read_only_disk_are_told_plainly_and_lose_nothing() {
    match std::env::var_os(INSIDE) {
        Some(folder) => on_a_small_disk(Path::new(&folder)),
        None => {
            let folder = tempfile::tempdir().expect("temp");
            let out = Command::new("unshare")
                .args(["--user", "--map-root-user", "--mount", "--"])
                .arg(std::env::current_exe().expect("this test"))
                .args([
                    "--exact",
                    "a_full_disk_and_a_read_only_disk_are_told_plainly_and_lose_nothing",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(INSIDE, folder.path())
                .output()
                .expect("unshare (util-linux)");
            let said = format!(
                "{}\n{}",
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&out.stdout)
            );
            assert!(
                out.status.success() && said.contains("1 passed"),
                "inside the namespace:\n{said}"
            );
        }
    }
}

fn on_a_small_disk(folder: &Path) {
    let disk = folder.join("disk");
    std::fs::create_dir_all(&disk).expect("mount point");
    mount(&["-t", "tmpfs", "-o", "size=8m", "tmpfs"], &disk);
    let data = disk.join("data");
    let pictures = folder.join("pictures");
    std::fs::create_dir_all(&pictures).expect("pictures");

    let case = id(&ok(&amparo(
        &data,
        &["case", "new", "--name", "Jesús Rivas Moreno", "--json"],
        &[],
    )));
    let first = [picture(&pictures, 1), picture(&pictures, 2)];
    let imported = import(&data, &case, &first);
    assert_eq!(statuses(&imported), ["imported", "imported"]);
    let saved = photos(&data, &case);

    // The disk fills up (a video copied from a phone, say): Amparo cannot
    // even open its database, and says why.
    let spare = disk.join("music.mp3");
    std::fs::write(&spare, vec![0x5a_u8; 2 << 20]).expect("a file to delete later");
    let filler = disk.join("video.mp4");
    let full = fill(&filler);
    let new_case = amparo(
        &data,
        &["case", "new", "--name", "Ana Moreno", "--json"],
        &[],
    );
    assert!(!new_case.status.success());
    let error: serde_json::Value = serde_json::from_slice(&new_case.stderr).expect("a JSON error");
    assert_eq!(error["code"], "diskFull", "{error:#}");
    let plain = amparo(&data, &["case", "new", "--name", "Ana Moreno"], &[]);
    let said = String::from_utf8_lossy(&plain.stderr);
    assert!(said.contains("the disk is full"), "{said}");

    // The window (here `amparo serve`, the same slot) still opens: the
    // family reads its cases and photos; every change says the disk is
    // full.
    let answers = serve(
        &data,
        &[
            json!({ "id": 0, "op": "vault_status" }),
            json!({ "id": 1, "op": "startup" }),
            json!({ "id": 2, "op": "list_cases", "input": { "query": "" } }),
            json!({ "id": 3, "op": "list_photos", "input": { "caseId": case, "offset": 0, "limit": 50 } }),
            json!({ "id": 4, "op": "create_case", "input": { "draft": { "person": { "recordName": "Ana Moreno" } } } }),
        ],
    );
    assert_eq!(answers[0]["ok"]["state"], "unlocked", "{:#}", answers[0]);
    assert_eq!(
        answers[0]["ok"]["savingRefused"], "diskFull",
        "{:#}",
        answers[0]
    );
    assert!(answers[1].get("ok").is_some(), "{:#}", answers[1]);
    assert_eq!(answers[2]["ok"][0]["recordName"], "Jesús Rivas Moreno");
    assert_eq!(answers[3]["ok"]["total"], 2, "{:#}", answers[3]);
    assert_eq!(answers[4]["error"]["code"], "diskFull", "{:#}", answers[4]);

    // With the window still open, the family frees space and tries again:
    // it saves, and the warning goes.
    let mut window = Served::start(&data);
    assert_eq!(
        window.ask(json!({ "id": 5, "op": "vault_status" }))["ok"]["savingRefused"],
        "diskFull"
    );
    std::fs::remove_file(&spare).expect("free space");
    let created = window.ask(json!({ "id": 6, "op": "create_case", "input": { "draft": { "person": { "recordName": "Ana Moreno" } } } }));
    assert_eq!(
        created["ok"]["person"]["recordName"], "Ana Moreno",
        "{created:#}"
    );
    assert!(window.ask(json!({ "id": 7, "op": "vault_status" }))["ok"]["savingRefused"].is_null());
    drop(window);
    fill(&spare);

    // Almost full: the database opens, a photo does not fit, and that
    // photo alone is refused with the reason.
    let almost = std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .expect("filler");
    almost.set_len(full - 256 * 1024).expect("free a little");
    drop(almost);
    let third = picture(&pictures, 3);
    assert!(std::fs::metadata(&third).expect("size").len() > 512 * 1024);
    let refused = import(&data, &case, std::slice::from_ref(&third));
    assert_eq!(statuses(&refused), ["diskFull"], "{refused:#}");
    let said = refused["outcomes"][0]["result"]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(said.contains("the disk is full"), "{said}");
    let usb = disk.join("backup");
    let backup = amparo(
        &data,
        &["backup", "--out", usb.to_str().expect("utf8"), "--json"],
        &[],
    );
    assert!(!backup.status.success());
    let error: serde_json::Value = serde_json::from_slice(&backup.stderr).expect("a JSON error");
    assert_eq!(error["code"], "diskFull", "{error:#}");
    assert!(!usb.exists(), "no backup folder cut short under its name");

    // Room again: everything saved before is there, and work goes on.
    for file in [&filler, &spare] {
        std::fs::remove_file(file).expect("free the space");
    }
    assert_eq!(photos(&data, &case), saved);
    assert_sound(&data);
    let status = serve(&data, &[json!({ "id": 0, "op": "vault_status" })]);
    assert!(
        status[0]["ok"]["savingRefused"].is_null(),
        "{:#}",
        status[0]
    );
    let later = import(&data, &case, &[third]);
    assert_eq!(statuses(&later), ["imported"]);
    let saved = photos(&data, &case);

    // The disk turns read-only (a failing USB disk the system protects).
    mount(&["-o", "remount,ro"], &disk);
    let listed = amparo(&data, &["case", "list", "--json"], &[]);
    assert!(!listed.status.success());
    let error: serde_json::Value = serde_json::from_slice(&listed.stderr).expect("a JSON error");
    assert_eq!(error["code"], "readOnlyFolder", "{error:#}");
    let plain = amparo(&data, &["case", "list"], &[]);
    let said = String::from_utf8_lossy(&plain.stderr);
    assert!(said.contains("cannot be written (read-only)"), "{said}");

    mount(&["-o", "remount,rw"], &disk);
    assert_eq!(photos(&data, &case), saved);
    assert_sound(&data);
}

/// Answers of `amparo serve` (the window's slot, unlocked with the test
/// passphrase) to `requests`, in order.
fn serve(data: &Path, requests: &[serde_json::Value]) -> Vec<serde_json::Value> {
    let mut window = Served::start(data);
    requests.iter().map(|r| window.ask(r.clone())).collect()
}

/// `amparo serve` kept open, as the window stays open while a family
/// frees space.
struct Served {
    child: std::process::Child,
    answers: std::io::Lines<std::io::BufReader<std::process::ChildStdout>>,
}

impl Served {
    fn start(data: &Path) -> Self {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_amparo"))
            .arg("--data-dir")
            .arg(data)
            .arg("serve")
            .env("AMPARO_PASSPHRASE", PASSPHRASE)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("amparo serve");
        let answers = std::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
        Self { child, answers }
    }

    fn ask(&mut self, request: serde_json::Value) -> serde_json::Value {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        writeln!(stdin, "{request}").expect("send");
        let line = self.answers.next().expect("an answer").expect("read");
        serde_json::from_str(&line).expect("JSON")
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

fn mount(args: &[&str], at: &Path) {
    let out = Command::new("mount")
        .args(args)
        .arg(at)
        .output()
        .expect("mount");
    assert!(
        out.status.success(),
        "mount {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes to `path` until the disk refuses; how much it wrote.
fn fill(path: &Path) -> u64 {
    let mut file = std::fs::File::create(path).expect("filler");
    let chunk = vec![0x5a_u8; 64 * 1024];
    loop {
        if let Err(e) = file.write_all(&chunk).and_then(|()| file.sync_all()) {
            assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
            break;
        }
    }
    // A last few bytes fit in what a partly written chunk left.
    let _ = file.write_all(&[0x5a; 512]);
    file.metadata().expect("size").len()
}

/// A real photo, different from every other (its comment says which).
fn picture(folder: &Path, n: u32) -> PathBuf {
    // Noise: it compresses badly, as a real photo's detail does.
    let image = image::RgbImage::from_fn(1200, 900, |x, y| {
        let v = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503) ^ n).wrapping_mul(97_787);
        image::Rgb([v as u8, (v >> 8) as u8, (v >> 16) as u8])
    });
    let path = folder.join(format!("IMG_{n:04}.jpg"));
    image.save(&path).expect("write a picture");
    path
}

fn import(data: &Path, case: &str, files: &[PathBuf]) -> serde_json::Value {
    let mut args = vec!["photo", "import", "--case", case, "--json"];
    args.extend(files.iter().map(|f| f.to_str().expect("utf8")));
    let out = amparo(data, &args, &[]);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("no summary: {}", String::from_utf8_lossy(&out.stderr)))
}

fn statuses(summary: &serde_json::Value) -> Vec<String> {
    summary["outcomes"]
        .as_array()
        .expect("outcomes")
        .iter()
        .map(|o| {
            let result = &o["result"];
            match result["status"].as_str() {
                Some("failed") => result["code"].as_str().unwrap_or_default().to_owned(),
                other => other.unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// The case's photos as `photo list` prints them.
fn photos(data: &Path, case: &str) -> serde_json::Value {
    serde_json::from_str(&ok(&amparo(
        data,
        &["photo", "list", "--case", case, "--json"],
        &[],
    )))
    .expect("json")
}

fn assert_sound(data: &Path) {
    let vault = amparo_core::Vault::unlock(data, PASSPHRASE).expect("unlock");
    let store = amparo_core::Store::open(data, vault.keys()).expect("open");
    let problems = store.integrity_problems().expect("check");
    assert!(problems.is_empty(), "{problems:?}");
}

fn id(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json).expect("json")["id"]
        .as_str()
        .expect("id")
        .to_owned()
}
