//! Reading the words in a picture of a page with Tesseract (Debian's
//! `tesseract-ocr`, with the English and Spanish data `make` installs).
//!
//! Tesseract is given Amparo's own re-encoded picture of the page (a PNG
//! made from the print copy, or a PDF page rendered here), never the file
//! as it came, and is stopped when it runs past a time limit.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::MediaError;

/// How long one page may take: a dense page at 300 dpi takes seconds.
pub const OCR_TIME_LIMIT: Duration = Duration::from_secs(120);

/// The program that reads pages.
const TESSERACT: &str = "tesseract";

/// Tesseract's names for the languages whose data `make` installs;
/// English is always read too (forms and stamps mix it in).
fn tesseract_languages(language: &str) -> &'static str {
    match language.split('-').next().unwrap_or("") {
        "es" => "spa+eng",
        _ => "eng",
    }
}

/// The words on the page pictured by `picture` (PNG, JPEG or PNM), in a
/// document written in `language` (a code such as "es").
pub fn read_page_words(picture: &[u8], language: &str) -> Result<String, MediaError> {
    let mut child = Command::new(TESSERACT)
        .args([
            "stdin",
            "stdout",
            "-l",
            tesseract_languages(language),
            "--psm",
            "3",
        ])
        // One thread per page: pages are read side by side instead.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| MediaError::OcrUnavailable)?;
    let (Some(mut input), Some(mut output), Some(mut errors)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(MediaError::OcrUnavailable);
    };
    let picture = picture.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&picture);
    });
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = output.read_to_end(&mut text);
        text
    });
    let complaint = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = errors.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > OCR_TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(MediaError::OcrTimedOut);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => return Err(MediaError::OcrUnavailable),
        }
    };
    let _ = writer.join();
    let text = reader.join().unwrap_or_default();
    let complaint = complaint.join().unwrap_or_default();
    if !status.success() {
        let reason = complaint
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("it stopped")
            .chars()
            .take(200)
            .collect();
        return Err(MediaError::OcrFailed(reason));
    }
    Ok(tidy(&String::from_utf8_lossy(&text)))
}

/// Tesseract's text as a page's: no form feed, no trailing spaces, no more
/// than one empty line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.replace('\x0c', "").lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{tesseract_languages, tidy};

    #[test]
    fn spanish_documents_are_read_with_spanish_and_english() {
        assert_eq!(tesseract_languages("es"), "spa+eng");
        assert_eq!(tesseract_languages("es-MX"), "spa+eng");
        assert_eq!(tesseract_languages("en"), "eng");
    }

    #[test]
    fn text_is_tidied_into_lines_and_paragraphs() {
        assert_eq!(
            tidy("ACTA  \n\n\n\nNacido en\nCapacho\n\x0c"),
            "ACTA\n\nNacido en\nCapacho"
        );
    }
}
