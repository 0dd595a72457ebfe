import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { browserMemory, samplePeak, type Memory } from './bench/process-memory.ts';

/**
 * Times `speech-deck pdf` as a user runs it, and samples the memory of the browser's whole process tree.
 * Linux only (reads /proc). Usage: npx tsx scripts/bench-pdf.ts [file.md] [--runs N]
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' } } });
const input = positionals[0] ?? 'slides/speech.md';
const runs = Number(values.runs ?? 5);
const SAMPLE_MS = 25;

async function once(outDir: string): Promise<{ seconds: number; peak: Memory }> {
  const started = performance.now();
  const child = spawn('node', ['bin/speech-deck.js', 'pdf', input, '--out-dir', outDir], { stdio: 'ignore' });
  const memory = samplePeak(() => browserMemory(child.pid!), SAMPLE_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const peak = memory.stop();
  if (code !== 0) throw new Error(`speech-deck pdf exited with ${code}`);
  return { seconds: (performance.now() - started) / 1000, peak };
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const dir = mkdtempSync(join(tmpdir(), 'speech-deck-bench-'));
try {
  for (const [label, fresh] of [['building the deck first', true], ['deck already built', false]] as const) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      if (fresh) rmSync(dir, { recursive: true, force: true });
      results.push(await once(dir));
    }
    const times = results.map((r) => r.seconds).sort((a, b) => a - b);
    console.log(`${label}: ${times.map((t) => t.toFixed(2)).join(', ')} s (median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s)`);
    console.log(`  peak browser memory: RSS ${results.map((r) => mb(r.peak.rss)).join(', ')}; PSS ${results.map((r) => mb(r.peak.pss)).join(', ')}`);
  }
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) console.log(`${file}: ${(statSync(join(dir, file)).size / 1024).toFixed(0)} KB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
