import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eachSlide, fileUrl, openDeck, sharedBrowser, POLL, deckReady } from './helpers/browser.ts';
import { builtDeck } from './helpers/decks.ts';

const SIZES: Array<{ width: number; height: number }> = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

/** Punctuation that must never start a line of Chinese text. */
const NO_LINE_START = '，。、：；！？”’）》」』】,.;:!?)';

/** What on the current slide lies outside the slide, scrolls or is clipped, or is set too small. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const slide = window.deck!.getCurrentSlide();
    const frame = slide.querySelector<HTMLElement>('.frame')!;
    const box = frame.getBoundingClientRect();
    const label = (el: Element) => `${slide.id} <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 16)}"`;
    if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) problems.push(`${slide.id}: slide outside the window`);
    if (frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1) problems.push(`${slide.id}: content overflows the slide`);
    for (const el of frame.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1))
        problems.push(`${label(el)} lies outside the slide`);
      if (el.clientHeight && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) problems.push(`${label(el)} scrolls or clips`);
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.trim());
      if (hasText && parseFloat(getComputedStyle(el).fontSize) < 28) problems.push(`${label(el)} is smaller than 28 px`);
    }
    return problems;
  });
}

/** Lines of slide text (measured from the rendered line boxes) that start with a forbidden mark. */
function forbiddenLineStarts(page: Page, marks: string): Promise<string[]> {
  return page.evaluate((forbidden) => {
    const found: string[] = [];
    const slide = window.deck!.getCurrentSlide();
    for (const block of slide.querySelectorAll('.frame :is(h1, h2, p, li, .agenda-title)')) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let lastTop = -Infinity;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || !text[i]!.trim()) continue;
          if (rect.top > lastTop + rect.height / 2) {
            if (lastTop !== -Infinity && forbidden.includes(text[i]!)) found.push(`${slide.id}: a line of "${block.textContent}" starts with ${text[i]}`);
            lastTop = rect.top;
          }
        }
      }
    }
    return found;
  }, marks);
}

/** Layout problems on every slide of a deck opened in a window of the given size. */
async function fitProblems(browser: Browser, deckUrl: string, size: { width: number; height: number }): Promise<string[]> {
  const page = await openDeck(browser, `${deckUrl}?transition=none`, size);
  const problems = await eachSlide(page, () => layoutProblems(page));
  await page.close();
  return problems;
}

/** Serious and critical axe-core findings on every slide of a deck. */
async function axeViolations(browser: Browser, deckUrl: string): Promise<string[]> {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // axe is injected by the test, so the deck's own policy may not block it.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${deckUrl}?transition=none`);
  await deckReady(page);
  await page.evaluate(axeSource);
  const violations = await eachSlide(page, () =>
    page.evaluate(async () => {
      type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<Result> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }),
  );
  await context.close();
  return [...new Set(violations)];
}

