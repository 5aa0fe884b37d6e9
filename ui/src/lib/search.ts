// A search snippet marks each matched word between two private-use
// characters (amparo_core::MATCH_START and MATCH_END); the window turns
// them into <mark> elements without ever reading the text as HTML.

const START = '\u{E000}';
const END = '\u{E001}';

export type SnippetPart = { text: string; match: boolean };

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet.replace(/\n+/g, ' · ');
  while (rest.length > 0) {
    const start = rest.indexOf(START);
    if (start < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(END, start + 1);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts;
}
