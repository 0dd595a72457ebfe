/**
 * Drafts the key phrases the audience sees: 2–4 a slide, each a verbatim piece of that slide's own spoken text
 * between punctuation marks (about 6–24 characters), chosen for what a listener should keep: parallel series
 * (学习好、领会好、贯彻好…), quoted terms, and the clauses that carry the slide's key words (words frequent on
 * this slide and rare on the others, weighed with the caller's word segmenter). A series counted off (一是…二是…)
 * is shown whole, a phrase a point without its marker, or not at all. Never the heading again, never a phrase
 * twice in the deck, never a courtesy (thanks, greetings), never a phrase that stops on a word needing what
 * follows it (的, 是, 和, 在, 把…). A draft for a person to review.
 */
import { bare, clauses, sentences } from './sentences.ts';
import { SERIES_MARKER, series } from './series.ts';
import type { Segmenter } from './source.ts';

export interface PhraseSlide {
  /** Headings the slide already shows (its own, its section's, the title): a phrase must not repeat them. */
  headings: string[];
  /** The slide's spoken text, paragraph by paragraph. */
  texts: string[];
}

const MIN_PHRASE = 6;
const MAX_PHRASE = 24;
/** Words that say little on their own in official speeches; they neither make nor break a phrase. */
const STOPWORDS = new Set(
  '我们 我 你们 他们 大家 自己 以及 并且 而且 同时 进一步 不断 更加 始终 切实 真正 通过 作为 其中 方面 一个 一些 这个 这些 那些 各项 有关 相关 就是 也是 还是 已经 正在 进行 要求 下面'.split(
    ' ',
  ),
);
/** Words a phrase reads badly starting with, and characters it reads badly ending with. */
const WEAK_START = /^[的和与及并而且或、地得着了于是]/u;
const WEAK_END = /[的和与及了等地得着于在把对为以从向]$/u;
/** Words that need what follows them: a phrase never stops on one (…的主题是, …落实到, …关于). */
const DANGLING = new Set(
  '的 地 得 着 之 是 和 与 及 以及 或 或者 并 而 跟 同 在 把 对 对于 为 为了 以 从 向 于 关于 由 将 被 让 使 给 按照 根据 围绕 通过 等 其 就 也 都 又 还 要 要求 需要 能 能够 应 应该 必须 会 可以 不 很 更 最'.split(
    ' ',
  ),
);
/** Thanks and greetings are said, not shown. */
const COURTESY = /感谢|谢谢|谢意|致谢|问候|致以|敬意|祝贺|欢迎|祝愿|祝福|祝大家|拜年|快乐|辛苦了/u;
/** A leading word a key phrase does without (要全力抓好… → 全力抓好…); the rest stays verbatim. */
const FILLER = /^(?:我们要|我们|我将|进一步|要|并|更要|也要|还要|就要|都要|同时|而且|并且|特别是|使)/u;
const HAN = /\p{Script=Han}/u;
/** The speaker framing the talk (下面，我讲三点意见) rather than saying something to retain. */
const FRAMING = /我(?:讲|就|再|想|简要)|下面|如下|以下/u;
/** Greetings (各位领导、同志们) are said, not shown. */
const SALUTATION = /^(?:尊敬的|各位|同志们|女士们|朋友们)|同志们$/u;

interface Candidate {
  text: string;
  /** Which paragraph, and where in it, so that chosen phrases do not overlap. */
  block: number;
  start: number;
  end: number;
  score: number;
  /** One clause, not a run of them. */
  single: boolean;
}

/** Key phrases for every slide, in slide order; `used` carries phrases already on earlier slides. */
export function draftPhrases(slides: readonly PhraseSlide[], segment: Segmenter): string[][] {
  const cut = memo(segment);
  const wordsBySlide = slides.map((s) => contentWords(cut(s.texts.join('\n'))));
  const df = new Map<string, number>();
  for (const words of wordsBySlide) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const used = new Set<string>();
  return slides.map((slide, i) => {
    const tf = new Map<string, number>();
    for (const w of wordsBySlide[i]!) tf.set(w, (tf.get(w) ?? 0) + 1);
    const weight = (w: string) => (tf.get(w) ?? 0) * Math.log((slides.length + 1) / (df.get(w) ?? 1));
    const chosen = choose(slide, weight, cut, used);
    for (const c of chosen) used.add(c);
    return chosen;
  });
}

/** How many phrases a slide gets: 2 for a short one, 4 for a long one, else 3. */
function wanted(slide: PhraseSlide): number {
  const n = slide.texts.join('').length;
  return n < 40 ? 2 : n > 350 ? 4 : 3;
}

