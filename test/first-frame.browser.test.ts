import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fileUrl, sharedBrowser, POLL } from './helpers/browser.ts';

/**
 * Set in the page before any of its own scripts: at every frame from the first, after layout and before paint
 * (a ResizeObserver's moment) and at each animation frame, every slide that is on screen is noted, with whether
 * the fit pass had given it its text scale (`--fit`) by then, and where it was.
 */
const PROBE = `(() => {
  const seen = (window.framesSeen = []);
  const look = (moment) => {
    for (const slide of document.querySelectorAll('.reveal .slides section')) {
      if (!slide.querySelector(':scope > .frame')) continue;
      const box = slide.getBoundingClientRect();
      const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
      if (!onScreen || getComputedStyle(slide).visibility !== 'visible') continue;
      let shown = true;
      for (let el = slide; el; el = el.parentElement) if (getComputedStyle(el).opacity === '0' || getComputedStyle(el).display === 'none') shown = false;
      const place = [box.left, box.top, box.width, box.height].map(Math.round).join(',');
      if (shown) seen.push({ moment, id: slide.id, fitted: slide.style.getPropertyValue('--fit') !== '', place });
    }
  };
  const sizes = new ResizeObserver(() => look('layout'));
  new MutationObserver(() => {
    for (const slide of document.querySelectorAll('.reveal .slides section')) sizes.observe(slide);
  }).observe(document, { childList: true, subtree: true });
  const frame = () => {
    look('frame');
    if (!document.documentElement.hasAttribute('data-fitted') || seen.length < 3) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

interface Seen {
  moment: string;
  id: string;
  fitted: boolean;
  /** Its box on screen: left, top, width, height. */
  place: string;
}

describe('no slide is ever on screen unfitted, from the first frame on, nor moves when reveal takes it over', () => {
  let browser: Browser;
  sharedBrowser((b) => (browser = b));

  for (const [name, address] of [
    ['the title, opened plainly', ''],
    ['a slide the address names', '#/用成绩强化着力点'],
  ] as const) {
    it(`on ${name}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.addInitScript(PROBE);
      await page.goto(fileUrl(inject('deckHtml'), address));
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-fitted'), null, POLL);
      // A few frames more, with every slide fitted by then.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const seen = await page.evaluate(() => (window as unknown as { framesSeen: Seen[] }).framesSeen);
      await page.close();
      // The probe saw the opening slide on screen, so that finding nothing unfitted means something.
      const opening = address ? address.slice(2) : 'title';
      expect(seen.some((s) => s.id === opening)).toBe(true);
      expect(seen.filter((s) => !s.fitted)).toEqual([]);
      // Where it first shows is where reveal keeps it: no jump when reveal takes it over.
      expect(new Set(seen.filter((s) => s.id === opening).map((s) => s.place)).size).toBe(1);
    });
  }
});
