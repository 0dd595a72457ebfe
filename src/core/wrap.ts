/**
 * Where headings and key phrases may wrap, and how to set them in balanced lines. Pure: the word
 * boundaries come from a segmenter the caller runs (jieba, on the Node side), so this module only
 * decides which of them are good places for a line to end, the same way for the build-time estimate
 * (capacity.ts), the renderer (html.ts, as `<wbr>`) and the page (fit.ts, which measures and balances).
 */

/** Marks that never start a line: closing quotes and brackets, pause marks, ellipses and dashes. */
const NO_START = new Set('，。、：；！？”’》）」』】〕〉〗…—·％%,.;:!?)]}>');
/** Marks that never end a line: opening quotes and brackets. */
const NO_END = new Set('“‘《（「『【〔〈〖([{<');
/** One-character words that belong with the word before them (党的, 大会上, 学习等). */
const LEANS_BACK = new Set('的地得之了着过们等上中里');
/** One-character words that belong with the word after them (在全县, 以加强, 把深化). */
const LEANS_FORWARD = new Set('在把对从向与和及同将被以为于暨并或');
/** Pause marks: a line may always end after one (the only places wrapped when no word boundaries are known). */
const PAUSE = /[，、；：。！？]|[”’》）」](?=[“‘《（「])/g;
/**
 * Numbers with their units and dates, never split: 2023年10月22日, 第3次, 15.5%, 3月份.
 * Used for the spoken text too (html.ts), where the speaker view would otherwise break 10月22 / 日.
 */
export const NUMBER_RUN =
  /第?(?:(?:[0-9０-９]+(?:[.,:：．][0-9０-９]+)*|[〇零一二三四五六七八九十百千]*〇[〇零一二三四五六七八九十百千]*)\s?(?:[%％]|[年月日号时点分秒万亿元个次届名人岁天周倍])?)+/gu;

/** Short quotations and titles of documents, kept whole: “做实”, 《条例》. */
const SHORT_QUOTE = /“[^“”]{1,10}”|‘[^‘’]{1,10}’|「[^「」]{1,10}」|《[^《》]{1,16}》/gu;

const LETTER = /[\p{L}\p{N}]/u;
/** Full-width characters: ideographs, kana, hangul and full-width punctuation take a whole em. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2026\u201c\u201d\u2018\u2019]|[\u{20000}-\u{3fffd}]/u;

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
export const isWide = (c: string | undefined): boolean => c !== undefined && WIDE.test(c);

/**
 * The offsets in `text` where a line may end, chosen among the word boundaries a segmenter found
 * (`boundaries`: offsets where one word ends and the next begins). A line never starts with a closing
 * mark or ends with an opening one, never splits a number from its unit, a date or a short quotation
 * (“做实”, 《条例》), keeps 的 and the like with the word before, 在 and the like with the word after and
 * any other one-character word with both, and never leaves a single character alone at either end.
 */
export function lineBreaks(text: string, boundaries: Iterable<number>): number[] {
  const words = new Set(boundaries);
  words.add(0);
  words.add(text.length);
  // A number with its unit, a date or a short quotation counts as one word.
  const inRun = new Uint8Array(text.length + 1);
  for (const match of [...text.matchAll(NUMBER_RUN), ...text.matchAll(SHORT_QUOTE)]) {
    const end = match.index + match[0].length;
    for (let i = match.index + 1; i < end; i++) {
      inRun[i] = 1;
      words.delete(i);
    }
    words.add(match.index);
    words.add(end);
  }
  const single = (at: number) => words.has(at) && words.has(at + 1);
  // A character the segmenter left as a word of its own is kept with both neighbours (稳就业; 凝|心|聚|力 for
  // 凝心聚力; 发展新局面), unless it is one of the little words known to lean one way.
  const glued = (at: number) => single(at) && LETTER.test(text[at]!) && !LEANS_BACK.has(text[at]!) && !LEANS_FORWARD.has(text[at]!);
  const allowed = [...words]
    .filter((b) => b > 0 && b < text.length)
    .sort((a, b) => a - b)
    .filter((b) => {
      const before = text[b - 1]!;
      const after = text[b]!;
      if (NO_START.has(after) || NO_END.has(before) || isSpace(after) || inRun[b]) return false;
      if (LEANS_BACK.has(after) && single(b)) return false;
      if (LEANS_FORWARD.has(before) && single(b - 1)) return false;
      if ((glued(b) && LETTER.test(before)) || (glued(b - 1) && LETTER.test(after))) return false;
      // Between two Latin letters or digits with no space (COVID-19, 5G) there is no break either.
      return isSpace(before) || isWide(before) || isWide(after);
    });
  return withoutLoneEnds(text, allowed);
}

/** Drops breaks that would leave fewer than two letters on the first or the last line. */
function withoutLoneEnds(text: string, breaks: number[]): number[] {
  const letters: number[] = [0];
  for (let i = 0; i < text.length; i++) letters.push(letters[i]! + (LETTER.test(text[i]!) ? 1 : 0));
  const total = letters[text.length]!;
  return breaks.filter((b) => letters[b]! >= 2 && total - letters[b]! >= 2);
}

