import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user does and returns every module URL the process loaded. */
async function loadedModules(name: string, args: string[]): Promise<string[]> {
  const trace = join(dir, `${name}.txt`);
  await promisify(execFile)(process.execPath, ['--import', './test/helpers/trace-loads.mjs', 'bin/speech-deck.js', ...args], { env: { ...process.env, TRACE_FILE: trace } });
  return readFileSync(trace, 'utf8').trim().split('\n');
}

describe('the command line runs compiled JavaScript', () => {
  it.each([
    ['check', ['check', 'test/fixtures/small.md']],
    ['build', ['build', 'test/fixtures/small.md', '--out-dir', join(dir, 'out')]],
  ])('loads no TypeScript and no compiler for %s', async (name, args) => {
    const urls = await loadedModules(name, args);
    // The trace itself works: it sees the compiled CLI and the libraries the command needs.
    expect(urls.some((u) => /node_modules\/\.cache\/speech-deck\/cli\/[0-9a-f]+\/cli\.js$/.test(u))).toBe(true);
    expect(urls.some((u) => u.includes('/node_modules/markdown-it/'))).toBe(true);
    expect(urls.filter((u) => u.includes('/node_modules/tsx/') || u.includes('/node_modules/esbuild/') || /\.ts$/.test(u))).toEqual([]);
  }, 60_000);
});
