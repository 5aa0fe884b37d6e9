//! Photo import speed, against vipsthumbnail in the same run.
//!
//!     bench_import --photos 100 --folder DIR [--vips] [--heic N]
//!
//! Generates DIR/photo-NNN.jpg if missing: 12-megapixel (4000 x 3000)
//! high-entropy JPEGs, every third one with an EXIF orientation. Then
//! imports them into a fresh temporary data folder with both cores and
//! prints photos per second (fsync of every blob and row included): first
//! decoding in this process, then in sandboxed decoding workers (this
//! program started again, as the window and `amparo` do), and the ratio. With
//! `--vips`, it also makes the same two derivatives (400 px and 2,000 px)
//! with vipsthumbnail, two photos at a time, followed by one `sync` so its
//! writes reach the disk too, and prints the ratio. With `--heic N`, the
//! first N photos are also encoded as HEIC (once, with libheif's
//! `heif-enc`, into DIR/heic), as iPhones write them, and imported the
//! app's way against vipsthumbnail's HEIF loader in the same run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use amparo_core::{BlobStore, CaseDraft, Store};
use amparo_media::{WorkerCommand, import_photos, isolate_decoding, serve_if_worker};

fn main() {
    serve_if_worker();
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let count: usize = value("--photos")
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let folder =
        PathBuf::from(value("--folder").unwrap_or_else(|| "/tmp/amparo-bench-photos".into()));
    let with_vips = args.iter().any(|a| a == "--vips");

    let started = Instant::now();
    let photos = fixtures(&folder, count);
    let bytes: u64 = photos
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "{count} photos, 4000 x 3000, {:.1} MB each on average (ready in {:.1} s)",
        bytes as f64 / count as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    // One import on its own, for the driver below.
    if let Some(how) = value("--only") {
        if how == "workers" {
            isolate_decoding(WorkerCommand::this_program().expect("this program"));
        }
        println!("{}", import_all(&photos));
        return;
    }
    // Each run in a fresh process, the two ways taking turns, so neither
    // has the warmer machine: the median of three each.
    for photo in &photos {
        std::hint::black_box(std::fs::read(photo).expect("read fixture"));
    }
    let (mut in_process, mut workers) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        in_process.push(run_alone(&args, "in-process"));
        workers.push(run_alone(&args, "workers"));
    }
    let (in_process, amparo_rate) = (median(in_process), median(workers));
    println!(
        "amparo:        {in_process:6.2} photos/s (hash + decode + 2 derivatives + fsync + rows, decoding in process; median of 3)"
    );
    println!(
        "amparo:        {amparo_rate:6.2} photos/s (the same, decoding in sandboxed workers, as the app does; median of 3, taking turns)"
    );
    println!(
        "ratio workers / in process: {:.2}",
        amparo_rate / in_process
    );

    if let Some(n) = value("--heic").and_then(|v| v.parse::<usize>().ok()) {
        let heics = heic_fixtures(&photos[..n.min(photos.len())], &folder.join("heic"));
        isolate_decoding(WorkerCommand::this_program().expect("this program"));
        let started = Instant::now();
        let amparo_heic = import_all(&heics);
        let amparo_secs = started.elapsed().as_secs_f64();
        let out = tempfile::tempdir().expect("vips output");
        let started = Instant::now();
        vips(&heics, out.path());
        let vips_secs = started.elapsed().as_secs_f64();
        let vips_heic = heics.len() as f64 / vips_secs;
        println!(
            "HEIC, {} photos: amparo {amparo_heic:.2} photos/s ({amparo_secs:.1} s, workers), vipsthumbnail {vips_heic:.2} photos/s ({vips_secs:.1} s); ratio {:.2}",
            heics.len(),
            amparo_heic / vips_heic
        );
    }

    if with_vips {
        let out = tempfile::tempdir().expect("vips output");
        let started = Instant::now();
        vips(&photos, out.path());
        let vips = started.elapsed().as_secs_f64();
        let vips_rate = count as f64 / vips;
        println!(
            "vipsthumbnail: {vips_rate:6.2} photos/s ({vips:.1} s, 400 px + 2000 px, 2 at a time, then sync)"
        );
        println!(
            "ratio amparo / vipsthumbnail: {:.2}",
            amparo_rate / vips_rate
        );
    }
}

/// This program run again with `--only how`: its photos per second.
fn run_alone(args: &[String], how: &str) -> f64 {
    let out = Command::new(std::env::current_exe().expect("this program"))
        .args(args.iter().skip(1).filter(|a| *a != "--vips"))
        .args(["--only", how])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("a rate")
}

