//! The canary: a case whose name, A-number, paragraph, photo caption,
//! tattoo meaning and photo EXIF carry marker strings is made, printed,
//! previewed, exported for counsel and backed up through `amparo serve`, as
//! the window does it. Then, with Amparo locked, again after it closed, and after the
//! case is erased for good, no marker is readable in the data folder, the
//! temporary folder or the user's cache folder, in UTF-8, UTF-16, base64 or
//! hex.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

#[path = "../../../tests/src/markers.rs"]
mod markers;

const MARKERS: [&str; 6] = [NAME, A_NUMBER, PARAGRAPH, CAPTION, MEANING, EXIF];

fn assert_clean(dirs: &[&Path], when: &str) {
    markers::assert_clean(dirs, &MARKERS, when);
}

const NAME: &str = "Kanarioname Qzxw";
const A_NUMBER: &str = "987654321";
const PARAGRAPH: &str = "paragraphcanary-58ce1";
const CAPTION: &str = "captioncanary-90ab3";
const MEANING: &str = "meaningcanary-c04f7";
const EXIF: &str = "exifcanary-77d2e";
const PASSWORD: &str = "corona de mamá";

struct Serve {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next: u64,
}

impl Serve {
    fn start(env: &Env) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_amparo"))
            .args(["--weak-kdf-for-tests", "serve", "--data-dir"])
            .arg(&env.data)
            .env_remove("AMPARO_PASSPHRASE")
            .env("TMPDIR", &env.tmp)
            .env("XDG_CACHE_HOME", &env.cache)
            .env("HOME", &env.home)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("amparo serve");
        let input = child.stdin.take().expect("stdin");
        let output = BufReader::new(child.stdout.take().expect("stdout"));
        Self {
            child,
            input,
            output,
            next: 1,
        }
    }

    fn call(&mut self, op: &str, input: Value) -> Value {
        let id = self.next;
        self.next += 1;
        writeln!(
            self.input,
            "{}",
            json!({ "id": id, "op": op, "input": input })
        )
        .expect("send");
        let mut line = String::new();
        self.output.read_line(&mut line).expect("answer");
        let answer: Value = serde_json::from_str(&line).expect("JSON answer");
        assert!(answer.get("error").is_none(), "{op}: {answer}");
        answer["ok"].clone()
    }

    fn close(mut self) {
        drop(self.input);
        assert!(self.child.wait().expect("exit").success());
    }
}

/// The folders a scan covers, each private to this test.
struct Env {
    _root: tempfile::TempDir,
    data: PathBuf,
    tmp: PathBuf,
    cache: PathBuf,
    home: PathBuf,
    outside: PathBuf,
}

impl Env {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("root");
        let dir = |name: &str| {
            let d = root.path().join(name);
            std::fs::create_dir_all(&d).expect("dir");
            d
        };
        Self {
            data: dir("data"),
            tmp: dir("tmp"),
            cache: dir("cache"),
            home: dir("home"),
            outside: dir("outside"),
            _root: root,
        }
    }
}

#[test]
fn no_marker_is_readable_locked_closed_or_erased() {
    let env = Env::new();
    let photo = env.outside.join("wrist.jpg");
    markers::photo_with_exif(&photo, EXIF);
    assert!(
        markers::holds(&photo, EXIF),
        "the scan sees the photo's EXIF"
    );

    let mut serve = Serve::start(&env);
    serve.call("create_vault", json!({ "passphrase": PASSWORD }));
    let mut draft = amparo_core::CaseDraft::default();
    draft.person.record_name = NAME.into();
    draft.person.a_number = A_NUMBER.into();
    let case = serve.call("create_case", json!({ "draft": draft }));
    let case_id = case["id"].as_str().expect("case id").to_owned();
    let imported = serve.call(
        "import_photos",
        json!({ "caseId": case_id, "paths": [photo] }),
    );
    assert_eq!(imported["imported"], 1, "{imported}");
    let page = serve.call(
        "list_photos",
        json!({ "caseId": case_id, "offset": 0, "limit": 10 }),
    );
    let photo_id = page["photos"][0]["id"]
        .as_str()
        .expect("photo id")
        .to_owned();
    let mut details = page["photos"][0]["details"].clone();
    details["caption"] = json!(CAPTION);
    serve.call(
        "update_photo_details",
        json!({ "id": photo_id, "details": details }),
    );
    let tattoo = amparo_core::TattooDraft {
        body_location: "left wrist".into(),
        meaning_original: MEANING.into(),
        meaning_english: MEANING.into(),
        ..Default::default()
    };
    serve.call(
        "create_tattoo",
        json!({ "caseId": case_id, "draft": tattoo }),
    );
    let declarant = amparo_core::DeclarantDraft {
        full_name: NAME.into(),
        ..Default::default()
    };
    let declarant = serve.call(
        "create_declarant",
        json!({ "caseId": case_id, "draft": declarant }),
    );
    let mut statement = amparo_core::StatementDraft {
        declarant_id: declarant["id"].as_str().expect("id").to_owned(),
        language: "es".into(),
        title: "Declaración".into(),
        ..Default::default()
    };
    statement.paragraphs.push(amparo_core::Paragraph {
        original: PARAGRAPH.into(),
        english: PARAGRAPH.into(),
        ..Default::default()
    });
    let statement = serve.call(
        "create_statement",
        json!({ "caseId": case_id, "draft": statement }),
    );
    let statement_id = statement["id"].as_str().expect("id").to_owned();

    serve.call(
        "preview_statement",
        json!({ "id": statement_id, "purpose": "draft" }),
    );
    serve.call(
        "print_statement_for_viewer",
        json!({ "id": statement_id, "purpose": "draft" }),
    );
    serve.call(
        "print_packet_for_viewer",
        json!({ "caseId": case_id, "purpose": "draft" }),
    );
    serve.call(
        "print_statement_to",
        json!({ "id": statement_id, "purpose": "draft", "path": env.outside.join("declaration.pdf") }),
    );
    let counsel = env.outside.join("counsel");
    std::fs::create_dir_all(&counsel).expect("counsel folder");
    serve.call(
        "export_counsel",
        json!({ "caseId": case_id, "includeGps": false, "folder": counsel, "plain": false, "passphrase": null }),
    );
    assert_eq!(
        std::fs::read_dir(&counsel).expect("counsel folder").count(),
        1,
        "one encrypted file for counsel"
    );
    let backup = serve.call("back_up_into", json!({ "folder": env.outside.join("usb") }));
    let backup = PathBuf::from(backup["folder"].as_str().expect("backup folder"));

    serve.call("lock", json!({}));
    // The backup and the export for counsel leave the laptop: encrypted,
    // they read nothing either.
    let scanned = [
        env.data.as_path(),
        &env.tmp,
        &env.cache,
        &env.home,
        &backup,
        &counsel,
    ];
    assert_clean(&scanned, "locked");
    serve.close();
    assert_clean(&scanned, "closed");

    let mut serve = Serve::start(&env);
    serve.call("unlock", json!({ "passphrase": PASSWORD }));
    serve.call("delete_case", json!({ "id": case_id, "typedName": NAME }));
    serve.call("erase_case", json!({ "id": case_id, "typedName": NAME }));
    assert_clean(
        &[&env.data, &env.tmp, &env.cache, &env.home],
        "erased, unlocked",
    );
    serve.close();
    assert_clean(
        &[&env.data, &env.tmp, &env.cache, &env.home],
        "erased, closed",
    );
}
