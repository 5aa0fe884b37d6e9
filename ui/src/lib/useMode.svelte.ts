// Who uses this Amparo, for the screens that fold away legal settings for
// a family. Not chosen yet reads as an advocate's: everything shown, as
// before the choice existed.

import type { UseMode } from '../bindings/UseMode';

let mode = $state<UseMode | null>(null);

export const useMode = {
  get family(): boolean {
    return mode === 'family';
  },
  get chosen(): UseMode | null {
    return mode;
  },
  set(next: UseMode | null): void {
    mode = next;
  },
};
