import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPdf, type PdfResult } from '../src/node/commands/pdf.ts';
import { latinOnlyFontEnv } from '../src/node/fonts/env.ts';
import { eachSlide, fileUrl, openDeck, sharedBrowser, POLL, deckReady } from './helpers/browser.ts';
import { boxProblems, showSlide } from './helpers/layout.ts';
import { imagesPerPage, pageText, readPdf } from './helpers/pdf.ts';
import { pictureSpeech, writePictures } from './helpers/pictures.ts';

describe('a speech with a PNG, a JPEG and an SVG beside it', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-picture-deck-'));
  let result: PdfResult;
  let html: string;
  sharedBrowser((b) => (browser = b));

  beforeAll(async () => {
    writeFileSync(join(dir, 'speech.md'), pictureSpeech(await writePictures(dir)));
    // One step builds the deck and prints both PDFs from it, as `speech-deck pdf` does.
    result = await exportPdf({ input: join(dir, 'speech.md'), outDir: join(dir, 'out'), env: latinOnlyFontEnv(), progress: () => undefined });
    html = join(dir, 'out', 'speech.html');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds one file that shows every picture from file://, with no request, no policy violation and no script run', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    const incidents: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    context.on('console', (m) => /policy violation/.test(m.text()) && incidents.push(m.text()));
    context.on('page', (page) => {
      page.on('dialog', (dialog) => {
        incidents.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
    });
    const page = await context.newPage();
    await page.goto(`${fileUrl(html)}?transition=none`);
    await deckReady(page);
    const pictures = await eachSlide(page, () =>
      page.evaluate(() =>
        [...window.deck!.getCurrentSlide().querySelectorAll<HTMLImageElement>(':scope > .frame img')].map((img) => ({
          alt: img.alt,
          loaded: img.complete && img.naturalWidth > 0,
          embedded: img.src.startsWith('data:image/'),
        })),
      ),
    );
    expect(pictures.map((p) => p.alt).sort()).toEqual(['全县生产总值增长图', '工作流程示意图', '项目现场照片']);
    expect(pictures.filter((p) => !p.loaded || !p.embedded)).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(fileUrl(html)))).toEqual([]);
    expect(incidents).toEqual([]);
    await context.close();
    const kb = Math.round(statSync(html).size / 1024);
    console.log(`deck with three pictures: ${kb} KB`);
    expect(kb).toBeLessThan(1024);
  });

  it('sets each picture beside its key phrases, or alone and large, inside the slide', async () => {
    const page = await openDeck(browser, `${fileUrl(html)}?transition=none`, { width: 1920, height: 1080 });
    for (const id of ['经济运行', '现场照片', '示意图']) {
      await showSlide(page, id);
      expect(await boxProblems(page), id).toEqual([]);
      const layout = await page.evaluate((slideId) => {
        const slide = document.getElementById(slideId)!;
        const frame = slide.querySelector(':scope > .frame')!.getBoundingClientRect();
        const img = slide.querySelector('img')!;
        const shown = img.getBoundingClientRect();
        // object-fit: contain letterboxes the picture in its box: the part it really covers.
        const scale = Math.min(shown.width / img.naturalWidth, shown.height / img.naturalHeight);
        const list = slide.querySelector('ul.points')?.getBoundingClientRect();
        return {
          frameWidth: frame.width,
          frameHeight: frame.height,
          width: img.naturalWidth * scale,
          height: img.naturalHeight * scale,
          left: shown.left,
          listRight: list?.right,
        };
      }, id);
      if (layout.listRight === undefined) {
        // Alone: as high as the space under the heading, at least half the slide's height.
        expect(layout.height, id).toBeGreaterThan(layout.frameHeight / 2);
      } else {
        expect(layout.left, id).toBeGreaterThan(layout.listRight);
        expect(layout.width, id).toBeGreaterThan(layout.frameWidth / 4);
      }
    }
    await page.close();
  });

  it('shows the pictures in the slides PDF and the handout, with their descriptions in the handout', async () => {
    const slides = await imagesPerPage(result.slides.path);
    const handout = await imagesPerPage(result.handout.path);
    expect(slides.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(slides.filter((n) => n > 0)).toHaveLength(3);
    expect(handout.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
    const read = await readPdf(result.handout.path);
    const text = read.pages.map(pageText).join('');
    for (const alt of ['全县生产总值增长图', '项目现场照片', '工作流程示意图']) expect(text).toContain(`图：${alt}`);
    // Drawn with the deck's own fonts (the page numbers aside), 图： included.
    expect(read.fonts.map((f) => f.name).filter((n) => !/^Noto(Sans|Serif)SC/.test(n)).length).toBeLessThanOrEqual(1);
  });

  it('keeps the handout tidy: no character alone on a line, no justified gaps in the slide pictures', async () => {
    // Laid out as printed: A4's 156 mm text width at 96 px an inch.
    const page = await browser.newPage({ viewport: { width: 590, height: 842 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${fileUrl(html)}?print-pdf&handout`);
    await page.waitForFunction(() => window.printView !== undefined, null, POLL);
    await page.evaluate(() => window.printView!.ready);
    const found = await page.evaluate(() => {
      const problems: string[] = [];
      for (const el of document.querySelectorAll('.handout-heading, .handout-phrases li, .handout-text, .handout-picture-text')) {
        const tops = new Map<number, string>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.nodeValue!.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect?.width) continue;
            const top = [...tops.keys()].find((t) => Math.abs(t - rect.top) < rect.height / 2) ?? rect.top;
            tops.set(top, (tops.get(top) ?? '') + node.nodeValue![i]);
          }
        }
        for (const line of tops.values())
          if ((line.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) problems.push(`"${el.textContent?.slice(0, 20)}…": a line holds only "${line}"`);
      }
      for (const el of document.querySelectorAll('.handout-picture *')) {
        if (getComputedStyle(el).textAlign === 'justify') problems.push(`a slide picture's ${el.tagName.toLowerCase()} is justified`);
      }
      return [...new Set(problems)];
    });
    expect(found).toEqual([]);
    // The long key phrase does wrap in the handout's narrow column, so the check means something.
    const lines = await page.evaluate(() => {
      const li = [...document.querySelectorAll('.handout-phrases li')].find((el) => (el.textContent ?? '').startsWith('坚持把深化'))!;
      return Math.round(li.getBoundingClientRect().height / parseFloat(getComputedStyle(li).lineHeight));
    });
    expect(lines).toBeGreaterThan(1);
    await page.close();
  });
});
