// Refusals that mean the data itself cannot be opened (damaged, written by
// a newer Amparo): the window shows them in place of everything, never as
// a wrong password.
import type { BackendError } from '../backend';

const storeProblems = new Set(['corruptDatabase', 'newerDatabase', 'vaultDamaged', 'noDataDir', 'storage', 'io']);

export function isStoreProblem(error: BackendError): boolean {
  return storeProblems.has(error.code);
}
