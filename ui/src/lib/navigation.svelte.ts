// Which screen is showing, and the guard that keeps a half-filled form from
// being left by accident: while a form has unsaved changes, a move elsewhere
// waits for the user to confirm it.

export type View =
  | { name: 'list' }
  | { name: 'deleted' }
  | { name: 'wording' }
  | { name: 'contacts' }
  | { name: 'case'; id: string }
  | { name: 'new' }
  | { name: 'edit'; id: string }
  | { name: 'statement'; caseId: string; id: string }
  | { name: 'packet'; caseId: string }
  | { name: 'timeline'; caseId: string }
  | { name: 'allegations'; caseId: string }
  | { name: 'document'; caseId: string; id: string }
  | { name: 'search'; query: string }
  | { name: 'interview'; caseId: string | null; id: string | null };

/** Where a move waiting for confirmation goes: a screen, or out of the app. */
export type Destination = View | { name: 'closeWindow' };

let view = $state<View>({ name: 'list' });
let pending = $state<Destination | null>(null);
let hasUnsavedChanges: (() => boolean) | null = null;

export const navigation = {
  get view(): View {
    return view;
  },
  /** A move waiting for "leave without saving?" to be answered. */
  get pending(): Destination | null {
    return pending;
  },
  go(to: View): void {
    if (hasUnsavedChanges?.()) {
      pending = to;
    } else {
      view = to;
    }
  },
  /** The window is being closed: true when it must stay open to ask first. */
  holdClose(): boolean {
    if (!hasUnsavedChanges?.()) return false;
    pending = { name: 'closeWindow' };
    return true;
  },
  /** Goes where the pending move was going; returns that destination. */
  leaveAnyway(): Destination | null {
    const to = pending;
    if (!to) return null;
    hasUnsavedChanges = null;
    pending = null;
    if (to.name !== 'closeWindow') view = to;
    return to;
  },
  stay(): void {
    pending = null;
  },
  /** Starts over at the case list, with nothing pending. */
  reset(): void {
    view = { name: 'list' };
    pending = null;
    hasUnsavedChanges = null;
  },
  /** A form registers how to tell whether it has unsaved changes. */
  guard(check: (() => boolean) | null): void {
    hasUnsavedChanges = check;
  },
};
