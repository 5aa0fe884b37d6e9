// The words for a field of something a case file changed, from the labels
// its own form uses: a column `record_name` of a case is the form's
// `person.recordName`. A field no form labels shows as "another detail".

import { catalogs, t, type MessageKey } from '../i18n/index.svelte';
import type { ChangedField } from '../bindings/ChangedField';

const NAMESPACES: Record<string, string[]> = {
  cases: ['person', 'custody', 'attorney', 'notes'],
  detention_transfers: ['custody'],
  hearings: ['hearings'],
  photos: ['photo'],
  tattoos: ['tattoo'],
  declarants: ['declarant'],
  statements: ['statement'],
  events: ['event'],
  allegations: ['allegation'],
  due_dates: ['deadline'],
};

const SPECIAL: Record<string, MessageKey> = {
  'cases.notes': 'notes.title',
  'cases.attorney_name': 'attorney.name',
  'cases.attorney_eoir_id': 'attorney.eoirId',
  'cases.custody_status': 'custody.status',
  'statements.title': 'statement.titleEnglish',
  'due_dates.title': 'deadline.what',
  'detention_transfers.facility': 'custody.transferFacility',
  'detention_transfers.date': 'custody.transferDate',
};

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The label of `field` of a thing of kind `kind` (its table). */
export function fieldLabel(kind: string, field: ChangedField): string {
  if (field.paragraph !== null) {
    return field.field === 'english'
      ? t('arrived.paragraphEnglish', { n: field.paragraph })
      : t('arrived.paragraphOriginal', { n: field.paragraph });
  }
  const special = SPECIAL[`${kind}.${field.field}`];
  if (special) return t(special);
  for (const namespace of NAMESPACES[kind] ?? []) {
    const key = `${namespace}.${camel(field.field)}`;
    if (key in catalogs.en) return t(key as MessageKey);
  }
  return t('arrived.otherField');
}

/** What kind of thing it is, in words. */
export function kindLabel(kind: string): string {
  const key = `arrived.kind.${kind}`;
  return key in catalogs.en ? t(key as MessageKey) : t('arrived.kind.other');
}
