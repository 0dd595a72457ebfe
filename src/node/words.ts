import type { Deck, Inline } from '../core/model.ts';
import { lineBreaks } from '../core/wrap.ts';
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
const WHOLE_TERMS = dictionary.terms.map((t) => t.term).filter((term) => [...term].length <= 12);

/** Word boundaries, less those inside a fixed official term. */
function boundariesOutsideTerms(text: string): number[] {
  const inside = new Set<number>();
  for (const term of WHOLE_TERMS) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      for (let i = at + 1; i < at + term.length; i++) inside.add(i);
    }
  }
  return wordBoundaries(text).filter((b) => !inside.has(b));
}

/**
 * Gives every heading and key phrase of a deck the places where a line may wrap, between words. The
 * segmenter (jieba, with a dictionary of about 350,000 words) runs only in Node, so it is done here, when
 * the speech is loaded, and the pure renderer and estimate read the result from the model.
 */
export function addLineBreaks(deck: Deck): void {
  const inlines: Inline[] = [
    ...deck.slides.flatMap((slide) => [slide.heading, ...slide.visible.filter((v) => v.kind === 'point')]),
    ...deck.sections.map((section) => section.title),
  ];
  for (const inline of new Set(inlines)) {
    if (inline.text) inline.breaks = lineBreaks(inline.text, boundariesOutsideTerms(inline.text));
  }
}
