import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { importFile } from '../src/node/speech/import-file.ts';
import { PACING_PARAGRAPHS, renderPptx } from '../src/render/pptx.ts';
import { fileUrl, sharedBrowser, POLL, deckReady } from './helpers/browser.ts';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { readPptx } from './helpers/pptx.ts';
import { correctedOriginal, fixture, squash } from './helpers/speech.ts';
import { speechDocx } from './helpers/speech-docx.ts';
import { builtStudio, offsite, studioForBlock, save as saveIn, waitReady } from './helpers/studio.ts';

const work = mkdtempSync(join(tmpdir(), 'speech-deck-studio-test-'));
let studioUrl: string;
let studioHtml: string;
/** This speech as a Word file, and what `speech-deck import` makes of it. */
const docx = join(work, '在县政府党组学习研讨会上的发言.docx');
let cliImport: Awaited<ReturnType<typeof importFile>>;

beforeAll(async () => {
  // The studio page the run builds once (test/helpers/global-setup.ts).
  const studioPath = await builtStudio();
  studioUrl = fileUrl(studioPath);
  studioHtml = readFileSync(studioPath, 'utf8');
  writeFileSync(docx, await speechDocx());
  cliImport = await importFile({ input: docx, output: join(work, 'cli-import', 'speech.md') });
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const save = (page: Page, action: string) => saveIn(page, action, work);

/** The preview frame's slides: each section's id and heading text, once reveal has laid them out. */
async function previewSlides(page: Page): Promise<Array<{ id: string; heading: string }>> {
  const frame = page.frameLocator('#preview');
  await expect.poll(() => frame.locator('.reveal.ready').count(), { timeout: 20_000 }).toBe(1);
  return frame
    .locator('.slides section:not(.column)')
    .evaluateAll((sections) => sections.map((s) => ({ id: s.id, heading: (s.querySelector('h1, h2')?.textContent ?? '').trim() })));
}

/**
 * A deck page with its fonts' data taken out: a studio deck differs from the CLI's in nothing else, the places its
 * headings and phrases may wrap (<wbr>) included, as the page cuts words as jieba does (src/studio/words.ts).
 */
const comparable = (html: string) => html.replace(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)format\("woff2"\)/g, 'url(FONT)');

/**
 * A Word file out to make trouble: markup and script in its text, a title that closes the page's <title>, and
 * odd XML around the text that Word would never write but a reader must survive (a comment, a processing
 * instruction, character references), or, with `cdata`, a CDATA section, which mammoth refuses to read.
 */
async function hostileDocx(cdata = false): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          "</title><script>alert('title')</script>",
          "开场白 <img src=x onerror=\"alert('open')\"> 和 <script>alert('open')</script>。",
          '一、<svg onload=alert(1)>部分',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile text that must stay text
          '这一部分说 javascript:alert(1) 和 ${alert(2)} 和 $& 。',
          '总之，<iframe src="javascript:alert(3)"></iframe>结束。',
        ].map((text) => new Paragraph({ text })),
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const xml = await zip.file('word/document.xml')!.async('string');
  const odd = xml
    .replace('<w:body>', '<w:body><!-- <script>alert("comment")</script> --><?evil alert(4)?>')
    .replace('总之，', cdata ? '总之<![CDATA[<b>cdata</b>]]>' : '总之&#xFF0C;');
  zip.file('word/document.xml', odd);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe.each([
  ['current Chromium', 'current'],
  ['Chromium 109', 'chromium109'],
] as const)('the studio in %s, from file://', (_name, which) => {
  let browser: Browser;
  // No Chinese system fonts, like an office PC without them: the saved decks must bring their own. The run's
  // Chromium is such a browser; Chromium 109 is started for the block.
  sharedBrowser((b) => (browser = b), which);
  const openStudio = studioForBlock(
    () => studioUrl,
    () => browser,
  );

  it('shows the message for other browsers in plain HTML, and hides it once its script runs', async () => {
    expect(studioHtml).toContain('请用 Chrome 或 Edge 浏览器打开本文件');
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(studioUrl);
    await expect(plain.locator('#unsupported').isVisible()).resolves.toBe(true);
    await expect(plain.locator('#studio').isVisible()).resolves.toBe(false);
    await noScript.close();
    const { page, incidents } = await openStudio();
    await expect.poll(() => page.locator('#studio').isVisible()).toBe(true);
    await expect(page.locator('#unsupported').isVisible()).resolves.toBe(false);
    // Its own words are drawn in the sans face it carries, this browser having no Chinese font of its own.
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC').map((f) => f.status)))
      .toEqual(['loaded']);
    expect(incidents).toEqual([]);
  });

  it('turns a speech into a preview and a deck equal to the CLI’s but for font bytes, that works offline with no Chinese fonts', async () => {
    const { context, page, requests, incidents } = await openStudio();
    await page.locator('[data-action="open"]').setInputFiles('test/fixtures/speech.md');
    await waitReady(page);
    const deck = parse(readFileSync('test/fixtures/speech.md', 'utf8'));
    const shown = await previewSlides(page);
    expect(shown.map((s) => s.id)).toEqual(deck.slides.map((s) => s.id));
    expect(shown.find((s) => s.id === '用定位找准坐标点')!.heading).toBe('用定位找准坐标点');

    const saved = await save(page, 'save-deck');
    expect(saved.name).toBe('在县政府党组学习研讨会上的发言.html');
    const cli = readFileSync(inject('deckHtml'), 'utf8');
    expect(comparable(saved.text()) === comparable(cli)).toBe(true);
    expect(saved.text()).toMatch(/format\("woff2"\)/);

    // The saved deck, opened from file:// in this browser with no Chinese fonts.
    const deckPage = await context.newPage();
    await deckPage.goto(fileUrl(saved.path));
    await deckReady(deckPage);
    await deckPage.evaluate(() => document.fonts.ready);
    const faces = await deckPage.evaluate(() => [...document.fonts].map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`));
    // The faces this speech needs, as in the CLI's deck (no **emphasis**, so no bold sans), and the title slide's
    // small copies of them, every one loaded.
    expect(new Set(faces)).toEqual(
      new Set(['Noto Serif SC 700 loaded', 'Noto Sans SC 400 loaded', 'Noto Serif SC Title 700 loaded', 'Noto Sans SC Title 400 loaded']),
    );
    const notes = await deckPage.locator('.reveal .slides aside.notes').allTextContents();
    expect(squash(notes.join(''))).toBe(squash(correctedOriginal()));
    expect(squash(notes.join(''))).toBe(
      squash(
        spokenSlides(deck)
          .flatMap((s) => s.notes.map((n) => n.text))
          .join(''),
      ),
    );

    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('turns this speech’s Word file (Word’s own 一、 numbering) into the tree `speech-deck import` finds, and saves a deck, a .pptx and Markdown that agree with the CLI’s', async () => {
    const { context, page, requests, incidents } = await openStudio();
    await page.locator('[data-action="open"]').setInputFiles(docx);
    await waitReady(page);
    const cliDeck = cliImport.imported.deck;
    expect(cliDeck.sections.map((s) => s.numeral)).toEqual(['一', '二', '三']);
    const report = (await page.locator('#report').textContent())!;
    expect(report).toContain('找到的结构');
    for (const slide of cliDeck.slides.filter((s) => s.kind === 'section' || s.kind === 'point')) expect(report).toContain(slide.heading.text);
    const shown = await previewSlides(page);
    expect(shown.map((s) => s.id)).toEqual(cliDeck.slides.map((s) => s.id));
    expect(shown).toHaveLength(16);

    // The Markdown is the CLI import's, line for line, drafted key phrases included (the page cuts words as jieba
    // does, with its dictionary); the CLI builds it into the very deck the page saved.
    const markdown = await save(page, 'save-markdown');
    expect(markdown.text().split('\n')).toEqual(cliImport.imported.markdown.split('\n'));
    const saved = await save(page, 'save-deck');
    const built = await buildDeck(markdown.path, join(work, `cli-${Date.now()}`));
    expect(comparable(saved.text()) === comparable(readFileSync(built, 'utf8'))).toBe(true);
    const deck = parse(markdown.text());
    expect(
      squash(
        spokenSlides(deck)
          .flatMap((s) => s.notes.map((n) => n.text))
          .join(''),
      ),
    ).toBe(squash(fixture('speech.txt')));

    // Opened from file:// in this browser with no Chinese fonts: every face loads, the notes are the Word text.
    const deckPage = await context.newPage();
    await deckPage.goto(fileUrl(saved.path));
    await deckReady(deckPage);
    await deckPage.evaluate(() => document.fonts.ready);
    const faces = await deckPage.evaluate(() => [...document.fonts].map((f) => f.status));
    expect(faces).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
    expect(squash((await deckPage.locator('.reveal .slides aside.notes').allTextContents()).join(''))).toBe(squash(fixture('speech.txt')));

    // The .pptx is the one `speech-deck pptx` writes for that Markdown, slide for slide and notes page for notes page.
    const pptx = await save(page, 'save-pptx');
    expect(pptx.name).toBe('在县政府党组学习研讨会上的发言.pptx');
    const ours = await readPptx(readFileSync(pptx.path));
    const cli = await readPptx((await renderPptx(deck)).bytes);
    expect(ours.slides).toHaveLength(deck.slides.length);
    expect(ours.slides.map((s) => [s.xml, s.notesXml])).toEqual(cli.slides.map((s) => [s.xml, s.notesXml]));
    expect(squash(ours.slides.flatMap((s) => s.notes.slice(PACING_PARAGRAPHS).map((p) => p.text)).join(''))).toBe(squash(fixture('speech.txt')));
    for (const slide of ours.slides)
      for (const p of [...slide.paragraphs, ...slide.notes]) for (const run of p.runs) expect([run.lang, !!run.ea]).toEqual(['zh-CN', true]);

    // The manuscript goes to the browser's print dialog from a frame that runs nothing.
    await page.locator('[data-action="print-manuscript"]').click();
    await page.waitForFunction(() => document.body.dataset.printed === '1', null, POLL);
    const manuscript = page.frameLocator('#print-frame');
    await expect(manuscript.locator('h1').textContent()).resolves.toBe(deck.title.heading.text);
    expect(squash((await manuscript.locator('body').textContent())!)).toContain(squash(deck.closing!.notes.at(-1)!.text));
    expect(await page.locator('#print-frame').getAttribute('sandbox')).toBe('allow-same-origin allow-modals');

    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('keeps edits to headings and key phrases, and saves Markdown that the CLI builds into the same deck', async () => {
    const { page, requests, incidents } = await openStudio();
    await page.locator('[data-action="open"]').setInputFiles('test/fixtures/speech.md');
    await waitReady(page);
    const card = page.locator('.card[data-id="用定位找准坐标点"]');
    await card.locator('input.heading').fill('用定位找准新坐标');
    await card.locator('input.heading').press('Enter');
    await waitReady(page);
    const edited = page.locator('.card[data-id="用定位找准新坐标"]');
    await edited.locator('.phrases input').first().fill('学懂弄通做实');
    await edited.locator('.phrases input').first().press('Enter');
    await waitReady(page);
    await edited.locator('.phrases button').nth(1).click();
    await waitReady(page);
    await page.locator('input[name="theme"][value="dark"]').check();
    await waitReady(page);

    const shown = await previewSlides(page);
    expect(shown.map((s) => s.heading)).toContain('用定位找准新坐标');
    await expect(page.frameLocator('#preview').locator('.reveal').getAttribute('data-theme')).resolves.toBe('dark');
    const phrases = await page.frameLocator('#preview').locator('section#用定位找准新坐标 li').allTextContents();
    expect(phrases).toEqual(['学懂弄通做实', '始终保持正确政治方向']);
    // The spoken text cannot be edited: no field holds it.
    expect(await page.locator('.card .notes input, .card .notes textarea, .card .notes [contenteditable]').count()).toBe(0);

    const deck = await save(page, 'save-deck');
    const markdown = await save(page, 'save-markdown');
    expect(markdown.name).toBe('在县政府党组学习研讨会上的发言.md');
    const built = await buildDeck(markdown.path, join(work, `cli-${Date.now()}`));
    expect(comparable(deck.text()) === comparable(readFileSync(built, 'utf8'))).toBe(true);
    expect(
      squash(
        parse(markdown.text())
          .slides.flatMap((s) => s.notes.map((n) => n.text))
          .join(''),
      ),
    ).toBe(
      squash(
        parse(readFileSync('test/fixtures/speech.md', 'utf8'))
          .slides.flatMap((s) => s.notes.map((n) => n.text))
          .join(''),
      ),
    );
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('runs nothing from a hostile Word file, and shows its text as text', async () => {
    const file = join(work, 'hostile.docx');
    writeFileSync(file, await hostileDocx());
    const { page, requests, incidents } = await openStudio();
    await page.locator('[data-action="open"]').setInputFiles(file);
    await waitReady(page);
    expect(await page.locator('script:not([type="application/octet-stream"])').count()).toBe(2);
    expect(await page.locator('#outline [onerror], #outline svg, #outline iframe, #report *').count()).toBe(0);
    expect(await page.locator('#report').textContent()).toContain("</title><script>alert('title')</script>");
    expect(await page.locator('#outline').textContent()).toContain("开场白 <img src=x onerror=\"alert('open')\"> 和 <script>alert('open')</script>。");
    await previewSlides(page);
    expect(await page.frameLocator('#preview').locator('.slides [onerror], .slides svg, .slides iframe, .slides script').count()).toBe(0);
    // A CDATA section (which Word never writes) is refused with a plain message, and nothing else happens.
    const cdata = join(work, 'cdata.docx');
    writeFileSync(cdata, await hostileDocx(true));
    await page.locator('[data-action="open"]').setInputFiles(cdata);
    await page.waitForFunction(() => document.body.dataset.state === 'error', null, POLL);
    expect(await page.locator('#status-text').textContent()).toContain('另存为');
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('runs nothing from a hostile speech: not in the studio, its preview or the saved deck', async () => {
    const { context, page, requests, incidents } = await openStudio();
    await page.locator('[data-action="show-paste"]').click();
    await page.locator('#paste-text').fill(readFileSync('test/fixtures/hostile.md', 'utf8'));
    await page.locator('[data-action="paste"]').click();
    await waitReady(page);
    await previewSlides(page);
    const scripts = (root: Page | ReturnType<Page['frameLocator']>) => root.locator('script:not([type="application/octet-stream"])').count();
    expect(await scripts(page)).toBe(2);
    // The deck's own three (the first, which loads its fonts, sets its title slide out and starts its program; the
    // program kept as data; the module it starts) and the preview's history shim; nothing of the author's.
    expect(await scripts(page.frameLocator('#preview'))).toBe(4);
    expect(await page.locator('[onerror], [onclick], [onmouseover]').count()).toBe(0);
    expect(await page.frameLocator('#preview').locator('[onerror], [onclick], [onmouseover]').count()).toBe(0);
    // The author's markup is shown as text: in the fields to edit, and in the read-only spoken text.
    const fields = await page.locator('#outline input').evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => i.value));
    expect(fields).toContain('要点 <img src=x onerror="alert(\'point\')">');
    expect(await page.locator('#outline').textContent()).toContain("开场白里有 </script><script>alert('close')</script>");
    const saved = await save(page, 'save-deck');
    const deckPage = await context.newPage();
    await deckPage.goto(fileUrl(saved.path));
    await deckReady(deckPage);
    await expect(deckPage.title()).resolves.toBe("</title><script>alert('title')</script>");
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });
});
