/**
 * Sub-points written as a run of parallel short sentences inside a section, the way many speeches mark them:
 * 用定位找准坐标点。…用成绩强化着力点。…用创新营造闪光点。 Each is a sentence of up to about 16 characters,
 * and they share their shape: the same length, with the same characters in the same places (用…点, 要…，不要…).
 */
import { bare } from './sentences.ts';

/** Longest sentence, punctuation inside it included, that can be a parallel sub-point heading. */
export const MAX_PARALLEL_LENGTH = 16;
const MIN_PARALLEL_LENGTH = 4;
/** Places where every member must agree: at least two, and at least a fifth of the sentence. */
const MIN_SHARED = 2;
const MIN_SHARED_SHARE = 0.2;

export interface Candidate {
  /** Position in the caller's list of sentences. */
  index: number;
  text: string;
}

/** Places where all texts have the same character; the texts must be of equal length. */
function sharedPlaces(texts: readonly string[]): number {
  const chars = texts.map((t) => [...t]);
  const n = chars[0]!.length;
  let shared = 0;
  for (let i = 0; i < n; i++) if (chars.every((c) => c[i] === chars[0]![i])) shared++;
  return shared;
}

function agree(texts: readonly string[]): boolean {
  const n = [...texts[0]!].length;
  const shared = sharedPlaces(texts);
  return shared >= MIN_SHARED && shared >= n * MIN_SHARED_SHARE && shared < n;
}

/**
 * The largest group of two or more short sentences of the same shape, in order, with other text between every
 * two of them (sentences that follow one another directly are a series inside a point, not its headings).
 * `sentences` are in speech order; returns the indexes of the group's members.
 */
export function parallelGroup(sentences: readonly string[]): number[] {
  const short = sentences
    .map((text, index) => ({ index, text: bare(text) }))
    .filter((c) => {
      const n = [...c.text].length;
      return n >= MIN_PARALLEL_LENGTH && n <= MAX_PARALLEL_LENGTH;
    });
  let best: number[] = [];
  for (let i = 0; i < short.length; i++) {
    const first = short[i]!;
    const members = [first];
    for (const next of short.slice(i + 1)) {
      if ([...next.text].length !== [...first.text].length) continue;
      if (agree([...members, next].map((m) => m.text))) members.push(next);
    }
    const indexes = members.map((m) => m.index);
    const apart = indexes.every((at, k) => k === 0 || at - indexes[k - 1]! > 1);
    if (members.length >= 2 && apart && members.length > best.length) best = indexes;
  }
  return best;
}
