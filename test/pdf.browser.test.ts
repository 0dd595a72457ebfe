import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../src/node/cli.ts';
import { CLIError } from '../src/node/errors.ts';
import type { Deck } from '../src/core/model.ts';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { exportPdf, type PdfResult, type Stage } from '../src/node/commands/pdf.ts';
import { latinOnlyFontEnv } from '../src/node/fonts/env.ts';
import { stampFor, stampTags } from '../src/node/speech/stamp.ts';
import { SLIDE_LABELS } from '../src/core/labels.ts';
import type { Browser } from 'playwright-core';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { fileUrl, openDeck, sharedBrowser } from './helpers/browser.ts';
import { alive, chromiumBelow, formsPerPage, pageText, readPdf, type ReadPdf } from './helpers/pdf.ts';
import { correctedOriginal, squash } from './helpers/speech.ts';

const A4 = { width: 595.28, height: 841.89 };
/** The handout sets the spoken text at 16 pt and nothing else at that size. */
const SPOKEN_SIZE = 16;

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The heading each slide shows, in page order. */
function headings(deck: Deck): string[] {
  return deck.slides.map((s) => {
    if (s.kind === 'opening' || s.kind === 'closing') return SLIDE_LABELS[s.kind];
    return s.kind === 'section' ? deck.sections[s.section!]!.title.text : s.heading.text;
  });
}

/** The handout's spoken text: what is set at the spoken size, in reading order. */
function spokenText(pdf: ReadPdf): string {
  return squash(pdf.pages.flatMap((p) => p.runs.filter((r) => Math.abs(r.size - SPOKEN_SIZE) < 0.25).map((r) => r.text)).join(''));
}

/** Runs an export, noting every progress line and the browser's processes while it is open. */
async function run(options: Partial<Parameters<typeof exportPdf>[0]> & { input: string; outDir: string }) {
  const lines: [Stage, string][] = [];
  let browserPids: number[] = [];
  const outcome = await exportPdf({
    ...options,
    progress: (stage, line) => {
      lines.push([stage, line]);
      if (stage === 'open') browserPids = chromiumBelow();
    },
  }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error }),
  );
  return { ...outcome, lines, browserPids };
}

describe('speech-deck pdf on test/fixtures/speech.md', () => {
  const deck = parse(readFileSync('test/fixtures/speech.md', 'utf8'));
  let result: PdfResult;
  let lines: [Stage, string][];
  let browserPids: number[];
  let slides: ReadPdf;
  let handout: ReadPdf;

  beforeAll(async () => {
    // The export starts and closes a browser of its own here, so that its processes can be watched.
    // The deck the test run built, copied so that this file's PDFs and any rebuild stay in a folder of its own.
    copyFileSync(inject('deckHtml'), join(dir, 'speech.html'));
    const outcome = await run({ input: 'test/fixtures/speech.md', outDir: dir });
    if (outcome.error) throw outcome.error;
    ({ lines, browserPids } = outcome);
    result = outcome.result!;
    [slides, handout] = await Promise.all([readPdf(result.slides.path), readPdf(result.handout.path)]);
  });

  it('prints one page per slide, each 16:9, each showing its slide heading', () => {
    const expected = headings(deck);
    expect(slides.pages).toHaveLength(expected.length);
    expect(result.slides.pages).toBe(expected.length);
    for (const [i, page] of slides.pages.entries()) {
      expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
      expect(squash(pageText(page)), `page ${i + 1}`).toContain(squash(expected[i]!));
    }
  });

  it('sets the title and author from the front matter', () => {
    expect(slides.info.Title).toBe(deck.meta.title);
    expect(slides.info.Author).toBe(deck.meta.speaker);
    expect(handout.info.Title).toContain(deck.meta.title);
    expect(handout.info.Author).toBe(deck.meta.speaker);
  });

  it('embeds every font, and draws all text with the fonts the deck carries', () => {
    for (const pdf of [slides, handout]) {
      expect(pdf.fonts.length).toBeGreaterThan(0);
      for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true });
    }
    // The handout's page numbers come from the browser's own sans-serif; every other text is the deck's Noto.
    expect(slides.fonts.map((f) => f.name).filter((n) => !/^Noto(Sans|Serif)SC/.test(n))).toEqual([]);
    expect(handout.fonts.map((f) => f.name).filter((n) => !/^Noto(Sans|Serif)SC/.test(n)).length).toBeLessThanOrEqual(1);
  });

  it('draws each slide in the handout from its page of the slides PDF, once, and prints no slide twice', async () => {
    const forms = await formsPerPage(result.handout.path);
    expect(forms.reduce((a, b) => a + b, 0)).toBe(slides.pages.length);
  });

  it('prints the handout on A4 with the whole speech, word for word, after the slides it belongs to', () => {
    for (const page of handout.pages) {
      expect(page.width).toBeCloseTo(A4.width, 0);
      expect(page.height).toBeCloseTo(A4.height, 0);
    }
    expect(spokenText(handout)).toBe(squash(correctedOriginal()));
    const all = squash(handout.pages.map(pageText).join(''));
    let at = 0;
    for (const heading of headings(deck)) {
      const found = all.indexOf(squash(heading), at);
      expect(found, heading).toBeGreaterThanOrEqual(at);
      at = found;
    }
  });

  it('reports each stage on a line of its own, with page counts and the output paths', () => {
    const stages = lines.map(([stage]) => stage);
    expect(new Set(stages)).toEqual(new Set(['build', 'open', 'lay out', 'write']));
    const text = lines.map(([, line]) => line).join('\n');
    expect(text).toContain(`${deck.slides.length} slides`);
    expect(text).toMatch(/speech\.pdf（16 页 pages, \d+ KB）/);
    expect(text).toMatch(new RegExp(`speech-notes\\.pdf（${handout.pages.length} 页 pages, \\d+ KB，A4）`));
  });

  it('leaves no browser process running', () => {
    expect(browserPids.length).toBeGreaterThan(0);
    expect(browserPids.filter(alive)).toEqual([]);
  });
});

