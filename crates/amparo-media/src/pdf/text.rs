//! A page's own text, from the Unicode of the glyphs it draws.
//!
//! A PDF places glyphs, not words: the interpreter reports each glyph with
//! where it lands, and the text is put back together as a reader sees it:
//! glyphs on one baseline make a line, lines run top to bottom, and a gap
//! wider than a fraction of the type size is a space.

use hayro_interpret::font::Glyph;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use hayro_syntax::Pdf;
use hayro_syntax::page::Page;
use kurbo::{Affine, BezPath, Point, Rect};
use rayon::prelude::*;

/// Most characters kept from one page (a page of small type holds about
/// 10,000; anything far beyond is not text a person wrote).
const PAGE_TEXT_MAX: usize = 100_000;

/// The text of every page of `pdf`, lines separated by newlines: runs of
/// pages side by side on every core, each run with one cache, so a font
/// is read once a run, not once a page.
pub(super) fn pages_text(pdf: &Pdf) -> Vec<String> {
    let pages = pdf.pages();
    let threads = rayon::current_num_threads().max(1);
    let run = pages.len().div_ceil(threads).max(1);
    pages
        .par_chunks(run)
        .flat_map_iter(|chunk| {
            let cache = InterpreterCache::new();
            chunk
                .iter()
                .map(|page| page_text(pdf, page, &cache))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn page_text<'a>(pdf: &'a Pdf, page: &Page<'a>, cache: &InterpreterCache<'a>) -> String {
    let mut context = Context::new(
        Affine::IDENTITY,
        Rect::new(0.0, 0.0, 1.0, 1.0),
        cache,
        pdf.xref(),
        InterpreterSettings::default(),
    );
    let mut glyphs = Glyphs::default();
    interpret_page(page, &mut context, &mut glyphs);
    lines(glyphs.placed)
}

/// One glyph where it landed: the start and end of its advance on the
/// baseline, the type size, and its text.
#[derive(Debug, Clone)]
struct Placed {
    start: Point,
    end: Point,
    size: f64,
    text: String,
}

#[derive(Default)]
struct Glyphs {
    placed: Vec<Placed>,
    chars: usize,
}

impl Device<'_> for Glyphs {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'_>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'_>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'_, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'_>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'_>,
        _: &GlyphDrawMode,
    ) {
        if self.chars > PAGE_TEXT_MAX {
            return;
        }
        let Some(unicode) = glyph.as_unicode() else {
            return;
        };
        let text = match unicode {
            hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
            hayro_interpret::hayro_cmap::BfString::String(s) => s,
        };
        let to_page = transform * glyph_transform;
        // Glyph space is 1,000 units to the em.
        let advance = match glyph {
            Glyph::Outline(outline) => outline.advance_width().unwrap_or(500.0),
            Glyph::Type3(_) => 500.0,
        };
        let start = to_page * Point::ORIGIN;
        let end = to_page * Point::new(f64::from(advance), 0.0);
        let size = (to_page * Point::new(0.0, 1000.0) - start).hypot();
        self.chars += text.chars().count();
        self.placed.push(Placed {
            start,
            end,
            size,
            text,
        });
    }
}

/// The glyphs as lines of text. PDF space runs upwards, so the highest
/// baseline is the first line. Glyphs set at an angle (a "DRAFT" across
/// the page, a margin note turned on its side) are lines of their own,
/// after the rest, so they do not break into the words they cross.
fn lines(mut placed: Vec<Placed>) -> String {
    placed
        .retain(|g| g.size.is_finite() && g.size > 0.0 && g.start.is_finite() && g.end.is_finite());
    let (level, turned): (Vec<Placed>, Vec<Placed>) = placed.into_iter().partition(is_level);
    let mut rows: Vec<Vec<Placed>> = Vec::new();
    for glyph in level {
        let row = rows.iter_mut().find(|row| {
            row.last().is_some_and(|last| {
                (last.start.y - glyph.start.y).abs() < 0.5 * last.size.min(glyph.size)
            })
        });
        match row {
            Some(row) => row.push(glyph),
            None => rows.push(vec![glyph]),
        }
    }
    rows.sort_by(|a, b| b[0].start.y.total_cmp(&a[0].start.y));
    for row in &mut rows {
        row.sort_by(|a, b| a.start.x.total_cmp(&b.start.x));
    }
    // Turned glyphs stay in the order they were drawn, one run per line.
    let mut run: Vec<Placed> = Vec::new();
    for glyph in turned {
        if run
            .last()
            .is_some_and(|last| (glyph.start - last.end).hypot() > last.size)
        {
            rows.push(std::mem::take(&mut run));
        }
        run.push(glyph);
    }
    if !run.is_empty() {
        rows.push(run);
    }
    let mut out = String::new();
    for row in rows {
        let line = reading_order(spaced(&row)).concat();
        let line = line.trim();
        if !line.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    }
    out
}

/// Whether a glyph runs left to right along a level baseline.
fn is_level(glyph: &Placed) -> bool {
    let run = glyph.end - glyph.start;
    run.x > 0.0 && run.y.abs() <= 0.2 * run.x
}

/// A row's glyph texts left to right, with a space wherever the gap
/// between two glyphs is wider than a fraction of the type size.
fn spaced(row: &[Placed]) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(row.len() * 2);
    for (i, glyph) in row.iter().enumerate() {
        if let Some(before) = i.checked_sub(1).map(|b| &row[b]) {
            let gap = (glyph.start - before.end).hypot();
            let typed_space = glyph.text.trim().is_empty() || before.text.trim().is_empty();
            if gap > 0.15 * glyph.size.min(before.size) && !typed_space {
                pieces.push(" ");
            }
        }
        pieces.push(glyph.text.as_str());
    }
    pieces
}

/// A row read as its writer wrote it. A page shows Arabic, Persian or
/// Hebrew right to left, so a row that is mostly in such a script is read
/// from its right end; numbers and Latin words inside it still read left
/// to right.
fn reading_order(mut pieces: Vec<&str>) -> Vec<&str> {
    let rtl = pieces
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| is_rtl(*c))
        .count();
    let ltr = pieces
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| c.is_alphanumeric() && !is_rtl(*c))
        .count();
    if rtl <= ltr {
        return pieces;
    }
    pieces.reverse();
    let mut i = 0;
    while i < pieces.len() {
        let left_to_right = |p: &str| !p.trim().is_empty() && !p.chars().any(is_rtl);
        if left_to_right(pieces[i]) {
            let start = i;
            while i < pieces.len() && left_to_right(pieces[i]) {
                i += 1;
            }
            pieces[start..i].reverse();
        } else {
            i += 1;
        }
    }
    pieces
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}
