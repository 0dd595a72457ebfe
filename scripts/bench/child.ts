import { spawn } from 'node:child_process';
import { peakRss } from './process-memory.ts';
import { since } from './stats.ts';

/** What one run of a child process cost: wall time, its own peak memory and what it printed. */
export interface ChildRun {
  ms: number;
  /** The child's peak resident set, in KB, sampled from /proc until it exits. */
  peakKb: number;
  stdout: string;
}

/** Runs `node` with `args` from the project folder and measures it; fails when it exits with an error. */
export async function runNode(args: string[], sampleMs = 10): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, peakRss(child.pid!))), sampleMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ms = since(started);
  clearInterval(timer);
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}`);
  return { ms, peakKb, stdout };
}

/** The JSON object a child printed on its last line. */
export function lastJson<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}
