//! Amparo killed at random moments loses nothing it said it saved. The
//! `amparo` command is killed with SIGKILL (as a dead battery or a crash
//! would stop it) at random moments of a photo import, a statement save, a
//! signing, a packet print, a backup, a restore and an erase, in turn. After
//! each kill Amparo is started again, and then:
//! - it starts without asking anything (no prompt, no error);
//! - SQLite's integrity and foreign-key checks find nothing;
//! - everything reported saved before the kill is there, and what the
//!   killed command was doing is either wholly done or not done at all
//!   (an import keeps the photos it finished, each whole);
//! - nothing half-written shows: no row without its stored files, no stored
//!   file without its row, no PDF or backup folder cut short under the
//!   name the family chose.
//!
//! `AMPARO_CRASH_POINTS` sets how many kills (21 in `make test`, 100 in
//! `make test-crash`); `AMPARO_CRASH_SEED` replays a run.

mod crash;
mod support;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crash::Seen;
use sha2::Digest;
use support::{PASSPHRASE, amparo, ok, with_vault};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Operation {
    Import,
    SaveStatement,
    Sign,
    PrintPacket,
    Backup,
    Restore,
    Erase,
}

const OPERATIONS: [Operation; 7] = [
    Operation::Import,
    Operation::SaveStatement,
    Operation::Sign,
    Operation::PrintPacket,
    Operation::Backup,
    Operation::Restore,
    Operation::Erase,
];

/// Photos per killed import.
const BATCH: usize = 3;

#[test]
fn killed_at_random_moments_amparo_loses_nothing_it_reported_saved() {
    let points: usize = env_number("AMPARO_CRASH_POINTS").unwrap_or(21);
    let seed = env_number("AMPARO_CRASH_SEED").unwrap_or(20_261_203);
    let mut bench = Bench::new(seed);
    // Each operation first runs to its end: it is timed, so that the kills
    // fall anywhere inside it, and leaves something to restore.
    for op in OPERATIONS {
        bench.run(op, None);
    }
    for point in 0..points {
        bench.run(OPERATIONS[point % OPERATIONS.len()], Some(point));
    }
    println!("{}", bench.report());
    assert!(
        bench.lost.is_empty() && bench.damage.is_empty(),
        "seed {seed}:\nlost: {:#?}\nhalf-written: {:#?}",
        bench.lost,
        bench.damage
    );
}

struct Bench {
    _root: tempfile::TempDir,
    data: PathBuf,
    /// Where prints and backups go (a USB stick, say).
    out: PathBuf,
    pictures: PathBuf,
    rng: u64,
    seed: u64,
    example: String,
    case: String,
    statement: String,
    statement_json: serde_json::Value,
    /// What the data folder holds, as last checked and changed since by
    /// commands that reported success.
    expected: Seen,
    /// Backups that reported success, with what they hold.
    backups: Vec<(PathBuf, Seen)>,
    took: BTreeMap<Operation, Duration>,
    next_picture: u32,
    /// A phone-size JPEG each new picture is a copy of.
    picture: Vec<u8>,
    /// Stored files already read whole (see [`crash::read`]).
    verified: HashSet<String>,
    /// Kills, and what each left: (operation, state) -> how often.
    states: BTreeMap<(Operation, String), usize>,
    points: usize,
    lost: Vec<String>,
    damage: Vec<String>,
    hidden_leftovers: usize,
}

