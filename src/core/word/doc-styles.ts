/**
 * The style sheet (STSH) of a Word 97–2003 document: each style's name, built-in identity (heading 1–9, Title,
 * Subtitle), the style it is based on, and the properties the reader needs from it (list, bold, hidden).
 */
import type { Bytes } from './bytes.ts';
import { sprmValue } from './sprms.ts';

export interface DocStyle {
  name: string;
  /** Word's built-in style number: 1–9 heading N, 62 Title, 74 Subtitle; 4094 a user's own style. */
  sti: number;
  /** 1 paragraph style, 2 character style. */
  kind: number;
  base: number;
  paragraph?: Bytes;
  character?: Bytes;
}

const NO_STYLE = 0x0fff;

/** The styles by index (istd); missing slots are undefined. */
export function readStyles(table: Bytes, at: number, length: number): Array<DocStyle | undefined> {
  if (!length) return [];
  const header = table.u16(at);
  const count = table.u16(at + 2);
  const baseSize = table.u16(at + 4) || 10;
  const styles: Array<DocStyle | undefined> = [];
  let p = at + 2 + header;
  for (let i = 0; i < count && p < at + length; i++) {
    const size = table.u16(p);
    const std = table.slice(p + 2, p + 2 + size);
    p += 2 + size;
    if (!size) {
      styles.push(undefined);
      continue;
    }
    const kind = std.u16(2) & 0x0f;
    const upxCount = std.u16(4) & 0x0f;
    let q = baseSize;
    const nameLength = std.u16(q);
    const name = std.utf16(q + 2, nameLength);
    q += 2 + nameLength * 2 + 2;
    const upx: Bytes[] = [];
    for (let u = 0; u < upxCount && q < std.length; u++) {
      const cb = std.u16(q);
      upx.push(std.slice(q + 2, q + 2 + cb));
      q += 2 + cb + (cb % 2);
    }
    const style: DocStyle = { name, sti: std.u16(0) & 0x0fff, kind, base: std.u16(2) >> 4 };
    // A paragraph style's first property group starts with its index again, then its paragraph sprms.
    if (kind === 1 && upx[0]) style.paragraph = upx[0].slice(2, upx[0].length);
    const character = kind === 1 ? upx[1] : kind === 2 ? upx[0] : undefined;
    if (character) style.character = character;
    styles.push(style);
  }
  return styles;
}

/** A property along a style and the styles it is based on: the nearest style that sets it. */
export function styleValue(styles: ReadonlyArray<DocStyle | undefined>, index: number, code: number, part: 'paragraph' | 'character'): number | undefined {
  const seen = new Set<number>();
  for (let i = index; i !== NO_STYLE && !seen.has(i); i = styles[i]?.base ?? NO_STYLE) {
    seen.add(i);
    const value = sprmValue(styles[i]?.[part], code);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Whether a toggle property (bold, hidden) is on along a style's chain. */
export function styleToggle(styles: ReadonlyArray<DocStyle | undefined>, index: number, code: number): boolean {
  const value = styleValue(styles, index, code, 'character');
  return value === 1 || value === 0x81;
}
