//! Writes the filing sets of the example case's two statements, signed, as
//! PDFs into a folder (default docs/samples): the mother's, signed in
//! Venezuela in her own language (mode A), and Jesús's, signed in English
//! in a Texas detention facility after it was read back to him (mode B).
//! Then drafts of the mother's statement written in Arabic, Mandarin
//! (simplified) and Amharic, each the English translation, its
//! certificate and the original (page 3), to see those scripts set.
//! Last, the example case's family summary in Spanish and in English.
//! `make samples` turns them into PNG pages.

use std::path::PathBuf;

use amparo_core::{BlobStore, Paragraph, SigningMode, SigningPlace, SigningRecord, Store};

/// A statement in another script: file name, language, and paragraphs as
/// (original, English).
type ScriptSample = (
    &'static str,
    &'static str,
    [(&'static str, &'static str); 2],
);

const SCRIPTS: [ScriptSample; 3] = [
    (
        "script-arabic.pdf",
        "ar",
        [
            (
                "في بلدتنا نحتفل كل عام في السادس من يناير بعيد الملوك الثلاثة، ومنذ أن كان ابني في السابعة شارك في الموكب لابسا تاجا خطته له بيدي.",
                "In our town we celebrate the Three Kings every January 6, and since my son was seven he walked in the parade wearing a crown I sewed for him.",
            ),
            (
                "وشم ابني تاجين على معصميه، واحدا فوق كلمة «ماما» والآخر فوق كلمة «بابا»، تكريما لوالديه وللملوك الثلاثة، وليس علامة عصابة.",
                "My son had two crowns tattooed on his wrists, one over the word “mamá” and one over “papá”, to honor his parents and the Three Kings, not as a gang sign.",
            ),
        ],
    ),
    (
        "script-mandarin.pdf",
        "zh-Hans",
        [
            (
                "我们镇每年一月六日都庆祝三王节。我儿子从七岁起就穿着国王的衣服参加游行，头上戴着我亲手缝的王冠。",
                "In our town we celebrate the Three Kings every January 6. Since he was seven my son walked in the parade dressed as a king, wearing a crown I sewed myself.",
            ),
            (
                "他在两个手腕上各纹了一顶王冠，一顶在“妈妈”上面，一顶在“爸爸”上面，是为了纪念父母和三王，不是帮派标志。",
                "He had a crown tattooed on each wrist, one over “mamá” and one over “papá”, to honor his parents and the Three Kings, not as a gang sign.",
            ),
        ],
    ),
    (
        "script-amharic.pdf",
        "am",
        [
            (
                "በከተማችን በየዓመቱ ጥር ስድስት የሦስቱ ነገሥታት በዓል ይከበራል። ልጄ ከሰባት ዓመቱ ጀምሮ እኔ የሰፋሁለትን ዘውድ አድርጎ በሰልፉ ላይ ይሳተፍ ነበር።",
                "In our town the Three Kings are celebrated every January 6. Since he was seven my son walked in the parade wearing a crown I sewed for him.",
            ),
            (
                "ልጄ ወላጆቹንና ሦስቱን ነገሥታት ለማክበር በሁለቱም የእጅ አንጓዎቹ ላይ ዘውዶችን ተነቅሷል፤ የወንበዴ ምልክት አይደሉም።",
                "My son had crowns tattooed on both wrists to honor his parents and the Three Kings; they are not a gang sign.",
            ),
        ],
    ),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("docs/samples"));
    std::fs::create_dir_all(&out)?;
    let data = tempfile::tempdir()?;
    let mut store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests())?;
    let blobs = BlobStore::open(data.path(), &amparo_core::Keys::fixed_for_tests())?;
    let case = store.add_example_case()?;
    for summary in store.statements(&case.id)? {
        let mother = summary.declarant_name.starts_with("María");
        let signing = SigningRecord {
            signed_on: "2026-11-12".into(),
            place: if mother {
                SigningPlace {
                    place: "Capacho, Táchira, Venezuela".into(),
                    country: "VE".into(),
                    us_detention_facility: false,
                    ..SigningPlace::default()
                }
            } else {
                SigningPlace {
                    place: "South Texas ICE Processing Center, Pearsall, Texas".into(),
                    country: "US".into(),
                    us_detention_facility: true,
                    ..SigningPlace::default()
                }
            },
        };
        let version = amparo_print::sign_statement(&mut store, &blobs, &summary.id, &signing, &[])?;
        let pdf = amparo_print::print_signed(&store, &blobs, &summary.id, version.number)?;
        let name = if mother {
            "mode-a-signed-in-venezuela.pdf"
        } else {
            "mode-b-signed-in-texas.pdf"
        };
        std::fs::write(out.join(name), pdf)?;
        println!("wrote {}", out.join(name).display());
    }
    let mother = store
        .statements(&case.id)?
        .into_iter()
        .find(|s| s.declarant_name.starts_with("María"))
        .ok_or("the example has the mother's statement")?;
    for (name, language, paragraphs) in SCRIPTS {
        let mut draft = store.statement(&mother.id)?.draft;
        draft.language = language.into();
        // The Spanish title would not fit; the English one prints instead.
        draft.title_original.clear();
        draft.mode = SigningMode::SignOriginal;
        draft.paragraphs = paragraphs
            .iter()
            .map(|(original, english)| Paragraph {
                original: (*original).into(),
                english: (*english).into(),
                exhibits: Vec::new(),
            })
            .collect();
        store.update_statement(&mother.id, &draft)?;
        let pdf = amparo_print::print_statement(&store, &mother.id, amparo_print::Purpose::Draft)?;
        std::fs::write(out.join(name), pdf)?;
        println!("wrote {}", out.join(name).display());
    }
    for (lang, name) in [
        ("es", "family-summary-es.pdf"),
        ("en", "family-summary-en.pdf"),
    ] {
        let pdf = amparo_print::family_summary(&store, &case.id, lang)?.pdf()?;
        std::fs::write(out.join(name), pdf)?;
        println!("wrote {}", out.join(name).display());
    }
    // For a volunteer translator: the mother's statement in Spanish with
    // its first two paragraphs translated and room to write the rest.
    // The statement as first signed, before the scripts above replaced it.
    let statement = store.statement(&mother.id)?;
    let mut draft = statement
        .signed
        .first()
        .map_or(statement.draft, |v| v.draft.clone());
    for p in draft.paragraphs.iter_mut().skip(2) {
        p.english.clear();
    }
    store.update_statement(&mother.id, &draft)?;
    let pdf = amparo_print::translator_copy(&store, &mother.id, "es")?.pdf()?;
    std::fs::write(out.join("for-the-translator-es.pdf"), pdf)?;
    println!("wrote {}", out.join("for-the-translator-es.pdf").display());
    let sheet = amparo_core::write_sheet(&store.statement(&mother.id)?, true);
    std::fs::write(out.join("translation-sheet-es.txt"), sheet)?;
    println!("wrote {}", out.join("translation-sheet-es.txt").display());
    Ok(())
}
