// The Backend over Tauri's invoke: every core operation through the one
// `call` command (generated in ../bindings/operations.ts), and the shell's
// own commands, whose names match src-tauri/src/file_commands.rs and print_commands.rs.

import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { coreOperations } from '../bindings/operations';
import { asBackendError, type Backend } from './index';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asBackendError(e);
  }
}

function channel<T>(onProgress: (p: T) => void): Channel<T> {
  const progress = new Channel<T>();
  progress.onmessage = onProgress;
  return progress;
}

export const tauriBackend: Backend = {
  ...coreOperations((op, input) => call('call', { op, input })),
  backUp: (title) => call('back_up', { title }),
  restoreBackup: (title) => call('restore_backup', { title }),
  guardWindowClose: (keepOpen) =>
    getCurrentWindow().onCloseRequested((event) => {
      if (keepOpen()) event.preventDefault();
    }),
  closeWindow: () => getCurrentWindow().destroy(),
  hideWindow: () => getCurrentWindow().minimize(),
  setTextZoom: (factor) => getCurrentWebview().setZoom(factor),
  markDrawn: (what) => {
    const mark = () => void invoke('mark_drawn', { what });
    // A screen is drawn two frames on: the one being built, and the one
    // that shows it. A request or an answer is marked when it happens.
    if (what === 'unlocking' || what === 'unlocked' || what === 'listed') mark();
    else requestAnimationFrame(() => requestAnimationFrame(mark));
  },
  importPickedPhotos: (caseId, title, onProgress) =>
    call('import_picked_photos', { caseId, title, progress: channel(onProgress) }),
  importDroppedPhotos: (caseId, onProgress) =>
    call('import_dropped_photos', { caseId, progress: channel(onProgress) }),
  cancelImport: () => call('cancel_import'),
  addPickedDocuments: (caseId, details, title) =>
    call('add_picked_documents', { caseId, details, title }),
  readPages: (id, onProgress) => call('read_pages', { id, progress: channel(onProgress) }),
  stopReadingPages: () => call('stop_reading_pages'),
  onFilesDropped: (handler) => listen<number>('files-dropped', (event) => handler(event.payload)),
  onScreenLocked: (handler) => listen('screen-locked', () => handler()),
  previewStatement: (id, purpose) => call('preview_statement', { id, purpose }),
  saveStatementPdf: (id, purpose, title) => call('save_statement_pdf', { id, purpose, title }),
  openStatementPdf: (id, purpose) => call('open_statement_pdf', { id, purpose }),
  openFamilySummary: (caseId, language) => call('open_family_summary', { caseId, language }),
  saveCalendar: (caseId, language, title) => call('save_calendar', { caseId, language, title }),
  openTranslatorCopy: (id, language) => call('open_translator_copy', { id, language }),
  saveTranslationSheet: (id, title) => call('save_translation_sheet', { id, title }),
  openTranslationSheet: (id, title) => call('open_translation_sheet', { id, title }),
  pickSignedScans: (title) => call('pick_signed_scans', { title }),
  previewPacket: (caseId, onProgress) =>
    call('preview_packet', { caseId, progress: channel(onProgress) }),
  savePacketPdf: (caseId, purpose, title, onProgress) =>
    call('save_packet_pdf', { caseId, purpose, title, progress: channel(onProgress) }),
  openPacketPdf: (caseId, purpose, onProgress) =>
    call('open_packet_pdf', { caseId, purpose, progress: channel(onProgress) }),
  exportForCounsel: (caseId, choice, title, onProgress) =>
    call('export_for_counsel', { caseId, ...choice, title, progress: channel(onProgress) }),
  sendCaseFile: (caseId, contactIds, passphrase, title) =>
    call('send_case_file', { caseId, contactIds, passphrase, title }),
  pickCaseFile: (title) => call('pick_case_file', { title }),
  previewPickedCaseFile: (passphrase) => call('preview_picked_case_file', { passphrase }),
  openPickedCaseFile: (passphrase) => call('open_picked_case_file', { passphrase }),
  caseFileGiven: () => call('case_file_given'),
  takeGivenCaseFile: () => call('take_given_case_file'),
  onCaseFileGiven: (handler) => listen('case-file-given', () => handler()),
};
