//! The fonts a print may use, read only when a print uses them.
//!
//! typst's own fonts (Libertinus Serif for Latin and Cyrillic text, New
//! Computer Modern, DejaVu Sans Mono) are compiled in; the Noto fonts for
//! Arabic, Chinese, Ethiopic, Devanagari and Gurmukhi are files in
//! `crates/amparo-print/fonts` (28 MB, most of it Chinese). The font book
//! is built from a checked-in index (`fonts/index.json`) instead of from
//! the fonts themselves, so that a Spanish declaration never reads, let
//! alone parses, the Chinese or Arabic files: each face is read on first
//! use. A test rebuilds the index from the files and fails when it is
//! stale (`AMPARO_WRITE_FONT_INDEX=1` rewrites it).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::error::PrintError;

/// The index of every face in the book, in book order.
const INDEX: &str = include_str!("../fonts/index.json");

/// Where a face's data is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Source {
    /// The n-th of typst-assets' fonts, compiled in.
    Asset(usize),
    /// A file in the fonts folder.
    File(String),
}

/// One face of the book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Face {
    pub source: Source,
    /// The face's index in a collection (.ttc), else 0.
    pub index: u32,
    pub info: FontInfo,
}

/// A bundled file, as the index names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct BundledFile {
    pub name: String,
    pub bytes: u64,
    // Read by the test that keeps the README's list of files in step.
    #[cfg_attr(not(test), allow(dead_code))]
    pub sha256: String,
}

/// What `fonts/index.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Index {
    pub files: Vec<BundledFile>,
    pub faces: Vec<Face>,
}

struct Fonts {
    files_expected: Vec<BundledFile>,
    faces: Vec<Face>,
    book: LazyHash<FontBook>,
    loaded: Vec<OnceLock<Font>>,
    files: Mutex<Vec<(String, Bytes)>>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        // The index is compiled in and checked by a test: it parses.
        let index: Index = serde_json::from_str(INDEX).unwrap_or(Index {
            files: Vec::new(),
            faces: Vec::new(),
        });
        Fonts {
            book: LazyHash::new(FontBook::from_infos(
                index.faces.iter().map(|f| f.info.clone()),
            )),
            loaded: index.faces.iter().map(|_| OnceLock::new()).collect(),
            files_expected: index.files,
            faces: index.faces,
            files: Mutex::new(Vec::new()),
        }
    })
}

/// The book of every face a print may use.
pub(crate) fn book() -> &'static LazyHash<FontBook> {
    &fonts().book
}

/// Every face's metadata, in book order.
pub(crate) fn infos() -> impl Iterator<Item = &'static FontInfo> {
    fonts().faces.iter().map(|f| &f.info)
}

/// Face `id` of the book, read from its file on first use; why not, when
/// the file cannot be read (a broken install), so that the print fails
/// instead of going out with the text set in another font.
pub(crate) fn font(id: usize) -> Result<Font, PrintError> {
    let fonts = fonts();
    let (Some(face), Some(slot)) = (fonts.faces.get(id), fonts.loaded.get(id)) else {
        return Err(PrintError::Font(format!("no font {id}")));
    };
    if let Some(font) = slot.get() {
        return Ok(font.clone());
    }
    let data = match &face.source {
        Source::Asset(n) => typst_assets::fonts()
            .nth(*n)
            .map(Bytes::new)
            .ok_or_else(|| PrintError::Font(format!("no compiled-in font {n}")))?,
        Source::File(name) => file(fonts, name)?,
    };
    let font = Font::new(data, face.index)
        .filter(|font| font.info().family == face.info.family)
        .ok_or_else(|| {
            PrintError::Font(format!(
                "the font file for {} is not the one Amparo was built with",
                face.info.family
            ))
        })?;
    Ok(slot.get_or_init(|| font).clone())
}

/// The bytes of bundled file `name`, read once per process.
fn file(fonts: &Fonts, name: &str) -> Result<Bytes, PrintError> {
    let mut files = fonts.files.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, bytes)) = files.iter().find(|(n, _)| n == name) {
        return Ok(bytes.clone());
    }
    let path = dir().join(name);
    let expected = fonts
        .files_expected
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.bytes);
    let data = std::fs::read(&path).map_err(|e| {
        PrintError::Font(format!(
            "the font file {} cannot be read: {e}",
            path.display()
        ))
    })?;
    if Some(data.len() as u64) != expected {
        return Err(PrintError::Font(format!(
            "the font file {} is not the one Amparo was built with",
            path.display()
        )));
    }
    let bytes = Bytes::new(data);
    files.push((name.to_owned(), bytes.clone()));
    Ok(bytes)
}

