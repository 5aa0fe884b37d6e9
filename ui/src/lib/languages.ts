// The languages a statement can be written and signed in: those people in
// removal proceedings most often sign in, each with a font the printer
// carries. Names come from the platform (Intl), in the window's language.

export const STATEMENT_LANGUAGES = [
  'es', 'en', 'pt', 'fr', 'ht', 'quc', 'mam', 'vi', 'ru', 'ar', 'fa', 'prs', 'ps', 'ur',
  'zh-Hans', 'zh-Hant', 'pa', 'hi', 'ti', 'am',
] as const;

/** `code`'s name in `locale`, or the code when the platform has none. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
