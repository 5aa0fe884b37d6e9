// Drafts for the chronology and allegation forms, and how a link to
// evidence is named in the window.

import type { Allegation } from '../bindings/Allegation';
import type { AllegationDraft } from '../bindings/AllegationDraft';
import type { Event } from '../bindings/Event';
import type { EventDraft } from '../bindings/EventDraft';
import type { EvidenceLink } from '../bindings/EvidenceLink';

export function emptyEvent(): EventDraft {
  return { date: null, place: '', kind: 'other', description: '', sources: [], origin: '' };
}

export function eventDraftOf(e: Event): EventDraft {
  const { id: _id, caseId: _case, createdAt: _c, updatedAt: _u, ...draft } = e;
  return JSON.parse(JSON.stringify(draft)) as EventDraft;
}

export function emptyAllegation(): AllegationDraft {
  return {
    madeBy: '',
    document: '',
    documentDate: null,
    source: null,
    criterion: '',
    points: null,
    claim: '',
    response: '',
    status: 'open',
    answers: [],
  };
}

export function allegationDraftOf(a: Allegation): AllegationDraft {
  const { id: _id, caseId: _case, createdAt: _c, updatedAt: _u, ...draft } = a;
  return JSON.parse(JSON.stringify(draft)) as AllegationDraft;
}

/** A stable key for a link in a keyed list. */
export function linkKey(link: EvidenceLink): string {
  return `${link.kind}:${link.id}#${link.paragraph ?? 0}p${link.page ?? 0}`;
}
