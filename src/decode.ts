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

/** Decodes a speech file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK). */
export function decode(bytes: Uint8Array): Decoded {
  const problems: Problem[] = [];
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  let encoding = bom?.[1] ?? 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(bom?.[0].length ?? 0));
  } catch {
    if (bom) {
      problems.push({ line: 1, severity: 'error', message: `the file starts with a ${encoding} byte-order mark but is not valid ${encoding}` });
      text = new TextDecoder(encoding).decode(bytes.subarray(bom[0].length));
    } else {
      encoding = 'gb18030';
      text = new TextDecoder(encoding).decode(bytes);
      problems.push({ line: 1, severity: 'warning', message: 'the file is not UTF-8; it was read as GBK/GB18030 (as saved by Word or WPS on Windows). Save it as UTF-8 to silence this warning' });
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  return { text: replaceControls(text, problems), encoding, problems };
}

function replaceControls(text: string, problems: Problem[]): string {
  if (text.search(CONTROL) < 0) return text;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const found = line.match(CONTROL);
    if (found) {
      const codes = [...new Set(found)].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      problems.push({ line: i + 1, severity: 'warning', message: `invisible control character ${codes.join(', ')} replaced with "\uFFFD"` });
    }
  });
  return text.replace(CONTROL, '\uFFFD');
}
