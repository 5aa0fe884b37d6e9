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

/** "1, 3-5": a document's excerpt pages as typed and shown. */
export function pagesText(pages: number[]): string {
  const runs: [number, number][] = [];
  for (const page of pages) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === page) last[1] = page;
    else runs.push([page, page]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}

/** The pages typed for an excerpt ("3-5, 9"), each from 1 to `count`, in
 * order, once; [] when nothing is typed (the whole document); null when a
 * part is not a page or a run of pages the document has. */
export function parsePages(typed: string, count: number): number[] | null {
  const found = new Set<number>();
  for (const part of typed.split(/[,;]+/).map((p) => p.trim()).filter(Boolean)) {
    const run = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
    if (!run) return null;
    const from = Number(run[1]);
    const to = run[2] === undefined ? from : Number(run[2]);
    if (from < 1 || to < from || to > count) return null;
    for (let page = from; page <= to; page += 1) found.add(page);
  }
  return [...found].sort((a, b) => a - b);
}
