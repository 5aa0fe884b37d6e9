//! The typst World Amparo prints in. It serves the templates compiled into
//! this crate, the fonts bundled with it (read on first use, see
//! [`crate::fonts`]) and the images a data model names, and nothing else:
//! no system fonts, no other files, no packages. So a PDF
//! comes out the same on every machine, and a template (or text that a user
//! typed, should it ever reach markup) cannot read a file.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The templates, by their path inside the World.
const TEMPLATES: &[(&str, &str)] = &[
    ("/parts.typ", include_str!("../templates/parts.typ")),
    (
        "/declaration.typ",
        include_str!("../templates/declaration.typ"),
    ),
    ("/packet.typ", include_str!("../templates/packet.typ")),
    (
        "/family-summary.typ",
        include_str!("../templates/family-summary.typ"),
    ),
    (
        "/translator-copy.typ",
        include_str!("../templates/translator-copy.typ"),
    ),
    ("/fonts.typ", include_str!("../templates/fonts.typ")),
];

/// The bundled fonts' family names, one per face, for tests and checks.
pub fn font_families() -> Vec<String> {
    crate::fonts::infos().map(|f| f.family.clone()).collect()
}

/// A World for one print: a template, its JSON data and its images.
pub(crate) struct PrintWorld {
    library: LazyHash<Library>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    images: HashMap<FileId, Bytes>,
    /// Fonts the print needed and could not load.
    /// The first font this print needed and could not load.
    font_failure: std::sync::Mutex<Option<crate::error::PrintError>>,
}

/// The path a data model uses for an image named `name`.
pub(crate) fn image_path(name: &str) -> String {
    format!("/images/{name}")
}

fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path)
        .ok()
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl PrintWorld {
    /// A World whose main file is `template` (a path in [`TEMPLATES`]),
    /// with `data` as `sys.inputs.data` and `images` under `/images/`.
    pub(crate) fn new(
        template: &str,
        source_text: Option<&str>,
        data: String,
        images: Vec<(String, Vec<u8>)>,
    ) -> Option<Self> {
        let mut inputs = Dict::new();
        inputs.insert("data".into(), data.into_value());
        let library = Library::builder().with_inputs(inputs).build();
        let main = file_id(template)?;
        let mut sources = HashMap::new();
        for (path, text) in TEMPLATES {
            let id = file_id(path)?;
            sources.insert(id, Source::new(id, (*text).to_owned()));
        }
        if let Some(text) = source_text {
            sources.insert(main, Source::new(main, text.to_owned()));
        }
        sources.get(&main)?;
        let images = images
            .into_iter()
            .filter_map(|(name, bytes)| Some((file_id(&image_path(&name))?, Bytes::new(bytes))))
            .collect();
        Some(Self {
            library: LazyHash::new(library),
            main,
            sources,
            images,
            font_failure: std::sync::Mutex::new(None),
        })
    }
}

impl PrintWorld {
    /// Why the first font this print needed could not be loaded.
    pub(crate) fn take_font_failure(&self) -> Option<crate::error::PrintError> {
        self.font_failure
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        crate::fonts::book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.images.get(&id).cloned().ok_or(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        crate::fonts::font(index)
            .map_err(|why| {
                self.font_failure
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get_or_insert(why);
            })
            .ok()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // The date printed is always the one in the data model.
        None
    }
}

/// The characters of `text` that no bundled face of `family` can print.
pub fn missing_glyphs(family: &str, text: &str) -> Vec<char> {
    let faces: Vec<&typst::text::FontInfo> = crate::fonts::infos()
        .filter(|f| f.family == family)
        .collect();
    text.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| faces.is_empty() || !faces.iter().any(|f| f.coverage.contains(*c as u32)))
        .collect()
}
