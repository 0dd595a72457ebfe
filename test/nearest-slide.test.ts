import { describe, expect, it } from 'vitest';
import { nearestSlide } from '../src/client/nearest-slide.ts';

const before = ['title', 'opening', 'agenda', 'one', 'a', 'b', 'c', 'two', 'd', 'closing'];

describe('where the deck goes when a save removed its slide', () => {
  it('goes to a renamed slide, the new one between the same neighbours', () => {
    expect(nearestSlide('b', before, ['title', 'opening', 'agenda', 'one', 'a', 'b2', 'c', 'two', 'd', 'closing'])).toBe('b2');
  });

  it('goes to the slide now in its place when it was removed, or the one before it at the end', () => {
    expect(nearestSlide('b', before, ['title', 'opening', 'agenda', 'one', 'a', 'c', 'two', 'd', 'closing'])).toBe('c');
    expect(nearestSlide('closing', before, before.slice(0, -1))).toBe('d');
    // Several removed together: still the first that remains after it.
    expect(nearestSlide('b', before, ['title', 'opening', 'agenda', 'one', 'two', 'd', 'closing'])).toBe('two');
  });

  it('goes to the title only when nothing else is left', () => {
    expect(nearestSlide('opening', before, ['title', 'agenda', 'one'])).toBe('agenda');
    expect(nearestSlide('opening', ['title', 'opening'], ['title', 'one'])).toBe('one');
    expect(nearestSlide('b', before, ['title'])).toBe('title');
    expect(nearestSlide('x', before, ['title', 'one'])).toBe('one');
    expect(nearestSlide('b', before, [])).toBeUndefined();
  });
});
