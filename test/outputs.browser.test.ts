import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { md } from '../src/core/markdown.ts';
import { checkSpeech } from '../src/node/commands/check.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { loads } from '../src/node/speech/load.ts';
import { exportPdf } from '../src/node/commands/pdf.ts';
import { isBuiltFrom } from '../src/node/speech/stamp.ts';
import { DEFAULT_INPUT } from '../src/node/cli.ts';
import { runCli, snapshot, tempFiles } from './helpers/cli.ts';

/** The folder of the speech `npm start` presents, in a project made for the test. */
const SPEECHES = dirname(DEFAULT_INPUT);
import { pageText, readPdf } from './helpers/pdf.ts';
import { fixture } from './helpers/speech.ts';

const root = mkdtempSync(join(tmpdir(), 'speech-deck-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The small fixture speech under another title, with a line of its own, so that two versions differ everywhere. */
function speech(title: string): string {
  return fixture('small.md').replace('# 小型讲话', `# ${title}`).replace('第三小点的话。', `第三小点的话。这是${title}。`);
}

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name);
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe('the tool writes only the files it reports', () => {
  it('build and pdf with --out-dir . in a folder of the user leave the speech, a spreadsheet and a photo folder untouched', async () => {
    const dir = folder('user', {
      'talk.md': speech('用户的讲话'),
      '预算.xlsx': randomBytes(5000),
      'photos/合影.jpg': randomBytes(20000),
      'photos/说明.txt': '照片说明',
    });
    const before = snapshot(dir);
    const build = await runCli(['build', 'talk.md', '--out-dir', '.'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    const pdf = await runCli(['pdf', 'talk.md', '--out-dir', '.'], { cwd: dir });
    expect(pdf.code, pdf.stderr).toBe(0);
    const after = snapshot(dir);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'talk.html', 'talk.pdf', 'talk-notes.pdf'].sort());
    for (const [name, hash] of Object.entries(before)) expect(after[name], name).toBe(hash);
  }, 120_000);

  it('the same with --out-dir slides, the folder the speech itself is in', async () => {
    const dir = folder('project', {
      [DEFAULT_INPUT]: speech('项目的讲话'),
      [`${SPEECHES}/旧稿.md`]: '# 旧稿\n',
      [`${SPEECHES}/图片/图.png`]: randomBytes(3000),
    });
    const before = snapshot(dir);
    // `speech-deck build --out-dir <its folder>` reads the default speech, as `npm run build -- --out-dir …` would.
    const build = await runCli(['build', '--out-dir', SPEECHES], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    const pdf = await runCli(['pdf', '--out-dir', SPEECHES], { cwd: dir });
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout).toContain(`Using ${SPEECHES}/speech.html`);
    const after = snapshot(dir);
    const added = ['speech.html', 'speech.pdf', 'speech-notes.pdf'].map((name) => `${SPEECHES}/${name}`);
    expect(Object.keys(after).sort()).toEqual([...Object.keys(before), ...added].sort());
    for (const [name, hash] of Object.entries(before)) expect(after[name], name).toBe(hash);
  }, 120_000);
});

describe('pdf prints the speech it is given', () => {
  it('after building speech A, pdf for a different speech B with the same file name builds B and prints B', async () => {
    const dir = folder('two-speeches', { 'a/talk.md': speech('讲话甲'), 'b/talk.md': speech('讲话乙') });
    const out = join(dir, 'out');
    expect((await runCli(['build', join(dir, 'a/talk.md'), '--out-dir', out])).code).toBe(0);
    const pdf = await runCli(['pdf', join(dir, 'b/talk.md'), '--out-dir', out]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(pdf.stdout).toMatch(/^正在由“.*talk\.md”生成幻灯片“.*talk\.html”… · Building .*talk\.html/m);
    const slides = await readPdf(join(out, 'talk.pdf'));
    expect(slides.info.Title).toBe('讲话乙');
    expect(pageText(slides.pages[0]!)).toContain('讲话乙');
    const all = slides.pages.map(pageText).join('');
    expect(all).not.toContain('讲话甲');
    const handout = (await readPdf(join(out, 'talk-notes.pdf'))).pages.map(pageText).join('');
    expect(handout).toContain('这是讲话乙');
    expect(handout).not.toContain('讲话甲');
    expect(title(readFileSync(join(out, 'talk.html'), 'utf8'))).toBe('讲话乙');
    // Now that the deck is B's, it is used as it is.
    const again = await runCli(['pdf', join(dir, 'b/talk.md'), '--out-dir', out]);
    expect(again.stdout).toMatch(/^沿用已生成的幻灯片 .*talk\.html，.* · Using .*talk\.html, which was built from this very/m);
  }, 120_000);
});

describe('commands running at the same time', () => {
  it('two builds of different speeches, and a third of the same, into one folder each leave their own whole file', async () => {
    const dir = folder('concurrent', { 'one.md': speech('第一篇'), 'two.md': speech('第二篇') });
    const out = join(dir, 'out');
    const runs = await Promise.all([
      runCli(['build', join(dir, 'one.md'), '--out-dir', out]),
      runCli(['build', join(dir, 'two.md'), '--out-dir', out]),
      runCli(['build', join(dir, 'one.md'), '--out-dir', out]),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^已写出“.*\.html”，用时 .* · Wrote .*\.html in /m);
    }
    expect(readdirSync(out).sort()).toEqual(['one.html', 'two.html']);
    const one = readFileSync(join(out, 'one.html'), 'utf8');
    const two = readFileSync(join(out, 'two.html'), 'utf8');
    expect(title(one)).toBe('第一篇');
    expect(title(two)).toBe('第二篇');
    expect(isBuiltFrom(one, speech('第一篇'))).toBe(true);
    expect(isBuiltFrom(two, speech('第二篇'))).toBe(true);
    expect(one.trimEnd().endsWith('</html>')).toBe(true);
    expect(tempFiles(out)).toEqual([]);
  }, 120_000);
});

describe('each command reads the speech once', () => {
  it('build decodes and parses it once, and so does pdf, whether it builds the deck or reuses it', async () => {
    const dir = folder('read-once', { 'talk.md': speech('读一次') });
    const input = join(dir, 'talk.md');
    const out = join(dir, 'out');
    loads.count = 0;
    await buildDeck(input, out);
    expect(loads.count).toBe(1);
    writeFileSync(input, speech('读一次改过'));
    loads.count = 0;
    const built = await exportPdf({ input, outDir: out, progress: () => {} });
    expect(loads.count).toBe(1);
    expect((await readPdf(built.slides.path)).info.Title).toBe('读一次改过');
    loads.count = 0;
    const lines: string[] = [];
    await exportPdf({ input, outDir: out, progress: (_stage, line) => lines.push(line) });
    expect(lines[0]).toMatch(/^沿用已生成的幻灯片 .* · Using /);
    expect(loads.count).toBe(1);
  }, 120_000);

  it('check reads the Markdown once for the deck and the proofreader alike', async () => {
    const dir = folder('check-once', { 'talk.md': fixture('proofread.md') });
    const markdownIt = vi.spyOn(md, 'parse');
    try {
      const report = await checkSpeech(join(dir, 'talk.md'));
      expect(report.problems.some((p) => 'rule' in p)).toBe(true);
      expect(markdownIt).toHaveBeenCalledTimes(1);
    } finally {
      markdownIt.mockRestore();
    }
  });
});