describe('the look of the deck', () => {
  let browser: Browser;
  const deckUrl = fileUrl(inject('deckHtml'));
  sharedBrowser((b) => (browser = b));

  for (const size of SIZES) {
    it(`fits every slide in a ${size.width}×${size.height} window: nothing outside, scrolling, clipped or under 28 px`, async () => {
      expect(await fitProblems(browser, deckUrl, size)).toEqual([]);
    });
  }

  it('starts no line of slide text with closing punctuation', async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none`, SIZES[0]!);
    expect(await eachSlide(page, () => forbiddenLineStarts(page, NO_LINE_START))).toEqual([]);
    // The check means something only if some text does wrap.
    const wrapped = await eachSlide(page, () =>
      page.evaluate(() =>
        [...window.deck!.getCurrentSlide().querySelectorAll('.frame :is(h1, h2, li)')]
          .filter((el) => el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight) * 1.5)
          .map((el) => el.textContent ?? ''),
      ),
    );
    expect(wrapped.length).toBeGreaterThan(0);
    await page.close();
  });

  it("sets a section opener's seal on its panel and its text clear of the panel, with room on both sides", async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none`, SIZES[0]!);
    const openers = await eachSlide(page, () =>
      page.evaluate(() => {
        const slide = window.deck!.getCurrentSlide();
        if (!slide.classList.contains('slide-section')) return [];
        const frame = slide.querySelector<HTMLElement>(':scope > .frame')!;
        const scale = frame.getBoundingClientRect().width / frame.offsetWidth;
        // The panel ends at the last colour stop of the frame's background gradient, in the slide's own pixels.
        const stops = [...getComputedStyle(frame).backgroundImage.matchAll(/(\d+(?:\.\d+)?)px/g)].map((m) => parseFloat(m[1]!));
        const panelEnd = frame.getBoundingClientRect().left + Math.max(...stops) * scale;
        const seal = slide.querySelector('.numeral')!.getBoundingClientRect();
        const body = slide.querySelector('.section-body')!.getBoundingClientRect();
        return [{ line: slide.dataset.line, sealGap: (panelEnd - seal.right) / scale, bodyGap: (body.left - panelEnd) / scale }];
      }),
    );
    await page.close();
    expect(openers.length).toBeGreaterThan(0);
    for (const opener of openers) {
      expect(opener.sealGap, `section from line ${opener.line}`).toBeGreaterThanOrEqual(24);
      expect(opener.bodyGap, `section from line ${opener.line}`).toBeGreaterThanOrEqual(24);
    }
  });

  it('passes axe-core with no serious or critical violations on any slide', async () => {
    expect(await axeViolations(browser, deckUrl)).toEqual([]);
  });

  // test/speaker.browser.test.ts checks 1280×800 and 1920×1080 closely; here, the smaller windows of older laptops.
  it("fits the speaker view: every slide's text at a readable size, scrolling rather than clipped, previews inside", async () => {
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1366, height: 700 },
    ]) {
      const page = await openDeck(browser, `${deckUrl}?transition=none`, size);
      const opened = page.waitForEvent('popup');
      await page.keyboard.press('s');
      const speaker = await opened;
      await speaker.setViewportSize(size);
      const notesOf = await page.evaluate(() => window.deck!.getSlides().map((s) => s.querySelector('aside.notes')?.textContent ?? ''));
      let index = 0;
      const problems = await eachSlide(page, async () => {
        const expected = notesOf[index++]!.slice(0, 12);
        if (expected) await expect.poll(() => speaker.locator('.sv-text').textContent()).toContain(expected);
        return speaker.evaluate((label) => {
          const panel = document.querySelector<HTMLElement>('.sv-notes')!;
          const text = document.querySelector<HTMLElement>('.sv-text')!;
          const found: string[] = [];
          const name = `${label} "${text.textContent?.slice(0, 12)}"`;
          if (parseFloat(getComputedStyle(text).fontSize) < 40) found.push(`${name}: text set under 40 px`);
          if (panel.scrollWidth > panel.clientWidth) found.push(`${name}: text wider than its panel`);
          if (panel.scrollHeight > panel.clientHeight && getComputedStyle(panel).overflowY !== 'auto') found.push(`${name}: text clipped, not scrolling`);
          for (const screen of document.querySelectorAll('.sv-screen')) {
            const r = screen.getBoundingClientRect();
            if (r.right > innerWidth || r.bottom > innerHeight || r.width < 160) found.push(`${name}: a preview does not fit`);
          }
          return found;
        }, `${size.width}×${size.height}`);
      });
      expect(problems).toEqual([]);
      await speaker.close();
      await page.close();
    }
  });

  it('fits the print view: one page per slide, each slide inside its page', async () => {
    const page = await browser.newPage();
    await page.goto(`${deckUrl}?print-pdf`);
    await deckReady(page);
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0, null, POLL);
    const result = await page.evaluate(() => ({
      slides: window.deck!.getTotalSlides(),
      pages: [...document.querySelectorAll<HTMLElement>('.pdf-page')].map((p) => {
        const frame = p.querySelector<HTMLElement>('.frame')!;
        const overflow = frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1;
        const inside = frame.getBoundingClientRect().bottom <= p.getBoundingClientRect().bottom + 1;
        return overflow || !inside ? `${p.querySelector('section')?.id}: does not fit its page` : '';
      }),
    }));
    expect(result.pages).toHaveLength(result.slides);
    expect(result.pages.filter(Boolean)).toEqual([]);
    await page.close();
  });
});

describe('the dark high-contrast variant', () => {
  let browser: Browser;
  let deckUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-dark-'));
  sharedBrowser((b) => (browser = b));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    writeFileSync(join(dir, 'speech.md'), readFileSync('test/fixtures/speech.md', 'utf8').replace(/^theme: light$/m, 'theme: dark'));
    deckUrl = fileUrl(await builtDeck(join(dir, 'speech.md')));
  });

  it('is chosen by the front matter and passes axe-core, contrast included', async () => {
    const page = await openDeck(browser, deckUrl);
    const ground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(ground).toBe('rgb(17, 17, 17)');
    await page.close();
    expect(await axeViolations(browser, deckUrl)).toEqual([]);
  });

  it('fits every slide in a 1024×768 window', async () => {
    expect(await fitProblems(browser, deckUrl, { width: 1024, height: 768 })).toEqual([]);
  });
});

describe('text that would not fit', () => {
  let browser: Browser;
  let page: Page;
  const warnings: string[] = [];
  sharedBrowser((b) => (browser = b));

  beforeAll(async () => {
    const html = await builtDeck('test/fixtures/crowded.md');
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${fileUrl(html)}?transition=none`);
    await deckReady(page);
  });
  it('shrinks to fit, no smaller than 28 px', async () => {
    await page.evaluate(() => window.deck!.slide(2, 1));
    expect(await layoutProblems(page)).toEqual([]);
    const fit = await page.evaluate(() => Number(window.deck!.getCurrentSlide().style.getPropertyValue('--fit')));
    expect(fit).toBeLessThan(1);
  });

  it('is reported with its source line when even 28 px is too large, and the check sees the overflow', async () => {
    const line = readFileSync('test/fixtures/crowded.md', 'utf8').split('\n').indexOf('### 放不下的一张') + 1;
    expect(warnings.join('\n')).toContain(`line ${line}`);
    await page.evaluate(() => window.deck!.slide(2, 2));
    expect(await layoutProblems(page)).toContainEqual(expect.stringContaining('content overflows the slide'));
  });
});
