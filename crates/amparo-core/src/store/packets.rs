//! The evidence packet of a case, and the letters its signed statements pin.

use rusqlite::{OptionalExtension, params};

use super::{Store, now, to_json};
use crate::document::DocumentGroup;
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::packet::{
    DocumentExcerpt, FilerRole, PacketDraft, PacketItem, PacketItemKind, PinnedLetter,
    order_keeping_pins,
};

const LINE_MAX: usize = 2_000;
const PREFIX_MAX: usize = 20;

impl Store {
    /// The case's packet as last saved, without records removed since; or,
    /// when none was saved, every statement and tattoo record and every
    /// lettered photo, in an order that keeps the pinned letters.
    pub fn packet(&self, case_id: &str) -> Result<PacketDraft> {
        let case = self.case(case_id)?;
        let saved: Option<String> = self
            .conn()
            .query_row(
                "SELECT body FROM packets WHERE case_id = ?1",
                [case_id],
                |r| r.get(0),
            )
            .optional()?;
        let mut draft = match saved {
            Some(body) => serde_json::from_str::<PacketDraft>(&body)
                .map_err(|e| Error::CorruptDatabase(format!("packet: {e}")))?,
            None => {
                let mut draft = PacketDraft {
                    items: self.default_packet_items(case_id)?,
                    ..PacketDraft::default()
                };
                // A case with an attorney of record is filed by them.
                if !case.attorney.name.trim().is_empty() {
                    draft.filer.role = FilerRole::Attorney;
                }
                draft
            }
        };
        let mut kept = Vec::with_capacity(draft.items.len());
        for item in draft.items {
            if self.packet_item_case(&item)?.as_deref() == Some(case_id) {
                kept.push(item);
            }
        }
        draft.items = kept;
        Ok(draft)
    }

    /// The exhibits of a case's first packet, grouped as practice groups
    /// tabs (LEGAL-FORMATS.md 3a): identity documents, declarations,
    /// photographs, country conditions, government documents, other.
    fn default_packet_items(&self, case_id: &str) -> Result<Vec<PacketItem>> {
        let documents = self.documents(case_id)?;
        let documents_in = |group: DocumentGroup| {
            documents
                .iter()
                .filter(move |d| d.filed && DocumentGroup::of(d.details.kind) == group)
                .map(|d| PacketItem {
                    kind: PacketItemKind::Document,
                    id: d.id.clone(),
                })
        };
        let mut rest: Vec<PacketItem> = documents_in(DocumentGroup::Identity).collect();
        rest.extend(self.statements(case_id)?.into_iter().map(|s| PacketItem {
            kind: PacketItemKind::Statement,
            id: s.id,
        }));
        rest.extend(self.tattoos(case_id)?.into_iter().map(|t| PacketItem {
            kind: PacketItemKind::Tattoo,
            id: t.id,
        }));
        rest.extend(
            self.exhibit_letters(case_id)?
                .iter()
                .map(|e| PacketItem::of_exhibit(&e.item))
                .filter(|item| item.kind == PacketItemKind::Photo),
        );
        rest.extend(documents_in(DocumentGroup::CountryConditions));
        rest.extend(documents_in(DocumentGroup::Government));
        rest.extend(documents_in(DocumentGroup::Other));
        // The chronology and the rebuttal table are aids for counsel, not
        // evidence: they print only when someone puts them in.
        Ok(order_keeping_pins(&self.pinned_letters(case_id)?, &rest))
    }

