/**
 * jieba's dictionary cut down to the words one text contains. Building jieba from the whole dictionary (350,000
 * lines, 5 MB) takes a tenth of a second or more; building it from the few hundred words that occur in a paragraph
 * takes well under a millisecond, and it cuts that paragraph exactly as the whole dictionary does:
 *
 * - without its guessing model (`hmm` off), jieba cuts a text along the words of its dictionary found in it, each
 *   weighed by the logarithm of its frequency over the dictionary's total; words that do not occur in the text are
 *   never looked at, and the total is kept by one extra line of a made-up word that carries the frequency of all
 *   the words left out;
 * - tags are those of the dictionary's own lines, copied as they are.
 *
 * The dictionary file lists its words in byte order, each once, which is what makes finding them quick; a dictionary
 * that does not is not cut down (`scanDictionary` gives undefined) and jieba is built from all of it as before.
 */

/** The dictionary's lines, where each starts, and the frequency total jieba computes from them. */
export interface DictionaryLines {
  bytes: Uint8Array;
  /** Offset of each line's first byte, and one past the last line. */
  starts: Uint32Array;
  /** Length in bytes of each line's word. */
  wordLengths: Uint8Array;
  total: number;
}

const SPACE = 0x20;
const LINE_END = 0x0a;

/** Finds the lines of a dictionary whose words are in strictly rising byte order; otherwise undefined. */
export function scanDictionary(bytes: Uint8Array): DictionaryLines | undefined {
  let count = 0;
  for (let i = bytes.indexOf(LINE_END); i >= 0; i = bytes.indexOf(LINE_END, i + 1)) count++;
  if (bytes.length && bytes[bytes.length - 1] !== LINE_END) count++;
  const starts = new Uint32Array(count + 1);
  const wordLengths = new Uint8Array(count);
  let total = 0;
  let line = 0;
  for (let i = 0; i < bytes.length; line++) {
    const start = i;
    while (i < bytes.length && bytes[i] !== SPACE && bytes[i] !== LINE_END) i++;
    const length = i - start;
    if (bytes[i] !== SPACE || length === 0 || length > 255) return undefined;
    let freq = 0;
    let digits = 0;
    for (i++; i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39; i++, digits++) freq = freq * 10 + (bytes[i]! - 0x30);
    if (!digits || (i < bytes.length && bytes[i] !== SPACE && bytes[i] !== LINE_END)) return undefined;
    while (i < bytes.length && bytes[i] !== LINE_END) i++;
    i++;
    if (line && compare(bytes, starts[line - 1]!, wordLengths[line - 1]!, start, length) >= 0) return undefined;
    starts[line] = start;
    wordLengths[line] = length;
    total += freq;
  }
  if (line !== count || !Number.isSafeInteger(total)) return undefined;
  starts[count] = bytes.length;
  return { bytes, starts, wordLengths, total };
}

/** The frequency on a line (digits after its word and a space; checked by `scanDictionary`). */
function freqOf(lines: DictionaryLines, line: number): number {
  const { bytes } = lines;
  let freq = 0;
  for (let i = lines.starts[line]! + lines.wordLengths[line]! + 1; bytes[i]! >= 0x30 && bytes[i]! <= 0x39; i++) freq = freq * 10 + (bytes[i]! - 0x30);
  return freq;
}

function compare(bytes: Uint8Array, a: number, aLength: number, b: number, bLength: number): number {
  const length = Math.min(aLength, bLength);
  for (let k = 0; k < length; k++) {
    const d = bytes[a + k]! - bytes[b + k]!;
    if (d) return d;
  }
  return aLength - bLength;
}

const encoder = new TextEncoder();

/** A dictionary of the words of `lines` that occur in `text`, with the whole dictionary's total kept. */
export function dictionaryFor(lines: DictionaryLines, text: string): Uint8Array {
  const { bytes, starts, wordLengths } = lines;
  const textBytes = encoder.encode(text);
  const found = new Set<number>();
  // The k-th byte of a line's word, or -1 past its end: within lines that share k bytes, shorter words sort first.
  const byteAt = (line: number, k: number) => (k < wordLengths[line]! ? bytes[starts[line]! + k]! : -1);
  const count = starts.length - 1;
  for (let i = 0; i < textBytes.length; i++) {
    if ((textBytes[i]! & 0xc0) === 0x80) continue;
    let lo = 0;
    let hi = count;
    for (let k = 0; i + k < textBytes.length; k++) {
      const b = textBytes[i + k]!;
      lo = firstFrom(lo, hi, (line) => byteAt(line, k) >= b);
      hi = firstFrom(lo, hi, (line) => byteAt(line, k) > b);
      if (lo >= hi) break;
      if (wordLengths[lo] === k + 1) found.add(lo);
    }
  }
  const chosen = [...found].sort((a, b) => a - b);
  let kept = 0;
  const parts: Uint8Array[] = [];
  for (const line of chosen) {
    parts.push(bytes.subarray(starts[line]!, starts[line + 1]!));
    kept += freqOf(lines, line);
  }
  // The words left out, as one word that no text here contains: a private-use character the text does not use.
  let filler = 0xe000;
  while (text.includes(String.fromCharCode(filler))) filler++;
  const rest = encoder.encode(`${String.fromCharCode(filler).repeat(2)} ${lines.total - kept} x\n`);
  const size = parts.reduce((n, p) => n + p.length + (p[p.length - 1] === LINE_END ? 0 : 1), 0) + rest.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
    if (part[part.length - 1] !== LINE_END) out[at++] = LINE_END;
  }
  out.set(rest, at);
  return out;
}

/** The first index in [lo, hi) where `passes` holds, for a test that holds from some index on. */
function firstFrom(lo: number, hi: number, passes: (line: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
