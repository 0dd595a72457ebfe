/**
 * Text measuring and line breaking for the PowerPoint export. Pure (runs in a browser too).
 *
 * PowerPoint lays text out only when it opens the file, with whatever fonts the computer has, and applies
 * autofit only after an edit; so sizes are chosen here from width estimates, with a margin that lets a
 * wider fallback font still fit. A full-width character (Chinese, Chinese punctuation) is 1 em in every
 * Chinese font; Latin letters and digits average about 0.55 em.
 */
import type { Run } from '../../core/model.ts';

/** Fraction of a box's width the estimate may fill: room for a wider fallback font and synthetic bold. */
export const WIDTH_MARGIN = 0.9;

const FULL_WIDTH =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u2010-\u2027\u2030-\u205e\u25a0-\u27bf]/u;

/** Estimated advance of one character, in em. */
export function charWidth(char: string): number {
  if (char === ' ') return 0.33;
  const code = char.codePointAt(0)!;
  if (code < 0x7f) return 0.55;
  if (FULL_WIDTH.test(char) || code > 0xffff) return 1;
  return 0.6;
}

/** Estimated width of a text in em. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

// Characters that are not allowed in XML 1.0 (C0 controls but tab and line ends, U+FFFE/FFFF, lone surrogates).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with the characters XML cannot carry removed (the decoder already replaces controls; this covers any deck). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** A character of a paragraph with the index of the run it comes from. */
interface Char {
  char: string;
  run: number;
}

/**
 * Runs flattened into characters, with the characters XML cannot carry dropped and the lines of a paragraph
 * written over several lines in the Markdown joined: a line end between two Chinese characters disappears (as a
 * Chinese reader expects), elsewhere it becomes one space.
 */
function charsOf(runs: readonly Run[]): Char[] {
  const chars: Char[] = [];
  runs.forEach((run, index) => {
    for (const char of xmlSafe(run.text)) chars.push({ char, run: index });
  });
  const out: Char[] = [];
  for (let i = 0; i < chars.length; i++) {
    // A line end with the spaces and tabs around it, which can fall between two runs.
    let end = i;
    while (end < chars.length && /[ \t]/.test(chars[end]!.char)) end++;
    if (chars[end]?.char !== '\n') {
      out.push(chars[i]!);
      continue;
    }
    while (end < chars.length && /[ \t\n]/.test(chars[end]!.char)) end++;
    const before = out.at(-1)?.char ?? '';
    const after = chars[end]?.char ?? '';
    if (!(CJK.test(before) && CJK.test(after)) && before && after) out.push({ char: ' ', run: chars[i]!.run });
    i = end - 1;
  }
  return out;
}

/** One line of a paragraph: its runs, each with the marks of the author's run it comes from. */
export type Line = Run[];

/** A paragraph broken into lines, with the estimated width of its widest line in em. */
export interface Broken {
  lines: Line[];
  /** Widest line, in em. */
  width: number;
  /** Whether every line is within the width (a strict break that cannot be is set as one line and does not fit). */
  fits: boolean;
}

