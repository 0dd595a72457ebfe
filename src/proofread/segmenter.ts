import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

// jieba and its 5 MB dictionary load on the first cut, not with this module: a build whose cuts are all
// remembered (node/words.ts) never needs them, and loading them costs about a quarter of a second.
const require = createRequire(import.meta.url);
let dictionary: Uint8Array | undefined;
const dict = (): Uint8Array => (dictionary ??= (require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js')).dict);

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
let uses: Map<string, CharacterUse> | undefined;
let pairs: Map<string, number> | undefined;
const withChar = new Map<string, string[]>();
/** The two-character words holding each character, with their frequencies, in the dictionary's order. */
let pairsWith: Map<string, Array<[string, number]>> | undefined;
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
  return uses!.get(char) ?? { alone: 0, inWords: 0 };
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
    found = (pairsWith!.get(char) ?? []).sort((a, b) => b[1] - a[1]).map(([w]) => w);
    withChar.set(char, found);
  }
  return found;
}

/**
 * Reads the dictionary's 350,000 lines (`word frequency tag`) once into what the rules ask of it. One pass over
 * the text by offsets, with no array or set made per line: the first check of a process waits for this.
 */
function load(): void {
  if (uses && pairs) return;
  uses = new Map();
  pairs = new Map();
  const text = new TextDecoder().decode(dict());
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let wordEnd = text.indexOf(' ', start);
    if (wordEnd < 0 || wordEnd > end) wordEnd = end;
    if (wordEnd > start) {
      let countEnd = text.indexOf(' ', wordEnd + 1);
      if (countEnd < 0 || countEnd > end) countEnd = end;
      const freq = Number(text.slice(wordEnd + 1, countEnd)) || 0;
      const word = text.slice(start, wordEnd);
      // Words are CJK characters of the Basic Multilingual Plane but for a few: those go the slow, exact way.
      const chars = /[\ud800-\udfff]/.test(word) ? [...word] : word;
      if (chars.length === 2) pairs.set(word, freq);
      for (let i = 0; i < chars.length; i++) {
        const char = chars[i]!;
        if (chars.indexOf(char) < i) continue;
        const use = uses.get(char);
        if (use) {
          if (chars.length === 1) use.alone += freq;
          else use.inWords += freq;
        } else uses.set(char, chars.length === 1 ? { alone: freq, inWords: 0 } : { alone: 0, inWords: freq });
      }
    }
    start = end + 1;
  }
  pairsWith = new Map();
  for (const pair of pairs) {
    const [first, second] = [...pair[0]];
    for (const char of first === second ? [first!] : [first!, second!]) {
      const list = pairsWith.get(char);
      if (list) list.push(pair);
      else pairsWith.set(char, [pair]);
    }
  }
}
