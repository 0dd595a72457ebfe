/**
 * The File Information Block at the start of a Word 97–2003 WordDocument stream: which table stream holds the
 * document's tables, whether the file is encrypted, how long each part of the text is, and where each table is.
 */
import type { Bytes } from './bytes.ts';

/** Indexes into the FIB's pairs of table offsets and lengths (FibRgFcLcb97), for the tables this reader uses. */
export const TABLE = {
  styles: 1,
  footnoteRefs: 2,
  commentRefs: 4,
  commentOwners: 36,
  charProperties: 12,
  paragraphProperties: 13,
  pieces: 33,
  shapes: 40,
  endnoteRefs: 46,
  textBoxes: 56,
  lists: 73,
  listOverrides: 74,
} as const;

export interface Fib {
  /** The format's version number: 193 for Word 97, below 101 for Word 6 and 95. */
  version: number;
  encrypted: boolean;
  /** Which table stream holds the tables: 0Table or 1Table. */
  tableStream: '0Table' | '1Table';
  /** Characters of each part of the text, in the order the parts follow one another. */
  lengths: { main: number; footnotes: number; headers: number; comments: number; endnotes: number; textBoxes: number; headerTextBoxes: number };
  /** Offset and length of a table in the table stream. */
  table(index: number): { at: number; length: number };
}

/** Reads the FIB; undefined when the stream does not start with Word's mark. */
export function readFib(stream: Bytes): Fib | undefined {
  if (stream.u16(0) !== 0xa5ec) return undefined;
  const flags = stream.u16(0x0a);
  const csw = stream.u16(0x20);
  const lw = 0x22 + csw * 2 + 2;
  const cslw = stream.u16(lw - 2);
  const blob = lw + cslw * 4 + 2;
  const pairs = stream.u16(blob - 2);
  let version = stream.u16(2);
  // A newer Word writes its version again after the table pairs.
  const cswNew = stream.u16(blob + pairs * 8);
  if (cswNew > 0) version = Math.max(version, stream.u16(blob + pairs * 8 + 2));
  const length = (k: number) => stream.i32(lw + k * 4);
  return {
    version,
    encrypted: (flags & 0x0100) !== 0,
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
    lengths: {
      main: length(3),
      footnotes: length(4),
      headers: length(5),
      comments: length(7),
      endnotes: length(8),
      textBoxes: length(9),
      headerTextBoxes: length(10),
    },
    table: (index) => (index < pairs ? { at: stream.u32(blob + index * 8), length: stream.u32(blob + index * 8 + 4) } : { at: 0, length: 0 }),
  };
}
