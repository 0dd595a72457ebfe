import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/core/decode.ts';
import { parse } from '../src/core/parse.ts';
import { fixture } from './helpers/speech.ts';

const text = fixture('small.md');
const utf8 = new TextEncoder().encode(text);

function withBom(bom: number[], body: Uint8Array): Uint8Array {
  return new Uint8Array([...bom, ...body]);
}

function utf16be(value: string): Uint8Array {
  const le = Buffer.from(value, 'utf16le');
  return new Uint8Array(le.swap16());
}

describe('decode', () => {
  it('reads UTF-8 without a warning', () => {
    expect(decode(utf8)).toEqual({ text, encoding: 'utf-8', problems: [] });
  });

  it('reads UTF-8 with a byte-order mark, dropping the mark', () => {
    expect(decode(withBom([0xef, 0xbb, 0xbf], utf8))).toEqual({ text, encoding: 'utf-8', problems: [] });
  });

  it('reads UTF-16 with a byte-order mark, either byte order, with a warning naming it', () => {
    for (const [bom, bytes, name] of [
      [[0xff, 0xfe], new Uint8Array(Buffer.from(text, 'utf16le')), 'UTF-16LE'],
      [[0xfe, 0xff], utf16be(text), 'UTF-16BE'],
    ] as const) {
      const decoded = decode(withBom([...bom], bytes));
      expect(decoded.text).toBe(text);
      expect(decoded.problems).toEqual([{ line: 1, severity: 'warning', message: expect.stringContaining(name) }]);
    }
  });

  it('reads UTF-16 saved without a mark, either byte order', () => {
    for (const [bytes, encoding] of [
      [new Uint8Array(Buffer.from(text, 'utf16le')), 'utf-16le'],
      [utf16be(text), 'utf-16be'],
    ] as const) {
      const decoded = decode(bytes);
      expect(decoded).toMatchObject({ text, encoding });
      expect(decoded.problems).toEqual([{ line: 1, severity: 'warning', message: expect.stringContaining(encoding.toUpperCase()) }]);
    }
  });

  it('reads GBK, as Word and WPS save it on Windows, with a warning that names the encoding', () => {
    const decoded = decode(readFileSync('test/fixtures/small.gbk.md'));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.problems).toEqual([{ line: 1, severity: 'warning', message: expect.stringContaining('GBK/GB18030') }]);
  });

  it('gives the same deck for CRLF, CR and LF line ends', () => {
    const lf = parse(decode(utf8).text);
    for (const ending of ['\r\n', '\r']) {
      expect(parse(decode(new TextEncoder().encode(text.replace(/\n/g, ending))).text)).toEqual(lf);
    }
  });

  it('drops NUL and other control characters, with a warning at their line and column, Chinese first; none becomes U+FFFD', () => {
    const decoded = decode(new TextEncoder().encode('# 题\n\n话\u0000语\u001b。\n'));
    expect(decoded.text).toBe('# 题\n\n话语。\n');
    expect(decoded.problems).toEqual([
      {
        line: 3,
        column: 2,
        severity: 'warning',
        message: expect.stringMatching(/^看不见的控制字符 U\+0000, U\+001B 已删去.* · invisible control character U\+0000, U\+001B dropped/),
      },
    ]);
  });

  it('makes U+000B (a manual line break pasted from Word) and U+2028 line breaks within their paragraph, and nothing at a line end', () => {
    const decoded = decode(new TextEncoder().encode('# 题\n\n第一句\u000b第二句\u2028第三句\u000b\n\n\u2028下一段\n'));
    expect(decoded.text).toBe('# 题\n\n第一句\n第二句\n第三句\n\n下一段\n');
    expect(decoded.problems).toEqual([]);
    const notes = parse(`# 题\n\n## 一、部分\n\n${decoded.text.split('\n\n')[1]}\n`).sections[0]!.opener.notes;
    expect(notes.map((n) => n.text)).toEqual(['第一句\n第二句\n第三句']);
  });

  it('sums up control characters past the tenth line instead of listing every one', () => {
    const decoded = decode(new TextEncoder().encode('\u0001\n'.repeat(50)));
    expect(decoded.problems).toHaveLength(11);
    expect(decoded.problems.at(-1)?.message).toContain('40 more lines');
  });

  it('says so when a file is not text at all', () => {
    const bytes = new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 97 + 13) % 256));
    expect(decode(bytes).problems.some((p) => p.severity === 'error' && p.message.includes('neither UTF-8 nor GBK'))).toBe(true);
  });

  it('keeps a broken UTF-8 byte-order-marked file readable, with an error', () => {
    const decoded = decode(withBom([0xef, 0xbb, 0xbf], new Uint8Array([0x23, 0x20, 0xff, 0x0a])));
    expect(decoded.problems[0]).toMatchObject({ line: 1, severity: 'error', message: expect.stringContaining('not valid utf-8') });
    expect(decoded.text).toBe('# \uFFFD\n');
  });
});
