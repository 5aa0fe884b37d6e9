// What does not verify in a custody log, in the window's language: the core
// names the problem and the entry (its computer's name and number).

import type { CustodyProblem } from '../bindings/CustodyProblem';
import { t } from '../i18n/index.svelte';

export function custodyProblem(p: CustodyProblem): string {
  switch (p.kind) {
    case 'missing':
      return p.from === p.to
        ? t('custody.problem.missingOne', { device: p.device, n: p.from })
        : t('custody.problem.missing', { device: p.device, from: p.from, to: p.to });
    case 'notLinked':
      return t('custody.problem.notLinked', { device: p.device, n: p.seq });
    case 'changed':
      return t('custody.problem.changed', { device: p.device, n: p.seq });
    case 'unsigned':
      return t('custody.problem.unsigned', { device: p.device, n: p.seq });
  }
}
