import { spawn } from 'node:child_process';
import { peakRss, samplePeak, type Memory } from './process-memory.ts';
import { since } from './stats.ts';

/** What one run of a child process cost: wall time, its own peak memory and what it printed. */
export interface ChildRun {
  ms: number;
  /** The child's peak resident set, in KB, sampled from /proc until it exits. */
  peakKb: number;
  stdout: string;
  /** The peak of `treeMemory`, when it was asked for. */
  tree?: Memory;
}

/** Runs `node` with `args` from the project folder and measures it, and `treeMemory` of its pid if given; fails when it exits with an error. */
export async function runNode(args: string[], treeMemory?: (pid: number) => Memory, env?: NodeJS.ProcessEnv): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, peakRss(child.pid!))), 10);
  const tree = treeMemory && samplePeak(() => treeMemory(child.pid!));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ms = since(started);
  clearInterval(timer);
  const treePeak = tree?.stop();
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}`);
  return { ms, peakKb, stdout, ...(treePeak ? { tree: treePeak } : {}) };
}

/** The JSON object a child printed on its last line. */
export function lastJson<T>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}
