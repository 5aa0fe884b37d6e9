//! One Amparo at a time on a data folder: while one has it open (here
//! `amparo serve`, as the window's core), another command is refused with
//! a plain reason and changes nothing; once the first ends, it works.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

mod support;

use support::{PASSPHRASE, amparo, with_vault};

#[test]
fn a_second_amparo_on_the_same_folder_is_refused_until_the_first_ends() {
    let data = tempfile::tempdir().expect("temp");
    with_vault(data.path());
    let mut serve = Command::new(env!("CARGO_BIN_EXE_amparo"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("serve")
        .env_remove("AMPARO_DATA_DIR")
        .env("AMPARO_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    // One answered call: the server has the folder open.
    let mut stdin = serve.stdin.take().expect("stdin");
    writeln!(stdin, r#"{{"id": 1, "op": "list_cases", "input": {{}}}}"#).expect("ask");
    let mut answer = String::new();
    BufReader::new(serve.stdout.take().expect("stdout"))
        .read_line(&mut answer)
        .expect("answer");
    assert!(answer.contains("\"id\":1"), "{answer}");

    let refused = amparo(data.path(), &["case", "example"], &[]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("this data folder is open in another Amparo"),
        "{said}"
    );
    let call = amparo(data.path(), &["call", "list_cases", "{}"], &[]);
    assert!(
        String::from_utf8_lossy(&call.stderr).contains("\"code\":\"dataFolderInUse\""),
        "{}",
        String::from_utf8_lossy(&call.stderr)
    );

    drop(stdin);
    serve.wait().expect("serve ends when its input does");
    let listed = amparo(data.path(), &["--json", "case", "list"], &[]);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout).trim(),
        "[]",
        "the refused command added nothing"
    );
}
