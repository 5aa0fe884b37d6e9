//! A declaration prints in every language a declarant may write in: each
//! one's own words come back from the PDF as they were typed (poppler's
//! text), set in a font that has them, in the statement's direction. A
//! character no bundled font has stops the print, naming its paragraph.
//!
//! `AMPARO_SCRIPT_PDFS=<dir>` keeps the PDFs, to look at.

mod common;

use amparo_core::{Paragraph, PrintCheckCode, SigningMode};
use amparo_print::{PrintError, Purpose, print_statement, statement_checks};
use common::*;

/// The mother's statement rewritten in `language`, with one paragraph
/// saying `original` (translated as `english`).
fn statement_in(f: &mut Fixture, language: &str, original: &str, english: &str) {
    let mut draft = f.store.statement(&f.mother).expect("statement").draft;
    draft.language = language.into();
    draft.mode = SigningMode::SignOriginal;
    draft.paragraphs = vec![Paragraph {
        original: original.into(),
        english: english.into(),
        exhibits: Vec::new(),
    }];
    f.store.update_statement(&f.mother, &draft).expect("save");
}

/// Prints the mode A draft (translation, certificate, original) of a
/// statement in `language` and returns its PDF.
fn draft_in(language: &str, original: &str, english: &str) -> Vec<u8> {
    draft_with_font(language, original, english, "LibertinusSerif-Regular")
}

/// As [`draft_in`], and asserts the PDF embeds `font` (a PostScript name):
/// the script's own face, not a fallback.
fn draft_with_font(language: &str, original: &str, english: &str, font: &str) -> Vec<u8> {
    let mut f = fixture();
    statement_in(&mut f, language, original, english);
    let pdf = print_statement(&f.store, &f.mother, Purpose::Draft).expect("draft prints");
    if let Some(dir) = std::env::var_os("AMPARO_SCRIPT_PDFS") {
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(
            std::path::Path::new(&dir).join(format!("{language}.pdf")),
            &pdf,
        )
        .expect("keep pdf");
    }
    let fonts = pdffonts(&pdf);
    assert!(fonts.contains(font), "{language}: no {font} in\n{fonts}");
    pdf
}

/// `text` without whitespace: where a line breaks is the layout's choice,
/// and Chinese has no spaces to keep.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts the original paragraph comes back word for word from the
/// PDF's text in the order it was drawn, with runs of whitespace as one
/// space (reading order would slip the DRAFT mark's letters between its
/// lines).
fn assert_prints_words(language: &str, font: &str, original: &str) {
    let pdf = draft_with_font(
        language,
        original,
        "My son's crowns honor his parents.",
        font,
    );
    let text = flat_raw_text(&pdf);
    assert!(
        text.contains(original),
        "{language}: {original:?} not in the PDF's text:\n{text}"
    );
}

/// Asserts the original paragraph's characters come back in order, for
/// Chinese, which has no spaces, and Hindi, where poppler reads the gap
/// after a vowel sign under a letter as a space ("मुकु ट").
fn assert_prints_letters(language: &str, font: &str, original: &str) {
    let pdf = draft_with_font(
        language,
        original,
        "My son's crowns honor his parents.",
        font,
    );
    let text = letters(&flat_raw_text(&pdf));
    assert!(
        text.contains(&letters(original)),
        "{language}: {original:?} not in the PDF's text:\n{text}"
    );
}

/// Asserts a right-to-left paragraph comes back in reading order, its
/// words in the order typed, from the lines of the PDF's text that hold
/// Arabic letters (the DRAFT mark's letters and the paragraph number fall
/// between them in reading order). poppler marks each line with direction
/// controls, dropped here, and, going by position, writes a line's final
/// period first (on the page it is at the left end, where a right-to-left
/// line ends): it is put back at the end before comparing.
fn assert_prints_right_to_left(language: &str, font: &str, original: &str) {
    let pdf = draft_with_font(
        language,
        original,
        "My son's crowns honor his parents.",
        font,
    );
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    let lines: Vec<String> = reading_lines(&pdf)
        .lines()
        .filter(|line| line.chars().any(arabic))
        .map(|line| {
            let line: String = line
                .chars()
                .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect();
            match line.trim().strip_prefix('.') {
                Some(rest) => format!("{rest}."),
                None => line.trim().to_owned(),
            }
        })
        .collect();
    let text = lines.join(" ");
    assert!(
        text.contains(original),
        "{language}: {original:?} not in the PDF's text:\n{text}"
    );
    // Laid out right to left: the first word typed is the rightmost.
    // poppler gives a right-to-left word's letters reversed.
    let x_of = |word: &str| {
        let reversed: String = word.chars().rev().collect();
        words_at(&pdf)
            .into_iter()
            .find(|(_, w)| w.trim_matches('.') == word || w.trim_matches('.') == reversed)
            .map(|(x, _)| x)
            .unwrap_or_else(|| panic!("{language}: no word {word:?} on the page"))
    };
    let words: Vec<&str> = original.split(' ').collect();
    assert!(
        x_of(words[0]) > x_of(words[1]),
        "{language}: {:?} is not right of {:?}",
        words[0],
        words[1]
    );
}

