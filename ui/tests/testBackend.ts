// The Backend the component tests render with: every core operation goes
// to the real core (`amparo serve`, see coreHost.ts), so what the window is
// told about a save, a check or a refusal is what the core decides. Only
// the shell's part is stood in for here: the file pickers return what a
// test chose beforehand, PDFs are written where the shell would write them
// but no viewer opens, and the window's close button is pressed by the test.
// Nothing here decides anything the core decides; it records what the
// window asked, for tests to assert on.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Backend, CounselChoice } from '../src/backend';
import type { BackupSummary } from '../src/bindings/BackupSummary';
import type { CounselExport } from '../src/bindings/CounselExport';
import type { DeclarantDraft } from '../src/bindings/DeclarantDraft';
import type { DocumentFiled } from '../src/bindings/DocumentFiled';
import type { PagesRead } from '../src/bindings/PagesRead';
import type { ImportProgress } from '../src/bindings/ImportProgress';
import type { ImportSummary } from '../src/bindings/ImportSummary';
import type { PacketPurpose } from '../src/bindings/PacketPurpose';
import type { Opened } from '../src/bindings/Opened';
import type { Preview } from '../src/bindings/Preview';
import type { Purpose } from '../src/bindings/Purpose';
import type { SheetReading } from '../src/bindings/SheetReading';
import type { ScanAdded } from '../src/bindings/ScanAdded';
import type { Sent } from '../src/bindings/Sent';
import { CoreHost, type HostOptions } from './coreHost';
import { coreOperations } from '../src/bindings/operations';
import { emptyDraft } from '../src/lib/draft';
import { emptyDeclarant } from '../src/lib/statement';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A committed test image (see fixtures/make.py). */
export function fixture(name: string): string {
  return join(fixtures, name);
}

/** Jesús's case with his mother as a declarant who reads no English
 * (`mother` changes her), as statement tests begin. */
export async function caseWithMother(backend: Backend, mother: Partial<DeclarantDraft> = {}) {
  const draft = emptyDraft();
  draft.person.recordName = 'Rivas Moreno, Jesús Alberto';
  const c = await backend.createCase(draft);
  const declarant = await backend.createDeclarant(c.id, {
    ...emptyDeclarant(),
    fullName: 'María Elena Moreno de Rivas',
    readsEnglish: 'no',
    ...mother,
  });
  return { c, mother: declarant };
}

export type Request = { op: string; input: Record<string, unknown>; output?: unknown };

export type TestBackend = Backend & {
  host: CoreHost;
  /** Every operation the window asked the core for, in order. */
  requests: Request[];
  /** The inputs of every request of one operation, in order. */
  inputs(op: string): Record<string, unknown>[];
  /** What the core answered to each request of one operation that succeeded. */
  outputs(op: string): unknown[];
  /** What the photo picker returns next; null: the user cancels it. */
  pickedPhotos: string[] | null;
  /** What the scan picker returns next. */
  pickedScans: string[];
  /** What the document picker "picks" next; null: the user cancels. */
  pickedDocuments: string[] | null;
  /** What the folder picker returns next; null: the user cancels it. */
  pickedFolder: string | null;
  /** What the case-file picker returns next; null: the user cancels it. */
  pickedCaseFile: string | null;
  /** What the text-file picker returns next (a filled translation sheet); null: cancelled. */
  pickedSheet: string | null;
  /** Translation sheets saved, with where. */
  savedSheets: { id: string; path: string }[];
  /** Translators' copies written for the viewer, with where. */
  openedTranslatorCopies: { id: string; language: string; path: string }[];
  /** The screen locks, as the shell reports it (after locking the core). */
  lockScreen: () => void;
  /** The window's zoom, as the shell last set it. */
  textZoom: number;
  /** Amparo is started again with a case file, as the shell reports it. */
  giveCaseFile: (path: string) => void;
  /** PDFs the window had the shell open, and the files written for them. */
  openedStatements: { id: string; purpose: Purpose }[];
  /** Family summaries written for the viewer, with where. */
  openedSummaries: { caseId: string; language: string; path: string }[];
  openedPackets: PacketPurpose[];
  savedStatements: { id: string; purpose: Purpose; path: string }[];
  counselExports: CounselChoice[];
  /** Files dropped on the window, as the shell would hold them. */
  dropFiles(paths: string[]): void;
  /** Presses the window's close button: true when the window closed. */
  requestClose(): boolean;
  closed: boolean;
  /** Whether the quick exit hid the window. */
  hidden: boolean;
};

