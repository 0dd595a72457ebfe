import { series, type Series } from './stats.ts';

/** One figure of the report: a measured series, its unit and, where there is one, its budget. */
export interface Row {
  name: string;
  how: string;
  unit: 'ms' | 's' | 'KB' | 'MB' | '×';
  values: number[];
  budget?: number;
}

const DIGITS: Record<Row['unit'], number> = { ms: 0, s: 2, KB: 0, MB: 0, '×': 2 };

function format(n: number, unit: Row['unit']): string {
  return n.toFixed(DIGITS[unit]);
}

/** `1.23 s (1.10–1.40)`: the median and, over several runs, the range. */
function figure(s: Series, unit: Row['unit']): string {
  const range = s.min === s.max ? '' : ` (${format(s.min, unit)}–${format(s.max, unit)})`;
  return `${format(s.median, unit)} ${unit}${range}`;
}

/** PASS or OVER for the median against the budget, or nothing when the figure has none. */
export function verdict(row: Row): string {
  if (row.budget === undefined) return '';
  if (!row.values.length) return 'no figure';
  return `${series(row.values).median <= row.budget ? 'PASS' : 'OVER'} (≤ ${format(row.budget, row.unit)} ${row.unit})`;
}

/** The rows as a Markdown table: figure, median and range, budget verdict, and how it was measured. */
export function table(rows: readonly Row[]): string {
  const lines = ['| figure | median (min–max) | budget | how it is measured |', '| --- | --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.values.length ? figure(series(row.values), row.unit) : 'none'} | ${verdict(row)} | ${row.how} |`);
  return lines.join('\n');
}
