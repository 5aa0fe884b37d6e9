import { describe, expect, it } from 'vitest';
import { daysUntil, formatDay, formatRemembered } from '../src/lib/dates';
import { setLocale } from '../src/i18n/index.svelte';

describe('dates', () => {
  it('show a remembered date at its own precision, in each language', () => {
    expect(formatRemembered({ year: 2017, month: 3, day: null, about: true }, 'en')).toBe(
      'about March 2017',
    );
    expect(formatRemembered({ year: 2009, month: null, day: null, about: false }, 'en')).toBe('2009');
    setLocale('es');
    expect(formatRemembered({ year: 2017, month: 3, day: 5, about: false }, 'es')).toBe(
      '5 de marzo de 2017',
    );
    expect(formatRemembered({ year: 2017, month: 3, day: null, about: true }, 'es')).toBe(
      'alrededor de marzo de 2017',
    );
  });

  it('never moves a hearing day to the day before', () => {
    expect(formatDay('2027-03-17', 'en')).toBe('March 17, 2027');
    expect(formatDay('2027-03-17', 'es')).toBe('17 de marzo de 2027');
  });

  it('counts days to a hearing from the local calendar day', () => {
    expect(daysUntil('2026-12-01', new Date(2026, 10, 30, 23, 59))).toBe(1);
    expect(daysUntil('2026-11-29', new Date(2026, 10, 30, 0, 1))).toBe(-1);
  });
});
