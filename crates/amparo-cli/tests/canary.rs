//! The canary: a case whose name, A-number, paragraph, photo caption,
//! tattoo meaning and photo EXIF carry marker strings is made, printed,
//! previewed, exported and backed up through `amparo serve`, as the window
//! does it. Then, with Amparo locked, again after it closed, and after the
//! case is erased for good, no marker is readable in the data folder, the
//! temporary folder or the user's cache folder, in UTF-8, UTF-16, base64 or
//! hex.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use base64::Engine;
use serde_json::{Value, json};

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

/// Every way a marker's bytes could be written: UTF-8, UTF-16 (both byte
/// orders), base64 at each of the three alignments, and hex.
fn forms(marker: &str) -> Vec<Vec<u8>> {
    let utf8 = marker.as_bytes().to_vec();
    let le: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = marker.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let mut out = vec![utf8.clone(), le, be];
    for pad in 0..3 {
        let mut padded = vec![b'x'; pad];
        padded.extend_from_slice(&utf8);
        let encoded = base64::engine::general_purpose::STANDARD.encode(&padded);
        // Only the characters that depend on the marker alone.
        let skip = (pad * 4).div_ceil(3);
        let inner: String = encoded
            .chars()
            .skip(skip)
            .take(encoded.len().saturating_sub(skip + 4))
            .collect();
        out.push(inner.into_bytes());
    }
    let hex: String = utf8.iter().map(|b| format!("{b:02x}")).collect();
    out.push(hex.clone().into_bytes());
    out.push(hex.to_uppercase().into_bytes());
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A file's bytes, and for a PDF also its text as a reader extracts it (a
/// PDF's text is compressed and set in font glyphs, so its raw bytes hide
/// what anyone opening it reads).
fn readable(file: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(file).unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        let text = Command::new("pdftotext")
            .arg(file)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) reads the PDF");
        bytes.extend_from_slice(&text.stdout);
    }
    bytes
}

/// Panics naming each file where a marker is readable.
fn assert_clean(dirs: &[&Path], when: &str) {
    let markers = [NAME, A_NUMBER, PARAGRAPH, CAPTION, MEANING, EXIF];
    let mut found = Vec::new();
    for dir in dirs {
        let mut files = Vec::new();
        files_under(dir, &mut files);
        for file in files {
            let bytes = readable(&file);
            for marker in markers {
                if forms(marker)
                    .iter()
                    .any(|f| bytes.windows(f.len()).any(|w| w == f.as_slice()))
                {
                    found.push(format!("{marker} in {}", file.display()));
                }
                if file.display().to_string().contains(marker) {
                    found.push(format!("{marker} in the name {}", file.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{when}: {found:#?}");
}

/// A small JPEG whose EXIF ImageDescription carries the EXIF marker.
fn photo_with_exif(path: &Path) {
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(64, 48, image::Rgb([180, 120, 90]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .expect("jpeg");
    let text = format!("{EXIF}\0");
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&0x010e_u16.to_le_bytes()); // ImageDescription
    tiff.extend_from_slice(&2u16.to_le_bytes()); // ASCII
    tiff.extend_from_slice(&(text.len() as u32).to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(text.as_bytes());
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    std::fs::write(path, out).expect("photo");
}

#[test]
fn no_marker_is_readable_locked_closed_or_erased() {
    let env = Env::new();
    let photo = env.outside.join("wrist.jpg");
    photo_with_exif(&photo);
    assert!(forms(EXIF).iter().any(|f| {
        std::fs::read(&photo)
            .expect("photo")
            .windows(f.len())
            .any(|w| w == f.as_slice())
    }));

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
    let backup = serve.call("back_up_into", json!({ "folder": env.outside.join("usb") }));
    let backup = PathBuf::from(backup["folder"].as_str().expect("backup folder"));

    serve.call("lock", json!({}));
    let scanned = [env.data.as_path(), &env.tmp, &env.cache, &env.home, &backup];
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
