// Every word a person sees comes from the catalogs: no .svelte file may
// hold literal visible text, in its markup or in the attributes that are
// read aloud or shown (placeholder, title, aria-label, alt, label).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label']);
const LETTERS = /\p{L}/u;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

type Node = { type: string; [key: string]: unknown };

function literalText(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) literalText(child, found);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'Text' && typeof n.data === 'string' && LETTERS.test(n.data)) {
    found.push(n.data.trim());
  }
  if (n.type === 'Attribute' && VISIBLE_ATTRIBUTES.has(String(n.name))) {
    const value = n.value;
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts as Node[]) {
      if (part?.type === 'Text' && LETTERS.test(String(part.data))) {
        found.push(`${String(n.name)}="${String(part.data)}"`);
      }
    }
    return;
  }
  // Other attributes (class, id) and style values are not shown as text.
  if (n.type === 'Attribute' || n.type === 'StyleDirective') return;
  for (const [key, value] of Object.entries(n)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    if (key === 'instance' || key === 'module' || key === 'css') continue;
    literalText(value, found);
  }
}

describe('.svelte files', () => {
  // Vitest runs from ui/.
  const files = svelteFiles(join(process.cwd(), 'src'));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s holds no literal visible text', (file) => {
    const ast = parse(readFileSync(file, 'utf8'), { modern: true });
    const found: string[] = [];
    literalText(ast.fragment, found);
    expect(found).toEqual([]);
  });

  it('the check itself catches literal text', () => {
    const ast = parse('<p>Hello</p><input placeholder="Name" class="x" />', { modern: true });
    const found: string[] = [];
    literalText(ast.fragment, found);
    expect(found).toEqual(['Hello', 'placeholder="Name"']);
  });
});
