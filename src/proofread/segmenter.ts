import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { dictionaryFor, scanDictionary, type DictionaryLines } from './dictionary-lines.ts';
import { useDictionary, type Word } from './lexicon.ts';

export * from './lexicon.ts';

// jieba and its 5 MB dictionary load on the first cut, not with this module: a command whose cuts are all
// remembered (node/speech/words.ts, node/speech/proofreading-memory.ts) never needs them.
const require = createRequire(import.meta.url);
let dictionary: Uint8Array | undefined;
// The dictionary file itself: the package's dict.js would also read its 6 MB table of keyword weights, unused here.
const dict = (): Uint8Array => (dictionary ??= readFileSync(require.resolve('@node-rs/jieba/dict.txt')));

let jieba: Jieba | undefined;
let lines: DictionaryLines | null | undefined;
/**
 * A jieba that cuts `text` as jieba with the whole dictionary does: one built from the dictionary's words that
 * occur in the text (dictionary-lines.ts), in a fraction of the time; or, for the texts after the first few hundred
 * or were the dictionary file not in the order that needs, one built from all of it, once.
 */
function jiebaFor(text: string): Jieba {
  if (jieba) return jieba;
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  if (lines === undefined) lines = scanDictionary(dict()) ?? null;
  // Each small dictionary costs about half a millisecond: past a few hundred texts (a long speech not seen before),
  // the whole dictionary, built once, is the quicker.
  if (!lines || ++smallDictionaries > SMALL_DICTIONARIES) return (jieba = Jieba.withDict(dict()));
  return Jieba.withDict(dictionaryFor(lines, text));
}

const SMALL_DICTIONARIES = 200;
let smallDictionaries = 0;

/** jieba's cut with tags and each word's place in the text (the pure cut.ts gives the same; test/cut.test.ts). */
function jiebaWords(text: string): Word[] {
  let start = 0;
  return jiebaFor(text)
    .tag(text, false)
    .map(({ word, tag }) => {
      // Words come back in order and cover the text; indexOf only guards against a changed form.
      const at = text.startsWith(word, start) ? start : Math.max(start, text.indexOf(word, start));
      start = at + word.length;
      return { word, tag, start: at };
    });
}

/** Puts the proofreader on the dictionary file and jieba, as this module does when it is loaded. */
export function useNodeSegmenter(): void {
  useDictionary(dict, jiebaWords);
}

useNodeSegmenter();
