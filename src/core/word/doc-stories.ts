/**
 * The parts of a Word 97–2003 document that follow its main text in the same character stream — footnotes,
 * comments, endnotes, text boxes — found through the tables that tie each to a place in the main text. None of
 * them is spoken; the report names each with its paragraph and words.
 */
import type { WordReview } from '../import/source.ts';
import type { Bytes } from './bytes.ts';
import { type Fib, TABLE } from './fib.ts';

/** Character positions stored in a PLC: count + 1 of them, then count entries of `size` bytes. */
function plc(table: Bytes, where: { at: number; length: number }, size: number): { cps: number[]; entry: (i: number) => number } {
  if (!where.length) return { cps: [], entry: () => 0 };
  const count = Math.floor((where.length - 4) / (4 + size));
  const cps = Array.from({ length: count + 1 }, (_, i) => table.u32(where.at + i * 4));
  return { cps, entry: (i) => where.at + (count + 1) * 4 + i * size };
}

/** Where each part of the character stream starts. */
function bases(fib: Fib) {
  const { main, footnotes, headers, comments, endnotes } = fib.lengths;
  const commentsAt = main + footnotes + headers;
  return { footnotes: main, comments: commentsAt, endnotes: commentsAt + comments, textBoxes: commentsAt + comments + endnotes };
}

/** What the stories need of the main text's reader: where a position is, and the text of a range. */
export interface TextPlaces {
  lineAt(cp: number): number;
  plainText(start: number, end: number): string;
  storyParagraphs(start: number, end: number): string[];
}

const words = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The comments, each with its author, its paragraph, its words and the words it is on. */
export function readComments(table: Bytes, fib: Fib, reader: TextPlaces): WordReview['comments'] {
  const refs = plc(table, fib.table(TABLE.commentRefs), 30);
  if (!refs.cps.length) return [];
  const texts = plc(table, fib.table(TABLE.commentRefs + 1), 0).cps;
  const owners = xsts(table, fib.table(TABLE.commentOwners));
  const ranges = commentRanges(table, fib);
  const base = bases(fib).comments;
  return refs.cps.slice(0, -1).map((cp, i) => {
    const atrd = refs.entry(i);
    const initials = table.utf16(atrd + 2, Math.min(9, table.u16(atrd)));
    const author = owners[table.i16(atrd + 20)] ?? initials;
    const range = ranges.get(table.i32(atrd + 26));
    const text = texts.length > i + 1 ? words(reader.plainText(base + texts[i]!, base + texts[i + 1]!)) : '';
    const on = range ? reader.plainText(range[0], range[1]) : lastClause(reader.plainText(Math.max(0, cp - 40), cp));
    return { line: reader.lineAt(cp), author, text, on: words(on) };
  });
}

/** The stretch of text each comment is on, by the tag its bookmark carries. */
function commentRanges(table: Bytes, fib: Fib): Map<number, [number, number]> {
  const ranges = new Map<number, [number, number]>();
  const names = fib.table(37);
  const starts = plc(table, fib.table(42), 4);
  const ends = plc(table, fib.table(43), 0);
  if (!names.length || !starts.cps.length) return ranges;
  const count = table.u16(names.at + 2);
  const extra = table.u16(names.at + 4);
  let p = names.at + 6;
  for (let i = 0; i < count; i++) {
    p += 2 + table.u16(p) * 2;
    const tag = table.i32(p + 2);
    p += extra;
    const end = ends.cps[table.u16(starts.entry(i))];
    if (starts.cps[i] !== undefined && end !== undefined) ranges.set(tag, [starts.cps[i]!, end]);
  }
  return ranges;
}

/** Footnotes and endnotes, each with its paragraph and words. */
export function readNotes(table: Bytes, fib: Fib, reader: TextPlaces): WordReview['notes'] {
  const at = bases(fib);
  const kinds = [
    { kind: 'footnote' as const, refs: TABLE.footnoteRefs, base: at.footnotes },
    { kind: 'endnote' as const, refs: TABLE.endnoteRefs, base: at.endnotes },
  ];
  return kinds.flatMap(({ kind, refs, base }) => {
    const ref = plc(table, fib.table(refs), 2).cps;
    const text = plc(table, fib.table(refs + 1), 0).cps;
    return ref.slice(0, -1).map((cp, i) => ({
      line: reader.lineAt(cp),
      kind,
      text: text.length > i + 1 ? words(reader.plainText(base + text[i]!, base + text[i + 1]!)) : '',
    }));
  });
}

/** Text boxes in the main text, each with the paragraph its shape is anchored in (0 when not found), its words and its paragraphs. */
export function readTextBoxes(table: Bytes, fib: Fib, reader: TextPlaces): Array<WordReview['textBoxes'][number] & { paragraphs: string[] }> {
  const boxes = plc(table, fib.table(TABLE.textBoxes), 22);
  if (boxes.cps.length < 2) return [];
  const shapes = plc(table, fib.table(TABLE.shapes), 26);
  const anchors = new Map(shapes.cps.slice(0, -1).map((cp, i) => [table.i32(shapes.entry(i)), cp]));
  const base = bases(fib).textBoxes;
  const found: Array<WordReview['textBoxes'][number] & { paragraphs: string[] }> = [];
  // The last entry closes the list; a reusable entry holds no box.
  for (let i = 0; i < boxes.cps.length - 2; i++) {
    if (table.u16(boxes.entry(i) + 8)) continue;
    const paragraphs = reader.storyParagraphs(base + boxes.cps[i]!, base + boxes.cps[i + 1]!);
    if (!paragraphs.length) continue;
    const anchor = anchors.get(table.i32(boxes.entry(i) + 14));
    found.push({ line: anchor === undefined ? 0 : reader.lineAt(anchor), text: words(paragraphs.join(' ')), paragraphs, taken: false });
  }
  return found;
}

/** A list of Xst strings (a count of characters, then the characters) filling a stretch of the table. */
function xsts(table: Bytes, where: { at: number; length: number }): string[] {
  const found: string[] = [];
  for (let p = where.at; p < where.at + where.length; ) {
    const n = table.u16(p);
    found.push(table.utf16(p + 2, n));
    p += 2 + n * 2;
  }
  return found;
}

/** The last clause of a text: the words just before a comment's mark. */
function lastClause(text: string): string {
  const clauses = text.split(/[，。；：！？,;:!?\s]/u).filter(Boolean);
  return clauses.at(-1) ?? '';
}
