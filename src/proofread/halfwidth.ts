import { hit, isHan, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';

// `一.` at the start of a heading or line: Chinese enumerators take `、`.
const ENUMERATOR = /^[#\s>*+-]*[一二三四五六七八九十]+\.$/u;
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };

/** Half-width punctuation (, ; : ? ! ( ) . ") next to Chinese characters should be the full-width form. */
export const halfwidth: Rule = { name: 'halfwidth', check };

function* check(passage: Passage): Generator<Hit> {
  const text = passage.text;
  let quotes = 0;
  let lineStart = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') lineStart = at + 1;
    const before = text[at - 1];
    const after = text[at + 1];
    if (char === '"') {
      quotes++;
      if (isHan(before) || isHan(after)) yield found(at, char, quotes % 2 ? '“' : '”');
    } else if (char === '.' && isHan(before) && text.startsWith('...', at)) {
      yield found(at, '...', '……');
      at += 2;
    } else if (char === '.' && at - lineStart < 12 && ENUMERATOR.test(text.slice(lineStart, at + 1))) {
      yield found(at, char, '、');
    } else if (FULL[char] && inChinese(char, before, after)) {
      yield found(at, char, FULL[char]!);
    }
  }
}

function inChinese(char: string, before: string | undefined, after: string | undefined): boolean {
  // A full stop after a Chinese character ends a sentence only at a space, the line's end or more Chinese.
  if (char === '.') return isHan(before) && (after === undefined || /\s/.test(after) || isHan(after));
  if (char === '(') return isHan(before) || isHan(after);
  if (char === ')') return isHan(before) || isHan(after);
  return isHan(before);
}

function found(at: number, char: string, full: string): Hit {
  return hit(at, 'warning', FINDINGS.halfWidth, ADVICE.fullWidth, { char, full });
}
