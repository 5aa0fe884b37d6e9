// A print check in the user's language. The core names a missing caption
// part by its field; the sentence names it in words.
import type { PrintCheck } from '../bindings/PrintCheck';
import { t, type MessageKey } from '../i18n/index.svelte';

export function checkMessage(c: PrintCheck): string {
  const subject =
    c.code === 'captionIncomplete' ? t(`captionPart.${c.subject}` as MessageKey) : c.subject;
  return t(`check.${c.code}` as MessageKey, {
    letter: c.letters[0] ?? '',
    other: c.letters[1] ?? '',
    letters: c.letters.join(', '),
    paragraphs: c.paragraphs.join(', '),
    subject,
  });
}
