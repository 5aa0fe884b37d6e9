// Ordering a packet's exhibits. The window keeps the entries (with their
// descriptions) and sends only the items back to be saved.

import type { PacketEntry } from '../bindings/PacketEntry';
import type { PacketItem } from '../bindings/PacketItem';

export const sameItem = (a: PacketItem, b: PacketItem) => a.kind === b.kind && a.id === b.id;

/** Moves entry `index` by `by` places; false when it cannot move. */
export function moveEntry(entries: PacketEntry[], index: number, by: -1 | 1): boolean {
  const to = index + by;
  if (index < 0 || index >= entries.length || to < 0 || to >= entries.length) return false;
  const [entry] = entries.splice(index, 1);
  entries.splice(to, 0, entry);
  return true;
}

/** Moves entry `from` to where entry `to` is (a drop). */
export function dropEntry(entries: PacketEntry[], from: number, to: number): boolean {
  if (from === to || from < 0 || to < 0 || from >= entries.length || to >= entries.length) {
    return false;
  }
  const [entry] = entries.splice(from, 1);
  entries.splice(to, 0, entry);
  return true;
}
