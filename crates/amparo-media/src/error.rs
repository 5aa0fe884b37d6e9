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
            Self::Io(_) => "io",
            Self::Store(e) => e.code(),
        }
    }
}
