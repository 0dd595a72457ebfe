/**
 * jieba's exact cut without its guessing model, in TypeScript, over the dictionary's own lines (dictionary-lines.ts),
 * so that the studio page cuts a text as the CLI does, with nothing but the dictionary file:
 *
 * - the text is split into blocks of Chinese characters, Latin letters, digits and `+#&._%-`; any other character is
 *   a word of its own (a line end `\r\n` one word);
 * - within a block, every dictionary word that starts at each character is an edge of a graph, and the cut is the
 *   path through it whose words' log frequencies (over the dictionary's total) add up highest, the longer word first
 *   on a tie; a character that starts no word is a word of its own, with frequency 1;
 * - single Latin letters and digits left next to each other are joined into one word;
 * - a word's tag is its dictionary line's; a word not in the dictionary is `m` (all digits), `eng` (with letters)
 *   or `x`.
 *
 * Pure: the same code runs in Node and in a browser's worker; test/cut.test.ts holds it to @node-rs/jieba.
 */
import type { DictionaryLines } from './dictionary-lines.ts';

/** A word as the segmenter cut it, with its part-of-speech tag and where it starts in the text. */
export interface Word {
  word: string;
  tag: string;
  start: number;
}

const BLOCK =
  /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{2CEB0}-\u{2EBEF}\u{2F800}-\u{2FA1F}a-zA-Z0-9+#&._%-]+/gu;
const SKIP = /\r\n|\s/gu;
const SPACE = 0x20;
const LINE_END = 0x0a;
const encoder = new TextEncoder();

/** Cuts `text` into words with tags, as jieba does with the dictionary of `lines` and its guessing model off. */
export function cutWords(lines: DictionaryLines, text: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  for (const match of text.matchAll(BLOCK)) {
    if (match.index > last) cutOther(lines, text, last, match.index, words);
    cutBlock(lines, match[0], match.index, words);
    last = match.index + match[0].length;
  }
  if (last < text.length) cutOther(lines, text, last, text.length, words);
  return words;
}

/** Text outside the blocks: each line end or space one word, and every other character one word. */
function cutOther(lines: DictionaryLines, text: string, from: number, to: number, words: Word[]): void {
  const piece = text.slice(from, to);
  let last = 0;
  const single = (end: number) => {
    for (const char of piece.slice(last, end)) {
      words.push({ word: char, tag: tagOf(lines, char), start: from + last });
      last += char.length;
    }
  };
  for (const match of piece.matchAll(SKIP)) {
    single(match.index);
    words.push({ word: match[0], tag: tagOf(lines, match[0]), start: from + match.index });
    last = match.index + match[0].length;
  }
  single(piece.length);
}

/** A block cut along the most probable path of dictionary words. */
function cutBlock(lines: DictionaryLines, block: string, from: number, words: Word[]): void {
  const bytes = encoder.encode(block);
  const size = bytes.length;
  const { unitAt, score, next, chosen } = buffers(size + 1);
  // For each byte that starts a character, where it is in the block's UTF-16 text; and one past the end.
  const charStarts: number[] = [];
  for (let b = 0, u = 0; b < size; ) {
    unitAt[b] = u;
    charStarts.push(b);
    const lead = bytes[b]!;
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    b += length;
    u += length === 4 ? 2 : 1;
  }
  unitAt[size] = block.length;
  score[size] = 0;
  const logTotal = Math.log(lines.total);
  const ends: number[] = [];
  const found: number[] = [];
  for (let c = charStarts.length - 1; c >= 0; c--) {
    const start = charStarts[c]!;
    ends.length = 0;
    found.length = 0;
    wordsFrom(lines, bytes, start, ends, found);
    if (!ends.length) {
      const end = c + 1 < charStarts.length ? charStarts[c + 1]! : size;
      score[start] = -logTotal + score[end]!;
      next[start] = end;
      chosen[start] = -1;
      continue;
    }
    let best = -Infinity;
    let bestEnd = -1;
    let bestLine = -1;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k]!;
      const value = Math.log(freqOf(lines, found[k]!)) - logTotal + score[end]!;
      // Edges come shortest first: on a tie the longer word wins, as jieba's comparison of (score, end) gives.
      if (value >= best) {
        best = value;
        bestEnd = end;
        bestLine = found[k]!;
      }
    }
    score[start] = best;
    next[start] = bestEnd;
    chosen[start] = bestLine;
  }
  const push = (a: number, b: number, line = -1) => {
    const word = block.slice(unitAt[a], unitAt[b]);
    words.push({ word, tag: line >= 0 ? tagAt(lines, line) : tagOf(lines, word), start: from + unitAt[a]! });
  };
  let left = -1;
  for (let x = 0; x < size; ) {
    const y = next[x]!;
    const lone = y - x === 1 && isAsciiAlnum(bytes[x]!);
    if (lone) {
      if (left < 0) left = x;
    } else {
      if (left >= 0) push(left, x);
      left = -1;
      push(x, y, chosen[x]! >= 0 && next[x] === y ? chosen[x] : -1);
    }
    x = y;
  }
  if (left >= 0) push(left, size);
}

/** Work arrays kept between blocks (a speech has thousands), grown to the longest block. */
let kept = { unitAt: new Int32Array(0), score: new Float64Array(0), next: new Int32Array(0), chosen: new Int32Array(0) };

