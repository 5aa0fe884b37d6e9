// Dates shown in the chosen language, through the platform's Intl.
// Hearing days are calendar days ("YYYY-MM-DD"), formatted in UTC so that no
// time zone moves them to the day before.

import type { Locale } from '../backend';
import type { RememberedDate } from '../bindings/RememberedDate';
import { t } from '../i18n/index.svelte';

const tag = (locale: Locale) => (locale === 'es' ? 'es' : 'en-US');

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
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A remembered date at its own precision, "about" when approximate. */
export function formatRemembered(d: RememberedDate | null, locale: Locale): string {
  if (!d) return '';
  let text: string;
  if (d.month && d.day) {
    text = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
      utcDay(d.year, d.month, d.day),
    );
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
  const format = new Intl.DateTimeFormat(tag(locale), { month: 'long', timeZone: 'UTC' });
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
  return new Intl.RelativeTimeFormat(tag(locale), { numeric: 'auto' }).format(days, 'day');
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