// After these a line may end, and they are the preferred places: pause marks and full stops.
const PAUSE = /[，、；：。！？,;:!?]/;
const CLOSING = /[，、；：。！？,.;:!?”’》）」』】〕〉)\]}…—·]/;
const OPENING = /[“‘《（「『【〔〈([{]/;

/**
 * Costs of breaking a line at a place: lower is better, and a pause mark is free. The platform's word breaker
 * (ICU) splits finer than a reader does (全|县, 研讨|会, 二十|大), so a boundary next to a one-character word costs
 * more than one between two longer words; after 的 or before 和/与/及 a modifier or a series ends, a good place.
 */
const COST = { pause: 0, particle: 0.5, word: 1, single: 2, inside: 4, latin: 16 } as const;

/** Weight of uneven lines against the costs of the places they break (a line half the average width costs 1). */
const BALANCE = 4;

const PARTICLE_BEFORE = /[的之]/;
const PARTICLE_AFTER = /[和与及并或]/;
const LETTER = /[\p{L}\p{N}]/u;

/** The platform's word breaker, made once: the first takes a while to load its dictionary. */
let segmenter: Intl.Segmenter | undefined;

/** Where a line may end after character `i`, and how much that break costs (Infinity: never). */
function breakCosts(chars: readonly string[]): number[] {
  // Code-unit offsets of the characters, to match the segmenter's indices.
  const at = new Map<number, number>();
  let offset = 0;
  for (const [i, char] of chars.entries()) {
    at.set(offset, i);
    offset += char.length;
  }
  // The length in characters of the word starting at each word boundary, and of the one ending there.
  const starting = new Map<number, number>();
  const ending = new Map<number, number>();
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  for (const { index, segment } of segmenter.segment(chars.join(''))) {
    const start = at.get(index);
    if (start === undefined) continue;
    const length = [...segment].length;
    starting.set(start, length);
    ending.set(start + length, length);
  }
  return chars.map((char, i) => {
    const next = chars[i + 1];
    if (next === undefined) return 0;
    if (CLOSING.test(next) || OPENING.test(char)) return Infinity;
    if (PAUSE.test(char) || (/[”’》）」]/.test(char) && OPENING.test(next))) return COST.pause;
    const boundary = starting.has(i + 1);
    // Inside a run of Latin letters or digits (a word, a number) only as the very last resort.
    if (LETTER.test(char) && LETTER.test(next) && !CJK.test(char) && !CJK.test(next)) return boundary ? COST.word : COST.latin;
    if (next === ' ') return Infinity;
    if (char === ' ') return PAUSE.test(chars[i - 1] ?? '') ? COST.pause : COST.word;
    if (!boundary) return COST.inside;
    if (PARTICLE_BEFORE.test(char) || PARTICLE_AFTER.test(next)) return COST.particle;
    return (ending.get(i + 1) ?? 1) > 1 && (starting.get(i + 1) ?? 1) > 1 ? COST.word : COST.single;
  });
}

/**
 * Breaks a paragraph into the fewest lines no wider than `maxEm`, and among those the most even. Strict, it
 * breaks only after pause marks (，、：；…), as the deck does (a phrase too long then needs a smaller size);
 * otherwise it may also break between words, or inside one as the last resort. A paragraph that fits stays whole.
 */
export function breakRuns(runs: readonly Run[], maxEm: number, strict = false): Broken {
  const chars = charsOf(runs);
  if (!chars.length) return { lines: [], width: 0, fits: true };
  const widths = chars.map((c) => charWidth(c.char));
  const costs = breakCosts(chars.map((c) => c.char)).map((cost) => (strict && cost > COST.pause ? Infinity : cost));
  const n = chars.length;
  const prefix = [0];
  for (const w of widths) prefix.push(prefix.at(-1)! + w);
  // A line never starts with a space: spaces at a break stay at the end of the line before and count for nothing.
  const lineWidth = (from: number, to: number) => {
    let end = to;
    while (end > from && chars[end - 1]!.char === ' ') end--;
    return prefix[end]! - prefix[from]!;
  };
  const fits = (from: number, to: number) => lineWidth(from, to) <= maxEm + 1e-9;
  type Best = { cost: number; widest: number; from: number };
  // best[k][i]: the best way to set the first i characters as k lines.
  let best: (Best | undefined)[] = [{ cost: 0, widest: 0, from: -1 }];
  const history: (Best | undefined)[][] = [best];
  const total = lineWidth(0, n);
  for (let k = 1; k <= n; k++) {
    // Lines as even as can be: each line's distance from the average width costs, squared.
    const even = total / k;
    const uneven = (width: number) => (k > 1 ? BALANCE * ((width - even) / even) ** 2 : 0);
    const next: (Best | undefined)[] = [];
    for (let i = 1; i <= n; i++) {
      for (let j = i - 1; j >= 0; j--) {
        // Lines only get wider as they start earlier: past the width, no earlier start fits either.
        if (!fits(j, i) && (strict || i - j > 1)) break;
        const before = best[j];
        if (!before) continue;
        const cost = before.cost + (j > 0 ? costs[j - 1]! : 0) + uneven(lineWidth(j, i));
        if (!Number.isFinite(cost)) continue;
        const widest = Math.max(before.widest, lineWidth(j, i));
        const current = next[i];
        if (!current || cost < current.cost || (cost === current.cost && widest < current.widest)) next[i] = { cost, widest, from: j };
      }
    }
    history.push(next);
    best = next;
    const done = next[n];
    // The fewest lines that fit (a single character wider than a line is let through rather than lost).
    if (done) return { lines: rebuild(history, k, n, chars, runs), width: done.widest, fits: done.widest <= maxEm + 1e-9 };
    if (!next.some(Boolean)) break;
  }
  return { lines: [runsOf(chars, runs)], width: lineWidth(0, n), fits: false };
}

function rebuild(history: ({ from: number } | undefined)[][], k: number, n: number, chars: Char[], runs: readonly Run[]): Line[] {
  const lines: Line[] = [];
  for (let end = n, level = k; level > 0; level--) {
    const from = history[level]![end]!.from;
    lines.unshift(runsOf(chars.slice(from, end), runs));
    end = from;
  }
  return lines;
}

/** Characters grouped back into runs carrying their marks. */
function runsOf(chars: Char[], runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  let last = -1;
  for (const { char, run } of chars) {
    if (run === last) out.at(-1)!.text += char;
    else out.push({ ...runs[run]!, text: char });
    last = run;
  }
  return out;
}

/** Runs with their line ends joined and characters XML cannot carry dropped (see charsOf), marks kept. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  return runsOf(charsOf(runs), runs);
}

/** A plain string as one run. */
export function plain(text: string): Run[] {
  return text ? [{ text }] : [];
}