impl Bench {
    fn new(seed: u64) -> Self {
        let root = tempfile::tempdir().expect("temp");
        let data = root.path().join("data");
        let out = root.path().join("usb");
        let pictures = root.path().join("pictures");
        for dir in [&out, &pictures] {
            std::fs::create_dir_all(dir).expect("folder");
        }
        with_vault(&data);
        let example = id_of(&json(&data, &["case", "example", "--json"]));
        let case = id_of(&json(
            &data,
            &["case", "new", "--name", "Jesús Rivas Moreno", "--json"],
        ));
        let declarant = id_of(&json(
            &data,
            &[
                "declarant",
                "add",
                "--case",
                &case,
                "--name",
                "María Elena Moreno",
                "--relationship",
                "mother",
                "--age",
                "58",
                "--reads-english",
                "no",
                "--json",
            ],
        ));
        let statement_json = serde_json::json!({
            "declarantId": declarant,
            "title": "Declaration of María Elena Moreno",
            "titleOriginal": "Declaración de María Elena Moreno",
            "language": "es",
            "paragraphs": [
                { "original": "Primera versión.", "english": "First version." },
                { "original": "Las coronas son por sus padres y los Reyes Magos.",
                  "english": "The crowns are for his parents and the Three Kings." }
            ],
            "helper": { "name": "Ana Pérez", "address": "100 Example St", "phone": "555-0100" },
            "place": { "place": "San Cristóbal, Venezuela", "country": "VE" }
        });
        let file = root.path().join("statement.json");
        std::fs::write(&file, statement_json.to_string()).expect("write");
        let statement = id_of(&json(
            &data,
            &[
                "statement",
                "new",
                "--case",
                &case,
                "--from-json",
                file.to_str().expect("utf8"),
                "--json",
            ],
        ));
        let mut bench = Self {
            _root: root,
            data,
            out,
            pictures,
            rng: seed | 1,
            seed,
            example,
            case,
            statement,
            statement_json,
            expected: Seen::default(),
            backups: Vec::new(),
            took: BTreeMap::new(),
            next_picture: 0,
            picture: phone_size_jpeg(),
            verified: HashSet::new(),
            states: BTreeMap::new(),
            points: 0,
            lost: Vec::new(),
            damage: Vec::new(),
            hidden_leftovers: 0,
        };
        bench.expected = bench.restart_and_read();
        assert!(bench.damage.is_empty(), "{:?}", bench.damage);
        bench
    }

    /// Runs `op` to its end (`point` is `None`) or kills it at a random
    /// moment, then restarts Amparo and compares what it holds with what
    /// was reported.
    fn run(&mut self, op: Operation, point: Option<usize>) {
        // What the data folder holds if the command runs to its end.
        let mut after = self.expected.clone();
        let mut output: Option<PathBuf> = None;
        let mut erased_photo = None;
        let args: Vec<String> = match op {
            Operation::Import => {
                let files = (0..BATCH).map(|_| self.new_picture()).collect::<Vec<_>>();
                for (_, sha) in &files {
                    after.photos.insert((self.case.clone(), sha.clone()));
                }
                let mut args = strings(&["photo", "import", "--case", &self.case, "--json"]);
                args.extend(files.into_iter().map(|(path, _)| path));
                args
            }
            Operation::SaveStatement => {
                let text = format!("Versión guardada {}.", self.next_picture_number());
                after.statement_text = text.clone();
                self.statement_args("edit", &text)
            }
            Operation::Sign => {
                // A new text first (this step is not killed), so that there
                // is something new to sign.
                let text = format!("Texto firmado {}.", self.next_picture_number());
                ok(&amparo(
                    &self.data,
                    &borrow(&self.statement_args("edit", &text)),
                    &[],
                ));
                after.statement_text = text.clone();
                self.expected.statement_text = text;
                after.signed += 1;
                strings(&[
                    "statement",
                    "sign",
                    &self.statement,
                    "--on",
                    "2026-11-12",
                    "--place",
                    "San Cristóbal, Venezuela",
                    "--country",
                    "VE",
                    "--json",
                ])
            }
            Operation::PrintPacket => {
                let n = self.next_picture_number();
                let pdf = self.out.join(format!("packet-{n}.pdf"));
                output = Some(pdf.clone());
                strings(&[
                    "print",
                    "packet",
                    &self.example,
                    "--draft",
                    "--out",
                    pdf.to_str().expect("utf8"),
                    "--json",
                ])
            }
            Operation::Backup => {
                let n = self.next_picture_number();
                let folder = self.out.join(format!("backup-{n}"));
                output = Some(folder.clone());
                strings(&["backup", "--out", folder.to_str().expect("utf8"), "--json"])
            }
            Operation::Restore => {
                let (folder, held) = self.backups.last().expect("a backup").clone();
                after = held;
                strings(&[
                    "restore",
                    "--from",
                    folder.to_str().expect("utf8"),
                    "--json",
                ])
            }
            Operation::Erase => {
                let name = format!("Caso para borrar {}", self.next_picture_number());
                let case = id_of(&json(
                    &self.data,
                    &["case", "new", "--name", &name, "--json"],
                ));
                let (picture, sha) = self.new_picture();
                json(
                    &self.data,
                    &["photo", "import", "--case", &case, "--json", &picture],
                );
                ok(&amparo(
                    &self.data,
                    &["case", "delete", &case, "--confirm-name", &name],
                    &[],
                ));
                self.expected.cases.insert(case.clone());
                self.expected.photos.insert((case.clone(), sha.clone()));
                erased_photo = Some(sha);
                strings(&["case", "erase", &case, "--confirm-name", &name, "--json"])
            }
        };
        // The steps run to their end above (a signing's new text, the case
        // an erase removes) are part of what stands before the kill.
        let before = self.expected.clone();
        let finished = self.run_until_killed(op, &args, point.is_some());
        if op == Operation::Backup && finished {
            let folder = output.clone().expect("folder");
            self.backups.push((folder, before.clone()));
        }
        if op == Operation::Restore {
            // The stored files may now be the backup's.
            self.verified.clear();
        }
        let seen = self.restart_and_read();
        let mut state = self.judge(op, finished, &before, &after, &seen);
        if let Some(path) = &output {
            let exists = path.exists();
            if finished && !exists {
                self.lost
                    .push(format!("{op:?} reported {} written", path.display()));
            }
            // The data is the same either way: what the kill left is the
            // file (checked whole below) or nothing.
            state = if exists {
                "written whole"
            } else {
                "nothing written"
            }
            .into();
        }
        if let Some(sha) = erased_photo {
            let gone = !seen.photos.iter().any(|(_, s)| *s == sha);
            if gone && crash::holds_original(&self.data, PASSPHRASE, &sha) {
                self.damage
                    .push(format!("the erased case's photo {sha} is still stored"));
            }
        }
        let (broken, hidden) = crash::broken_outputs(&self.out);
        self.damage.extend(broken);
        self.hidden_leftovers = hidden;
        if point.is_some() {
            self.points += 1;
            *self.states.entry((op, state)).or_default() += 1;
        }
        self.expected = seen;
    }

