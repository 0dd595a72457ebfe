import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

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
// Several rules cut the same block in turn; the last cut is kept so it is made once.
let last: { text: string; words: Word[] } | undefined;

/** Cuts text into words with tags, using jieba's dictionary without guessing new words. */
export function words(text: string): Word[] {
  if (last?.text === text) return last.words;
  jieba ??= Jieba.withDict(dict);
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
    found = [...pairs!].filter(([w]) => w.includes(char)).sort((a, b) => b[1] - a[1]).map(([w]) => w);
    withChar.set(char, found);
  }
  return found;
}

function load(): void {
  if (uses && pairs) return;
  uses = new Map();
  pairs = new Map();
  for (const entry of new TextDecoder().decode(dict).split('\n')) {
    const [word, count] = entry.split(' ');
    if (!word) continue;
    const freq = Number(count) || 0;
    const chars = [...word];
    if (chars.length === 2) pairs.set(word, freq);
    for (const char of new Set(chars)) {
      const use = uses.get(char) ?? { alone: 0, inWords: 0 };
      if (chars.length === 1) use.alone += freq;
      else use.inWords += freq;
      uses.set(char, use);
    }
  }
}
