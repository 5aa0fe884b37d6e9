// The Backend over Tauri's invoke. Command names and argument names match
// src-tauri/src/commands.rs.

import { Channel, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { PacketProgress } from '../bindings/PacketProgress';
import type { ImportProgress } from '../bindings/ImportProgress';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { asBackendError, type Backend } from './index';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw asBackendError(e);
  }
}

export const tauriBackend: Backend = {
  startup: () => call('startup'),
  setLocale: (locale) => call('set_locale', { locale }),
  markNoticeRead: () => call('mark_notice_read'),
  listCases: (query) => call('list_cases', { query }),
  deletedCases: () => call('deleted_cases'),
  getCase: (id) => call('get_case', { id }),
  checkCase: (draft) => call('check_case', { draft }),
  createCase: (draft) => call('create_case', { draft }),
  updateCase: (id, draft) => call('update_case', { id, draft }),
  deleteCase: (id, typedName) => call('delete_case', { id, typedName }),
  restoreCase: (id) => call('restore_case', { id }),
  eraseCase: (id, typedName) => call('erase_case', { id, typedName }),
  addExampleCase: () => call('add_example_case'),
  backUp: (title) => call('back_up', { title }),
  restoreBackup: (title) => call('restore_backup', { title }),
  guardWindowClose: (keepOpen) =>
    getCurrentWindow().onCloseRequested((event) => {
      if (keepOpen()) event.preventDefault();
    }),
  closeWindow: () => getCurrentWindow().destroy(),
  listPhotos: (caseId, offset, limit) => call('list_photos', { caseId, offset, limit }),
  getPhoto: (id) => call('get_photo', { id }),
  updatePhotoDetails: (id, details) => call('update_photo_details', { id, details }),
  importPickedPhotos: (caseId, title, onProgress) =>
    call('import_picked_photos', { caseId, title, progress: channel(onProgress) }),
  importDroppedPhotos: (caseId, onProgress) =>
    call('import_dropped_photos', { caseId, progress: channel(onProgress) }),
  cancelImport: () => call('cancel_import'),
  onFilesDropped: (handler) => listen<number>('files-dropped', (event) => handler(event.payload)),
  listTattoos: (caseId) => call('list_tattoos', { caseId }),
  createTattoo: (caseId, draft) => call('create_tattoo', { caseId, draft }),
  updateTattoo: (id, draft) => call('update_tattoo', { id, draft }),
  deleteTattoo: (id) => call('delete_tattoo', { id }),
  listEvents: (caseId) => call('list_events', { caseId }),
  knownDates: (caseId) => call('known_dates', { caseId }),
  createEvent: (caseId, draft) => call('create_event', { caseId, draft }),
  updateEvent: (id, draft) => call('update_event', { id, draft }),
  deleteEvent: (id) => call('delete_event', { id }),
  listAllegations: (caseId) => call('list_allegations', { caseId }),
  createAllegation: (caseId, draft) => call('create_allegation', { caseId, draft }),
  updateAllegation: (id, draft) => call('update_allegation', { id, draft }),
  deleteAllegation: (id) => call('delete_allegation', { id }),
  reportedCriteria: () => call('reported_criteria'),
  setReportedCriteria: (list) => call('set_reported_criteria', { list }),
  caseDeadlines: (caseId) => call('case_deadlines', { caseId }),
  addDueDate: (caseId, draft) => call('add_due_date', { caseId, draft }),
  deleteDueDate: (id) => call('delete_due_date', { id }),
  filingDaysBefore: () => call('filing_days_before'),
  setFilingDaysBefore: (days) => call('set_filing_days_before', { days }),
  searchCases: (query) => call('search_cases', { query }),
  listDeclarants: (caseId) => call('list_declarants', { caseId }),
  createDeclarant: (caseId, draft) => call('create_declarant', { caseId, draft }),
  updateDeclarant: (id, draft) => call('update_declarant', { id, draft }),
  deleteDeclarant: (id) => call('delete_declarant', { id }),
  listStatements: (caseId) => call('list_statements', { caseId }),
  getStatement: (id) => call('get_statement', { id }),
  createStatement: (caseId, draft) => call('create_statement', { caseId, draft }),
  updateStatement: (id, draft) => call('update_statement', { id, draft }),
  deleteStatement: (id) => call('delete_statement', { id }),
  statementChecks: (id) => call('statement_checks', { id }),
  exhibitLetters: (caseId) => call('exhibit_letters', { caseId }),
  assignExhibitLetter: (item) => call('assign_exhibit_letter', { item }),
  previewStatement: (id, purpose) => call('preview_statement', { id, purpose }),
  saveStatementPdf: (id, purpose, title) => call('save_statement_pdf', { id, purpose, title }),
  openStatementPdf: (id, purpose) => call('open_statement_pdf', { id, purpose }),
  pickSignedScans: (title) => call('pick_signed_scans', { title }),
  signStatement: (id, signing, scans) => call('sign_statement', { id, signing, scans }),
  listWording: () => call('list_wording'),
  setWording: (key, text) => call('set_wording', { key, text }),
  getPacket: (caseId) => call('get_packet', { caseId }),
  savePacket: (caseId, draft) => call('save_packet', { caseId, draft }),
  previewPacket: (caseId, onProgress) =>
    call('preview_packet', { caseId, progress: packetChannel(onProgress) }),
  savePacketPdf: (caseId, purpose, title, onProgress) =>
    call('save_packet_pdf', { caseId, purpose, title, progress: packetChannel(onProgress) }),
  openPacketPdf: (caseId, purpose, onProgress) =>
    call('open_packet_pdf', { caseId, purpose, progress: packetChannel(onProgress) }),
  counselGpsFiles: (caseId) => call('counsel_gps_files', { caseId }),
  exportForCounsel: (caseId, includeGps, title, onProgress) =>
    call('export_for_counsel', { caseId, includeGps, title, progress: packetChannel(onProgress) }),
};

function packetChannel(onProgress: (p: PacketProgress) => void): Channel<PacketProgress> {
  const progress = new Channel<PacketProgress>();
  progress.onmessage = onProgress;
  return progress;
}

function channel(onProgress: (p: ImportProgress) => void): Channel<ImportProgress> {
  const progress = new Channel<ImportProgress>();
  progress.onmessage = onProgress;
  return progress;
}
