import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckConfig } from '../src/node/vite-config.ts';
import { launchBrowser, openDeck } from './helpers/browser.ts';

describe('npm start (the dev server)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  const speech = join(mkdtempSync(join(tmpdir(), 'speech-deck-dev-')), 'speech.md');

  beforeAll(async () => {
    copyFileSync('test/fixtures/speech.md', speech);
    server = await createServer({ ...deckConfig({ input: speech }), server: { port: 0, strictPort: false }, logLevel: 'silent' });
    await server.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
    // The file watcher misses some saves that follow the last within a few tens of milliseconds.
    for (let round = 1; round <= 6; round++) {
      for (let save = 1; save <= 4; save++) {
        writeFileSync(speech, text.replace(current, `- 第${round}轮第${save}次保存`));
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await expect.poll(() => page.locator('section.present:not(.stack) li').first().textContent(), { timeout: 5_000 }).toBe(`第${round}轮第4次保存`);
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
});
