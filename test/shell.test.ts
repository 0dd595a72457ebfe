import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeckFile } from '../src/node/commands/build.ts';
import { programAsData } from '../src/node/page/plugins/one-file.ts';
import { cachedShell, shellBuilds, shellKey } from '../src/node/page/shell.ts';
import { generatorOf, isBuiltFrom } from '../src/node/speech/stamp.ts';
import { pictureSpeech, writePictures } from './helpers/pictures.ts';
import { fixture } from './helpers/speech.ts';

const root = mkdtempSync(join(tmpdir(), 'speech-deck-shell-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** A shell cache of the test's own, so that the first build here must make the shell. */
const shellCacheDir = join(root, 'shell-cache');

/** Builds a speech both ways: filling the cached shell (what builds do) and bundling the whole page with Vite. */
async function bothWays(name: string, text: string, dir = join(root, name)): Promise<{ filled: string; bundled: string }> {
  mkdirSync(dir, { recursive: true });
  const input = join(dir, `${name}.md`);
  writeFileSync(input, text);
  const filled = await buildDeckFile(input, join(dir, 'filled'), { shellCacheDir });
  const bundled = await buildDeckFile(input, join(dir, 'bundled'), { bundle: true });
  expect(isBuiltFrom(filled.html, text)).toBe(isBuiltFrom(bundled.html, text));
  return { filled: filled.html, bundled: bundled.html };
}

describe('a build from the cached page shell', () => {
  it('gives the very file Vite builds, for this speech', async () => {
    const before = shellBuilds.count;
    const { filled, bundled } = await bothWays('speech', fixture('speech.md'));
    expect(shellBuilds.count).toBe(before + 1);
    expect(filled.length).toBeGreaterThan(100_000);
    expect(filled === bundled).toBe(true);
  }, 120_000);

  it('gives the very file Vite builds, for a dark speech with pictures, emphasis and markup-like text', async () => {
    const dir = join(root, 'pictures');
    mkdirSync(dir, { recursive: true });
    const markupLike = "- **着重** 的 `$&` 与 <script>alert(1)</script>\n\n/*speech-deck:fonts*/ speech-deck:speech-sha256 $` $' 话。";
    const text = pictureSpeech(await writePictures(dir))
      .replace(/^date: .*$/m, (line) => `${line}\ntheme: dark`)
      .replace(/^(## 一、.*)$/m, (heading) => `${heading}\n\n${markupLike}`);
    const { filled, bundled } = await bothWays('pictures', text, dir);
    expect(filled).toContain('data-theme="dark"');
    expect(filled).toMatch(/<img [^>]*src="data:image\//);
    expect(filled).toContain('font-weight:700');
    expect(filled === bundled).toBe(true);
  }, 120_000);

  it('reuses the shell it keeps, and makes it again when the kept file is damaged', async () => {
    const before = shellBuilds.count;
    const first = await cachedShell({ shellCacheDir });
    expect(shellBuilds.count).toBe(before);
    const [kept] = readdirSync(shellCacheDir);
    writeFileSync(join(shellCacheDir, kept!), readFileSync(join(shellCacheDir, kept!), 'utf8').slice(0, 5000));
    const again = await cachedShell({ shellCacheDir });
    expect(shellBuilds.count).toBe(before + 1);
    expect(again.shell).toBe(first.shell);
    expect(readdirSync(shellCacheDir)).toEqual([kept]);
  }, 120_000);

  it("is made on a machine with no font made yet: each face, and the title slide's own, subset in turn", async () => {
    const fresh = join(root, 'fresh');
    const parts = await cachedShell({ shellCacheDir: join(fresh, 'shell'), fontCacheDir: join(fresh, 'fonts') });
    expect(parts.shell).toContain(parts.fontsMarker);
    // The shell speech's serif and sans, and its title slide's small copy of the serif (it names no speaker).
    expect(readdirSync(join(fresh, 'fonts')).filter((name) => name.endsWith('.woff2'))).toHaveLength(3);
  }, 120_000);
});

describe("the page's program", () => {
  it('is kept as data for the first script to start, in a built page, and admitted by the hash of its text', async () => {
    const { filled } = await bothWays('program', fixture('small.md'));
    expect(filled).not.toMatch(/<script type="module"/);
    const program = /<script type="text\/x-speech-deck-program" id="deck-program">([\s\S]*?)<\/script>/.exec(filled)?.[1];
    expect(program).toMatch(/initialize/);
    const { scriptHash } = await import('../src/node/page/csp.ts');
    expect(filled).toContain(scriptHash(program!));
  }, 120_000);

  it('must be one inline module: a page with none or two is refused', () => {
    const page = (modules: number) => `<head>${'<script type="module">go()</script>'.repeat(modules)}</head>`;
    expect(programAsData(page(1))).toBe('<head><script type="text/x-speech-deck-program" id="deck-program">go()</script></head>');
    expect(() => programAsData(page(0))).toThrow(/0 inline modules/);
    expect(() => programAsData(page(2))).toThrow(/2 inline modules/);
  });
});

describe('the shell cache key', () => {
  // A copy of what the key is made from, to change one file at a time.
  const copy = join(root, 'program');
  beforeAll(() => {
    for (const file of ['index.html', 'package.json', 'package-lock.json']) cpSync(file, join(copy, file));
    for (const folder of ['src', 'assets']) cpSync(folder, join(copy, folder), { recursive: true });
  });
  const key = () => shellKey(generatorOf(copy));

  it('changes with the page code, the theme, the page template and the locked dependencies', () => {
    const original = key();
    expect(key()).toBe(original);
    for (const file of ['src/client/fit.ts', 'assets/theme.css', 'index.html', 'package-lock.json']) {
      const path = join(copy, file);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, file.endsWith('.json') ? text.replace(/"version": "[^"]+"/g, (v, i: number) => (i > 200 ? v.replace('"', '"9') : v)) : `${text}\n`);
      expect(key(), file).not.toBe(original);
      writeFileSync(path, text);
      expect(key()).toBe(original);
    }
  });
});
