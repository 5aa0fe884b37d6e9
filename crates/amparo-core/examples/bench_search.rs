//! Search speed over 100 cases with 50,000 statement paragraphs, in a real
//! database file, against the obvious alternative: SQLite scanning the same
//! paragraphs with `LIKE` for every match (what ranking the best 50 needs
//! without an index; it does not even fold accents, and searches only the
//! paragraphs). Run with `make bench-search`; the data is generated.

use std::time::{Duration, Instant};

use amparo_core::{
    CaseDraft, DeclarantDraft, NewPhoto, Paragraph, PhotoExif, PhotoFormat, StatementDraft, Store,
    TattooDraft,
};

const CASES: usize = 100;
const STATEMENTS_PER_CASE: usize = 5;
const PARAGRAPHS_PER_STATEMENT: usize = 100;
const RUNS: usize = 25;

const WORDS: &[&str] = &[
    "casa",
    "mamá",
    "papá",
    "corona",
    "fiesta",
    "pueblo",
    "trabajo",
    "maquillaje",
    "niños",
    "desfile",
    "iglesia",
    "escuela",
    "frontera",
    "cita",
    "entrevista",
    "miedo",
    "familia",
    "hermano",
    "hermana",
    "tío",
    "abuela",
    "mercado",
    "calle",
    "montaña",
    "río",
    "camión",
    "teléfono",
    "mensaje",
    "policía",
    "oficial",
    "tatuaje",
    "muñeca",
    "brazo",
    "recuerdo",
    "canción",
    "baile",
    "música",
    "comida",
    "pan",
    "café",
    "mañana",
    "noche",
    "año",
    "mes",
];
const ENGLISH: &[&str] = &[
    "house",
    "mother",
    "father",
    "crown",
    "festival",
    "town",
    "work",
    "makeup",
    "children",
    "parade",
    "church",
    "school",
    "border",
    "appointment",
    "interview",
    "fear",
    "family",
    "brother",
    "sister",
    "uncle",
    "grandmother",
    "market",
    "street",
    "mountain",
    "river",
    "truck",
    "phone",
    "message",
    "police",
    "officer",
    "tattoo",
    "wrist",
    "arm",
    "memory",
];

/// A small deterministic generator, so every run indexes the same text.
struct Words(u64);

impl Words {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn sentence(&mut self, vocabulary: &[&str], words: usize) -> String {
        (0..words)
            .map(|_| vocabulary[self.next(vocabulary.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests())?;
    let mut words = Words(7);
    let started = Instant::now();
    for c in 0..CASES {
        let mut draft = CaseDraft::default();
        draft.person.record_name = format!("Persona {c} {}", words.sentence(WORDS, 2));
        draft.person.a_number = format!("{:09}", 100_000_000 + c);
        draft.notes = words.sentence(WORDS, 40);
        let case_id = store.create_case(&draft)?.id;
        for t in 0..3 {
            store.create_tattoo(
                &case_id,
                &TattooDraft {
                    body_location: format!("wrist {t}"),
                    meaning_original: words.sentence(WORDS, 30),
                    meaning_english: words.sentence(ENGLISH, 30),
                    ..TattooDraft::default()
                },
            )?;
        }
        for p in 0..10u8 {
            let added = store.add_photo(
                &case_id,
                &NewPhoto {
                    sha256: format!("{:02x}{:02x}", c as u8, p).repeat(16),
                    file_name: format!("IMG_{p}.jpg"),
                    format: PhotoFormat::Jpeg,
                    width: 4000,
                    height: 3000,
                    byte_size: 1,
                    exif: PhotoExif {
                        orientation: 1,
                        ..PhotoExif::default()
                    },
                    damaged: false,
                },
            )?;
            let mut details = added.photo.details.clone();
            details.caption = words.sentence(ENGLISH, 15);
            store.update_photo_details(&added.photo.id, &details)?;
        }
        for s in 0..STATEMENTS_PER_CASE {
            let declarant = store.create_declarant(
                &case_id,
                &DeclarantDraft {
                    full_name: format!("Declarante {c}-{s}"),
                    ..DeclarantDraft::default()
                },
            )?;
            // Every 40th paragraph names the festival: 1,250 matches, ranked.
            let paragraphs = (0..PARAGRAPHS_PER_STATEMENT)
                .map(|p| Paragraph {
                    original: words.sentence(WORDS, 45)
                        + if p % 40 == 0 { " Reyes Magos" } else { "" },
                    english: words.sentence(ENGLISH, 45),
                    exhibits: Vec::new(),
                })
                .collect();
            store.create_statement(
                &case_id,
                &StatementDraft {
                    declarant_id: declarant.id,
                    title: format!("Declaración {s}"),
                    language: "es".into(),
                    paragraphs,
                    ..StatementDraft::default()
                },
            )?;
        }
    }
    // One rare word in one paragraph of one case.
    let target = store.list_cases("")?.remove(0).id;
    let statement = store.statements(&target)?.remove(0).id;
    let mut draft = store.statement(&statement)?.draft;
    draft.paragraphs[42].original.push_str(" peluquero");
    store.update_statement(&statement, &draft)?;
    let paragraphs: i64 = {
        let probe = rusqlite::Connection::open(dir.path().join(amparo_core::DATABASE_FILE))?;
        probe.query_row("SELECT count(*) FROM paragraphs", [], |r| r.get(0))?
    };
    println!(
        "generated {CASES} cases, {paragraphs} paragraphs in {:.1} s; database {:.1} MB",
        started.elapsed().as_secs_f64(),
        std::fs::metadata(dir.path().join(amparo_core::DATABASE_FILE))?.len() as f64 / 1e6
    );
    drop(store);
    let store = Store::open(dir.path(), &amparo_core::Keys::fixed_for_tests())?;
    let like = rusqlite::Connection::open(dir.path().join(amparo_core::DATABASE_FILE))?;

    println!(
        "{:<22} {:>5} {:>7} {:>12} {:>15} {:>13}",
        "query", "hits", "ranked", "search (ms)", "LIKE scan (ms)", "scan / search"
    );
    for (query, like_word) in [
        ("peluquero", "peluquero"),
        ("reyes", "Reyes"),
        ("reyes magos", "Reyes Magos"),
        ("mama", "mamá"),
        ("corona", "corona"),
        ("corona fiesta", "corona"),
        ("maqui", "maqui"),
        ("mother crown parade", "mother"),
        ("A-100-000-042", "100000042"),
        ("\"NEAR( AND *", "NEAR"),
    ] {
        let mut hits = 0;
        let mut ranked = true;
        let search = median(|| {
            let found = store.search(query, 50).expect("search");
            hits = found.hits.len();
            ranked = found.ranked;
        });
        let pattern = format!("%{like_word}%");
        let scan = median(|| {
            let _found: i64 = like
                .query_row(
                    "SELECT count(*) FROM paragraphs WHERE original LIKE ?1 OR english LIKE ?1",
                    [&pattern],
                    |r| r.get(0),
                )
                .unwrap_or(0);
        });
        println!(
            "{:<22} {:>5} {:>7} {:>12.2} {:>15.2} {:>13.1}",
            query,
            hits,
            if ranked { "yes" } else { "newest" },
            ms(search),
            ms(scan),
            ms(scan) / ms(search).max(0.001)
        );
    }
    Ok(())
}

fn median(mut run: impl FnMut()) -> Duration {
    run();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
