//! "What's next": the few things a case most needs, for a family working
//! alone. Each is something the case's own records show (a hearing close
//! by, no A-number, a statement nobody can translate yet, a signed
//! declaration without its scan, photos nobody described, an allegation
//! nothing answers); it goes as soon as the records no longer show it.

use serde::Serialize;
use ts_rs::TS;

use crate::deadline::{Deadline, DueKind};
use crate::error::Result;
use crate::store::Store;

/// How many days ahead a hearing or due date is "soon".
pub const SOON_DAYS: i32 = 14;

/// What a case needs next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NextStepKind {
    /// A hearing within `SOON_DAYS` days.
    HearingSoon,
    /// A filing deadline or due date within `SOON_DAYS` days, or missed.
    DueSoon,
    /// The case has no A-number.
    NoANumber,
    /// The case has no statement yet.
    NoStatements,
    /// A statement in another language has paragraphs without English and
    /// nobody named to translate them.
    NeedsTranslation,
    /// A signed declaration has no scan of its signed pages.
    SignedWithoutScan,
    /// Photos with nothing said about what they show.
    PhotosUndescribed,
    /// Allegations with nothing that answers them.
    AllegationsUnanswered,
    /// Not checked with the immigration court's automated line in the last
    /// `CHECK_EVERY_DAYS` days (or never): hearings move.
    CheckWithCourt,
}

/// How often a family is asked to check the case with the court's line.
pub const CHECK_EVERY_DAYS: i64 = 7;

/// One thing the case needs, with what the sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NextStep {
    /// What it is.
    pub kind: NextStepKind,
    /// The record to open (a statement's id), or empty.
    pub id: String,
    /// What it names: a statement's title, a hearing's court, a due date's
    /// title; or empty.
    pub subject: String,
    /// The day, `YYYY-MM-DD`, for a hearing or due date; or empty.
    pub date: String,
    /// Days from today (negative when missed), for a hearing or due date.
    pub days: i32,
    /// How many (photos, allegations), or 1.
    pub count: u32,
}

impl NextStep {
    fn new(kind: NextStepKind) -> Self {
        Self {
            kind,
            id: String::new(),
            subject: String::new(),
            date: String::new(),
            days: 0,
            count: 1,
        }
    }
}

fn dated(d: &Deadline) -> Option<NextStep> {
    if d.days_left > SOON_DAYS {
        return None;
    }
    let kind = match d.kind {
        DueKind::Hearing if d.days_left >= 0 => NextStepKind::HearingSoon,
        DueKind::Hearing => return None,
        DueKind::Filing | DueKind::Other => NextStepKind::DueSoon,
    };
    Some(NextStep {
        subject: d.title.clone(),
        date: d.date.clone(),
        days: d.days_left,
        ..NextStep::new(kind)
    })
}

/// A nudge to check with the court's line: for a case with an A-number
/// (the line asks for it) whose person is still here, never checked or
/// checked a week ago or more. `date` is the last check, `days` how long ago.
fn check_with_court(case: &crate::case::Case) -> Option<NextStep> {
    if case.person.a_number.trim().is_empty()
        || case.custody.status == crate::case::CustodyStatus::Removed
    {
        return None;
    }
    let today = crate::deadline::court_today(&case.court_time_zone);
    let last = crate::calendar::parse_day(&case.checked_with_court_on);
    let days = last.map(|d| (today - d).num_days());
    if days.is_some_and(|d| d < CHECK_EVERY_DAYS) {
        return None;
    }
    Some(NextStep {
        date: case.checked_with_court_on.clone(),
        days: days.map_or(0, |d| i32::try_from(-d).unwrap_or(i32::MIN)),
        ..NextStep::new(NextStepKind::CheckWithCourt)
    })
}

