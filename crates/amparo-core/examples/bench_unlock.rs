//! How long unlocking takes: Argon2id at the vault's default cost, then
//! the SQLCipher store opened, median of 7; against the reference Argon2
//! implementation (Debian's `argon2` command) at the same cost in the same
//! run, when it is installed.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use amparo_core::vault::KdfCost;
use amparo_core::{CaseDraft, Store, Vault};

const RUNS: usize = 7;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let passphrase = "corona de mamá, reyes magos";
    {
        let (vault, _) = Vault::create(dir.path(), passphrase)?;
        let mut store = Store::open(dir.path(), vault.keys())?;
        let mut draft = CaseDraft::default();
        draft.person.record_name = "Example Person".into();
        store.create_case(&draft)?;
    }
    let cost = KdfCost::DEFAULT;
    let mut ours = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let vault = Vault::unlock(dir.path(), passphrase)?;
        let store = Store::open(dir.path(), vault.keys())?;
        assert_eq!(store.list_cases("")?.len(), 1);
        ours.push(start.elapsed());
    }
    let ours = median(ours);
    println!(
        "unlock (Argon2id {} MiB, {} passes, {} lane) + open the store: median of {RUNS} {:.0} ms",
        cost.memory_kib / 1024,
        cost.iterations,
        cost.parallelism,
        ours.as_secs_f64() * 1000.0
    );
    let mut reference = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let child = Command::new("argon2")
            .args(["somesaltsomesalt", "-id", "-r", "-l", "32"])
            .args(["-t", &cost.iterations.to_string()])
            .args(["-k", &cost.memory_kib.to_string()])
            .args(["-p", &cost.parallelism.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            println!("reference: `argon2` is not installed (apt install argon2)");
            return Ok(());
        };
        child
            .stdin
            .take()
            .ok_or("stdin")?
            .write_all(passphrase.as_bytes())?;
        if !child.wait()?.success() {
            return Err("argon2 failed".into());
        }
        reference.push(start.elapsed());
    }
    let reference = median(reference);
    println!(
        "reference argon2 command, same cost: median of {RUNS} {:.0} ms; ratio ours/reference {:.2}",
        reference.as_secs_f64() * 1000.0,
        ours.as_secs_f64() / reference.as_secs_f64()
    );
    Ok(())
}
