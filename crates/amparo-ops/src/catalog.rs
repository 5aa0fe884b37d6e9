//! Every operation of Amparo, defined once. The window reaches the `window`
//! ones through its one `call` command; `amparo call` and `amparo serve`
//! reach all of them; `ui/src/bindings/operations.ts` is generated from
//! this list. To add one: write its core code, then one entry here.

use std::path::PathBuf;

use amparo_casefile::{
    AmparoCode, ContactCard, CustodyReport, DeviceKeys, Fingerprint, Mode, MyCode, Opened, Sent,
};
use amparo_core::{
    Allegation, AllegationDraft, ArrivedChange, BackupSummary, Case, CaseDraft, CaseSummary,
    Deadline, Declarant, DeclarantDraft, DueDate, DueDateDraft, Event, EventDraft, ExhibitItem,
    ExhibitLetter, FieldError, InterviewAnswers, InterviewDone, Keep, KnownDate, LanguageHelper,
    NextStep, PacketDraft, Paragraph, Photo, PhotoDetails, PhotoPage, Preferences, PrintCheck,
    ReplacedData, ReportedCriterion, SavedInterview, SearchResults, SheetReading, SignedVersion,
    SigningRecord, Statement, StatementDraft, StatementSummary, SwornIn, Tattoo, TattooDraft,
    UseMode, WordingEntry, vault::MovedIn,
};
use amparo_core::{Document, DocumentDetails, DocumentLimits, DocumentPage, DocumentSummary};
use amparo_media::{DocumentFiled, ImportSummary, PagesRead};
use amparo_print::{CounselExport, PacketPurpose, PacketView, Preview, Purpose, ScanAdded};

use crate::case_files;
use crate::error::Error;
use crate::intake;
use crate::operation::{Operation, operations};
use crate::printing::{self, Startup};
use crate::slot::{VaultCreated, VaultStatus};
use crate::translation;

/// The most photos one page of `list_photos` holds.
pub const PHOTO_PAGE_MAX: u32 = 500;

/// The most places a search shows.
pub const SEARCH_LIMIT: u32 = 50;

/// Every operation: the vault's first, then those on the open store.
pub fn all() -> impl Iterator<Item = &'static Operation> {
    VAULT_OPERATIONS.iter().chain(OPERATIONS)
}

/// The operation named `name`.
pub fn find(name: &str) -> Result<&'static Operation, Error> {
    all()
        .find(|op| op.name == name)
        .ok_or_else(|| Error::UnknownOperation(name.to_owned()))
}

fn ok<T>(value: T) -> Result<T, Error> {
    Ok(value)
}

operations! {
    VAULT_OPERATIONS: Slot;
    /// Whether this data folder has a vault, and whether it is unlocked.
    window vault_status() -> VaultStatus [] = |slot| ok(slot.status());
    /// Makes the vault with its passphrase (moving any older plain data in) and gives the recovery words, to be shown once.
    window create_vault(passphrase: String) -> VaultCreated ["invalid", "vaultExists"] = |slot| slot.create_vault(&passphrase);
    /// Whether the words typed are the vault's recovery words (the check that they were copied right).
    window confirm_recovery_words(words: String) -> bool ["locked"] = |slot| slot.confirm_recovery_words(&words);
    /// Unlocks with the passphrase (moving any older plain data in).
    window unlock(passphrase: String) -> MovedIn ["wrongPassphrase", "noVault", "vaultDamaged"] = |slot| slot.unlock(&passphrase);
    /// Unlocks with the recovery words when the passphrase is forgotten, and sets a new passphrase.
    window unlock_with_recovery(words: String, new_passphrase: String) -> MovedIn ["wrongRecoveryKey", "invalid", "noVault", "vaultDamaged"] = |slot| slot.unlock_with_recovery(&words, &new_passphrase);
    /// Changes the passphrase (the data is not re-encrypted; the recovery words stay valid).
    window change_passphrase(current: String, new_passphrase: String) -> () ["wrongPassphrase", "invalid", "locked"] = |slot| slot.change_passphrase(&current, &new_passphrase);
    /// Locks: the store is closed and the keys are dropped.
    window lock() -> () [] = |slot| ok(slot.lock());
}

