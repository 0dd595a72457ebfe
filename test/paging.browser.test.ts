import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEAKER_TEXT } from '../src/core/labels.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { latinOnlyFontEnv } from '../src/node/fonts/env.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { fileUrl, launchBrowser, openDeck } from './helpers/browser.ts';
import { squash } from './helpers/speech.ts';

/** A speech with one slide whose text takes several pages of the speaker view on a 1280×800 laptop. */
const FIXTURE = 'test/fixtures/paging.md';
const LAPTOP = { width: 1280, height: 800 };
const model = loadSpeech(FIXTURE).deck;
const long = model.slides.findIndex((s) => s.id === '话很多的一张');
const text = squash(model.slides[long]!.notes.map((n) => n.text).join(''));

/** What the speaker sees after a key: the deck's slide, the page label, and the text's lines shown whole. */
interface Seen {
  slide: number;
  label: string;
  lines: string[];
}

/** The lines of the view's text that lie wholly inside its panel, measured character by character. */
function look(_page: Page, speaker: Page): Promise<Seen> {
  return speaker.evaluate(() => {
    const box = document.querySelector('.sv-notes')!.getBoundingClientRect();
    const lines: { text: string; top: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(document.querySelector('.sv-text')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.nodeValue!.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r?.width) continue;
        const last = lines.at(-1);
        if (last && r.top < last.bottom - r.height / 2) {
          last.text += node.nodeValue![i];
          last.bottom = Math.max(last.bottom, r.bottom);
        } else lines.push({ text: node.nodeValue![i]!, top: r.top, bottom: r.bottom });
      }
    }
    const opener = window.opener as Window & { deck: { getSlides(): Element[]; getCurrentSlide(): Element } };
    return {
      slide: opener.deck.getSlides().indexOf(opener.deck.getCurrentSlide()),
      label: document.querySelector('.sv-page')!.textContent ?? '',
      lines: lines.filter((l) => l.top >= box.top - 1 && l.bottom <= box.bottom + 1).map((l) => l.text),
    };
  }, undefined);
}

describe('a clicker alone in the speaker view, at 1280×800', () => {
  let browser: Browser;
  let html: string;
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-paging-'));

  beforeAll(async () => {
    html = await buildDeck(FIXTURE, dir);
    // No Chinese system fonts: the view's text is set in the faces the file carries, as on a bare PC.
    browser = await launchBrowser({ env: latinOnlyFontEnv() });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; speaker: Page }> {
    const page = await openDeck(browser, `${fileUrl(html)}?transition=none`, LAPTOP);
    const opened = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await opened;
    await speaker.setViewportSize(LAPTOP);
    await speaker.waitForSelector('.sv-text p');
    await speaker.evaluate(() => document.fonts.ready);
    return { page, speaker };
  }

  /** Presses a key in the view and waits for the frame it changed to be drawn. */
  async function press(speaker: Page, key: string): Promise<void> {
    await speaker.keyboard.press(key);
    await speaker.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  it('pages through the long text with PageDown, its last line seen before the deck moves, the last two lines of a page heading the next', async () => {
    const { page, speaker } = await open();
    const seen: Seen[] = [await look(page, speaker)];
    while (seen.at(-1)!.slide <= long && seen.length < 40) {
      await press(speaker, 'PageDown');
      seen.push(await look(page, speaker));
    }
    const onLong = seen.filter((s) => s.slide === long);
    const count = onLong.length;
    expect(count, 'the long text takes three pages or more').toBeGreaterThanOrEqual(3);
    // Each press moved the deck at most one slide, and only once the text had been read to its end.
    seen.slice(1).forEach((s, i) => expect(s.slide - seen[i]!.slide, `press ${i + 1}`).toBeLessThanOrEqual(1));
    expect(onLong.map((s) => s.label)).toEqual(onLong.map((_, i) => squash(SPEAKER_TEXT.page.replace('{n}', String(i + 1)).replace('{total}', String(count)))));
    expect(squash(onLong.at(-1)!.lines.join(''))).toMatch(/这是这一张的最后一句话。$/);
    // Every line of the text was shown whole on some page: the pages, their repeated lines taken once, are the text.
    const read = onLong.flatMap((s, i) => (i ? s.lines.slice(2) : s.lines));
    expect(squash(read.join(''))).toBe(text);
    for (let i = 1; i < onLong.length; i++) {
      expect(onLong[i]!.lines.slice(0, 2), `page ${i + 1} starts with the last two lines of page ${i}`).toEqual(onLong[i - 1]!.lines.slice(-2));
    }
    // The page labels are only for text that takes more than a page.
    expect(seen.find((s) => s.slide === long + 1)!.label).toBe('');
    await page.close();
  });

  it('goes back with PageUp through the pages, into the end of the slide before, and the deck waits on each page', async () => {
    const { page, speaker } = await open();
    await page.evaluate((n) => {
      const { h, v } = window.deck!.getIndices(window.deck!.getSlides()[n]);
      window.deck!.slide(h, v);
    }, long + 1);
    await press(speaker, 'PageUp');
    const back: Seen[] = [await look(page, speaker)];
    expect(back[0]!.slide).toBe(long);
    expect(squash(back[0]!.lines.join(''))).toMatch(/这是这一张的最后一句话。$/);
    while (back.at(-1)!.slide === long && back.length < 20) {
      await press(speaker, 'PageUp');
      back.push(await look(page, speaker));
    }
    const pages = back.filter((s) => s.slide === long);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.map((s) => s.label).reverse()).toEqual(
      pages.map((_, i) => squash(SPEAKER_TEXT.page.replace('{n}', String(i + 1)).replace('{total}', String(pages.length)))),
    );
    expect(back.at(-1)!.slide).toBe(long - 1);
    // → and Space turn the pages too.
    await press(speaker, 'ArrowRight');
    await press(speaker, 'ArrowRight');
    expect((await look(page, speaker)).label).toBe(squash(SPEAKER_TEXT.page.replace('{n}', '2').replace('{total}', String(pages.length))));
    await press(speaker, ' ');
    expect(await look(page, speaker)).toMatchObject({
      slide: long,
      label: squash(SPEAKER_TEXT.page.replace('{n}', '3').replace('{total}', String(pages.length))),
    });
    // ↓ still scrolls the text a little, as before, and the deck stays.
    await press(speaker, 'ArrowDown');
    expect((await look(page, speaker)).slide).toBe(long);
    await page.close();
  });
});
