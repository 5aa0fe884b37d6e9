// The one module that talks to the Rust side. Components never import
// @tauri-apps/* themselves: they get a `Backend` from context, so tests can
// hand them a fake.

import { getContext, setContext } from 'svelte';
import type { BackupSummary } from '../bindings/BackupSummary';
import type { Case } from '../bindings/Case';
import type { CaseDraft } from '../bindings/CaseDraft';
import type { CaseSummary } from '../bindings/CaseSummary';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { FieldError } from '../bindings/FieldError';
import type { FieldProblem } from '../bindings/FieldProblem';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { Photo } from '../bindings/Photo';
import type { PhotoDetails } from '../bindings/PhotoDetails';
import type { PhotoPage } from '../bindings/PhotoPage';
import type { Preferences } from '../bindings/Preferences';
import type { Tattoo } from '../bindings/Tattoo';
import type { TattooDraft } from '../bindings/TattooDraft';
import type { Declarant } from '../bindings/Declarant';
import type { DeclarantDraft } from '../bindings/DeclarantDraft';
import type { ExhibitItem } from '../bindings/ExhibitItem';
import type { ExhibitLetter } from '../bindings/ExhibitLetter';
import type { Preview } from '../bindings/Preview';
import type { PrintCheck } from '../bindings/PrintCheck';
import type { Purpose } from '../bindings/Purpose';
import type { ScanAdded } from '../bindings/ScanAdded';
import type { SignedVersion } from '../bindings/SignedVersion';
import type { SigningRecord } from '../bindings/SigningRecord';
import type { Statement } from '../bindings/Statement';
import type { StatementDraft } from '../bindings/StatementDraft';
import type { StatementSummary } from '../bindings/StatementSummary';
import type { WordingEntry } from '../bindings/WordingEntry';
import type { CounselExport } from '../bindings/CounselExport';
import type { PacketDraft } from '../bindings/PacketDraft';
import type { PacketProgress } from '../bindings/PacketProgress';
import type { PacketPurpose } from '../bindings/PacketPurpose';
import type { PacketView } from '../bindings/PacketView';
import type { Allegation } from '../bindings/Allegation';
import type { AllegationDraft } from '../bindings/AllegationDraft';
import type { Deadline } from '../bindings/Deadline';
import type { DueDate } from '../bindings/DueDate';
import type { DueDateDraft } from '../bindings/DueDateDraft';
import type { Event } from '../bindings/Event';
import type { EventDraft } from '../bindings/EventDraft';
import type { KnownDate } from '../bindings/KnownDate';
import type { ReportedCriterion } from '../bindings/ReportedCriterion';
import type { SearchResults } from '../bindings/SearchResults';

export type Locale = 'en' | 'es';

export interface Startup {
  preferences: Preferences;
}

