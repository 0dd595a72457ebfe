/**
 * Words, for the importer's key phrases and for where headings may wrap: cut as the CLI cuts them, with jieba's
 * dictionary (carried in the page) and its exact cut written in TypeScript (proofread/cut.ts), so that the studio
 * drafts the same phrases and breaks the same lines as `speech-deck import` and `build`. Used in the speech
 * worker, which is given the dictionary (speech-worker.ts).
 */
import { words } from '../proofread/lexicon.ts';

/** The text cut into words (every character in exactly one), as the importer's segmenter. */
export function segment(text: string): string[] {
  return words(text).map((w) => w.word);
}

/** Offsets in `text` where one word ends and the next begins. */
export function wordBoundaries(text: string): number[] {
  return words(text)
    .map((w) => w.start)
    .filter((start) => start > 0);
}
