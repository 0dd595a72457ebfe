import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** Millimetres in PDF points. */
export const mm = (n: number) => (n / 25.4) * 72;

/** A piece of text where a viewer draws it: left edge, baseline (from the page's foot), width and size in points. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** The PDF's name of the font it is drawn in, without the subset tag: `NotoSerifSCExtraLight-Regular`. */
  font: string;
}

export interface PlacedPage {
  width: number;
  height: number;
  items: PlacedText[];
}

/** Reads every page's text with positions and the font each piece is drawn in, the way a viewer lays it out. */
export async function readPlacedText(path: string): Promise<PlacedPage[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: PlacedPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    // Fonts are known once the page's drawing operators have been read.
    await page.getOperatorList();
    const items = (content.items as TextItem[])
      .filter((item) => 'str' in item && item.str.trim() !== '')
      .map((item) => ({
        text: item.str,
        x: item.transform[4]!,
        y: item.transform[5]!,
        width: item.width,
        size: Math.hypot(item.transform[2]!, item.transform[3]!),
        font: String((page.commonObjs.get(item.fontName) as { name?: string } | undefined)?.name ?? item.fontName).replace(/^[A-Z]{6}\+/, ''),
      }));
    pages.push({ width, height, items });
  }
  await doc.destroy();
  return pages;
}

/** A line of text: the pieces on one baseline, left to right. */
export interface PlacedLine {
  y: number;
  items: PlacedText[];
  /** Left edge of the line's first piece. */
  x: number;
  text: string;
}

/** Pieces grouped into lines by baseline (within half a point), top to bottom, each left to right. */
export function linesOf(items: readonly PlacedText[]): PlacedLine[] {
  const lines: PlacedLine[] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < 0.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item], x: 0, text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.x = line.items[0]!.x;
    line.text = line.items.map((i) => i.text).join('');
  }
  return lines.sort((a, b) => b.y - a.y);
}

/**
 * How many grid cells a line's characters take: a Chinese character or full-width mark takes one, a half-width
 * letter, digit or space half of one, as on the grid of an official document.
 */
export function gridCells(text: string): number {
  let cells = 0;
  // Spaces are left out: a viewer reads wide justification gaps as spaces.
  for (const char of text.replace(/\s+/gu, ''))
    cells += /[\u1100-\u115F\u2014\u2018-\u201D\u2026\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 1 : 0.5;
  return cells;
}
