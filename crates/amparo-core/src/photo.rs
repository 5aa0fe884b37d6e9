//! Photos filed in a case: what the file is (read from it on import) and
//! what the family says it shows (typed by them).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::remembered_date::RememberedDate;

/// The image formats Amparo accepts, by their real content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PhotoFormat {
    /// JPEG.
    Jpeg,
    /// PNG (often a screenshot).
    Png,
    /// WebP.
    Webp,
    /// TIFF (often a scan).
    Tiff,
    /// HEIC/HEIF (iPhone photos).
    Heif,
}

impl PhotoFormat {
    /// The name stored in the database and used as a file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Tiff => "tiff",
            Self::Heif => "heif",
        }
    }

    pub(crate) fn parse(text: &str) -> Self {
        match text {
            "png" => Self::Png,
            "webp" => Self::Webp,
            "tiff" => Self::Tiff,
            "heif" => Self::Heif,
            _ => Self::Jpeg,
        }
    }
}

/// A point on Earth, from a photo's GPS tags.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GpsPoint {
    /// Degrees north (negative: south).
    pub latitude: f64,
    /// Degrees east (negative: west).
    pub longitude: f64,
}

impl GpsPoint {
    /// The point at `latitude`, `longitude`, or `None` when no place on
    /// Earth has them (a damaged or crafted tag: 262,195 degrees north).
    pub fn on_earth(latitude: f64, longitude: f64) -> Option<Self> {
        ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude)).then_some(
            Self {
                latitude,
                longitude,
            },
        )
    }
}

/// What the file's EXIF (or, for a position, XMP) says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoExif {
    /// DateTimeOriginal as the camera wrote it, a local time
    /// (`2017-01-06T10:31:00`), never converted as if it were UTC.
    pub taken_local: Option<String>,
    /// OffsetTimeOriginal (`-04:00`) when the camera recorded it.
    pub taken_offset: Option<String>,
    /// The DateTime tag, a local time: when software last wrote the file (an
    /// editor, a phone's gallery app). Never the date taken.
    pub modified_local: Option<String>,
    /// Camera make and model.
    pub camera: String,
    /// EXIF orientation, 1 to 8 (1 when absent).
    pub orientation: u8,
    /// GPS position: sensitive, never printed unless chosen.
    pub gps: Option<GpsPoint>,
}

/// What a file turned out to be, as the importer hands it to the store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPhoto {
    /// SHA-256 of the exact bytes, lowercase hex.
    pub sha256: String,
    /// The file's name, without its folder.
    pub file_name: String,
    /// Real format, from the content.
    pub format: PhotoFormat,
    /// Width after EXIF orientation.
    pub width: u32,
    /// Height after EXIF orientation.
    pub height: u32,
    /// Size of the original in bytes.
    pub byte_size: u64,
    /// What EXIF says.
    pub exif: PhotoExif,
    /// The file is damaged (cut short, say) and only part of the picture
    /// could be decoded; the original is kept as received.
    pub damaged: bool,
}

/// A person shown in a photo, and who they are to the person in the case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonShown {
    /// Their name.
    pub name: String,
    /// Their relation ("mother", "himself", "festival organizer").
    pub relation: String,
    /// Under 18: a public filing names them by their initials only.
    pub minor: bool,
}

/// How the date a photo was taken is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DateBasis {
    /// Not said.
    #[default]
    Unknown,
    /// From the file's EXIF.
    Exif,
    /// From the event shown (a festival held on a known day).
    Event,
    /// As someone remembers it.
    Recalled,
    /// Something else (see the caption).
    Other,
}

/// Where the file came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// Not said.
    #[default]
    Unknown,
    /// Taken with the family's own phone or camera.
    OwnPhone,
    /// Received over WhatsApp (metadata usually stripped).
    Whatsapp,
    /// Saved from a social media post.
    SocialMedia,
    /// A scan of a paper photo or document.
    Scan,
    /// Something else.
    Other,
}

/// What the family says a photo shows: every field is theirs to type.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct PhotoDetails {
    /// What the photo shows.
    pub caption: String,
    /// Who is in it.
    pub people: Vec<PersonShown>,
    /// When it was taken, as precisely as known.
    pub taken: Option<RememberedDate>,
    /// How that date is known.
    pub taken_basis: DateBasis,
    /// Where it was taken.
    pub place: String,
    /// Who took it.
    pub photographer: String,
    /// Where the file came from.
    pub source_kind: SourceKind,
    /// The post's address, for social media.
    pub source_url: String,
    /// When it was posted, for social media.
    pub source_posted: Option<RememberedDate>,
    /// Who attests that it is a fair and accurate depiction.
    pub attested_by: String,
    /// Print the GPS position (off unless chosen).
    pub print_gps: bool,
}

/// A photo filed in a case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    /// UUIDv7.
    pub id: String,
    /// The case it is filed in.
    pub case_id: String,
    /// SHA-256 of the original, lowercase hex.
    pub sha256: String,
    /// Every name the file was imported under, first one first.
    pub file_names: Vec<String>,
    /// Real format.
    pub format: PhotoFormat,
    /// Width, upright.
    pub width: u32,
    /// Height, upright.
    pub height: u32,
    /// Size of the original in bytes.
    #[ts(type = "number")]
    pub byte_size: u64,
    /// What EXIF says.
    pub exif: PhotoExif,
    /// The file is damaged and part of the picture is missing.
    pub damaged: bool,
    /// What the family says.
    pub details: PhotoDetails,
    /// When it was imported, UTC RFC 3339.
    pub imported_at: String,
}

/// A page of a case's photos, in filing order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoPage {
    /// The photos on this page.
    pub photos: Vec<Photo>,
    /// How many photos the case has in all.
    pub total: u32,
}

/// What storing an imported photo did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhotoAdded {
    /// The photo's row.
    pub photo: Photo,
    /// True when the case already had this exact file (its new name was
    /// added to the same row).
    pub duplicate: bool,
}
