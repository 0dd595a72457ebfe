import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../launch-browser.ts';
import { buildStudio } from '../../src/node/page/studio-page.ts';
import { speechDocx } from '../../test/helpers/speech-docx.ts';
import { descendants, samplePeak } from './process-memory.ts';
import type { Row } from './report.ts';
import { repeat } from './stats.ts';

const FILE_BUDGET_MB = 12;
const READY_BUDGET_S = 3;
const MEMORY_BUDGET_MB = 400;

/** The largest resident set among the browser's renderer processes (the studio page and its frames), in KB. */
function rendererRss(): { rss: number } {
  let rss = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      rss = Math.max(rss, Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      // The process ended while we looked.
    }
  }
  return { rss };
}

/** Opens the studio in a fresh tab and waits until its fonts are ready; returns ms from navigation. */
async function open(browser: Browser, url: string): Promise<{ page: Page; ms: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.state === 'empty' && !/准备字体/.test(document.getElementById('status-text')!.textContent!), null, {
    timeout: 60_000,
  });
  return { page, ms: await page.evaluate(() => performance.now()) };
}

/** Chooses the speech's file and returns the page's own marks, in ms from the choice: read, parsed, fonts, ready. */
async function choose(page: Page, file: string): Promise<Record<string, number>> {
  await page.locator('[data-action="open"]').setInputFiles(file);
  await page.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'error', null, { timeout: 60_000 });
  if ((await page.evaluate(() => document.body.dataset.state)) !== 'ready') throw new Error(`the studio did not make a deck of ${file}`);
  // The proofreading may end after the deck is ready (a long speech).
  await page.waitForFunction(() => document.getElementById('findings-pane')?.dataset.state === 'done', null, { timeout: 60_000 });
  return page.evaluate(() => {
    const chosen = performance.getEntriesByName('studio:chosen')[0]!.startTime;
    return Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name.replace('studio:', ''), m.startTime - chosen]));
  });
}

/**
 * A speech of 40,000 characters or more with no numbering at all (no 一、, no （一）): this speech's paragraphs, their
 * numbers taken off, over and over, as plain text, the hardest case for finding its structure.
 */
function longUnnumbered(): string {
  const paragraphs = readFileSync('test/fixtures/speech.txt', 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, ''));
  let text = '';
  for (let i = 0; text.length < 40_000; i++) text += `${paragraphs[i % paragraphs.length]}\n`;
  return text;
}

/**
 * The studio in Chromium 109 (the office's engine): its size; opening it until its fonts are ready; choosing this
 * speech's Word file (test/fixtures/speech.txt as Word would have it, 一、 by Word's numbering) until the deck is
 * ready to save; and the page's peak memory over the whole flow (runs of their own, as sampling /proc costs CPU).
 */
export async function measureStudio(workDir: string, runs: number, browserPath: string): Promise<Row[]> {
  const built = await buildStudio(join(workDir, 'studio'), { progress: () => {} });
  const input = join(workDir, '在县政府党组学习研讨会上的发言.docx');
  writeFileSync(input, await speechDocx());
  const long = join(workDir, 'long-unnumbered.txt');
  const longText = longUnnumbered();
  writeFileSync(long, longText);
  const url = pathToFileURL(built.path).href;
  const browser = await launchBrowser({ browserPath });
  try {
    const timed = await repeat(runs, 1, async () => {
      const { page, ms } = await open(browser, url);
      const marks = await choose(page, input);
      await page.close();
      return { open: ms, ...marks };
    });
    const longTimed = await repeat(runs, 1, async () => {
      const { page } = await open(browser, url);
      const marks = await choose(page, long);
      await page.close();
      return marks;
    });
    const memory = await repeat(Math.min(runs, 3), 0, async () => {
      const sampler = samplePeak(rendererRss, 50);
      const { page } = await open(browser, url);
      await choose(page, input);
      // The preview starts the deck in its frame after the deck is ready.
      await page.waitForTimeout(2000);
      const peak = sampler.stop();
      await page.close();
      return peak.rss / 1024;
    });
    const mb = (n: number) => n / 1024 / 1024;
    const step = (name: string) => timed.map((t: Record<string, number>) => (t[name] ?? NaN) / 1000);
    return [
      {
        name: 'studio file',
        how: `\`speech-deck-studio.html\`, ${(built.bytes / 1024 / 1024).toFixed(1)} MB: fonts ${Math.round(built.parts.fonts / 1024)} KB, HarfBuzz ${Math.round(built.parts.harfbuzz / 1024)} KB, Brotli ${Math.round(built.parts.brotli / 1024)} KB, dictionary ${Math.round(built.parts.dictionary / 1024)} KB, deck page ${Math.round(built.parts.shell / 1024)} KB, code ${Math.round(built.parts.rest / 1024)} KB`,
        unit: 'MB',
        values: [mb(built.bytes)],
        budget: FILE_BUDGET_MB,
      },
      {
        name: 'studio: open until fonts ready',
        how: 'Chromium 109, file://, navigation until HarfBuzz and the three faces are loaded in the worker',
        unit: 's',
        values: timed.map((t) => t.open / 1000),
      },
      {
        name: 'studio: file chosen → deck ready',
        how: `Chromium 109, the page's own marks from the input's change to the deck ready to save (Word file read, structure found, phrases drafted, fonts subset, page and policy made)`,
        unit: 's',
        values: step('ready'),
        budget: READY_BUDGET_S,
      },
      {
        name: 'studio: file chosen → findings shown',
        how: 'Chromium 109, the same Word file, from the choice until the proofreading findings are on the page (read, parsed and proofread in the speech worker)',
        unit: 's',
        values: step('proofread'),
      },
      {
        name: 'studio: 40,000 characters unnumbered → deck ready',
        how: `Chromium 109, a ${longText.length}-character text file with no 一、 or （一） numbering (this speech's paragraphs repeated), from the choice to the deck ready to save`,
        unit: 's',
        values: longTimed.map((t: Record<string, number>) => (t.ready ?? NaN) / 1000),
        budget: READY_BUDGET_S,
      },
      {
        name: 'studio: 40,000 characters unnumbered → findings shown',
        how: 'the same text, from the choice until its proofreading findings are on the page',
        unit: 's',
        values: longTimed.map((t: Record<string, number>) => (t.proofread ?? NaN) / 1000),
      },
      {
        name: 'studio: of which reading and import',
        how: 'chosen → the Word file read (mammoth), its structure found and the Markdown written',
        unit: 's',
        values: step('read'),
      },
      {
        name: 'studio: of which fonts',
        how: 'parsed → the faces the speech needs subset and written as WOFF2 (Brotli quality 9) in the font worker',
        unit: 's',
        values: timed.map((t: Record<string, number>) => ((t.fonts ?? NaN) - (t.parsed ?? NaN)) / 1000),
      },
      {
        name: 'studio: of which the page',
        how: 'fonts → the deck page filled, its policy hashed, the preview version made',
        unit: 's',
        values: timed.map((t: Record<string, number>) => ((t.ready ?? NaN) - (t.fonts ?? NaN)) / 1000),
      },
      {
        name: 'studio: peak page memory',
        how: 'largest resident set of a renderer process (the studio page, its worker and its preview) over opening, choosing and previewing, sampled every 50 ms',
        unit: 'MB',
        values: memory,
        budget: MEMORY_BUDGET_MB,
      },
    ];
  } finally {
    await browser.close();
  }
}
