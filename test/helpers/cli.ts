import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The command line as a user runs it, from any folder. */
export const CLI = resolve('bin/speech-deck.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** Resolves once a line of stdout or stderr matches. */
  waitFor: (pattern: RegExp) => Promise<void>;
  done: Promise<Finished>;
}

/** Starts `speech-deck <args>` in `cwd`; its output is gathered and can be waited on. */
export function startCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? process.cwd(), env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (!waiter.pattern.test(stdout) && !waiter.pattern.test(stderr)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    check();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    check();
  });
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      check();
      void done.then(({ stdout, stderr }) => reject(new Error(`the command ended before printing ${pattern}:\n${stdout}\n${stderr}`)));
    });
  return { child, waitFor, done };
}

/** Runs `speech-deck <args>` to the end. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
  return startCli(args, options).done;
}

/** Every file and folder below `dir`, each file with the sha256 of its bytes: what "untouched" is checked against. */
export function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    entries[name] = statSync(path).isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return entries;
}

/** Temporary files of the tool's own naming in a folder. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.speech-deck-\d+-[0-9a-f]+\.tmp$/.test(name));
}

/** Whether any line of the output looks like a stack trace or a library's request to report a bug. */
export function looksLikeInternals(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text) || /please report|backtrace|rolldown|unexpected failure/i.test(text);
}
