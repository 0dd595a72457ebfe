import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isBuiltFrom } from '../src/node/speech/stamp.ts';
import { STOPPED } from '../src/node/stop.ts';
import { looksLikeInternals, runCli, snapshot, startCli, tempFiles, type Finished, type Running } from './helpers/cli.ts';
import { alive, chromiumBelow } from './helpers/pdf.ts';
import { fixture } from './helpers/speech.ts';

const root = mkdtempSync(join(tmpdir(), 'speech-deck-stop-'));
/** The commands' own temporary folder, so that what they leave there can be seen. */
const TMP = join(root, 'tmp');
mkdirSync(TMP);
const env = { TMPDIR: TMP };
afterAll(() => rmSync(root, { recursive: true, force: true }));

const speech = (title: string) => fixture('small.md').replace('# 小型讲话', `# ${title}`);
const workFolders = (pid?: number) => readdirSync(TMP).filter((name) => name.startsWith(`speech-deck-work-${pid ?? ''}`));

/**
 * Waits until `ready` holds, looking every 20 ms. Given the run it waits on, it fails at once with that run's
 * output when the run ends first, and kills it when the wait fails, so that it cannot go on to touch what a later
 * test looks at.
 */
async function until(ready: () => boolean, what: string, { ms = 120_000, run }: { ms?: number; run?: Running } = {}): Promise<void> {
  let ended: Finished | undefined;
  void run?.done.then((finished) => (ended = finished));
  const outcome = await vi
    .waitFor(
      () => {
        if (ended) return 'ended';
        if (!ready()) throw new Error(`not yet: ${what}`);
        return 'ready';
      },
      { timeout: ms, interval: 20 },
    )
    .catch(() => 'timed out');
  if (ended && outcome === 'ended') throw new Error(`the command ended (${ended.code ?? ended.signal}) before ${what}:\n${ended.stdout}\n${ended.stderr}`);
  if (outcome === 'timed out') {
    const printed = run?.output() ?? '';
    if (run) await kill(run);
    throw new Error(`timed out waiting for ${what}${run ? `; the command had printed:\n${printed}` : ''}`);
  }
}

/** The 6,763 characters of GB 2312, which every embedded face draws. */
const GB2312 = Array.from({ length: 72 * 94 }, (_, at) =>
  new TextDecoder('gb18030').decode(Uint8Array.of(0xb0 + Math.floor(at / 94), 0xa1 + (at % 94))),
).filter((c) => /\p{Script=Han}/u.test(c));
/**
 * Three of them at random: a speech with them has a set of characters no build has subset yet. (Any code point of the
 * CJK block would do only most of the time: a draw of three the faces lack makes a build with nothing to subset.)
 */
function freshCharacters(): string {
  return Array.from({ length: 3 }, () => GB2312[Math.floor(Math.random() * GB2312.length)]!).join('');
}

/** Kills a run with SIGKILL, which nothing can catch, and removes any browser it leaves behind. */
async function kill(run: Running): Promise<void> {
  const browsers = chromiumBelow(run.child.pid);
  run.child.kill('SIGKILL');
  const { signal } = await run.done;
  expect(signal).toBe('SIGKILL');
  for (const pid of browsers.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone by itself meanwhile.
    }
  }
}

describe('a run killed at any moment (SIGKILL)', () => {
  const dir = join(root, 'kill');
  const input = join(dir, 'talk.md');
  const out = join(dir, 'out');
  const outputs = () => snapshot(out);
  const withoutTemps = () => Object.fromEntries(Object.entries(outputs()).filter(([name]) => !tempFiles(out).includes(name)));

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(input, speech('杀前的讲话'));
    const good = await runCli(['pdf', input, '--out-dir', out], { env });
    expect(good.code, good.stderr).toBe(0);
  }, 240_000);

  it('leaves the previous page byte-for-byte when build is killed, and the next run clears what it left', async () => {
    const before = outputs();
    expect(Object.keys(before).sort()).toEqual(['talk-notes.pdf', 'talk.html', 'talk.pdf']);
    // Characters no earlier run has drawn, so that this build must subset the fonts afresh, which takes a while.
    const after = speech(`杀后的讲话${freshCharacters()}`);
    writeFileSync(input, after);
    // While it makes the fonts.
    const subsetting = startCli(['build', input, '--out-dir', out], { env });
    await subsetting.waitFor(/^正在把字体 .* · Subsetting /m);
    await kill(subsetting);
    expect(outputs()).toEqual(before);
    // With the new page complete in its temporary file, just before the rename.
    const renaming = startCli(['build', input, '--out-dir', out], { env: { ...env, SPEECH_DECK_TEST_HOLD_MS: '60000' } });
    await until(() => tempFiles(out).length === 1, 'the temporary page', { run: renaming });
    await kill(renaming);
    expect(tempFiles(out)).toHaveLength(1);
    expect(withoutTemps()).toEqual(before);
    // The next run removes the temporary file the killed one left, and writes the new page.
    const next = await runCli(['build', input, '--out-dir', out], { env });
    expect(next.code, next.stderr).toBe(0);
    expect(tempFiles(out)).toEqual([]);
    expect(workFolders()).toEqual([]);
    expect(isBuiltFrom(readFileSync(join(out, 'talk.html'), 'utf8'), after)).toBe(true);
  }, 240_000);

  it('leaves both previous PDFs byte-for-byte when pdf is killed, and the next run clears what it left', async () => {
    // The page is already built from this speech, so pdf goes straight to printing.
    const before = outputs();
    // Each run is held at its moment (SPEECH_DECK_TEST_HOLD_AT), so that the kill lands there and does not race it.
    const hold = (at: string) => ({ SPEECH_DECK_TEST_HOLD_MS: '60000', SPEECH_DECK_TEST_HOLD_AT: at });
    const moments: [RegExp | 'temps', NodeJS.ProcessEnv][] = [
      [/^正在用浏览器打开/m, hold('open')],
      [/^已排好讲义/m, hold('handout')],
      ['temps', hold('rename')],
    ];
    for (const [moment, extra] of moments) {
      const run = startCli(['pdf', input, '--out-dir', out], { env: { ...env, ...extra } });
      if (moment === 'temps') await until(() => tempFiles(out).length === 2, 'both temporary PDFs', { run });
      else await run.waitFor(moment);
      await kill(run);
      expect(withoutTemps(), String(moment)).toEqual(before);
    }
    expect(tempFiles(out)).toHaveLength(2);
    const next = await runCli(['pdf', input, '--out-dir', out], { env });
    expect(next.code, next.stderr).toBe(0);
    expect(tempFiles(out)).toEqual([]);
    expect(workFolders()).toEqual([]);
    expect(snapshot(out)['talk.pdf']).not.toBe(before['talk.pdf']);
  }, 240_000);
});

