// The words that differ between two versions of a paragraph are the ones
// marked; the rest reads as it is.
import { describe, expect, it } from 'vitest';
import { wordDiff } from '../src/lib/wordDiff';

const marked = (pieces: { text: string; changed: boolean }[]) =>
  pieces.filter((p) => p.changed).map((p) => p.text);

describe('word differences', () => {
  it('marks only the words that changed, on each side', () => {
    const d = wordDiff(
      'Se tatuó las coronas cuando tenía doce años, por sus padres.',
      'Se tatuó las coronas a los doce años, en Capacho, por sus padres.',
    );
    expect(marked(d.here)).toEqual(['cuando tenía']);
    expect(marked(d.theirs)).toEqual(['a los', 'en Capacho,']);
    expect(d.here.map((p) => p.text).join('')).toBe('Se tatuó las coronas cuando tenía doce años, por sus padres.');
  });

  it('marks nothing in equal texts and everything in an empty one', () => {
    expect(marked(wordDiff('igual', 'igual').here)).toEqual([]);
    expect(marked(wordDiff('', 'nuevo texto').theirs)).toEqual(['nuevo texto']);
  });

  it('leaves very long texts unmarked rather than freeze the window', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `palabra${i}`).join(' ');
    const d = wordDiff(long, long + ' más');
    expect(d.here).toEqual([{ text: long, changed: false }]);
  });
});