describe('speech-deck pdf on a deck long enough to be printed in parts', () => {
  // The same speech, printed five slides at a time (a real deck is printed in parts from 150 slides on).
  const deck = parse(readFileSync('test/fixtures/speech.md', 'utf8'));
  const out = join(dir, 'parts');
  let slides: ReadPdf;
  let handout: ReadPdf;
  let bookmarks: string[];

  beforeAll(async () => {
    spawnSync('mkdir', ['-p', out]);
    copyFileSync(inject('deckHtml'), join(out, 'speech.html'));
    const { result, error } = await run({ input: 'test/fixtures/speech.md', outDir: out, partSlides: 5 });
    if (error) throw error;
    [slides, handout] = await Promise.all([readPdf(result!.slides.path), readPdf(result!.handout.path)]);
    const pdf = await PDFDocument.load(readFileSync(result!.slides.path));
    bookmarks = [];
    const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    for (let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      bookmarks.push(item.lookup(PDFName.of('Title'), PDFHexString).decodeText());
    }
  });

  it('puts the parts together into one page per slide, in order, with no page between the parts', () => {
    const expected = headings(deck);
    expect(slides.pages).toHaveLength(expected.length);
    for (const [i, page] of slides.pages.entries()) expect(squash(pageText(page)), `page ${i + 1}`).toContain(squash(expected[i]!));
  });

  it('gives the slides one bookmark a page, each with its heading', () => {
    expect(bookmarks).toHaveLength(slides.pages.length);
    for (const [i, title] of bookmarks.entries()) expect(squash(pageText(slides.pages[i]!)), title).toContain(squash(title));
    expect(bookmarks).toContain(deck.sections[0]!.title.text);
  });

  it('keeps the whole speech in the handout, word for word and in order, each page numbered out of all of them', () => {
    expect(spokenText(handout)).toBe(squash(correctedOriginal()));
    const all = squash(handout.pages.map(pageText).join(''));
    let at = 0;
    for (const heading of headings(deck)) {
      at = all.indexOf(squash(heading), at);
      expect(at, heading).toBeGreaterThanOrEqual(0);
    }
    const total = handout.pages.length;
    // Four parts, each starting on a page of its own.
    expect(total).toBeGreaterThanOrEqual(4);
    for (const [i, page] of handout.pages.entries()) {
      expect(page.width).toBeCloseTo(A4.width, 0);
      const foot = page.runs.filter((r) => r.y < 24 * (72 / 25.4)).map((r) => r.text);
      expect(squash(foot.join('')), `page ${i + 1}`).toBe(`${i + 1}/${total}`);
    }
    for (const font of handout.fonts) expect(font, font.name).toMatchObject({ embedded: true });
  });

  it('draws every slide in the handout once, and each page number once', async () => {
    const forms = await formsPerPage(join(out, 'speech-notes.pdf'));
    expect(forms.reduce((a, b) => a + b, 0)).toBe(slides.pages.length + handout.pages.length);
  });
});

