import { statSync, utimesSync } from 'node:fs';
import { exportPdf, type PdfResult } from '../../src/node/commands/pdf.ts';
import { runNode } from './child.ts';
import { browserMemory, type Memory } from './process-memory.ts';
import type { Row } from './report.ts';
import { repeat, since } from './stats.ts';

const BUDGET_S = 2.5;

/** Marks the built deck as newer than everything, so that no run rebuilds it while others edit the sources. */
function keepFresh(html: string): void {
  const now = new Date();
  utimesSync(html, now, now);
}

/**
 * Exports both PDFs from an already built deck, in this process and with the CLI. The browser's memory is sampled
 * in runs of their own: scanning /proc every 25 ms costs CPU that would slow the runs being timed.
 */
export async function measurePdf(input: string, outDir: string, html: string, runs: number): Promise<Row[]> {
  const inProcess = await repeat(runs, 1, async () => {
    keepFresh(html);
    const started = performance.now();
    const result = await exportPdf({ input, outDir, progress: () => {} });
    return { ms: since(started), result };
  });
  const command = (memory?: typeof browserMemory) => {
    keepFresh(html);
    return runNode(['bin/speech-deck.js', 'pdf', input, '--out-dir', outDir], memory);
  };
  const cli = await repeat(runs, 1, () => command());
  const sampled = await repeat(runs, 0, () => command(browserMemory));
  const mb = (list: Memory[], key: keyof Memory) => list.map((m) => m[key] / 1024);
  const peaks = sampled.map((r) => r.tree!);
  return [
    {
      name: 'PDF export of both files: in process',
      how: '`exportPdf()` with the deck built: browser start, print view, both PDFs written, browser closed',
      unit: 's',
      values: inProcess.map((r) => r.ms / 1000),
      budget: BUDGET_S,
    },
    {
      name: 'PDF export of both files: `speech-deck pdf`',
      how: 'whole command as a user runs it, deck already built, start to exit',
      unit: 's',
      values: cli.map((r) => r.ms / 1000),
      budget: BUDGET_S,
    },
    {
      name: 'PDF export peak browser memory (PSS)',
      how: "largest sum over the browser's process tree during `speech-deck pdf` (runs of their own), sampled every 25 ms from /proc; shared pages split between processes",
      unit: 'MB',
      values: mb(peaks, 'pss'),
    },
    {
      name: 'PDF export peak browser memory (RSS)',
      how: "the same, each process's resident set added up (shared pages counted many times)",
      unit: 'MB',
      values: mb(peaks, 'rss'),
    },
    {
      name: 'PDF export peak memory of the command',
      how: 'peak resident set (VmHWM) of the `speech-deck pdf` Node process itself',
      unit: 'MB',
      values: cli.map((r) => r.peakKb / 1024),
    },
    ...pdfSizes(inProcess.at(-1)!.result),
  ];
}

function pdfSizes(result: PdfResult): Row[] {
  const kb = (path: string) => [statSync(path).size / 1024];
  return [
    { name: 'slides PDF', how: `\`<name>.pdf\`, ${result.slides.pages} pages`, unit: 'KB', values: kb(result.slides.path) },
    { name: 'handout PDF', how: `\`<name>-notes.pdf\`, ${result.handout.pages} pages`, unit: 'KB', values: kb(result.handout.path) },
  ];
}
