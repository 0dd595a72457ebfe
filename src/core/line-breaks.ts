/**
 * Gives every heading and key phrase of a deck the places where a line may wrap, between words (wrap.ts
 * `lineBreaks`), from word boundaries a caller finds: the CLI with jieba (node/speech/words.ts), the studio page with
 * the browser's word breaker. Fixed terms given in `wholeTerms` are never broken inside. Pure.
 */
import type { Deck, Inline } from './model.ts';
import { lineBreaks } from './wrap.ts';

/** Offsets in `text` where one word ends and the next begins. */
export type WordBoundaries = (text: string) => number[];

/** Word boundaries, less those inside a fixed term. */
export function outsideTerms(text: string, boundaries: readonly number[], wholeTerms: readonly string[]): number[] {
  const inside = new Set<number>();
  for (const term of wholeTerms) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      for (let i = at + 1; i < at + term.length; i++) inside.add(i);
    }
  }
  return boundaries.filter((b) => !inside.has(b));
}

/** Sets `breaks` on every heading, key phrase and section title of the deck. */
export function addLineBreaks(deck: Deck, boundaries: WordBoundaries, wholeTerms: readonly string[] = []): void {
  const inlines: Inline[] = [
    ...deck.slides.flatMap((slide) => [slide.heading, ...slide.visible.filter((v) => v.kind === 'point')]),
    ...deck.sections.map((section) => section.title),
  ];
  for (const inline of new Set(inlines)) {
    if (inline.text) inline.breaks = lineBreaks(inline.text, outsideTerms(inline.text, boundaries(inline.text), wholeTerms));
  }
}