impl Store {
    /// What case `case_id` needs next, the most pressing first: dates
    /// close by, then what is missing.
    pub fn next_steps(&self, case_id: &str) -> Result<Vec<NextStep>> {
        let case = self.case(case_id)?;
        let mut steps: Vec<NextStep> = self.deadlines(case_id)?.iter().filter_map(dated).collect();
        if case.person.a_number.trim().is_empty() {
            steps.push(NextStep::new(NextStepKind::NoANumber));
        }
        let statements = self.statements(case_id)?;
        if statements.is_empty() {
            steps.push(NextStep::new(NextStepKind::NoStatements));
        }
        for summary in &statements {
            let statement = self.statement(&summary.id)?;
            let d = &statement.draft;
            let untranslated =
                !d.is_english() && d.paragraphs.iter().any(|p| p.english.trim().is_empty());
            if untranslated && d.helper.name.trim().is_empty() {
                steps.push(NextStep {
                    id: summary.id.clone(),
                    subject: summary.title.clone(),
                    ..NextStep::new(NextStepKind::NeedsTranslation)
                });
            }
            if statement.signed.last().is_some_and(|v| v.scans.is_empty()) {
                steps.push(NextStep {
                    id: summary.id.clone(),
                    subject: summary.title.clone(),
                    ..NextStep::new(NextStepKind::SignedWithoutScan)
                });
            }
        }
        let undescribed: u32 = self.conn().query_row(
            "SELECT count(*) FROM photos WHERE case_id = ?1 AND trim(caption) = ''",
            [case_id],
            |r| r.get(0),
        )?;
        if undescribed > 0 {
            steps.push(NextStep {
                count: undescribed,
                ..NextStep::new(NextStepKind::PhotosUndescribed)
            });
        }
        if let Some(step) = check_with_court(&case) {
            steps.push(step);
        }
        let unanswered = self
            .allegations(case_id)?
            .iter()
            .filter(|a| a.allegation.answers.is_empty() && a.allegation.response.trim().is_empty())
            .count() as u32;
        if unanswered > 0 {
            steps.push(NextStep {
                count: unanswered,
                ..NextStep::new(NextStepKind::AllegationsUnanswered)
            });
        }
        Ok(steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Keys, Paragraph, StatementDraft};

    fn kinds(store: &Store, case_id: &str) -> Vec<NextStepKind> {
        store
            .next_steps(case_id)
            .expect("next steps")
            .into_iter()
            .map(|s| s.kind)
            .collect()
    }

    #[test]
    fn each_step_shows_while_the_case_needs_it_and_goes_when_done() {
        let dir = tempfile::tempdir().expect("temp");
        let mut store = Store::open(dir.path(), &Keys::fixed_for_tests()).expect("store");
        let case = store.add_example_case().expect("example");
        let start = kinds(&store, &case.id);
        assert!(!start.contains(&NextStepKind::NoANumber), "{start:?}");
        assert!(!start.contains(&NextStepKind::NoStatements), "{start:?}");

        // No A-number: asked for; given: gone.
        let mut draft = store.case(&case.id).expect("case").to_draft();
        draft.person.a_number = String::new();
        store.update_case(&case.id, &draft).expect("no A-number");
        assert!(kinds(&store, &case.id).contains(&NextStepKind::NoANumber));

        // A Spanish paragraph nobody can translate yet.
        let id = store.statements(&case.id).expect("statements")[0]
            .id
            .clone();
        let mut statement: StatementDraft = store.statement(&id).expect("statement").draft;
        let helper = std::mem::take(&mut statement.helper.name);
        statement.language = "es".into();
        statement.paragraphs.push(Paragraph {
            original: "Mi hijo nunca perteneció a una pandilla.".into(),
            english: String::new(),
            exhibits: vec![],
        });
        store.update_statement(&id, &statement).expect("save");
        let steps = store.next_steps(&case.id).expect("steps");
        let step = steps
            .iter()
            .find(|s| s.kind == NextStepKind::NeedsTranslation)
            .expect("needs translation");
        assert_eq!(step.id, id);
        // A translator named: she will do it, so it goes.
        statement.helper.name = if helper.is_empty() {
            "Ana".into()
        } else {
            helper
        };
        store.update_statement(&id, &statement).expect("save");
        assert!(!kinds(&store, &case.id).contains(&NextStepKind::NeedsTranslation));

        // Two photos nobody described; one described, one to go.
        let photo = |store: &mut Store, n: u8| {
            store
                .add_photo(
                    &case.id,
                    &crate::NewPhoto {
                        sha256: format!("{n:02x}").repeat(32),
                        file_name: format!("IMG_{n}.jpg"),
                        format: crate::PhotoFormat::Jpeg,
                        width: 400,
                        height: 300,
                        byte_size: 1000,
                        exif: crate::PhotoExif::default(),
                        damaged: false,
                    },
                )
                .expect("photo")
        };
        photo(&mut store, 1);
        photo(&mut store, 2);
        let undescribed = |store: &Store| {
            store
                .next_steps(&case.id)
                .expect("steps")
                .into_iter()
                .find(|s| s.kind == NextStepKind::PhotosUndescribed)
                .map(|s| s.count)
        };
        assert_eq!(undescribed(&store), Some(2));
        let first = store.photos(&case.id, 0, 1).expect("photos").photos[0]
            .id
            .clone();
        store
            .update_photo_details(
                &first,
                &crate::PhotoDetails {
                    caption: "Three Kings festival, 2008".into(),
                    ..crate::PhotoDetails::default()
                },
            )
            .expect("described");
        assert_eq!(undescribed(&store), Some(1));
    }

    #[test]
    fn checking_with_the_court_is_asked_for_until_done_and_again_a_week_later() {
        let mut store = Store::open_in_memory().expect("store");
        let case = store.add_example_case().expect("example");
        let step = store
            .next_steps(&case.id)
            .expect("steps")
            .into_iter()
            .find(|s| s.kind == NextStepKind::CheckWithCourt)
            .expect("never checked: asked");
        assert_eq!(step.date, "", "never checked");

        let checked = store.mark_checked_with_court(&case.id).expect("checked");
        assert_eq!(
            checked.checked_with_court_on,
            crate::deadline::court_today(&checked.court_time_zone).to_string()
        );
        assert!(!kinds(&store, &case.id).contains(&NextStepKind::CheckWithCourt));

        // Eight days ago: asked again, saying when it was.
        let long_ago = (crate::deadline::court_today(&checked.court_time_zone)
            - chrono::TimeDelta::days(8))
        .to_string();
        store
            .conn()
            .execute(
                "UPDATE cases SET checked_with_court_on = ?2 WHERE id = ?1",
                [&case.id, &long_ago],
            )
            .expect("back-date");
        let step = store
            .next_steps(&case.id)
            .expect("steps")
            .into_iter()
            .find(|s| s.kind == NextStepKind::CheckWithCourt)
            .expect("a week later: asked again");
        assert_eq!((step.date.as_str(), step.days), (long_ago.as_str(), -8));
    }
}
