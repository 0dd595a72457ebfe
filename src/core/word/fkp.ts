/**
 * Word 97–2003 keeps paragraph and character properties in 512-byte pages (FKPs) of the WordDocument stream,
 * each mapping stretches of file positions to a list of sprms; a table in the table stream lists the pages.
 */
import type { Bytes } from './bytes.ts';

/** Properties over a stretch of file positions [start, end). */
export interface PropertyRun {
  start: number;
  end: number;
  sprms: Bytes;
  /** A paragraph's style (paragraph runs only). */
  style: number;
}

const PAGE = 512;

/** The runs of every page listed by a PlcBtePapx (`paragraphs`) or PlcBteChpx table, in file order. */
export function readRuns(stream: Bytes, table: Bytes, at: number, length: number, paragraphs: boolean): PropertyRun[] {
  const count = Math.floor((length - 4) / 8);
  const runs: PropertyRun[] = [];
  for (let i = 0; i < count; i++) {
    const number = table.u32(at + (count + 1) * 4 + i * 4) & 0x3fffff;
    const page = stream.slice(PAGE * number, PAGE * (number + 1));
    if (page.length < PAGE) continue;
    const crun = page.u8(PAGE - 1);
    for (let r = 0; r < crun; r++) {
      const start = page.u32(r * 4);
      const end = page.u32(r * 4 + 4);
      if (paragraphs) runs.push({ start, end, ...paragraphProperties(page, page.u8((crun + 1) * 4 + r * 13) * 2) });
      else runs.push({ start, end, style: 0, sprms: characterProperties(page, page.u8((crun + 1) * 4 + r) * 2) });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

function paragraphProperties(page: Bytes, at: number): { sprms: Bytes; style: number } {
  if (at === 0) return { sprms: page.slice(0, 0), style: 0 };
  const cb = page.u8(at);
  const start = cb === 0 ? at + 2 : at + 1;
  const size = cb === 0 ? 2 * page.u8(at + 1) : 2 * cb - 1;
  return { style: page.u16(start), sprms: page.slice(start + 2, start + size) };
}

function characterProperties(page: Bytes, at: number): Bytes {
  if (at === 0) return page.slice(0, 0);
  return page.slice(at + 1, at + 1 + page.u8(at));
}

/** The run that holds a file position, found by halving (runs are in file order). */
export function runAt(runs: readonly PropertyRun[], fc: number): PropertyRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (fc < run.start) hi = mid - 1;
    else if (fc >= run.end) lo = mid + 1;
    else return run;
  }
  return undefined;
}
