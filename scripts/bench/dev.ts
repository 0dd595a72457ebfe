import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'vite';
import { deckConfig } from '../../src/node/page/vite-config.ts';
import type { Row } from './report.ts';
import { repeat } from './stats.ts';

const BUDGET_MS = 300;
/** An edit not shown by then has been lost; the bench stops rather than wait for ever. */
const EDIT_TIMEOUT_MS = 15_000;
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
    observer.observe(document.querySelector('.reveal .slides')!, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class'],
    });
  });
}

/** Characters the speech does not use, one per edit, so that each such edit needs a fresh font subset. */
const NEW_CHARACTERS = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉'];

/** Saves `content` and returns ms from the write to the frame after the open slide's first bullet reads `bullet`, or undefined when it never does. */
async function timeEdit(page: Page, speech: string, content: string, bullet: string): Promise<number | undefined> {
  await page.evaluate(watchBullet, bullet);
  const saved = performance.timeOrigin + performance.now();
  writeFileSync(speech, content);
  const shown = await page
    .evaluate(
      (ms) =>
        Promise.race([
          (window as unknown as { updated: Promise<number> }).updated,
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`edit not shown within ${ms} ms`)), ms)),
        ]),
      EDIT_TIMEOUT_MS,
    )
    .catch(async (error: Error) => {
      console.error(`  ${error.message.split('\n')[0]} (expected "${bullet}"; ${await onScreen(page)})`);
      return undefined;
    });
  return shown === undefined ? undefined : shown - saved;
}

/** What the open deck shows, for the message when an edit never appears. */
async function onScreen(page: Page): Promise<string> {
  return page.evaluate(() => {
    const present = document.querySelector('.reveal section.present:not(.stack)');
    return `slide ${present?.id ?? 'none'} shows "${present?.querySelector('li')?.textContent ?? ''}"; fonts ${document.fonts.status}`;
  });
}

const shownOnly = (list: Array<number | undefined>): number[] => list.filter((ms): ms is number => ms !== undefined);

/** `; 1 of 5 edits never shown` when some were lost. */
function lost(list: Array<number | undefined>): string {
  const missing = list.length - shownOnly(list).length;
  return missing ? `; **${missing} of ${list.length} edits never shown within ${EDIT_TIMEOUT_MS / 1000} s**` : '';
}

/** With the dev server running on a copy of the speech, times saving an edit until the open deck shows it. */
export async function measureDev(input: string, workDir: string, browser: Browser, runs: number): Promise<Row[]> {
  const speech = join(workDir, 'speech.md');
  copyFileSync(input, speech);
  const original = readFileSync(speech, 'utf8');
  if (!original.includes(BULLET)) throw new Error(`${input} has no bullet "${BULLET}" to edit`);
  // A font cache of its own, so that an edit with a new character always subsets afresh.
  const fontCacheDir = mkdtempSync(join(workDir, 'fonts-'));
  const server = await createServer({ ...deckConfig({ input: speech, fontCacheDir }), server: { port: 0, strictPort: false }, logLevel: 'silent' });
  await server.listen();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // An edit saved before Vite's client has connected never reaches the page.
    const connected = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: EDIT_TIMEOUT_MS });
    await page.goto(`${server.resolvedUrls!.local[0]!}#/用成绩强化着力点`);
    await page.waitForFunction(() => window.deck?.isReady() === true && document.documentElement.hasAttribute('data-fitted'));
    await connected;
    let edits = 0;
    const same = await repeat(runs, 1, () => {
      const text = edits++ % 2 ? BULLET : REORDERED;
      return timeEdit(page, speech, original.replace(BULLET, text), text);
    });
    const fresh = await repeat(runs, 1, () => {
      const text = BULLET + NEW_CHARACTERS[edits++ % NEW_CHARACTERS.length];
      return timeEdit(page, speech, original.replace(BULLET, text), text);
    });
    return [
      {
        name: 'edit to update (`npm start`)',
        how: `saving the .md (write returns) to the frame after the open slide shows the edit (words reordered, no new character); Vite dev server in process, Chromium tab open on the slide${lost(same)}`,
        unit: 'ms',
        values: shownOnly(same),
        budget: BUDGET_MS,
      },
      {
        name: 'edit with a new character to update',
        how: `the same, the edit adding a character the fonts lack, so the body face is subset afresh and its style replaced${lost(fresh)}`,
        unit: 'ms',
        values: shownOnly(fresh),
      },
    ];
  } finally {
    await server.close();
  }
}