function buffers(size: number): typeof kept {
  if (kept.unitAt.length < size) {
    const n = Math.max(size, kept.unitAt.length * 2, 1024);
    kept = { unitAt: new Int32Array(n), score: new Float64Array(n), next: new Int32Array(n), chosen: new Int32Array(n) };
  }
  return kept;
}

function isAsciiAlnum(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** The ends of the dictionary words that start at `at` in `bytes`, shortest first, and their lines. */
function wordsFrom(lines: DictionaryLines, bytes: Uint8Array, at: number, ends: number[], found: number[]): void {
  const lead = bytes[at]!;
  const length = Math.min(lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2, bytes.length - at);
  // The lines that start with the first character, found once per character and kept.
  let key = 0;
  for (let k = 0; k < length; k++) key = key * 256 + bytes[at + k]!;
  let first = firstChar.get(lines)?.get(key);
  if (!first) {
    first = narrow(lines, bytes, at, 0, length, 0, lines.starts.length - 1, [], []);
    if (!firstChar.has(lines)) firstChar.set(lines, new Map());
    firstChar.get(lines)!.set(key, first);
  }
  if (first.found >= 0) {
    ends.push(at + length);
    found.push(first.found);
  }
  if (first.lo < first.hi) narrow(lines, bytes, at, length, bytes.length - at, first.lo, first.hi, ends, found);
}

const firstChar = new WeakMap<DictionaryLines, Map<number, { lo: number; hi: number; found: number }>>();

/**
 * Narrows [lo, hi), the lines whose words share the bytes of `bytes` from `at` up to `at + from`, byte by byte up
 * to `at + to`, noting each line whose word ends there; returns the range left and the last line noted.
 */
function narrow(lines: DictionaryLines, bytes: Uint8Array, at: number, from: number, to: number, lo: number, hi: number, ends: number[], found: number[]) {
  const { bytes: dict, starts, wordLengths } = lines;
  let last = -1;
  for (let k = from; k < to; k++) {
    const b = bytes[at + k]!;
    // Within [lo, hi) every line's word shares the first k bytes; shorter words sort first.
    let a = lo;
    let z = hi;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if ((k < wordLengths[mid]! ? dict[starts[mid]! + k]! : -1) >= b) z = mid;
      else a = mid + 1;
    }
    lo = a;
    z = hi;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if ((k < wordLengths[mid]! ? dict[starts[mid]! + k]! : -1) > b) z = mid;
      else a = mid + 1;
    }
    hi = a;
    if (lo >= hi) break;
    if (wordLengths[lo] === k + 1) {
      ends.push(at + k + 1);
      found.push(lo);
      last = lo;
    }
  }
  return { lo, hi, found: last };
}

/** The line of a word in the dictionary, or -1. */
export function lineOf(lines: DictionaryLines, word: string): number {
  const bytes = encoder.encode(word);
  const found: number[] = [];
  const ends: number[] = [];
  wordsFrom(lines, bytes, 0, ends, found);
  return ends.at(-1) === bytes.length ? found.at(-1)! : -1;
}

/** The frequency on a line. */
export function freqOf(lines: DictionaryLines, line: number): number {
  const { bytes } = lines;
  let freq = 0;
  for (let i = lines.starts[line]! + lines.wordLengths[line]! + 1; bytes[i]! >= 0x30 && bytes[i]! <= 0x39; i++) freq = freq * 10 + (bytes[i]! - 0x30);
  return freq;
}

const tags = new WeakMap<DictionaryLines, { byLine: Map<number, string>; byWord: Map<string, string> }>();

function tagsOf(lines: DictionaryLines) {
  let found = tags.get(lines);
  if (!found) tags.set(lines, (found = { byLine: new Map(), byWord: new Map() }));
  return found;
}

/** The tag on a line (after its word and frequency), empty when it has none. */
function tagAt(lines: DictionaryLines, line: number): string {
  const { byLine } = tagsOf(lines);
  let tag = byLine.get(line);
  if (tag === undefined) byLine.set(line, (tag = readTag(lines, line)));
  return tag;
}

function readTag(lines: DictionaryLines, line: number): string {
  const { bytes } = lines;
  let i = lines.starts[line]! + lines.wordLengths[line]! + 1;
  while (bytes[i]! >= 0x30 && bytes[i]! <= 0x39) i++;
  while (bytes[i] === SPACE) i++;
  let tag = '';
  for (; i < bytes.length && bytes[i] !== LINE_END && bytes[i] !== SPACE && bytes[i] !== 0x0d; i++) tag += String.fromCharCode(bytes[i]!);
  return tag;
}

/** A word's tag: its dictionary line's, else `x`, `m` (digits only) or `eng` (with Latin letters). */
function tagOf(lines: DictionaryLines, word: string): string {
  const { byWord } = tagsOf(lines);
  let tag = byWord.get(word);
  if (tag === undefined) byWord.set(word, (tag = lookUpTag(lines, word)));
  return tag;
}

function lookUpTag(lines: DictionaryLines, word: string): string {
  const line = lineOf(lines, word);
  if (line >= 0) return tagAt(lines, line);
  let letters = 0;
  let digits = 0;
  for (const char of word) {
    if (/^[0-9]$/.test(char)) digits++;
    else if (/^[a-zA-Z]$/.test(char)) letters++;
  }
  return letters + digits === 0 ? 'x' : letters === 0 ? 'm' : 'eng';
}