function choose(slide: PhraseSlide, weight: (w: string) => number, cut: Segmenter, used: Set<string>): string[] {
  const fresh = (c: Candidate) => !used.has(c.text) && !repeatsHeading(c.text, slide.headings);
  const counted = countedSeries(slide, cut, fresh);
  if (counted.phrases) return counted.phrases;
  // A series that cannot be shown whole is not shown in part.
  const outside = (c: Candidate) => fresh(c) && !counted.skip.some((s) => s.block === c.block && s.start < c.end && c.start < s.end);
  let pool = candidates(slide.texts, MIN_PHRASE, MAX_PHRASE, cut).filter(outside);
  // A slide of short clauses only still gets its phrases, from the clauses it has.
  if (pool.length < 2) pool = [...pool, ...candidates(slide.texts, 3, 40, cut).filter(outside)];
  for (const c of pool) c.score += score(c.text, weight, cut);
  pool.sort((a, b) => b.score - a.score || a.block - b.block || a.start - b.start);
  const want = wanted(slide);
  let picked = pick(pool, want);
  // On a short slide a phrase of two clauses can leave nothing for a second; single clauses then go further.
  if (picked.length < Math.min(2, want)) {
    const single = pick(
      pool.filter((c) => c.single),
      want,
    );
    if (single.length > picked.length) picked = single;
  }
  return picked.sort((a, b) => a.block - b.block || a.start - b.start).map((c) => c.text);
}

/** The best candidates that neither overlap nor say the same as one already taken. */
function pick(pool: readonly Candidate[], want: number): Candidate[] {
  const picked: Candidate[] = [];
  for (const c of pool) {
    if (picked.length === want) break;
    if (picked.some((p) => (p.block === c.block && p.start < c.end && c.start < p.end) || alike(p.text, c.text))) continue;
    picked.push(c);
  }
  return picked;
}

/**
 * Clauses and runs of up to three clauses inside one sentence, trimmed of a leading filler word; a clause too
 * long for a slide also gives its pieces between linking words (…精神是当前…任务和全部工作的中心).
 */
function candidates(texts: readonly string[], min: number, max: number, cut: Segmenter): Candidate[] {
  const found: Candidate[] = [];
  const add = (text: string, block: number, from: number, raw: string, single: boolean, bonus = 0) => {
    let phrase = bare(bare(raw).replace(SERIES_MARKER, '').replace(ENUMERATOR, ''));
    const trimmed = phrase.replace(FILLER, '');
    if (trimmed.length >= min) phrase = trimmed;
    phrase = balanced(phrase);
    const n = [...phrase].length;
    // A space inside Chinese text (a table row read aloud) would look like a slip on a slide.
    if (n < min || n > max || !HAN.test(phrase) || /\s/u.test(phrase) || SALUTATION.test(phrase) || FRAMING.test(phrase) || dangles(phrase, cut)) return;
    const start = text.indexOf(phrase, from);
    found.push({ text: phrase, block, start, end: start + phrase.length, score: bonus, single });
  };
  texts.forEach((text, block) => {
    for (const sentence of sentences(text)) {
      if (COURTESY.test(sentence.text)) continue;
      const parts = clauses(sentence.text, sentence.start);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i; j < Math.min(parts.length, i + 3); j++) {
          // Only commas join clauses into one phrase; a colon or semicolon ends the thought.
          if (j > i && !/[，,]\s*$/u.test(parts[j - 1]!.text)) break;
          add(text, block, parts[i]!.start, text.slice(parts[i]!.start, parts[j]!.end), i === j);
        }
        const clause = bare(parts[i]!.text);
        if ([...clause].length > max) {
          const from = text.indexOf(clause, parts[i]!.start);
          // A piece reads less whole than a clause, so it needs a better reason to be chosen.
          for (const piece of pieces(clause, cut)) add(text, block, from + piece.start, piece.text, true, -1);
        }
      }
    }
  });
  return found;
}

/** An enumerator a heading or phrase may start with: 一、 （一） 1. */
const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/u;

/** Whether a phrase stops on a word that needs what follows it. */
function dangles(phrase: string, cut: Segmenter): boolean {
  const last = cut(phrase)
    .filter((w) => w.trim())
    .at(-1);
  return last !== undefined && DANGLING.has(last);
}

/**
 * A series counted off in one paragraph of the slide (一是…二是…), as one phrase a point without its marker: all
 * of them when each makes a phrase (short enough, not shown before, not the heading), else none from the series.
 */
function countedSeries(
  slide: PhraseSlide,
  cut: Segmenter,
  fresh: (c: Candidate) => boolean,
): { phrases?: string[]; skip: Array<{ block: number; start: number; end: number }> } {
  const skip: Array<{ block: number; start: number; end: number }> = [];
  for (const [block, text] of slide.texts.entries()) {
    for (const run of series(text)) {
      const phrases = run.map((item) => {
        const trimmed = item.text.replace(FILLER, '');
        const phrase = [...trimmed].length >= 4 ? trimmed : item.text;
        return { text: phrase, block, start: 0, end: 0, score: 0, single: true };
      });
      const fits = (c: Candidate) => {
        const n = [...c.text].length;
        return n >= 2 && n <= MAX_PHRASE && HAN.test(c.text) && !/\s/u.test(c.text) && fresh(c) && !dangles(c.text, cut);
      };
      if (run.length <= MAX_SERIES && phrases.every(fits) && new Set(phrases.map((p) => p.text)).size === phrases.length)
        return { phrases: phrases.map((p) => p.text), skip };
      skip.push(...run.map((item) => ({ block, start: item.start, end: item.end })));
    }
  }
  return { skip };
}

