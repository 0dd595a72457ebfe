import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { addLineBreaks as addBreaks } from '../../core/line-breaks.ts';
import type { Deck } from '../../core/model.ts';
import { words } from '../../proofread/segmenter.ts';
import dictionary from '../../proofread/terms.json' with { type: 'json' };
import { forgetOldest, keepCached, readCached } from '../files/cache.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { generatorVersion } from './stamp.ts';

/** Where the word boundaries of speeches already built are kept (see `RememberedWords`). */
export const DEFAULT_WORDS_CACHE = 'node_modules/.cache/speech-deck/words';
/** Speeches whose boundaries are kept; the least recently cut go first. */
const KEEP_SPEECHES = 32;

/** Offsets in `text` where one word ends and the next begins, as jieba cuts it with its dictionary. */
export function wordBoundaries(text: string): number[] {
  return words(text)
    .map((w) => w.start)
    .filter((start) => start > 0);
}

/**
 * Fixed official terms (the proofreader's dictionary) short enough to stay on one line of any heading:
 * 中国特色社会主义 is one name, though jieba cuts it into three words.
 */
export const WHOLE_TERMS = dictionary.terms.map((t) => t.term).filter((term) => [...term].length <= 12);

/**
 * The word boundaries of one speech's headings and key phrases, as found by an earlier command, kept in the
 * cache under a hash of the speech's text and of the program (whose sources, dictionary and locked jieba version
 * decide every cut). A command building an unchanged speech then never loads jieba and its 5 MB dictionary,
 * which is a quarter of a second of a build; a text it has not seen is cut by jieba as before.
 */
export class RememberedWords {
  private readonly found = new Map<string, number[]>();
  private cut = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly key: string,
    kept: Record<string, number[]>,
  ) {
    for (const [text, boundaries] of Object.entries(kept)) this.found.set(text, boundaries);
  }

  /** The boundaries kept for this speech text, if any (an unreadable or damaged entry counts as none). */
  static read(text: string, cacheDir = join(PACKAGE_ROOT, DEFAULT_WORDS_CACHE)): RememberedWords {
    const key = createHash('sha256').update(`${generatorVersion()}\0${text}`).digest('hex').slice(0, 24);
    const bytes = readCached(cacheDir, key, 'json', (b) => kept(b) !== undefined);
    return new RememberedWords(cacheDir, key, (bytes && kept(bytes)) ?? {});
  }

  /** The boundaries of `text`: as kept, or cut now. */
  readonly boundaries = (text: string): number[] => {
    let found = this.found.get(text);
    if (!found) {
      found = wordBoundaries(text);
      this.found.set(text, found);
      this.cut = true;
    }
    return found;
  };

  /** Keeps the boundaries for the next command when any were cut now; a cache that cannot be written costs only time. */
  async keep(): Promise<void> {
    if (!this.cut) return;
    this.cut = false;
    const data = Buffer.from(JSON.stringify(Object.fromEntries(this.found)));
    await keepCached(this.cacheDir, this.key, 'json', data, () => undefined);
    forgetOldest(this.cacheDir, KEEP_SPEECHES, (name) => name.endsWith('.json'));
  }
}

/** A kept entry's boundaries by text, or undefined when it is not one. */
function kept(bytes: Buffer): Record<string, number[]> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const entries = Object.values(value as Record<string, unknown>);
    return entries.every((b) => Array.isArray(b) && b.every((n) => Number.isInteger(n) && n > 0)) ? (value as Record<string, number[]>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gives every heading and key phrase of a deck the places where a line may wrap, between words. The
 * segmenter (jieba, with a dictionary of about 350,000 words) runs only in Node, so it is done here, when
 * the speech is loaded, and the pure renderer and estimate read the result from the model. `remembered` gives
 * the boundaries an earlier command found for the same text.
 */
export function addLineBreaks(deck: Deck, remembered?: RememberedWords): void {
  addBreaks(deck, remembered?.boundaries ?? wordBoundaries, WHOLE_TERMS);
}
