import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { isDictionaryIndex, rememberIn, type DictionaryIndex, type SegmenterMemory, type Word } from '../../proofread/segmenter.ts';
import { forgetOldest, keepCached, readCached } from '../files/cache.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';
import { generatorVersion } from './stamp.ts';

/** Where the proofreader's cuts and dictionary index are kept between commands. */
export const DEFAULT_PROOFREADING_CACHE = 'node_modules/.cache/speech-deck/proofreading';
/** Paragraphs whose cuts are kept (a long speech has a few hundred); the least recently read go first. */
const KEEP_CUTS = 2000;
/** Dictionary indexes kept: the newest and the one before, for a second checkout of the program. */
const KEEP_FILES = 2;

/**
 * What `check` needs of jieba, kept between commands under a hash of the program (whose sources, dictionary and
 * locked jieba version decide every cut): each paragraph's cut into words, and the dictionary's character and
 * word frequencies as two tables of numbers (3 MB, read in a few milliseconds where the 5 MB dictionary takes a
 * tenth of a second to read into them). A paragraph not seen before is cut by jieba as before; so a check after an
 * edit loads jieba only for what changed.
 */
export class ProofreadingMemory implements SegmenterMemory {
  /** Cuts as kept, packed (`Packed`), unpacked only when asked for; or as cut in this command. */
  private readonly cuts: Map<string, Word[] | Packed>;
  private dictionary: DictionaryIndex | undefined;
  private newCuts = false;
  private newIndex = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly key: string,
  ) {
    let kept: Record<string, Packed> | undefined;
    readCached(cacheDir, `cuts-${key}`, 'json', (b) => (kept = keptCuts(b)) !== undefined);
    this.cuts = new Map(Object.entries(kept ?? {}));
  }

  /** The memory kept for this program, or an empty one (an unreadable or damaged entry counts as none). */
  static read(cacheDir = join(PACKAGE_ROOT, DEFAULT_PROOFREADING_CACHE)): ProofreadingMemory {
    return new ProofreadingMemory(cacheDir, createHash('sha256').update(generatorVersion()).digest('hex').slice(0, 16));
  }

  /** Runs `work` with the segmenter reading from and telling this memory, then keeps what is new. */
  async around<T>(work: () => T | Promise<T>): Promise<T> {
    rememberIn(this);
    try {
      return await work();
    } finally {
      rememberIn(undefined);
      await this.keep();
    }
  }

  cutOf(text: string): Word[] | undefined {
    const kept = this.cuts.get(text);
    const cut = kept && (isPacked(kept) ? unpack(text, kept) : kept);
    if (cut) {
      // Read now: it moves to the end, the last to be forgotten.
      this.cuts.delete(text);
      this.cuts.set(text, cut);
    }
    return cut;
  }

  cutNow(text: string, cut: Word[]): void {
    this.cuts.set(text, cut);
    this.newCuts = true;
  }

  index(): DictionaryIndex | undefined {
    if (!this.dictionary) {
      readCached(this.cacheDir, `dictionary-${this.key}`, 'bin', (b) => (this.dictionary = keptIndex(b)) !== undefined);
    }
    return this.dictionary;
  }

  indexNow(index: DictionaryIndex): void {
    this.dictionary = index;
    this.newIndex = true;
  }

  /** Keeps what was made now for the next command; a cache that cannot be written costs only time. */
  async keep(): Promise<void> {
    if (this.newCuts) {
      this.newCuts = false;
      const entries = [...this.cuts].slice(-KEEP_CUTS).map(([text, cut]) => [text, isPacked(cut) ? cut : pack(cut)]);
      await keepCached(this.cacheDir, `cuts-${this.key}`, 'json', Buffer.from(JSON.stringify(Object.fromEntries(entries))), () => undefined);
      // One cuts file: the one just written holds every cut still worth keeping.
      forgetOldest(this.cacheDir, 1, (name) => name.startsWith('cuts-'));
    }
    if (this.newIndex && this.dictionary) {
      this.newIndex = false;
      const { chars, pairs } = this.dictionary;
      const data = new Float64Array(2 + chars.length + pairs.length);
      data.set([chars.length, pairs.length]);
      data.set(chars, 2);
      data.set(pairs, 2 + chars.length);
      await keepCached(this.cacheDir, `dictionary-${this.key}`, 'bin', new Uint8Array(data.buffer), () => undefined);
      forgetOldest(this.cacheDir, KEEP_FILES, (name) => name.startsWith('dictionary-'));
    }
  }
}

/** Runs the proofreader's `work` with the cuts and dictionary index kept by earlier commands. */
export function withProofreadingMemory<T>(work: () => T | Promise<T>, cacheDir?: string): Promise<T> {
  return ProofreadingMemory.read(cacheDir).around(work);
}

/**
 * A paragraph's cut as kept: the words' lengths and their tags, each list joined into one string. A file of a few
 * thousand paragraphs is then a few thousand short strings for JSON to read, not a hundred thousand small arrays,
 * and only the paragraphs a check meets again are unpacked.
 */
type Packed = [lengths: string, tags: string];

const isPacked = (cut: Word[] | Packed): cut is Packed => typeof cut[0] === 'string';

function pack(cut: Word[]): Packed {
  return [cut.map((w) => w.word.length).join(','), cut.map((w) => w.tag).join(' ')];
}

/** The words of a packed cut, or undefined when it does not cover the text word by word. */
function unpack(text: string, [lengths, tags]: Packed): Word[] | undefined {
  const sizes = lengths.split(',').map(Number);
  const tagList = tags.split(' ');
  if (sizes.length !== tagList.length) return undefined;
  const words: Word[] = [];
  let start = 0;
  for (const [i, size] of sizes.entries()) {
    if (!Number.isInteger(size) || size < 1) return undefined;
    words.push({ word: text.slice(start, start + size), tag: tagList[i]!, start });
    start += size;
  }
  return start === text.length ? words : undefined;
}

/** A kept cuts entry as packed cuts by text, or undefined when it is not one. */
function keptCuts(bytes: Buffer): Record<string, Packed> | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const packed = Object.values(value as Record<string, unknown>);
    const whole = packed.every((c) => Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && typeof c[1] === 'string');
    return whole ? (value as Record<string, Packed>) : undefined;
  } catch {
    return undefined;
  }
}

/** A kept dictionary index, or undefined when the bytes are not one. */
function keptIndex(bytes: Buffer): DictionaryIndex | undefined {
  if (bytes.length % 8 || bytes.length < 16) return undefined;
  // A Float64Array must start at a multiple of 8 bytes; a file this size is read into a buffer of its own, which does.
  const aligned = bytes.byteOffset % 8 ? new Uint8Array(bytes) : bytes;
  const data = new Float64Array(aligned.buffer, aligned.byteOffset, aligned.length / 8);
  const [charCount, pairCount] = [data[0]!, data[1]!];
  if (!Number.isInteger(charCount) || !Number.isInteger(pairCount) || 2 + charCount + pairCount !== data.length) return undefined;
  const index = { chars: data.subarray(2, 2 + charCount), pairs: data.subarray(2 + charCount) };
  return isDictionaryIndex(index) ? index : undefined;
}
