import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// jieba and its 5 MB dictionary load on the first cut, not with this module: a build whose cuts are all
// remembered (node/words.ts) never needs them, and loading them costs about a quarter of a second.
const require = createRequire(import.meta.url);
let dictionary: Uint8Array | undefined;
// The dictionary file itself: the package's dict.js would also read its 6 MB table of keyword weights, unused here.
const dict = (): Uint8Array => (dictionary ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt')));

/** How often jieba cut a text in this process (tests check that a remembered speech needs no cut). */
export const segmenterCuts = { count: 0 };

/** A word as the segmenter cut it, with its part-of-speech tag and where it starts in the text. */
export interface Word {
  word: string;
  tag: string;
  start: number;
}

/** How a character is used in the segmenter's dictionary of about 350,000 words with their frequencies. */
export interface CharacterUse {
  /** Frequency of the character as a word of its own. */
  alone: number;
  /** Summed frequency of the longer words that contain it. */
  inWords: number;
}

let jieba: Jieba | undefined;
/** Per character of the Basic Multilingual Plane (by its UTF-16 code): how often alone, how often in longer words. */
let alone: Float64Array | undefined;
let inWords: Float64Array | undefined;
/** The same for the few characters beyond it, by code point. */
const astral = new Map<number, CharacterUse>();
/** Two-character words (by `pairKey`) and their frequencies, in the dictionary's order. */
let pairs: Map<number, number> | undefined;
const withChar = new Map<string, string[]>();
// Several rules cut the same block in turn; the last cut is kept so it is made once.
let last: { text: string; words: Word[] } | undefined;

/** Cuts text into words with tags, using jieba's dictionary without guessing new words. */
export function words(text: string): Word[] {
  if (last?.text === text) return last.words;
  segmenterCuts.count++;
  if (!jieba) {
    jieba = (require('@node-rs/jieba') as typeof import('@node-rs/jieba')).Jieba.withDict(dict());
  }
  let start = 0;
  const cut = jieba.tag(text, false).map(({ word, tag }) => {
    // Words come back in order and cover the text; indexOf only guards against a changed form.
    const at = text.startsWith(word, start) ? start : Math.max(start, text.indexOf(word, start));
    start = at + word.length;
    return { word, tag, start: at };
  });
  last = { text, words: cut };
  return cut;
}

/** How often a character stands alone, and how often inside longer words. */
export function characterUse(char: string): CharacterUse {
  load();
  const cp = soleCodePoint(char);
  if (cp === undefined) return { alone: 0, inWords: 0 };
  if (cp < 0x10000) return { alone: alone![cp]!, inWords: inWords![cp]! };
  return { ...(astral.get(cp) ?? { alone: 0, inWords: 0 }) };
}

/** Frequency of a two-character word in the dictionary, 0 when it is not a word. */
export function pairFrequency(pair: string): number {
  load();
  const [first, second, more] = [...pair];
  if (!first || !second || more) return 0;
  return pairs!.get(pairKey(first.codePointAt(0)!, second.codePointAt(0)!)) ?? 0;
}

/** Two-character dictionary words that contain a character, most frequent first. */
export function wordsWith(char: string): string[] {
  load();
  let found = withChar.get(char);
  if (!found) {
    // Asked only for the few characters a check finds standing alone: a scan of the 114,000 pairs each time.
    const cp = soleCodePoint(char);
    const holding: Array<[string, number]> = [];
    for (const [key, freq] of pairs!) {
      const first = Math.floor(key / PAIR_BASE);
      const second = key % PAIR_BASE;
      if (first === cp || second === cp) holding.push([String.fromCodePoint(first, second), freq]);
    }
    found = holding.sort((x, y) => y[1] - x[1]).map(([w]) => w);
    withChar.set(char, found);
  }
  return found;
}

/** The code point of a one-character string, else undefined. */
function soleCodePoint(char: string): number | undefined {
  const cp = char.codePointAt(0);
  return cp !== undefined && char.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

/** Two code points as one number (below 2^42, exact in a double): a pair's key with no string made. */
const PAIR_BASE = 0x110000;
const pairKey = (first: number, second: number) => first * PAIR_BASE + second;

const SPACE = 0x20;
const LINE_END = 0x0a;

/**
 * Reads the dictionary's 350,000 lines (`word frequency tag`, UTF-8) once into what the rules ask of it: one
 * pass over the bytes, each word's characters decoded as it goes, counts kept in arrays by code and pairs keyed by
 * number, so that no string is made at all. The first check of a process waits for this.
 */
function load(): void {
  if (pairs) return;
  const counts = { alone: new Float64Array(0x10000), inWords: new Float64Array(0x10000) };
  const found = new Map<number, number>();
  const bytes = dict();
  const end = bytes.length;
  let word = new Int32Array(64);
  for (let i = 0; i < end; ) {
    // The word: its code points, decoded from UTF-8.
    let length = 0;
    while (i < end && bytes[i] !== SPACE && bytes[i] !== LINE_END) {
      const lead = bytes[i]!;
      const size = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
      let cp = size === 1 ? lead : lead & (0xff >> (size + 1));
      for (let k = 1; k < size; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
      if (length === word.length) word = Int32Array.from({ length: length * 2 }, (_, k) => word[k] ?? 0);
      word[length++] = cp;
      i += size;
    }
    // Its frequency: the digits after the first space.
    let freq = 0;
    if (bytes[i] === SPACE) {
      const from = ++i;
      let digits = true;
      while (i < end && bytes[i] !== SPACE && bytes[i] !== LINE_END) {
        const b = bytes[i++]!;
        if (b >= 0x30 && b <= 0x39) freq = freq * 10 + (b - 0x30);
        else digits = false;
      }
      if (!digits) freq = Number(new TextDecoder().decode(bytes.subarray(from, i))) || 0;
    }
    while (i < end && bytes[i] !== LINE_END) i++;
    i++;
    if (!length) continue;
    if (length === 2) found.set(pairKey(word[0]!, word[1]!), freq);
    next: for (let k = 0; k < length; k++) {
      const cp = word[k]!;
      for (let j = 0; j < k; j++) if (word[j] === cp) continue next;
      if (cp < 0x10000) {
        const table = length === 1 ? counts.alone : counts.inWords;
        table[cp] = table[cp]! + freq;
      } else {
        const use = astral.get(cp) ?? { alone: 0, inWords: 0 };
        if (length === 1) use.alone += freq;
        else use.inWords += freq;
        astral.set(cp, use);
      }
    }
  }
  alone = counts.alone;
  inWords = counts.inWords;
  pairs = found;
}
