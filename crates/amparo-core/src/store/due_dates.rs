//! Due dates entered by hand, the filing-deadline setting, and a case's
//! deadlines counted in its court's time zone.

use rusqlite::params;

use super::links::trimmed;
use super::removals::Removable;
use super::{Store, now};
use crate::calendar::parse_day;
use crate::case::Case;
use crate::deadline::{
    DEFAULT_FILING_DAYS_BEFORE, Deadline, DueDate, DueDateDraft, court_today, deadlines,
};
use crate::error::{Error, FieldError, FieldProblem, Result};

const FILING_DAYS_BEFORE: &str = "filing_days_before";
const FILING_DAYS_MAX: u32 = 365;

impl Store {
    /// Adds a due date to the case.
    pub fn add_due_date(&mut self, case_id: &str, draft: &DueDateDraft) -> Result<DueDate> {
        self.case_exists(case_id)?;
        let mut errors = Vec::new();
        let title = trimmed(&draft.title, "title", 2_000, &mut errors);
        if title.is_empty() {
            errors.push(FieldError::new("title", FieldProblem::Required));
        }
        let date = draft.date.trim().to_owned();
        if date.is_empty() {
            errors.push(FieldError::new("date", FieldProblem::Required));
        } else if parse_day(&date).is_none() {
            errors.push(FieldError::new("date", FieldProblem::DateInvalid));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let id = uuid::Uuid::now_v7().to_string();
        self.conn().execute(
            "INSERT INTO due_dates (id, case_id, date, title, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, case_id, date, title, now()],
        )?;
        Ok(DueDate {
            id,
            case_id: case_id.to_owned(),
            date,
            title,
        })
    }

    /// Removes a hand-entered due date.
    pub fn delete_due_date(&mut self, id: &str) -> Result<()> {
        self.remove(Removable::DueDate, id)
    }

    /// The hand-entered due dates of a case, by date.
    pub fn due_dates(&self, case_id: &str) -> Result<Vec<DueDate>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, case_id, date, title FROM due_dates WHERE case_id = ?1 ORDER BY date, created_at",
        )?;
        let found = stmt
            .query_map([case_id], |r| {
                Ok(DueDate {
                    id: r.get(0)?,
                    case_id: r.get(1)?,
                    date: r.get(2)?,
                    title: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// The case's coming hearings and due dates, and missed due dates,
    /// counted from today in the court's time zone.
    pub fn deadlines(&self, case_id: &str) -> Result<Vec<Deadline>> {
        let case = self.case(case_id)?;
        self.deadlines_of(&case)
    }

    pub(super) fn deadlines_of(&self, case: &Case) -> Result<Vec<Deadline>> {
        Ok(deadlines(
            case,
            &self.due_dates(&case.id)?,
            self.filing_days_before()?,
            court_today(&case.court_time_zone),
        ))
    }

    /// Days before an individual hearing that evidence is due for a person
    /// who is not detained (a setting; confirm with the court's rules).
    pub fn filing_days_before(&self) -> Result<u32> {
        Ok(self
            .setting(FILING_DAYS_BEFORE)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_FILING_DAYS_BEFORE))
    }

    /// Changes the filing-deadline setting (0 to 365 days).
    pub fn set_filing_days_before(&mut self, days: u32) -> Result<u32> {
        if days > FILING_DAYS_MAX {
            return Err(Error::Invalid(vec![FieldError::new(
                "filingDaysBefore",
                FieldProblem::TooLong,
            )]));
        }
        self.put_setting(FILING_DAYS_BEFORE, &days.to_string())?;
        self.filing_days_before()
    }
}
