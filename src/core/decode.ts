/**
 * Bytes of a speech file to text: its encoding found, line ends made LF, and characters no font draws dealt with
 * at the source (a line break within a paragraph made a line break, other control characters dropped), so that
 * nothing reaches the fonts that no embedded face draws.
 */
import type { Problem } from './model.ts';
import { messages, say } from './say.ts';

/** What the decoder says about a file's encoding and its invisible characters. */
export const DECODE = messages({
  badBom: {
    zh: '文件开头标明是 {encoding}，内容却不是有效的 {encoding}；请另存为 UTF-8',
    en: 'the file starts with a {encoding} byte-order mark but is not valid {encoding}: save it again as UTF-8',
  },
  gbk: {
    zh: '文件不是 UTF-8，已按 GBK/GB18030（Windows 上 Word、WPS 保存的编码）读取；另存为 UTF-8 就不再提示',
    en: 'the file is not UTF-8; it was read as GBK/GB18030 (as saved by Word or WPS on Windows). Save it as UTF-8 to silence this warning',
  },
  utf16NoBom: {
    zh: '文件没有编码标记，看起来是 {name}，已按它读取；另存为 UTF-8 就不再提示',
    en: 'the file has no byte-order mark but looks like {name}; it was read as such. Save it as UTF-8 to silence this warning',
  },
  notText: {
    zh: '文件既不是 UTF-8 也不是 GBK/GB18030 文字（是 Word 文档吗？）；请另存为 UTF-8 纯文本',
    en: 'the file is neither UTF-8 nor GBK/GB18030 text (is it a Word document?): save it as plain text in UTF-8',
  },
  withBom: {
    zh: '文件是 {name}（有编码标记），已正确读取；不过别的工具通常要 UTF-8',
    en: 'the file is {name} (it has a byte-order mark); it was read correctly, but UTF-8 is what other tools expect',
  },
  controls: {
    zh: '看不见的控制字符 {codes} 已删去；请在原文里删掉它',
    en: 'invisible control character {codes} dropped; delete it in the source',
  },
  moreControls: {
    zh: '另有 {count} 行也有看不见的控制字符，已同样删去',
    en: '{count} more lines have invisible control characters, dropped the same way',
  },
});

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
    problems.push({ line: 1, severity: 'error', message: say(DECODE.badBom, { encoding }) });
    text = new TextDecoder(encoding).decode(body);
  } else if (text === undefined) {
    encoding = utf16WithoutBom(bytes) ?? 'gb18030';
    text = new TextDecoder(encoding).decode(bytes);
    problems.push({ line: 1, severity: 'warning', message: fallbackMessage(encoding) });
    if (encoding === 'gb18030' && text.includes('\uFFFD')) {
      problems.push({ line: 1, severity: 'error', message: say(DECODE.notText) });
    }
  } else if (encoding !== 'utf-8') {
    problems.push({ line: 1, severity: 'warning', message: say(DECODE.withBom, { name: encoding.toUpperCase() }) });
  }
  text = lineBreaks(text.replace(/\r\n?/g, '\n'));
  return { text: dropControls(text, problems), encoding, problems };
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
  return encoding === 'gb18030' ? say(DECODE.gbk) : say(DECODE.utf16NoBom, { name: encoding.toUpperCase() });
}

/** Word's manual line break (U+000B in pasted text) and the Unicode line and paragraph separators, inside a line, break it; at a line's end or start they are nothing more. */
function lineBreaks(text: string): string {
  if (!/[\u000b\u2028\u2029]/.test(text)) return text;
  return text.replace(/(^|\n)[\u000b\u2028\u2029]+|[\u000b\u2028\u2029]+(?=\n|$)/g, '$1').replace(/[\u000b\u2028\u2029]+/g, '\n');
}

/** Drops control characters, each line that had any named in a warning: no font draws them, and a build must not stop on one. */
function dropControls(text: string, problems: Problem[]): string {
  if (text.search(CONTROL) < 0) return text;
  const found = text.split('\n').flatMap((line, i) => (line.search(CONTROL) < 0 ? [] : [{ line, i }]));
  for (const { line, i } of found.slice(0, MAX_CONTROL_LINES)) {
    const codes = [...new Set(line.match(CONTROL))].slice(0, 5).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    const column = line.search(CONTROL) + 1;
    problems.push({ line: i + 1, column, severity: 'warning', message: say(DECODE.controls, { codes: codes.join(', ') }) });
  }
  if (found.length > MAX_CONTROL_LINES) {
    const line = found[MAX_CONTROL_LINES]!.i + 1;
    problems.push({ line, severity: 'warning', message: say(DECODE.moreControls, { count: found.length - MAX_CONTROL_LINES }) });
  }
  return text.replace(CONTROL, '');
}
