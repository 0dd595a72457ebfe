/**
 * The deck's @font-face rules, for the CLI and the studio alike, written in the form the deck's build leaves
 * them after minifying (lightningcss): unquoted family, `format("…")` with no space, no line between rules. The
 * minifier then leaves them as they are, so a page filled into the cached shell (node/page/shell.ts) is the page
 * Vite builds, byte for byte. No unicode-range: each subset maps exactly its characters, and the ranges of a
 * few hundred scattered Chinese characters cost 5 KB. Pure.
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

/** The rules for several faces, one after another as the minifier leaves them. */
export function fontFaceRules(faces: readonly FaceRule[]): string {
  return faces.map(fontFaceRule).join('');
}

/**
 * The family of a face's small copy for the title slide alone (core/charset.ts, `titleFaceText`): the title slide
 * asks for it before the whole face (assets/theme.css), so that a page showing that slide before its code runs
 * waits for these few characters only, not for the whole faces (index.html). Cut from the same font, it draws
 * every character as the whole face does.
 */
export function titleFamily(family: string): string {
  return `${family} Title`;
}
