import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// After a source changes, the first command compiles the CLI again (test/compile.test.ts holds that); these tests
// are about every command after it.
beforeAll(() => promisify(execFile)(process.execPath, ['bin/speech-deck.js', '--help']), 60_000);

/** Runs the CLI as a user does and returns every module URL the process loaded. */
async function loadedModules(name: string, args: string[]): Promise<string[]> {
  const trace = join(dir, `${name}.txt`);
  await promisify(execFile)(process.execPath, ['--import', './test/helpers/trace-loads.mjs', 'bin/speech-deck.js', ...args], {
    env: { ...process.env, TRACE_FILE: trace },
  });
  return readFileSync(trace, 'utf8').trim().split('\n');
}

describe('the command line runs compiled JavaScript', () => {
  it.each([
    ['check', ['check', 'test/fixtures/small.md']],
    ['build', ['build', 'test/fixtures/small.md', '--out-dir', join(dir, 'out')]],
  ])(
    'loads no TypeScript and no compiler for %s',
    async (name, args) => {
      const urls = await loadedModules(name, args);
      // The trace itself works: it sees the compiled CLI and the libraries the command needs.
      expect(urls.some((u) => /node_modules\/\.cache\/speech-deck\/cli\/[0-9a-f]+\/cli\.js$/.test(u))).toBe(true);
      expect(urls.some((u) => u.includes('/node_modules/markdown-it/'))).toBe(true);
      expect(urls.filter((u) => u.includes('/node_modules/tsx/') || u.includes('/node_modules/esbuild/') || /\.ts$/.test(u))).toEqual([]);
    },
    60_000,
  );

  it('builds a speech it has built before without loading jieba, its dictionary or sharp', async () => {
    const out = join(dir, 'again');
    // The first build may cut the speech's words (and keeps them); the second finds them kept.
    await loadedModules('build-first', ['build', 'test/fixtures/small.md', '--out-dir', out]);
    const first = readFileSync(join(out, 'small.html'));
    const urls = await loadedModules('build-again', ['build', 'test/fixtures/small.md', '--out-dir', out]);
    expect(urls.some((u) => u.includes('/node_modules/markdown-it/'))).toBe(true);
    expect(urls.filter((u) => /\/node_modules\/(@node-rs\/jieba|sharp|@img)\//.test(u))).toEqual([]);
    expect(readFileSync(join(out, 'small.html')).equals(first)).toBe(true);
  }, 60_000);

  it('checks a paragraph it has not seen with jieba, and the same speech again without it', async () => {
    // A paragraph no earlier check can have cut: the proofreader loads jieba for it (the trace does see jieba) …
    const speech = join(dir, 'new.md');
    const unique = `${process.pid}${Date.now()}`.replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
    writeFileSync(speech, `# 新的讲话\n\n第${unique}次会议上的讲话稿，要认真学习领会。\n`);
    const first = await loadedModules('check-new', ['check', speech]);
    expect(first.some((u) => u.includes('/node_modules/@node-rs/jieba/'))).toBe(true);
    // … and keeps its cut, so that checking the speech again needs neither jieba nor its dictionary.
    const again = await loadedModules('check-again', ['check', speech]);
    expect(again.some((u) => u.includes('/node_modules/markdown-it/'))).toBe(true);
    expect(again.filter((u) => u.includes('/node_modules/@node-rs/jieba'))).toEqual([]);
  }, 60_000);
});
