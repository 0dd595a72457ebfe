/**
 * What a file is, by its first bytes rather than its name: offices and their systems hand out "Word" files that
 * are a .docx renamed .doc, RTF, a web page or an MHT, and a .doc renamed .txt. Pure: bytes in, a kind out.
 */

export type FileKind = 'zip' | 'ole' | 'rtf' | 'html' | 'mht' | 'word-xml' | 'pdf' | 'picture' | 'binary' | 'text';

const starts = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PICTURES = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x42, 0x4d],
] as const;

/** The kind of a file's content. */
export function sniff(bytes: Uint8Array): FileKind {
  if (starts(bytes, ZIP) || starts(bytes, EMPTY_ZIP)) return 'zip';
  if (starts(bytes, OLE)) return 'ole';
  if (PICTURES.some((magic) => starts(bytes, magic))) return 'picture';
  const head = asciiHead(bytes);
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^MIME-Version:/im.test(head) && /multipart\/related/i.test(head)) return 'mht';
  if (/<\?mso-application\s+progid="Word\.Document"|<w:wordDocument\b|<pkg:package\b/i.test(head)) return 'word-xml';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])/i.test(head)) return 'html';
  if (isBinary(bytes)) return 'binary';
  return 'text';
}

/** The first kilobytes as text where they are ASCII, whatever the encoding (UTF-8 or UTF-16 with its BOM). */
function asciiHead(bytes: Uint8Array): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : utf16 ? 2 : 0;
  let text = '';
  const step = utf16 ? 2 : 1;
  const low = bytes[0] === 0xff ? 0 : 1;
  for (let i = offset; i < Math.min(bytes.length, 4096); i += step) {
    const b = utf16 ? bytes[i + (low ? 1 : 0)]! : bytes[i]!;
    text += b < 0x80 ? String.fromCharCode(b) : ' ';
  }
  return text.trimStart();
}

/** Bytes no text file has: NULs where UTF-16 would not put them, or many other control bytes. */
function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  // A byte-order mark says text; the decoder checks the rest.
  if (!n || starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff]) || starts(bytes, [0xef, 0xbb, 0xbf])) return false;
  let even = 0;
  let odd = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      if (i % 2) odd++;
      else even++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  const nuls = even + odd;
  // UTF-16 text puts its NULs on one side only: the high bytes of ASCII characters.
  const utf16 = nuls > 0 && (even === 0 || odd === 0 || Math.max(even, odd) > 3 * Math.min(even, odd));
  // UTF-16's code units hold bytes that look like controls; its shape is enough.
  if (utf16) return false;
  // A few stray NULs or control characters (pasted from a PDF or an OA system) do not make text binary.
  return nuls > Math.max(4, n * 0.01) || controls > Math.max(8, n * 0.02);
}