describe('speech-deck pdf on a speech with very long notes', () => {
  it('builds the deck and continues long notes over as many pages as they need, nothing cut off', async () => {
    const out = join(dir, 'long');
    const { result, error } = await run({ input: 'test/fixtures/long-notes.md', outDir: out, env: latinOnlyFontEnv() });
    expect(error).toBeUndefined();
    expect(existsSync(join(out, 'long-notes.html'))).toBe(true);
    const deck = parse(readFileSync('test/fixtures/long-notes.md', 'utf8'));
    const handout = await readPdf(result!.handout.path);
    expect(handout.pages.length).toBeGreaterThanOrEqual(3);
    const spoken = spokenSlides(deck)
      .flatMap((s) => s.notes.map((n) => n.text))
      .join('');
    expect(spokenText(handout)).toBe(squash(spoken));
  });
});

describe('speech-deck pdf when things go wrong', () => {
  it('stops with a message saying what to install when no browser is found, before building anything', async () => {
    const out = join(dir, 'no-browser');
    const find = { env: { PATH: '/nowhere' }, platform: 'linux' as const, isExecutable: () => false };
    const { error } = await run({ input: 'test/fixtures/small.md', outDir: out, find });
    expect(error).toBeInstanceOf(CLIError);
    expect((error as CLIError).exitCode).not.toBe(0);
    expect((error as CLIError).message).toMatch(/no Chrome, Edge or Chromium was found.*apt-get install chromium.*--browser-path.*CHROME_PATH/s);
    expect(existsSync(out)).toBe(false);
  });

  it('says at once, before starting a browser, that the speech is missing or a file stands where the folder should be', async () => {
    // A "browser" that leaves a mark when it is started.
    const mark = join(dir, 'browser-started');
    const browser = join(dir, 'fake-browser.sh');
    writeFileSync(browser, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`, { mode: 0o755 });
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    // In this process: the command's wiring and options (the exit code is run()'s, tested on the real command below).
    const missing = main(['pdf', join(dir, 'no-such-speech.md'), '--out-dir', join(dir, 'out-missing'), '--browser-path', browser]);
    await expect(missing).rejects.toBeInstanceOf(CLIError);
    await expect(missing).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('no-such-speech.md: no such file') });
    const blocked = main(['pdf', 'test/fixtures/small.md', '--out-dir', blocker, '--browser-path', browser]);
    await expect(blocked).rejects.toBeInstanceOf(CLIError);
    await expect(blocked).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('a-file: a file stands where a folder should be') });
    expect(existsSync(mark)).toBe(false);
  });

  it('exits non-zero from the command line when --browser-path leads nowhere', () => {
    const cli = spawnSync('node', ['bin/speech-deck.js', 'pdf', 'test/fixtures/small.md', '--out-dir', join(dir, 'cli'), '--browser-path', '/nowhere/chrome'], {
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('--browser-path is set to /nowhere/chrome');
  });

  it('gives up with a clear error when the deck never finishes laying out, and closes the browser', async () => {
    const out = join(dir, 'stuck');
    spawnSync('mkdir', ['-p', out]);
    const html = join(out, 'small.html');
    // Stamped as built from this very speech by this program, so the export takes it as built.
    const stamp = stampTags(stampFor(loadSpeech('test/fixtures/small.md').text)).map(({ name, content }) => `<meta name="${name}" content="${content}">`);
    writeFileSync(html, `<!doctype html>${stamp.join('')}<title>stuck</title><script>window.printView = { ready: new Promise(() => {}) };</script>`);
    // Long enough for the tab to open on a busy machine (1.5 s was not, once): the wait that gives up is the layout's.
    const { error, browserPids } = await run({ input: 'test/fixtures/small.md', outDir: out, timeout: 4000 });
    expect(error).toBeInstanceOf(CLIError);
    expect((error as CLIError).message).toContain('did not finish laying out for print within 4 s');
    expect(browserPids.length).toBeGreaterThan(0);
    expect(browserPids.filter(alive)).toEqual([]);
    expect(existsSync(join(out, 'small.pdf'))).toBe(false);
  });
});

describe('printing from the browser', () => {
  let browser: Browser;
  sharedBrowser((b) => (browser = b));

  it('opens the print view with E, laid out one page per slide, ready for Ctrl+P', async () => {
    const page = await openDeck(browser, fileUrl(inject('deckHtml')));
    await Promise.all([page.waitForURL(/\?print-pdf/), page.keyboard.press('e')]);
    const pages = await page.evaluate(() => window.printView!.ready);
    expect(pages).toBe(headings(parse(readFileSync('test/fixtures/speech.md', 'utf8'))).length);
    const size = await page.evaluate(() => document.querySelector('.pdf-page')!.getBoundingClientRect().toJSON() as DOMRect);
    expect(size.width / size.height).toBeCloseTo(16 / 9, 2);
    await page.close();
  });
});
