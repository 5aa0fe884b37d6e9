// Tattoo drafts for the form: an empty one, and one made from a record.

import type { Tattoo } from '../bindings/Tattoo';
import type { TattooDraft } from '../bindings/TattooDraft';
import type { TattooPhoto } from '../bindings/TattooPhoto';

export function emptyTattoo(photos: TattooPhoto[] = []): TattooDraft {
  return {
    bodyLocation: '',
    showsText: '',
    showsImages: '',
    madeWhen: null,
    madeWhere: '',
    madeBy: '',
    meaningLanguage: '',
    meaningOriginal: '',
    meaningEnglish: '',
    why: '',
    context: '',
    similarOthers: '',
    earlierExplanations: '',
    photos,
  };
}

export function tattooDraftOf(t: Tattoo): TattooDraft {
  const { id: _id, caseId: _case, createdAt: _c, updatedAt: _u, ...draft } = t;
  // A deep copy that also works on Svelte's state proxies.
  return JSON.parse(JSON.stringify(draft)) as TattooDraft;
}

/** A short name for a record: where it is, and its text if any. */
export function tattooName(t: TattooDraft): string {
  return t.showsText ? `${t.bodyLocation} (${t.showsText})` : t.bodyLocation;
}
