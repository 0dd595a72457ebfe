import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDeck } from '../src/node/commands/build.ts';
import { eachSlide, fileUrl, pressAndWait, POLL, deckReady } from './helpers/browser.ts';
import { boxProblems, crowdedSlides, lineProblems, showSlide } from './helpers/layout.ts';
import { writePictures } from './helpers/pictures.ts';

/**
 * The office's browser: Chrome and Edge 109 are the last on Windows 7. @sparticuz/chromium ships a Linux
 * build of Chromium 109 (unpacked to /tmp on first use); playwright-core drives it over the DevTools
 * protocol with the project's own flags. It lacks `text-wrap: balance` and `justify-content: safe`, which
 * the deck must not need.
 */
const TITLE = '在中国共产党某某县第十五届委员会第三次全体会议暨二〇二三年全县经济工作会议上讲话';

/** A speech with what is hardest to lay out: a 40-character title, a 400-character phrase, pictures. */
function stressSpeech(pictures: { png: string; svg: string }): string {
  const phrase = '坚持把深化理论武装加强党性修养作为终身课题来践行通过不断地深化政治理论学习特别是深化马克思主义理论的学习'.repeat(8).slice(0, 400);
  return `---
speaker: 中共某某县委副书记、县人民政府县长
occasion: 县委经济工作会议
date: 2023年10月22日
---

# ${TITLE}

- 开场的要点

开场的话，2023年10月22日。

## 一、${TITLE}

- 经济运行稳中向好
- 项目建设提速增效

![全县生产总值增长图](${pictures.png})

部分的话。

### 四百个字的要点

- ${phrase}

小点的话。

### 示意图

![工作流程示意图](${pictures.svg})

示意图的话。
`;
}

describe('in Chromium 109, the office browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let stressDeck: string;
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-109-'));
  const speechDeck = fileUrl(inject('deckHtml'));
  /** Page errors, policy violations and dialogs anywhere in the context. */
  const incidents: string[] = [];

  beforeAll(async () => {
    const pictures = await writePictures(dir);
    writeFileSync(join(dir, 'stress.md'), stressSpeech(pictures));
    stressDeck = fileUrl(await buildDeck(join(dir, 'stress.md'), join(dir, 'out')));
    // The run's one Chromium 109 (global-setup.ts), with no Chinese system font; this block's pages are its own.
    browser = await chromium.connect(inject('browser109Endpoint'));
    context = await browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const watch = (page: Page) => {
      page.on('console', (m) => /policy violation/.test(m.text()) && incidents.push(m.text()));
      page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
      page.on('dialog', (dialog) => {
        incidents.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
    };
    context.on('page', watch);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a deck in the context at a window size and waits for reveal and its speaker-view plugin. */
  async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(url);
    await deckReady(page);
    await page.evaluate(() => document.fonts.ready);
    return page;
  }

  it('is Chromium 109, without text-wrap: balance', async () => {
    expect(browser.version()).toMatch(/^109\./);
    const page = await context.newPage();
    expect(await page.evaluate(() => CSS.supports('text-wrap', 'balance'))).toBe(false);
    await page.close();
  });

  it('shows every slide of the speech and of a deck of long text and pictures inside its box, with no error or policy violation', async () => {
    for (const [url, size] of [
      [speechDeck, { width: 1280, height: 720 }],
      [stressDeck, { width: 1024, height: 768 }],
    ] as const) {
      const page = await open(`${url}?transition=none`, size);
      expect(await crowdedSlides(page)).toEqual([]);
      expect(await eachSlide(page, () => boxProblems(page)), url).toEqual([]);
      const pictures = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.frame img')].map((img) => img.complete && img.naturalWidth > 0),
      );
      expect(pictures).not.toContain(false);
      await page.close();
    }
    expect(incidents).toEqual([]);
  });

  it('sets a 40-character title and section heading in balanced lines, broken between words, balanced without the browser', async () => {
    const page = await open(`${stressDeck}?transition=none`, { width: 1920, height: 1080 });
    for (const selector of ['section#title h1', 'section.slide-section h2.section-title']) {
      await showSlide(page, await page.evaluate((sel) => document.querySelector(sel)!.closest('section')!.id, selector));
      expect(await lineProblems(page, selector), selector).toEqual([]);
    }
    await page.close();
    expect(incidents).toEqual([]);
  });

  it('opens the speaker view: the whole text at a readable size, the clock on 24 hours, nothing blocked', async () => {
    const page = await open(`${speechDeck}?transition=none`, { width: 1280, height: 800 });
    const opened = context.waitForEvent('page');
    await page.keyboard.press('s');
    const speaker = await opened;
    await speaker.setViewportSize({ width: 1280, height: 800 });
    const notes = speaker.locator('.sv-text');
    await expect.poll(() => notes.textContent()).toContain('在县政府党组学习研讨会上的发言');
    await pressAndWait(page, 'PageDown');
    await expect.poll(() => notes.textContent()).toContain('习近平总书记在学习贯彻党的二十大精神研讨班上的重要讲话');
    await expect.poll(() => speaker.locator('.sv-clock').textContent()).toMatch(/\d{1,2}:\d{2}/);
    expect(await speaker.locator('.sv-time').textContent()).not.toMatch(/AM|PM|上午|下午/i);
    const shown = await speaker.evaluate(() => {
      const text = document.querySelector<HTMLElement>('.sv-text')!;
      const box = text.getBoundingClientRect();
      return { size: parseFloat(getComputedStyle(text.querySelector('p') ?? text).fontSize), inside: box.right <= innerWidth + 1 && box.left >= -1 };
    });
    expect(shown.size).toBeGreaterThanOrEqual(24);
    expect(shown.inside).toBe(true);
    // The previews are copies of the slides: no second copy of the deck is loaded.
    expect(speaker.frames()).toHaveLength(1);
    await speaker.close();
    await page.close();
    expect(incidents).toEqual([]);
  });

  it('lays out the print view and the handout, each slide inside its page', async () => {
    for (const url of [speechDeck, stressDeck]) {
      const page = await context.newPage();
      await page.goto(`${url}?print-pdf`);
      await page.waitForFunction(() => window.printView !== undefined, null, POLL);
      const count = await page.evaluate(() => window.printView!.ready);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.pdf-page')].flatMap((p) => {
          const frame = p.querySelector<HTMLElement>('.frame')!;
          const overflow = frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1;
          return overflow || frame.getBoundingClientRect().bottom > p.getBoundingClientRect().bottom + 1 ? [p.querySelector('section')!.id] : [];
        }),
      );
      expect(outside, url).toEqual([]);
      await page.evaluate(() => window.printView!.handout());
      const handout = await page.evaluate(() => document.querySelectorAll('.handout-slide').length);
      expect(handout).toBe(count);
      await page.close();
    }
    expect(incidents).toEqual([]);
  });
});
