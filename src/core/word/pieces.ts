/**
 * The piece table of a Word 97–2003 document (the CLX in its table stream): the text is kept in pieces, each
 * either 8-bit (Windows-1252) or UTF-16, somewhere in the WordDocument stream. Character positions (CPs) count
 * the text; file positions (FCs) are where its bytes are, which the property tables are keyed by.
 */
import type { Bytes } from './bytes.ts';

export interface Piece {
  /** First and one-past-last character position. */
  start: number;
  end: number;
  /** File position of the first character. */
  fc: number;
  /** One byte a character (Windows-1252) rather than two (UTF-16LE). */
  compressed: boolean;
}

/** The pieces, in text order; empty when the table holds none. */
export function readPieces(table: Bytes, at: number, length: number): Piece[] {
  let p = at;
  const end = at + length;
  while (p < end) {
    const kind = table.u8(p);
    if (kind === 1) {
      p += 3 + table.u16(p + 1);
      continue;
    }
    if (kind !== 2) return [];
    const size = table.u32(p + 1);
    const plc = p + 5;
    const count = Math.floor((size - 4) / 12);
    const pieces: Piece[] = [];
    for (let i = 0; i < count; i++) {
      const descriptor = plc + (count + 1) * 4 + i * 8;
      const raw = table.u32(descriptor + 2);
      const compressed = (raw & 0x40000000) !== 0;
      const fc = raw & 0x3fffffff;
      pieces.push({ start: table.u32(plc + i * 4), end: table.u32(plc + (i + 1) * 4), fc: compressed ? fc / 2 : fc, compressed });
    }
    return pieces;
  }
  return [];
}

const WINDOWS_1252 = new TextDecoder('windows-1252');
const UTF_16 = new TextDecoder('utf-16le');

/** The document's text from `start` to `end` (character positions). */
export function pieceText(stream: Bytes, pieces: readonly Piece[], start: number, end: number): string {
  let text = '';
  for (const piece of pieces) {
    const from = Math.max(start, piece.start);
    const to = Math.min(end, piece.end);
    if (from >= to) continue;
    const at = piece.fc + (from - piece.start) * (piece.compressed ? 1 : 2);
    text += (piece.compressed ? WINDOWS_1252 : UTF_16).decode(stream.data.subarray(at, at + (to - from) * (piece.compressed ? 1 : 2)));
  }
  return text;
}

/** The file position of a character, or -1 where no piece holds it. */
export function fcOf(pieces: readonly Piece[], cp: number): number {
  for (const piece of pieces) if (cp >= piece.start && cp < piece.end) return piece.fc + (cp - piece.start) * (piece.compressed ? 1 : 2);
  return -1;
}
