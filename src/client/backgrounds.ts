import type { RevealPlugin } from 'reveal.js';

/**
 * Gives every slide the theme's ground as its background colour before reveal starts. reveal marks each slide
 * light or dark from its background colour; a slide without one has the computed style of its background layer
 * read just after the layer is added, which makes the browser recompute the page's styles once per slide (2.4 s
 * of a 772-slide deck's start, most of this speech's). With the colour given, nothing is read. The deck's own
 * background layers are unstyled and empty (src/node/page/trim-reveal-css.ts), so the colour shows nowhere else.
 */
export function Backgrounds(): RevealPlugin {
  return {
    id: 'backgrounds',
    init(deck) {
      const ground = getComputedStyle(deck.getRevealElement()!).getPropertyValue('--ground').trim() || '#fff';
      for (const slide of deck.getRevealElement()!.querySelectorAll<HTMLElement>('.slides section')) slide.dataset.backgroundColor = ground;
    },
  };
}