/** Breaks after pause marks only, for text whose word boundaries are not known. */
export function pauseBreaks(text: string): number[] {
  const found = [...text.matchAll(PAUSE)].map((m) => m.index + m[0].length);
  return withoutLoneEnds(
    text,
    found.filter((b) => b < text.length && !NO_START.has(text[b]!)),
  );
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * Inserts `mark` into escaped HTML before the characters of its text at the given offsets, leaving tags
 * whole. Returns undefined when the HTML's text is not `text` (an image's alt text is in an attribute),
 * so that the caller can fall back.
 */
export function markBreaks(html: string, text: string, breaks: readonly number[], mark: string): string | undefined {
  let out = '';
  let offset = 0;
  let next = 0;
  let seen = '';
  for (const [piece, tag, entity] of html.matchAll(/(<[^>]*>)|(&#?\w+;)|[\s\S]/g)) {
    if (tag) {
      out += tag;
      continue;
    }
    const char = entity ? ENTITIES[entity] : piece;
    if (char === undefined) return undefined;
    while (next < breaks.length && breaks[next]! <= offset) {
      if (breaks[next] === offset && offset > 0) out += mark;
      next++;
    }
    out += piece;
    offset += char.length;
    seen += char;
  }
  return seen === text ? out : undefined;
}

/** The pieces of text between breaks, which never wrap inside. */
export function chunksOf(text: string, breaks: readonly number[]): string[] {
  const cuts = [0, ...breaks, text.length];
  return cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
}

/**
 * Estimated width of text in ems, for the build-time estimate: full-width characters are 1 em, Latin
 * letters and digits a little over half. Generous on purpose, since it cannot know the font: it should
 * rather warn about a slide that fits than miss one that does not.
 */
export function textWidth(text: string, letterSpacing = 0): number {
  let width = 0;
  for (const char of text) {
    if (isWide(char)) width += 1;
    else if (char === ' ') width += 0.26;
    else if (/[A-Z]/.test(char)) width += 0.68;
    else if (/[a-z0-9]/.test(char)) width += 0.58;
    else if (char === '\n') continue;
    else width += 0.45;
    width += letterSpacing;
  }
  return width;
}

/** How many lines chunks of the given widths take when each line holds as many as fit (the browser's way). */
export function lineCount(widths: readonly number[], width: number): number {
  let lines = 1;
  let used = 0;
  for (const w of widths) {
    if (w > width) {
      // A piece wider than the line is broken anywhere, as a last resort.
      lines += (used > 0 ? 1 : 0) + Math.ceil(w / width) - 1;
      used = w % width || width;
    } else if (used + w > width) {
      lines++;
      used = w;
    } else {
      used += w;
    }
  }
  return lines;
}

/** More pieces than this are left to the browser's own wrapping: balancing them would take too long. */
const MAX_PIECES = 3000;

/** Pause marks after which a line ends most naturally. */
export const PAUSE_MARKS = '，、；：。！？';

/** Where lines had better end, and by how much a line may be longer or shorter to end there. */
export interface Preference {
  /** For each piece but the last, whether a line ending after it ends at a pause mark. */
  pauses: readonly boolean[];
  /** How much longer or shorter than even a line may be, in the widths' unit, to end at a pause mark. */
  tolerance: number;
}

/**
 * Sets pieces of the given widths in balanced lines: the fewest lines no wider than `width` (as many
 * as the browser would make), each as close to the same length as the pieces allow, ending at a pause mark
 * where that costs no more than `prefer.tolerance` of evenness, the longer line last where two are nearly
 * equal (the trapezoid of official titles). Returns the indices of the pieces that start the second and
 * later lines: empty when everything fits on one line, undefined when some piece alone is wider than a
 * line (then the browser breaks it anywhere, as a last resort).
 */
export function balance(widths: readonly number[], width: number, prefer?: Preference): number[] | undefined {
  const n = widths.length;
  const prefix = [0];
  for (const w of widths) prefix.push(prefix.at(-1)! + w);
  const total = prefix[n]!;
  if (total <= width) return [];
  if (n > MAX_PIECES || widths.some((w) => w > width)) return undefined;
  const k = lineCount(widths, width);
  const target = total / k;
  // Rewards the last line's length a very little: of two equally even sets, the one with the longer line last.
  const lean = total / n / 20;
  // Moving a line's end by d from even costs about 2d² (it and its neighbour): ending at a pause mark earns that back.
  const bonus = prefer ? 2 * prefer.tolerance ** 2 : 0;
  const cost: number[][] = [Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : Infinity))];
  const from: number[][] = [[]];
  for (let line = 1; line <= k; line++) {
    const row = new Array<number>(n + 1).fill(Infinity);
    const back = new Array<number>(n + 1).fill(-1);
    for (let end = line; end <= n; end++) {
      for (let start = end - 1; start >= line - 1; start--) {
        const w = prefix[end]! - prefix[start]!;
        if (w > width) break;
        const before = cost[line - 1]![start]!;
        if (before === Infinity) continue;
        const pause = end < n && prefer?.pauses[end - 1] ? bonus : 0;
        const c = before + (target - w) ** 2 - (line === k ? lean * w : 0) - pause;
        if (c < row[end]!) {
          row[end] = c;
          back[end] = start;
        }
      }
    }
    cost.push(row);
    from.push(back);
  }
  if (cost[k]![n] === Infinity) return undefined;
  const starts: number[] = [];
  for (let line = k, end = n; line > 1; line--) {
    end = from[line]![end]!;
    starts.unshift(end);
  }
  return starts;
}
