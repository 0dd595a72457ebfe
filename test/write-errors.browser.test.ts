import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeckFile } from '../src/node/commands/build.ts';
import { CLIError } from '../src/node/errors.ts';
import { looksLikeInternals, runCli, snapshot, tempFiles, type Finished } from './helpers/cli.ts';
import { fixture } from './helpers/speech.ts';

const root = mkdtempSync(join(tmpdir(), 'speech-deck-write-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const speech = (title: string) => fixture('small.md').replace('# 小型讲话', `# ${title}`);
const FULL = { zh: '磁盘已满', en: 'the disk is full' };
const READ_ONLY = { zh: '这个文件夹是只读的', en: 'the folder is read-only' };

/** What the tool says when it cannot write `path`, Chinese first. */
const cannotWrite = (path: string, reason: { zh: string; en: string }) => `无法写出“${path}”：${reason.zh} · cannot write ${path}: ${reason.en}`;

/** A failed write must say one plain thing, exit non-zero and show nothing from inside a library. */
function expectPlainFailure(run: Finished, message: string): void {
  expect(run.code).toBe(1);
  expect(run.stderr.trim()).toBe(`speech-deck: ${message}`);
  expect(looksLikeInternals(run.stderr + run.stdout)).toBe(false);
}

describe('writes that fail (faults injected at the write)', () => {
  const dir = join(root, 'injected');
  const input = join(dir, 'talk.md');
  const out = join(dir, 'out');
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(input, speech('写入失败前'));
    const good = await runCli(['pdf', input, '--out-dir', out]);
    expect(good.code, good.stderr).toBe(0);
    writeFileSync(input, speech('写入失败后'));
  }, 240_000);

  it('a full disk while writing the page: the plain reason, the old page intact, no temporary file', async () => {
    const before = snapshot(out);
    const run = await runCli(['build', input, '--out-dir', out], { env: { SPEECH_DECK_TEST_WRITE_FAULT: 'ENOSPC' } });
    expectPlainFailure(run, cannotWrite(join(out, 'talk.html'), FULL));
    expect(snapshot(out)).toEqual(before);
    expect(tempFiles(out)).toEqual([]);
  }, 120_000);

  it('a full disk while writing the handout: neither PDF changes, though the slides were printed first', async () => {
    const pdfs = () => Object.fromEntries(Object.entries(snapshot(out)).filter(([name]) => name.endsWith('.pdf')));
    const before = pdfs();
    const run = await runCli(['pdf', input, '--out-dir', out], { env: { SPEECH_DECK_TEST_WRITE_FAULT: 'ENOSPC@talk-notes.pdf' } });
    expectPlainFailure(run, cannotWrite(join(out, 'talk-notes.pdf'), FULL));
    expect(pdfs()).toEqual(before);
    expect(tempFiles(out)).toEqual([]);
  }, 120_000);

  it('a read-only folder and a refused permission are named as such', async () => {
    const before = snapshot(out);
    const readOnly = await runCli(['build', input, '--out-dir', out], { env: { SPEECH_DECK_TEST_WRITE_FAULT: 'EROFS' } });
    expectPlainFailure(readOnly, cannotWrite(join(out, 'talk.html'), READ_ONLY));
    const refused = await runCli(['build', input, '--out-dir', out], { env: { SPEECH_DECK_TEST_WRITE_FAULT: 'EACCES' } });
    expectPlainFailure(refused, cannotWrite(join(out, 'talk.html'), { zh: '没有写入权限', en: 'permission denied: this account may not write there' }));
    expect(snapshot(out)).toEqual(before);
  }, 120_000);
});

