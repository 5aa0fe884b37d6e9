// What the window calls the statements, tattoo records, photos and
// documents that events and allegations link to.

import type { Backend } from '../backend';
import type { EvidenceLink } from '../bindings/EvidenceLink';
import type { LinkKind } from '../bindings/LinkKind';
import { t, type MessageKey } from '../i18n/index.svelte';
import { allPhotos } from './photos';
import { tattooName } from './tattoo';

/** A record a link can point at; `parts` counts a statement's paragraphs or
 * a filed document's pages (0 for the others). */
export type EvidenceChoice = { kind: LinkKind; id: string; name: string; parts: number };

/** Every record of the case a link can point at, statements first. */
export async function evidenceChoices(backend: Backend, caseId: string): Promise<EvidenceChoice[]> {
  const [statements, tattoos, photos, documents] = await Promise.all([
    backend.listStatements(caseId),
    backend.listTattoos(caseId),
    allPhotos(backend, caseId),
    backend.listDocuments(caseId),
  ]);
  return [
    ...statements.map((s) => ({
      kind: 'statement' as const,
      id: s.id,
      name: s.title || s.declarantName,
      parts: s.paragraphs,
    })),
    ...tattoos.map((x) => ({ kind: 'tattoo' as const, id: x.id, name: tattooName(x), parts: 0 })),
    ...photos.map((p) => ({
      kind: 'photo' as const,
      id: p.id,
      name: p.details.caption || p.fileNames[0] || '',
      parts: 0,
    })),
    // A page is cited once the document is filed (its pages settled).
    ...documents.map((d) => ({
      kind: 'document' as const,
      id: d.id,
      name: d.details.title,
      parts: d.filed ? d.pageCount : 0,
    })),
  ];
}

/** "Tattoo record: Left wrist", "Declaration of María …, paragraph 5",
 * "Document: Form I-213, page 2". A statement's title already says what it
 * is. */
export function evidenceName(choices: EvidenceChoice[], link: EvidenceLink): string {
  const found = choices.find((c) => c.kind === link.kind && c.id === link.id)?.name ?? '';
  const name =
    link.kind === 'statement' && found ? found : `${t(`linkKind.${link.kind}` as MessageKey)}: ${found}`;
  if (link.paragraph) return t('evidence.paragraphOf', { name, n: link.paragraph });
  if (link.page) return t('evidence.pageOf', { name, n: link.page });
  return name;
}

/** A paragraph or page number as typed, for a record with `count` of them:
 * null when nothing is typed (the whole record), the number when the record
 * has it, or 'invalid'. */
export function partNumber(typed: string, count: number): number | null | 'invalid' {
  const text = typed.trim();
  if (!text) return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= count ? n : 'invalid';
}