/**
 * A backend on a fresh, empty store of its own; the host stops and its
 * folder goes when the test ends.
 */
export function testBackend(options: HostOptions = {}): TestBackend {
  const backend = startBackend(options);
  onTestFinished(() => backend.host.stop());
  return backend;
}

/** A backend on a fresh store that lives until `backend.host.stop()`. */
export function startBackend(options: HostOptions = {}): TestBackend {
  const host = new CoreHost(options);
  const requests: Request[] = [];
  const call = async (op: string, input: Record<string, unknown>) => {
    const request: Request = { op, input: JSON.parse(JSON.stringify(input)) };
    requests.push(request);
    const output = await host.call(op, input);
    request.output = output;
    return output;
  };
  const out = (folder: string) => host.folder(folder);
  let dropped: string[] = [];
  // The case file picked last, as the shell keeps it.
  let picked: string | null = null;
  // A case file the shell was given (a second start), until the window takes it.
  let given: string | null = null;
  let givenHandler: () => void = () => {};
  let dropHandler: ((count: number) => void) | null = null;
  let keepOpen: (() => boolean) | null = null;

  // The core does not stream import progress to a test; the window gets the
  // end of the batch, as it would after the last file.
  const importPaths = async (caseId: string, paths: string[], onProgress: (p: ImportProgress) => void) => {
    const summary = (await call('import_photos', { caseId, paths })) as ImportSummary;
    onProgress({ done: summary.outcomes.length, total: paths.length, failed: summary.failed });
    return summary;
  };

  const backend: TestBackend = {
    ...coreOperations(call),
    host,
    requests,
    inputs: (op) => requests.filter((r) => r.op === op).map((r) => r.input),
    outputs: (op) => requests.filter((r) => r.op === op && 'output' in r).map((r) => r.output),
    pickedPhotos: null,
    pickedScans: [],
    pickedDocuments: null,
    pickedFolder: null,
    pickedCaseFile: null,
    pickedSheet: null,
    savedSheets: [],
    openedTranslatorCopies: [],
    lockScreen: () => {},
    textZoom: 1,
    giveCaseFile: (path) => {
      given = path;
      givenHandler();
    },
    openedStatements: [],
    openedSummaries: [],
    openedPackets: [],
    savedStatements: [],
    counselExports: [],
    closed: false,
    hidden: false,

    async backUp() {
      if (backend.pickedFolder === null) return null;
      return (await call('back_up_into', { folder: backend.pickedFolder })) as BackupSummary;
    },
    async restoreBackup() {
      if (backend.pickedFolder === null) return null;
      return (await call('restore_backup_from', { folder: backend.pickedFolder })) as string;
    },
    async guardWindowClose(guard) {
      keepOpen = guard;
      return () => {
        keepOpen = null;
      };
    },
    async closeWindow() {
      backend.closed = true;
    },
    markDrawn() {},
    async setTextZoom(factor) {
      backend.textZoom = factor;
    },
    async hideWindow() {
      backend.hidden = true;
    },
    requestClose() {
      if (keepOpen?.()) return false;
      backend.closed = true;
      return true;
    },

    async importPickedPhotos(caseId, _title, onProgress) {
      if (backend.pickedPhotos === null) return null;
      return importPaths(caseId, backend.pickedPhotos, onProgress);
    },
    async importDroppedPhotos(caseId, onProgress) {
      return importPaths(caseId, dropped, onProgress);
    },
    async cancelImport() {},
    async addPickedDocuments(caseId, details) {
      if (backend.pickedDocuments === null) return null;
      return (await call('add_documents', {
        caseId,
        paths: backend.pickedDocuments,
        details,
      })) as DocumentFiled[];
    },
    async readPages(id, onProgress) {
      onProgress({ done: 0, total: 0, failed: 0 });
      return (await call('read_document_pages', { id })) as PagesRead;
    },
    async stopReadingPages() {},
    async onScreenLocked(handler) {
      // As the shell does: the core locks first, then the window is told.
      backend.lockScreen = () => void call('lock', {}).then(handler);
      return () => {
        backend.lockScreen = () => {};
      };
    },
    async onFilesDropped(handler) {
      dropHandler = handler;
      return () => {
        dropHandler = null;
      };
    },
    dropFiles(paths) {
      dropped = paths;
      dropHandler?.(paths.length);
    },

    async previewStatement(id, purpose) {
      return (await call('preview_statement', { id, purpose })) as Preview;
    },
    async saveStatementPdf(id, purpose) {
      const chosen = join(out('saved'), `statement-${purpose}.pdf`);
      const path = (await call('print_statement_to', { id, purpose, path: chosen })) as string;
      backend.savedStatements.push({ id, purpose, path });
      return path;
    },
    async openStatementPdf(id, purpose) {
      await call('print_statement_for_viewer', { id, purpose });
      backend.openedStatements.push({ id, purpose });
    },
    async openFamilySummary(caseId, language) {
      const path = (await call('print_family_summary_for_viewer', { caseId, language })) as string;
      backend.openedSummaries.push({ caseId, language, path });
    },
    async saveCalendar(caseId, language) {
      const path = join(out('saved'), 'hearings-and-dates.ics');
      return (await call('export_calendar_to', { caseId, language, path })) as string;
    },
    async openTranslatorCopy(id, language) {
      const path = (await call('print_translator_copy_for_viewer', { id, language })) as string;
      backend.openedTranslatorCopies.push({ id, language, path });
    },
    async saveTranslationSheet(id) {
      const chosen = join(out('saved'), `translation-sheet-${backend.savedSheets.length + 1}.txt`);
      const path = (await call('save_translation_sheet_to', { id, path: chosen })) as string;
      backend.savedSheets.push({ id, path });
      return path;
    },
    async openTranslationSheet(id) {
      if (backend.pickedSheet === null) return null;
      return (await call('read_translation_sheet_from', { id, path: backend.pickedSheet })) as SheetReading;
    },
    async pickSignedScans() {
      return (await call('keep_scans', { paths: backend.pickedScans })) as ScanAdded[];
    },

    async previewPacket(caseId) {
      return (await call('preview_packet', { caseId })) as Preview;
    },
    async savePacketPdf(caseId, purpose) {
      return (await call('print_packet_to', {
        caseId,
        purpose,
        path: join(out('saved'), `packet-${purpose}.pdf`),
      })) as string[];
    },
    async openPacketPdf(caseId, purpose) {
      const files = (await call('print_packet_for_viewer', { caseId, purpose })) as string[];
      backend.openedPackets.push(purpose);
      return files.length;
    },
    async exportForCounsel(caseId, choice) {
      if (backend.pickedFolder === null) return null;
      backend.counselExports.push(choice);
      return (await call('export_counsel', { caseId, ...choice, folder: backend.pickedFolder })) as CounselExport;
    },
    async sendCaseFile(caseId, contactIds, passphrase) {
      if (backend.pickedFolder === null) return null;
      return (await call('send_case', { caseId, contactIds, passphrase, folder: backend.pickedFolder })) as Sent;
    },
    async pickCaseFile() {
      picked = backend.pickedCaseFile;
      if (picked === null) return null;
      return (await call('open_case_file', { path: picked, passphrase: null, mode: 'dryRun' })) as Opened;
    },
    async previewPickedCaseFile(passphrase) {
      return (await call('open_case_file', { path: picked, passphrase, mode: 'dryRun' })) as Opened;
    },
    async openPickedCaseFile(passphrase) {
      return (await call('open_case_file', { path: picked, passphrase, mode: 'open' })) as Opened;
    },
    async caseFileGiven() {
      return given !== null;
    },
    async takeGivenCaseFile() {
      if (given === null) return null;
      picked = given;
      given = null;
      return (await call('open_case_file', { path: picked, passphrase: null, mode: 'dryRun' })) as Opened;
    },
    async onCaseFileGiven(handler) {
      givenHandler = handler;
      return () => {
        givenHandler = () => {};
      };
    },
  };
  return backend;
}

/**
 * `n` different small JPEGs in a new folder: the same picture, each with its
 * own comment, so each is a photo of its own to the core.
 */
export function distinctPhotos(dir: string, n: number): string[] {
  const jpeg = readFileSync(fixture('wrist.jpg'));
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const text = Buffer.from(`photo ${i + 1}`);
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, text.length + 2]), text]);
    const path = join(dir, `IMG_${String(i + 1).padStart(4, '0')}.jpg`);
    writeFileSync(path, Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2)]));
    return path;
  });
}
