// Every code the core can send the window has words in both languages:
// the printed-wording keys it lists, and every check it can compute.
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import es from '../src/i18n/es.json';
import { testBackend } from './testBackend';

const catalogs = { en, es } as Record<string, Record<string, string>>;

describe('names for what the core sends', () => {
  it('names every printed sentence the core lists, in both languages', async () => {
    const entries = await testBackend().listWording();
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      const [what, lang] = entry.key.split('.');
      for (const [name, catalog] of Object.entries(catalogs)) {
        expect(catalog[`wordingKey.${what}`], `${name}: wordingKey.${what}`).toBeTruthy();
        expect(catalog[`language.${lang}`], `${name}: language.${lang}`).toBeTruthy();
      }
    }
  });
});
