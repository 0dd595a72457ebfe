import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from '../../src/core/parse.ts';
import type { Deck } from '../../src/core/model.ts';
import { runNode, type ChildRun } from './child.ts';
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
 * Times our build and PDF export against Marp CLI's HTML and PDF-with-notes exports of the same speech, whole commands
 * as a user runs them, interleaved run by run so that both see the same machine; at each scale factor.
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
    rows.push(ratio('speech-deck build', 'Marp HTML', factor === 1 ? 0.5 : undefined));
    rows.push(ratio('speech-deck pdf (from the Markdown)', 'Marp PDF with notes', factor === 1 ? 0.6 : undefined));
    rows.push(ratio('speech-deck pdf (from the Markdown)', 'Marp PDF', factor >= 64 ? 2 : undefined));
    rows.push({
      name: `${label}: speech-deck build peak memory`,
      how: 'peak resident set of the command',
      unit: 'MB',
      values: memory.get('speech-deck build')!,
    });
  }
  return rows;
}