operations! {
    OPERATIONS: Store;
    /// What the window needs to draw its first screen.
    reads startup() -> Startup [] = |cx| ok(Startup { preferences: cx.store.preferences()?, lock_after_choices: amparo_core::LOCK_AFTER_CHOICES.to_vec(), text_size_choices: amparo_core::TEXT_SIZE_CHOICES.to_vec() });
    /// Sets the window's language ("en" or "es").
    window set_locale(locale: String) -> Preferences ["invalid"] = |cx| cx.store.set_locale(&locale);
    /// Sets after how many idle minutes the window locks itself (1, 5, 15, 30, 60, or 0 for never).
    window set_lock_after(minutes: u32) -> Preferences ["invalid"] = |cx| cx.store.set_lock_after(minutes);
    /// Sets the window's size in percent (100, 125, 150, 175 or 200).
    window set_text_size(percent: u32) -> Preferences ["invalid"] = |cx| cx.store.set_text_size(percent);
    /// Remembers who uses this Amparo: a family (plain questions, legal settings folded away) or an advocate.
    window set_use_mode(mode: UseMode) -> Preferences [] = |cx| cx.store.set_use_mode(mode);
    /// Remembers that the first-start notice was read.
    window mark_notice_read() -> Preferences [] = |cx| cx.store.mark_notice_read();

    /// Cases matching the words typed (names without accents, an A-number typed any way).
    reads list_cases(query: String) -> Vec<CaseSummary> [] = |cx| cx.store.list_cases(&query);
    /// Cases in the Deleted list.
    reads deleted_cases() -> Vec<CaseSummary> [] = |cx| cx.store.deleted_cases();
    /// One case, whole.
    reads get_case(id: String) -> Case ["notFound"] = |cx| cx.store.case(&id);
    /// The problems the core would report for a case draft, without saving.
    window check_case(draft: CaseDraft) -> Vec<FieldError> [] = |cx| ok(amparo_core::check_draft(&draft));
    /// Saves a new case.
    window create_case(draft: CaseDraft) -> Case ["invalid"] = |cx| cx.store.create_case(&draft);
    /// Saves a case's changes.
    window update_case(id: String, draft: CaseDraft) -> Case ["invalid", "notFound"] = |cx| cx.store.update_case(&id, &draft);
    /// Moves a case to the Deleted list once its name is typed.
    window delete_case(id: String, typed_name: String) -> () ["nameMismatch", "notFound"] = |cx| cx.store.delete_case(&id, &typed_name);
    /// Brings a case back from the Deleted list.
    window restore_case(id: String) -> Case ["notFound"] = |cx| cx.store.restore_case(&id);
    /// Erases a deleted case for good once its name is typed.
    window erase_case(id: String, typed_name: String) -> () ["nameMismatch", "notDeleted", "notFound"] = |cx| cx.store.erase_case(&id, &typed_name);
    /// Adds the fictional example case.
    window add_example_case() -> Case [] = |cx| cx.store.add_example_case();
    /// Writes a backup into a new folder inside `folder`.
    host back_up_into(folder: PathBuf) -> BackupSummary ["destinationNotEmpty"] = |cx| cx.store.backup_into(&folder);
    /// Restores the backup folder `folder` once it verifies; the replaced data is kept, the latest only (its folder is returned).
    host restore_backup_from(folder: PathBuf) -> String ["badBackup", "backupSchema", "backupUnlisted", "backupLink", "backupBlobMismatch", "newerDatabase"] = |cx| ok(cx.store.restore_backup(&folder)?.map(|p| p.display().to_string()).unwrap_or_default());

    /// The data the last restore replaced, if any is kept.
    window replaced_data() -> Option<ReplacedData> [] = |cx| cx.store.replaced_data();
    /// Deletes the data the last restore replaced (true when there was some).
    window delete_replaced_data() -> bool [] = |cx| cx.store.delete_replaced_data();

    /// `limit` photos of a case from `offset` (at most 500 a page), and how many it has.
    reads list_photos(case_id: String, offset: u32, limit: u32) -> PhotoPage ["notFound"] = |cx| cx.store.photos(&case_id, offset, limit.min(PHOTO_PAGE_MAX));
    /// One photo.
    reads get_photo(id: String) -> Photo ["notFound"] = |cx| cx.store.photo(&id);
    /// Saves what the family says a photo shows.
    window update_photo_details(id: String, details: PhotoDetails) -> Photo ["invalid", "notFound"] = |cx| cx.store.update_photo_details(&id, &details);
    /// Imports image files into a case; each file fails alone with its reason.
    host import_photos(case_id: String, paths: Vec<PathBuf>) -> ImportSummary ["notFound"] = |cx| printing::import(cx, &case_id, &paths);

    /// A case's documents, in filing order, without their pages' text.
    reads list_documents(case_id: String) -> Vec<DocumentSummary> ["notFound"] = |cx| cx.store.documents(&case_id);
    /// One document with its pages, their text and translations.
    reads get_document(id: String) -> Document ["notFound"] = |cx| cx.store.document(&id);
    /// Adds the files picked: each PDF as a document; photos or scans together as the pages of one, to put in order.
    host add_documents(case_id: String, paths: Vec<PathBuf>, details: DocumentDetails) -> Vec<DocumentFiled> ["invalid", "notFound"] = |cx| intake::add_documents(cx, &case_id, &paths, &details);
    /// Reads by OCR the pages of a document that have no text of their own; Stop keeps what was read.
    host read_document_pages(id: String) -> PagesRead ["notFound"] = |cx| intake::read_pages(cx, &id);
    /// Saves what the family says about a document.
    window update_document_details(id: String, details: DocumentDetails) -> Document ["invalid", "notFound"] = |cx| cx.store.update_document_details(&id, &details);
    /// Turns a page of a document not yet filed a quarter turn.
    window turn_document_page(page_id: String, clockwise: bool) -> Document ["notFound", "documentFiled"] = |cx| cx.store.turn_document_page(&page_id, clockwise);
    /// Moves a page of a document not yet filed one place up or down.
    window move_document_page(page_id: String, up: bool) -> Document ["notFound", "documentFiled"] = |cx| cx.store.move_document_page(&page_id, up);
    /// Removes a page of a document not yet filed (the last page stays).
    window remove_document_page(page_id: String) -> Document ["invalid", "notFound", "documentFiled"] = |cx| cx.store.remove_document_page(&page_id);
    /// Files a document: its pages are settled for good.
    window file_document(id: String) -> Document ["notFound"] = |cx| cx.store.file_document(&id);
    /// Corrects the text read from a page.
    window set_document_page_text(page_id: String, text: String) -> DocumentPage ["invalid", "notFound"] = |cx| cx.store.set_document_page_text(&page_id, &text);
    /// Saves a page's English translation.
    window set_document_page_translation(page_id: String, translation: String) -> DocumentPage ["invalid", "notFound"] = |cx| cx.store.set_document_page_translation(&page_id, &translation);
    /// The limits PDFs are filed under.
    reads document_limits() -> DocumentLimits [] = |cx| cx.store.document_limits();
    /// Changes the limits PDFs are filed under.
    window set_document_limits(limits: DocumentLimits) -> DocumentLimits ["invalid"] = |cx| cx.store.set_document_limits(&limits);

    /// A case's tattoo records.
    reads list_tattoos(case_id: String) -> Vec<Tattoo> ["notFound"] = |cx| cx.store.tattoos(&case_id);
    /// Saves a new tattoo record.
    window create_tattoo(case_id: String, draft: TattooDraft) -> Tattoo ["invalid", "notFound"] = |cx| cx.store.create_tattoo(&case_id, &draft);
    /// Saves a tattoo record's changes.
    window update_tattoo(id: String, draft: TattooDraft) -> Tattoo ["invalid", "notFound"] = |cx| cx.store.update_tattoo(&id, &draft);
    /// Removes a tattoo record (and the links to it).
    window delete_tattoo(id: String) -> () ["notFound"] = |cx| cx.store.delete_tattoo(&id);

    /// The case's chronology, in order.
    reads list_events(case_id: String) -> Vec<Event> ["notFound"] = |cx| cx.store.events(&case_id);
    /// Dates the case records that are not in its chronology yet.
    reads known_dates(case_id: String) -> Vec<KnownDate> ["notFound"] = |cx| cx.store.known_dates(&case_id);
    /// Saves a new event.
    window create_event(case_id: String, draft: EventDraft) -> Event ["invalid", "notFound", "inUse"] = |cx| cx.store.create_event(&case_id, &draft);
    /// Saves an event's changes.
    window update_event(id: String, draft: EventDraft) -> Event ["invalid", "notFound"] = |cx| cx.store.update_event(&id, &draft);
    /// Removes an event.
    window delete_event(id: String) -> () ["notFound"] = |cx| cx.store.delete_event(&id);
    /// A case's allegations and what answers them.
    reads list_allegations(case_id: String) -> Vec<Allegation> ["notFound"] = |cx| cx.store.allegations(&case_id);
    /// Saves a new allegation.
    window create_allegation(case_id: String, draft: AllegationDraft) -> Allegation ["invalid", "notFound"] = |cx| cx.store.create_allegation(&case_id, &draft);
    /// Saves an allegation's changes.
    window update_allegation(id: String, draft: AllegationDraft) -> Allegation ["invalid", "notFound"] = |cx| cx.store.update_allegation(&id, &draft);
    /// Removes an allegation.
    window delete_allegation(id: String) -> () ["notFound"] = |cx| cx.store.delete_allegation(&id);
    /// Scoring criteria as reported in the press (never the person's score).
    window reported_criteria() -> Vec<ReportedCriterion> [] = |cx| cx.store.reported_criteria();
    /// Replaces the reference list; an empty list restores the built-in one.
    window set_reported_criteria(list: Vec<ReportedCriterion>) -> Vec<ReportedCriterion> ["invalid"] = |cx| cx.store.set_reported_criteria(&list);
    /// Coming hearings and due dates, counted in the court's time zone.
    reads case_deadlines(case_id: String) -> Vec<Deadline> ["notFound"] = |cx| cx.store.deadlines(&case_id);
    /// Saves a guided interview's answers so far (a new one when `id` is none); its id.
    window save_interview(id: Option<String>, case_id: Option<String>, step: String, answers: InterviewAnswers) -> String ["notFound"] = |cx| cx.store.save_interview(id.as_deref(), case_id.as_deref(), &step, &answers);
    /// The guided interviews not finished yet, the latest first.
    reads unfinished_interviews() -> Vec<SavedInterview> [] = |cx| cx.store.unfinished_interviews();
    /// A guided interview as last saved.
    reads get_interview(id: String) -> SavedInterview ["notFound"] = |cx| cx.store.interview(&id);
    /// Throws away a guided interview not finished.
    window discard_interview(id: String) -> () ["notFound"] = |cx| cx.store.discard_interview(&id);
    /// Makes the case, declarants, tattoo records, events and draft statements an interview describes, all or none.
    window finish_interview(id: String) -> InterviewDone ["invalid", "notFound"] = |cx| cx.store.finish_interview(&id);
    /// Records that the case was checked with the immigration court's automated line today.
    window mark_checked_with_court(case_id: String) -> Case ["notFound"] = |cx| cx.store.mark_checked_with_court(&case_id);
    /// What the case needs next, most pressing first ("What's next").
    reads next_steps(case_id: String) -> Vec<NextStep> ["notFound"] = |cx| cx.store.next_steps(&case_id);
    /// Adds a due date by hand.
    window add_due_date(case_id: String, draft: DueDateDraft) -> DueDate ["invalid", "notFound"] = |cx| cx.store.add_due_date(&case_id, &draft);
    /// Removes a due date.
    window delete_due_date(id: String) -> () ["notFound"] = |cx| cx.store.delete_due_date(&id);
    /// Puts back a tattoo record, event, allegation or due date removed in the last 15 minutes, with its links.
    window undo_removal(id: String) -> () ["notFound", "changed"] = |cx| cx.store.undo_removal(&id);
    /// Days before an individual hearing that evidence is due (a setting).
    window filing_days_before() -> u32 [] = |cx| cx.store.filing_days_before();
    /// Changes that setting.
    window set_filing_days_before(days: u32) -> u32 ["invalid"] = |cx| cx.store.set_filing_days_before(days);
    /// Where the words occur in any case (at most 50 places); whatever is typed is safe.
    reads search_cases(query: String) -> SearchResults [] = |cx| cx.store.search(&query, SEARCH_LIMIT);

    /// A case's declarants.
    reads list_declarants(case_id: String) -> Vec<Declarant> ["notFound"] = |cx| cx.store.declarants(&case_id);
    /// Saves a new declarant.
    window create_declarant(case_id: String, draft: DeclarantDraft) -> Declarant ["invalid", "notFound"] = |cx| cx.store.create_declarant(&case_id, &draft);
    /// Saves a declarant's changes.
    window update_declarant(id: String, draft: DeclarantDraft) -> Declarant ["invalid", "notFound"] = |cx| cx.store.update_declarant(&id, &draft);
    /// Removes a declarant who has no statements.
    window delete_declarant(id: String) -> () ["inUse", "notFound"] = |cx| cx.store.delete_declarant(&id);
    /// A case's statements, as a list.
    reads list_statements(case_id: String) -> Vec<StatementSummary> ["notFound"] = |cx| cx.store.statements(&case_id);
    /// Who last translated a statement of the case (name, address, phone), to name once per case.
    reads case_translator(case_id: String) -> Option<LanguageHelper> ["notFound"] = |cx| cx.store.case_translator(&case_id);
    /// One statement, whole.
    reads get_statement(id: String) -> Statement ["notFound"] = |cx| cx.store.statement(&id);
    /// Saves a new statement.
    window create_statement(case_id: String, draft: StatementDraft) -> Statement ["invalid", "notFound"] = |cx| cx.store.create_statement(&case_id, &draft);
    /// Saves a statement's changes (a signed one starts a new draft).
    window update_statement(id: String, draft: StatementDraft) -> Statement ["invalid", "notFound"] = |cx| cx.store.update_statement(&id, &draft);
    /// Saves a statement's text as it is typed (the editor's autosave); logged for custody at most every ten minutes.
    window save_typed_statement(id: String, draft: StatementDraft) -> Statement ["invalid", "notFound"] = |cx| cx.store.save_typed_statement(&id, &draft);
    /// Removes a statement that was never signed.
    window delete_statement(id: String) -> () ["inUse", "notFound"] = |cx| cx.store.delete_statement(&id);
    /// What stands between the saved draft and a final print.
    reads statement_checks(id: String) -> Vec<PrintCheck> ["notFound"] = |cx| Ok::<_, Error>(amparo_print::statement_checks(cx.store, &id)?);
    /// The exhibit letters a case has given.
    reads exhibit_letters(case_id: String) -> Vec<ExhibitLetter> ["notFound"] = |cx| cx.store.exhibit_letters(&case_id);
    /// Gives a photo or tattoo record its exhibit letter (kept once given).
    window assign_exhibit_letter(item: ExhibitItem) -> ExhibitLetter ["notFound"] = |cx| cx.store.assign_exhibit_letter(&item);
    /// The paragraph in which the statement's declarant vouches for a photo, in both languages.
    window attest_photo(statement_id: String, photo_id: String) -> Paragraph ["notFound"] = |cx| cx.store.attest_photo(&statement_id, &photo_id);
    /// The signed declarations whose paragraphs vouch for a photo.
    window photo_sworn_in(photo_id: String) -> Vec<SwornIn> ["notFound"] = |cx| cx.store.photo_sworn_in(&photo_id);
    /// The printed legal sentences (settings a lawyer can change).
    window list_wording() -> Vec<WordingEntry> [] = |cx| cx.store.wording();
    /// Changes one sentence; an empty text restores the built-in one.
    window set_wording(key: String, text: String) -> Vec<WordingEntry> ["invalid"] = |cx| cx.store.set_wording(&key, &text);
    /// Renders a statement for the preview; its pages are served as images.
    host preview_statement(id: String, purpose: Purpose) -> Preview ["notFound", "notReady", "printTemplate", "fontMissing"] = |cx| printing::preview_statement(cx, &id, purpose);
    /// Writes a statement's PDF to `path` (for filing: the signed set as stored).
    host print_statement_to(id: String, purpose: Purpose, path: PathBuf) -> String ["notFound", "notReady", "printTemplate", "fontMissing"] = |cx| printing::statement_to(cx, &id, purpose, &path);
    /// Writes a statement's PDF into the data folder's private `printed/` folder, to open.
    host print_statement_for_viewer(id: String, purpose: Purpose) -> String ["notFound", "notReady", "printTemplate", "fontMissing"] = |cx| printing::statement_for_viewer(cx, &id, purpose);
    /// Writes the case's one-page family summary in `language` (`es` or `en`) to `path`.
    host print_family_summary_to(case_id: String, language: String, path: PathBuf) -> String ["notFound", "printTemplate", "fontMissing"] = |cx| printing::family_summary_to(cx, &case_id, &language, &path);
    /// Writes the case's family summary into the private `printed/` folder, to open.
    host print_family_summary_for_viewer(case_id: String, language: String) -> String ["notFound", "printTemplate", "fontMissing"] = |cx| printing::family_summary_for_viewer(cx, &case_id, &language);
    /// Writes a statement's copy for a volunteer translator (paragraphs beside room for the English), its headings in `language`, into the private `printed/` folder, to open.
    host print_translator_copy_for_viewer(id: String, language: String) -> String ["notFound", "printTemplate", "fontMissing"] = |cx| translation::copy_for_viewer(cx, &id, &language);
    /// Writes a statement's translation sheet (a text file a translator fills in) to `path`.
    host save_translation_sheet_to(id: String, path: PathBuf) -> String ["notFound"] = |cx| translation::sheet_to(cx, &id, &path);
    /// Reads a filled translation sheet at `path` for a statement: the English it brings, paragraph by paragraph; nothing is saved.
    host read_translation_sheet_from(id: String, path: PathBuf) -> SheetReading ["notFound", "notATranslationSheet", "sheetForOtherStatement"] = |cx| translation::read_sheet_from(cx, &id, &path);
    /// Reads a filled translation sheet pasted from a message, for a statement: the English it brings; nothing is saved.
    reads read_pasted_translation_sheet(id: String, text: String) -> SheetReading ["notFound", "notATranslationSheet", "sheetForOtherStatement"] = |cx| translation::read_pasted(cx, &id, &text);
    /// Writes the case's coming hearings and due dates as a calendar file (`.ics`) in `language`, each with a reminder the day before.
    host export_calendar_to(case_id: String, language: String, path: PathBuf) -> String ["notFound"] = |cx| printing::calendar_to(cx, &case_id, &language, &path);
    /// Keeps scans of signed pages (originals and print copies).
    host keep_scans(paths: Vec<PathBuf>) -> Vec<ScanAdded> ["notAnImage", "unsupportedImage", "imageTooLarge", "corruptImage"] = |cx| printing::keep_scans(cx, &paths);
    /// Records the signing and stores the filing set as printed now.
    window sign_statement(id: String, signing: SigningRecord, scans: Vec<String>) -> SignedVersion ["invalid", "notFound", "notReady", "changed", "printTemplate", "fontMissing"] = |cx| printing::sign(cx, &id, &signing, &scans);

    /// The case's evidence packet: exhibits in order, the others, checks.
    window get_packet(case_id: String) -> PacketView ["notFound"] = |cx| Ok::<_, Error>(amparo_print::packet_view(cx.store, cx.blobs, &case_id)?);
    /// Saves the packet's order and settings.
    window save_packet(case_id: String, draft: PacketDraft) -> PacketView ["invalid", "notFound"] = |cx| printing::save_packet(cx, &case_id, &draft);
    /// Renders the saved packet as a draft; its pages are served as images.
    host preview_packet(case_id: String) -> Preview ["notFound", "printTemplate", "fontMissing", "corruptImage"] = |cx| printing::preview_packet(cx, &case_id);
    /// Prints the packet to `path` (parts beside it when split); the files written.
    host print_packet_to(case_id: String, purpose: PacketPurpose, path: PathBuf) -> Vec<String> ["notFound", "packetNotReady", "printTemplate", "fontMissing", "corruptImage"] = |cx| printing::packet_to(cx, &case_id, purpose, &path);
    /// Prints the packet into the private `printed/` folder, to open; the files written.
    host print_packet_for_viewer(case_id: String, purpose: PacketPurpose) -> Vec<String> ["notFound", "packetNotReady", "printTemplate", "fontMissing", "corruptImage"] = |cx| printing::packet_for_viewer(cx, &case_id, purpose);
    /// The packet's originals whose files carry a GPS position.
    window counsel_gps_files(case_id: String) -> Vec<String> ["notFound"] = |cx| Ok::<_, Error>(amparo_print::gps_originals(cx.store, cx.blobs, &case_id)?);
    /// Whether a passphrase the user typed for counsel is long enough (at least 8 characters), before a folder is asked for.
    window check_counsel_passphrase(passphrase: String) -> () ["invalid"] = |cx| Ok::<_, Error>(amparo_print::check_counsel_passphrase(&passphrase)?);
    /// Writes the export for counsel inside `folder`: one file encrypted to `passphrase` (Amparo makes one when none is given and returns it, to tell counsel), or with `plain` a folder and .zip that anyone who gets them can read.
    host export_counsel(case_id: String, include_gps: bool, folder: PathBuf, plain: bool, passphrase: Option<String>) -> CounselExport ["invalid", "notFound", "destinationNotEmpty", "printTemplate", "fontMissing", "corruptImage"] = |cx| printing::export_counsel(cx, &case_id, include_gps, &folder, plain, passphrase);

    /// This Amparo's code (its public keys, to send) and the fingerprint words to read aloud; made the first time.
    window my_amparo_code() -> MyCode [] = |cx| Ok::<_, Error>(MyCode::from(&DeviceKeys::of(cx.store)?));
    /// Renames this device: the name the case files it sends carry.
    window rename_device(name: String) -> MyCode ["invalid"] = |cx| case_files::rename_device(cx, &name);
    /// The case's custody log (who filed, wrote, signed, sent and opened what, and when), every entry checked.
    window custody_log(case_id: String) -> CustodyReport ["notFound"] = |cx| Ok::<_, Error>(amparo_casefile::custody_report(cx.store, &case_id)?);
    /// What case files brought that was also changed here: both versions, to choose one.
    window arrived_changes(case_id: String) -> Vec<ArrivedChange> ["notFound"] = |cx| cx.store.arrived_changes(&case_id);
    /// Keeps one version of something changed both here and in a case file (`here` or `theirs`).
    window settle_arrived_change(id: String, keep: Keep) -> () ["notFound", "caseFileRejected"] = |cx| cx.store.settle_arrived_change(&id, keep);
    /// The people whose Amparo code was added, with their fingerprint words.
    window list_contacts() -> Vec<ContactCard> [] = |cx| Ok::<_, Error>(amparo_casefile::contacts(cx.store)?);
    /// The fingerprint words of a code typed or pasted, to compare with its owner before adding it.
    window check_amparo_code(code: String) -> Fingerprint ["invalid"] = |cx| Ok::<_, Error>(AmparoCode::parse(&code)?.fingerprint());
    /// Adds the person whose code is `code` under `name`.
    window add_contact(name: String, code: String) -> ContactCard ["invalid"] = |cx| Ok::<_, Error>(amparo_casefile::add_contact(cx.store, &name, &code)?);
    /// Removes a contact (their case files then show as from an unknown sender).
    window remove_contact(id: String) -> () ["notFound"] = |cx| cx.store.remove_contact(&id);
    /// Writes a case file of the case inside `folder`: encrypted to the contacts `contact_ids` (and this Amparo), or with `passphrase` to whoever is told it.
    host send_case(case_id: String, contact_ids: Vec<String>, passphrase: Option<String>, folder: PathBuf) -> Sent ["invalid", "notFound", "damagedFile"] = |cx| case_files::send(cx, &case_id, &contact_ids, passphrase, &folder);
    /// Checks a case file (`verify`), says what opening it would bring (`dryRun`), or opens it (`open`); anything wrong refuses it whole.
    host open_case_file(path: PathBuf, passphrase: Option<String>, mode: Mode) -> Opened ["caseFileDamaged", "caseFileWrongKey", "caseFilePassphrase", "caseFileBadSignature", "caseFileItemMismatch", "caseFileUnsafePath", "caseFileTooLarge", "caseFileNewer", "caseFileReplay", "caseFilePhoto", "caseFileDocument", "caseFileRejected"] = |cx| case_files::open(cx, &path, passphrase, mode);
}
