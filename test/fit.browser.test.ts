import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { slidesThatDoNotFit } from '../src/core/capacity.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { wordBoundaries } from '../src/node/speech/words.ts';
import { eachSlide, fileUrl, openDeck, sharedBrowser } from './helpers/browser.ts';
import { boxProblems, crowdedSlides, showSlide, textLines } from './helpers/layout.ts';

/** Speeches with slides that fit as they are, fit once shrunk, and do not fit at all. */
const FIXTURES = ['test/fixtures/speech.md', 'test/fixtures/crowded.md', 'test/fixtures/long-phrases.md', 'test/fixtures/dense.md'];

describe('what fits, by the build and in the browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-fit-'));
  const built = new Map<string, { url: string; printed: string }>();
  sharedBrowser((b) => (browser = b));

  beforeAll(async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      for (const [i, file] of FIXTURES.entries()) {
        printed.length = 0;
        const html = file.endsWith('/speech.md') ? inject('deckHtml') : await buildDeck(file, join(dir, String(i)));
        built.set(file, { url: fileUrl(html), printed: printed.join('\n') });
      }
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Opens a fixture's deck with the slides laid out for 1920×1080. */
  const open = (file: string): Promise<Page> => openDeck(browser, `${built.get(file)!.url}?transition=none`, { width: 1920, height: 1080 });

  for (const file of FIXTURES) {
    it(`agree on which slides of ${file} do not fit even at the smallest size, and the build warns about each with its line`, async () => {
      const estimate = slidesThatDoNotFit(loadSpeech(file).deck);
      const page = await open(file);
      expect(await crowdedSlides(page)).toEqual(estimate.map((s) => s.id));
      await page.close();
      if (file.endsWith('/speech.md')) return;
      for (const slide of estimate) expect(built.get(file)!.printed).toContain(`${file}:${slide.line}: 提醒 warning: `);
    });
  }

  it('hold slides that do not fit, one in each of two fixtures, so that agreeing means something (the twelve sections of dense.md fit their agenda)', () => {
    expect(FIXTURES.map((file) => slidesThatDoNotFit(loadSpeech(file).deck).length)).toEqual([0, 1, 1, 0]);
  });

  it('sets key phrases of 60 and 400 characters without pause marks whole, wrapped between words, on slides that fit', async () => {
    const page = await open('test/fixtures/long-phrases.md');
    const crowded = await crowdedSlides(page);
    expect(crowded).toEqual(['一千个字的要点']);
    const problems = await eachSlide(page, async () => {
      const id = await page.evaluate(() => window.deck!.getCurrentSlide().id);
      return crowded.includes(id) ? [] : boxProblems(page);
    });
    expect(problems).toEqual([]);
    for (const id of ['部分首页上的长要点', '六十个字的要点', '四百个字的要点']) {
      await showSlide(page, id);
      const lines = await textLines(page, `section[id="${id}"] li`);
      const text = lines.map((l) => l.text).join('');
      const words = new Set(wordBoundaries(text));
      expect(lines.length, id).toBeGreaterThan(1);
      expect(
        lines.filter((l) => l.start > 0 && !words.has(l.start)).map((l) => `${text.slice(0, l.start).slice(-4)} / ${l.text.slice(0, 4)}`),
        id,
      ).toEqual([]);
    }
    await page.close();
  });

  it('reports the slide that cannot fit when the speech is built, with what to do', () => {
    const { printed } = built.get('test/fixtures/long-phrases.md')!;
    const line = loadSpeech('test/fixtures/long-phrases.md').deck.slides.find((s) => s.id === '一千个字的要点')!.line;
    expect(printed).toMatch(
      new RegExp(
        `test/fixtures/long-phrases\\.md:${line}: 提醒 warning: 这一张放不下：请精简要点.* · .*shorten its key phrases or move some to a new "###" slide`,
      ),
    );
    expect(printed.match(/warning: .*does not fit|warning: .*shows more than fits/g)).toHaveLength(1);
  });
});
