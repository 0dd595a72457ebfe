import type { Token } from 'markdown-it';
import { MAX_NESTING } from './markdown.ts';

// Quote and list markers at the start of a line; past a third of markdown-it's limit a line is read as text.
const DEEP_MARKERS = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))+[ \t]*/;
const MAX_MARKERS = Math.floor(MAX_NESTING / 3);
// Only these tokens carry the text of their lines; a container's own map covers lines it may not have read.
const TEXT_TOKENS = new Set(['inline', 'code_block', 'fence', 'hr']);

/** Strips the markers off lines that open more quotes and lists than anyone nests on purpose; returns which (0-based). */
export function flattenDeepLines(lines: string[]): { lines: string[]; flattened: number[] } {
  const flattened: number[] = [];
  const result = lines.map((text, i) => {
    const markers = DEEP_MARKERS.exec(text)?.[0] ?? '';
    if ((markers.match(/[>*+-]|\d+[.)]/g)?.length ?? 0) <= MAX_MARKERS) return text;
    flattened.push(i);
    return text.slice(markers.length);
  });
  return { lines: result, flattened };
}

/** Lines of a container block whose text markdown-it did not read (it stops at its nesting limit), 0-based, markers stripped. */
export function unreadLines(block: Token[], lines: readonly string[]): { index: number; text: string }[] {
  const [start, end] = block[0]?.map ?? [0, 0];
  const read = new Set<number>();
  for (const t of block) if (t.map && TEXT_TOKENS.has(t.type)) for (let l = t.map[0]; l < t.map[1]; l++) read.add(l);
  const unread: { index: number; text: string }[] = [];
  for (let index = start; index < end; index++) {
    const text = (lines[index] ?? '').replace(/^[\s>*+\-\d.)]+/u, '');
    if (!read.has(index) && /[\p{L}\p{N}]/u.test(text)) unread.push({ index, text });
  }
  return unread;
}