    /// Starts `args`; kills it at a random moment inside the time it took
    /// to run to its end, when `kill`. Whether it finished and said so.
    fn run_until_killed(&mut self, op: Operation, args: &[String], kill: bool) -> bool {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_amparo"))
            .arg("--data-dir")
            .arg(&self.data)
            .args(args)
            .env("AMPARO_PASSPHRASE", PASSPHRASE)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start amparo");
        if kill {
            // Operations slow down as the data grows: the window reaches
            // twice the last known length, and a command still running at
            // the kill proves it takes at least that long.
            let whole = self.took[&op].as_micros() as u64;
            let at = Duration::from_micros(self.random() % (2 * whole + 1));
            let deadline = started + at;
            let mut ended = None;
            while Instant::now() < deadline {
                if child.try_wait().expect("wait").is_some() {
                    ended = Some(started.elapsed());
                    break;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            let _ = child.kill();
            let known = self.took[&op];
            self.took.insert(op, ended.unwrap_or(known.max(at)));
        }
        let out = child.wait_with_output().expect("wait");
        if !kill {
            assert!(
                out.status.success(),
                "{op:?} did not run to its end: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            self.took.insert(op, started.elapsed());
        }
        out.status.success() && serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok()
    }

    /// Starts Amparo again the way a family would (it must not ask
    /// anything), then reads the data folder.
    fn restart_and_read(&mut self) -> Seen {
        let started = Command::new(env!("CARGO_BIN_EXE_amparo"))
            .arg("--data-dir")
            .arg(&self.data)
            .args(["case", "list", "--json"])
            .env("AMPARO_PASSPHRASE", PASSPHRASE)
            .stdin(Stdio::null())
            .output()
            .expect("start amparo");
        if !started.status.success() {
            self.damage.push(format!(
                "the restart failed: {}",
                String::from_utf8_lossy(&started.stderr)
            ));
        }
        let (seen, damage) =
            crash::read(&self.data, PASSPHRASE, &self.statement, &mut self.verified);
        self.damage.extend(damage);
        seen
    }

    /// Compares what the restart found with what was expected before and
    /// after the command; names the state it found.
    fn judge(
        &mut self,
        op: Operation,
        finished: bool,
        before: &Seen,
        after: &Seen,
        seen: &Seen,
    ) -> String {
        if seen == after {
            return "done".into();
        }
        if finished {
            self.lost.extend(
                seen.missing_from(after)
                    .into_iter()
                    .map(|l| format!("{op:?}: {l}")),
            );
            self.damage.push(format!(
                "{op:?} reported done, found {seen}, expected {after}"
            ));
            return "wrong".into();
        }
        if seen == before {
            return "not begun".into();
        }
        // An import keeps each photo it finished: between before and after.
        let between = op == Operation::Import
            && seen.photos.is_superset(&before.photos)
            && seen.photos.is_subset(&after.photos)
            && Seen {
                photos: before.photos.clone(),
                ..seen.clone()
            } == *before;
        if between {
            let kept = seen.photos.len() - before.photos.len();
            return format!("{kept} of {BATCH} photos kept");
        }
        self.lost.extend(
            seen.missing_from(before)
                .into_iter()
                .map(|l| format!("{op:?}: {l}")),
        );
        self.damage.push(format!(
            "{op:?} killed: found {seen}, neither {before} nor {after}"
        ));
        "mixed".into()
    }

    fn statement_args(&self, verb: &str, text: &str) -> Vec<String> {
        let mut draft = self.statement_json.clone();
        draft["paragraphs"][0]["original"] = text.into();
        draft["paragraphs"][0]["english"] = format!("English of: {text}").into();
        let file = self.pictures.join(format!("{text}.json"));
        std::fs::write(&file, draft.to_string()).expect("write");
        strings(&[
            "statement",
            verb,
            &self.statement,
            "--from-json",
            file.to_str().expect("utf8"),
            "--json",
        ])
    }

    /// A new phone-size JPEG, unlike every other (its comment says which
    /// it is); its path and SHA-256.
    fn new_picture(&mut self) -> (String, String) {
        let n = self.next_picture_number();
        let comment = format!("IMG_{n:04}");
        let mut bytes = b"\xFF\xD8\xFF\xFE".to_vec();
        bytes.extend_from_slice(&(comment.len() as u16 + 2).to_be_bytes());
        bytes.extend_from_slice(comment.as_bytes());
        bytes.extend_from_slice(&self.picture[2..]);
        let path = self.pictures.join(format!("{comment}.jpg"));
        std::fs::write(&path, &bytes).expect("write a picture");
        let sha = crash::hex(&sha2::Sha256::digest(&bytes));
        (path.to_string_lossy().into_owned(), sha)
    }

    fn next_picture_number(&mut self) -> u32 {
        self.next_picture += 1;
        self.next_picture
    }

    /// xorshift64: enough to spread the kills, and the same for a seed.
    fn random(&mut self) -> u64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng
    }

    fn report(&self) -> String {
        let mut text = format!(
            "crash harness (seed {}): {} kills; items lost: {}; half-written states: {}; \
             hidden partial files left beside exports: {}\n",
            self.seed,
            self.points,
            self.lost.len(),
            self.damage.len(),
            self.hidden_leftovers
        );
        for (op, took) in &self.took {
            text.push_str(&format!("  {op:?} lasts about {} ms\n", took.as_millis()));
        }
        for ((op, state), n) in &self.states {
            text.push_str(&format!("  {op:?}: {state} x{n}\n"));
        }
        text
    }
}

fn phone_size_jpeg() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(1600, 1200, |x, y| {
        let v = x.wrapping_mul(31) ^ y.wrapping_mul(17);
        image::Rgb([v as u8, (v >> 8) as u8, (x / 7 + y / 5) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("encode");
    out.into_inner()
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(&amparo(data, args, &[]))).expect("json")
}

fn id_of(value: &serde_json::Value) -> String {
    value["id"].as_str().expect("id").to_owned()
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| (*s).to_owned()).collect()
}

fn borrow(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}
