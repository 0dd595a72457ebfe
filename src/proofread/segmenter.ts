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
/** The same for the few characters beyond it. */
const astral = new Map<string, CharacterUse>();
let pairs: Map<string, number> | undefined;
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
  if (char.length === 1) return { alone: alone![char.charCodeAt(0)]!, inWords: inWords![char.charCodeAt(0)]! };
  return astral.get(char) ?? { alone: 0, inWords: 0 };
}

/** Frequency of a two-character word in the dictionary, 0 when it is not a word. */
export function pairFrequency(pair: string): number {
  load();
  return pairs!.get(pair) ?? 0;
}

/** Two-character dictionary words that contain a character, most frequent first. */
export function wordsWith(char: string): string[] {
  load();
  let found = withChar.get(char);
  if (!found) {
    // Asked only for the few characters a check finds standing alone: a scan of the 114,000 pairs each time.
    const holding: Array<[string, number]> = [];
    for (const pair of pairs!) if (pair[0].includes(char)) holding.push(pair);
    found = holding.sort((x, y) => y[1] - x[1]).map(([w]) => w);
    withChar.set(char, found);
  }
  return found;
}

const SPACE = 0x20;
const LINE_END = 0x0a;

/**
 * Reads the dictionary's 350,000 lines (`word frequency tag`) once into what the rules ask of it: one pass over
 * the text by character codes, counts kept in arrays by code, no string made but for the two-character words.
 * The first check of a process waits for this.
 */
function load(): void {
  if (pairs) return;
  alone = new Float64Array(0x10000);
  inWords = new Float64Array(0x10000);
  pairs = new Map();
  const text = new TextDecoder().decode(dict());
  const end = text.length;
  for (let i = 0; i < end; ) {
    const start = i;
    let surrogates = false;
    for (let c = text.charCodeAt(i); i < end && c !== SPACE && c !== LINE_END; c = text.charCodeAt(++i)) {
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    }
    const wordEnd = i;
    let freq = 0;
    if (text.charCodeAt(i) === SPACE) {
      const from = ++i;
      while (i < end && text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== LINE_END) i++;
      freq = Number(text.slice(from, i)) || 0;
    }
    while (i < end && text.charCodeAt(i) !== LINE_END) i++;
    i++;
    if (wordEnd === start) continue;
    if (surrogates) {
      countSlowly(text.slice(start, wordEnd), freq);
      continue;
    }
    const length = wordEnd - start;
    if (length === 2) pairs.set(text.slice(start, wordEnd), freq);
    next: for (let k = start; k < wordEnd; k++) {
      const c = text.charCodeAt(k);
      for (let j = start; j < k; j++) if (text.charCodeAt(j) === c) continue next;
      const counts = length === 1 ? alone : inWords;
      counts[c] = counts[c]! + freq;
    }
  }
}

/** A word with characters beyond the Basic Multilingual Plane, counted by code points. */
function countSlowly(word: string, freq: number): void {
  const chars = [...word];
  if (chars.length === 2) pairs!.set(word, freq);
  for (const char of new Set(chars)) {
    if (char.length === 1) {
      const counts = chars.length === 1 ? alone! : inWords!;
      counts[char.charCodeAt(0)] = counts[char.charCodeAt(0)]! + freq;
      continue;
    }
    const use = astral.get(char) ?? { alone: 0, inWords: 0 };
    if (chars.length === 1) use.alone += freq;
    else use.inWords += freq;
    astral.set(char, use);
  }
}