/** Most points of a counted series shown on one slide. */
const MAX_SERIES = 6;

/** Runs of the stretches of a long clause between linking words (是, 和, 并), and its lead up to a series. */
function pieces(clause: string, cut: Segmenter): Array<{ start: number; text: string }> {
  const stretches: Array<{ start: number; end: number }> = [];
  let at = 0;
  let start = 0;
  for (const word of cut(clause)) {
    const i = clause.indexOf(word, at);
    if (i < 0) continue;
    if (LINKS.has(word)) {
      if (i > start) stretches.push({ start, end: i });
      start = i + word.length;
    }
    at = i + word.length;
  }
  if (start < clause.length) stretches.push({ start, end: clause.length });
  // The clause up to the end of a series' first item: 把…转化为谋划工作的正确思路、促进… → 把…正确思路.
  const runs: Array<{ start: number; text: string }> = [];
  for (const m of clause.matchAll(/、/gu)) runs.push({ start: 0, text: clause.slice(0, m.index) });
  for (let i = 0; i < stretches.length; i++) {
    for (let j = i; j < stretches.length; j++) {
      if (i === 0 && j === stretches.length - 1) continue;
      runs.push({ start: stretches[i]!.start, text: clause.slice(stretches[i]!.start, stretches[j]!.end) });
    }
  }
  return runs;
}

const LINKS = new Set(['是', '和', '并']);

const PAIRS = [
  ['“', '”'],
  ['《', '》'],
  ['（', '）'],
  ['‘', '’'],
  ['「', '」'],
] as const;
const count = (text: string, mark: string) => text.split(mark).length - 1;

/** Drops a quote or bracket left open or closed at an end; empty when a pair is still broken inside. */
function balanced(phrase: string): string {
  let p = phrase;
  for (const [open, close] of PAIRS) {
    if (count(p, open) > count(p, close) && p.startsWith(open)) p = p.slice(1);
    if (count(p, close) > count(p, open) && p.endsWith(close)) p = p.slice(0, -1);
  }
  // A phrase never shows half a pair.
  return PAIRS.every(([open, close]) => count(p, open) === count(p, close)) ? bare(p) : '';
}

function score(text: string, weight: (w: string) => number, cut: Segmenter): number {
  const words = [...new Set(contentWords(cut(text)))];
  const keywords = words.length ? words.reduce((sum, w) => sum + weight(w), 0) / Math.sqrt(words.length) : 0;
  const items = text.split('、');
  const series = items.length >= 2 ? 1.5 * Math.min(items.length, 4) + (sharedEnds(items) ? 1 : 0) : 0;
  const quotes = 1.5 * Math.min(3, (text.match(/“[^”]+”|《[^》]+》/gu) ?? []).length);
  const n = [...text].length;
  const fit = (n >= 8 && n <= 18 ? 0.5 : 0) - 0.15 * Math.max(0, n - 16);
  const weak = (WEAK_START.test(text) ? 2 : 0) + (WEAK_END.test(text) ? 2 : 0);
  return keywords + series + quotes + fit - weak;
}

/** Series items that end or begin alike (学习好、领会好、贯彻好…; 政治意识、大局意识); the last may run on. */
function sharedEnds(items: string[]): boolean {
  const same = (list: string[]) => new Set(list).size === 1;
  const heads = items.slice(0, -1);
  return same(items.map((s) => s.slice(0, 1))) || (same(heads.map((s) => s.slice(-1))) && items.at(-1)!.includes(heads[0]!.slice(-1)));
}

/** Two phrases that share most of their characters say the same thing twice. */
function alike(a: string, b: string): boolean {
  const chars = [...b];
  const shared = [...a].filter((c) => chars.includes(c)).length;
  return shared >= 0.6 * Math.min([...a].length, chars.length);
}

/** Whether a phrase says again what a heading on the slide says. */
function repeatsHeading(phrase: string, headings: readonly string[]): boolean {
  return headings.some((h) => {
    const heading = bare(h).replace(ENUMERATOR, '');
    if (!heading) return false;
    // Part of the heading, or the heading with little around it; a short heading word inside a phrase is fine.
    if (heading.includes(phrase) || (phrase.includes(heading) && heading.length * 2 >= phrase.length)) return true;
    const chars = [...heading];
    const shared = [...phrase].filter((c) => chars.includes(c)).length;
    return shared >= 0.7 * [...phrase].length;
  });
}

function contentWords(words: string[]): string[] {
  return words.filter((w) => [...w].length >= 2 && HAN.test(w) && !STOPWORDS.has(w));
}

function memo(segment: Segmenter): Segmenter {
  const cache = new Map<string, string[]>();
  return (text) => {
    let words = cache.get(text);
    if (!words) cache.set(text, (words = segment(text)));
    return words;
  };
}