export interface Backend {
  startup(): Promise<Startup>;
  setLocale(locale: Locale): Promise<Preferences>;
  markNoticeRead(): Promise<Preferences>;
  listCases(query: string): Promise<CaseSummary[]>;
  deletedCases(): Promise<CaseSummary[]>;
  getCase(id: string): Promise<Case>;
  /** Validates without saving: the problems the core would report. */
  checkCase(draft: CaseDraft): Promise<FieldError[]>;
  createCase(draft: CaseDraft): Promise<Case>;
  updateCase(id: string, draft: CaseDraft): Promise<Case>;
  deleteCase(id: string, typedName: string): Promise<void>;
  restoreCase(id: string): Promise<Case>;
  eraseCase(id: string, typedName: string): Promise<void>;
  addExampleCase(): Promise<Case>;
  /** Asks for a folder and backs up into it; null when cancelled. */
  backUp(dialogTitle: string): Promise<BackupSummary | null>;
  /** Asks for a backup folder and restores it; null when cancelled. */
  restoreBackup(dialogTitle: string): Promise<string | null>;
  /**
   * Calls `keepOpen` when the user closes the window; when it returns true
   * the window stays open. Returns a function that stops listening.
   */
  guardWindowClose(keepOpen: () => boolean): Promise<() => void>;
  /** Closes the window for good (after the user chose to). */
  closeWindow(): Promise<void>;
  /** `limit` photos of a case from `offset`, and how many it has. */
  listPhotos(caseId: string, offset: number, limit: number): Promise<PhotoPage>;
  getPhoto(id: string): Promise<Photo>;
  updatePhotoDetails(id: string, details: PhotoDetails): Promise<Photo>;
  /** Opens the file picker and imports what is picked; null when cancelled. */
  importPickedPhotos(
    caseId: string,
    dialogTitle: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportSummary | null>;
  /** Imports the files last dropped on the window. */
  importDroppedPhotos(
    caseId: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportSummary>;
  /** Stops the running import after the files already under way. */
  cancelImport(): Promise<void>;
  /** Calls `handler` when files are dropped on the window. */
  onFilesDropped(handler: (count: number) => void): Promise<() => void>;
  listTattoos(caseId: string): Promise<Tattoo[]>;
  createTattoo(caseId: string, draft: TattooDraft): Promise<Tattoo>;
  updateTattoo(id: string, draft: TattooDraft): Promise<Tattoo>;
  deleteTattoo(id: string): Promise<void>;
  listDeclarants(caseId: string): Promise<Declarant[]>;
  createDeclarant(caseId: string, draft: DeclarantDraft): Promise<Declarant>;
  updateDeclarant(id: string, draft: DeclarantDraft): Promise<Declarant>;
  deleteDeclarant(id: string): Promise<void>;
  listStatements(caseId: string): Promise<StatementSummary[]>;
  getStatement(id: string): Promise<Statement>;
  createStatement(caseId: string, draft: StatementDraft): Promise<Statement>;
  updateStatement(id: string, draft: StatementDraft): Promise<Statement>;
  deleteStatement(id: string): Promise<void>;
  /** What stands between the saved draft and a final print. */
  statementChecks(id: string): Promise<PrintCheck[]>;
  exhibitLetters(caseId: string): Promise<ExhibitLetter[]>;
  assignExhibitLetter(item: ExhibitItem): Promise<ExhibitLetter>;
  /** Renders the saved statement; its pages are served as images. */
  previewStatement(id: string, purpose: Purpose): Promise<Preview>;
  /** Asks where to save the PDF; the path, or null when cancelled. */
  saveStatementPdf(id: string, purpose: Purpose, dialogTitle: string): Promise<string | null>;
  /** Opens the PDF in the system viewer, to read or print. */
  openStatementPdf(id: string, purpose: Purpose): Promise<void>;
  /** Opens the file picker for scans of signed pages and keeps them. */
  pickSignedScans(dialogTitle: string): Promise<ScanAdded[]>;
  signStatement(id: string, signing: SigningRecord, scans: string[]): Promise<SignedVersion>;
  /** The printed legal sentences (settings a lawyer can change). */
  listWording(): Promise<WordingEntry[]>;
  /** Changes one sentence; an empty text restores the built-in one. */
  setWording(key: string, text: string): Promise<WordingEntry[]>;
  /** The case's chronology, in order. */
  listEvents(caseId: string): Promise<Event[]>;
  /** Dates the case records that are not in its chronology yet. */
  knownDates(caseId: string): Promise<KnownDate[]>;
  createEvent(caseId: string, draft: EventDraft): Promise<Event>;
  updateEvent(id: string, draft: EventDraft): Promise<Event>;
  deleteEvent(id: string): Promise<void>;
  listAllegations(caseId: string): Promise<Allegation[]>;
  createAllegation(caseId: string, draft: AllegationDraft): Promise<Allegation>;
  updateAllegation(id: string, draft: AllegationDraft): Promise<Allegation>;
  deleteAllegation(id: string): Promise<void>;
  /** Scoring criteria as reported in the press (never the person's score). */
  reportedCriteria(): Promise<ReportedCriterion[]>;
  /** Replaces the reference list; an empty list restores the built-in one. */
  setReportedCriteria(list: ReportedCriterion[]): Promise<ReportedCriterion[]>;
  /** Coming hearings and due dates, counted in the court's time zone. */
  caseDeadlines(caseId: string): Promise<Deadline[]>;
  addDueDate(caseId: string, draft: DueDateDraft): Promise<DueDate>;
  deleteDueDate(id: string): Promise<void>;
  filingDaysBefore(): Promise<number>;
  setFilingDaysBefore(days: number): Promise<number>;
  /** Where the words occur in any case; whatever is typed is safe. */
  searchCases(query: string): Promise<SearchResults>;
  /** The case's evidence packet: exhibits in order, others, checks. */
  getPacket(caseId: string): Promise<PacketView>;
  savePacket(caseId: string, draft: PacketDraft): Promise<PacketView>;
  /** Renders the saved packet as a draft; its pages are served as images. */
  previewPacket(caseId: string, onProgress: (p: PacketProgress) => void): Promise<Preview>;
  /** Asks where to save; the files written (several when split), or none. */
  savePacketPdf(
    caseId: string,
    purpose: PacketPurpose,
    dialogTitle: string,
    onProgress: (p: PacketProgress) => void,
  ): Promise<string[]>;
  /** Opens the packet (each part) in the system viewer; how many files. */
  openPacketPdf(
    caseId: string,
    purpose: PacketPurpose,
    onProgress: (p: PacketProgress) => void,
  ): Promise<number>;
  /** The packet's originals whose files carry a GPS position. */
  counselGpsFiles(caseId: string): Promise<string[]>;
  /** Asks for a folder and writes the export for counsel; null when cancelled. */
  exportForCounsel(
    caseId: string,
    includeGps: boolean,
    dialogTitle: string,
    onProgress: (p: PacketProgress) => void,
  ): Promise<CounselExport | null>;
}

/** An error from the Rust side, with its stable code. */
export class BackendError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.fields = payload.fields;
  }
}

export function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** The refused fields of an error, by path, as forms mark them. */
export function fieldProblems(error: BackendError): Record<string, FieldProblem> {
  return Object.fromEntries(error.fields.map((f) => [f.field, f.problem]));
}

/** Any thrown value as a BackendError, so the UI always has a code. */
export function asBackendError(value: unknown): BackendError {
  if (value instanceof BackendError) return value;
  if (isPayload(value)) return new BackendError(value);
  return new BackendError({ code: 'unexpected', message: String(value), fields: [] });
}

import { backendKey as KEY } from './context';

export function provideBackend(backend: Backend): void {
  setContext(KEY, backend);
}

export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(KEY);
  if (!backend) throw new Error('no backend in context');
  return backend;
}

export { backendContext } from './context';
