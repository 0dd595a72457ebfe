import { readdirSync, readFileSync } from 'node:fs';

/** Memory of a set of processes, in KB. */
export interface Memory {
  /** Resident set: shared pages are counted once per process. */
  rss: number;
  /** Proportional set: each shared page is split among the processes that map it. */
  pss: number;
}

/** Every process below `root`, from /proc (Linux only). */
export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (below.has(ppid) && !below.has(pid)) grew = !!below.add(pid);
  }
  below.delete(root);
  return [...below];
}

/** Resident and proportional set sizes of the browser processes below `root`, in KB. */
export function browserMemory(root: number): Memory {
  return memoryOf(descendants(root), (pid) => /chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8')));
}

/** Resident and proportional set sizes of `root` and every process below it (Node and its browser), in KB. */
export function treeMemory(root: number): Memory {
  return memoryOf([root, ...descendants(root)], () => true);
}

function memoryOf(pids: number[], counted: (pid: number) => boolean): Memory {
  const total = { rss: 0, pss: 0 };
  for (const pid of pids) {
    try {
      if (!counted(pid)) continue;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total.rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      total.pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** A process's own peak resident set so far (VmHWM), in KB; 0 once it has ended. */
export function peakRss(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Samples `measure` every `ms` until stopped, and keeps the largest value of each field. */
export function samplePeak<T extends object>(measure: () => T, ms = 25): { stop: () => T } {
  const peak = measure();
  const timer = setInterval(() => {
    const now = measure();
    for (const key of Object.keys(peak) as Array<keyof T>) if (now[key] > peak[key]) peak[key] = now[key];
  }, ms);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
