import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { latinOnlyFontEnv } from '../src/node/fonts/env.ts';
import { buildStudio } from '../src/node/page/studio-page.ts';
import { browserForBlock, sharedBrowser } from './helpers/browser.ts';
import { readPptx } from './helpers/pptx.ts';
import { offsite, openStudio as openStudioAt, save as saveIn, waitReady } from './helpers/studio.ts';

/**
 * The studio as a clerk finishes a speech in it: what is on screen is what is saved, a file that cannot be read
 * leaves nothing of the one before to save, the structure can be changed with the page's own buttons (the spoken
 * text never), the manuscript saves as Word, and the first screen fits an office laptop.
 */
const work = mkdtempSync(join(tmpdir(), 'speech-deck-studio-finish-'));
let studioUrl: string;

beforeAll(async () => {
  const built = await buildStudio(join(work, 'out'), { progress: () => {} });
  studioUrl = `file://${built.path}`;
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const openStudio = (browser: Browser, viewport?: { width: number; height: number }) => openStudioAt(browser, studioUrl, viewport);
const save = (page: Page, action: string) => saveIn(page, action, work);

/** The spoken text of a speech's Markdown, paragraph by paragraph, in the order it is spoken. */
const spoken = (markdown: string) => parse(markdown).slides.flatMap((s) => s.notes.map((n) => n.text));

/** The notes of a saved deck page, as their text. */
const deckNotes = (html: string) =>
  [...html.matchAll(/<aside class="notes"[^>]*>([\s\S]*?)<\/aside>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ''));

const SPEECH = readFileSync('test/fixtures/speech.md', 'utf8');

async function openSpeech(page: Page, path = 'test/fixtures/speech.md'): Promise<void> {
  await page.locator('[data-action="open"]').setInputFiles(path);
  await waitReady(page);
}

const SAVES = ['save-deck', 'save-pptx', 'save-markdown', 'print-manuscript'];

describe.each([
  ['current Chromium', undefined],
  ['Chromium 109', inject('chromium109')],
])('finishing a speech in the studio in %s, from file://', (_name, browserPath) => {
  let browser: Browser;
  if (browserPath) browserForBlock({ env: latinOnlyFontEnv(), browserPath }, (b) => (browser = b));
  else sharedBrowser((b) => (browser = b));

  it('saves the edit in progress: a key phrase typed without Enter, then at once a click on a save button', async () => {
    const { context, page, requests, incidents } = await openStudio(browser);
    await openSpeech(page);
    const card = page.locator('.card[data-id="用定位找准坐标点"]');
    await card.locator('.phrases input').first().fill('学懂弄通做实');
    const deck = await save(page, 'save-deck');
    expect(deck.text()).toContain('学懂弄通做实');
    expect(deck.text()).not.toContain('学习好、领会好、贯彻好党的二十大精神</li>');
    await card.locator('.phrases input').nth(1).fill('四个意识');
    const pptx = await readPptx(await save(page, 'save-pptx').then((s) => s.bytes()));
    expect(pptx.slides.flatMap((s) => s.paragraphs.map((p) => p.text))).toContain('四个意识');
    await page.locator('.card[data-id="用成绩强化着力点"] input.heading').fill('用成绩强化新着力点');
    const markdown = await save(page, 'save-markdown');
    expect(markdown.text()).toContain('### 用成绩强化新着力点');
    expect(markdown.text()).toContain('- 学懂弄通做实');
    expect(spoken(markdown.text())).toEqual(spoken(SPEECH));
    expect(await page.locator('#status-text').textContent()).toContain('已保存');
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
    await context.close();
  });

  it('leaves nothing of a good speech to save once a file that cannot be read is opened after it', async () => {
    const empty = join(work, '空白.txt');
    writeFileSync(empty, '');
    const garbage = join(work, '坏文件.docx');
    writeFileSync(garbage, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(600, 0x00), Buffer.from('not a zip at all')]));
    const { context, page, requests, incidents } = await openStudio(browser);
    for (const bad of [empty, garbage]) {
      await openSpeech(page);
      for (const action of SAVES) await expect(page.locator(`[data-action="${action}"]`).isEnabled()).resolves.toBe(true);
      await page.locator('[data-action="open"]').setInputFiles(bad);
      await page.waitForFunction(() => document.body.dataset.state === 'error');
      const said = (await page.locator('#status-text').textContent())!;
      expect(said).toMatch(/^打不开这个文件，上一份讲话稿也已关闭/);
      for (const action of SAVES) await expect(page.locator(`[data-action="${action}"]`).isDisabled()).resolves.toBe(true);
      await expect(page.locator('#outline .card').count()).resolves.toBe(0);
      await expect(page.locator('#start').isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => window.studio!.markdown())).resolves.toBe('');
    }
    // The next good file is read as usual.
    await openSpeech(page);
    expect((await save(page, 'save-deck')).text()).toContain('用定位找准坐标点');
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
    await context.close();
  });
});
