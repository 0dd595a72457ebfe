import { describe, expect, it } from 'vitest';
import { formatClock, formatSpan, LATE_SECONDS, pace } from '../src/core/pace.ts';

describe('pace: where the speaker stands against the plan', () => {
  const timings = [10, 60, 90, 30];

  it("is on time within a slide's planned span, ahead before it, behind after it", () => {
    expect(pace(timings, 0, 0)).toEqual({ plannedEnd: 10, state: 'on-time', by: 0, late: false });
    expect(pace(timings, 1, 10)).toEqual({ plannedEnd: 70, state: 'on-time', by: 0, late: false });
    expect(pace(timings, 2, 40)).toEqual({ plannedEnd: 160, state: 'ahead', by: 30, late: false });
    expect(pace(timings, 1, 95)).toEqual({ plannedEnd: 70, state: 'behind', by: 25, late: false });
  });

  it('calls a minute or more behind late', () => {
    expect(pace(timings, 0, 10 + LATE_SECONDS - 1).late).toBe(false);
    expect(pace(timings, 0, 10 + LATE_SECONDS)).toMatchObject({ state: 'behind', late: true });
  });

  it('plans the last slide to the total', () => {
    expect(pace(timings, 3, 0).plannedEnd).toBe(190);
  });
});

describe('times as the speaker view writes them', () => {
  it('writes spans as minutes and seconds, with hours only when there are any', () => {
    expect(formatSpan(0)).toBe('0:00');
    expect(formatSpan(520)).toBe('8:40');
    expect(formatSpan(25.9)).toBe('0:25');
    expect(formatSpan(3723)).toBe('1:02:03');
    expect(formatSpan(-4)).toBe('0:00');
  });

  it('writes the time of day on the 24-hour clock', () => {
    expect(formatClock(new Date(2026, 2, 1, 15, 4, 5))).toBe('15:04:05');
    expect(formatClock(new Date(2026, 2, 1, 9, 0, 0))).toBe('09:00:00');
    expect(formatClock(new Date(2026, 2, 1, 0, 30, 59))).toBe('00:30:59');
  });
});
