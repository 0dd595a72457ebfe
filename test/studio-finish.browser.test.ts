import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Packer } from 'docx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { manuscriptDocx } from '../src/render/manuscript-docx.ts';
import { fileUrl, sharedBrowser, POLL, deckReady } from './helpers/browser.ts';
import { squash } from './helpers/speech.ts';
import { readPptx } from './helpers/pptx.ts';
import { builtStudio, offsite, studioForBlock, save as saveIn, waitReady } from './helpers/studio.ts';

/**
 * The studio as a clerk finishes a speech in it: what is on screen is what is saved, a file that cannot be read
 * leaves nothing of the one before to save, the structure can be changed with the page's own buttons (the spoken
 * text never), the manuscript saves as Word, and the first screen fits an office laptop.
 */
const work = mkdtempSync(join(tmpdir(), 'speech-deck-studio-finish-'));
let studioUrl: string;

beforeAll(async () => {
  // The studio page the run builds once (test/helpers/global-setup.ts).
  const studioPath = await builtStudio();
  studioUrl = fileUrl(studioPath);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const save = (page: Page, action: string) => saveIn(page, action, work);

/** The spoken text of a speech's Markdown, paragraph by paragraph, in the order it is spoken. */
const spoken = (markdown: string) => parse(markdown).slides.flatMap((s) => s.notes.map((n) => n.text));

/** A saved deck opened from file:// in a page of its own: its slides' headings, and its notes as one text. */
async function openedDeck(context: BrowserContext, path: string): Promise<{ headings: string[]; notes: string }> {
  const page = await context.newPage();
  await page.goto(fileUrl(path));
  await deckReady(page);
  const headings = await page.locator('.reveal .slides section:not(.column) :is(h1, h2)').allTextContents();
  const notes = (await page.locator('.reveal .slides aside.notes').allTextContents()).join('');
  await page.close();
  return { headings: headings.map((h) => h.trim()), notes };
}

/** Clicks a structure button: on slide `slide`'s card, or under paragraph `paragraph` of its spoken text (opened first). */
async function act(page: Page, action: string, slide: number, paragraph?: number): Promise<void> {
  const card = page.locator(`#outline .card[data-slide="${slide}"]`);
  if (paragraph === undefined) await card.locator(`.card-head [data-act="${action}"]`).click();
  else {
    const notes = card.locator('details.notes');
    if ((await notes.getAttribute('open')) === null) await notes.locator('summary').click();
    await card.locator(`[data-paragraph="${paragraph}"] [data-act="${action}"]`).click();
  }
  await waitReady(page);
}

const FLAT = 'test/fixtures/studio/flat.txt';

const SPEECH = readFileSync('test/fixtures/speech.md', 'utf8');

async function openSpeech(page: Page, path = 'test/fixtures/speech.md'): Promise<void> {
  await page.locator('[data-action="open"]').setInputFiles(path);
  await waitReady(page);
}

const SAVES = ['save-deck', 'save-pptx', 'save-markdown', 'save-manuscript-docx', 'print-manuscript'];

describe.each([
  ['current Chromium', 'current'],
  ['Chromium 109', 'chromium109'],
] as const)('finishing a speech in the studio in %s, from file://', (_name, which) => {
  let browser: Browser;
  sharedBrowser((b) => (browser = b), which);
  const openStudio = studioForBlock(
    () => studioUrl,
    () => browser,
  );

  it('saves the edit in progress: a key phrase typed without Enter, then at once a click on a save button', async () => {
    const { page, requests, incidents } = await openStudio();
    await openSpeech(page);
    const card = page.locator('.card[data-id="用定位找准坐标点"]');
    await card.locator('.phrases input').first().fill('学懂弄通做实');
    // The deck marks where a phrase may wrap (<wbr> between its words): the words are read without the marks.
    const deck = (await save(page, 'save-deck')).text().replaceAll('<wbr>', '');
    expect(deck).toContain('学懂弄通做实');
    expect(deck).not.toContain('学习好、领会好、贯彻好党的二十大精神</li>');
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
  });

  it('leaves nothing of a good speech to save once a file that cannot be read is opened after it', async () => {
    const empty = join(work, '空白.txt');
    writeFileSync(empty, '');
    const garbage = join(work, '坏文件.docx');
    writeFileSync(garbage, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(600, 0x00), Buffer.from('not a zip at all')]));
    const { page, requests, incidents } = await openStudio();
    for (const bad of [empty, garbage]) {
      await openSpeech(page);
      await page.locator('[data-finding]').first().waitFor();
      for (const action of SAVES) await expect(page.locator(`[data-action="${action}"]`).isEnabled()).resolves.toBe(true);
      await page.locator('[data-action="open"]').setInputFiles(bad);
      await page.waitForFunction(() => document.body.dataset.state === 'error', null, POLL);
      const said = (await page.locator('#status-text').textContent())!;
      expect(said).toMatch(/^打不开这个文件，上一份讲话稿也已关闭/);
      for (const action of SAVES) await expect(page.locator(`[data-action="${action}"]`).isDisabled()).resolves.toBe(true);
      await expect(page.locator('#outline .card').count()).resolves.toBe(0);
      // Nor are the findings of the speech before left standing.
      await expect(page.locator('[data-finding]').count()).resolves.toBe(0);
      await expect(page.locator('#start').isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => window.studio!.markdown())).resolves.toBe('');
    }
    // The next good file is read as usual.
    await openSpeech(page);
    expect((await save(page, 'save-deck')).text()).toContain('用定位找准坐标点');
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });
  it('marks paragraphs of a speech without numbering as sections, splits and merges slides, marks the closing: the saved deck changes, its notes stay verbatim', async () => {
    const { context, page, requests, incidents } = await openStudio();
    await openSpeech(page, FLAT);
    const original = squash(readFileSync(FLAT, 'utf8'));
    // The summary counts the warning (no sections) and the import's remarks; the advice names the page's buttons, never Markdown.
    await expect(page.locator('#report-summary').textContent()).resolves.toMatch(/；1 个提醒，导入时请看一下 \d+ 处$/);
    const report = (await page.locator('#report-box').textContent())!;
    expect(report).toContain('点“设为部分”');
    expect(report).not.toMatch(/##|Markdown|\.md:\d/);
    const before = await openedDeck(context, (await save(page, 'save-deck')).path);
    expect(squash(before.notes)).toBe(original);

    // title 0, opening 1 (nine paragraphs); then the agenda comes in at 2.
    await act(page, 'section', 1, 3);
    await act(page, 'section', 1, 1);
    await act(page, 'split', 4, 2);
    await act(page, 'closing', 5, 3);
    const kinds = () => page.locator('#outline .card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.kind));
    await expect(kinds()).resolves.toEqual(['title', 'opening', 'agenda', 'section', 'section', 'point', 'closing']);
    // The card shown is the one the last action made, with its spoken text open.
    await expect(page.locator('#outline .card.current').getAttribute('data-kind')).resolves.toBe('closing');
    const split = await openedDeck(context, (await save(page, 'save-deck')).path);
    expect(split.headings).toEqual(expect.arrayContaining(['今年以来', '秋冬种是全年农业生产的开局之战', '秋冬种是全年农业生产的开局之战（续）']));
    expect(split.headings).not.toEqual(before.headings);
    expect(squash(split.notes)).toBe(original);
    // The import report says it is what was found on opening; the warning of a speech without sections is gone.
    await expect(page.locator('#report').textContent()).resolves.toMatch(/^以下是打开文件时找到的结构和建议/);
    await expect(page.locator('#problems').textContent()).resolves.not.toContain('没有部分');

    // Merged back: the sub-point into its section, the closing into it.
    await act(page, 'merge', 6);
    await act(page, 'merge', 5);
    await expect(kinds()).resolves.toEqual(['title', 'opening', 'agenda', 'section', 'section']);
    const markdown = await save(page, 'save-markdown');
    const merged = await openedDeck(context, (await save(page, 'save-deck')).path);
    expect(merged.headings).not.toContain('秋冬种是全年农业生产的开局之战（续）');
    expect(squash(merged.notes)).toBe(original);
    expect(spoken(markdown.text()).join('')).toBe(spoken(await page.evaluate(() => window.studio!.markdown())).join(''));
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('saves the manuscript as the Word file the CLI writes, with page numbers', async () => {
    const { page, requests, incidents } = await openStudio();
    await openSpeech(page);
    const saved = await save(page, 'save-manuscript-docx');
    expect(saved.name).toBe('在县政府党组学习研讨会上的发言-讲稿.docx');
    const ours = await JSZip.loadAsync(saved.bytes());
    const cli = await JSZip.loadAsync(await Packer.toBuffer(manuscriptDocx(parse(SPEECH), { cues: true })));
    const xml = (zip: JSZip, name: string) => zip.file(name)!.async('string');
    expect(await xml(ours, 'word/document.xml')).toBe(await xml(cli, 'word/document.xml'));
    const text = (await xml(ours, 'word/document.xml'))
      .match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g)!
      .map((t) => t.replace(/<[^>]+>/g, ''))
      .join('');
    for (const paragraph of spoken(SPEECH)) expect(squash(text)).toContain(squash(paragraph));
    const footers = await Promise.all(
      Object.keys(ours.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => xml(ours, f)),
    );
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('fits its header on one row at 1366×768, and shows the first slides to check under the folded report', async () => {
    const { page, incidents } = await openStudio({ width: 1366, height: 768 });
    await openSpeech(page);
    const boxes = await page
      .locator('header.bar > :not(.spacer)')
      .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().toJSON() as DOMRect));
    const tallest = Math.max(...boxes.map((b) => b.height));
    expect(Math.max(...boxes.map((b) => b.top)) - Math.min(...boxes.map((b) => b.top))).toBeLessThan(tallest / 2);
    const header = (await page.locator('header.bar').boundingBox())!;
    expect(header.height).toBeLessThan(tallest * 2);
    expect(boxes.every((b) => b.right <= 1366)).toBe(true);
    // The report is one line until opened; its summary says what was found.
    await expect(page.locator('#report-box').getAttribute('open')).resolves.toBeNull();
    const summary = (await page.locator('#report-summary').boundingBox())!;
    expect(summary.height).toBeLessThan(40);
    await expect(page.locator('#report-summary').textContent()).resolves.toMatch(/^导入结果：16 张幻灯片/);
    await page.locator('#report-summary').click();
    await expect(page.locator('#report').isVisible()).resolves.toBe(true);
    await page.locator('#report-summary').click();
    // The first slides to check are on the first screen, under the sticky header and the proofreading's findings
    // (a list of its own that scrolls, about two findings high).
    const cards = await page.locator('#outline .card').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
    expect(cards.filter((top) => top < 768 - 100).length).toBeGreaterThanOrEqual(2);
    const findings = (await page.locator('#findings').boundingBox())!;
    expect(findings.y + findings.height).toBeLessThan(768 * 0.6);
    // English is secondary but readable.
    const en = await page
      .locator('.en')
      .first()
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(en).toBeGreaterThanOrEqual(14);
    expect(incidents).toEqual([]);
  });

  it('names a continued agenda 目录（续）, each agenda card listing its own sections', async () => {
    const { page, incidents } = await openStudio();
    await openSpeech(page, 'test/fixtures/agenda-20.md');
    const agenda = page.locator('#outline .card[data-kind="agenda"]');
    await expect(agenda.locator('.kind').allTextContents()).resolves.toEqual(['目录', '目录（续）']);
    await expect(agenda.locator('.fixed').allTextContents()).resolves.toEqual(['目录', '目录（续）']);
    const listed = await agenda.evaluateAll((cards) => cards.map((card) => card.querySelectorAll('.phrases li').length));
    expect(listed).toEqual([10, 10]);
    expect(incidents).toEqual([]);
  });
});
