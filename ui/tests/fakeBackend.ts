// An in-memory Backend for component tests. Its checks follow the core's
// rules for the fields the tests exercise (a required record name, an
// A-number of 8 or 9 digits), and it records what was saved.

import type { Backend } from '../src/backend';
import { BackendError } from '../src/backend';
import type { Case } from '../src/bindings/Case';
import type { CaseDraft } from '../src/bindings/CaseDraft';
import type { CaseSummary } from '../src/bindings/CaseSummary';
import type { FieldError } from '../src/bindings/FieldError';
import type { Preferences } from '../src/bindings/Preferences';

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
}
