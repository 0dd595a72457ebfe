import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from '../../src/core/parse.ts';
import type { Deck } from '../../src/core/model.ts';
import { runNode, type ChildRun } from './child.ts';
import { paintsInTurns } from './first-paint.ts';
import { treeMemory } from './process-memory.ts';
import type { Row } from './report.ts';
import { series } from './stats.ts';

const require = createRequire(import.meta.url);
const MARP = require.resolve('@marp-team/marp-cli/marp-cli.js');

/**
 * The speech `factor` times over: its sections repeated with numbered headings (so that each slide keeps an
 * address of its own), the title, opening and closing once. 16 slides become about 52, 196 and 772.
 */
export function scaledSpeech(markdown: string, factor: number): string {
  if (factor === 1) return markdown;
  const first = markdown.search(/^## /m);
  const closing = markdown.search(/^---\s*$(?![\s\S]*^## )/m);
  const end = closing > first ? closing : markdown.length;
  const body = markdown.slice(first, end);
  const rounds = Array.from({ length: factor }, (_, k) => body.replace(/^(##+ .*)$/gm, `$1（${k + 1}）`));
  return markdown.slice(0, first) + rounds.join('\n') + markdown.slice(end);
}

/** Marp's Markdown for the same deck: one slide per deck slide, its heading and phrases, the spoken text as presenter notes. */
export function marpMarkdown(deck: Deck): string {
  const comment = (text: string) => `<!--\n${text.replace(/--+>/g, '- ->').replace(/<!--/g, '<! --')}\n-->`;
  const slides = deck.slides.map((slide) => {
    const lines = [`# ${slide.heading.text.replace(/\n/g, ' ') || slide.kind}`, ''];
    for (const item of slide.visible) if (item.kind === 'point') lines.push(`- ${item.text.replace(/\n/g, ' ')}`);
    const notes = slide.notes.map((n) => n.text).join('\n\n');
    if (notes) lines.push('', comment(notes));
    return lines.join('\n');
  });
  return `---\nmarp: true\ntitle: ${JSON.stringify(deck.meta.title)}\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

interface Contender {
  name: string;
  run: () => Promise<ChildRun>;
}

/**
 * How many turns each page's first slide is timed in, at least: its paint falls on one of the browser's frames, 16.7 ms
 * apart, so a median of few turns moves by a whole frame from one run to the next (9 turns gave 0.86× and 0.91×).
 */
const FIRST_PAINT_TURNS = 21;

/** The side-by-side check's budgets: our figure over Marp's (or Node's), at 1× unless said. */
export const PEER_BUDGETS = { build: 0.5, pdf: 0.75, firstPaint: 0.9, help: 1.5, longPdf: 2, longPdfPssMb: 1024 } as const;

/**
 * Times our build and PDF export against Marp CLI's HTML and PDF-with-notes exports of the same speech, whole commands
 * as a user runs them, interleaved run by run so that both see the same machine; at each scale factor. At 1× also the
 * first slide painted (largest contentful paint after `document.fonts.ready`, file://, a warm browser, the two pages in
 * turns) and `--help` against `node -e 0`; at the largest scale the peak memory of the whole `pdf` process tree.
 */
export async function measurePeers(input: string, workDir: string, runs: number, factors: number[], browser: string): Promise<Row[]> {
  const rows: Row[] = [];
  const marpEnv = { CHROME_PATH: browser, CHROME_NO_SANDBOX: '1' };
  for (const factor of factors) {
    const dir = join(workDir, `peers-${factor}`);
    mkdirSync(dir, { recursive: true });
    const speech = join(dir, 'speech.md');
    const text = scaledSpeech(readFileSync(input, 'utf8'), factor);
    writeFileSync(speech, text);
    const deck = parse(text);
    const marp = join(dir, 'marp.md');
    writeFileSync(marp, marpMarkdown(deck));
    const out = join(dir, 'out');
    const contenders: Contender[] = [
      { name: 'speech-deck build', run: () => runNode(['bin/speech-deck.js', 'build', speech, '--out-dir', out]) },
      { name: 'Marp HTML', run: () => runNode([MARP, '--no-stdin', marp, '-o', join(out, 'marp.html')], undefined, marpEnv) },
      {
        name: 'speech-deck pdf (from the Markdown)',
        run: () => {
          // Without the built deck, so that the command builds it as well: the whole job from the Markdown.
          rmSync(join(out, 'speech.html'), { force: true });
          return runNode(['bin/speech-deck.js', 'pdf', speech, '--out-dir', out]);
        },
      },
      {
        name: 'Marp PDF with notes',
        run: () => runNode([MARP, '--no-stdin', '--pdf', '--pdf-notes', '--allow-local-files', marp, '-o', join(out, 'marp-notes.pdf')], undefined, marpEnv),
      },
      { name: 'Marp PDF', run: () => runNode([MARP, '--no-stdin', '--pdf', '--allow-local-files', marp, '-o', join(out, 'marp.pdf')], undefined, marpEnv) },
    ];
    // Large decks take a while: fewer runs, the same interleaving.
    const count = factor >= 64 ? Math.min(runs, 2) : factor >= 16 ? Math.min(runs, 3) : runs;
    const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    const memory = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    for (let i = -1; i < count; i++) {
      for (const contender of contenders) {
        const result = await contender.run();
        if (i < 0) continue; // the warm-up: font cache, disk cache, compiled CLI
        times.get(contender.name)!.push(result.ms / 1000);
        memory.get(contender.name)!.push(result.peakKb / 1024);
      }
    }
    const median = (name: string) => series(times.get(name)!).median;
    const label = `${factor}× (${deck.slides.length} slides)`;
    for (const contender of contenders) {
      rows.push({
        name: `${label}: ${contender.name}`,
        how: 'whole command, warm, interleaved with the others',
        unit: 's',
        values: times.get(contender.name)!,
      });
    }
    const ratio = (ours: string, theirs: string, budget?: number): Row => ({
      name: `${label}: ${ours} ÷ ${theirs}`,
      how: 'ratio of the medians above',
      unit: '×',
      values: [median(ours) / median(theirs)],
      ...(budget === undefined ? {} : { budget }),
    });
    rows.push(ratio('speech-deck build', 'Marp HTML', factor === 1 ? PEER_BUDGETS.build : undefined));
    rows.push(
      ratio('speech-deck pdf (from the Markdown)', 'Marp PDF with notes', factor === 1 ? PEER_BUDGETS.pdf : factor >= 64 ? PEER_BUDGETS.longPdf : undefined),
    );
    rows.push(ratio('speech-deck pdf (from the Markdown)', 'Marp PDF'));
    if (factor === Math.max(...factors)) {
      // Runs of their own: scanning /proc every 25 ms costs CPU that would slow the runs being timed.
      const sampled: number[] = [];
      for (let i = 0; i < Math.min(count, 2); i++) {
        rmSync(join(out, 'speech.html'), { force: true });
        const run = await runNode(['bin/speech-deck.js', 'pdf', speech, '--out-dir', out], treeMemory);
        sampled.push(run.tree!.pss / 1024);
      }
      rows.push({
        name: `${label}: speech-deck pdf peak memory of the whole process tree (PSS)`,
        how: 'largest sum over Node and every browser process below it, sampled every 25 ms (runs of their own), from the Markdown',
        unit: 'MB',
        values: sampled,
        ...(factor >= 64 ? { budget: PEER_BUDGETS.longPdfPssMb } : {}),
      });
    }
    if (factor === 1) rows.push(...(await firstPaintAndHelp(join(out, 'speech.html'), join(out, 'marp.html'), Math.max(runs, FIRST_PAINT_TURNS), browser)));
    rows.push({
      name: `${label}: speech-deck build peak memory`,
      how: 'peak resident set of the command',
      unit: 'MB',
      values: memory.get('speech-deck build')!,
    });
  }
  return rows;
}

/** Our first slide against Marp's, and `--help` against Node doing nothing, both in turns. */
async function firstPaintAndHelp(ours: string, marp: string, runs: number, executable: string): Promise<Row[]> {
  const { launchBrowser } = await import('../launch-browser.ts');
  const browser = await launchBrowser({ browserPath: executable });
  let paints: number[][];
  try {
    paints = await paintsInTurns(browser, [ours, marp], runs);
  } finally {
    await browser.close();
  }
  const help: number[] = [];
  const node: number[] = [];
  for (let i = -1; i < runs; i++) {
    const ran = [(await runNode(['bin/speech-deck.js', '--help'])).ms, (await runNode(['-e', '0'])).ms];
    if (i < 0) continue;
    help.push(ran[0]!);
    node.push(ran[1]!);
  }
  const how = 'largest contentful paint once `document.fonts.ready` has resolved, file://, new 1280×720 tab of a warm Chromium, the two pages in turns';
  return [
    { name: '1×: first slide painted, speech-deck', how, unit: 'ms', values: paints[0]! },
    { name: '1×: first slide painted, Marp', how, unit: 'ms', values: paints[1]! },
    {
      name: '1×: first slide painted, speech-deck ÷ Marp',
      how: 'ratio of the medians above',
      unit: '×',
      values: [series(paints[0]!).median / series(paints[1]!).median],
      budget: PEER_BUDGETS.firstPaint,
    },
    { name: '`speech-deck --help`', how: 'whole command, in turns with `node -e 0`', unit: 's', values: help.map((ms) => ms / 1000) },
    { name: '`node -e 0`', how: 'Node starting and exiting with nothing to do', unit: 's', values: node.map((ms) => ms / 1000) },
    {
      name: '`speech-deck --help` ÷ `node -e 0`',
      how: 'ratio of the medians above',
      unit: '×',
      values: [series(help).median / series(node).median],
      budget: PEER_BUDGETS.help,
    },
  ];
}
