import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser } from '../src/node/print/browser.ts';
import { launchBrowser } from './launch-browser.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { measureBuild } from './bench/build.ts';
import { measureDeck } from './bench/deck.ts';
import { measureDev } from './bench/dev.ts';
import { describeMachine } from './bench/machine.ts';
import { measurePdf } from './bench/pdf.ts';
import { measurePeers } from './bench/peers.ts';
import { measureStudio } from './bench/studio.ts';
import { table, type Row } from './bench/report.ts';

const SECTIONS = ['build', 'pdf', 'deck', 'dev', 'peers', 'studio'] as const;

/**
 * Measures the build, the file, the deck in the browser, the PDF export and live update against their budgets.
 * Linux only (reads /proc). Usage: npm run bench -- [file.md] [--runs N] [--only build,pdf,deck,dev,peers,studio] [--scales 1,4,16,64]
 *   [--against other.html]  (the first slide of another built page, an earlier version's say, timed in turns with this one)
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string' }, only: { type: 'string' }, scales: { type: 'string' }, against: { type: 'string' } },
});
const input = resolve(positionals[0] ?? 'test/fixtures/speech.md');
const runs = Number(values.runs ?? 5);
const only = new Set(values.only?.split(',') ?? SECTIONS);
const workDir = mkdtempSync(join(tmpdir(), 'speech-deck-bench-'));
const deckDir = join(workDir, 'deck');
const machineBefore = describeMachine(findBrowser());

const rows: Row[] = [];

/** Runs one section of the bench when it was asked for, saying what it measures. */
async function section(name: (typeof SECTIONS)[number], what: string, measure: () => Promise<Row[]>): Promise<void> {
  if (!only.has(name)) return;
  console.error(`Measuring ${what} …`);
  try {
    rows.push(...(await measure()));
  } catch (error) {
    // One failed measurement should not cost the figures of the others.
    console.error(`Could not measure ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

try {
  let html = '';
  await section('build', 'the build, cold and warm', async () => {
    const build = await measureBuild(input, deckDir, runs);
    html = build.html;
    return build.rows;
  });
  html ||= await buildDeck(input, deckDir);
  // Before any browser of this process is running, so that the sampled process tree is the export's alone.
  await section('pdf', 'the PDF export', () => measurePdf(input, deckDir, html, runs));
  const scales = (values.scales ?? '1,4,16,64').split(',').map(Number);
  await section('peers', `our build and PDF against Marp CLI's, at ${scales.join('×, ')}× the speech`, () =>
    measurePeers(input, workDir, runs, scales, findBrowser()),
  );
  await section('studio', 'the studio in Chromium 109: file size, speech file to deck, peak memory', async () =>
    measureStudio(workDir, runs, await (await import('@sparticuz/chromium')).default.executablePath()),
  );
  const browser = await launchBrowser();
  try {
    await section('deck', 'the first slide and the next', () => measureDeck(browser, html, runs, values.against && resolve(values.against)));
    await section('dev', 'edit to update on the dev server', () => measureDev(input, workDir, browser, runs));
  } finally {
    await browser.close();
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
console.log(`\n${runs} measured runs of each after a warm-up; median, with the range in brackets.\n`);
console.log(table(rows));
console.log(`\nBefore: ${machineBefore}\nAfter:  ${describeMachine(findBrowser())}`);
