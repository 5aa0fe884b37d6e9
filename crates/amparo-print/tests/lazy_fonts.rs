//! A Spanish declaration reads none of the Chinese, Arabic or Ethiopic
//! font files: printing in one language costs nothing for the others.
//! Alone in its test binary, because the record of files read is the
//! process's.

mod common;

use amparo_core::Paragraph;
use amparo_print::{Purpose, fonts_read, print_statement};
use common::*;

#[test]
fn a_spanish_declaration_reads_no_other_scripts_font() {
    let mut f = fixture();
    print_statement(&f.store, &f.mother, Purpose::Draft).expect("spanish draft");
    assert_eq!(fonts_read(), Vec::<String>::new());

    // The record does see a file read when a print needs one.
    let mut draft = f.store.statement(&f.mother).expect("statement").draft;
    draft.language = "am".into();
    draft.paragraphs = vec![Paragraph {
        original: "ልጄ ወላጆቹን ለማክበር ሁለት ዘውዶችን ተነቅሷል።".into(),
        english: "My son had two crowns tattooed to honor his parents.".into(),
        exhibits: Vec::new(),
    }];
    f.store.update_statement(&f.mother, &draft).expect("save");
    print_statement(&f.store, &f.mother, Purpose::Draft).expect("amharic draft");
    assert_eq!(fonts_read(), ["NotoSerifEthiopic-Regular.ttf"]);
}
