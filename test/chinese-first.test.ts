import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decode } from '../src/core/decode.ts';
import { DEFAULT_INPUT, main } from '../src/node/cli.ts';
import { CLIError } from '../src/node/errors.ts';

const HAN = /\p{Script=Han}/u;
const dir = mkdtempSync(join(tmpdir(), 'speech-deck-chinese-first-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the command line in this process, as a person would at the terminal, and returns every message it gave:
 * each line printed, and the error it stopped with (without the help printed after it).
 */
async function messagesOf(...args: string[]): Promise<string[]> {
  const printed: string[] = [];
  const keep = (...parts: unknown[]) => void printed.push(parts.join(' '));
  const spies = [vi.spyOn(console, 'log').mockImplementation(keep), vi.spyOn(console, 'error').mockImplementation(keep)];
  try {
    await main(args);
  } catch (error) {
    if (!(error instanceof CLIError)) throw error;
    printed.push(error.message.split('\n\n')[0]!);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return printed
    .join('\n')
    .split('\n')
    .filter((line) => line.trim());
}

/** A message as the reader meets it: after its `file:line[:col]:` place, without the quoted “…” words. */
const afterPlace = (line: string) =>
  line
    .replace(/^[^\s:]+:\d+(?::\d+)?: /, '')
    .replace(/“[^”]*”/g, '')
    .trim();

/** The message itself, after its severity (错误 error: / 提醒 warning:). */
const afterSeverity = (line: string) => afterPlace(line).replace(/^(?:错误 error|提醒 warning): /, '');

/** Asserts a message holds Chinese and starts with it, severity included and without it. */
function expectChineseFirst(line: string): void {
  expect(line, line).toMatch(HAN);
  expect(afterPlace(line)[0], line).toMatch(HAN);
  expect(afterSeverity(line)[0], line).toMatch(HAN);
}

const problems = readdirSync('test/fixtures/problems').filter((name) => name.endsWith('.md'));

describe('every message the command line gives, Chinese first', () => {
  it('for check on each bad speech in test/fixtures/problems', async () => {
    expect(problems.length).toBeGreaterThanOrEqual(13);
    for (const name of problems) {
      const lines = await messagesOf('check', `test/fixtures/problems/${name}`);
      expect(lines.length, name).toBeGreaterThanOrEqual(2);
      for (const line of lines) expectChineseFirst(line);
    }
  });

  it('for check on the speech and on the original it was made from', async () => {
    for (const file of ['test/fixtures/speech.md', 'test/fixtures/speech.txt']) {
      const lines = await messagesOf('check', file);
      expect(lines.length, file).toBeGreaterThanOrEqual(5);
      for (const line of lines) expectChineseFirst(line);
    }
  });

  it('for a missing file, a folder, and a build and a .pptx that stop on errors', async () => {
    const folder = join(dir, 'speech.md');
    mkdirSync(folder);
    for (const args of [
      ['check', join(dir, 'missing.md')],
      ['check', folder],
      ['build', 'test/fixtures/problems/no-title.md', '--out-dir', join(dir, 'out')],
      ['pptx', 'test/fixtures/problems/invalid-yaml.md', '--out-dir', join(dir, 'out')],
    ]) {
      const lines = await messagesOf(...args);
      expect(lines.length, args.join(' ')).toBeGreaterThanOrEqual(1);
      for (const line of lines) expectChineseFirst(line);
    }
    expect(await messagesOf('check', folder)).toEqual([
      `“${folder}”是文件夹，不是讲话稿：请给出文件夹里的 .md 文件，如 ${DEFAULT_INPUT} · ${folder} is a folder, not a speech: give the .md file in it, e.g. ${DEFAULT_INPUT}`,
    ]);
  });

  it('for a binary file: every line after its place, and all but the decoder’s own after their severity', async () => {
    const binary = join(dir, 'binary.md');
    const bytes = new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) % 256));
    writeFileSync(binary, bytes);
    const decoderSays = decode(new Uint8Array(readFileSync(binary))).problems.map((p) => p.message);
    const lines = await messagesOf('check', binary);
    expect(lines.length).toBeGreaterThan(decoderSays.length);
    for (const line of lines) {
      // The decoder's wording is its own (core/decode.ts): held here to its place and severity.
      if (decoderSays.some((said) => line.endsWith(said))) expect(afterPlace(line)[0], line).toMatch(HAN);
      else expectChineseFirst(line);
    }
  });

  it('for an unknown command, an unknown option, another command’s option and an option without its value', async () => {
    for (const args of [
      ['frobnicate'],
      ['check', '--frob'],
      ['check', '--out-dir', 'x'],
      ['build', '--outdir', 'x'],
      ['build', '--out-dir'],
      ['check', 'a.md', 'b.md'],
    ]) {
      const lines = await messagesOf(...args);
      expect(lines, args.join(' ')).toHaveLength(1);
      expectChineseFirst(lines[0]!);
    }
  });
});