#[test]
fn spanish() {
    assert_prints_words(
        "es",
        "LibertinusSerif-Regular",
        "Mi hijo se tatuó dos coronas en las muñecas para honrar a sus padres y a los Reyes Magos de Capacho; ¿cómo iba a ser eso una señal de pandilla?",
    );
}

#[test]
fn haitian_creole() {
    assert_prints_words(
        "ht",
        "LibertinusSerif-Regular",
        "Pitit gason m nan fè tatou de kouwòn sou ponyèt li pou onore papa l ak manman l, ak fèt Wa Maj yo nan vil nou an.",
    );
}

#[test]
fn vietnamese() {
    assert_prints_words(
        "vi",
        "LibertinusSerif-Regular",
        "Con trai tôi xăm hai chiếc vương miện trên cổ tay để tôn vinh cha mẹ và lễ hội Ba Vua ở quê nhà.",
    );
}

#[test]
fn russian() {
    assert_prints_words(
        "ru",
        "LibertinusSerif-Regular",
        "Мой сын сделал татуировки двух корон на запястьях в честь своих родителей и праздника Трёх королей.",
    );
}

#[test]
fn arabic() {
    assert_prints_right_to_left(
        "ar",
        "NotoNaskhArabic-Regular",
        "وشم ابني تاجين على معصميه تكريما لوالديه ولعيد الملوك الثلاثة في بلدتنا.",
    );
}

const PERSIAN: &str = "پسرم دو تاج روی مچ دستش خالکوبی کرد تا به پدر و مادرش و جشن سه پادشاه در شهرمان احترام بگذارد.";

#[test]
fn persian() {
    assert_prints_right_to_left("fa", "NotoNaskhArabic-Regular", PERSIAN);
}

#[test]
fn mandarin_simplified() {
    assert_prints_letters(
        "zh-Hans",
        "NotoSerifCJKsc-Regular",
        "我儿子在两个手腕上各纹了一顶王冠，是为了纪念他的父母和我们家乡的三王节。",
    );
}

#[test]
fn mandarin_traditional() {
    assert_prints_letters(
        "zh-Hant",
        "NotoSerifCJKtc-Regular",
        "我兒子在兩個手腕上各紋了一頂王冠，是為了紀念他的父母和我們家鄉的三王節。",
    );
}

#[test]
fn punjabi_gurmukhi() {
    assert_prints_words(
        "pa",
        "NotoSerifGurmukhi-Regular",
        "ਮੇਰੇ ਪੁੱਤਰ ਨੇ ਆਪਣੇ ਮਾਪਿਆਂ ਦੇ ਸਨਮਾਨ ਵਿੱਚ ਆਪਣੀਆਂ ਕਲਾਈਆਂ ਉੱਤੇ ਦੋ ਤਾਜ ਬਣਵਾਏ ਹਨ।",
    );
}

#[test]
fn hindi() {
    assert_prints_letters(
        "hi",
        "NotoSerifDevanagari-Regular",
        "मेरे बेटे ने अपने माता-पिता और हमारे गाँव के तीन राजाओं के त्योहार के सम्मान में अपनी कलाइयों पर दो मुकुट गुदवाए हैं।",
    );
}

#[test]
fn tigrinya() {
    assert_prints_words(
        "ti",
        "NotoSerifEthiopic-Regular",
        "ወደይ ንወለዱ ንምኽባር ኣብ ኢዱ ክልተ ዘውዲ ተነቒሱ።",
    );
}

#[test]
fn amharic() {
    assert_prints_words(
        "am",
        "NotoSerifEthiopic-Regular",
        "ልጄ ወላጆቹን ለማክበር በእጅ አንጓዎቹ ላይ ሁለት ዘውዶችን ተነቅሷል።",
    );
}

#[test]
fn the_certificate_names_the_language_in_english() {
    let pdf = draft_in("fa", PERSIAN, "My son's crowns honor his parents.");
    let text = flat_text(&pdf);
    assert!(text.contains("from Persian (Farsi) into English"), "{text}");
}

#[test]
fn a_character_no_font_has_stops_the_print_naming_its_paragraph() {
    let mut f = fixture();
    let mut draft = f.store.statement(&f.mother).expect("statement").draft;
    // Tibetan: no bundled font has it.
    draft.paragraphs[1].original = "Mi hijo escribió བཀྲ་ཤིས en su cuaderno.".into();
    f.store.update_statement(&f.mother, &draft).expect("save");

    let checks = statement_checks(&f.store, &f.mother).expect("checks");
    let check = checks
        .iter()
        .find(|c| c.code == PrintCheckCode::UnprintableCharacters)
        .expect("the check");
    assert!(check.blocks);
    assert_eq!(check.paragraphs, [2]);
    assert!(check.message.contains("U+0F56"), "{}", check.message);

    for purpose in [Purpose::Draft, Purpose::ForSignature] {
        match print_statement(&f.store, &f.mother, purpose) {
            Err(PrintError::NotReady(checks)) => assert!(
                checks
                    .iter()
                    .any(|c| c.code == PrintCheckCode::UnprintableCharacters
                        && c.paragraphs == [2]),
                "{checks:?}"
            ),
            other => panic!("{purpose:?} printed boxes: {:?}", other.map(|p| p.len())),
        }
    }
}
