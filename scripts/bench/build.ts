import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { DEFAULT_FONT_CACHE } from '../../src/node/fonts/embed.ts';
import { sizeBreakdown, type SizeBreakdown } from '../../src/node/page/size.ts';
import { lastJson, runNode } from './child.ts';
import type { Row } from './report.ts';
import { repeat } from './stats.ts';

export interface BuildFigures {
  rows: Row[];
  /** The deck as built, for the browser measurements. */
  html: string;
}

const BUDGET_S = 1.0;
const HELP_BUDGET_S = 0.15;
const CHECK_BUDGET_S = 0.5;
const COLD_BUDGET_S = 1.5;
const SIZE_BUDGET_KB = 300;

/** Builds the speech cold and warm in child processes, and with the CLI as a user runs it; then sizes the file. */
export async function measureBuild(input: string, out: string, runs: number): Promise<BuildFigures> {
  const warmCache = mkdtempSync(join(tmpdir(), 'speech-deck-fonts-'));
  const child = (cache: string) => runNode(['--import', 'tsx', 'scripts/bench/build-child.ts', input, out, cache]);
  const cold = await repeat(runs, 0, async () => {
    const cache = mkdtempSync(join(tmpdir(), 'speech-deck-fonts-'));
    try {
      return await child(cache);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
  const warm = await repeat(runs, 1, () => child(warmCache));
  rmSync(warmCache, { recursive: true, force: true });
  // The CLI uses the project's own font cache; the warm-up fills it if it is empty.
  const cli = await repeat(runs, 1, () => runNode(['bin/speech-deck.js', 'build', input, '--out-dir', out]));
  const html = join(out, `${basename(input, extname(input))}.html`);
  const bare = await repeat(runs, 1, () => runNode(['-e', '0']));
  const help = await repeat(runs, 1, () => runNode(['bin/speech-deck.js', '--help']));
  const check = await repeat(runs, 1, () => runNode(['bin/speech-deck.js', 'check', input]));
  // Each run checks the speech with one more sentence at the end of its last paragraph, numbered by the clock: a paragraph
  // no earlier check (of this bench or another) has cut.
  const edits = mkdtempSync(join(tmpdir(), 'speech-deck-edit-'));
  const speech = readFileSync(input, 'utf8').trimEnd();
  let edit = 0;
  const checkEdited = await repeat(runs, 1, () => {
    const file = join(edits, 'speech.md');
    writeFileSync(file, `${speech}又一个修改之处，第${Date.now()}-${++edit}次。\n`);
    return runNode(['bin/speech-deck.js', 'check', file]);
  });
  // The command as a user runs it with no font subsets kept (the project's own font cache set aside meanwhile) …
  const fontCache = resolve(DEFAULT_FONT_CACHE);
  const aside = `${fontCache}.bench-${process.pid}`;
  const hadCache = existsSync(fontCache);
  if (hadCache) renameSync(fontCache, aside);
  let cliCold: Awaited<ReturnType<typeof runNode>>[];
  try {
    cliCold = await repeat(runs, 0, () => {
      rmSync(fontCache, { recursive: true, force: true });
      return runNode(['bin/speech-deck.js', 'build', input, '--out-dir', out]);
    });
  } finally {
    rmSync(fontCache, { recursive: true, force: true });
    if (hadCache) renameSync(aside, fontCache);
  }
  // … and after an edit that adds a character the body face lacked: that face is subset again, the others are kept.
  // Characters of GB 2312 (which every face here draws) from a place that moves with every bench, so that no earlier
  // run has kept their subset.
  const gb = new TextDecoder('gb18030');
  const from = Date.now() % (72 * 94);
  const rare = Array.from({ length: 200 }, (_, i) => {
    const at = (from + i) % (72 * 94);
    return gb.decode(Uint8Array.of(0xb0 + Math.floor(at / 94), 0xa1 + (at % 94)));
  })
    .filter((c) => /\p{Script=Han}/u.test(c) && !speech.includes(c))
    .slice(0, runs + 1);
  let added = 0;
  const newCharacter = await repeat(rare.length - 1, 1, () => {
    const file = join(edits, 'speech.md');
    writeFileSync(file, `${speech}${rare[added++]}。\n`);
    return runNode(['bin/speech-deck.js', 'build', file, '--out-dir', join(edits, 'out')]);
  });
  rmSync(edits, { recursive: true, force: true });
  const inProcess = (list: typeof cold) => list.map((r) => lastJson<{ buildMs: number }>(r.stdout).buildMs / 1000);
  return {
    html,
    rows: [
      {
        name: 'build, warm font cache: `speech-deck build`',
        how: 'whole command as a user runs it (`node bin/speech-deck.js build`), start to exit',
        unit: 's',
        values: cli.map((r) => r.ms / 1000),
        budget: BUDGET_S,
      },
      {
        name: '`node -e 0`',
        how: 'Node starting and exiting with nothing to do: the floor under every command here',
        unit: 's',
        values: bare.map((r) => r.ms / 1000),
      },
      { name: '`speech-deck --help`', how: 'whole command, start to exit', unit: 's', values: help.map((r) => r.ms / 1000), budget: HELP_BUDGET_S },
      {
        name: '`speech-deck check`',
        how: 'whole command on the unchanged speech (the cuts and dictionary index of an earlier check kept)',
        unit: 's',
        values: check.map((r) => r.ms / 1000),
        budget: CHECK_BUDGET_S,
      },
      {
        name: '`speech-deck check` after an edit',
        how: 'the same with a sentence added to the last paragraph each run: jieba loaded to cut it',
        unit: 's',
        values: checkEdited.map((r) => r.ms / 1000),
        budget: CHECK_BUDGET_S,
      },
      {
        name: 'build, warm font cache: in process',
        how: '`buildDeck()` alone, after its modules are imported (parse, word breaks and fonts from their caches, the page shell filled, CSP, write)',
        unit: 's',
        values: inProcess(warm),
        budget: BUDGET_S,
      },
      {
        name: 'build, cold font cache: in process',
        how: 'as above with an empty font cache, so every face the speech uses is subset',
        unit: 's',
        values: inProcess(cold),
      },
      {
        name: 'build, cold font cache: whole process',
        how: 'node start, imports (through tsx) and build, with an empty font cache',
        unit: 's',
        values: cold.map((r) => r.ms / 1000),
      },
      {
        name: 'build, cold font cache: `speech-deck build`',
        how: 'whole command as a user runs it, with no font subset kept (word breaks and page shell kept)',
        unit: 's',
        values: cliCold.map((r) => r.ms / 1000),
        budget: COLD_BUDGET_S,
      },
      {
        name: 'build after an edit that adds a character',
        how: 'whole command; a character the body face lacked added each run, so that face is subset again',
        unit: 's',
        values: newCharacter.map((r) => r.ms / 1000),
      },
      { name: 'build peak memory, warm', how: 'peak resident set (VmHWM) of the building process', unit: 'MB', values: cli.map((r) => r.peakKb / 1024) },
      { name: 'build peak memory, cold', how: 'the same, subsetting the fonts', unit: 'MB', values: cold.map((r) => r.peakKb / 1024) },
      ...sizeRows(sizeBreakdown(readFileSync(html, 'utf8'))),
    ],
  };
}

function sizeRows(size: SizeBreakdown): Row[] {
  const kb = (n: number) => [n / 1024];
  return [
    { name: 'single file', how: 'bytes of the built HTML file (KB = 1,024 bytes)', unit: 'KB', values: kb(size.total), budget: SIZE_BUDGET_KB },
    { name: '… fonts', how: '@font-face rules with the base64 woff2 subsets', unit: 'KB', values: kb(size.fonts) },
    { name: '… script', how: 'inline scripts: reveal.js, plugins, the deck', unit: 'KB', values: kb(size.scripts) },
    { name: '… styles', how: 'inline styles other than the fonts', unit: 'KB', values: kb(size.styles) },
    { name: '… content', how: 'slides, notes and the page around them', unit: 'KB', values: kb(size.content) },
  ];
}
