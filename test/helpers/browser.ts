import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../scripts/launch-browser.ts';

export { launchBrowser };

/** The file:// address of a built deck, with optional query parameters. */
export function fileUrl(path: string, query = ''): string {
  return pathToFileURL(path).href + query;
}

/**
 * How the tests wait on a page: a check every 100 ms. Playwright's default checks on every animation frame, which
 * keeps the browser drawing frames for as long as the wait lasts (about 0.15 s of processor time a second on the
 * test machine, against 0.02 s), on the same two cores the page under test needs.
 */
export const POLL = { polling: 100 } as const;

/**
 * Waits until reveal.js reports the deck ready, with its plugins (S works once the speaker view's is registered),
 * and every slide is fitted.
 */
export async function deckReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.deck?.isReady() === true && document.documentElement.hasAttribute('data-fitted') && window.deck.hasPlugin('speaker-view'),
    null,
    POLL,
  );
}

/** Opens a deck and waits until reveal.js reports it is ready, with its plugins, and its fonts are loaded. */
export async function openDeck(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await deckReady(page);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Presses a key and waits for reveal's slidechanged event; returns the new slide's id. */
export async function pressAndWait(page: Page, key: string): Promise<string> {
  // The listener must be in place before the key goes out, so it is set up in its own round trip.
  await page.evaluate(() => {
    const w = window as unknown as { nextSlide?: Promise<string> };
    w.nextSlide = new Promise((resolve) => {
      const listener = () => {
        window.deck!.off('slidechanged', listener);
        resolve(window.deck!.getCurrentSlide().id);
      };
      window.deck!.on('slidechanged', listener);
    });
  });
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { nextSlide: Promise<string> }).nextSlide);
}

/** Shows each slide in turn, in speech order, and gathers what `check` finds on it. */
export async function eachSlide<T>(page: Page, check: () => Promise<T[]>): Promise<T[]> {
  const count = await page.evaluate(() => window.deck!.getTotalSlides());
  const found: T[] = [];
  for (let n = 0; n < count; n++) {
    await page.evaluate((i) => {
      const { h, v } = window.deck!.getIndices(window.deck!.getSlides()[i]);
      window.deck!.slide(h, v);
    }, n);
    found.push(...(await check()));
  }
  return found;
}

/**
 * Connects the enclosing describe block to the run's one Chromium, or its one Chromium 109 (both started by
 * global-setup.ts, with no Chinese system font), and hands it to `use`. Every page and context the block opens is its
 * own, and all of them are closed when it lets go after the block; the browser itself runs on for the other files.
 */
export function sharedBrowser(use: (browser: Browser) => void, which: 'current' | 'chromium109' = 'current'): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject(which === 'current' ? 'browserEndpoint' : 'browser109Endpoint'));
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}
