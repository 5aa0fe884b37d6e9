// What the window calls the statements, tattoo records and photos that
// events and allegations link to.

import type { Backend } from '../backend';
import type { EvidenceLink } from '../bindings/EvidenceLink';
import type { LinkKind } from '../bindings/LinkKind';
import { t, type MessageKey } from '../i18n/index.svelte';
import { allPhotos } from './photos';
import { tattooName } from './tattoo';

export type EvidenceChoice = { kind: LinkKind; id: string; name: string; paragraphs: number };

/** Every record of the case a link can point at, statements first. */
export async function evidenceChoices(backend: Backend, caseId: string): Promise<EvidenceChoice[]> {
  const [statements, tattoos, photos] = await Promise.all([
    backend.listStatements(caseId),
    backend.listTattoos(caseId),
    allPhotos(backend, caseId),
  ]);
  return [
    ...statements.map((s) => ({
      kind: 'statement' as const,
      id: s.id,
      name: s.title || s.declarantName,
      paragraphs: s.paragraphs,
    })),
    ...tattoos.map((x) => ({ kind: 'tattoo' as const, id: x.id, name: tattooName(x), paragraphs: 0 })),
    ...photos.map((p) => ({
      kind: 'photo' as const,
      id: p.id,
      name: p.details.caption || p.fileNames[0] || '',
      paragraphs: 0,
    })),
  ];
}

/** "Tattoo record: Left wrist", "Declaration of María …, paragraph 5". A
 * statement's title already says what it is. */
export function evidenceName(choices: EvidenceChoice[], link: EvidenceLink): string {
  const found = choices.find((c) => c.kind === link.kind && c.id === link.id)?.name ?? '';
  const name =
    link.kind === 'statement' && found ? found : `${t(`linkKind.${link.kind}` as MessageKey)}: ${found}`;
  return link.paragraph ? t('evidence.paragraphOf', { name, n: link.paragraph }) : name;
}
