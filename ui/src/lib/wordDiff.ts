// Which words of two versions of a text differ, so that a long paragraph's
// change can be seen without reading both word by word: the words outside
// their longest common sequence are marked. Texts too long to compare
// quickly come back unmarked.

export type Piece = { text: string; changed: boolean };

/** The most word pairs compared (about 2,000 words by 2,000). */
const MAX_CELLS = 4_000_000;

export function wordDiff(here: string, theirs: string): { here: Piece[]; theirs: Piece[] } {
  const a = here.split(/(\s+)/).filter((w) => w !== '');
  const b = theirs.split(/(\s+)/).filter((w) => w !== '');
  if (a.length * b.length > MAX_CELLS) {
    return { here: [{ text: here, changed: false }], theirs: [{ text: theirs, changed: false }] };
  }
  // lengths[i][j]: the longest common sequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const inA = new Array<boolean>(a.length).fill(false);
  const inB = new Array<boolean>(b.length).fill(false);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return { here: pieces(a, inA), theirs: pieces(b, inB) };
}

/**
 * Runs of words, marked when outside the common sequence; the space between
 * two marked words is marked with them, any other space is not.
 */
function pieces(words: string[], common: boolean[]): Piece[] {
  const space = (k: number) => words[k].trim() === '';
  const marked = (k: number) => k >= 0 && k < words.length && !space(k) && !common[k];
  const out: Piece[] = [];
  words.forEach((text, k) => {
    const changed = space(k) ? marked(k - 1) && marked(k + 1) : !common[k];
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += text;
    else out.push({ text, changed });
  });
  return out;
}
