//! Compiling a template with its data into pages, PDF bytes and PNG
//! previews. Any typst warning is treated as an error: a template that
//! warns is a template that prints something nobody checked.

use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

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

/// Compiles the template at `template` with `data` as its JSON input.
pub(crate) fn compile(
    template: &str,
    source_text: Option<&str>,
    data: &serde_json::Value,
    images: Vec<(String, Vec<u8>)>,
) -> Result<Pages, PrintError> {
    let world = PrintWorld::new(template, source_text, data.to_string(), images)
        .ok_or_else(|| PrintError::Template(format!("no template {template}")))?;
    let warned = typst::compile::<PagedDocument>(&world);
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
        let options = PdfOptions {
            creator: typst::foundations::Smart::Custom(None),
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
