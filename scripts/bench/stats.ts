/** The figures of several runs of one measurement. */
export interface Series {
  values: number[];
  median: number;
  min: number;
  max: number;
}

/** Median and range of a list of figures. */
export function series(values: number[]): Series {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { values, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Runs `once` `warmup` times unmeasured, then `runs` times, and returns each run's result. */
export async function repeat<T>(runs: number, warmup: number, once: (run: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await once(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  return results;
}

/** Milliseconds since `started`, from `performance.now()`. */
export function since(started: number): number {
  return performance.now() - started;
}
