import type { Token } from 'markdown-it';
import { asRead, type ReadMarkdown } from '../core/read.ts';
import type { Passage } from './finding.ts';

// Inline code and link addresses are not prose; blanking them keeps columns right.
const NOT_PROSE = [/`+[^`\n]*`+/g, /\]\([^)\n]*\)/g, /<[a-z][a-z0-9+.-]*:[^>\s]*>/gi];
const BLANK = '\uE000';

/** The prose of a speech (its text or its Markdown as already read) as passages of source lines: headings, paragraphs and list items, not front matter or code. */
export function prosePassages(speech: string | ReadMarkdown): Passage[] {
  const { front, lines, tokens } = asRead(speech);
  const seen = new Set<number>();
  const passages: Passage[] = [];
  for (const token of tokens) {
    const range = proseRange(token);
    if (!range || seen.has(range[0])) continue;
    seen.add(range[0]);
    passages.push({ text: blank(lines.slice(range[0], range[1]).join('\n')), line: range[0] + front.bodyOffset + 1 });
  }
  return passages;
}

function proseRange(token: Token): [number, number] | undefined {
  return token.type === 'inline' && token.map ? [token.map[0], token.map[1]] : undefined;
}

function blank(text: string): string {
  return NOT_PROSE.reduce((t, pattern) => t.replace(pattern, (m) => BLANK.repeat(m.length)), text);
}
