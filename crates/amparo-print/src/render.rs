//! Compiling a template with its data into pages, PDF bytes and PNG
//! previews. Any typst warning is treated as an error: a template that
//! warns is a template that prints something nobody checked.

use std::ops::Range;
use std::str::FromStr;

use chrono::{Datelike, Timelike};
use typst::foundations::{Label, Selector};
use typst::introspection::Introspector;
use typst::model::{Document, Numbering, NumberingPattern};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::error::PrintError;
use crate::world::PrintWorld;

/// Typeset pages, ready to be written as PDF or rasterised.
pub struct Pages {
    doc: PagedDocument,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pages({})", self.count())
    }
}

/// How many prints a memoized layout outlives unused: typst's own watch
/// mode keeps 10. Enough for the preview after an edit to reuse every page
/// the edit did not touch.
const MEMO_AGE: usize = 10;

/// Compiles the template at `template` with `data` as its JSON input.
pub(crate) fn compile(
    template: &str,
    source_text: Option<&str>,
    data: &impl serde::Serialize,
    images: Vec<(String, Vec<u8>)>,
) -> Result<Pages, PrintError> {
    let data = serde_json::to_string(data)
        .map_err(|e| PrintError::Template(format!("the data model: {e}")))?;
    let world = PrintWorld::new(template, source_text, data, images)
        .ok_or_else(|| PrintError::Template(format!("no template {template}")))?;
    let warned = typst::compile::<PagedDocument>(&world);
    comemo::evict(MEMO_AGE);
    if let Some(failure) = world.take_font_failure() {
        return Err(failure);
    }
    if let Some(warning) = warned.warnings.first() {
        return Err(PrintError::Template(format!(
            "warning: {}",
            warning.message
        )));
    }
    let doc = warned.output.map_err(|errors| {
        PrintError::Template(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(Pages { doc })
}

impl Pages {
    /// How many pages.
    pub fn count(&self) -> usize {
        self.doc.pages().len()
    }

    /// The pages as a PDF. No creator or timestamp is written, so the same
    /// data gives the same bytes.
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        self.pdf_with(false)
    }

    /// The pages as a PDF, PDF/A-2b when `pdf_a`.
    pub(crate) fn pdf_with(&self, pdf_a: bool) -> Result<Vec<u8>, PrintError> {
        let standards = if pdf_a {
            PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|e| PrintError::Template(e.message().to_string()))?
        } else {
            PdfStandards::default()
        };
        // PDF/A needs a creation date; other prints carry none, so the
        // same data gives the same bytes.
        let timestamp = pdf_a
            .then(|| {
                let now = chrono::Utc::now();
                typst::foundations::Datetime::from_ymd_hms(
                    now.year(),
                    u8::try_from(now.month()).ok()?,
                    u8::try_from(now.day()).ok()?,
                    u8::try_from(now.hour()).ok()?,
                    u8::try_from(now.minute()).ok()?,
                    u8::try_from(now.second()).ok()?,
                )
            })
            .flatten()
            .map(typst_pdf::Timestamp::new_utc);
        let options = PdfOptions {
            creator: typst::foundations::Smart::Custom(None),
            standards,
            timestamp,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&self.doc, &options).map_err(|errors| {
            PrintError::Template(
                errors
                    .iter()
                    .map(|e| e.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
    }

    /// What each page shows: the text it sets (runs joined by spaces), and
    /// whether it places a picture (a photo, a scan, a stored PDF page),
    /// whose content no text search reaches.
    pub(crate) fn page_contents(&self) -> Vec<(String, bool)> {
        fn walk(frame: &typst::layout::Frame, text: &mut String, picture: &mut bool) {
            for (_, item) in frame.items() {
                match item {
                    typst::layout::FrameItem::Group(g) => walk(&g.frame, text, picture),
                    typst::layout::FrameItem::Text(t) => {
                        text.push_str(&t.text);
                        text.push(' ');
                    }
                    typst::layout::FrameItem::Image(..) => *picture = true,
                    _ => {}
                }
            }
        }
        self.doc
            .pages()
            .iter()
            .map(|page| {
                let mut text = String::new();
                let mut picture = false;
                walk(&page.frame, &mut text, &mut picture);
                (text, picture)
            })
            .collect()
    }

    /// The physical page index (from 0) of each element labelled `label`,
    /// in document order.
    pub(crate) fn pages_of_label(&self, label: &str) -> Vec<usize> {
        let Some(label) = Label::new(PicoStr::intern(label)) else {
            return Vec::new();
        };
        let introspector = self.doc.introspector();
        introspector
            .query(&Selector::Label(label))
            .iter()
            .filter_map(|e| e.location())
            .filter_map(|loc| Introspector::page(introspector.as_ref(), loc))
            .map(|page| page.get() - 1)
            .collect()
    }

    /// Gives every page a PDF page label equal to the number printed on
    /// it: `prefix` and the page's number, zero-padded to `width` digits.
    pub(crate) fn label_pages(&mut self, prefix: &str, width: usize) {
        let pages = self
            .doc
            .pages()
            .iter()
            .map(|page| {
                let mut page = page.clone();
                let digits = page.number.to_string().len();
                let pad = "0".repeat(width.saturating_sub(digits));
                if let Ok(mut pattern) = NumberingPattern::from_str("1") {
                    if let Some(first) = pattern.pieces.make_mut().first_mut() {
                        first.0 = format!("{prefix}{pad}").as_str().into();
                    }
                    page.numbering = Some(Numbering::Pattern(pattern));
                }
                page
            })
            .collect();
        self.doc = PagedDocument::new(pages, self.doc.info().clone());
    }

    /// The pages in `range` as a document of their own (a part of a split
    /// packet): their numbers, labels and bookmarks go with them.
    pub(crate) fn slice(&self, range: Range<usize>) -> Pages {
        let pages = self.doc.pages()[range].iter().cloned().collect();
        Pages {
            doc: PagedDocument::new(pages, self.doc.info().clone()),
        }
    }

    /// The pages at `indexes` (from 0, in order) as a document of their own.
    pub(crate) fn pick(&self, indexes: &[usize]) -> Pages {
        let pages = indexes
            .iter()
            .filter_map(|&i| self.doc.pages().get(i).cloned())
            .collect();
        Pages {
            doc: PagedDocument::new(pages, self.doc.info().clone()),
        }
    }

    /// The numbers of the first and last page in `range`.
    pub(crate) fn number_range(&self, range: Range<usize>) -> (u64, u64) {
        let pages = self.doc.pages();
        let number = |i: usize| pages.get(i).map_or(0, |p| p.number);
        (number(range.start), number(range.end.saturating_sub(1)))
    }

    /// Page `index` (from 0) as a PNG, `pixels_per_point` pixels per point
    /// (1.0 is 612 x 792 for US Letter).
    pub fn png(&self, index: usize, pixels_per_point: f64) -> Option<Vec<u8>> {
        let page = self.doc.pages().get(index)?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: pixels_per_point.into(),
            ..Default::default()
        };
        typst_render::render(page, &options).encode_png().ok()
    }
}
