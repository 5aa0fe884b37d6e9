//! Every key a template reads from `sys.inputs.data` is a field of the
//! typed data model. A renamed field would otherwise print as a typst
//! error at the user's desk, or as nothing at all in a branch no test
//! prints.

use std::collections::BTreeSet;

use regex::Regex;
use serde::Serialize;
use serde_json::Value;

use crate::packet::data::{
    ChronologyRow, Cover, CustodyLine, CustodyRow, CustodySummary, DocumentExhibit,
    DocumentPageData, DocumentTranslation, ExhibitBody, ExhibitData, FrozenPages, Index,
    LabelledImage, Meaning, PacketData, PageNumbering, PhotoExhibit, RebuttalRow, StatementExhibit,
    Submitted, Table, TableExhibit, TattooExhibit, Verify, VerifyRow,
};
use crate::set_data::{
    Caption, Certificate, CertificatePart, DeclarationPart, DeclarationSet, Executed,
    NumberedParagraph, Part, ScansPart, Signature, Signer, SignerLabels, Sworn,
};

const TEMPLATES: [(&str, &str); 4] = [
    (
        "declaration.typ",
        include_str!("../templates/declaration.typ"),
    ),
    ("parts.typ", include_str!("../templates/parts.typ")),
    ("packet.typ", include_str!("../templates/packet.typ")),
    ("fonts.typ", include_str!("../templates/fonts.typ")),
];

/// Keys of dictionaries the templates build themselves (`doc.packet`).
const BUILT_BY_TEMPLATES: [&str; 1] = ["packet"];

/// Fields of typst's own elements that templates read (a paragraph's
/// `body` in `fonts.typ`), which are not data.
const ELEMENT_FIELDS: [&str; 1] = ["body"];

/// Typst's own modules, whose fields are not data.
const MODULES: [&str; 8] = [
    "sys", "calc", "std", "math", "table", "grid", "enum", "list",
];

fn caption() -> Caption {
    Caption {
        court: "c".into(),
        division: Some("d".into()),
        left: vec!["l".into()],
        right: vec!["r".into()],
    }
}

fn certificate() -> Certificate {
    Certificate {
        title: "t".into(),
        text: "x".into(),
        signer: Signer {
            name: "n".into(),
            address: Some("a".into()),
            phone: Some("p".into()),
        },
        labels: SignerLabels::full(),
        signed_on: Some("d".into()),
        sworn: Some(Sworn {
            clause: "c".into(),
            executed: Executed {
                label: "l".into(),
                date: Some("d".into()),
                at: "at",
                place: Some("p".into()),
            },
        }),
    }
}

/// A set with every kind of part and every optional field present.
fn full_set() -> DeclarationSet {
    DeclarationSet {
        document_title: "t",
        example: true,
        draft: true,
        parts: vec![
            Part::Declaration(DeclarationPart {
                lang: "zh",
                region: Some("TW"),
                dir: "rtl",
                heading: Some("Translation"),
                caption: Some(caption()),
                title: "t".into(),
                opening: "o".into(),
                paragraphs: vec![NumberedParagraph {
                    n: 1,
                    text: "p".into(),
                }],
                clause: "c".into(),
                executed: Executed {
                    label: "l".into(),
                    date: Some("d".into()),
                    at: "at",
                    place: Some("p".into()),
                },
                signature: Signature {
                    name: "n".into(),
                    mark: Some("[signed]"),
                },
                footer: Some("f".into()),
                page_label: Some(["Page ", " of "]),
            }),
            Part::Certificate(CertificatePart {
                lang: "en",
                certificate: certificate(),
                footer: Some("f".into()),
                page_label: Some(["Page ", " of "]),
            }),
            Part::Scans(ScansPart {
                lang: "en",
                title: "t".into(),
                images: vec!["i".into()],
                footer: Some("f".into()),
                page_label: Some(["Page ", " of "]),
            }),
        ],
    }
}

fn exhibit(body: ExhibitBody) -> ExhibitData {
    ExhibitData {
        letter: "A".into(),
        group: "g",
        description: "d".into(),
        bookmark: "b".into(),
        body,
        translation: Some(certificate()),
        translation_scan: Some("s".into()),
    }
}

