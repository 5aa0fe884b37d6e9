//! Why a file could not be filed. Each reason has a stable code the UI
//! translates; a bad file fails alone and the batch goes on.

/// What can go wrong with one file.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// The content is not an image (a text file named .jpg, say).
    #[error("this file is not a photo or image Amparo can read")]
    NotAnImage,
    /// A real image in a format this build cannot decode.
    #[error("this kind of image ({0}) cannot be read yet")]
    Unsupported(&'static str),
    /// The header declares more pixels than Amparo decodes.
    #[error(
        "the image is too large: {width} x {height} pixels (at most {max_megapixels} megapixels)"
    )]
    TooLarge {
        /// Declared width.
        width: u64,
        /// Declared height.
        height: u64,
        /// The limit, in millions of pixels.
        max_megapixels: u64,
    },
    /// The image is damaged or cut short.
    #[error("the image is damaged or incomplete: {0}")]
    Corrupt(String),
    /// The decoding worker stopped (crashed) on this file.
    #[error("reading this image made the image reader stop; the image was not added")]
    DecoderStopped,
    /// The decoding worker took longer than its time limit on this file.
    #[error("reading this image took too long; the image was not added")]
    DecoderTimedOut,
    /// No decoding worker could be started.
    #[error("the image reader could not be started")]
    DecoderUnavailable,
    /// Not a PDF (a Word file named .pdf, say).
    #[error("this file is not a PDF")]
    NotAPdf,
    /// A PDF larger than the size limit.
    #[error(
        "the PDF is too large: {} MB (at most {} MB)",
        .bytes.div_ceil(1 << 20),
        .max_bytes >> 20
    )]
    PdfTooLarge {
        /// Its size.
        bytes: u64,
        /// The limit.
        max_bytes: u64,
    },
    /// A PDF with more pages, declared or real, than the page limit.
    #[error("the PDF has {pages} pages (at most {max_pages})")]
    PdfTooManyPages {
        /// Pages it declares or has, whichever is more.
        pages: u64,
        /// The limit.
        max_pages: u32,
    },
    /// A PDF locked with a password or restricted by encryption.
    #[error("the PDF is locked (encrypted); save an unlocked copy and add that")]
    PdfEncrypted,
    /// A PDF that cannot be read: damaged or cut short.
    #[error("the PDF is damaged or incomplete")]
    PdfDamaged,
    /// A PDF carrying something made to run when it is opened.
    #[error("the PDF carries {0}, which could run when it is opened; it was not added")]
    PdfRunsSomething(&'static str),
    /// The page reader (Tesseract) is not installed or would not start.
    #[error("the page reader (Tesseract) is not installed; run `make deps`")]
    OcrUnavailable,
    /// The page reader gave up on a page.
    #[error("the page reader could not read this page: {0}")]
    OcrFailed(String),
    /// Reading one page took longer than its time limit.
    #[error("reading this page took too long")]
    OcrTimedOut,
    /// The file could not be read.
    #[error("the file could not be read: {0}")]
    Io(#[from] std::io::Error),
    /// Storing the photo failed.
    #[error("the photo could not be stored: {0}")]
    Store(#[from] amparo_core::Error),
}

impl MediaError {
    /// The stable code the UI keys its translated message on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAnImage => "notAnImage",
            Self::Unsupported(_) => "unsupportedImage",
            Self::TooLarge { .. } => "imageTooLarge",
            Self::Corrupt(_) => "corruptImage",
            Self::DecoderStopped => "decoderStopped",
            Self::DecoderTimedOut => "decoderTimedOut",
            Self::DecoderUnavailable => "decoderUnavailable",
            Self::NotAPdf => "notAPdf",
            Self::PdfTooLarge { .. } => "pdfTooLarge",
            Self::PdfTooManyPages { .. } => "pdfTooManyPages",
            Self::PdfEncrypted => "pdfEncrypted",
            Self::PdfDamaged => "pdfDamaged",
            Self::PdfRunsSomething(_) => "pdfRunsSomething",
            Self::OcrUnavailable => "ocrUnavailable",
            Self::OcrFailed(_) => "ocrFailed",
            Self::OcrTimedOut => "ocrTimedOut",
            Self::Io(e) => amparo_core::Room::of(e).map_or("io", amparo_core::Room::code),
            Self::Store(e) => e.code(),
        }
    }
}
