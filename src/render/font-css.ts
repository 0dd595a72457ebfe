/**
 * The deck's @font-face rules as the studio writes them: the rules the CLI's fonts.ts writes, in the form the
 * CLI's build leaves them after minifying (lightningcss): unquoted family, `format("…")` with no space. Writing
 * them in that form keeps a studio deck identical to the CLI's deck of the same speech except for the font bytes.
 * No unicode-range, as in the CLI: each subset maps exactly its characters. Pure.
 */

export interface FaceRule {
  family: string;
  weight: number;
  /** The font, base64. */
  data: string;
  format: 'woff' | 'woff2';
}

/** One face's @font-face rule, its font inlined as a data: URI so the deck needs no other file. */
export function fontFaceRule(face: FaceRule): string {
  return `@font-face{font-family:${face.family};font-style:normal;font-weight:${face.weight};font-display:block;src:url(data:font/${face.format};base64,${face.data})format("${face.format}")}`;
}
