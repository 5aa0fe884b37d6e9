// Which screen is showing, and the guard that keeps a half-filled form from
// being left by accident: while a form has unsaved changes, a move elsewhere
// waits for the user to confirm it.

export type View =
  | { name: 'list' }
  | { name: 'deleted' }
  | { name: 'case'; id: string }
  | { name: 'new' }
  | { name: 'edit'; id: string };

let view = $state<View>({ name: 'list' });
let pending = $state<View | null>(null);
let hasUnsavedChanges: (() => boolean) | null = null;

export const navigation = {
  get view(): View {
    return view;
  },
  /** A move waiting for "leave without saving?" to be answered. */
  get pending(): View | null {
    return pending;
  },
  go(to: View): void {
    if (hasUnsavedChanges?.()) {
      pending = to;
    } else {
      view = to;
    }
  },
  leaveAnyway(): void {
    if (!pending) return;
    hasUnsavedChanges = null;
    view = pending;
    pending = null;
  },
  stay(): void {
    pending = null;
  },
  /** A form registers how to tell whether it has unsaved changes. */
  guard(check: (() => boolean) | null): void {
    hasUnsavedChanges = check;
  },
};
