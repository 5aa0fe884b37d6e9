//! What a packet or declaration masks (LEGAL-FORMATS.md section 4): the
//! public-filing profile's A-number, full birth dates and minors' names,
//! and under a federal caption with initials, the person's and the next
//! friend's names, first names included.

use amparo_core::{ANumber, DatePrecision, PacketDraft, RememberedDate};
use chrono::{Datelike, NaiveDate};

use crate::packet::gather::{Body, Gathered};
use crate::packet::redact::{Redactor, initials};

fn day_of(date: &Option<RememberedDate>) -> Option<(i32, u8, u8)> {
    let d = date.as_ref()?;
    if d.precision() != DatePrecision::Day {
        return None;
    }
    Some((d.year, d.month?, d.day?))
}

fn under_18(date: &Option<RememberedDate>, today: NaiveDate) -> bool {
    date.as_ref()
        .and_then(RememberedDate::first_day)
        .and_then(|born| born.with_year(born.year() + 18))
        .is_some_and(|adult| adult > today)
}

/// The public-filing masks of a case: its A-number, every birth date known
/// to the day, and the names of those known to be minors; with `caption`
/// under initials, the person's names and the next friend's too.
/// `more_minors` are children named elsewhere (in photos).
pub(crate) fn case_masks(
    case: &amparo_core::Case,
    declarants: &[amparo_core::Declarant],
    caption: Option<&amparo_core::Caption>,
    more_minors: Vec<String>,
) -> Redactor {
    let p = &case.person;
    let digits = ANumber::parse(&p.a_number)
        .map(|a| a.digits().to_owned())
        .unwrap_or_default();
    let mut dates: Vec<(i32, u8, u8)> = day_of(&p.birth_date).into_iter().collect();
    let mut by_initials = more_minors;
    let mut first_names: Vec<(String, String)> = Vec::new();
    let now = crate::today();
    let under_initials = caption.is_some_and(|c| c.initials);
    if under_initials || under_18(&p.birth_date, now) {
        by_initials.push(p.record_name.clone());
        by_initials.push(p.used_name.clone());
    }
    if let Some(c) = caption.filter(|c| c.initials) {
        by_initials.extend(p.aliases.iter().cloned());
        by_initials.push(c.next_friend.clone());
        // A first name alone ("Jesús took part in the parade") would undo
        // the initials as surely as the full name: it prints as them.
        for (name, whose) in [
            (&p.record_name, &p.record_name),
            (&p.used_name, &p.record_name),
            (&c.next_friend, &c.next_friend),
        ] {
            if let Some(first) = name.split_whitespace().next() {
                first_names.push((first.to_owned(), initials(whose)));
            }
        }
    }
    for d in declarants {
        dates.extend(day_of(&d.record.birth_date));
        let minor = d.record.age.is_some_and(|a| a < 18) || under_18(&d.record.birth_date, now);
        if minor {
            by_initials.push(d.record.full_name.clone());
        }
    }
    Redactor::new(&digits, &dates, &by_initials, &first_names)
}

/// The masks of a packet: its case's, with the children shown in its
/// photos and, for a federal caption under initials, its names.
pub(crate) fn redactor_for(g: &Gathered) -> Redactor {
    let caption = crate::packet::caption::packet_caption(&g.draft);
    case_masks(&g.case, &g.declarants, caption.as_ref(), photo_minors(g))
}

/// The children shown in the packet's photos, by the names they were given.
pub(crate) fn photo_minors(g: &Gathered) -> Vec<String> {
    let mut minors = Vec::new();
    for e in &g.exhibits {
        let photos: Vec<&amparo_core::Photo> = match &e.body {
            Body::Photo(p) => vec![p.as_ref()],
            Body::Tattoo { photos, .. } => photos.iter().map(|(_, p)| p).collect(),
            _ => Vec::new(),
        };
        for photo in photos {
            minors.extend(
                photo
                    .details
                    .people
                    .iter()
                    .filter(|p| p.minor)
                    .map(|p| p.name.clone()),
            );
        }
    }
    minors
}

/// Whether a packet prints masked: a public filing, or a federal caption
/// under initials (which nothing filed may undo).
pub(crate) fn masked(d: &PacketDraft) -> bool {
    d.public_filing || (d.profile == amparo_core::PacketProfile::FederalCourt && d.caption.initials)
}
