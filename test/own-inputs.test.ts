import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT } from '../src/node/cli.ts';

const run = promisify(execFile);

describe('the tests own their speech', () => {
  const copy = mkdtempSync(join(tmpdir(), 'speech-deck-own-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("pass with the user's own speech rewritten to something else entirely", async () => {
    for (const entry of ['src', 'assets', 'test', 'bin', 'index.html', 'package.json', 'tsconfig.json', 'vitest.config.ts'])
      cpSync(entry, join(copy, entry), { recursive: true });
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'));
    // The speech `npm start` presents and invites the user to edit.
    mkdirSync(dirname(join(copy, DEFAULT_INPUT)), { recursive: true });
    writeFileSync(join(copy, DEFAULT_INPUT), '# 另一篇讲话\n\n完全不同的一句话。\n');
    // The tests that compare against the real speech most closely, and one that builds the deck as the browser tests'
    // global setup does.
    const files = ['test/notes.test.ts', 'test/check.test.ts', 'test/capacity.test.ts', 'test/parse.test.ts', 'test/size.test.ts'];
    const { stdout } = await run(process.execPath, [resolve('node_modules/vitest/vitest.mjs'), 'run', ...files], {
      cwd: copy,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    expect(stdout).toMatch(/Test Files\s+\S*5 passed/);
  }, 120_000);
});
