// An in-memory Backend for component tests. Its checks follow the core's
// rules for the fields the tests exercise (a required record name, an
// A-number of 8 or 9 digits), and it records what was saved.

import type { Backend } from '../src/backend';
import { BackendError } from '../src/backend';
import type { Case } from '../src/bindings/Case';
import type { CaseDraft } from '../src/bindings/CaseDraft';
import type { CaseSummary } from '../src/bindings/CaseSummary';
import type { FieldError } from '../src/bindings/FieldError';
import type { ImportProgress } from '../src/bindings/ImportProgress';
import type { ImportSummary } from '../src/bindings/ImportSummary';
import type { Photo } from '../src/bindings/Photo';
import type { PhotoDetails } from '../src/bindings/PhotoDetails';
import type { Preferences } from '../src/bindings/Preferences';
import type { Tattoo } from '../src/bindings/Tattoo';
import type { TattooDraft } from '../src/bindings/TattooDraft';
import type { Declarant } from '../src/bindings/Declarant';
import type { DeclarantDraft } from '../src/bindings/DeclarantDraft';
import type { ExhibitItem } from '../src/bindings/ExhibitItem';
import type { ExhibitLetter } from '../src/bindings/ExhibitLetter';
import type { PrintCheck } from '../src/bindings/PrintCheck';
import type { Purpose } from '../src/bindings/Purpose';
import type { SignedVersion } from '../src/bindings/SignedVersion';
import type { SigningRecord } from '../src/bindings/SigningRecord';
import type { Statement } from '../src/bindings/Statement';
import type { StatementDraft } from '../src/bindings/StatementDraft';
import type { WordingEntry } from '../src/bindings/WordingEntry';
import type { CounselExport } from '../src/bindings/CounselExport';
import type { PacketCheck } from '../src/bindings/PacketCheck';
import type { PacketDraft } from '../src/bindings/PacketDraft';
import type { PacketEntry } from '../src/bindings/PacketEntry';
import type { PacketProgress } from '../src/bindings/PacketProgress';
import type { PacketPurpose } from '../src/bindings/PacketPurpose';
import type { PacketView } from '../src/bindings/PacketView';
import type { Allegation } from '../src/bindings/Allegation';
import type { AllegationDraft } from '../src/bindings/AllegationDraft';
import type { Deadline } from '../src/bindings/Deadline';
import type { DueDate } from '../src/bindings/DueDate';
import type { DueDateDraft } from '../src/bindings/DueDateDraft';
import type { Event } from '../src/bindings/Event';
import type { EventDraft } from '../src/bindings/EventDraft';
import type { KnownDate } from '../src/bindings/KnownDate';
import type { ReportedCriterion } from '../src/bindings/ReportedCriterion';
import type { SearchHit } from '../src/bindings/SearchHit';

/** A stored photo as the core would return it, numbered `n`. */
export function fakePhoto(caseId: string, n: number): Photo {
  return {
    id: `photo-${n}`,
    caseId,
    sha256: n.toString(16).padStart(64, '0'),
    fileNames: [`IMG_${n}.jpg`],
    format: 'jpeg',
    width: 4000,
    height: 3000,
    byteSize: 3_200_000,
    exif: { takenLocal: null, takenOffset: null, camera: '', orientation: 1, gps: null },
    details: {
      caption: '',
      people: [],
      taken: null,
      takenBasis: 'unknown',
      place: '',
      photographer: '',
      sourceKind: 'unknown',
      sourceUrl: '',
      sourcePosted: null,
      attestedBy: '',
      printGps: false,
    },
    importedAt: '2026-11-30T10:00:00Z',
  };
}

export class FakeBackend implements Backend {
  cases = new Map<string, Case>();
  preferences: Preferences = { locale: null, noticeRead: true };
  saves = 0;
  private next = 1;

  private problems(draft: CaseDraft): FieldError[] {
    const out: FieldError[] = [];
    if (!draft.person.recordName.trim()) out.push({ field: 'person.recordName', problem: 'required' });
    const typed = draft.person.aNumber.trim();
    if (typed) {
      const digits = typed.replace(/^[Aa]/, '').replace(/[\s.-]/g, '');
      if (!/^\d{8,9}$/.test(digits)) out.push({ field: 'person.aNumber', problem: 'aNumberFormat' });
    }
    return out;
  }

