//! Case files mutated at random, as a fuzzer would make them: bytes of the
//! encrypted file, of the archive inside it, of the manifest (signed again,
//! by someone else) and of the records (listed and signed again). Whatever
//! comes in, opening never panics, and a refused file leaves the data
//! folder as it was. Each run is reproducible from its seed.
//!
//! `make test` runs a short round (`AMPARO_FUZZ_ROUNDS`, default 120);
//! `make fuzz-case-files` a long one.

mod support;

use amparo_casefile::{Mode, open_case_file};
use support::{
    Entries, entries, manifest_of, records_changed, seal_for, setup, signed_by_a_stranger, tar_of,
    unseal,
};

/// xorshift64*: small, seeded, the same on every machine.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Changes `bytes` in one of the ways fuzzers do.
fn mutate(bytes: &mut Vec<u8>, dice: &mut Dice) {
    if bytes.is_empty() {
        bytes.push(dice.next() as u8);
        return;
    }
    let at = dice.below(bytes.len());
    match dice.below(7) {
        0 => bytes[at] ^= 1 << dice.below(8),
        1 => bytes[at] = dice.next() as u8,
        2 => {
            bytes.remove(at);
        }
        3 => bytes.insert(at, dice.next() as u8),
        4 => bytes.truncate(at),
        5 => {
            let end = (at + 1 + dice.below(64)).min(bytes.len());
            let piece = bytes[at..end].to_vec();
            let to = dice.below(bytes.len());
            bytes.splice(to..to, piece);
        }
        _ => {
            // Interesting values where numbers and sizes live.
            let values: [&[u8]; 6] = [
                b"0",
                b"-1",
                b"99999999999999999999",
                b"null",
                b"\"\"",
                b"[]",
            ];
            let value = values[dice.below(values.len())];
            let end = (at + value.len()).min(bytes.len());
            bytes.splice(at..end, value.iter().copied());
        }
    }
}

#[test]
fn mutated_case_files_never_panic_and_a_refusal_keeps_nothing() {
    let rounds: u64 = std::env::var("AMPARO_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(240);
    let mut s = setup();
    let sealed = std::fs::read(&s.file).expect("the case file");
    let plain = unseal(&s.file, &s.advocate);
    let original = entries(&plain);
    let mut opened = 0;
    let mut refusals: std::collections::BTreeMap<&'static str, u32> = Default::default();
    for round in 0..rounds {
        let seed = 0x9e37_79b9_7f4a_7c15 ^ round.wrapping_mul(0x1000_0000_01b3);
        let mut dice = Dice(seed.max(1));
        let path = s.file.with_file_name(format!("mutated-{round}.amparo"));
        match round % 4 {
            0 => {
                let mut bytes = sealed.clone();
                for _ in 0..=dice.below(3) {
                    mutate(&mut bytes, &mut dice);
                }
                std::fs::write(&path, bytes).expect("write");
            }
            1 => {
                let mut bytes = plain.clone();
                for _ in 0..=dice.below(3) {
                    mutate(&mut bytes, &mut dice);
                }
                seal_for(&bytes, &s.advocate, &path);
            }
            2 => {
                let mut list: Entries = original.clone();
                let manifest = manifest_of(&list);
                let mut json = serde_json::to_vec(&manifest).expect("json");
                mutate(&mut json, &mut dice);
                match serde_json::from_slice(&json) {
                    Ok(changed) => signed_by_a_stranger(&mut list, changed),
                    Err(_) => list[0].1 = json,
                }
                seal_for(&tar_of(&list), &s.advocate, &path);
            }
            _ => {
                let mut list: Entries = original.clone();
                records_changed(&mut list, |bytes| {
                    for _ in 0..=dice.below(3) {
                        mutate(bytes, &mut dice);
                    }
                });
                seal_for(&tar_of(&list), &s.advocate, &path);
            }
        }
        let before = s.advocate.stored_files();
        let cases_before = s.advocate.store.list_cases("").expect("cases").len();
        let result = open_case_file(
            &mut s.advocate.store,
            &s.advocate.blobs,
            &path,
            None,
            Mode::Open,
        );
        match result {
            Ok(_) => {
                opened += 1;
                // What was taken reads back whole: the window can show it
                // (later rounds then meet a case already here).
                s.advocate
                    .store
                    .case(&s.case_id)
                    .expect("the case reads back");
                amparo_casefile::custody_report(&s.advocate.store, &s.case_id)
                    .expect("its log reads");
            }
            Err(e) => {
                *refusals.entry(e.code()).or_default() += 1;
                assert_eq!(s.advocate.stored_files(), before, "seed {seed:#x}: {e}");
                assert_eq!(
                    s.advocate.store.list_cases("").expect("cases").len(),
                    cases_before,
                    "seed {seed:#x}: {e}"
                );
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    eprintln!("{rounds} mutated case files: {opened} opened, refused: {refusals:?}");
    // The rounds reach past the encryption and the signature into the
    // items and the records, not only the first check.
    assert!(refusals.len() >= 4, "{refusals:?}");
}
