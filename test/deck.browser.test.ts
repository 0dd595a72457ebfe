import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { deckSeconds } from '../src/core/timing.ts';
import { fileUrl, openDeck, pressAndWait, sharedBrowser, POLL } from './helpers/browser.ts';
import { correctedOriginal, squash } from './helpers/speech.ts';

const model = parse(readFileSync('test/fixtures/speech.md', 'utf8'));
/** Slide ids in speech order: the agenda comes right after the opening. */
const expectedOrder = model.slides.map((s) => s.id);

describe('the built deck in Chromium', () => {
  let browser: Browser;
  let page: Page;

  sharedBrowser((b) => (browser = b));
  beforeAll(async () => {
    page = await openDeck(browser, fileUrl(inject('deckHtml')));
  });

  it('opens on the title slide with the title, speaker, occasion and date', async () => {
    const title = page.locator('section.present');
    await expect(title.locator('h1').textContent()).resolves.toBe(model.title.heading.text);
    const text = await title.textContent();
    for (const value of [model.meta.speaker, model.meta.occasion, model.meta.date]) expect(text).toContain(value);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
  });

  it('has the expected shape: title, opening, agenda, three sections of three sub-points, closing', async () => {
    const shape = await page.evaluate(() =>
      window
        .deck!.getHorizontalSlides()
        .map((h) =>
          h.classList.contains('stack') ? [...h.querySelectorAll(':scope > section')].map((s) => s.className.split(' ')[0]) : h.className.split(' ')[0],
        ),
    );
    const column = ['slide-section', 'slide-point', 'slide-point', 'slide-point'];
    expect(shape).toEqual(['slide-title', 'slide-opening', 'slide-agenda', column, column, column, 'slide-closing']);
  });

  it('walks every slide in speech order with next (PageDown) and back with previous (PageUp)', async () => {
    const visited = [await page.evaluate(() => window.deck!.getCurrentSlide().id)];
    for (let i = 1; i < expectedOrder.length; i++) visited.push(await pressAndWait(page, 'PageDown'));
    expect(visited).toEqual(expectedOrder);
    const back = [];
    for (let i = 1; i < expectedOrder.length; i++) back.push(await pressAndWait(page, 'PageUp'));
    expect(back).toEqual(expectedOrder.slice(0, -1).reverse());
  });

  it('walks the same order with the right arrow, as some clickers send', async () => {
    await page.evaluate(() => window.deck!.slide(0, 0));
    const visited = [];
    for (let i = 1; i < expectedOrder.length; i++) visited.push(await pressAndWait(page, 'ArrowRight'));
    expect(visited).toEqual(expectedOrder.slice(1));
  });

  it('gives every slide data-timing, adding up to the estimated speaking time', async () => {
    const timings = await page.evaluate(() => window.deck!.getSlides().map((s) => s.getAttribute('data-timing')));
    expect(timings).toHaveLength(expectedOrder.length);
    for (const t of timings) expect(t).toMatch(/^[1-9]\d*$/);
    expect(timings.reduce((sum, t) => sum + Number(t), 0)).toBe(deckSeconds(model));
  });

  it('carries the whole original speech in its notes, in order', async () => {
    const notes = await page.evaluate(() => [...document.querySelectorAll('aside.notes')].map((a) => a.textContent).join(''));
    expect(squash(notes)).toBe(squash(correctedOriginal()));
  });

  it('jumps to a slide by its number with G, as the slide number in the corner counts them', async () => {
    await page.evaluate(() => window.deck!.slide(0, 0));
    const target = model.sections[2]!.points[0]!;
    const number = model.slides.findIndex((slide) => slide.id === target.id) + 1;
    await page.keyboard.press('g');
    const input = page.locator('.jump-to-slide-input');
    await expect.poll(() => input.isVisible()).toBe(true);
    await input.fill(String(number));
    await input.press('Enter');
    await expect.poll(() => page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(target.id);
    await expect.poll(() => input.isVisible()).toBe(false);
    expect((await page.locator('.slide-number').textContent())!.trim()).toMatch(new RegExp(`^${number}\\b`));
  });

  it('finds a slide with Ctrl+Shift+F by words on it or only in its notes, and zooms into one with Alt+click (Ctrl+click on Linux)', async () => {
    await page.evaluate(() => window.deck!.slide(0, 0));
    await page.keyboard.press('Control+Shift+F');
    const input = page.locator('.find-box');
    await expect.poll(() => input.isVisible()).toBe(true);
    expect(await input.getAttribute('placeholder')).toBe('查找');
    // Words of a heading, then words said only in a slide's notes, each found from the slide before.
    const byHeading = model.sections[2]!.points[0]!;
    const byNotes = model.slides.find((slide, i) => i > 3 && slide.notes.some((n) => n.text.length > 30))!;
    const spoken = byNotes.notes[0]!.text.slice(10, 22);
    expect(model.slides.filter((slide) => slide.notes.some((n) => n.text.includes(spoken)) || slide.heading.text.includes(spoken))).toHaveLength(1);
    for (const [words, id] of [
      [byHeading.heading.text, byHeading.id],
      [spoken, byNotes.id],
    ] as const) {
      await input.fill(words);
      await input.press('Enter');
      await expect.poll(() => page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
    }
    // Typing in the box never turns the page.
    await input.press('ArrowRight');
    expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(byNotes.id);
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => input.isVisible()).toBe(false);
    const modifier = (await page.evaluate(() => /Linux/.test(navigator.platform))) ? 'Control' : 'Alt';
    const heading = page.locator('section.present:not(.stack) h2');
    const before = await heading.boundingBox();
    await heading.click({ modifiers: [modifier] });
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('zoomed'))).toBe(true);
    expect((await heading.boundingBox())!.width).toBeCloseTo(before!.width * 2, 0);
    await heading.click({ modifiers: [modifier], force: true });
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('zoomed'))).toBe(false);
    expect((await heading.boundingBox())!.width).toBeCloseTo(before!.width, 0);
  });

  it('starts without reading the computed style of each slide: reveal checks their contrast from the theme colour', async () => {
    const fresh = await browser.newPage();
    await fresh.addInitScript(() => {
      const counts = { reads: 0, atReady: -1 };
      Object.assign(window, { styleReads: counts });
      const read = window.getComputedStyle.bind(window);
      window.getComputedStyle = (element, pseudo) => {
        counts.reads++;
        return read(element, pseudo);
      };
      document.addEventListener('ready', () => (counts.atReady = counts.reads), { once: true });
    });
    await fresh.goto(fileUrl(inject('deckHtml')));
    await fresh.waitForFunction(() => window.deck?.isReady() === true, null, POLL);
    // Fitting the opening slide reads a few styles; without the colour reveal read one more for every slide.
    const reads = await fresh.evaluate(() => (window as unknown as { styleReads: { atReady: number } }).styleReads.atReady);
    expect(reads).toBeGreaterThanOrEqual(0);
    expect(reads).toBeLessThan(model.slides.length);
    const colours = await fresh.evaluate(() => [
      ...new Set([...document.querySelectorAll<HTMLElement>('.reveal .slides section')].map((s) => s.dataset.backgroundColor)),
    ]);
    expect(colours).toEqual(['#fbf8f1']);
    await fresh.close();
  });

  it('blacks the screen out with B, all black with no button on it, and comes back with B', async () => {
    await page.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => document.querySelector('.reveal')!.classList.contains('paused'))).toBe(true);
    await expect.poll(() => page.locator('.pause-overlay').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(
      await page.locator('.pause-overlay').evaluate((el) => [getComputedStyle(el).backgroundColor, el.getBoundingClientRect().width === innerWidth]),
    ).toEqual(['rgb(0, 0, 0)', true]);
    expect(await page.locator('.pause-overlay .resume-button').isVisible()).toBe(false);
    await page.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => document.querySelector('.reveal')!.classList.contains('paused'))).toBe(false);
  });

  it('opens the speaker view with S, showing the current notes and the timer, and follows navigation', async () => {
    await page.evaluate(() => window.deck!.slide(3, 1));
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popup;
    const notes = speaker.locator('.sv-text');
    const point = model.sections[0]!.points[0]!;
    await expect.poll(() => notes.textContent()).toContain(point.notes[0]!.text.slice(0, 30));
    await expect(speaker.locator('.sv-elapsed-value').isVisible()).resolves.toBe(true);
    await expect.poll(() => speaker.locator('.sv-pace').isVisible()).toBe(true);
    await pressAndWait(page, 'PageDown');
    const next = model.sections[0]!.points[1]!;
    await expect.poll(() => notes.textContent()).toContain(next.notes[0]!.text.slice(0, 30));
    await speaker.close();
  });
});
