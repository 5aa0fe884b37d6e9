// The two languages must say the same things: same keys, nothing empty,
// the same {placeholders}, and only glossary terms that exist.
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import es from '../src/i18n/es.json';
import { glossaryKeys } from '../src/i18n/index.svelte';

const catalogs = { en, es } as Record<string, Record<string, string>>;

describe('catalogs', () => {
  it('have the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty values', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, value] of Object.entries(catalog)) {
        expect(value.trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) {
      expect(names(catalogs.es[key]), key).toEqual(names(catalogs.en[key]));
    }
  });

  it('refer only to terms in the shared glossary', () => {
    const known = new Set(glossaryKeys());
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, value] of Object.entries(catalog)) {
        for (const m of value.matchAll(/\[\[(\w+)\]\]/g)) {
          const term = m[1].charAt(0).toLowerCase() + m[1].slice(1);
          expect(known.has(term), `${lang}:${key} uses [[${m[1]}]]`).toBe(true);
        }
      }
    }
  });
});
