/**
 * The enumerators Chinese official writing numbers its parts with, from the outermost in:
 * 一、 (or 第一部分), （一）, 1., （1）; and 一是/二是 (or 第一，第二，) run into the text.
 */

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = '[一二三四五六七八九十]{1,3}';

/** The value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十三), or undefined. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || !text) return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS[tens] : undefined;
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0);
}

/** A kind of enumerator, outermost first; `level` orders them. */
export type MarkerKind = 'part' | 'paren' | 'arabic' | 'arabicParen' | 'ordinal';

export interface Marker {
  kind: MarkerKind;
  /** 1 for 一 / 1, 2 for 二 / 2 … */
  number: number;
  /** The enumerator as written, e.g. `一、` or `（一）`. */
  text: string;
}

/** Enumerators that start a paragraph, outermost first. */
const LEADING: ReadonlyArray<[MarkerKind, RegExp]> = [
  ['part', new RegExp(`^(?:第(${CN})部分[：:、，,\\s]*|第(${CN})、|(${CN})[、．.](?!\\d))`, 'u')],
  ['paren', new RegExp(`^[（(](${CN})[）)][、，,．.\\s]*`, 'u')],
  ['arabic', /^(\d{1,2})(?:[、．]|\.(?!\d))\s*/u],
  ['arabicParen', /^[（(](\d{1,2})[）)][、，,．.\s]*/u],
];

/** The enumerator a paragraph starts with, if any. */
export function leadingMarker(text: string): Marker | undefined {
  for (const [kind, pattern] of LEADING) {
    const m = pattern.exec(text);
    if (!m) continue;
    const digits = m.slice(1).find((g) => g !== undefined) ?? '';
    const number = chineseNumber(digits);
    if (number) return { kind, number, text: m[0] };
  }
  return undefined;
}

/** 一是 / 二是 / 第一，, run into a paragraph at its start or after a sentence or clause break. */
const ORDINAL = new RegExp(`(?<=^|[。！？；：!?;:]\\s*)(?:(${CN})是|第(${CN})[，,、](?!部分))`, 'gu');

/** Every run-in ordinal (一是, 第二，) in a text, with its offset. */
export function ordinals(text: string): Array<Marker & { at: number }> {
  return [...text.matchAll(ORDINAL)].flatMap((m) => {
    const number = chineseNumber(m[1] ?? m[2] ?? '');
    return number ? [{ kind: 'ordinal' as const, number, text: m[0], at: m.index }] : [];
  });
}

/** Outermost first: the order in which kinds nest, and which kind can stand for sections. */
export const KIND_ORDER: readonly MarkerKind[] = ['part', 'paren', 'arabic', 'arabicParen', 'ordinal'];
