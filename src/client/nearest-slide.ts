/**
 * Where the deck goes when a save removed the slide the presenter was on: the slide that now stands in its place
 * (a renamed heading is a new slide between the same neighbours), else the nearest neighbour that remains, the
 * following one before the preceding one. Never the title unless nothing else is left. Pure.
 */
export function nearestSlide(gone: string, before: readonly string[], now: readonly string[]): string | undefined {
  if (!now.length) return undefined;
  const at = new Map(now.map((id, i) => [id, i]));
  const p = before.indexOf(gone);
  if (p < 0) return now[Math.min(1, now.length - 1)];
  let previous = -1;
  for (let i = p - 1; i >= 0; i--) {
    if (at.has(before[i]!)) {
      previous = i;
      break;
    }
  }
  let next = -1;
  for (let i = p + 1; i < before.length; i++) {
    if (at.has(before[i]!)) {
      next = i;
      break;
    }
  }
  const a = previous >= 0 ? at.get(before[previous]!)! : -1;
  const b = next >= 0 ? at.get(before[next]!)! : now.length;
  let index: number;
  // Slides that are new since, between the neighbours that remain: the one at the same distance from the preceding.
  if (b - a > 1) index = Math.min(b - 1, a + (p - previous));
  else if (next >= 0) index = b;
  else index = a;
  // The title only when it is all there is, or was where the presenter stood.
  if (index <= 0 && now.length > 1 && gone !== now[0]) index = 1;
  return now[Math.max(0, Math.min(index, now.length - 1))];
}
