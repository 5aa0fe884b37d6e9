// Dates shown in the chosen language, through the platform's Intl.
// Hearing days are calendar days ("YYYY-MM-DD"), formatted in UTC so that no
// time zone moves them to the day before.

import type { Locale } from '../backend';
import type { RememberedDate } from '../bindings/RememberedDate';
import { t } from '../i18n/index.svelte';

const tag = (locale: Locale) => (locale === 'es' ? 'es' : 'en-US');

// Making a formatter costs far more than using one: a list of 1,000 cases
// made 2,000 of them and took most of a second to draw. One of each kind
// per language is kept.
const longDays = new Map<Locale, Intl.DateTimeFormat>();
const months = new Map<Locale, Intl.DateTimeFormat>();
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

function kept<F>(cache: Map<Locale, F>, locale: Locale, make: () => F): F {
  let format = cache.get(locale);
  if (!format) {
    format = make();
    cache.set(locale, format);
  }
  return format;
}

const longDay = (locale: Locale) =>
  kept(longDays, locale, () => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }));

function utcDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

export function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** "March 17, 2027" / "17 de marzo de 2027". */
export function formatDay(iso: string, locale: Locale): string {
  const date = parseDay(iso);
  if (!date) return iso;
  return longDay(locale).format(date);
}

/** A remembered date at its own precision, "about" when approximate. */
export function formatRemembered(d: RememberedDate | null, locale: Locale): string {
  if (!d) return '';
  let text: string;
  if (d.month && d.day) {
    text = longDay(locale).format(utcDay(d.year, d.month, d.day));
  } else if (d.month) {
    text = new Intl.DateTimeFormat(tag(locale), {
      year: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(utcDay(d.year, d.month, 1));
  } else {
    text = String(d.year);
  }
  return d.about ? t('dateAbout', { date: text }) : text;
}

/** Month names for a month picker, January first. */
export function monthNames(locale: Locale): string[] {
  const format = kept(months, locale, () => new Intl.DateTimeFormat(tag(locale), { month: 'long', timeZone: 'UTC' }));
  return Array.from({ length: 12 }, (_, i) => format.format(utcDay(2000, i + 1, 1)));
}

/** Whole days from `today` (local calendar) to the day `iso`. */
export function daysUntil(iso: string, today: Date = new Date()): number | null {
  const day = parseDay(iso);
  if (!day) return null;
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((day.getTime() - start) / 86_400_000);
}

/** "in 45 days", "tomorrow", "3 days ago" / "dentro de 45 días", "mañana". */
export function relativeDays(days: number, locale: Locale): string {
  return kept(relative, locale, () => new Intl.RelativeTimeFormat(tag(locale), { numeric: 'auto' })).format(days, 'day');
}

/** The time zones a court can count days in: amparo_core::COURT_TIME_ZONES
 * (the core refuses any other). */
export const COURT_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'Pacific/Guam',
  'Pacific/Saipan',
] as const;
