import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deckConfig } from '../src/node/page/vite-config.ts';
import { openDeck, sharedBrowser } from './helpers/browser.ts';

describe('npm start (the dev server)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  // Outside the project folder, where Vite's own watcher does not look.
  const speech = join(mkdtempSync(join(tmpdir(), 'speech-deck-dev-')), 'speech.md');
  /** What the server says in the terminal. */
  const terminal: string[] = [];
  sharedBrowser((b) => (browser = b));

  beforeAll(async () => {
    copyFileSync('test/fixtures/speech.md', speech);
    const customLogger = createLogger('silent');
    customLogger.warn = (message) => void terminal.push(message);
    customLogger.error = (message) => void terminal.push(message);
    // A cache of its own, so that Vite scans for dependencies afresh, as on a fresh clone's first `npm start`.
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'speech-deck-dev-vite-')), 'vite');
    server = await createServer({ ...deckConfig({ input: speech }), cacheDir, server: { port: 0, strictPort: false }, logLevel: 'silent', customLogger });
    await server.listen();
  });
  afterAll(async () => {
    await server?.close();
  });
  // Each test's pages are closed after it: a page left open would take every later save too.
  afterEach(async () => {
    for (const context of browser.contexts()) await context.close();
  });

  it('updates the open deck in place when the speech is saved, staying on the same slide', async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, `${url}#/用成绩强化着力点`);
    await expect(page.locator('section.present:not(.stack) h2').textContent()).resolves.toBe('用成绩强化着力点');
    writeFileSync(speech, readFileSync(speech, 'utf8').replace('- 深化理论武装、加强党性修养', '- 改过的要点'));
    await expect.poll(() => page.locator('section.present:not(.stack) li').first().textContent(), { timeout: 10_000 }).toBe('改过的要点');
    await expect(page.evaluate(() => window.deck!.getCurrentSlide().id)).resolves.toBe('用成绩强化着力点');
  });

  it('shows the last of several saves made in quick succession', async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, `${url}#/用成绩强化着力点`);
    const text = readFileSync(speech, 'utf8');
    const [current] = /^- .*$/m.exec(text.slice(text.indexOf('### 用成绩强化着力点')))!;
    // The file watcher misses some saves that follow the last within a few tens of milliseconds. Each save here
    // comes as soon as the file system has told of the one before, well inside the watcher's 30 ms of settling.
    const notices = watch(speech, { persistent: false });
    try {
      for (let round = 1; round <= 6; round++) {
        for (let save = 1; save <= 4; save++) {
          const noticed = once(notices, 'change');
          writeFileSync(speech, text.replace(current, `- 第${round}轮第${save}次保存`));
          await noticed;
        }
        await expect.poll(() => page.locator('section.present:not(.stack) li').first().textContent(), { timeout: 5_000 }).toBe(`第${round}轮第4次保存`);
      }
    } finally {
      notices.close();
    }
    writeFileSync(speech, text);
  });

  it('also updates when an editor saves by renaming a new file over the speech', async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, `${url}#/用成绩强化着力点`);
    const fresh = `${speech}.tmp`;
    writeFileSync(fresh, readFileSync(speech, 'utf8').replace('- 改过的要点', '- 换了文件的要点'));
    renameSync(fresh, speech);
    await expect.poll(() => page.locator('section.present:not(.stack) li').first().textContent(), { timeout: 10_000 }).toBe('换了文件的要点');
  });

  /** The notice shown over the deck, or null when there is none. */
  const overlay = (page: Page) => page.evaluate(() => document.getElementById('speech-deck-problems')?.textContent ?? null);
  const shown = (page: Page) => page.locator('section.present:not(.stack) li').first().textContent();
  const slideId = (page: Page) => page.evaluate(() => window.deck!.getCurrentSlide().id);

  it('keeps the deck and shows the problems over it after a save with errors; the fix removes them, on the same slide', { timeout: 120_000 }, async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, `${url}#/用成绩强化着力点`);
    const good = readFileSync(speech, 'utf8');
    const slides = await page.evaluate(() => window.deck!.getTotalSlides());
    const before = await shown(page);
    const lines = good.split('\n').length;
    writeFileSync(speech, `${good}\n# 第二个标题\n`);
    await expect.poll(() => overlay(page)).toMatch(new RegExp(`speech\\.md:${lines + 1}: 错误 error: 又一个“#”标题.* · a second "#" title`));
    expect(await overlay(page)).toContain('讲话稿有错误');
    expect(await overlay(page)).toContain('The speech has errors');
    expect(await shown(page)).toBe(before);
    expect(await slideId(page)).toBe('用成绩强化着力点');
    // An empty file is an error too: the deck keeps all its slides.
    writeFileSync(speech, '');
    await expect.poll(() => overlay(page)).toContain('the file is empty');
    expect(await page.evaluate(() => window.deck!.getTotalSlides())).toBe(slides);
    // A page opened now shows the last good deck and the problems.
    const late = await openDeck(browser, `${url}#/用成绩强化着力点`);
    await expect.poll(() => overlay(late)).toContain('the file is empty');
    expect(await shown(late)).toBe(before);
    // The fix: the notice goes, the new text shows, and the slide is the same.
    writeFileSync(speech, good.replace(before!, '修好后的要点'));
    await expect.poll(() => shown(page)).toBe('修好后的要点');
    await expect.poll(() => overlay(page)).toBeNull();
    await expect.poll(() => overlay(late)).toBeNull();
    expect(await slideId(page)).toBe('用成绩强化着力点');
    writeFileSync(speech, good);
  });

  it('returns to the open slide when a save that renamed it is undone', { timeout: 120_000 }, async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, `${url}#/用成绩强化着力点`);
    const good = readFileSync(speech, 'utf8');
    writeFileSync(speech, good.replace('### 用成绩强化着力点', '### 改了名的一页'));
    await expect.poll(() => slideId(page)).toBe('改了名的一页');
    writeFileSync(speech, good);
    await expect.poll(() => slideId(page)).toBe('用成绩强化着力点');
  });

  it('keeps following a speech that is deleted and restored, or saved by unlink and create, and says while it is missing', { timeout: 120_000 }, async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, `${url}#/用成绩强化着力点`);
    const good = readFileSync(speech, 'utf8');
    const point = (await shown(page))!;
    unlinkSync(speech);
    await expect.poll(() => overlay(page)).toMatch(/^找不到讲话稿“.*speech\.md”：幻灯片保持原样.* · .*speech\.md is missing/);
    expect(terminal.join('\n')).toMatch(/讲话稿“.*speech\.md”不见了：幻灯片保持原样，文件恢复后自动更新 · .*speech\.md is missing; the deck stays as it was/);
    expect(await shown(page)).toBe(point);
    writeFileSync(speech, good.replace(point, '恢复后的要点'));
    await expect.poll(() => shown(page)).toBe('恢复后的要点');
    await expect.poll(() => overlay(page)).toBeNull();
    // Unlink and create at once, as some editors save.
    unlinkSync(speech);
    writeFileSync(speech, good.replace(point, '重建后的要点'));
    await expect.poll(() => shown(page)).toBe('重建后的要点');
    // And an ordinary save still updates the deck afterwards.
    writeFileSync(speech, good.replace(point, '之后又保存的要点'));
    await expect.poll(() => shown(page)).toBe('之后又保存的要点');
    expect(await slideId(page)).toBe('用成绩强化着力点');
    expect(await overlay(page)).toBeNull();
    writeFileSync(speech, good);
  });

  it("says nothing alarming in the terminal: the dependency scan looks at the deck page, not the studio's", async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await openDeck(browser, url);
    await page.close();
    expect(terminal.filter((line) => /fail|error/i.test(line))).toEqual([]);
  });
});
