//! Photos in the store. The blob store holds the bytes; these rows hold what
//! was read from each file and what the family says it shows.

use std::collections::HashSet;

use chrono::Datelike;
use rusqlite::{OptionalExtension, Row, params};

use super::custody::{CustodyAction, record};
use super::{Store, now, today};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::photo::{
    DateBasis, GpsPoint, NewPhoto, Photo, PhotoAdded, PhotoDetails, PhotoExif, PhotoFormat,
    PhotoPage, SourceKind,
};
use crate::remembered_date::RememberedDate;
use crate::validate::{latest_past_day, past_date};

const TEXT_MAX: usize = 20_000;
const LINE_MAX: usize = 2_000;

impl Store {
    /// Files an imported photo in a case. Its original must already be in
    /// the blob store. The same file imported again into the same case is
    /// not duplicated: its new name is added to the existing row.
    pub fn add_photo(&mut self, case_id: &str, new: &NewPhoto) -> Result<PhotoAdded> {
        let tx = self.conn.savepoint()?;
        let existing: Option<(String, String)> = tx
            .query_row(
                "SELECT id, file_names FROM photos WHERE case_id = ?1 AND sha256 = ?2",
                params![case_id, new.sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (id, duplicate) = match existing {
            Some((id, names)) => {
                let mut names: Vec<String> = serde_json::from_str(&names).unwrap_or_default();
                if !names.contains(&new.file_name) {
                    names.push(new.file_name.clone());
                    tx.execute(
                        "UPDATE photos SET file_names = ?2 WHERE id = ?1",
                        params![id, json(&names)],
                    )?;
                }
                (id, true)
            }
            None => {
                let case_exists: Option<i64> = tx
                    .query_row("SELECT 1 FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
                    .optional()?;
                if case_exists.is_none() {
                    return Err(Error::NotFound(case_id.to_owned()));
                }
                let id = uuid::Uuid::now_v7().to_string();
                let e = &new.exif;
                // The camera's day is where "taken" starts; the family can
                // change it. A clock set to a future day is left unsaid.
                let camera_day = e.taken_local.as_deref().and_then(camera_day);
                let taken_basis = if camera_day.is_some() {
                    DateBasis::Exif
                } else {
                    DateBasis::Unknown
                };
                tx.execute(
                    "INSERT INTO photos (id, case_id, sha256, file_names, format, width, height,
                        byte_size, exif_taken_local, exif_taken_offset, exif_camera,
                        exif_orientation, gps_latitude, gps_longitude, imported_at, position,
                        taken, taken_basis, exif_modified_local, damaged)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                        (SELECT coalesce(max(position), 0) + 1 FROM photos WHERE case_id = ?2),
                        ?16, ?17, ?18, ?19)",
                    params![
                        id,
                        case_id,
                        new.sha256,
                        json(&[&new.file_name]),
                        new.format.as_str(),
                        new.width,
                        new.height,
                        new.byte_size as i64,
                        e.taken_local,
                        e.taken_offset,
                        e.camera,
                        e.orientation.clamp(1, 8),
                        e.gps.map(|g| g.latitude),
                        e.gps.map(|g| g.longitude),
                        now(),
                        camera_day.map(|d| d.encode()),
                        enum_text(&taken_basis),
                        e.modified_local,
                        new.damaged,
                    ],
                )?;
                record(
                    &tx,
                    self.signer.as_deref(),
                    case_id,
                    CustodyAction::Imported,
                    &format!("photo:{id}"),
                    &new.sha256,
                )?;
                (id, false)
            }
        };
        tx.commit()?;
        Ok(PhotoAdded {
            photo: self.photo(&id)?,
            duplicate,
        })
    }

    /// The photo `id`.
    pub fn photo(&self, id: &str) -> Result<Photo> {
        self.conn()
            .query_row("SELECT * FROM photos WHERE id = ?1", [id], photo_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// A page of a case's photos in filing order: `limit` photos from
    /// `offset`, and the total, so a gallery can load only what it shows.
    pub fn photos(&self, case_id: &str, offset: u32, limit: u32) -> Result<PhotoPage> {
        let conn = self.conn();
        let total: u32 = conn.query_row(
            "SELECT count(*) FROM photos WHERE case_id = ?1",
            [case_id],
            |r| r.get(0),
        )?;
        let mut stmt = conn.prepare(
            "SELECT * FROM photos WHERE case_id = ?1 ORDER BY position LIMIT ?2 OFFSET ?3",
        )?;
        let photos = stmt
            .query_map(params![case_id, limit, offset], photo_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(PhotoPage { photos, total })
    }

    /// Saves what the family says a photo shows. Nothing changes when a
    /// field is wrong.
    pub fn update_photo_details(&mut self, id: &str, details: &PhotoDetails) -> Result<Photo> {
        let clean = check_details(details)?;
        let changed = self.conn().execute(
            "UPDATE photos SET caption = ?2, people = ?3, taken = ?4, taken_basis = ?5,
                place = ?6, photographer = ?7, source_kind = ?8, source_url = ?9,
                source_posted = ?10, attested_by = ?11, print_gps = ?12
             WHERE id = ?1",
            params![
                id,
                clean.caption,
                json(&clean.people),
                clean.taken.map(|d| d.encode()),
                enum_text(&clean.taken_basis),
                clean.place,
                clean.photographer,
                enum_text(&clean.source_kind),
                clean.source_url,
                clean.source_posted.map(|d| d.encode()),
                clean.attested_by,
                clean.print_gps,
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        self.photo(id)
    }

    /// Every original hash a row names: what the blob store must keep.
    pub fn referenced_hashes(&self) -> Result<HashSet<String>> {
        hashes_named(self.conn())
    }
}

/// Every original hash the rows of `conn` name: photos, documents' PDFs and
/// page photos, the PDFs of signed statements and the scans of their pages,
/// and the scans of packet pages signed by hand (named only in the
/// packet's JSON).
pub(crate) fn hashes_named(conn: &rusqlite::Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT sha256 FROM photos
         UNION SELECT pdf_sha256 FROM documents WHERE pdf_sha256 IS NOT NULL
         UNION SELECT sha256 FROM document_pages WHERE sha256 IS NOT NULL
         UNION SELECT pdf_sha256 FROM signed_versions
         UNION SELECT sha256 FROM signed_scans
         UNION SELECT lower(json_extract(j.value, '$.scan'))
               FROM packets p, json_each(p.body, '$.signedPages') j
               WHERE json_extract(j.value, '$.scan') IS NOT NULL",
    )?;
    let hashes = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(hashes)
}

impl Store {
    /// Every original hash the case `case_id` names: its photos, its
    /// documents' PDFs and page photos, the PDFs of its signed statements and the scans of their pages, and the scans of
    /// its packet's pages signed by hand.
    pub(crate) fn case_hashes(&self, case_id: &str) -> Result<HashSet<String>> {
        let mut stmt = self.conn().prepare(
            "SELECT sha256 FROM photos WHERE case_id = ?1
             UNION SELECT pdf_sha256 FROM documents
                   WHERE case_id = ?1 AND pdf_sha256 IS NOT NULL
             UNION SELECT p.sha256 FROM document_pages p
                   JOIN documents d ON d.id = p.document_id
                   WHERE d.case_id = ?1 AND p.sha256 IS NOT NULL
             UNION SELECT v.pdf_sha256 FROM signed_versions v
                   JOIN statements s ON s.id = v.statement_id WHERE s.case_id = ?1
             UNION SELECT c.sha256 FROM signed_scans c
                   JOIN signed_versions v ON v.id = c.version_id
                   JOIN statements s ON s.id = v.statement_id WHERE s.case_id = ?1
             UNION SELECT lower(json_extract(j.value, '$.scan'))
                   FROM packets p, json_each(p.body, '$.signedPages') j
                   WHERE p.case_id = ?1 AND json_extract(j.value, '$.scan') IS NOT NULL",
        )?;
        let hashes = stmt
            .query_map([case_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(hashes)
    }
}

/// The day in the camera's `YYYY-MM-DDTHH:MM:SS`, when it is a real day
/// that has already come.
fn camera_day(local: &str) -> Option<RememberedDate> {
    let day = chrono::NaiveDate::parse_from_str(local.get(..10)?, "%Y-%m-%d").ok()?;
    let date = RememberedDate::day(
        day.year(),
        u8::try_from(day.month()).ok()?,
        u8::try_from(day.day()).ok()?,
    );
    (date.check().is_ok() && !date.is_after(latest_past_day(today()))).then_some(date)
}

fn check_details(details: &PhotoDetails) -> Result<PhotoDetails> {
    let mut errors = Vec::new();
    let mut out = details.clone();
    let mut text = |value: &mut String, field: &str, max: usize| {
        *value = value.trim().to_owned();
        if value.chars().count() > max {
            errors.push(FieldError::new(field, FieldProblem::TooLong));
        }
    };
    text(&mut out.caption, "details.caption", TEXT_MAX);
    text(&mut out.place, "details.place", LINE_MAX);
    text(&mut out.photographer, "details.photographer", LINE_MAX);
    text(&mut out.source_url, "details.sourceUrl", LINE_MAX);
    text(&mut out.attested_by, "details.attestedBy", LINE_MAX);
    for (i, person) in out.people.iter_mut().enumerate() {
        text(
            &mut person.name,
            &format!("details.people.{i}.name"),
            LINE_MAX,
        );
        text(
            &mut person.relation,
            &format!("details.people.{i}.relation"),
            LINE_MAX,
        );
    }
    out.people
        .retain(|p| !p.name.is_empty() || !p.relation.is_empty());
    let latest = latest_past_day(today());
    past_date(&out.taken, "details.taken", latest, &mut errors);
    past_date(
        &out.source_posted,
        "details.sourcePosted",
        latest,
        &mut errors,
    );
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errors))
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}

/// The serde name of a unit enum variant (`ownPhone`), as stored.
fn enum_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn enum_from<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).unwrap_or_default()
}

fn remembered(text: Option<String>) -> Option<RememberedDate> {
    text.as_deref().and_then(RememberedDate::decode)
}

fn photo_from_row(r: &Row<'_>) -> rusqlite::Result<Photo> {
    let latitude: Option<f64> = r.get("gps_latitude")?;
    let longitude: Option<f64> = r.get("gps_longitude")?;
    let names: String = r.get("file_names")?;
    let people: String = r.get("people")?;
    Ok(Photo {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        sha256: r.get("sha256")?,
        file_names: serde_json::from_str(&names).unwrap_or_default(),
        format: PhotoFormat::parse(&r.get::<_, String>("format")?),
        width: r.get("width")?,
        height: r.get("height")?,
        byte_size: r.get::<_, i64>("byte_size")?.max(0) as u64,
        exif: PhotoExif {
            taken_local: r.get("exif_taken_local")?,
            taken_offset: r.get("exif_taken_offset")?,
            modified_local: r.get("exif_modified_local")?,
            camera: r.get("exif_camera")?,
            orientation: r.get("exif_orientation")?,
            gps: latitude
                .zip(longitude)
                .map(|(latitude, longitude)| GpsPoint {
                    latitude,
                    longitude,
                }),
        },
        damaged: r.get("damaged")?,
        details: PhotoDetails {
            caption: r.get("caption")?,
            people: serde_json::from_str(&people).unwrap_or_default(),
            taken: remembered(r.get("taken")?),
            taken_basis: enum_from::<DateBasis>(&r.get::<_, String>("taken_basis")?),
            place: r.get("place")?,
            photographer: r.get("photographer")?,
            source_kind: enum_from::<SourceKind>(&r.get::<_, String>("source_kind")?),
            source_url: r.get("source_url")?,
            source_posted: remembered(r.get("source_posted")?),
            attested_by: r.get("attested_by")?,
            print_gps: r.get("print_gps")?,
        },
        imported_at: r.get("imported_at")?,
    })
}
