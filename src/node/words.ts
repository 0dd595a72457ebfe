import { addLineBreaks as addBreaks } from '../core/line-breaks.ts';
import type { Deck } from '../core/model.ts';
import { words } from '../proofread/segmenter.ts';
import dictionary from '../proofread/terms.json' with { type: 'json' };

/** Offsets in `text` where one word ends and the next begins, as jieba cuts it with its dictionary. */
export function wordBoundaries(text: string): number[] {
  return words(text).map((w) => w.start).filter((start) => start > 0);
}

/**
 * Fixed official terms (the proofreader's dictionary) short enough to stay on one line of any heading:
 * 中国特色社会主义 is one name, though jieba cuts it into three words.
 */
export const WHOLE_TERMS = dictionary.terms.map((t) => t.term).filter((term) => [...term].length <= 12);

/**
 * Gives every heading and key phrase of a deck the places where a line may wrap, between words. The
 * segmenter (jieba, with a dictionary of about 350,000 words) runs only in Node, so it is done here, when
 * the speech is loaded, and the pure renderer and estimate read the result from the model.
 */
export function addLineBreaks(deck: Deck): void {
  addBreaks(deck, wordBoundaries, WHOLE_TERMS);
}
