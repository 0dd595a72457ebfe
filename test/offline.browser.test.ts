import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { eachSlide, fileUrl, openDeck, pressAndWait, sharedBrowser, deckReady } from './helpers/browser.ts';

// Chromium reports the name inside the font file, which for these subsets adds a style word.
const EMBEDDED = /^Noto (Sans|Serif) SC\b/;

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium used to draw the text of each element matching `selector`, from the DevTools protocol. */
async function fontsUsed(page: Page, selector: string): Promise<Array<{ text: string; fonts: PlatformFont[] }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const result = [];
  for (const nodeId of nodeIds) {
    // The speaker view's clocks redraw their words every second: a node gone meanwhile is skipped.
    const read = await Promise.all([cdp.send('CSS.getPlatformFontsForNode', { nodeId }), cdp.send('DOM.getOuterHTML', { nodeId })]).catch(() => undefined);
    if (!read) continue;
    const [{ fonts }, { outerHTML }] = read as [{ fonts: PlatformFont[] }, { outerHTML: string }];
    if (fonts.length) result.push({ text: outerHTML.replace(/<[^>]+>/g, '').slice(0, 40), fonts });
  }
  await cdp.detach();
  return result;
}

/** Elements drawn with anything but the embedded faces, for a readable failure. */
function notEmbedded(used: Array<{ text: string; fonts: PlatformFont[] }>): string[] {
  return used.flatMap(({ text, fonts }) => fonts.filter((f) => !f.isCustomFont || !EMBEDDED.test(f.familyName)).map((f) => `${text}: ${f.familyName}`));
}

/** Collects CSP violations reported in a context's consoles: its pages, their frames and popups. */
function watchViolations(context: BrowserContext, into: string[]): void {
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) into.push(message.text());
  });
}

describe('the one-file deck, offline', () => {
  let browser: Browser;
  const deckUrl = fileUrl(inject('deckHtml'));
  // No Chinese system fonts: only what the file carries can draw the Chinese text.
  sharedBrowser((b) => (browser = b));

  it('requests nothing but itself', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(deckUrl);
    await deckReady(page);
    await page.evaluate(() => document.fonts.ready);
    for (let i = 0; i < 4; i++) await pressAndWait(page, 'PageDown');
    expect(requests.filter((url) => !url.startsWith(deckUrl))).toEqual([]);
    await context.close();
  });

  // Bold sans is embedded only for **emphasis**, which this speech has none of; the agenda is set in the serif.
  it("loads its embedded faces: Noto Serif SC bold and Noto Sans SC regular, and the title slide's small copies of them", async () => {
    const page = await openDeck(browser, deckUrl);
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`));
    expect(new Set(loaded)).toEqual(new Set(['Noto Serif SC 700', 'Noto Sans SC 400', 'Noto Serif SC Title 700', 'Noto Sans SC Title 400']));
    await page.close();
  });

  it('draws every text on every slide with the embedded fonts alone, with no Chinese system font', async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none`);
    const count = await page.evaluate(() => window.deck!.getTotalSlides());
    const used = await eachSlide(page, () => fontsUsed(page, '.slides section.present:not(.stack) :is(h1, h2, p, li, span, a), .slide-number span'));
    const problems = notEmbedded(used);
    const checked = used.length;
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(count * 3);
    await page.close();
  });

  it('draws a heading in the serif and a key phrase in the sans', async () => {
    const page = await openDeck(browser, `${deckUrl}#/用定位找准坐标点`);
    const [heading] = await fontsUsed(page, 'section.present:not(.stack) h2');
    const [phrase] = await fontsUsed(page, 'section.present:not(.stack) li');
    expect(heading!.fonts.map((f) => f.familyName)).toEqual([expect.stringMatching(/^Noto Serif SC\b/)]);
    expect(phrase!.fonts.map((f) => f.familyName)).toEqual([expect.stringMatching(/^Noto Sans SC\b/)]);
    await page.close();
  });

  it('opens the speaker view from file://, drawn with the embedded fonts, and keeps it in step', async () => {
    const violations: string[] = [];
    const page = await openDeck(browser, `${deckUrl}#/用定位找准坐标点`);
    watchViolations(page.context(), violations);
    const popupOpened = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popupOpened;
    const notes = speaker.locator('.sv-text');
    await expect.poll(() => notes.textContent()).toContain('用定位找准坐标点。要提高思想认识');
    await speaker.evaluate(() => document.fonts.ready);
    // The spoken text, the view's own labels and clocks, and the slide previews: all in the embedded faces.
    const used = await fontsUsed(speaker, '.sv-text p, .sv-time span, .sv-tools span, figcaption span, .sv-keys span, .sv-screen :is(h1, h2, li, p)');
    expect(used.length).toBeGreaterThan(10);
    expect(notEmbedded(used)).toEqual([]);
    // The previews are copies of the slides, not frames of the deck loaded again.
    expect(speaker.frames()).toHaveLength(1);
    await pressAndWait(page, 'PageDown');
    await expect.poll(() => notes.textContent()).toContain('用成绩强化着力点。坚持把深化理论武装');
    await expect.poll(() => speaker.locator('.sv-next figcaption').textContent()).toBe('下一张');
    expect(violations).toEqual([]);
    await speaker.close();
    await page.close();
  });

  it('raises no Content-Security-Policy violation in the deck or the print view', async () => {
    for (const query of ['', '?print-pdf']) {
      const violations: string[] = [];
      const context = await browser.newContext();
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective}`));
        // Capture, so the event is seen wherever reveal dispatches it and however early.
        document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''), true);
      });
      watchViolations(context, violations);
      const page = await context.newPage();
      await page.goto(`${deckUrl}${query}`);
      await deckReady(page);
      if (query) await page.waitForSelector('html[data-pdf-ready]', { state: 'attached' });
      await page.evaluate(() => document.fonts.ready);
      expect(violations, query || 'deck').toEqual([]);
      await context.close();
    }
  });

  it('keeps its policy strict: scripts only by hash, no connections out', async () => {
    const page = await openDeck(browser, deckUrl);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/connect-src 'none'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const blocked = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      ),
    );
    expect(blocked).toBe('blocked');
    await page.close();
  });
});
