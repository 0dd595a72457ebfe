import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Row } from './report.ts';
import { repeat } from './stats.ts';

const FIRST_SLIDE_BUDGET_MS = 300;

declare global {
  interface Window {
    /** Set by the bench before the page's own scripts run: when the first slide was painted with its fonts. */
    firstSlidePainted?: Promise<number>;
  }
}

/** Resolves, in the page, at the first frame painted after reveal's `ready` and the fonts; in ms from navigation. */
function watchFirstSlide(): void {
  window.firstSlidePainted = new Promise<void>((resolve) => document.addEventListener('ready', () => resolve(), { once: true }))
    .then(() => document.fonts.ready)
    .then(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** Opens the deck in a fresh tab of the running browser and returns when its first slide was painted. */
async function firstSlide(browser: Browser, url: string): Promise<{ ms: number; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(watchFirstSlide);
  await page.goto(url);
  return { ms: await page.evaluate(() => window.firstSlidePainted!), page };
}

/** Presses → on the first slide; returns ms from the key to reveal's `slidechanged` and to the end of the transition. */
async function nextSlide(page: Page): Promise<{ changed: number; settled: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { step?: Promise<{ changed: number; settled: number }> };
    w.step = new Promise((resolve) => {
      let pressed = 0;
      document.addEventListener('keydown', (event) => (pressed = event.timeStamp), { capture: true, once: true });
      // reveal's events bubble to the document; a listener there can be a one-off.
      document.addEventListener(
        'slidechanged',
        async () => {
          const changed = performance.now() - pressed;
          // The transition is a set of CSS animations on the slides; a frame after they finish, the new slide is on screen.
          await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => a)));
          await new Promise(requestAnimationFrame);
          resolve({ changed, settled: performance.now() - pressed });
        },
        { once: true },
      );
    });
  });
  await page.keyboard.press('ArrowRight');
  return page.evaluate(() => (window as unknown as { step: Promise<{ changed: number; settled: number }> }).step);
}

/**
 * Times the first slide and one step forward in a browser that has already opened the deck once. With `against`,
 * another built page (an earlier version's, say) is opened in the same runs, the two in turns, so that both
 * meet the same browser and the same load on the machine; its first slide and the ratio are reported too.
 */
export async function measureDeck(browser: Browser, html: string, runs: number, against?: string): Promise<Row[]> {
  const url = pathToFileURL(html).href;
  const other = against ? pathToFileURL(against).href : undefined;
  const results = await repeat(runs, 1, async (run) => {
    // Which page goes first alternates, so neither always meets the tab the other has just closed.
    const theirs = other && run % 2 ? await firstSlide(browser, other) : undefined;
    const { ms, page } = await firstSlide(browser, url);
    const step = await nextSlide(page);
    await page.close();
    const after = other && !(run % 2) ? await firstSlide(browser, other) : undefined;
    const compared = theirs ?? after;
    await compared?.page.close();
    return { first: ms, ...step, against: compared?.ms };
  });
  const rows: Row[] = [
    {
      name: 'first slide',
      how: 'navigation start to the frame after reveal `ready` and `document.fonts.ready`, file:// in a running Chromium, new tab each run',
      unit: 'ms',
      values: results.map((r) => r.first),
      budget: FIRST_SLIDE_BUDGET_MS,
    },
  ];
  if (against) {
    rows.push(
      {
        name: `first slide of ${basename(dirname(against))}/${basename(against)}`,
        how: 'the same, for the page given with --against, opened in turns with this one',
        unit: 'ms',
        values: results.map((r) => r.against!),
      },
      {
        name: 'first slide: this page ÷ the other',
        how: "each run's ratio of the two pages opened in turns (below 1: this page shows its first slide sooner)",
        unit: '×',
        values: results.map((r) => r.first / r.against!),
      },
    );
  }
  rows.push(
    { name: 'next slide: `slidechanged`', how: 'key → press to reveal `slidechanged`, timed in the page', unit: 'ms', values: results.map((r) => r.changed) },
    {
      name: 'next slide: transition done',
      how: "key → press to the frame after the slide transition's animations finish",
      unit: 'ms',
      values: results.map((r) => r.settled),
    },
  );
  return rows;
}
