import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { deckConfig } from '../../src/vite-config.ts';
import type { Row } from './report.ts';
import { repeat } from './stats.ts';

const BUDGET_MS = 300;
/** A bullet of the speech and the same words reordered: the edit needs no new font subset. */
const BULLET = '深化理论武装、加强党性修养';
const REORDERED = '加强党性修养、深化理论武装';

/** Resolves, in the page, at the frame after the open slide's first bullet reads `text`; as epoch ms. */
function watchBullet(text: string): void {
  (window as unknown as { updated: Promise<number> }).updated = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.reveal section.present:not(.stack) li')?.textContent !== text) return;
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())));
    });
    observer.observe(document.querySelector('.reveal .slides')!, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  });
}

/** With the dev server running on a copy of the speech, times saving an edit until the open deck shows it. */
export async function measureDev(input: string, workDir: string, browser: Browser, runs: number): Promise<Row[]> {
  const speech = join(workDir, 'speech.md');
  copyFileSync(input, speech);
  const original = readFileSync(speech, 'utf8');
  if (!original.includes(BULLET)) throw new Error(`${input} has no bullet "${BULLET}" to edit`);
  const server = await createServer({ ...deckConfig({ input: speech }), server: { port: 0, strictPort: false }, logLevel: 'silent' });
  await server.listen();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.resolvedUrls!.local[0]!}#/用成绩强化着力点`);
    await page.waitForFunction(() => window.deck?.isReady() === true);
    let edits = 0;
    const ms = await repeat(runs, 1, async () => {
      const text = edits++ % 2 ? BULLET : REORDERED;
      await page.evaluate(watchBullet, text);
      const saved = performance.timeOrigin + performance.now();
      writeFileSync(speech, text === BULLET ? original : original.replace(BULLET, REORDERED));
      return (await page.evaluate(() => (window as unknown as { updated: Promise<number> }).updated)) - saved;
    });
    return [{ name: 'edit to update (`npm start`)', how: 'saving the .md (write returns) to the frame after the open slide shows the edit; Vite dev server in process, Chromium tab open on the slide', unit: 'ms', values: ms, budget: BUDGET_MS }];
  } finally {
    await server.close();
  }
}
