// Generated from crates/amparo-ops/src/catalog.rs by `make bindings`; do not edit.

import type { Allegation } from './Allegation';
import type { AllegationDraft } from './AllegationDraft';
import type { AllegationStatus } from './AllegationStatus';
import type { Answerer } from './Answerer';
import type { Applications } from './Applications';
import type { ArrivedChange } from './ArrivedChange';
import type { Attorney } from './Attorney';
import type { Caption } from './Caption';
import type { Case } from './Case';
import type { CaseDraft } from './CaseDraft';
import type { CaseSummary } from './CaseSummary';
import type { ChangedField } from './ChangedField';
import type { Citation } from './Citation';
import type { Contact } from './Contact';
import type { ContactCard } from './ContactCard';
import type { Custody } from './Custody';
import type { CustodyEntry } from './CustodyEntry';
import type { CustodyProblem } from './CustodyProblem';
import type { CustodyReport } from './CustodyReport';
import type { CustodyStatus } from './CustodyStatus';
import type { DateBasis } from './DateBasis';
import type { Deadline } from './Deadline';
import type { Declarant } from './Declarant';
import type { DeclarantDraft } from './DeclarantDraft';
import type { Document } from './Document';
import type { DocumentDetails } from './DocumentDetails';
import type { DocumentExcerpt } from './DocumentExcerpt';
import type { DocumentKind } from './DocumentKind';
import type { DocumentLimits } from './DocumentLimits';
import type { DocumentPage } from './DocumentPage';
import type { DocumentSummary } from './DocumentSummary';
import type { DueDate } from './DueDate';
import type { DueDateDraft } from './DueDateDraft';
import type { DueKind } from './DueKind';
import type { Event } from './Event';
import type { EventDraft } from './EventDraft';
import type { EventKind } from './EventKind';
import type { EvidenceLink } from './EvidenceLink';
import type { ExhibitItem } from './ExhibitItem';
import type { ExhibitKind } from './ExhibitKind';
import type { ExhibitLetter } from './ExhibitLetter';
import type { FieldError } from './FieldError';
import type { FieldProblem } from './FieldProblem';
import type { Filer } from './Filer';
import type { FilingOutput } from './FilingOutput';
import type { Fingerprint } from './Fingerprint';
import type { Hearing } from './Hearing';
import type { HearingKind } from './HearingKind';
import type { InterviewAnswers } from './InterviewAnswers';
import type { InterviewDone } from './InterviewDone';
import type { InterviewPerson } from './InterviewPerson';
import type { InterviewTattoo } from './InterviewTattoo';
import type { ItemLabel } from './ItemLabel';
import type { Keep } from './Keep';
import type { KnownDate } from './KnownDate';
import type { LanguageHelper } from './LanguageHelper';
import type { MovedIn } from './MovedIn';
import type { MyCode } from './MyCode';
import type { NextStep } from './NextStep';
import type { NextStepKind } from './NextStepKind';
import type { PacketDraft } from './PacketDraft';
import type { PacketEntry } from './PacketEntry';
import type { PacketItem } from './PacketItem';
import type { PacketProfile } from './PacketProfile';
import type { PacketTranslator } from './PacketTranslator';
import type { PacketView } from './PacketView';
import type { Paragraph } from './Paragraph';
import type { Person } from './Person';
import type { PersonShown } from './PersonShown';
import type { Photo } from './Photo';
import type { PhotoDetails } from './PhotoDetails';
import type { PhotoExif } from './PhotoExif';
import type { PhotoFormat } from './PhotoFormat';
import type { PhotoPage } from './PhotoPage';
import type { Preferences } from './Preferences';
import type { PrintCheck } from './PrintCheck';
import type { PrintCheckCode } from './PrintCheckCode';
import type { ReadBack } from './ReadBack';
import type { ReadsEnglish } from './ReadsEnglish';
import type { RememberedDate } from './RememberedDate';
import type { ReplacedData } from './ReplacedData';
import type { ReportedCriterion } from './ReportedCriterion';
import type { SavedInterview } from './SavedInterview';
import type { SearchHit } from './SearchHit';
import type { SearchResults } from './SearchResults';
import type { Service } from './Service';
import type { SheetReading } from './SheetReading';
import type { SheetTranslation } from './SheetTranslation';
import type { SignedPageScan } from './SignedPageScan';
import type { SignedVersion } from './SignedVersion';
import type { SigningMode } from './SigningMode';
import type { SigningPlace } from './SigningPlace';
import type { SigningRecord } from './SigningRecord';
import type { SourceKind } from './SourceKind';
import type { Startup } from './Startup';
import type { Statement } from './Statement';
import type { StatementDraft } from './StatementDraft';
import type { StatementSummary } from './StatementSummary';
import type { SwornIn } from './SwornIn';
import type { Tattoo } from './Tattoo';
import type { TattooDraft } from './TattooDraft';
import type { TattooPhoto } from './TattooPhoto';
import type { TextSource } from './TextSource';
import type { UseMode } from './UseMode';
import type { VaultCreated } from './VaultCreated';
import type { VaultState } from './VaultState';
import type { VaultStatus } from './VaultStatus';
import type { Venue } from './Venue';
import type { Witness } from './Witness';
import type { WordingEntry } from './WordingEntry';
import type { WordingSource } from './WordingSource';

