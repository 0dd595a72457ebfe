import { hit, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '「': '」', '『': '』' };
const NESTING = 8;
const CLOSERS = new Map(Object.entries(OPENERS).map(([open, close]) => [close, open]));

/** Paired punctuation (“” ‘’ 《》 （） 【】) must open and close within a paragraph, in order. */
export const pairs: Rule = { name: 'pairs', check };

function* check(passage: Passage): Generator<Hit> {
  const open: { char: string; at: number }[] = [];
  const chars = passage.text;
  for (let at = 0; at < chars.length; at++) {
    const char = chars[at]!;
    if (OPENERS[char]) open.push({ char, at });
    else if (CLOSERS.has(char) && !isApostrophe(chars, at)) {
      const expected = CLOSERS.get(char)!;
      const match = lastOpener(open, expected);
      if (match < 0) yield unopened(at, char, expected);
      else for (const stray of open.splice(match).slice(1)) yield unclosed(stray.at, stray.char);
    }
  }
  for (const o of open) yield unclosed(o.at, o.char);
}

// Quotes nest only a few deep; looking further back would only pair unrelated marks.
function lastOpener(open: { char: string }[], char: string): number {
  for (let i = open.length - 1; i >= Math.max(0, open.length - NESTING); i--) if (open[i]!.char === char) return i;
  return -1;
}

// ’ between Latin letters is an apostrophe (don’t), not a closing quote.
function isApostrophe(text: string, at: number): boolean {
  return text[at] === '’' && /[A-Za-z]/.test(text[at - 1] ?? '') && /[A-Za-z]/.test(text[at + 1] ?? '');
}

function unopened(at: number, char: string, expected: string): Hit {
  return hit(at, 'error', FINDINGS.closesNothing, ADVICE.addOpening, { char, expected });
}

function unclosed(at: number, char: string): Hit {
  return hit(at, 'error', FINDINGS.neverClosed, ADVICE.addClosing, { char, close: OPENERS[char]! });
}
