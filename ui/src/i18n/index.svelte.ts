// Every visible string of the window comes from the catalogs en.json and
// es.json. Legal terms are written [[term]] (or [[Term]] for a capital
// first letter) and come from the shared glossary, i18n/glossary.json, so
// the window and the printed documents use the same words. A count that
// changes the words around it is written in ICU's plural form, "{n,
// plural, one {# case} other {# cases}}", read by FormatJS's
// intl-messageformat with the language's own plural rules.

import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json';
import es from './es.json';
import glossary from '../../../i18n/glossary.json';
import type { Locale } from '../backend';

export type MessageKey = keyof typeof en;
type Catalog = Record<MessageKey, string>;

export const catalogs: Record<Locale, Catalog> = { en, es: es as Catalog };
export const locales: Locale[] = ['en', 'es'];

type Term = { en: string; es: string; definition_en?: string; definition_es?: string };
const terms = glossary as unknown as Record<string, Term>;

let current = $state<Locale>('en');

export function locale(): Locale {
  return current;
}

export function setLocale(next: Locale): void {
  current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** The glossary term `name` in `lang`; `Name` gives it a capital letter. */
export function term(name: string, lang: Locale = current): string {
  const key = name.charAt(0).toLowerCase() + name.slice(1);
  const entry = terms[key];
  if (!entry) return name;
  const word = entry[lang];
  return name.charAt(0) === name.charAt(0).toUpperCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

/** The glossary's one plain line saying what `name` is, in `lang`; empty
 * for a term it does not explain. */
export function definition(name: string, lang: Locale = current): string {
  const entry = terms[name];
  return (lang === 'es' ? entry?.definition_es : entry?.definition_en) ?? '';
}

/** Glossary keys that have a definition in both languages. */
export function definedTerms(): string[] {
  return glossaryKeys().filter((k) => terms[k].definition_en && terms[k].definition_es);
}

/** The message `key` in the current language, with {placeholders} filled. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  // A key no catalog has (an error code from a newer core) shows as itself.
  return render(catalogs[current][key] ?? catalogs.en[key] ?? key, current, params);
}

/** The message `key` in a given language (the first-start notice shows both). */
export function tIn(
  lang: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return render(catalogs[lang][key], lang, params);
}

function render(template: string, lang: Locale, params: Record<string, string | number>): string {
  const text = template.replace(/\[\[(\w+)\]\]/g, (_, name: string) => term(name, lang));
  if (text.includes(', plural,')) return plural(text, lang, params);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const formats = new Map<string, IntlMessageFormat>();

function plural(text: string, lang: Locale, params: Record<string, string | number>): string {
  const key = `${lang}\u0000${text}`;
  let format = formats.get(key);
  if (!format) {
    // Messages are plain text: no apostrophe escapes, no markup.
    format = new IntlMessageFormat(text, lang, undefined, { ignoreTag: true });
    formats.set(key, format);
  }
  return String(format.format(params));
}

/** Glossary keys a catalog refers to, for the catalog tests. */
export function glossaryKeys(): string[] {
  return Object.keys(terms).filter((k) => !k.startsWith('_'));
}
