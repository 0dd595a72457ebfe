/**
 * What the proofreading rules ask of the segmenter: words with their tags, and how the dictionary uses characters
 * and pairs. Pure: the dictionary's bytes and, optionally, a faster cutter are given by the place it runs —
 * segmenter.ts in Node (the file on disk, and jieba), the studio's worker (the dictionary carried in the page, and
 * cut.ts, which cuts as jieba does).
 */
import { cutWords, type Word } from './cut.ts';
import { scanDictionary, type DictionaryLines } from './dictionary-lines.ts';

export type { Word } from './cut.ts';

let readDictionary: (() => Uint8Array) | undefined;
let dictionary: Uint8Array | undefined;
let cutter: ((text: string) => Word[]) | undefined;
let scanned: DictionaryLines | undefined;

/** Gives the dictionary (jieba's dict.txt, `word frequency tag` lines in byte order), read when first needed. */
export function useDictionary(read: () => Uint8Array, cut?: (text: string) => Word[]): void {
  readDictionary = read;
  cutter = cut;
  dictionary = undefined;
  scanned = undefined;
  index = undefined;
  last = undefined;
  withChar.clear();
}

function dict(): Uint8Array {
  if (dictionary) return dictionary;
  if (!readDictionary) throw new Error('the proofreader was given no dictionary');
  return (dictionary = readDictionary());
}

/** The dictionary's lines, for the cutter that runs in any place (cut.ts). */
export function dictionaryLines(): DictionaryLines {
  if (scanned) return scanned;
  const lines = scanDictionary(dict());
  if (!lines) throw new Error('the dictionary is not in byte order');
  return (scanned = lines);
}

/** How often jieba cut a text in this process (tests check that a remembered speech needs no cut). */
export const segmenterCuts = { count: 0 };
/** How often this process read the dictionary into its index (tests check that a kept index needs no read). */
export const dictionaryReads = { count: 0 };

/** How a character is used in the segmenter's dictionary of about 350,000 words with their frequencies. */
export interface CharacterUse {
  /** Frequency of the character as a word of its own. */
  alone: number;
  /** Summed frequency of the longer words that contain it. */
  inWords: number;
}

/**
 * What the rules read of the dictionary, as two flat tables of numbers that a cache can keep byte for byte
 * (node/speech/proofreading-memory.ts), so that a check need not read the 5 MB dictionary each time.
 */
export interface DictionaryIndex {
  /** For each character in the dictionary, by code point: code point, frequency alone, frequency inside longer words. */
  chars: Float64Array;
  /** For each two-character word, by key (`pairKey`): key, frequency, place in the dictionary. */
  pairs: Float64Array;
}

/** Cuts and a dictionary index kept from earlier runs, and told of new ones to keep (see `rememberIn`). */
export interface SegmenterMemory {
  cutOf(text: string): Word[] | undefined;
  cutNow(text: string, cut: Word[]): void;
  index(): DictionaryIndex | undefined;
  indexNow(index: DictionaryIndex): void;
}

let index: DictionaryIndex | undefined;
let memory: SegmenterMemory | undefined;
const withChar = new Map<string, string[]>();
// Several rules cut the same passage in turn; the last cut is kept so it is made once.
let last: { text: string; words: Word[] } | undefined;

/** Reads cuts and the dictionary index from `kept` and tells it of new ones, until called with undefined. */
export function rememberIn(kept: SegmenterMemory | undefined): void {
  memory = kept;
  last = undefined;
}

/** Cuts text into words with tags, as jieba does with its dictionary and without guessing new words. */
export function words(text: string): Word[] {
  if (last?.text === text) return last.words;
  const kept = memory?.cutOf(text);
  if (kept) {
    last = { text, words: kept };
    return kept;
  }
  segmenterCuts.count++;
  const cut = cutter ? cutter(text) : cutWords(dictionaryLines(), text);
  last = { text, words: cut };
  memory?.cutNow(text, cut);
  return cut;
}

/** How often a character stands alone, and how often inside longer words. */
export function characterUse(char: string): CharacterUse {
  const { chars } = load();
  const cp = soleCodePoint(char);
  const at = cp === undefined ? -1 : find(chars, cp);
  return at < 0 ? { alone: 0, inWords: 0 } : { alone: chars[at + 1]!, inWords: chars[at + 2]! };
}

/** Frequency of a two-character word in the dictionary, 0 when it is not a word. */
export function pairFrequency(pair: string): number {
  const { pairs } = load();
  const [first, second, more] = [...pair];
  if (!first || !second || more) return 0;
  const at = find(pairs, pairKey(first.codePointAt(0)!, second.codePointAt(0)!));
  return at < 0 ? 0 : pairs[at + 1]!;
}

/** Two-character dictionary words that contain a character, most frequent first (in dictionary order when equal). */
export function wordsWith(char: string): string[] {
  const { pairs } = load();
  let found = withChar.get(char);
  if (!found) {
    // Asked only for the few characters a check finds standing alone: a scan of the 114,000 pairs each time.
    const cp = soleCodePoint(char);
    const holding: number[] = [];
    for (let at = 0; at < pairs.length; at += STRIDE) {
      const key = pairs[at]!;
      if (Math.floor(key / PAIR_BASE) === cp || key % PAIR_BASE === cp) holding.push(at);
    }
    found = holding
      .sort((x, y) => pairs[y + 1]! - pairs[x + 1]! || pairs[x + 2]! - pairs[y + 2]!)
      .map((at) => String.fromCodePoint(Math.floor(pairs[at]! / PAIR_BASE), pairs[at]! % PAIR_BASE));
    withChar.set(char, found);
  }
  return found;
}

/** Entries of the index tables are three numbers, the first the one they are sorted by. */
const STRIDE = 3;

/** Where the entry for `key` starts in a table, or -1. */
function find(table: Float64Array, key: number): number {
  let low = 0;
  let high = table.length / STRIDE - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = mid * STRIDE;
    const here = table[at]!;
    if (here === key) return at;
    if (here < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The index tables are whole: entries of three numbers, in strictly rising order of their first. */
export function isDictionaryIndex(value: DictionaryIndex): boolean {
  for (const table of [value.chars, value.pairs]) {
    if (table.length % STRIDE || !table.length) return false;
    for (let at = STRIDE; at < table.length; at += STRIDE) if (!(table[at]! > table[at - STRIDE]!)) return false;
  }
  return true;
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
function load(): DictionaryIndex {
  if (index) return index;
  const kept = memory?.index();
  if (kept) return (index = kept);
  dictionaryReads.count++;
  const astral = new Map<number, CharacterUse>();
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
  index = { chars: charTable(counts.alone, counts.inWords, astral), pairs: pairTable(found) };
  memory?.indexNow(index);
  return index;
}

function charTable(alone: Float64Array, inWords: Float64Array, astral: Map<number, CharacterUse>): Float64Array {
  const rows: number[] = [];
  for (let cp = 0; cp < 0x10000; cp++) if (alone[cp] || inWords[cp]) rows.push(cp, alone[cp]!, inWords[cp]!);
  for (const [cp, use] of [...astral].sort((a, b) => a[0] - b[0])) rows.push(cp, use.alone, use.inWords);
  return Float64Array.from(rows);
}

function pairTable(found: Map<number, number>): Float64Array {
  const entries = [...found].map(([key, freq], place) => [key, freq, place] as const).sort((a, b) => a[0] - b[0]);
  const table = new Float64Array(entries.length * STRIDE);
  entries.forEach((entry, i) => table.set(entry, i * STRIDE));
  return table;
}