fn median(mut rates: Vec<f64>) -> f64 {
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

/// Photos per second importing `photos` into a fresh data folder.
fn import_all(photos: &[PathBuf]) -> f64 {
    let data = tempfile::tempdir().expect("data folder");
    let mut store = Store::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("store");
    let blobs = BlobStore::open(data.path(), &amparo_core::Keys::fixed_for_tests()).expect("blobs");
    let mut draft = CaseDraft::default();
    draft.person.record_name = "Benchmark".into();
    let case_id = store.create_case(&draft).expect("case").id;
    let started = Instant::now();
    let summary = import_photos(
        &mut store,
        &blobs,
        &case_id,
        photos,
        &AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(
        summary.imported as usize,
        photos.len(),
        "every photo filed: {:?}",
        summary.outcomes
    );
    photos.len() as f64 / seconds
}

/// HEIC copies of `photos` in `folder`, encoded once by `heif-enc`
/// (Debian's libheif-examples) and reused by later runs.
fn heic_fixtures(photos: &[PathBuf], folder: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(folder).expect("HEIC folder");
    photos
        .iter()
        .map(|photo| {
            let stem = photo
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            let heic = folder.join(format!("{stem}.heic"));
            if !heic.exists() {
                let status = Command::new("heif-enc")
                    .args(["-q", "85", "-o"])
                    .arg(&heic)
                    .arg(photo)
                    .status()
                    .expect("heif-enc (apt-get install libheif-examples)");
                assert!(status.success());
            }
            heic
        })
        .collect()
}

/// The photos, generated once and reused by later runs.
fn fixtures(folder: &Path, count: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(folder).expect("fixture folder");
    let paths: Vec<PathBuf> = (0..count)
        .map(|i| folder.join(format!("photo-{i:04}.jpg")))
        .collect();
    let missing: Vec<(usize, &PathBuf)> = paths
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.exists())
        .collect();
    use rayon::prelude::*;
    missing.par_iter().for_each(|(i, path)| {
        std::fs::write(path, photo(*i as u32)).expect("write fixture");
    });
    paths
}

/// A high-entropy 12 MP JPEG (noise over gradients compresses like a real
/// photo of skin and fabric, about 3 MB), with an EXIF orientation on every
/// third one.
fn photo(seed: u32) -> Vec<u8> {
    let (w, h) = (4000usize, 3000usize);
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut pixels = vec![0u8; w * h * 3];
    for (i, px) in pixels.chunks_exact_mut(3).enumerate() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let (x, y) = ((i % w) as u32, (i / w) as u32);
        let noise = (state & 0x3F) as u8;
        px[0] = ((x / 16) as u8).wrapping_add(noise);
        px[1] = ((y / 12) as u8).wrapping_add(noise / 2);
        px[2] = (((x + y) / 28) as u8).wrapping_add(state as u8 >> 3);
    }
    let mut jpeg = turbojpeg::compress(
        turbojpeg::Image {
            pixels: pixels.as_slice(),
            width: w,
            pitch: 3 * w,
            height: h,
            format: turbojpeg::PixelFormat::RGB,
        },
        90,
        turbojpeg::Subsamp::Sub2x2,
    )
    .expect("encode")
    .to_vec();
    if seed.is_multiple_of(3) {
        jpeg = with_orientation(&jpeg, [6, 8, 3][(seed as usize / 3) % 3]);
    }
    jpeg
}

/// Inserts an EXIF APP1 segment holding only an Orientation tag.
fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&orientation.to_le_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn vips(photos: &[PathBuf], out: &Path) {
    let half = photos.len().div_ceil(2);
    std::thread::scope(|scope| {
        for chunk in photos.chunks(half.max(1)) {
            scope.spawn(move || {
                for photo in chunk {
                    for size in ["400", "2000"] {
                        let target = out.join(format!(
                            "{}-{size}.jpg",
                            photo
                                .file_stem()
                                .map(|s| s.to_string_lossy())
                                .unwrap_or_default()
                        ));
                        let status = Command::new("vipsthumbnail")
                            .arg(photo)
                            .args(["-s", size, "-o"])
                            .arg(format!("{}[Q=85]", target.display()))
                            .status()
                            .expect("vipsthumbnail (apt-get install libvips-tools)");
                        assert!(status.success());
                    }
                }
            });
        }
    });
    Command::new("sync").status().expect("sync");
}
