// Every photo of a case, page by page: the core caps a page (500), and a
// case may have more photos than one page holds.

import type { Backend } from '../backend';
import type { Photo } from '../bindings/Photo';

/** All of a case's photos, in the core's order. */
export async function allPhotos(backend: Backend, caseId: string): Promise<Photo[]> {
  const photos: Photo[] = [];
  for (;;) {
    const page = await backend.listPhotos(caseId, photos.length, 500);
    photos.push(...page.photos);
    if (page.photos.length === 0 || photos.length >= page.total) return photos;
  }
}