  private store(id: string, draft: CaseDraft): Case {
    const fields = this.problems(draft);
    if (fields.length) throw new BackendError({ code: 'invalid', message: 'invalid', fields });
    const digits = draft.person.aNumber.replace(/\D/g, '').padStart(9, '0');
    const saved: Case = {
      ...structuredClone(draft),
      person: {
        ...structuredClone(draft.person),
        aNumber: draft.person.aNumber.trim()
          ? `A-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
          : '',
      },
      id,
      isExample: false,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
      deletedAt: null,
    };
    this.cases.set(id, saved);
    this.saves++;
    return saved;
  }

  private summary(c: Case): CaseSummary {
    return {
      id: c.id,
      recordName: c.person.recordName,
      usedName: c.person.usedName,
      aNumber: c.person.aNumber,
      nationality: c.person.nationality,
      custody: c.custody.status,
      nextHearing: c.hearings[0]?.date ?? null,
      nextDue: this.deadlineList.find((d) => d.caseId === c.id)?.deadline ?? null,
      isExample: c.isExample,
      updatedAt: c.updatedAt,
      deletedAt: c.deletedAt,
    };
  }

  async startup() {
    return { preferences: this.preferences };
  }
  async setLocale(locale: 'en' | 'es') {
    this.preferences = { ...this.preferences, locale };
    return this.preferences;
  }
  async markNoticeRead() {
    this.preferences = { ...this.preferences, noticeRead: true };
    return this.preferences;
  }
  async listCases(query: string) {
    const q = query.toLowerCase();
    return [...this.cases.values()]
      .filter((c) => !c.deletedAt && c.person.recordName.toLowerCase().includes(q))
      .map((c) => this.summary(c));
  }
  async deletedCases() {
    return [...this.cases.values()].filter((c) => c.deletedAt).map((c) => this.summary(c));
  }
  async getCase(id: string) {
    const c = this.cases.get(id);
    if (!c) throw new BackendError({ code: 'notFound', message: id, fields: [] });
    return structuredClone(c);
  }
  async checkCase(draft: CaseDraft) {
    return this.problems(draft);
  }
  async createCase(draft: CaseDraft) {
    return this.store(`case-${this.next++}`, draft);
  }
  async updateCase(id: string, draft: CaseDraft) {
    return this.store(id, draft);
  }
  async deleteCase(id: string, typedName: string) {
    const c = await this.getCase(id);
    if (typedName.trim().toLowerCase() !== c.person.recordName.toLowerCase()) {
      throw new BackendError({ code: 'nameMismatch', message: 'mismatch', fields: [] });
    }
    this.cases.set(id, { ...c, deletedAt: '2026-11-30T11:00:00Z' });
  }
  async restoreCase(id: string) {
    const c = { ...(await this.getCase(id)), deletedAt: null };
    this.cases.set(id, c);
    return c;
  }
  async eraseCase(id: string) {
    this.cases.delete(id);
  }
  async addExampleCase(): Promise<Case> {
    throw new Error('not used in these tests');
  }
  async backUp() {
    return null;
  }
  async restoreBackup() {
    return null;
  }
  photos = new Map<string, Photo[]>();
  photoRequests: Array<{ offset: number; limit: number }> = [];
  nextImport: ImportSummary | null = null;

  async listPhotos(caseId: string, offset: number, limit: number) {
    this.photoRequests.push({ offset, limit });
    const all = this.photos.get(caseId) ?? [];
    return { photos: all.slice(offset, offset + limit), total: all.length };
  }
  async getPhoto(id: string) {
    for (const list of this.photos.values()) {
      const found = list.find((p) => p.id === id);
      if (found) return structuredClone(found);
    }
    throw new BackendError({ code: 'notFound', message: id, fields: [] });
  }
  async updatePhotoDetails(id: string, details: PhotoDetails) {
    for (const list of this.photos.values()) {
      const i = list.findIndex((p) => p.id === id);
      if (i >= 0) {
        list[i] = { ...list[i], details: structuredClone(details) };
        return structuredClone(list[i]);
      }
    }
    throw new BackendError({ code: 'notFound', message: id, fields: [] });
  }
  async importPickedPhotos(
    caseId: string,
    _title: string,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportSummary | null> {
    const summary = this.nextImport;
    if (!summary) return null;
    const total = summary.outcomes.length;
    summary.outcomes.forEach((o, i) =>
      onProgress({ done: i + 1, total, failed: summary.outcomes.slice(0, i + 1).filter((x) => x.result.status === 'failed').length }),
    );
    const list = this.photos.get(caseId) ?? [];
    for (let i = 0; i < summary.imported; i++) list.push(fakePhoto(caseId, list.length));
    this.photos.set(caseId, list);
    return summary;
  }
  async importDroppedPhotos(caseId: string, onProgress: (p: ImportProgress) => void) {
    return (await this.importPickedPhotos(caseId, '', onProgress)) ?? {
      imported: 0,
      duplicates: 0,
      failed: 0,
      cancelled: 0,
      outcomes: [],
    };
  }
  async cancelImport() {}
  async onFilesDropped() {
    return () => {};
  }

  tattoos: Tattoo[] = [];
  async listTattoos(caseId: string) {
    return structuredClone(this.tattoos.filter((t) => t.caseId === caseId));
  }
  async createTattoo(caseId: string, draft: TattooDraft) {
    if (!draft.bodyLocation.trim()) {
      throw new BackendError({
        code: 'invalid',
        message: 'invalid',
        fields: [{ field: 'bodyLocation', problem: 'required' }],
      });
    }
    const saved: Tattoo = {
      ...structuredClone(draft),
      id: `tattoo-${this.tattoos.length + 1}`,
      caseId,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
    };
    this.tattoos.push(saved);
    return structuredClone(saved);
  }
  async updateTattoo(id: string, draft: TattooDraft) {
    const i = this.tattoos.findIndex((t) => t.id === id);
    this.tattoos[i] = { ...this.tattoos[i], ...structuredClone(draft) };
    return structuredClone(this.tattoos[i]);
  }
  async deleteTattoo(id: string) {
    this.tattoos = this.tattoos.filter((t) => t.id !== id);
    // As the core's triggers do: links to a removed record go with it.
    for (const a of this.allegations) a.answers = a.answers.filter((l) => l.id !== id);
    for (const e of this.events) e.sources = e.sources.filter((l) => l.id !== id);
  }

  events: Event[] = [];
  known: KnownDate[] = [];
  async listEvents(caseId: string) {
    const first = (e: Event) =>
      e.date ? e.date.year * 10_000 + (e.date.month ?? 1) * 100 + (e.date.day ?? 1) : 0;
    const rank = (e: Event) => (e.date?.day ? 0 : e.date?.month ? 1 : 2);
    return structuredClone(
      this.events
        .filter((e) => e.caseId === caseId)
        .sort((a, b) => first(a) - first(b) || rank(a) - rank(b)),
    );
  }
  async knownDates(caseId: string) {
    const taken = new Set(this.events.filter((e) => e.caseId === caseId).map((e) => e.origin));
    return structuredClone(this.known.filter((k) => !taken.has(k.event.origin)));
  }
  private checkEvent(draft: EventDraft) {
    const fields: FieldError[] = [];
    if (!draft.date) fields.push({ field: 'date', problem: 'required' });
    if (!draft.description.trim()) fields.push({ field: 'description', problem: 'required' });
    if (fields.length) throw new BackendError({ code: 'invalid', message: 'invalid', fields });
  }
  async createEvent(caseId: string, draft: EventDraft) {
    this.checkEvent(draft);
    const saved: Event = {
      ...structuredClone(draft),
      id: `event-${this.next++}`,
      caseId,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
    };
    this.events.push(saved);
    return structuredClone(saved);
  }
  async updateEvent(id: string, draft: EventDraft) {
    this.checkEvent(draft);
    const i = this.events.findIndex((e) => e.id === id);
    this.events[i] = { ...this.events[i], ...structuredClone(draft) };
    return structuredClone(this.events[i]);
  }
  async deleteEvent(id: string) {
    this.events = this.events.filter((e) => e.id !== id);
  }

  allegations: Allegation[] = [];
  criteria: ReportedCriterion[] = [
    { name: 'Tattoos denoting membership', points: '4', form: 'Alien Enemy Validation Guide' },
    { name: 'Self-admission', points: '10', form: 'Alien Enemy Validation Guide' },
  ];
  async listAllegations(caseId: string) {
    return structuredClone(this.allegations.filter((a) => a.caseId === caseId));
  }
  private checkAllegation(draft: AllegationDraft) {
    if (!draft.criterion.trim()) {
      throw new BackendError({
        code: 'invalid',
        message: 'invalid',
        fields: [{ field: 'criterion', problem: 'required' }],
      });
    }
  }
  async createAllegation(caseId: string, draft: AllegationDraft) {
    this.checkAllegation(draft);
    const saved: Allegation = {
      ...structuredClone(draft),
      id: `allegation-${this.next++}`,
      caseId,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
    };
    this.allegations.push(saved);
    return structuredClone(saved);
  }
  async updateAllegation(id: string, draft: AllegationDraft) {
    this.checkAllegation(draft);
    const i = this.allegations.findIndex((a) => a.id === id);
    this.allegations[i] = { ...this.allegations[i], ...structuredClone(draft) };
    return structuredClone(this.allegations[i]);
  }
  async deleteAllegation(id: string) {
    this.allegations = this.allegations.filter((a) => a.id !== id);
  }
  async reportedCriteria() {
    return structuredClone(this.criteria);
  }
  async setReportedCriteria(list: ReportedCriterion[]) {
    this.criteria = structuredClone(list);
    return structuredClone(this.criteria);
  }

  /** Deadlines as the core computed them, per case. */
  deadlineList: { caseId: string; deadline: Deadline }[] = [];
  dueDates: DueDate[] = [];
  filingDays = 15;
  async caseDeadlines(caseId: string) {
    const fromDue: Deadline[] = this.dueDates
      .filter((d) => d.caseId === caseId)
      .map((d) => ({
        date: d.date,
        kind: 'other',
        hearingKind: null,
        title: d.title,
        daysLeft: 3,
        confirmWithCourt: false,
        dueDateId: d.id,
      }));
    const given = this.deadlineList.filter((d) => d.caseId === caseId).map((d) => d.deadline);
    return structuredClone([...given, ...fromDue]);
  }
  async addDueDate(caseId: string, draft: DueDateDraft) {
    const fields: FieldError[] = [];
    if (!draft.date.trim()) fields.push({ field: 'date', problem: 'required' });
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) fields.push({ field: 'date', problem: 'dateInvalid' });
    if (!draft.title.trim()) fields.push({ field: 'title', problem: 'required' });
    if (fields.length) throw new BackendError({ code: 'invalid', message: 'invalid', fields });
    const saved: DueDate = { id: `due-${this.next++}`, caseId, date: draft.date, title: draft.title };
    this.dueDates.push(saved);
    return structuredClone(saved);
  }
  async deleteDueDate(id: string) {
    this.dueDates = this.dueDates.filter((d) => d.id !== id);
  }
  async filingDaysBefore() {
    return this.filingDays;
  }
  async setFilingDaysBefore(days: number) {
    this.filingDays = days;
    return days;
  }

  /** Search folds accents and case, as the core's index does. */
  searches: string[] = [];
  async searchCases(query: string) {
    this.searches.push(query);
    const fold = (text: string) =>
      text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const hits: SearchHit[] = [];
    if (words.length === 0) return { hits, matches: 0, ranked: true };
    for (const x of this.tattoos) {
      const text = `${x.meaningOriginal}\n${x.meaningEnglish}`;
      if (words.every((w) => fold(text).includes(w))) {
        const c = this.cases.get(x.caseId);
        hits.push({
          caseId: x.caseId,
          caseName: c?.person.recordName ?? '',
          caseIsExample: c?.isExample ?? false,
          kind: 'tattoo',
          field: 'text',
          recordId: x.id,
          title: x.bodyLocation,
          paragraph: null,
          snippet: (() => {
            // Folding keeps each precomposed letter one character long.
            const at = fold(text).indexOf(words[0]);
            const end = at + words[0].length;
            return `${text.slice(0, at)}\u{E000}${text.slice(at, end)}\u{E001}${text.slice(end)}`;
          })(),
        });
      }
    }
    return { hits, matches: hits.length, ranked: true };
  }

  closeRequest: (() => boolean) | null = null;
  closed = false;
  async guardWindowClose(keepOpen: () => boolean) {
    this.closeRequest = keepOpen;
    return () => {
      this.closeRequest = null;
    };
  }
  async closeWindow() {
    this.closed = true;
  }
  /** What closing the window does: true when it closes. */
  requestClose(): boolean {
    if (this.closeRequest?.()) return false;
    this.closed = true;
    return true;
  }

  declarants: Declarant[] = [];
  async listDeclarants(caseId: string) {
    return structuredClone(this.declarants.filter((d) => d.caseId === caseId));
  }
  async createDeclarant(caseId: string, draft: DeclarantDraft) {
    if (!draft.fullName.trim()) {
      throw new BackendError({
        code: 'invalid',
        message: 'invalid',
        fields: [{ field: 'fullName', problem: 'required' }],
      });
    }
    const saved: Declarant = {
      ...structuredClone(draft),
      id: `declarant-${this.declarants.length + 1}`,
      caseId,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
    };
    this.declarants.push(saved);
    return structuredClone(saved);
  }
  async updateDeclarant(id: string, draft: DeclarantDraft) {
    const i = this.declarants.findIndex((d) => d.id === id);
    this.declarants[i] = { ...this.declarants[i], ...structuredClone(draft) };
    return structuredClone(this.declarants[i]);
  }
  async deleteDeclarant(id: string) {
    this.declarants = this.declarants.filter((d) => d.id !== id);
  }

  statements: Statement[] = [];
  savedDrafts: StatementDraft[] = [];
  async listStatements(caseId: string) {
    return this.statements
      .filter((s) => s.caseId === caseId)
      .map((s) => ({
        id: s.id,
        declarantId: s.declarantId,
        declarantName: this.declarants.find((d) => d.id === s.declarantId)?.fullName ?? '',
        title: s.title,
        paragraphs: s.paragraphs.length,
        signedVersions: s.signed.length,
        isDraft: s.isDraft,
        updatedAt: s.updatedAt,
      }));
  }
  async getStatement(id: string) {
    const found = this.statements.find((s) => s.id === id);
    if (!found) throw new BackendError({ code: 'notFound', message: id, fields: [] });
    return structuredClone(found);
  }
  async createStatement(caseId: string, draft: StatementDraft) {
    const saved: Statement = {
      ...structuredClone(draft),
      id: `statement-${this.statements.length + 1}`,
      caseId,
      signed: [],
      isDraft: true,
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
    };
    this.statements.push(saved);
    return structuredClone(saved);
  }
  async updateStatement(id: string, draft: StatementDraft) {
    this.savedDrafts.push(structuredClone(draft));
    const i = this.statements.findIndex((s) => s.id === id);
    this.statements[i] = { ...this.statements[i], ...structuredClone(draft) };
    return structuredClone(this.statements[i]);
  }
  async deleteStatement(id: string) {
    this.statements = this.statements.filter((s) => s.id !== id);
  }
  /** The core's checks, for what these tests exercise. */
  async statementChecks(id: string): Promise<PrintCheck[]> {
    const s = await this.getStatement(id);
    const checks: PrintCheck[] = [];
    if (!s.place.country && !s.place.usDetentionFacility) {
      checks.push({ code: 'noPlaceOfSigning', blocks: true, paragraphs: [] });
    }
    const untranslated = s.paragraphs.flatMap((p, i) => (p.english.trim() ? [] : [i + 1]));
    if (s.language !== 'en' && untranslated.length) {
      checks.push({ code: 'untranslatedParagraphs', blocks: true, paragraphs: untranslated });
    }
    return checks;
  }
  letters: ExhibitLetter[] = [];
  async exhibitLetters() {
    return structuredClone(this.letters);
  }
  async assignExhibitLetter(item: ExhibitItem) {
    const letter = { item, letter: String.fromCharCode(65 + this.letters.length), label: '' };
    this.letters.push(letter);
    return structuredClone(letter);
  }
  async previewStatement() {
    return { token: '0123456789abcdef0123456789abcdef', pages: 2 };
  }
  saved: { id: string; purpose: Purpose }[] = [];
  async saveStatementPdf(id: string, purpose: Purpose) {
    this.saved.push({ id, purpose });
    return '/home/user/declaration.pdf';
  }
  opened: { id: string; purpose: Purpose }[] = [];
  async openStatementPdf(id: string, purpose: Purpose) {
    this.opened.push({ id, purpose });
  }
  async pickSignedScans() {
    return [];
  }
  async signStatement(id: string, signing: SigningRecord, scans: string[]) {
    const i = this.statements.findIndex((s) => s.id === id);
    const { signed: _s, isDraft: _d, id: _id, caseId: _c, createdAt: _a, updatedAt: _u, ...draft } =
      this.statements[i];
    const version: SignedVersion = {
      id: `version-${this.statements[i].signed.length + 1}`,
      number: this.statements[i].signed.length + 1,
      signing: structuredClone(signing),
      draft: structuredClone(draft),
      pdfSha256: 'ab'.repeat(32),
      scans,
      createdAt: '2026-11-30T10:00:00Z',
    };
    this.statements[i].signed.push(version);
    this.statements[i].isDraft = false;
    return structuredClone(version);
  }

  wording: WordingEntry[] = [];
  async listWording() {
    return structuredClone(this.wording);
  }
  async setWording(key: string, text: string) {
    const entry = this.wording.find((e) => e.key === key);
    if (entry) entry.text = text || entry.defaultText;
    return structuredClone(this.wording);
  }

  /** The packet: entries by item, in order; letters follow the order. */
  packetEntries: PacketEntry[] = [];
  packetOthers: PacketEntry[] = [];
  packetChecks: PacketCheck[] = [];
  packetDraft: PacketDraft = emptyPacketDraft();
  savedPackets: PacketDraft[] = [];
  openedPackets: PacketPurpose[] = [];
  gpsFiles: string[] = [];
  counselExports: boolean[] = [];
  private packetView(): PacketView {
    const exhibits = this.packetEntries.map((e, i) => ({ ...e, letter: String.fromCharCode(65 + i) }));
    return structuredClone({
      draft: { ...this.packetDraft, items: exhibits.map((e) => e.item) },
      exhibits,
      others: this.packetOthers,
      checks: this.packetChecks,
    });
  }
  async getPacket() {
    return this.packetView();
  }
  async savePacket(_caseId: string, draft: PacketDraft) {
    if (draft.sizeLimitMb < 1 || draft.sizeLimitMb > 1000) {
      throw new BackendError({
        code: 'invalid',
        message: '1 field(s) need attention',
        fields: [{ field: 'sizeLimitMb', problem: 'unknown' }],
      });
    }
    this.savedPackets.push(structuredClone(draft));
    const all = [...this.packetEntries, ...this.packetOthers];
    const key = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;
    this.packetEntries = draft.items.map((item) => all.find((e) => key(e.item) === key(item))!);
    this.packetOthers = all.filter((e) => !draft.items.some((i) => key(i) === key(e.item)));
    this.packetDraft = structuredClone(draft);
    return this.packetView();
  }
  async previewPacket(_caseId: string, onProgress: (p: PacketProgress) => void) {
    onProgress({ stage: 'images', done: 1, total: 2 });
    onProgress({ stage: 'typesetting', done: 0, total: 1 });
    return { token: 'c'.repeat(32), pages: 4 };
  }
  async savePacketPdf() {
    return ['/tmp/Evidence-packet.pdf'];
  }
  async openPacketPdf(_caseId: string, purpose: PacketPurpose) {
    this.openedPackets.push(purpose);
    return 1;
  }
  async counselGpsFiles() {
    return [...this.gpsFiles];
  }
  async exportForCounsel(_caseId: string, includeGps: boolean): Promise<CounselExport> {
    this.counselExports.push(includeGps);
    return { folder: '/tmp/For-counsel', zip: '/tmp/For-counsel.zip', files: 5, draft: false, gpsLeftOut: includeGps ? [] : [...this.gpsFiles] };
  }
}

export function emptyPacketDraft(): PacketDraft {
  return {
    items: [],
    profile: 'immigrationCourt',
    title: '',
    court: '',
    city: '',
    judge: '',
    filer: { proSe: false, name: '', address: '', phone: '', email: '', eoirId: '' },
    caption: { kind: 'none', court: '', petitioners: '', respondents: '', caseNumber: '' },
    service: { method: 'ecas', recipient: '', address: '', date: '', serverName: '' },
    translator: { name: '', address: '', phone: '' },
    publicFiling: false,
    pagePrefix: '',
    sizeLimitMb: 25,
    pdfA: false,
    shareGpsOriginals: false,
  };
}
