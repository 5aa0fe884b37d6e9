// The kinds of document, in the order a packet groups them.
import type { DocumentKind } from '../bindings/DocumentKind';

export const DOCUMENT_KINDS: DocumentKind[] = [
  'identity',
  'government',
  'court',
  'countryConditions',
  'publication',
  'letter',
  'medical',
  'schoolOrWork',
  'other',
];
