//! A damaged install: the bundled font files are not where Amparo looks.
//! A print that needs one stops with a font error the window names, never
//! sets a person's words in another font; a print that needs none still
//! comes out. The font folder is read once per process, so the test runs
//! itself again in a child process with `AMPARO_FONTS` set to an empty
//! folder, and the child makes the checks.

use amparo_print::{PrintError, render_source};

/// Set in the child process, whose font folder is empty.
const CHILD: &str = "AMPARO_TEST_EMPTY_FONT_FOLDER";

#[test]
fn a_missing_font_file_stops_the_print_that_needs_it_and_only_that_one() {
    if std::env::var_os(CHILD).is_some() {
        prints_with_an_empty_font_folder();
        return;
    }
    let empty = tempfile::tempdir().expect("temp");
    let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "a_missing_font_file_stops_the_print_that_needs_it_and_only_that_one",
        ])
        .env("AMPARO_FONTS", empty.path())
        .env(CHILD, "1")
        .output()
        .expect("child");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("1 passed"), "{said}");
}

/// The checks, made in the child process.
fn prints_with_an_empty_font_folder() {
    let data = serde_json::json!({});
    let arabic = render_source(
        "#set text(font: (\"Libertinus Serif\", \"Noto Naskh Arabic\"), lang: \"ar\")\nابني بريء",
        &data,
    );
    match arabic {
        Err(error @ PrintError::Font(_)) => {
            assert_eq!(error.code(), "fontMissing");
            assert!(error.to_string().contains("cannot be read"), "{error}");
        }
        other => panic!("printed without its font: {:?}", other.map(|p| p.count())),
    }
    let spanish = render_source(
        "#set text(font: \"Libertinus Serif\", lang: \"es\")\nMi hijo es inocente.",
        &data,
    )
    .expect("a Latin print needs no bundled file");
    assert_eq!(spanish.count(), 1);
}
