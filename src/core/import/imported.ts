import type { Deck } from '../model.ts';
import type { OutlineTree } from './structure.ts';
import type { SlideLines } from './write.ts';

/** What an import made of a speech: the structure found, the Markdown written, and that Markdown read back as a deck. */
export interface Imported {
  tree: OutlineTree;
  markdown: string;
  /** Where each slide starts in `markdown`. */
  lines: SlideLines[];
  /** For each source line, the first line of `markdown` that holds its text. */
  sourceLines: Map<number, number>;
  /** The drafted key phrases, by `slideKey`. */
  phrases: Map<string, string[]>;
  /** The Markdown read back by the deck's parser. */
  deck: Deck;
}