/// A packet with every kind of exhibit and every optional field present.
fn full_packet() -> PacketData {
    PacketData {
        pdf_title: "t",
        document_title: "t".into(),
        example: true,
        draft: true,
        numbering: PageNumbering {
            prefix: "R".into(),
            width: 6,
            repeat_prefix: true,
            first: 1,
            part_starts: vec![2],
            parts: 2,
        },
        cover: Cover {
            profile: "immigrationCourt",
            detained: true,
            filer: vec!["f".into()],
            court: "c".into(),
            city: "c".into(),
            name: "n".into(),
            a_number: "a".into(),
            judge: "j".into(),
            hearing: "h".into(),
            title: "t".into(),
            caption: caption(),
        },
        index: Index {
            title: "i",
            item_word: "Tab",
        },
        exhibits: vec![
            exhibit(ExhibitBody::Photo(PhotoExhibit {
                image: "i".into(),
                caption: vec![("k", "v".into())],
            })),
            exhibit(ExhibitBody::Tattoo(TattooExhibit {
                title: "t".into(),
                photos: vec![LabelledImage {
                    image: "i".into(),
                    label: "l".into(),
                }],
                fields: vec![("k", "v".into())],
                meaning: Some(Meaning {
                    original_label: "o".into(),
                    original: "o".into(),
                    english_label: "e".into(),
                    english: "e".into(),
                    sworn: vec!["s".into()],
                }),
            })),
            exhibit(ExhibitBody::Statement(StatementExhibit {
                parts: full_set().parts,
                frozen: None,
            })),
            exhibit(ExhibitBody::Statement(StatementExhibit {
                parts: Vec::new(),
                frozen: Some(FrozenPages {
                    pdf: "p".into(),
                    pages: 1,
                }),
            })),
            exhibit(ExhibitBody::Chronology(TableExhibit {
                table: Table {
                    title: "t",
                    rows: vec![ChronologyRow {
                        date: "d".into(),
                        what: "w".into(),
                        place: "p".into(),
                        sources: vec!["s".into()],
                    }],
                },
            })),
            exhibit(ExhibitBody::Rebuttal(TableExhibit {
                table: Table {
                    title: "t",
                    rows: vec![RebuttalRow {
                        criterion: "c".into(),
                        claim: "c".into(),
                        source: vec!["s".into()],
                        points: "1".into(),
                        response: "r".into(),
                        evidence: vec!["e".into()],
                        open: true,
                    }],
                },
            })),
            exhibit(ExhibitBody::Document(DocumentExhibit {
                pdf: Some("p".into()),
                pages: vec![DocumentPageData {
                    pdf_page: Some(1),
                    image: Some("i".into()),
                    rotation: 90,
                    width_in: 1.0,
                    height_in: 1.0,
                    label: "l".into(),
                }],
                document_translation: Some(DocumentTranslation {
                    title: "t".into(),
                    pages: vec![("l".into(), "t".into())],
                }),
            })),
        ],
        service: Some(certificate()),
        service_scan: Some("s".into()),
        submitted: Submitted {
            title: "t",
            text: "r".into(),
            name: "n".into(),
            role: "r",
            bar_number: Some("b".into()),
            e_signature: Some("/s/ n".into()),
            signed_on: Some("d".into()),
            scan: Some("s".into()),
        },
        verify: Some(Verify {
            title: "v",
            paragraphs: ["a", "b"],
            rows: vec![VerifyRow {
                letter: "A".into(),
                file: "f".into(),
                sha256: "s".into(),
            }],
        }),
        custody: Some(CustodySummary {
            title: "c",
            paragraphs: ["a", "b"],
            handed_title: "h",
            handed: vec![CustodyLine {
                when: "w".into(),
                text: "t".into(),
            }],
            rows: vec![CustodyRow {
                letter: "A".into(),
                file: "f".into(),
                sha256: "s".into(),
                entries: vec![CustodyLine {
                    when: "w".into(),
                    text: "t".into(),
                }],
            }],
            check: "c".into(),
            problems: vec!["p".into()],
        }),
    }
}

fn keys_of(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                into.insert(key.clone());
                keys_of(inner, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys_of(v, into)),
        _ => {}
    }
}

fn serialized_keys(model: &impl Serialize) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    keys_of(&serde_json::to_value(model).expect("json"), &mut keys);
    keys
}

/// The template without comments, and with every string emptied (a
/// string's text is never a key access).
fn code_only(source: &str) -> String {
    let mut out = String::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push_str("\"\"");
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => {
                for s in chars.by_ref() {
                    if s == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The keys `source` reads: `x.key` (not a method call `x.key(`), and
/// `x.at("key", ...)`.
fn keys_read(source: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let at = Regex::new(r#"\.at\(\s*"([^"]+)""#).expect("pattern");
    keys.extend(at.captures_iter(source).map(|c| c[1].to_owned()));
    let code = code_only(source).replace("sys.inputs.data", "");
    let field = Regex::new(r"\.([A-Za-z_][A-Za-z0-9_-]*)(\()?").expect("pattern");
    let before = Regex::new(r"([A-Za-z_][A-Za-z0-9_-]*)$").expect("pattern");
    for found in field.captures_iter(&code) {
        let whole = found.get(0).expect("match");
        let preceding = &code[..whole.start()];
        let Some(last) = preceding.chars().last() else {
            continue;
        };
        // `1.5em`, `..spread` and markup text such as `No.:` are not reads.
        if !(last.is_ascii_alphanumeric() || last == '_' || last == ')' || last == ']') {
            continue;
        }
        if found.get(2).is_some() {
            continue;
        }
        let owner = before.captures(preceding).map(|c| c[1].to_owned());
        if owner.is_some_and(|o| MODULES.contains(&o.as_str())) {
            continue;
        }
        keys.insert(found[1].to_owned());
    }
    keys
}

#[test]
fn every_key_a_template_reads_is_a_field_of_the_data_model() {
    let mut fields = serialized_keys(&full_set());
    fields.extend(serialized_keys(&full_packet()));
    fields.extend(BUILT_BY_TEMPLATES.map(str::to_owned));
    fields.extend(ELEMENT_FIELDS.map(str::to_owned));
    let mut unknown = Vec::new();
    let mut read = BTreeSet::new();
    for (name, source) in TEMPLATES {
        for key in keys_read(source) {
            if !fields.contains(&key) {
                unknown.push(format!("{name}: {key}"));
            }
            read.insert(key);
        }
    }
    assert!(
        unknown.is_empty(),
        "templates read keys the data model does not have: {unknown:?}"
    );
    // The scan itself must see the reads, or the test proves nothing.
    for key in [
        "document-title",
        "page-label",
        "signed-on",
        "a-number",
        "part-starts",
    ] {
        assert!(read.contains(key), "the scan missed {key}");
    }
}

#[test]
fn the_scan_tells_reads_from_calls_strings_and_lengths() {
    let keys = keys_read(
        "#let x = data.cover.a-number // data.not-this\n\
         #x.at(\"footer\", default: none) #e.location().page() \"data.nor-this\" 1.5em ..rows.flatten()",
    );
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(keys, ["a-number", "cover", "footer"]);
}
