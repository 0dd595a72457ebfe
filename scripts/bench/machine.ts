import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** One line that says what the figures were measured on and how busy it was. */
export function describeMachine(browserPath: string): string {
  const cores = cpus();
  const memory = `${(totalmem() / 1024 ** 3).toFixed(1)} GB`;
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${memory} memory; Node ${process.version}; ${browserVersion(browserPath)}; load average ${load}`;
}

/** The browser's own version line, e.g. `Chromium 156.0.8078.108`. */
export function browserVersion(path: string): string {
  try {
    return /[A-Za-z ]+[\d.]+/.exec(execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[0]?.trim() ?? path;
  } catch {
    return path;
  }
}
