import type { Problem } from './model.ts';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. `utf-8` or `gb18030`. */
  encoding: string;
  problems: Problem[];
}

const BOMS: ReadonlyArray<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

// C0 controls other than tab and line ends, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Past this many lines the warnings would bury everything else, so the rest are counted.
const MAX_CONTROL_LINES = 10;

/** Decodes a speech file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK). */
export function decode(bytes: Uint8Array): Decoded {
  const problems: Problem[] = [];
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  const body = bytes.subarray(bom?.[0].length ?? 0);
  let encoding = bom?.[1] ?? 'utf-8';
  let text = strict(encoding, body);
  if (text === undefined && bom) {
    problems.push({
      line: 1,
      severity: 'error',
      message: `the file starts with a ${encoding} byte-order mark but is not valid ${encoding}: save it again as UTF-8`,
    });
    text = new TextDecoder(encoding).decode(body);
  } else if (text === undefined) {
    encoding = utf16WithoutBom(bytes) ?? 'gb18030';
    text = new TextDecoder(encoding).decode(bytes);
    problems.push({ line: 1, severity: 'warning', message: fallbackMessage(encoding) });
    if (encoding === 'gb18030' && text.includes('\uFFFD')) {
      problems.push({
        line: 1,
        severity: 'error',
        message: 'the file is neither UTF-8 nor GBK/GB18030 text (is it a Word document?): save it as plain text in UTF-8',
      });
    }
  } else if (encoding !== 'utf-8') {
    problems.push({
      line: 1,
      severity: 'warning',
      message: `the file is ${encoding.toUpperCase()} (it has a byte-order mark); it was read correctly, but UTF-8 is what other tools expect`,
    });
  }
  text = text.replace(/\r\n?/g, '\n');
  return { text: replaceControls(text, problems), encoding, problems };
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// UTF-16 without a mark: ASCII (line ends, "#", spaces) leaves NULs, nearly all at odd offsets (LE) or even ones (BE).
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  if (odd + even < pairs * 0.05) return undefined;
  if (odd > even * 3) return 'utf-16le';
  if (even > odd * 3) return 'utf-16be';
  return undefined;
}

function fallbackMessage(encoding: string): string {
  if (encoding === 'gb18030') {
    return 'the file is not UTF-8; it was read as GBK/GB18030 (as saved by Word or WPS on Windows). Save it as UTF-8 to silence this warning';
  }
  return `the file has no byte-order mark but looks like ${encoding.toUpperCase()}; it was read as such. Save it as UTF-8 to silence this warning`;
}

function replaceControls(text: string, problems: Problem[]): string {
  if (text.search(CONTROL) < 0) return text;
  const found = text.split('\n').flatMap((line, i) => (line.search(CONTROL) < 0 ? [] : [{ line, i }]));
  for (const { line, i } of found.slice(0, MAX_CONTROL_LINES)) {
    const codes = [...new Set(line.match(CONTROL))].slice(0, 5).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    const column = line.search(CONTROL) + 1;
    problems.push({ line: i + 1, column, severity: 'warning', message: `invisible control character ${codes.join(', ')} replaced with "\uFFFD"; delete it` });
  }
  if (found.length > MAX_CONTROL_LINES) {
    const line = found[MAX_CONTROL_LINES]!.i + 1;
    problems.push({
      line,
      severity: 'warning',
      message: `${found.length - MAX_CONTROL_LINES} more lines have invisible control characters, replaced the same way`,
    });
  }
  return text.replace(CONTROL, '\uFFFD');
}
