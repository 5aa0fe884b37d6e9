//! What a photo's and a tattoo record's exhibit pages say: the caption
//! rows of a photo, a tattoo record's fields, photos and meaning in both
//! languages, and where each is sworn to.

use amparo_core::{
    DateBasis, ExhibitItem, ExhibitKind, Photo, SourceKind, StatementDraft, Tattoo, TattooPhotoRole,
};

use crate::declaration::language_name;
use crate::packet::data::{LabelledImage, Meaning, TattooExhibit};
use crate::packet::describe::{photo_description, remembered, tattoo_description};
use crate::packet::gather::{Body, Exhibit, Gathered};
use crate::world::image_path;

pub(crate) fn image_name(sha: &str) -> String {
    format!("p-{sha}")
}

fn basis_text(basis: DateBasis) -> &'static str {
    match basis {
        DateBasis::Unknown => "",
        DateBasis::Exif => "from the camera's data in the file (EXIF)",
        DateBasis::Event => "from the event shown",
        DateBasis::Recalled => "as remembered",
        DateBasis::Other => "see the description",
    }
}

fn source_text(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Unknown => "",
        SourceKind::OwnPhone => "the family's own phone or camera",
        SourceKind::Whatsapp => "received over WhatsApp",
        SourceKind::SocialMedia => "saved from a social media post",
        SourceKind::Scan => "a scan of a paper photo or document",
        SourceKind::Other => "other",
    }
}

/// (label, text) rows, without those that say nothing.
fn rows(pairs: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    pairs
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

/// A photo's caption rows; `sworn` names the declarations and paragraphs
/// that vouch for it.
pub(crate) fn photo_caption(
    p: &Photo,
    public: bool,
    sworn: &[String],
) -> Vec<(&'static str, String)> {
    let d = &p.details;
    let people = d
        .people
        .iter()
        .map(|x| {
            if x.relation.trim().is_empty() {
                x.name.clone()
            } else {
                format!("{} ({})", x.name, x.relation)
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let when = d.taken.as_ref().map_or_else(String::new, |t| {
        let basis = basis_text(d.taken_basis);
        if basis.is_empty() {
            remembered(t)
        } else {
            format!("{} ({basis})", remembered(t))
        }
    });
    let mut place = d.place.clone();
    // GPS only when the family chose it, and never in a public filing.
    if d.print_gps
        && !public
        && let Some(gps) = p.exif.gps
    {
        let at = format!("GPS {:.5}, {:.5}", gps.latitude, gps.longitude);
        place = if place.is_empty() {
            at
        } else {
            format!("{place} ({at})")
        };
    }
    let mut source = source_text(d.source_kind).to_owned();
    if !d.source_url.is_empty() {
        source = format!("{source} {}", d.source_url).trim().to_owned();
    }
    if let Some(posted) = &d.source_posted {
        source = format!("{source}, posted {}", remembered(posted));
    }
    rows(vec![
        ("What it shows", photo_description(p)),
        ("Who is in it", people),
        ("When", when),
        ("Where", place),
        ("Taken by", d.photographer.clone()),
        ("Source", source),
        ("Attested by", d.attested_by.clone()),
        ("Sworn to in", sworn.join("; ")),
    ])
}

/// The draft a statement exhibit prints: the latest signed version's text,
/// or the current draft.
pub(crate) fn printed_draft(e: &Exhibit) -> Option<&StatementDraft> {
    match &e.body {
        Body::Statement { statement, .. } => Some(
            statement
                .signed
                .last()
                .map_or(&statement.draft, |v| &v.draft),
        ),
        _ => None,
    }
}

/// Where a record's meaning is sworn: "Decl. of X, para. 6 (Exhibit B)".
pub(crate) fn sworn_in(g: &Gathered, item: &ExhibitItem) -> Vec<String> {
    let mut out = Vec::new();
    for e in &g.exhibits {
        let (Some(draft), Body::Statement { declarant, .. }) = (printed_draft(e), &e.body) else {
            continue;
        };
        let paras: Vec<String> = draft
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.exhibits.iter().any(|c| c.item == *item))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        if !paras.is_empty() {
            let word = if paras.len() == 1 { "para." } else { "paras." };
            out.push(format!(
                "Decl. of {}, {word} {} ({} {})",
                declarant.record.full_name,
                paras.join(", "),
                g.draft.item_label.word(),
                e.letter
            ));
        }
    }
    out
}

pub(crate) fn tattoo_exhibit(
    g: &Gathered,
    t: &Tattoo,
    photos: &[(TattooPhotoRole, Photo)],
) -> TattooExhibit {
    let r = &t.record;
    let mut made = Vec::new();
    if let Some(when) = &r.made_when {
        made.push(remembered(when));
    }
    if !r.made_where.trim().is_empty() {
        made.push(format!("in {}", r.made_where.trim()));
    }
    if !r.made_by.trim().is_empty() {
        made.push(format!("by {}", r.made_by.trim()));
    }
    let photos = photos
        .iter()
        .map(|(role, p)| {
            let role = match role {
                TattooPhotoRole::CloseUp => "Close-up",
                TattooPhotoRole::Context => "In context",
            };
            LabelledImage {
                image: image_path(&image_name(&p.sha256)),
                label: format!("{role}: {}", photo_description(p)),
            }
        })
        .collect();
    let item = ExhibitItem {
        kind: ExhibitKind::Tattoo,
        id: t.id.clone(),
    };
    let english_meaning = r.meaning_language == "en" || r.meaning_language.is_empty();
    let meaning = if r.meaning_original.trim().is_empty() && r.meaning_english.trim().is_empty() {
        None
    } else if english_meaning {
        Some(Meaning {
            original_label: "Meaning, in the person's words".into(),
            original: if r.meaning_original.trim().is_empty() {
                r.meaning_english.clone()
            } else {
                r.meaning_original.clone()
            },
            english_label: String::new(),
            english: String::new(),
            sworn: sworn_in(g, &item),
        })
    } else {
        Some(Meaning {
            original_label: format!(
                "Meaning, in the person's words ({})",
                language_name(&r.meaning_language)
            ),
            original: r.meaning_original.clone(),
            english_label: "Meaning (English translation)".into(),
            english: r.meaning_english.clone(),
            sworn: sworn_in(g, &item),
        })
    };
    TattooExhibit {
        title: tattoo_description(t),
        photos,
        fields: rows(vec![
            ("Where on the body", r.body_location.clone()),
            ("Text it shows", r.shows_text.clone()),
            ("Images it shows", r.shows_images.clone()),
            ("Made", made.join(", ")),
            ("Why", r.why.clone()),
            ("Context", r.context.clone()),
            ("Similar tattoos of others", r.similar_others.clone()),
            ("Earlier explanations", r.earlier_explanations.clone()),
        ]),
        meaning,
    }
}
