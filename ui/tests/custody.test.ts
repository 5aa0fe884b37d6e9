// A custody log's problems, as a Spanish-reading mother meets them when a
// case file arrives: her language, the computer's name, the entry's number.
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n/index.svelte';
import { custodyProblem } from '../src/lib/custody';

describe('custody problems', () => {
  afterEach(() => setLocale('en'));

  it('names each problem in Spanish with the computer and the entry', () => {
    setLocale('es');
    expect(custodyProblem({ kind: 'missing', device: 'Rosa', from: 2, to: 2 })).toBe(
      'Falta la anotación 2 de la computadora «Rosa».',
    );
    expect(custodyProblem({ kind: 'missing', device: 'Rosa', from: 2, to: 4 })).toBe(
      'Faltan las anotaciones 2 a 4 de la computadora «Rosa».',
    );
    expect(custodyProblem({ kind: 'changed', device: 'Oficina', seq: 7 })).toBe(
      'La anotación 7 de la computadora «Oficina» se cambió después de escribirse.',
    );
    expect(custodyProblem({ kind: 'unsigned', device: 'Oficina', seq: 1 })).toContain('no está firmada');
    expect(custodyProblem({ kind: 'notLinked', device: 'Oficina', seq: 3 })).toContain('no sigue a la anterior');
  });

  it('says the same in English', () => {
    setLocale('en');
    expect(custodyProblem({ kind: 'missing', device: 'Rosa', from: 2, to: 4 })).toBe(
      'Entries 2 to 4 from the computer \u201cRosa\u201d are missing.',
    );
  });
});
