/**
 * The speaker view's arithmetic of time, kept pure so that it is tested without a browser: where the
 * speaker stands against the plan, and how times are written (24-hour clock, minutes and seconds).
 */

/** Ahead: on a slide before its planned start. On time: within its planned span. Behind: past its planned end. */
export type PaceState = 'ahead' | 'on-time' | 'behind';

export interface Pace {
  /** Seconds from the start by which the plan has the current slide finished. */
  plannedEnd: number;
  state: PaceState;
  /** Seconds ahead of or behind the plan; 0 when on time. */
  by: number;
  /** Behind by this much or more reads as late, not just slow. */
  late: boolean;
}

/** Being behind by a minute or more is shown as late. */
export const LATE_SECONDS = 60;

/**
 * How the speaker stands at slide `index` after `elapsed` seconds, given each slide's planned seconds
 * (reveal's data-timing). Early on a slide is ahead only before its planned start: a slide's own span is
 * time the plan gives it.
 */
export function pace(timings: readonly number[], index: number, elapsed: number): Pace {
  const plannedStart = timings.slice(0, index).reduce((sum, t) => sum + t, 0);
  const plannedEnd = plannedStart + (timings[index] ?? 0);
  if (elapsed < plannedStart) return { plannedEnd, state: 'ahead', by: plannedStart - elapsed, late: false };
  if (elapsed > plannedEnd) return { plannedEnd, state: 'behind', by: elapsed - plannedEnd, late: elapsed - plannedEnd >= LATE_SECONDS };
  return { plannedEnd, state: 'on-time', by: 0, late: false };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `8:40`, `12:05`, `1:02:03`: whole seconds as minutes and seconds, with hours when there are any. */
export function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** `09:05:07`, `21:30:00`: the time of day on the 24-hour clock Chinese offices use, never AM/PM. */
export function formatClock(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
