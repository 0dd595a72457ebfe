import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, pressAndWait, sharedBrowser, deckReady } from './helpers/browser.ts';
import { builtDeck } from './helpers/decks.ts';

/** Everything in the page that could run code: elements, handlers and addresses, as readable strings. */
function runnableParts(root: string): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll(`${root} *`)) {
    if (/^(script|iframe|object|embed|svg|style|link|meta|base|form)$/i.test(el.tagName)) found.push(`<${el.tagName}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attr.name) && !/^(#|https?:|data:image\/(png|jpeg|gif|webp);)/i.test(attr.value.trim())) {
        found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
  }
  return found;
}

describe('a deck built from hostile text, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let html: string;
  /** Alerts and blocked inline code: either would mean author text became code. */
  const incidents: string[] = [];
  sharedBrowser((b) => (browser = b));

  beforeAll(async () => {
    html = await builtDeck('test/fixtures/hostile.md');
    context = await browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`policy violation: ${e.violatedDirective} ${e.sample}`));
      document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''), true);
    });
    const watch = (page: Page) => {
      page.on('dialog', (dialog) => {
        incidents.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (message.text().startsWith('policy violation')) incidents.push(message.text());
      });
      page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
    };
    context.on('page', watch);
  });

  it('runs nothing the author wrote on any slide, and shows it as text', async () => {
    const page = await context.newPage();
    await page.goto(fileUrl(html));
    await deckReady(page);
    await expect(page.title()).resolves.toBe("</title><script>alert('title')</script>");
    const total = await page.evaluate(() => window.deck!.getTotalSlides());
    for (let i = 1; i < total; i++) await pressAndWait(page, 'PageDown');
    expect(await page.evaluate(runnableParts, '.reveal .slides')).toEqual([]);
    const text = await page.locator('.reveal .slides').textContent();
    expect(text).toContain("</script><script>alert('close')</script>");
    expect(text).toContain('<img src=x onerror="alert(\'point\')">');
    // The line and paragraph separators are line breaks within their paragraph once the speech is read.
    expect(text).toContain('行分隔符\n以及段分隔符\n');
    await expect(page.locator('.reveal .slides img[alt="小图"]').count()).resolves.toBe(1);
    await expect(page.evaluate(() => typeof window.deck!.next)).resolves.toBe('function');
    expect(incidents).toEqual([]);
    await page.close();
  });

  it('runs nothing in the speaker view (S), which shows the notes as text', async () => {
    const page = await context.newPage();
    await page.goto(`${fileUrl(html)}#/opening`);
    await deckReady(page);
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popup;
    const notes = speaker.locator('.sv-text');
    await expect.poll(() => notes.textContent()).toContain("</script><script>alert('close')</script>");
    await expect(notes.textContent()).resolves.toContain('<div onclick="alert(\'div\')">点我</div>');
    expect(await speaker.evaluate(runnableParts, '.sv-notes')).toEqual([]);
    // The slide previews are copies of the slides: as inert as the slides themselves.
    expect(await speaker.evaluate(runnableParts, '.sv-screen')).toEqual([]);
    for (const id of ['proto', 'constructor', 'hasownproperty', 'closing']) {
      await page.evaluate(
        (target) => window.deck!.slide(...(Object.values(window.deck!.getIndices(document.getElementById(target)!)) as [number, number])),
        id,
      );
      await expect.poll(() => page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
    }
    await expect.poll(() => notes.textContent()).toContain('$&');
    expect(incidents).toEqual([]);
    await speaker.close();
    await page.close();
  });

  it('runs nothing in the print view (?print-pdf)', async () => {
    const page = await context.newPage();
    await page.goto(fileUrl(html, '?print-pdf'));
    await deckReady(page);
    await page.waitForSelector('html[data-pdf-ready]', { state: 'attached' });
    expect(await page.evaluate(runnableParts, '.reveal .slides')).toEqual([]);
    await expect(page.locator('.reveal .slides').textContent()).resolves.toContain("alert('close')");
    expect(incidents).toEqual([]);
    await page.close();
  });
});
