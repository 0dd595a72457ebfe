import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/node/cli.ts';
import { CLIError } from '../src/node/errors.ts';
import { importFile } from '../src/node/speech/import-file.ts';
import { expectFaithful, treeShape } from './helpers/import.ts';
import { fixture } from './helpers/speech.ts';
import { speechDocx } from './helpers/speech-docx.ts';

/**
 * Word 97–2003 and WPS files (test/fixtures/word/, made by LibreOffice, see its README), and files whose name
 * says Word while their content is something else, through `speech-deck import`.
 */
const dir = mkdtempSync(join(tmpdir(), 'speech-deck-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tree this speech has, as found in its .docx (Word's own 一、 numbering, the sub-points parallel sentences). */
let docxTree: ReturnType<typeof treeShape>;
beforeAll(async () => {
  writeFileSync(join(dir, 'speech.docx'), await speechDocx());
  docxTree = treeShape((await importFile({ input: join(dir, 'speech.docx'), output: join(dir, 'docx.md') })).imported);
});

/** Runs `speech-deck import` as the CLI does, in the test's folder; the exit code and what it printed. */
async function runImport(...args: string[]): Promise<{ code: number; out: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await main(['import', ...args]);
    return { code, out: log.mock.calls.map((a) => String(a[0])).join('\n') };
  } catch (error) {
    if (error instanceof CLIError) return { code: error.exitCode, out: error.message };
    throw error;
  } finally {
    log.mockRestore();
  }
}

describe('Word 97–2003 .doc and WPS .wps', () => {
  for (const name of ['speech.doc', 'speech.wps']) {
    it(`${name}: is imported to its full structure, Word's automatic numbering included, with the notes verbatim`, async () => {
      const output = join(dir, `${name}.md`);
      const { code, out } = await runImport(`test/fixtures/word/${name}`, '-o', output, '--force');
      expect(code).toBe(0);
      expect(out).toContain('部分 · section        3  一、以加强党性锤炼成果为动能，开展政治学习  〔编号 · its number〕');
      const { imported } = await importFile({ input: `test/fixtures/word/${name}`, output, force: true });
      expect(treeShape(imported)).toEqual(docxTree);
      expect(imported.tree.title.found).toBe('title-style');
      expect(imported.deck.sections.map((s) => s.numeral)).toEqual(['一', '二', '三']);
      expect(imported.deck.sections.flatMap((s) => s.points)).toHaveLength(9);
      expectFaithful(imported, fixture('speech.txt'));
      expect(readFileSync(output, 'utf8')).toBe(imported.markdown);
    });
  }

  it('reads a .doc whatever it is called, and a .docx called .doc', async () => {
    copyFileSync('test/fixtures/word/speech.doc', join(dir, 'renamed.txt'));
    copyFileSync(join(dir, 'speech.docx'), join(dir, 'docx-renamed.doc'));
    for (const file of ['renamed.txt', 'docx-renamed.doc']) {
      const { imported } = await importFile({ input: join(dir, file), output: join(dir, `${file}.md`) });
      expect(treeShape(imported), file).toEqual(docxTree);
      expectFaithful(imported, fixture('speech.txt'));
    }
  });
});

describe('files that cannot be read get a plain message and a non-zero exit', () => {
  /** An OLE file holding the given streams, as Office writes them. */
  const ole = (streams: Record<string, Uint8Array>) => {
    const container = CFB.utils.cfb_new();
    for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, data);
    return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
  };

  /** speech.doc with the FIB's fEncrypted bit set, as Word marks a .doc saved with a password. */
  const encryptedDoc = () => {
    const container = CFB.read(readFileSync('test/fixtures/word/speech.doc'), { type: 'buffer' });
    const word = CFB.find(container, '/WordDocument')!;
    const content = Uint8Array.from(word.content as ArrayLike<number>);
    content[0x0b] = content[0x0b]! | 0x01;
    word.content = content;
    return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
  };

  const cases: Array<[string, () => Buffer | string, RegExp]> = [
    [
      'password.docx',
      () => ole({ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(600) }),
      /这个文件设了打开密码，不能读取.* · this file has a password/,
    ],
    ['password.doc', encryptedDoc, /这个文件设了打开密码，不能读取.* · this file has a password/],
    [
      'rtf.doc',
      () => '{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 宋体;}}\\f0 讲话稿\\par}',
      /这个文件其实是 RTF 格式.*另存为.*Word 文档（\*\.docx）.* · this file is really RTF/,
    ],
    [
      'web.doc',
      () => '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"></head><body><p>讲话稿</p></body></html>',
      /这个文件其实是网页（HTML）.*另存为.* · this file is really a web page \(HTML\)/,
    ],
    ['web.wps', () => '<!DOCTYPE html>\n<html><body>讲话稿</body></html>', /这个文件其实是网页（HTML）/],
    [
      'oa.doc',
      () => 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n------=_NextPart\r\n',
      /这个文件其实是单个文件网页（MHT）.* · this file is really a single-file web page \(MHT\)/,
    ],
    [
      'old.wps',
      () => Buffer.from([0xff, 0x00, 0x03, 0x00, 0x01, 0x02, 0x00, 0x05, ...new Array(600).fill(0).map((_, i) => (i * 37) % 7)]),
      /这是金山 WPS 的早期格式.*WPS 打开它.* · this is an early Kingsoft WPS file/,
    ],
    ['book.doc', () => ole({ Workbook: new Uint8Array(600) }), /这是Excel 表格，不是 Word 文档.* · this is an Excel workbook, not a Word document/],
  ];

  for (const [name, make, message] of cases) {
    it(`${name}: ${message.source.slice(0, 24)}…`, async () => {
      writeFileSync(join(dir, name), make());
      const { code, out } = await runImport(join(dir, name), '-o', join(dir, 'refused.md'));
      expect(code).toBe(1);
      expect(out).toMatch(new RegExp(`^${join(dir, name).replace(/[.\\]/g, '\\$&')}: `));
      expect(out).toMatch(message);
    });
  }
});
