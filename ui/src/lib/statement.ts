// Statement drafts for the editor: new ones, copies of stored ones, and the
// paragraph moves the editor offers (up, down, split).

import type { Case } from '../bindings/Case';
import type { Declarant } from '../bindings/Declarant';
import type { DeclarantDraft } from '../bindings/DeclarantDraft';
import type { Paragraph } from '../bindings/Paragraph';
import type { Statement } from '../bindings/Statement';
import type { StatementDraft } from '../bindings/StatementDraft';

export function emptyDeclarant(): DeclarantDraft {
  return {
    fullName: '',
    isThePerson: false,
    relationship: '',
    knownSince: null,
    age: null,
    birthDate: null,
    city: '',
    country: '',
    contact: '',
    languages: [],
    readsEnglish: 'unknown',
  };
}

export function declarantDraftOf(d: Declarant): DeclarantDraft {
  const { id: _id, caseId: _case, createdAt: _c, updatedAt: _u, ...draft } = d;
  return JSON.parse(JSON.stringify(draft)) as DeclarantDraft;
}

export function emptyParagraph(): Paragraph {
  return { original: '', english: '', exhibits: [] };
}

/** A new statement for `declarant`: mode A unless they read English. */
export function newStatement(declarant: Declarant, c: Case): StatementDraft {
  const court = c.hearings.find((h) => h.court)?.court ?? '';
  return {
    declarantId: declarant.id,
    title: `Declaration of ${declarant.fullName}`,
    titleOriginal: `Declaración de ${declarant.fullName}`,
    language: 'es',
    paragraphs: [emptyParagraph()],
    mode: declarant.readsEnglish === 'yes' ? 'signEnglish' : 'signOriginal',
    helper: { name: '', address: '', phone: '', isRelative: false, readBack: 'inPerson' },
    place: { place: '', country: '', usDetentionFacility: false, reason: '' },
    prefillPlace: false,
    caption: {
      kind: 'immigrationCourt',
      court: court ? `Immigration Court, ${court}` : '',
      petitioners: '',
      respondents: '',
      caseNumber: '',
      division: '',
      nextFriend: '',
      supports: '',
      initials: false,
    },
    nameOnEveryPage: true,
  };
}

export function statementDraftOf(s: Statement): StatementDraft {
  const {
    id: _id,
    caseId: _case,
    signed: _signed,
    isDraft: _isDraft,
    createdAt: _c,
    updatedAt: _u,
    ...draft
  } = s;
  return JSON.parse(JSON.stringify(draft)) as StatementDraft;
}

/** Moves paragraph `index` by `by` places; false when it cannot move. */
export function moveParagraph(list: Paragraph[], index: number, by: -1 | 1): boolean {
  const to = index + by;
  if (to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return true;
}

/**
 * Splits paragraph `index` where the cursor is in its original text: the
 * text after the cursor becomes a new paragraph below. The translation
 * stays with the first half; exhibits stay with the first half.
 */
export function splitParagraph(list: Paragraph[], index: number, at: number): boolean {
  const p = list[index];
  if (!p || at <= 0 || at >= p.original.length) return false;
  const rest = p.original.slice(at).trim();
  p.original = p.original.slice(0, at).trim();
  list.splice(index + 1, 0, { original: rest, english: '', exhibits: [] });
  return true;
}

/** A statement's title in its declarant's language reads better than the
 * English one outside the English window. */
export function shownTitle(title: string, titleOriginal: string, locale: string): string {
  return locale !== 'en' && titleOriginal.trim() ? titleOriginal : title;
}
