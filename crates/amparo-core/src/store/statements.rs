//! Statements in the store: the draft with its paragraphs, saved whole in
//! one transaction, and signed versions, which are only ever added.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::custody::{CustodyAction, CustodySigner, content_hash, record};
use super::{Store, now, stamp, to_json, today};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::exhibit::{Citation, ExhibitItem, ExhibitKind};
use crate::signing_place::{SigningPlace, is_country_code};
use crate::statement::{
    Caption, LanguageHelper, Paragraph, SignedVersion, SigningMode, SigningRecord, Statement,
    StatementDraft, StatementSummary,
};
use crate::validate::latest_past_day;

const LINE_MAX: usize = 2_000;
const TEXT_MAX: usize = 50_000;
const PARAGRAPHS_MAX: usize = 2_000;

/// How often text saved as it is typed is logged in the custody log.
pub const TYPING_LOGGED_EVERY: chrono::TimeDelta = chrono::TimeDelta::minutes(10);

/// Whether the statement's text was logged as written in the last
/// [`TYPING_LOGGED_EVERY`].
fn logged_lately(tx: &rusqlite::Connection, case_id: &str, id: &str) -> Result<bool> {
    let since = stamp(chrono::Utc::now() - TYPING_LOGGED_EVERY);
    let found: Option<i64> = tx
        .query_row(
            "SELECT 1 FROM custody_log WHERE case_id = ?1 AND item = ?2
               AND action = 'statementWritten' AND at >= ?3 LIMIT 1",
            params![case_id, format!("statement:{id}"), since],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// The custody entry of a statement's text as written: its SHA-256 is the
/// SHA-256 of the text as stored (the checked draft, as JSON).
fn written(
    tx: &rusqlite::Connection,
    signer: Option<&dyn CustodySigner>,
    case_id: &str,
    id: &str,
    clean: &StatementDraft,
) -> Result<()> {
    record(
        tx,
        signer,
        case_id,
        CustodyAction::StatementWritten,
        &format!("statement:{id}"),
        &content_hash(to_json(clean)?.as_bytes()),
    )
}

impl Store {
    /// Logs the statement's current text as written (a case file's
    /// version of it was taken).
    pub(crate) fn record_statement_written(
        &self,
        tx: &rusqlite::Connection,
        case_id: &str,
        id: &str,
    ) -> Result<()> {
        let statement = self.statement(id)?;
        written(tx, self.signer.as_deref(), case_id, id, &statement.draft)
    }

    /// Validates `draft` and files it as a new statement of the case.
    /// A statement with no translator named takes the one who last
    /// translated for the case: a family names their translator once.
    pub fn create_statement(&mut self, case_id: &str, draft: &StatementDraft) -> Result<Statement> {
        let mut clean = check(draft)?;
        if clean.mode == SigningMode::SignOriginal
            && !clean.is_english()
            && clean.helper.name.trim().is_empty()
            && let Some(helper) = self.case_translator(case_id)?
        {
            clean.helper = helper;
        }
        let id = uuid::Uuid::now_v7().to_string();
        let stamp = now();
        let tx = self.conn.savepoint()?;
        declarant_of_case(&tx, &clean.declarant_id, case_id)?;
        tx.execute(
            "INSERT INTO statements (id, case_id, declarant_id, title, language, mode, position,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, '', '', 'signOriginal',
                (SELECT coalesce(max(position), 0) + 1 FROM statements WHERE case_id = ?2), ?4, ?4)",
            params![id, case_id, clean.declarant_id, stamp],
        )?;
        write(&tx, &id, &clean, &stamp)?;
        written(&tx, self.signer.as_deref(), case_id, &id, &clean)?;
        tx.commit()?;
        self.statement(&id)
    }

    /// The translator who last translated a statement of case `case_id`
    /// (signed in its own language, with the translator named), if any.
    pub fn case_translator(&self, case_id: &str) -> Result<Option<LanguageHelper>> {
        let mut found: Option<Statement> = None;
        for summary in self.statements(case_id)? {
            let s = self.statement(&summary.id)?;
            let d = &s.draft;
            if d.mode == SigningMode::SignOriginal
                && !d.is_english()
                && !d.helper.name.trim().is_empty()
                && found.as_ref().is_none_or(|f| f.updated_at < s.updated_at)
            {
                found = Some(s);
            }
        }
        // Only who they are: how a text was read back belongs to a statement.
        Ok(found.map(|s| LanguageHelper {
            read_back: Default::default(),
            ..s.draft.helper
        }))
    }

    /// Validates `draft` and makes it the statement's current text. Signed
    /// versions stay as they were signed.
    pub fn update_statement(&mut self, id: &str, draft: &StatementDraft) -> Result<Statement> {
        self.save_statement(id, draft, true)
    }

    /// Saves the text as it is being typed (the editor's autosave, every
    /// pause of a few seconds), exactly as [`Store::update_statement`]
    /// does, but logs it in the case's custody log at most once every
    /// [`TYPING_LOGGED_EVERY`]: the log keeps texts someone chose to keep
    /// (a save, a signing, a case sent), not every pause in typing.
    pub fn save_typed_statement(&mut self, id: &str, draft: &StatementDraft) -> Result<Statement> {
        self.save_statement(id, draft, false)
    }

    fn save_statement(
        &mut self,
        id: &str,
        draft: &StatementDraft,
        always_log: bool,
    ) -> Result<Statement> {
        let clean = check(draft)?;
        let tx = self.conn.savepoint()?;
        let case_id: String = tx
            .query_row("SELECT case_id FROM statements WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        declarant_of_case(&tx, &clean.declarant_id, &case_id)?;
        write(&tx, id, &clean, &now())?;
        if always_log || !logged_lately(&tx, &case_id, id)? {
            written(&tx, self.signer.as_deref(), &case_id, id, &clean)?;
        }
        tx.commit()?;
        self.statement(id)
    }

    /// The statement `id`, with its signed versions.
    pub fn statement(&self, id: &str) -> Result<Statement> {
        let mut statement = self
            .conn()
            .query_row(
                "SELECT * FROM statements WHERE id = ?1",
                [id],
                statement_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        statement.draft.paragraphs = self.paragraphs(id)?;
        statement.signed = self.signed_versions(id)?;
        statement.is_draft = statement
            .signed
            .last()
            .is_none_or(|v| v.draft != statement.draft);
        Ok(statement)
    }

    /// The statements of a case, in the order they were filed. Reads the
    /// list's columns and counts; only a statement with a signed version
    /// has its text read, to tell whether it changed since.
    pub fn statements(&self, case_id: &str) -> Result<Vec<StatementSummary>> {
        let mut stmt = self.conn().prepare(
            "SELECT s.id, s.declarant_id, d.full_name, s.title, s.updated_at,
                (SELECT count(*) FROM paragraphs p WHERE p.statement_id = s.id),
                (SELECT count(*) FROM signed_versions v WHERE v.statement_id = s.id),
                s.title_original
             FROM statements s JOIN declarants d ON d.id = s.declarant_id
             WHERE s.case_id = ?1 ORDER BY s.position",
        )?;
        let rows: Vec<StatementSummary> = stmt
            .query_map([case_id], |r| {
                Ok(StatementSummary {
                    id: r.get(0)?,
                    declarant_id: r.get(1)?,
                    declarant_name: r.get(2)?,
                    title: r.get(3)?,
                    title_original: r.get(7)?,
                    updated_at: r.get(4)?,
                    paragraphs: r.get(5)?,
                    signed_versions: r.get(6)?,
                    is_draft: true,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|mut summary| {
                if summary.signed_versions > 0 {
                    summary.is_draft = self.differs_from_last_signed(&summary.id)?;
                }
                Ok(summary)
            })
            .collect()
    }

    /// Whether the statement's current text differs from its last signed
    /// version, reading that one version only.
    fn differs_from_last_signed(&self, id: &str) -> Result<bool> {
        let (number, json): (u32, String) = self.conn().query_row(
            "SELECT number, draft_json FROM signed_versions WHERE statement_id = ?1
             ORDER BY number DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let signed = signed_text(id, number, &json)?;
        let mut current = self
            .conn()
            .query_row(
                "SELECT * FROM statements WHERE id = ?1",
                [id],
                statement_from_row,
            )?
            .draft;
        current.paragraphs = self.paragraphs(id)?;
        Ok(signed != current)
    }

    /// Removes a statement that was never signed. A signed statement is
    /// part of the record and stays until the whole case is erased.
    pub fn delete_statement(&mut self, id: &str) -> Result<()> {
        let signed: i64 = self.conn().query_row(
            "SELECT count(*) FROM signed_versions WHERE statement_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if signed > 0 {
            return Err(Error::InUse(
                "a signed statement is kept; it can only go with the whole case".into(),
            ));
        }
        if self
            .conn()
            .execute("DELETE FROM statements WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Records that the declarant signed `draft`, printed as the PDF whose
    /// SHA-256 is `pdf_sha256` (already kept in the blob store), with scans
    /// of the signed pages. Refused when the statement changed since `draft`
    /// was read, so the stored PDF always matches the stored text.
    pub fn add_signed_version(
        &mut self,
        statement_id: &str,
        draft: &StatementDraft,
        signing: &SigningRecord,
        pdf_sha256: &str,
        scans: &[String],
    ) -> Result<SignedVersion> {
        check_signing(signing)?;
        let current = self.statement(statement_id)?;
        if current.draft != *draft {
            return Err(Error::Changed(
                "the statement changed while it was being printed; print it again".into(),
            ));
        }
        let id = uuid::Uuid::now_v7().to_string();
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO signed_versions (id, statement_id, number, signed_on, place, place_country,
                place_us_facility, draft_json, pdf_sha256, created_at, place_reason)
             VALUES (?1, ?2,
                (SELECT coalesce(max(number), 0) + 1 FROM signed_versions WHERE statement_id = ?2),
                ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                id,
                statement_id,
                signing.signed_on,
                signing.place.place.trim(),
                signing.place.country,
                signing.place.us_detention_facility,
                to_json(draft)?,
                pdf_sha256,
                now(),
                signing.place.reason.trim(),
            ],
        )?;
        for (position, sha) in scans.iter().enumerate() {
            tx.execute(
                "INSERT INTO signed_scans (version_id, position, sha256) VALUES (?1, ?2, ?3)",
                params![id, position as i64, sha],
            )?;
        }
        record(
            &tx,
            self.signer.as_deref(),
            &current.case_id,
            CustodyAction::Signed,
            &format!("statement:{statement_id}"),
            pdf_sha256,
        )?;
        tx.commit()?;
        self.signed_versions(statement_id)?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or(Error::NotFound(id))
    }

    fn paragraphs(&self, statement_id: &str) -> Result<Vec<Paragraph>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, original, english FROM paragraphs WHERE statement_id = ?1 ORDER BY position",
        )?;
        let rows: Vec<(String, Paragraph)> = stmt
            .query_map([statement_id], |r| {
                Ok((
                    r.get(0)?,
                    Paragraph {
                        original: r.get(1)?,
                        english: r.get(2)?,
                        exhibits: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut refs = self.conn().prepare(
            "SELECT kind, item_id, page FROM paragraph_exhibits WHERE paragraph_id = ?1 ORDER BY position",
        )?;
        rows.into_iter()
            .map(|(pid, mut p)| {
                p.exhibits = refs
                    .query_map([pid], |r| {
                        let page: u32 = r.get(2)?;
                        Ok(Citation {
                            item: ExhibitItem {
                                kind: ExhibitKind::parse(&r.get::<_, String>(0)?),
                                id: r.get(1)?,
                            },
                            page: (page > 0).then_some(page),
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(p)
            })
            .collect()
    }

    fn signed_versions(&self, statement_id: &str) -> Result<Vec<SignedVersion>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM signed_versions WHERE statement_id = ?1 ORDER BY number")?;
        let rows: Vec<(SignedVersion, String)> = stmt
            .query_map([statement_id], version_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut versions = rows
            .into_iter()
            .map(|(mut v, json)| {
                v.draft = signed_text(statement_id, v.number, &json)?;
                Ok(v)
            })
            .collect::<Result<Vec<_>>>()?;
        let mut scans = self
            .conn()
            .prepare("SELECT sha256 FROM signed_scans WHERE version_id = ?1 ORDER BY position")?;
        for v in &mut versions {
            v.scans = scans
                .query_map([&v.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(versions)
    }
}

fn declarant_of_case(tx: &Connection, declarant_id: &str, case_id: &str) -> Result<()> {
    tx.query_row(
        "SELECT 1 FROM declarants WHERE id = ?1 AND case_id = ?2",
        params![declarant_id, case_id],
        |r| r.get::<_, i64>(0),
    )
    .optional()?
    .map(|_| ())
    .ok_or_else(|| Error::Invalid(vec![FieldError::new("declarantId", FieldProblem::Required)]))
}

fn write(tx: &Connection, id: &str, s: &StatementDraft, stamp: &str) -> Result<()> {
    tx.execute(
        "UPDATE statements SET declarant_id = ?2, title = ?3, title_original = ?4, language = ?5,
            mode = ?6, helper_name = ?7, helper_address = ?8, helper_phone = ?9,
            helper_is_relative = ?10, read_back = ?11, place = ?12, place_country = ?13,
            place_us_facility = ?14, prefill_place = ?15, caption_kind = ?16, caption_court = ?17,
            caption_petitioners = ?18, caption_respondents = ?19, caption_case_number = ?20,
            name_on_every_page = ?21, updated_at = ?22, place_reason = ?23,
            caption_division = ?24, caption_next_friend = ?25, caption_supports = ?26,
            caption_initials = ?27
         WHERE id = ?1",
        params![
            id,
            s.declarant_id,
            s.title,
            s.title_original,
            s.language,
            as_text(&s.mode),
            s.helper.name,
            s.helper.address,
            s.helper.phone,
            s.helper.is_relative,
            as_text(&s.helper.read_back),
            s.place.place,
            s.place.country,
            s.place.us_detention_facility,
            s.prefill_place,
            as_text(&s.caption.kind),
            s.caption.court,
            s.caption.petitioners,
            s.caption.respondents,
            s.caption.case_number,
            s.name_on_every_page,
            stamp,
            s.place.reason,
            s.caption.division,
            s.caption.next_friend,
            s.caption.supports,
            s.caption.initials,
        ],
    )?;
    tx.execute("DELETE FROM paragraphs WHERE statement_id = ?1", [id])?;
    for (position, p) in s.paragraphs.iter().enumerate() {
        let pid = uuid::Uuid::now_v7().to_string();
        tx.execute(
            "INSERT INTO paragraphs (id, statement_id, position, original, english)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![pid, id, position as i64, p.original, p.english],
        )?;
        for (at, cited) in p.exhibits.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO paragraph_exhibits (paragraph_id, position, kind, item_id, page)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    pid,
                    at as i64,
                    cited.item.kind.as_str(),
                    cited.item.id,
                    cited.page.unwrap_or(0)
                ],
            )?;
        }
    }
    Ok(())
}

fn check(draft: &StatementDraft) -> Result<StatementDraft> {
    let mut errors = Vec::new();
    let mut out = draft.clone();
    let mut text = |value: &mut String, field: &str, max: usize| {
        *value = value.trim().to_owned();
        if value.chars().count() > max {
            errors.push(FieldError::new(field, FieldProblem::TooLong));
        }
    };
    text(&mut out.title, "title", LINE_MAX);
    text(&mut out.title_original, "titleOriginal", LINE_MAX);
    text(&mut out.language, "language", 35);
    text(&mut out.helper.name, "helper.name", LINE_MAX);
    text(&mut out.helper.address, "helper.address", LINE_MAX);
    text(&mut out.helper.phone, "helper.phone", LINE_MAX);
    text(&mut out.place.place, "place.place", LINE_MAX);
    text(&mut out.caption.court, "caption.court", LINE_MAX);
    text(
        &mut out.caption.petitioners,
        "caption.petitioners",
        LINE_MAX,
    );
    text(
        &mut out.caption.respondents,
        "caption.respondents",
        LINE_MAX,
    );
    text(&mut out.caption.case_number, "caption.caseNumber", LINE_MAX);
    text(&mut out.caption.division, "caption.division", LINE_MAX);
    text(&mut out.caption.next_friend, "caption.nextFriend", LINE_MAX);
    text(&mut out.caption.supports, "caption.supports", LINE_MAX);
    for (i, p) in out.paragraphs.iter_mut().enumerate() {
        text(
            &mut p.original,
            &format!("paragraphs.{i}.original"),
            TEXT_MAX,
        );
        text(&mut p.english, &format!("paragraphs.{i}.english"), TEXT_MAX);
        for cited in &mut p.exhibits {
            if cited.item.kind != ExhibitKind::Document || cited.page == Some(0) {
                cited.page = None;
            }
        }
        let mut seen = std::collections::HashSet::new();
        p.exhibits.retain(|e| seen.insert(e.clone()));
    }
    if out.paragraphs.len() > PARAGRAPHS_MAX {
        errors.push(FieldError::new("paragraphs", FieldProblem::TooLong));
    }
    out.language = out.language.to_ascii_lowercase();
    if out.language.is_empty() {
        errors.push(FieldError::new("language", FieldProblem::Required));
    } else if !is_language_tag(&out.language) {
        errors.push(FieldError::new("language", FieldProblem::Unknown));
    }
    if out.title.is_empty() {
        errors.push(FieldError::new("title", FieldProblem::Required));
    }
    if out.declarant_id.trim().is_empty() {
        errors.push(FieldError::new("declarantId", FieldProblem::Required));
    }
    check_country(&out.place, "place.country", &mut errors);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Checks a signing record on its own: a real signing day not in the
/// future, and a place whose country is known. Cheap, so that signing can
/// refuse a bad record before printing and storing anything.
pub fn check_signing(signing: &SigningRecord) -> Result<()> {
    let mut errors = Vec::new();
    match crate::calendar::parse_day(&signing.signed_on) {
        None => errors.push(FieldError::new("signedOn", FieldProblem::DateInvalid)),
        Some(day) if day > latest_past_day(today()) => {
            errors.push(FieldError::new("signedOn", FieldProblem::DateInFuture));
        }
        Some(_) => {}
    }
    check_country(&signing.place, "place.country", &mut errors);
    if signing.place.clause_form().is_none() {
        errors.push(FieldError::new("place.country", FieldProblem::Required));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

fn check_country(place: &SigningPlace, field: &str, errors: &mut Vec<FieldError>) {
    if !place.country.is_empty() && !is_country_code(&place.country) {
        errors.push(FieldError::new(field, FieldProblem::Unknown));
    }
}

/// A BCP 47-shaped tag: a 2-3 letter language, then optional subtags.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn as_text<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn from_text<T: DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).unwrap_or_default()
}

fn statement_from_row(r: &Row<'_>) -> rusqlite::Result<Statement> {
    Ok(Statement {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        draft: StatementDraft {
            declarant_id: r.get("declarant_id")?,
            title: r.get("title")?,
            title_original: r.get("title_original")?,
            language: r.get("language")?,
            paragraphs: Vec::new(),
            mode: from_text(&r.get::<_, String>("mode")?),
            helper: LanguageHelper {
                name: r.get("helper_name")?,
                address: r.get("helper_address")?,
                phone: r.get("helper_phone")?,
                is_relative: r.get("helper_is_relative")?,
                read_back: from_text(&r.get::<_, String>("read_back")?),
            },
            place: SigningPlace {
                place: r.get("place")?,
                country: r.get("place_country")?,
                us_detention_facility: r.get("place_us_facility")?,
                reason: r.get("place_reason")?,
            },
            prefill_place: r.get("prefill_place")?,
            caption: Caption {
                kind: from_text(&r.get::<_, String>("caption_kind")?),
                court: r.get("caption_court")?,
                petitioners: r.get("caption_petitioners")?,
                respondents: r.get("caption_respondents")?,
                case_number: r.get("caption_case_number")?,
                division: r.get("caption_division")?,
                next_friend: r.get("caption_next_friend")?,
                supports: r.get("caption_supports")?,
                initials: r.get("caption_initials")?,
            },
            name_on_every_page: r.get("name_on_every_page")?,
        },
        signed: Vec::new(),
        is_draft: true,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

/// The text as signed. Text that cannot be read is damage to the record,
/// never an empty statement: what someone swore must not quietly vanish.
fn signed_text(statement_id: &str, number: u32, json: &str) -> Result<StatementDraft> {
    serde_json::from_str(json).map_err(|e| {
        Error::CorruptDatabase(format!(
            "statement {statement_id}: signed version {number} cannot be read ({e})"
        ))
    })
}

/// A signed version without its text, and that text as stored (JSON).
fn version_from_row(r: &Row<'_>) -> rusqlite::Result<(SignedVersion, String)> {
    let version = SignedVersion {
        id: r.get("id")?,
        number: r.get("number")?,
        signing: SigningRecord {
            signed_on: r.get("signed_on")?,
            place: SigningPlace {
                place: r.get("place")?,
                country: r.get("place_country")?,
                us_detention_facility: r.get("place_us_facility")?,
                reason: r.get("place_reason")?,
            },
        },
        draft: StatementDraft::default(),
        pdf_sha256: r.get("pdf_sha256")?,
        scans: Vec::new(),
        created_at: r.get("created_at")?,
    };
    Ok((version, r.get("draft_json")?))
}
