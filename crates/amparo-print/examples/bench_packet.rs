//! Evidence packet speed and size: a case with 3 declarations (one with a
//! scan of its signed page), 2 tattoo records and 40 photos of phone size
//! (4032 x 3024), printed for filing. Times the first print (which makes
//! the reduced page copies of the photos) and later prints (copies kept,
//! typst's cache emptied), and compares with Chromium printing the same
//! page copies and captions from HTML, in the same run. Never part of
//! `make test`: `make bench-packet`.

#[path = "support/chromium.rs"]
mod chromium;
#[path = "../tests/support/packet_fixture.rs"]
mod packet_fixture;

use std::time::Instant;

use amparo_core::DerivativeKind;
use amparo_print::{PacketPurpose, print_packet};
use chromium::median;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    eprintln!("making 44 photos of 4032 x 3024 and filing them…");
    let f = packet_fixture::packet_fixture(40, 4032, 3024);
    let exhibits = f.store.packet(&f.case_id)?.items.len();

    let start = Instant::now();
    let first = print_packet(
        &f.store,
        &f.blobs,
        &f.case_id,
        PacketPurpose::Filing,
        &|_| {},
    )?;
    let first_time = start.elapsed();
    let warm = median(
        (0..runs)
            .map(|_| {
                comemo::evict(0);
                let start = Instant::now();
                let _ = print_packet(
                    &f.store,
                    &f.blobs,
                    &f.case_id,
                    PacketPurpose::Filing,
                    &|_| {},
                );
                start.elapsed()
            })
            .collect(),
    );
    let bytes: usize = first.files.iter().map(|p| p.pdf.len()).sum();

    // The same photos (their page copies) and captions, one per page, as HTML.
    let dir = tempfile::tempdir()?;
    let mut body = String::from(
        "<!doctype html><meta charset=utf-8><style>@page{size:letter;margin:1in}\
         body{font:11pt/1.4 serif}section{page-break-after:always}img{width:100%;max-height:5.2in;\
         object-fit:contain}</style>",
    );
    for (i, id) in f.photo_ids.iter().enumerate() {
        let photo = f.store.photo(id)?;
        let copy = f
            .blobs
            .read_derivative(&photo.sha256, DerivativeKind::Page)?;
        let name = format!("p{i}.jpg");
        std::fs::write(dir.path().join(&name), copy)?;
        body.push_str(&format!(
            "<section><h1 style=text-align:center>EXHIBIT {i}</h1></section><section><img src={name}>\
             <p><b>What it shows</b> {}</p><p><b>Where</b> {}</p></section>",
            photo.details.caption, photo.details.place
        ));
    }
    let html = dir.path().join("packet.html");
    std::fs::write(&html, body)?;
    let out = dir.path().join("chromium.pdf");
    let chromium = chromium::print_to_pdf(&html, &out, runs);
    let chromium_bytes = std::fs::metadata(&out)?.len();

    println!(
        "packet: {exhibits} exhibits, {} pages, {} file(s), {:.1} MB",
        first.page_count,
        first.files.len(),
        bytes as f64 / 1e6
    );
    println!("amparo first print (makes the 44 page copies): {first_time:?}");
    println!(
        "amparo later prints (copies kept, cold typst cache): median {warm:?} over {runs} runs"
    );
    println!(
        "chromium --print-to-pdf of the 40 photos and captions only: median {chromium:?}, {:.1} MB",
        chromium_bytes as f64 / 1e6
    );
    println!(
        "ratio chromium / amparo (later prints): {:.1}",
        chromium.as_secs_f64() / warm.as_secs_f64()
    );
    Ok(())
}