describe('Ctrl+C and SIGTERM', () => {
  const dir = join(root, 'signals');
  const input = join(dir, 'talk.md');
  const out = join(dir, 'out');
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(input, speech('停止的讲话'));
  });

  /** What every stopped command must show: one plain line, the signal's exit code, nothing left behind. */
  async function expectStopped(run: Running, code: number): Promise<void> {
    const { code: exit, stderr } = await run.done;
    expect(exit).toBe(code);
    expect(stderr.trim().split('\n').at(-1)).toBe(STOPPED);
    expect(stderr.split(STOPPED)).toHaveLength(2);
    expect(looksLikeInternals(stderr)).toBe(false);
    if (existsSync(out)) expect(tempFiles(out)).toEqual([]);
    expect(workFolders(run.child.pid)).toEqual([]);
  }

  it('SIGTERM during pdf closes the browser, removes its temporary files and says it stopped', async () => {
    // Held before the deck opens, so that the signal lands while the browser runs and not after the PDFs are written.
    const run = startCli(['pdf', input, '--out-dir', out], { env: { ...env, SPEECH_DECK_TEST_HOLD_MS: '60000', SPEECH_DECK_TEST_HOLD_AT: 'open' } });
    await run.waitFor(/^正在用浏览器打开/m);
    const browsers = chromiumBelow(run.child.pid);
    expect(browsers.length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    await expectStopped(run, 143);
    await until(() => browsers.filter(alive).length === 0, 'the browser to close', { ms: 10_000 });
  }, 240_000);

  it('Ctrl+C with both PDFs in their temporary files removes them and keeps the old ones', async () => {
    const good = await runCli(['pdf', input, '--out-dir', out], { env });
    expect(good.code, good.stderr).toBe(0);
    const before = snapshot(out);
    const run = startCli(['pdf', input, '--out-dir', out], { env: { ...env, SPEECH_DECK_TEST_HOLD_MS: '60000' } });
    await until(() => tempFiles(out).length === 2, 'both temporary PDFs', { run });
    const browsers = chromiumBelow(run.child.pid);
    run.child.kill('SIGINT');
    await expectStopped(run, 130);
    expect(snapshot(out)).toEqual(before);
    await until(() => browsers.filter(alive).length === 0, 'the browser to close', { ms: 10_000 });
  }, 240_000);

  it('Ctrl+C during build stops it cleanly', async () => {
    writeFileSync(input, speech(`停止的讲话${freshCharacters()}`));
    const run = startCli(['build', input, '--out-dir', out], { env });
    await run.waitFor(/^正在把字体 .* · Subsetting /m);
    run.child.kill('SIGINT');
    await expectStopped(run, 130);
  }, 240_000);

  it('Ctrl+C while pdf builds its deck puts no page in place and prints nothing after the line that says so', async () => {
    // Its fonts and word breaks cached, the deck builds in a moment, well inside the time the starting browser
    // takes to close: before, the build went on meanwhile, printed its progress and put the page in place.
    const warm = await runCli(['build', input, '--out-dir', join(dir, 'warm')], { env });
    expect(warm.code, warm.stderr).toBe(0);
    const target = join(dir, 'fresh-out');
    // The page waits half a second before its rename, so that the Ctrl+C below always comes before it could be in place.
    const run = startCli(['pdf', input, '--out-dir', target], { env: { ...env, SPEECH_DECK_TEST_HOLD_MS: '500' } });
    await run.waitFor(/building it first/);
    run.child.kill('SIGINT');
    await expectStopped(run, 130);
    const { stdout } = await run.done;
    expect(stdout).not.toMatch(/^已写出/m);
    expect(existsSync(join(target, 'talk.html'))).toBe(false);
    if (existsSync(target)) expect(tempFiles(target)).toEqual([]);
  }, 240_000);

  it('Ctrl+C and SIGTERM stop the dev server', async () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const port = String(20_000 + Math.floor(Math.random() * 20_000));
      const run = startCli(['dev', input, '--port', port], { env: { ...env, CI: '1' } });
      await run.waitFor(/saving it updates the open deck/);
      run.child.kill(signal);
      await expectStopped(run, code);
    }
  }, 240_000);
});