/// The bundled files this process has read, in the order read.
pub fn fonts_read() -> Vec<String> {
    fonts()
        .files
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .map(|(name, _)| name.clone())
        .collect()
}

/// The folder of the bundled font files: `AMPARO_FONTS` when set, else a
/// `fonts` folder beside the program, else the Debian package's
/// (`/usr/lib/Amparo/fonts` for `/usr/bin/amparo`, where Tauri's bundler
/// puts an app's resources), else the one in this crate's source (builds
/// and tests).
pub fn dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        if let Some(dir) = std::env::var_os("AMPARO_FONTS") {
            return PathBuf::from(dir);
        }
        let marker = "OFL.txt";
        let beside = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(Path::to_path_buf));
        beside
            .iter()
            .flat_map(|bin| [bin.join("fonts"), bin.join("../lib/Amparo/fonts")])
            .find(|dir| dir.join(marker).is_file())
            .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts")))
    })
    .clone()
}

/// Characters that shape into nothing (joiners, direction marks): a font
/// needs no glyph for them.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}')
}

/// The characters of `text` that no face of the book can print, each
/// once, in order of first appearance.
pub fn unprintable(text: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in text.chars() {
        if !invisible(c)
            && !found.contains(&c)
            && !infos().any(|info| info.coverage.contains(c as u32))
        {
            found.push(c);
        }
    }
    found
}

/// The index as the fonts on disk and typst-assets give it now.
#[cfg(test)]
pub(crate) fn build_index(dir: &std::path::Path) -> std::io::Result<Index> {
    use sha2::{Digest, Sha256};
    let mut faces = Vec::new();
    for (n, data) in typst_assets::fonts().enumerate() {
        for (index, info) in FontInfo::iter(data).enumerate() {
            faces.push(Face {
                source: Source::Asset(n),
                index: index as u32,
                info,
            });
        }
    }
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ttf") || n.ends_with(".ttc") || n.ends_with(".otf"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for name in names {
        let data = std::fs::read(dir.join(&name))?;
        for (index, info) in FontInfo::iter(&data).enumerate() {
            // Of the Chinese, Japanese and Korean collection, only the two
            // Chinese standards are printed.
            if info.family.contains("CJK")
                && !info.family.ends_with(" SC")
                && !info.family.ends_with(" TC")
            {
                continue;
            }
            faces.push(Face {
                source: Source::File(name.clone()),
                index: index as u32,
                info,
            });
        }
        files.push(BundledFile {
            bytes: data.len() as u64,
            sha256: format!("{:x}", Sha256::digest(&data)),
            name,
        });
    }
    Ok(Index { files, faces })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_is_the_one_the_font_files_give() {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts"));
        let built = build_index(&dir).expect("read the fonts folder");
        let json = serde_json::to_string(&built).expect("serialize") + "\n";
        if std::env::var_os("AMPARO_WRITE_FONT_INDEX").is_some() {
            std::fs::write(dir.join("index.json"), &json).expect("write index");
            return;
        }
        let checked_in: Index = serde_json::from_str(INDEX).expect("index parses");
        assert!(
            checked_in == built,
            "fonts/index.json is stale: run AMPARO_WRITE_FONT_INDEX=1 cargo test -p amparo-print --lib fonts"
        );
    }

    #[test]
    fn the_readme_names_every_file_with_its_hash() {
        let readme = include_str!("../fonts/README.md");
        let index: Index = serde_json::from_str(INDEX).expect("index parses");
        for file in &index.files {
            let row = format!("| {} | {} |", file.name, file.bytes);
            assert!(
                readme.contains(&row) && readme.contains(&file.sha256),
                "fonts/README.md does not list {} ({} bytes, {})",
                file.name,
                file.bytes,
                file.sha256
            );
        }
    }

    #[test]
    fn a_character_no_font_has_is_unprintable() {
        assert_eq!(unprintable("mamá ཀ 妈妈 أمي ናይ ਮਾਂ माँ мама ཀ"), ['ཀ']);
    }
}
