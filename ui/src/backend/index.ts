// The one module that talks to the Rust side. Components never import
// @tauri-apps/* themselves: they get a `Backend` from context, so tests can
// hand them a fake.

import { getContext, setContext } from 'svelte';
import type { BackupSummary } from '../bindings/BackupSummary';
import type { CounselExport } from '../bindings/CounselExport';
import type { ErrorPayload } from '../bindings/ErrorPayload';
import type { FieldError } from '../bindings/FieldError';
import type { FieldProblem } from '../bindings/FieldProblem';
import type { DocumentDetails } from '../bindings/DocumentDetails';
import type { DocumentFiled } from '../bindings/DocumentFiled';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { PageReadingProgress } from '../bindings/PageReadingProgress';
import type { PagesRead } from '../bindings/PagesRead';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { PacketProgress } from '../bindings/PacketProgress';
import type { PacketPurpose } from '../bindings/PacketPurpose';
import type { Opened } from '../bindings/Opened';
import type { Preview } from '../bindings/Preview';
import type { PrintCheck } from '../bindings/PrintCheck';
import type { Purpose } from '../bindings/Purpose';
import type { ScanAdded } from '../bindings/ScanAdded';
import type { Sent } from '../bindings/Sent';
import type { SheetReading } from '../bindings/SheetReading';
import type { CoreOperations } from '../bindings/operations';

export type Locale = 'en' | 'es';

/**
 * What only the desktop shell does: native dialogs (the webview never names
 * a path), progress on a channel, the window itself, the system viewer.
 * Each runs one catalog operation after its dialog.
 */
export interface ShellOperations {
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
  /** Hides the window from the screen (the quick exit, after locking). */
  hideWindow(): Promise<void>;
  /** Sets the window's zoom: 1 is the normal size, 2 twice as large. */
  setTextZoom(factor: number): Promise<void>;
  /**
   * The window reached a point of its start (drawn on screen), for the
   * start benchmark; nothing happens unless the shell was asked to time it.
   */
  markDrawn(what: 'lock' | 'unlocking' | 'unlocked' | 'listed' | 'cases'): void;
  /** Opens the file picker and imports what is picked; null when cancelled. */
  importPickedPhotos(
    caseId: string,
    dialogTitle: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportSummary | null>;
  /** Imports the files last dropped on the window. */
  importDroppedPhotos(caseId: string, onProgress: (p: ImportProgress) => void): Promise<ImportSummary>;
  /** Stops the running import after the files already under way. */
  cancelImport(): Promise<void>;
  /**
   * Asks for PDFs or photos of paper pages and adds them to the case with
   * `details`: each PDF a document, the photos one document to put in
   * order. Null when cancelled.
   */
  addPickedDocuments(
    caseId: string,
    details: DocumentDetails,
    dialogTitle: string,
  ): Promise<DocumentFiled[] | null>;
  /** Reads by OCR the document's pages that have no text, off the window's thread. */
  readPages(id: string, onProgress: (p: PageReadingProgress) => void): Promise<PagesRead>;
  /** Stops reading pages after those under way; what was read stays. */
  stopReadingPages(): Promise<void>;
  /** Calls `handler` when files are dropped on the window. */
  onFilesDropped(handler: (count: number) => void): Promise<() => void>;
  /** Calls `handler` when the screen locked (the core has locked already). */
  onScreenLocked(handler: () => void): Promise<() => void>;
  /** Renders the saved statement; its pages are served as images. */
  previewStatement(id: string, purpose: Purpose): Promise<Preview>;
  /** Asks where to save the PDF; the path, or null when cancelled. */
  saveStatementPdf(id: string, purpose: Purpose, dialogTitle: string): Promise<string | null>;
  /** Opens the PDF in the system viewer, to read or print. */
  openStatementPdf(id: string, purpose: Purpose): Promise<void>;
  /** Opens the case's one-page family summary in `language` in the system viewer. */
  openFamilySummary(caseId: string, language: string): Promise<void>;
  /** Asks where to save the case's hearings and due dates as a calendar file; the path, or null when cancelled. */
  saveCalendar(caseId: string, language: string, dialogTitle: string): Promise<string | null>;
  /** Opens a statement's copy for its translator (headings in `language`) in the system viewer, to print. */
  openTranslatorCopy(id: string, language: string): Promise<void>;
  /** Asks where to save a statement's translation sheet; the path, or null when cancelled. */
  saveTranslationSheet(id: string, dialogTitle: string): Promise<string | null>;
  /** Asks for a filled translation sheet and reads what it brings; null when cancelled. */
  openTranslationSheet(id: string, dialogTitle: string): Promise<SheetReading | null>;
  /** Opens the file picker for scans of signed pages and keeps them. */
  pickSignedScans(dialogTitle: string): Promise<ScanAdded[]>;
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
  /** Asks for a folder and writes the export for counsel; null when cancelled. */
  exportForCounsel(
    caseId: string,
    choice: CounselChoice,
    dialogTitle: string,
    onProgress: (p: PacketProgress) => void,
  ): Promise<CounselExport | null>;
  /**
   * Asks for a folder and writes a case file of the case into it, for the
   * contacts chosen, or to `passphrase`; null when cancelled.
   */
  sendCaseFile(
    caseId: string,
    contactIds: string[],
    passphrase: string | null,
    dialogTitle: string,
  ): Promise<Sent | null>;
  /** Asks for a case file and says what opening it would bring; null when cancelled. */
  pickCaseFile(dialogTitle: string): Promise<Opened | null>;
  /** Checks the picked case file again, with the password typed. */
  previewPickedCaseFile(passphrase: string | null): Promise<Opened>;
  /** Opens the picked case file: its case is taken here. */
  openPickedCaseFile(passphrase: string | null): Promise<Opened>;
  /** Whether Amparo was given a case file (a double-click) that waits to be opened. */
  caseFileGiven(): Promise<boolean>;
  /**
   * Takes the case file Amparo was given as the picked one and says what
   * opening it would bring; null when none waits.
   */
  takeGivenCaseFile(): Promise<Opened | null>;
  /** Calls `handler` when Amparo is given a case file while it runs. */
  onCaseFileGiven(handler: () => void): Promise<() => void>;
}

/**
 * How the export for counsel is made: encrypted to `passphrase` (null: the
 * core makes one and returns it), or, with `plain`, readable by anyone.
 */
export type CounselChoice = { includeGps: boolean; plain: boolean; passphrase: string | null };

/** Everything the components can ask of the Rust side. */
export type Backend = CoreOperations & ShellOperations;

/** An error from the Rust side, with its stable code. */
export class BackendError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  /** What refused a final print, as the core computed it. */
  readonly checks: PrintCheck[];
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.fields = payload.fields ?? [];
    this.checks = payload.checks ?? [];
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
  return new BackendError({ code: 'unexpected', message: String(value), fields: [], checks: [] });
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
