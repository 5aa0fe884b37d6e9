// Drafts for the case form: an empty one, and one made from a stored case.

import type { Case } from '../bindings/Case';
import type { CaseDraft } from '../bindings/CaseDraft';

export function emptyDraft(): CaseDraft {
  return {
    person: {
      recordName: '',
      usedName: '',
      pronouns: '',
      aliases: [],
      birthDate: null,
      countryOfBirth: '',
      nationality: '',
      languages: [],
      needsInterpreter: false,
      aNumber: '',
    },
    custody: {
      status: 'unknown',
      facility: '',
      facilityPhone: '',
      detaineeId: '',
      officer: '',
      bond: '',
      detainedSince: null,
      transfers: [],
      removedTo: '',
      removedOn: null,
    },
    hearings: [],
    attorney: { name: '', eoirId: '', phone: '' },
    notes: '',
    courtTimeZone: '',
  };
}

export function draftOf(c: Case): CaseDraft {
  return structuredClone({
    person: c.person,
    custody: c.custody,
    hearings: c.hearings,
    attorney: c.attorney,
    notes: c.notes,
    courtTimeZone: c.courtTimeZone,
  });
}
