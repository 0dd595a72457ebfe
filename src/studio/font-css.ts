/**
 * The deck's @font-face rules as the studio writes them: the same rules the CLI's fonts.ts writes, in the form
 * the CLI's build leaves them after minifying (lightningcss): unquoted family, `format("…")` with no space, and
 * `unicode-range` in upper case with whole aligned blocks as `?` wildcards. Writing them in that form keeps a
 * studio deck identical to the CLI's deck of the same speech except for the font bytes. Pure.
 */

/** `U+4E00,U+4E03-4E05,U+4E??` for a set of characters. */
export function minifiedUnicodeRange(characters: readonly string[]): string {
  const points = [...new Set(characters.map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    while (points[i + 1] === points[i]! + 1) i++;
    ranges.push(rangeText(start, points[i]!));
  }
  return ranges.join(',');
}

function rangeText(start: number, end: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase();
  if (start === end) return `U+${hex(start)}`;
  // A range covering exactly the last k hex digits from 0 to F is written with k question marks.
  const b = hex(end);
  const a = hex(start).padStart(b.length, '0');
  let k = 0;
  while (k < a.length && a[a.length - 1 - k] === '0' && b[b.length - 1 - k] === 'F') k++;
  if (k && a.slice(0, a.length - k) === b.slice(0, b.length - k)) return `U+${b.slice(0, b.length - k)}${'?'.repeat(k)}`;
  return `U+${hex(start)}-${b}`;
}

export interface FaceRule {
  family: string;
  weight: number;
  characters: readonly string[];
  /** The font, base64. */
  data: string;
  format: 'woff' | 'woff2';
}

/** One face's @font-face rule, its font inlined as a data: URI so the deck needs no other file. */
export function fontFaceRule(face: FaceRule): string {
  return (
    `@font-face{font-family:${face.family};font-style:normal;font-weight:${face.weight};font-display:block;` +
    `src:url(data:font/${face.format};base64,${face.data})format("${face.format}");unicode-range:${minifiedUnicodeRange(face.characters)}}`
  );
}