/** Sends one operation to the core: its name and its input fields. */
export type Call = (op: string, input: Record<string, unknown>) => Promise<unknown>;

/** Every operation the window may call, as methods. */
export interface CoreOperations {
  /** Whether this data folder has a vault, and whether it is unlocked. */
  vaultStatus(): Promise<VaultStatus>;
  /** Makes the vault with its passphrase (moving any older plain data in) and gives the recovery words, to be shown once. */
  createVault(passphrase: string): Promise<VaultCreated>;
  /** Whether the words typed are the vault's recovery words (the check that they were copied right). */
  confirmRecoveryWords(words: string): Promise<boolean>;
  /** Unlocks with the passphrase (moving any older plain data in). */
  unlock(passphrase: string): Promise<MovedIn>;
  /** Unlocks with the recovery words when the passphrase is forgotten, and sets a new passphrase. */
  unlockWithRecovery(words: string, newPassphrase: string): Promise<MovedIn>;
  /** Changes the passphrase (the data is not re-encrypted; the recovery words stay valid). */
  changePassphrase(current: string, newPassphrase: string): Promise<void>;
  /** Locks: the store is closed and the keys are dropped. */
  lock(): Promise<void>;
  /** What the window needs to draw its first screen. */
  startup(): Promise<Startup>;
  /** Sets the window's language ("en" or "es"). */
  setLocale(locale: string): Promise<Preferences>;
  /** Sets after how many idle minutes the window locks itself (1, 5, 15, 30, 60, or 0 for never). */
  setLockAfter(minutes: number): Promise<Preferences>;
  /** Sets the window's size in percent (100, 125, 150, 175 or 200). */
  setTextSize(percent: number): Promise<Preferences>;
  /** Remembers who uses this Amparo: a family (plain questions, legal settings folded away) or an advocate. */
  setUseMode(mode: UseMode): Promise<Preferences>;
  /** Remembers that the first-start notice was read. */
  markNoticeRead(): Promise<Preferences>;
  /** Cases matching the words typed (names without accents, an A-number typed any way). */
  listCases(query: string): Promise<Array<CaseSummary>>;
  /** Cases in the Deleted list. */
  deletedCases(): Promise<Array<CaseSummary>>;
  /** One case, whole. */
  getCase(id: string): Promise<Case>;
  /** The problems the core would report for a case draft, without saving. */
  checkCase(draft: CaseDraft): Promise<Array<FieldError>>;
  /** Saves a new case. */
  createCase(draft: CaseDraft): Promise<Case>;
  /** Saves a case's changes. */
  updateCase(id: string, draft: CaseDraft): Promise<Case>;
  /** Moves a case to the Deleted list once its name is typed. */
  deleteCase(id: string, typedName: string): Promise<void>;
  /** Brings a case back from the Deleted list. */
  restoreCase(id: string): Promise<Case>;
  /** Erases a deleted case for good once its name is typed. */
  eraseCase(id: string, typedName: string): Promise<void>;
  /** Adds the fictional example case. */
  addExampleCase(): Promise<Case>;
  /** The data the last restore replaced, if any is kept. */
  replacedData(): Promise<ReplacedData | null>;
  /** Deletes the data the last restore replaced (true when there was some). */
  deleteReplacedData(): Promise<boolean>;
  /** `limit` photos of a case from `offset` (at most 500 a page), and how many it has. */
  listPhotos(caseId: string, offset: number, limit: number): Promise<PhotoPage>;
  /** One photo. */
  getPhoto(id: string): Promise<Photo>;
  /** Saves what the family says a photo shows. */
  updatePhotoDetails(id: string, details: PhotoDetails): Promise<Photo>;
  /** A case's documents, in filing order, without their pages' text. */
  listDocuments(caseId: string): Promise<Array<DocumentSummary>>;
  /** One document with its pages, their text and translations. */
  getDocument(id: string): Promise<Document>;
  /** Saves what the family says about a document. */
  updateDocumentDetails(id: string, details: DocumentDetails): Promise<Document>;
  /** Turns a page of a document not yet filed a quarter turn. */
  turnDocumentPage(pageId: string, clockwise: boolean): Promise<Document>;
  /** Moves a page of a document not yet filed one place up or down. */
  moveDocumentPage(pageId: string, up: boolean): Promise<Document>;
  /** Removes a page of a document not yet filed (the last page stays). */
  removeDocumentPage(pageId: string): Promise<Document>;
  /** Files a document: its pages are settled for good. */
  fileDocument(id: string): Promise<Document>;
  /** Corrects the text read from a page. */
  setDocumentPageText(pageId: string, text: string): Promise<DocumentPage>;
  /** Saves a page's English translation. */
  setDocumentPageTranslation(pageId: string, translation: string): Promise<DocumentPage>;
  /** The limits PDFs are filed under. */
  documentLimits(): Promise<DocumentLimits>;
  /** Changes the limits PDFs are filed under. */
  setDocumentLimits(limits: DocumentLimits): Promise<DocumentLimits>;
  /** A case's tattoo records. */
  listTattoos(caseId: string): Promise<Array<Tattoo>>;
  /** Saves a new tattoo record. */
  createTattoo(caseId: string, draft: TattooDraft): Promise<Tattoo>;
  /** Saves a tattoo record's changes. */
  updateTattoo(id: string, draft: TattooDraft): Promise<Tattoo>;
  /** Removes a tattoo record (and the links to it). */
  deleteTattoo(id: string): Promise<void>;
  /** The case's chronology, in order. */
  listEvents(caseId: string): Promise<Array<Event>>;
  /** Dates the case records that are not in its chronology yet. */
  knownDates(caseId: string): Promise<Array<KnownDate>>;
  /** Saves a new event. */
  createEvent(caseId: string, draft: EventDraft): Promise<Event>;
  /** Saves an event's changes. */
  updateEvent(id: string, draft: EventDraft): Promise<Event>;
  /** Removes an event. */
  deleteEvent(id: string): Promise<void>;
  /** A case's allegations and what answers them. */
  listAllegations(caseId: string): Promise<Array<Allegation>>;
  /** Saves a new allegation. */
  createAllegation(caseId: string, draft: AllegationDraft): Promise<Allegation>;
  /** Saves an allegation's changes. */
  updateAllegation(id: string, draft: AllegationDraft): Promise<Allegation>;
  /** Removes an allegation. */
  deleteAllegation(id: string): Promise<void>;
  /** Scoring criteria as reported in the press (never the person's score). */
  reportedCriteria(): Promise<Array<ReportedCriterion>>;
  /** Replaces the reference list; an empty list restores the built-in one. */
  setReportedCriteria(list: Array<ReportedCriterion>): Promise<Array<ReportedCriterion>>;
  /** Coming hearings and due dates, counted in the court's time zone. */
  caseDeadlines(caseId: string): Promise<Array<Deadline>>;
  /** Saves a guided interview's answers so far (a new one when `id` is none); its id. */
  saveInterview(id: string | null, caseId: string | null, step: string, answers: InterviewAnswers): Promise<string>;
  /** The guided interviews not finished yet, the latest first. */
  unfinishedInterviews(): Promise<Array<SavedInterview>>;
  /** A guided interview as last saved. */
  getInterview(id: string): Promise<SavedInterview>;
  /** Throws away a guided interview not finished. */
  discardInterview(id: string): Promise<void>;
  /** Makes the case, declarants, tattoo records, events and draft statements an interview describes, all or none. */
  finishInterview(id: string): Promise<InterviewDone>;
  /** Records that the case was checked with the immigration court's automated line today. */
  markCheckedWithCourt(caseId: string): Promise<Case>;
  /** What the case needs next, most pressing first ("What's next"). */
  nextSteps(caseId: string): Promise<Array<NextStep>>;
  /** Adds a due date by hand. */
  addDueDate(caseId: string, draft: DueDateDraft): Promise<DueDate>;
  /** Removes a due date. */
  deleteDueDate(id: string): Promise<void>;
  /** Puts back a tattoo record, event, allegation or due date removed in the last 15 minutes, with its links. */
  undoRemoval(id: string): Promise<void>;
  /** Days before an individual hearing that evidence is due (a setting). */
  filingDaysBefore(): Promise<number>;
  /** Changes that setting. */
  setFilingDaysBefore(days: number): Promise<number>;
  /** Where the words occur in any case (at most 50 places); whatever is typed is safe. */
  searchCases(query: string): Promise<SearchResults>;
  /** A case's declarants. */
  listDeclarants(caseId: string): Promise<Array<Declarant>>;
  /** Saves a new declarant. */
  createDeclarant(caseId: string, draft: DeclarantDraft): Promise<Declarant>;
  /** Saves a declarant's changes. */
  updateDeclarant(id: string, draft: DeclarantDraft): Promise<Declarant>;
  /** Removes a declarant who has no statements. */
  deleteDeclarant(id: string): Promise<void>;
  /** A case's statements, as a list. */
  listStatements(caseId: string): Promise<Array<StatementSummary>>;
  /** Who last translated a statement of the case (name, address, phone), to name once per case. */
  caseTranslator(caseId: string): Promise<LanguageHelper | null>;
  /** One statement, whole. */
  getStatement(id: string): Promise<Statement>;
  /** Saves a new statement. */
  createStatement(caseId: string, draft: StatementDraft): Promise<Statement>;
  /** Saves a statement's changes (a signed one starts a new draft). */
  updateStatement(id: string, draft: StatementDraft): Promise<Statement>;
  /** Saves a statement's text as it is typed (the editor's autosave); logged for custody at most every ten minutes. */
  saveTypedStatement(id: string, draft: StatementDraft): Promise<Statement>;
  /** Removes a statement that was never signed. */
  deleteStatement(id: string): Promise<void>;
  /** What stands between the saved draft and a final print. */
  statementChecks(id: string): Promise<Array<PrintCheck>>;
  /** The exhibit letters a case has given. */
  exhibitLetters(caseId: string): Promise<Array<ExhibitLetter>>;
  /** Gives a photo or tattoo record its exhibit letter (kept once given). */
  assignExhibitLetter(item: ExhibitItem): Promise<ExhibitLetter>;
  /** The paragraph in which the statement's declarant vouches for a photo, in both languages. */
  attestPhoto(statementId: string, photoId: string): Promise<Paragraph>;
  /** The signed declarations whose paragraphs vouch for a photo. */
  photoSwornIn(photoId: string): Promise<Array<SwornIn>>;
  /** The printed legal sentences (settings a lawyer can change). */
  listWording(): Promise<Array<WordingEntry>>;
  /** Changes one sentence; an empty text restores the built-in one. */
  setWording(key: string, text: string): Promise<Array<WordingEntry>>;
  /** Reads a filled translation sheet pasted from a message, for a statement: the English it brings; nothing is saved. */
  readPastedTranslationSheet(id: string, text: string): Promise<SheetReading>;
  /** Records the signing and stores the filing set as printed now. */
  signStatement(id: string, signing: SigningRecord, scans: Array<string>): Promise<SignedVersion>;
  /** The case's evidence packet: exhibits in order, the others, checks. */
  getPacket(caseId: string): Promise<PacketView>;
  /** Saves the packet's order and settings. */
  savePacket(caseId: string, draft: PacketDraft): Promise<PacketView>;
  /** The packet's originals whose files carry a GPS position. */
  counselGpsFiles(caseId: string): Promise<Array<string>>;
  /** Whether a passphrase the user typed for counsel is long enough (at least 8 characters), before a folder is asked for. */
  checkCounselPassphrase(passphrase: string): Promise<void>;
  /** This Amparo's code (its public keys, to send) and the fingerprint words to read aloud; made the first time. */
  myAmparoCode(): Promise<MyCode>;
  /** Renames this device: the name the case files it sends carry. */
  renameDevice(name: string): Promise<MyCode>;
  /** The case's custody log (who filed, wrote, signed, sent and opened what, and when), every entry checked. */
  custodyLog(caseId: string): Promise<CustodyReport>;
  /** What case files brought that was also changed here: both versions, to choose one. */
  arrivedChanges(caseId: string): Promise<Array<ArrivedChange>>;
  /** Keeps one version of something changed both here and in a case file (`here` or `theirs`). */
  settleArrivedChange(id: string, keep: Keep): Promise<void>;
  /** The people whose Amparo code was added, with their fingerprint words. */
  listContacts(): Promise<Array<ContactCard>>;
  /** The fingerprint words of a code typed or pasted, to compare with its owner before adding it. */
  checkAmparoCode(code: string): Promise<Fingerprint>;
  /** Adds the person whose code is `code` under `name`. */
  addContact(name: string, code: string): Promise<ContactCard>;
  /** Removes a contact (their case files then show as from an unknown sender). */
  removeContact(id: string): Promise<void>;
}

