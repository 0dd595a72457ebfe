import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/node/cli.ts';
import { CLIError } from '../src/node/errors.ts';

/** Runs `speech-deck check` in this process and returns its exit code and what it printed. */
async function check(file: string): Promise<{ code: number; lines: string[] }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const code = await main(['check', file]);
  const lines = log.mock.calls
    .map((args) => String(args[0]))
    .join('\n')
    .split('\n');
  log.mockRestore();
  return { code, lines };
}

/**
 * Runs a command in this process and returns what the real one would exit with and print: `run()` prints a
 * CLIError's message alone and exits with its code, which is tested on the real command with `pdf`. Any other
 * error is let through, failing the test, since the real command would report it as an unexpected failure.
 */
async function runCommand(...args: string[]): Promise<{ code: number; output: string }> {
  const printed: string[] = [];
  const keep = (...parts: unknown[]) => void printed.push(parts.map(String).join(' '));
  const log = vi.spyOn(console, 'log').mockImplementation(keep);
  const error = vi.spyOn(console, 'error').mockImplementation(keep);
  try {
    return { code: await main(args), output: printed.join('\n') };
  } catch (thrown) {
    if (!(thrown instanceof CLIError)) throw thrown;
    return { code: thrown.exitCode, output: [...printed, `speech-deck: ${thrown.message}`].join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('speech-deck check', () => {
  it('reports the doubtful places in test/fixtures/speech.md as warnings, one line each, Chinese first, and exits 0', async () => {
    const { code, lines } = await check('test/fixtures/speech.md');
    expect(code).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^test\/fixtures\/speech\.md:31:104: 提醒 warning: “了”表示事情已经做完.*；.* · “了” marks .*; .* \[done-in-demand\]$/);
    expect(lines[1]).toMatch(/^test\/fixtures\/speech\.md:79:18: 提醒 warning: 这里的“等”紧跟在“向”后面.* · .*\[missing-object\]$/);
    expect(lines[2]).toMatch(/^test\/fixtures\/speech\.md:87:51: 提醒 warning: “自”在“律，自切实”里单独出现.* · .*\[stranded\]$/);
    expect(lines[3]).toMatch(/^test\/fixtures\/speech\.md:95:21: 提醒 warning: “坚”在“则，坚不断完善”里单独出现.* · .*\[stranded\]$/);
    expect(lines[4]).toBe('检查了“test/fixtures/speech.md”：0 个错误，4 个提醒 · test/fixtures/speech.md: 0 errors, 4 warnings');
  });

  it('reports the slips of the original speech, the wrong official term as an error, and exits 1', async () => {
    const { code, lines } = await check('test/fixtures/speech.txt');
    expect(code).toBe(1);
    expect(lines).toContain(
      'test/fixtures/speech.txt:7:17: 错误 error: “习近平新时期中国特色社会主义思想”不是这个用语的规范写法：党章中写明的指导思想名称；请写作“习近平新时代中国特色社会主义思想” · ' +
        '“习近平新时期中国特色社会主义思想” is not the official form of this term: ' +
        "the guiding theory's name as written in the Party Constitution (党章); write “习近平新时代中国特色社会主义思想” [terms]",
    );
    expect(lines.filter((l) => l.includes('[stranded]')).map((l) => l.split(': ')[0])).toEqual([
      'test/fixtures/speech.txt:6:51',
      'test/fixtures/speech.txt:6:91',
      'test/fixtures/speech.txt:6:308',
    ]);
    // The plain-text original has no Markdown headings, which the check also says.
    expect(lines).toContain('test/fixtures/speech.txt:1: 错误 error: 没有标题：讲话稿第一行请写“# 标题” · no title: start the speech with a line "# title"');
    // With no headings the whole speech is one slide's text: far too long for one slide.
    expect(lines).toContainEqual(expect.stringMatching(/^test\/fixtures\/speech\.txt:1: 提醒 warning: 这一张要讲 1835 个字.*split it with "###" sub-points/));
    expect(lines.at(-1)).toBe('检查了“test/fixtures/speech.txt”：2 个错误，7 个提醒 · test/fixtures/speech.txt: 2 errors, 7 warnings');
  });

  it('exits 1 for structure errors and 0 for warnings alone', async () => {
    await expect(check('test/fixtures/problems/no-title.md')).resolves.toMatchObject({ code: 1 });
    await expect(check('test/fixtures/problems/no-sections.md')).resolves.toMatchObject({ code: 0 });
    const { lines } = await check('test/fixtures/small.md');
    expect(lines).toEqual(['检查了“test/fixtures/small.md”：没有发现问题 · test/fixtures/small.md: no problems found']);
  });

  it('names the encoding of a GBK file', async () => {
    const { code, lines } = await check('test/fixtures/small.gbk.md');
    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /^test\/fixtures\/small\.gbk\.md:1: 提醒 warning: 文件不是 UTF-8，已按 GBK\/GB18030.* · the file is not UTF-8; it was read as GBK\/GB18030/,
    );
  });

  it('says how to fix a wrong path instead of failing', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await expect(main(['check', 'no/such/speech.md'])).rejects.toThrow(CLIError);
    await expect(main(['check', 'no/such/speech.md'])).rejects.toThrow(
      /^找不到文件“.*no\/such\/speech\.md”：请给出 Markdown 讲话稿的路径.* · .*no such file\. Give the path of a speech/,
    );
  });
});

describe('the command line with bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-check-'));

  it('names a mistyped option and the one meant, and an option left without its value, in both languages', async () => {
    await expect(main(['build', 'test/fixtures/small.md', '--outdir', 'x'])).rejects.toThrow(
      /^没有 --outdir 这个选项，是不是 --out-dir？ · there is no option --outdir; did you mean --out-dir\?\n\n用法 Usage:/,
    );
    await expect(main(['pdf', '--browserpath=/usr/bin/chromium'])).rejects.toThrow(/did you mean --browser-path\?/);
    await expect(main(['build', '--zzz'])).rejects.toThrow(/^没有 --zzz 这个选项 · there is no option --zzz\n/);
    await expect(main(['build', 'test/fixtures/small.md', '--out-dir'])).rejects.toThrow(
      /^选项 --out-dir 后面要跟一个值 · the option --out-dir needs a value after it\n/,
    );
  });

  it('never prints a stack trace, for check or build', async () => {
    const binary = join(dir, 'binary.md');
    writeFileSync(binary, new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256)));
    for (const args of [
      ['check', 'test/fixtures/problems/invalid-yaml.md'],
      ['check', binary],
      ['build', 'test/fixtures/problems/empty.md', '--out-dir', dir],
      ['check', join(dir, 'missing.md')],
    ]) {
      const { code, output } = await runCommand(...args);
      expect(code, args.join(' ')).toBe(1);
      expect(output, args.join(' ')).not.toMatch(/^\s+at /m);
      expect(output, args.join(' ')).toMatch(/error|no such file/);
    }
  });
});