    /// Validates and keeps the case's packet.
    pub fn save_packet(&mut self, case_id: &str, draft: &PacketDraft) -> Result<PacketDraft> {
        self.case(case_id)?;
        let mut problems = Vec::new();
        for (i, item) in draft.items.iter().enumerate() {
            let foreign = self.packet_item_case(item)?.as_deref() != Some(case_id);
            if foreign || draft.items[..i].contains(item) {
                problems.push(FieldError::new(format!("items.{i}"), FieldProblem::Unknown));
            }
        }
        if draft.page_prefix.chars().count() > PREFIX_MAX {
            problems.push(FieldError::new("pagePrefix", FieldProblem::TooLong));
        }
        for (i, page) in draft.signed_pages.iter().enumerate() {
            let hex = page.scan.len() == 64 && page.scan.bytes().all(|b| b.is_ascii_hexdigit());
            if !hex {
                problems.push(FieldError::new(
                    format!("signedPages.{i}"),
                    FieldProblem::Unknown,
                ));
            }
        }
        let mut draft = draft.clone();
        let mut kept: Vec<DocumentExcerpt> = Vec::new();
        for (i, mut excerpt) in std::mem::take(&mut draft.excerpts).into_iter().enumerate() {
            // No pages chosen, or a second excerpt of the same document,
            // is the whole document (or the first excerpt).
            if excerpt.pages.is_empty() || kept.iter().any(|k| k.document_id == excerpt.document_id)
            {
                continue;
            }
            let pages = document_pages_in_case(self.conn(), &excerpt.document_id, case_id)?;
            let fits = |page: &u32| pages.is_some_and(|n| (1..=n).contains(page));
            if !excerpt.pages.iter().all(fits) {
                problems.push(FieldError::new(
                    format!("excerpts.{i}"),
                    FieldProblem::Unknown,
                ));
            }
            // The first page names the document: it always goes.
            excerpt.pages.push(1);
            excerpt.pages.sort_unstable();
            excerpt.pages.dedup();
            // An excerpt of every page is the whole document.
            if pages.is_some_and(|n| (excerpt.pages.len() as u32) < n) {
                kept.push(excerpt);
            }
        }
        draft.excerpts = kept;
        let draft = &draft;
        if !(1..=1_000).contains(&draft.size_limit_mb) {
            problems.push(FieldError::new("sizeLimitMb", FieldProblem::Unknown));
        }
        if !draft.service.date.is_empty()
            && crate::calendar::parse_day(&draft.service.date).is_none()
        {
            problems.push(FieldError::new("service.date", FieldProblem::DateInvalid));
        }
        let long = |text: &str| text.chars().count() > LINE_MAX;
        for (field, text) in [
            ("title", &draft.title),
            ("court", &draft.court),
            ("city", &draft.city),
            ("judge", &draft.judge),
            ("filer.name", &draft.filer.name),
            ("filer.firm", &draft.filer.firm),
            ("filer.address", &draft.filer.address),
            ("filer.preparer", &draft.filer.preparer),
            ("applications.other", &draft.applications.other),
            ("service.recipient", &draft.service.recipient),
            ("service.address", &draft.service.address),
            ("service.serverName", &draft.service.server_name),
            ("translator.name", &draft.translator.name),
            ("translator.address", &draft.translator.address),
            ("filer.barNumber", &draft.filer.bar_number),
            ("caption.court", &draft.caption.court),
            ("caption.division", &draft.caption.division),
            ("caption.petitioners", &draft.caption.petitioners),
            ("caption.nextFriend", &draft.caption.next_friend),
            ("caption.respondents", &draft.caption.respondents),
            ("caption.caseNumber", &draft.caption.case_number),
            ("caption.supports", &draft.caption.supports),
        ] {
            if long(text) {
                problems.push(FieldError::new(field, FieldProblem::TooLong));
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        let body = to_json(draft)?;
        self.conn().execute(
            "INSERT INTO packets (case_id, body, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (case_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![case_id, body, now()],
        )?;
        self.packet(case_id)
    }

    /// The letters cited in the latest signed version of each statement of
    /// the case, as they were when it was signed.
    pub fn pinned_letters(&self, case_id: &str) -> Result<Vec<PinnedLetter>> {
        let letters = self.exhibit_letters(case_id)?;
        let mut pins = Vec::new();
        for summary in self.statements(case_id)? {
            if summary.signed_versions == 0 {
                continue;
            }
            let statement = self.statement(&summary.id)?;
            let Some(signed) = statement.signed.last() else {
                continue;
            };
            for paragraph in &signed.draft.paragraphs {
                for cited in &paragraph.exhibits {
                    let item = &cited.item;
                    let Some(letter) = letters.iter().find(|l| l.item == *item) else {
                        continue;
                    };
                    let pin = PinnedLetter {
                        statement_id: statement.id.clone(),
                        statement_title: signed.draft.title.clone(),
                        item: PacketItem::of_exhibit(item),
                        letter: letter.letter.clone(),
                    };
                    if !pins.contains(&pin) {
                        pins.push(pin);
                    }
                }
            }
        }
        Ok(pins)
    }

    fn packet_item_case(&self, item: &PacketItem) -> Result<Option<String>> {
        let sql = match item.kind {
            PacketItemKind::Statement => "SELECT case_id FROM statements WHERE id = ?1",
            PacketItemKind::Photo => "SELECT case_id FROM photos WHERE id = ?1",
            PacketItemKind::Tattoo => "SELECT case_id FROM tattoos WHERE id = ?1",
            // A table is offered while the case has something to put in it.
            PacketItemKind::Chronology => "SELECT case_id FROM events WHERE case_id = ?1 LIMIT 1",
            PacketItemKind::Rebuttal => {
                "SELECT case_id FROM allegations WHERE case_id = ?1 LIMIT 1"
            }
            // A document whose pages are still being put in order is not
            // evidence yet.
            PacketItemKind::Document => {
                "SELECT case_id FROM documents WHERE id = ?1 AND filed_at IS NOT NULL"
            }
        };
        Ok(self
            .conn()
            .query_row(sql, [&item.id], |r| r.get(0))
            .optional()?)
    }
}

/// How many pages the document `id` of the case has; none when the case
/// has no such document.
fn document_pages_in_case(
    conn: &rusqlite::Connection,
    id: &str,
    case_id: &str,
) -> Result<Option<u32>> {
    Ok(conn
        .query_row(
            "SELECT count(*) FROM document_pages p JOIN documents d ON d.id = p.document_id
             WHERE d.id = ?1 AND d.case_id = ?2 GROUP BY d.id",
            params![id, case_id],
            |r| r.get(0),
        )
        .optional()?)
}