/** The operations over `call`. */
export function coreOperations(call: Call): CoreOperations {
  return {
    vaultStatus: () => call('vault_status', {  }) as Promise<VaultStatus>,
    createVault: (passphrase) => call('create_vault', { passphrase }) as Promise<VaultCreated>,
    confirmRecoveryWords: (words) => call('confirm_recovery_words', { words }) as Promise<boolean>,
    unlock: (passphrase) => call('unlock', { passphrase }) as Promise<MovedIn>,
    unlockWithRecovery: (words, newPassphrase) => call('unlock_with_recovery', { words, newPassphrase }) as Promise<MovedIn>,
    changePassphrase: (current, newPassphrase) => call('change_passphrase', { current, newPassphrase }) as Promise<void>,
    lock: () => call('lock', {  }) as Promise<void>,
    startup: () => call('startup', {  }) as Promise<Startup>,
    setLocale: (locale) => call('set_locale', { locale }) as Promise<Preferences>,
    setLockAfter: (minutes) => call('set_lock_after', { minutes }) as Promise<Preferences>,
    setTextSize: (percent) => call('set_text_size', { percent }) as Promise<Preferences>,
    setUseMode: (mode) => call('set_use_mode', { mode }) as Promise<Preferences>,
    markNoticeRead: () => call('mark_notice_read', {  }) as Promise<Preferences>,
    listCases: (query) => call('list_cases', { query }) as Promise<Array<CaseSummary>>,
    deletedCases: () => call('deleted_cases', {  }) as Promise<Array<CaseSummary>>,
    getCase: (id) => call('get_case', { id }) as Promise<Case>,
    checkCase: (draft) => call('check_case', { draft }) as Promise<Array<FieldError>>,
    createCase: (draft) => call('create_case', { draft }) as Promise<Case>,
    updateCase: (id, draft) => call('update_case', { id, draft }) as Promise<Case>,
    deleteCase: (id, typedName) => call('delete_case', { id, typedName }) as Promise<void>,
    restoreCase: (id) => call('restore_case', { id }) as Promise<Case>,
    eraseCase: (id, typedName) => call('erase_case', { id, typedName }) as Promise<void>,
    addExampleCase: () => call('add_example_case', {  }) as Promise<Case>,
    replacedData: () => call('replaced_data', {  }) as Promise<ReplacedData | null>,
    deleteReplacedData: () => call('delete_replaced_data', {  }) as Promise<boolean>,
    listPhotos: (caseId, offset, limit) => call('list_photos', { caseId, offset, limit }) as Promise<PhotoPage>,
    getPhoto: (id) => call('get_photo', { id }) as Promise<Photo>,
    updatePhotoDetails: (id, details) => call('update_photo_details', { id, details }) as Promise<Photo>,
    listDocuments: (caseId) => call('list_documents', { caseId }) as Promise<Array<DocumentSummary>>,
    getDocument: (id) => call('get_document', { id }) as Promise<Document>,
    updateDocumentDetails: (id, details) => call('update_document_details', { id, details }) as Promise<Document>,
    turnDocumentPage: (pageId, clockwise) => call('turn_document_page', { pageId, clockwise }) as Promise<Document>,
    moveDocumentPage: (pageId, up) => call('move_document_page', { pageId, up }) as Promise<Document>,
    removeDocumentPage: (pageId) => call('remove_document_page', { pageId }) as Promise<Document>,
    fileDocument: (id) => call('file_document', { id }) as Promise<Document>,
    setDocumentPageText: (pageId, text) => call('set_document_page_text', { pageId, text }) as Promise<DocumentPage>,
    setDocumentPageTranslation: (pageId, translation) => call('set_document_page_translation', { pageId, translation }) as Promise<DocumentPage>,
    documentLimits: () => call('document_limits', {  }) as Promise<DocumentLimits>,
    setDocumentLimits: (limits) => call('set_document_limits', { limits }) as Promise<DocumentLimits>,
    listTattoos: (caseId) => call('list_tattoos', { caseId }) as Promise<Array<Tattoo>>,
    createTattoo: (caseId, draft) => call('create_tattoo', { caseId, draft }) as Promise<Tattoo>,
    updateTattoo: (id, draft) => call('update_tattoo', { id, draft }) as Promise<Tattoo>,
    deleteTattoo: (id) => call('delete_tattoo', { id }) as Promise<void>,
    listEvents: (caseId) => call('list_events', { caseId }) as Promise<Array<Event>>,
    knownDates: (caseId) => call('known_dates', { caseId }) as Promise<Array<KnownDate>>,
    createEvent: (caseId, draft) => call('create_event', { caseId, draft }) as Promise<Event>,
    updateEvent: (id, draft) => call('update_event', { id, draft }) as Promise<Event>,
    deleteEvent: (id) => call('delete_event', { id }) as Promise<void>,
    listAllegations: (caseId) => call('list_allegations', { caseId }) as Promise<Array<Allegation>>,
    createAllegation: (caseId, draft) => call('create_allegation', { caseId, draft }) as Promise<Allegation>,
    updateAllegation: (id, draft) => call('update_allegation', { id, draft }) as Promise<Allegation>,
    deleteAllegation: (id) => call('delete_allegation', { id }) as Promise<void>,
    reportedCriteria: () => call('reported_criteria', {  }) as Promise<Array<ReportedCriterion>>,
    setReportedCriteria: (list) => call('set_reported_criteria', { list }) as Promise<Array<ReportedCriterion>>,
    caseDeadlines: (caseId) => call('case_deadlines', { caseId }) as Promise<Array<Deadline>>,
    saveInterview: (id, caseId, step, answers) => call('save_interview', { id, caseId, step, answers }) as Promise<string>,
    unfinishedInterviews: () => call('unfinished_interviews', {  }) as Promise<Array<SavedInterview>>,
    getInterview: (id) => call('get_interview', { id }) as Promise<SavedInterview>,
    discardInterview: (id) => call('discard_interview', { id }) as Promise<void>,
    finishInterview: (id) => call('finish_interview', { id }) as Promise<InterviewDone>,
    markCheckedWithCourt: (caseId) => call('mark_checked_with_court', { caseId }) as Promise<Case>,
    nextSteps: (caseId) => call('next_steps', { caseId }) as Promise<Array<NextStep>>,
    addDueDate: (caseId, draft) => call('add_due_date', { caseId, draft }) as Promise<DueDate>,
    deleteDueDate: (id) => call('delete_due_date', { id }) as Promise<void>,
    undoRemoval: (id) => call('undo_removal', { id }) as Promise<void>,
    filingDaysBefore: () => call('filing_days_before', {  }) as Promise<number>,
    setFilingDaysBefore: (days) => call('set_filing_days_before', { days }) as Promise<number>,
    searchCases: (query) => call('search_cases', { query }) as Promise<SearchResults>,
    listDeclarants: (caseId) => call('list_declarants', { caseId }) as Promise<Array<Declarant>>,
    createDeclarant: (caseId, draft) => call('create_declarant', { caseId, draft }) as Promise<Declarant>,
    updateDeclarant: (id, draft) => call('update_declarant', { id, draft }) as Promise<Declarant>,
    deleteDeclarant: (id) => call('delete_declarant', { id }) as Promise<void>,
    listStatements: (caseId) => call('list_statements', { caseId }) as Promise<Array<StatementSummary>>,
    caseTranslator: (caseId) => call('case_translator', { caseId }) as Promise<LanguageHelper | null>,
    getStatement: (id) => call('get_statement', { id }) as Promise<Statement>,
    createStatement: (caseId, draft) => call('create_statement', { caseId, draft }) as Promise<Statement>,
    updateStatement: (id, draft) => call('update_statement', { id, draft }) as Promise<Statement>,
    saveTypedStatement: (id, draft) => call('save_typed_statement', { id, draft }) as Promise<Statement>,
    deleteStatement: (id) => call('delete_statement', { id }) as Promise<void>,
    statementChecks: (id) => call('statement_checks', { id }) as Promise<Array<PrintCheck>>,
    exhibitLetters: (caseId) => call('exhibit_letters', { caseId }) as Promise<Array<ExhibitLetter>>,
    assignExhibitLetter: (item) => call('assign_exhibit_letter', { item }) as Promise<ExhibitLetter>,
    attestPhoto: (statementId, photoId) => call('attest_photo', { statementId, photoId }) as Promise<Paragraph>,
    photoSwornIn: (photoId) => call('photo_sworn_in', { photoId }) as Promise<Array<SwornIn>>,
    listWording: () => call('list_wording', {  }) as Promise<Array<WordingEntry>>,
    setWording: (key, text) => call('set_wording', { key, text }) as Promise<Array<WordingEntry>>,
    readPastedTranslationSheet: (id, text) => call('read_pasted_translation_sheet', { id, text }) as Promise<SheetReading>,
    signStatement: (id, signing, scans) => call('sign_statement', { id, signing, scans }) as Promise<SignedVersion>,
    getPacket: (caseId) => call('get_packet', { caseId }) as Promise<PacketView>,
    savePacket: (caseId, draft) => call('save_packet', { caseId, draft }) as Promise<PacketView>,
    counselGpsFiles: (caseId) => call('counsel_gps_files', { caseId }) as Promise<Array<string>>,
    checkCounselPassphrase: (passphrase) => call('check_counsel_passphrase', { passphrase }) as Promise<void>,
    myAmparoCode: () => call('my_amparo_code', {  }) as Promise<MyCode>,
    renameDevice: (name) => call('rename_device', { name }) as Promise<MyCode>,
    custodyLog: (caseId) => call('custody_log', { caseId }) as Promise<CustodyReport>,
    arrivedChanges: (caseId) => call('arrived_changes', { caseId }) as Promise<Array<ArrivedChange>>,
    settleArrivedChange: (id, keep) => call('settle_arrived_change', { id, keep }) as Promise<void>,
    listContacts: () => call('list_contacts', {  }) as Promise<Array<ContactCard>>,
    checkAmparoCode: (code) => call('check_amparo_code', { code }) as Promise<Fingerprint>,
    addContact: (name, code) => call('add_contact', { name, code }) as Promise<ContactCard>,
    removeContact: (id) => call('remove_contact', { id }) as Promise<void>,
  };
}

