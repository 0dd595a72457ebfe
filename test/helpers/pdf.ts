import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** A run of text on a page, with its size and height above the page's foot, in points. */
export interface Run {
  text: string;
  size: number;
  y: number;
}

export interface ReadPdf {
  pages: { width: number; height: number; runs: Run[] }[];
  info: Record<string, unknown>;
  /** Every font's name, and whether each font program is inside the file. */
  fonts: { name: string; embedded: boolean }[];
}

/** Reads a PDF back the way a viewer does: page sizes, text runs, metadata and fonts. */
export async function readPdf(path: string): Promise<ReadPdf> {
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({ data: data.slice(), verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const runs = (content.items as TextItem[])
      .filter((item) => 'str' in item)
      .map((item) => ({ text: item.str, size: Math.hypot(item.transform[2]!, item.transform[3]!), y: item.transform[5]! }));
    pages.push({ width, height, runs });
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: info as Record<string, unknown>, fonts: await fontsOf(data) };
}

async function fontsOf(data: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const pdf = await PDFDocument.load(data);
  const fonts = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key)));
    fonts.push({ name: String(object.get(PDFName.of('FontName'))).replace(/^\/[A-Z]{6}\+/, ''), embedded });
  }
  return fonts;
}

/** How many raster images each page of a PDF paints, from its drawing operators. */
export function imagesPerPage(path: string): Promise<number[]> {
  return drawnPerPage(path, [OPS.paintImageXObject, OPS.paintInlineImageXObject]);
}

/** How many drawings of another page (form XObjects: the handout's slide pictures) each page of a PDF paints. */
export function formsPerPage(path: string): Promise<number[]> {
  return drawnPerPage(path, [OPS.paintFormXObjectBegin]);
}

async function drawnPerPage(path: string, ops: number[]): Promise<number[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const counts: number[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray } = await (await doc.getPage(n)).getOperatorList();
    counts.push(fnArray.filter((op) => ops.includes(op)).length);
  }
  await doc.destroy();
  return counts;
}

/** All of a page's text, in the order it is drawn. */
export function pageText(page: { runs: Run[] }): string {
  return page.runs.map((r) => r.text).join('');
}

/** Process ids of the Chromium processes below this one, found with `ps`. */
export function chromiumBelow(pid = process.pid): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([p, pp, comm]) => ({ pid: Number(p), ppid: Number(pp), comm: comm ?? '' }));
  const below = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) if (below.has(row.ppid) && !below.has(row.pid)) grew = !!below.add(row.pid);
  }
  return rows.filter((r) => r.pid !== pid && below.has(r.pid) && /chrom/i.test(r.comm)).map((r) => r.pid);
}

/** Whether a process is still running (a zombie awaiting its parent counts as gone). */
export function alive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}
