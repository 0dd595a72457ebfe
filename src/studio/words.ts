/**
 * Words, for the importer's key phrases and for where headings may wrap. The CLI cuts words with jieba, which
 * has no small browser build (jieba-wasm is 4 MB); the page uses the browser's own ICU word breaker, which
 * mostly agrees. Where it does not, a drafted phrase or a place a heading may wrap differs from the CLI's; the
 * structure, the spoken text and everything else do not depend on it.
 */
const breaker = new Intl.Segmenter('zh', { granularity: 'word' });

/** The text cut into words (every character in exactly one), as the importer's segmenter. */
export function segment(text: string): string[] {
  return [...breaker.segment(text)].map((s) => s.segment);
}

/** Offsets in `text` where one word ends and the next begins. */
export function wordBoundaries(text: string): number[] {
  return [...breaker.segment(text)].map((s) => s.index).filter((i) => i > 0);
}