describe('a file where the output folder should be', () => {
  it('is reported plainly for build and pdf, and the file is left alone', async () => {
    const dir = join(root, 'file-in-the-way');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'talk.md'), speech('文件挡路'));
    writeFileSync(join(dir, 'out'), '一个文件，不是文件夹');
    const before = snapshot(dir);
    const reason = { zh: '此处是文件，不是文件夹', en: 'a file stands where a folder should be' };
    expectPlainFailure(await runCli(['build', 'talk.md', '--out-dir', 'out'], { cwd: dir }), cannotWrite('out', reason));
    expectPlainFailure(await runCli(['build', 'talk.md', '--out-dir', 'out/slides'], { cwd: dir }), cannotWrite('out/slides', reason));
    expectPlainFailure(await runCli(['pdf', 'talk.md', '--out-dir', 'out'], { cwd: dir }), cannotWrite('out', reason));
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);
});

/** Whether this machine lets us mount a small tmpfs (root in a container that allows it); CI often does not. */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'speech-deck-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount())('on a real small file system (tmpfs)', () => {
  const mounts: string[] = [];
  const input = join(root, 'real.md');
  afterAll(() => {
    for (const dir of mounts.reverse()) execFileSync('umount', ['-l', dir]);
  });

  function tmpfs(name: string, size: string): string {
    const dir = join(root, name);
    mkdirSync(dir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    mounts.push(dir);
    return dir;
  }

  /** Fills the file system at `dir` until `leave` bytes are free, with a file of the test's own. */
  function fill(dir: string, leave: number): void {
    const { bavail, bsize } = statfsSync(dir);
    writeFileSync(join(dir, 'filler.bin'), Buffer.alloc(Math.max(0, bavail * bsize - leave)));
  }

  it('a full disk: the plain reason, the old page byte-for-byte, no temporary file left', async () => {
    const disk = tmpfs('full-disk', '2m');
    writeFileSync(input, speech('真的满了前'));
    const good = await runCli(['build', input, '--out-dir', disk]);
    expect(good.code, good.stderr).toBe(0);
    writeFileSync(input, speech('真的满了后'));
    fill(disk, 64 * 1024);
    const before = snapshot(disk);
    const run = await runCli(['build', input, '--out-dir', disk]);
    expectPlainFailure(run, cannotWrite(join(disk, 'real.html'), FULL));
    expect(snapshot(disk)).toEqual(before);
    expect(tempFiles(disk)).toEqual([]);
  }, 120_000);

  it('a full temporary folder: a build needs none once the page shell is kept; making the shell there says why it cannot', async () => {
    const tmp = tmpfs('full-tmp', '256k');
    fill(tmp, 16 * 1024);
    const out = join(root, 'full-tmp-out');
    // The shell for this version is in the cache (the build above made or found it): nothing goes through TMPDIR.
    const run = await runCli(['build', input, '--out-dir', out], { env: { TMPDIR: tmp } });
    expect(run.code, run.stderr).toBe(0);
    // With no shell kept yet, Vite must bundle the page in a temporary folder, which is full.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const failed = buildDeckFile(input, join(root, 'full-tmp-out-2'), { shellCacheDir: join(root, 'no-shell-yet') });
      const work = `${tmp}/speech-deck-work-\\d+-\\w+`;
      await expect(failed).rejects.toThrow(
        new RegExp(
          `^无法写入生成用的临时文件夹“${work}”：${FULL.zh}（可设置 TMPDIR 换一个文件夹） · ` +
            `cannot write ${work}, the build's temporary folder \\(set TMPDIR to use another\\): ${FULL.en}$`,
        ),
      );
      await expect(failed).rejects.toBeInstanceOf(CLIError);
    } finally {
      // Node would store an unset variable as the word "undefined".
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 120_000);

  it('a read-only folder: the plain reason and the old page intact', async () => {
    const disk = tmpfs('read-only', '2m');
    writeFileSync(input, speech('只读前'));
    expect((await runCli(['build', input, '--out-dir', disk])).code).toBe(0);
    const before = readFileSync(join(disk, 'real.html'));
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    writeFileSync(input, speech('只读后'));
    const run = await runCli(['build', input, '--out-dir', disk]);
    expectPlainFailure(run, cannotWrite(join(disk, 'real.html'), READ_ONLY));
    expect(readFileSync(join(disk, 'real.html')).equals(before)).toBe(true);
  }, 120_000);
});
