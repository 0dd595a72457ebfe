import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deckReady, fileUrl, sharedBrowser, POLL } from './helpers/browser.ts';
import { builtDeck } from './helpers/decks.ts';

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

  let longTitle: string;
  beforeAll(async () => {
    longTitle = await builtDeck('test/fixtures/long-title.md');
  }, 60_000);

  for (const [name, address, deck] of [
    ['the title, opened plainly', '', () => inject('deckHtml')],
    ['a slide the address names', '#/用成绩强化着力点', () => inject('deckHtml')],
    ['a slide the address names outside any column', '#/agenda', () => inject('deckHtml')],
    ['a title too long to be fitted before the page runs, opened plainly', '', () => longTitle],
  ] as const) {
    it(`on ${name}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.addInitScript(PROBE);
      await page.goto(fileUrl(deck(), address));
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-fitted'), null, POLL);
      // A few frames more, with every slide fitted by then.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const seen = await page.evaluate(() => (window as unknown as { framesSeen: Seen[] }).framesSeen);
      await page.close();
      // The probe saw the opening slide on screen, so that finding nothing unfitted means something.
      const opening = address ? address.slice(2) : 'title';
      expect(seen.some((s) => s.id === opening)).toBe(true);
      // And no other slide: the title slide shown before any code runs is shown only when the deck opens on it.
      expect([...new Set(seen.map((s) => s.id))]).toEqual([opening]);
      expect(seen.filter((s) => !s.fitted)).toEqual([]);
      // Where it first shows is where reveal keeps it: no jump when reveal takes it over.
      expect(new Set(seen.filter((s) => s.id === opening).map((s) => s.place)).size).toBe(1);
    });
  }
});

/** Where the title slide and its heading are on screen, and in how many lines the heading is set. */
async function titleSeen(page: Page): Promise<{ slide: string; heading: string; lines: number; shown: boolean }> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('section#title')!;
    const heading = slide.querySelector('h1')!;
    const place = (box: DOMRect) => [box.left, box.top, box.width, box.height].map((n) => Math.round(n)).join(',');
    const range = document.createRange();
    range.selectNodeContents(heading);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return {
      slide: place(slide.getBoundingClientRect()),
      heading: place(heading.getBoundingClientRect()),
      lines: tops.size,
      shown: getComputedStyle(slide).display !== 'none' && getComputedStyle(slide).visibility === 'visible',
    };
  });
}

describe("a title slide fitted when the deck was built is on screen before any of the page's code has run", () => {
  let browser: Browser;
  sharedBrowser((b) => (browser = b));
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-first-frame-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The deck without its program: what the browser shows from the page's markup and style alone. */
  function withoutProgram(html: string): string {
    const page = readFileSync(html, 'utf8');
    const program = /<script type="text\/x-speech-deck-program" id="deck-program">[\s\S]*?<\/script>/g;
    expect(page.match(program)).toHaveLength(1);
    const file = join(dir, 'no-program.html');
    writeFileSync(file, page.replace(program, ''));
    return file;
  }

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    it(`in its fonts, on one line, where reveal keeps it, at ${size.width}×${size.height}`, async () => {
      const bare = await browser.newPage({ viewport: size });
      await bare.goto(fileUrl(withoutProgram(inject('deckHtml'))));
      const before = await titleSeen(bare);
      await bare.close();
      const page = await browser.newPage({ viewport: size });
      await page.goto(fileUrl(inject('deckHtml')));
      await deckReady(page);
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-fitted'), null, POLL);
      const after = await titleSeen(page);
      // The fit pass, measuring it again in the browser, found nothing to change.
      const fitted = await page.evaluate(() => {
        const slide = document.querySelector<HTMLElement>('section#title')!;
        return { fit: slide.style.getPropertyValue('--fit'), breaks: slide.querySelectorAll('br.fit-break').length };
      });
      await page.close();
      expect(before.shown).toBe(true);
      expect(before.lines).toBe(1);
      expect(fitted).toEqual({ fit: '1', breaks: 0 });
      expect(before).toEqual(after);
    });
  }

  it('but a title that may need two lines waits for the page to fit it', async () => {
    const bare = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await bare.goto(fileUrl(withoutProgram(await builtDeck('test/fixtures/long-title.md'))));
    expect((await titleSeen(bare)).shown).toBe(false);
    await bare.close();
  }, 60_000);
});