/** The name of every operation the window may call. */
export const windowOperations = [
  'vault_status',
  'create_vault',
  'confirm_recovery_words',
  'unlock',
  'unlock_with_recovery',
  'change_passphrase',
  'lock',
  'startup',
  'set_locale',
  'set_lock_after',
  'set_text_size',
  'set_use_mode',
  'mark_notice_read',
  'list_cases',
  'deleted_cases',
  'get_case',
  'check_case',
  'create_case',
  'update_case',
  'delete_case',
  'restore_case',
  'erase_case',
  'add_example_case',
  'replaced_data',
  'delete_replaced_data',
  'list_photos',
  'get_photo',
  'update_photo_details',
  'list_documents',
  'get_document',
  'update_document_details',
  'turn_document_page',
  'move_document_page',
  'remove_document_page',
  'file_document',
  'set_document_page_text',
  'set_document_page_translation',
  'document_limits',
  'set_document_limits',
  'list_tattoos',
  'create_tattoo',
  'update_tattoo',
  'delete_tattoo',
  'list_events',
  'known_dates',
  'create_event',
  'update_event',
  'delete_event',
  'list_allegations',
  'create_allegation',
  'update_allegation',
  'delete_allegation',
  'reported_criteria',
  'set_reported_criteria',
  'case_deadlines',
  'save_interview',
  'unfinished_interviews',
  'get_interview',
  'discard_interview',
  'finish_interview',
  'mark_checked_with_court',
  'next_steps',
  'add_due_date',
  'delete_due_date',
  'undo_removal',
  'filing_days_before',
  'set_filing_days_before',
  'search_cases',
  'list_declarants',
  'create_declarant',
  'update_declarant',
  'delete_declarant',
  'list_statements',
  'case_translator',
  'get_statement',
  'create_statement',
  'update_statement',
  'save_typed_statement',
  'delete_statement',
  'statement_checks',
  'exhibit_letters',
  'assign_exhibit_letter',
  'attest_photo',
  'photo_sworn_in',
  'list_wording',
  'set_wording',
  'read_pasted_translation_sheet',
  'sign_statement',
  'get_packet',
  'save_packet',
  'counsel_gps_files',
  'check_counsel_passphrase',
  'my_amparo_code',
  'rename_device',
  'custody_log',
  'arrived_changes',
  'settle_arrived_change',
  'list_contacts',
  'check_amparo_code',
  'add_contact',
  'remove_contact',
] as const;
