import type { Deck, Problem, Slide } from './model.ts';

// The theme's smallest sizes on the 1920×1080 slide (see theme.css and fit.ts), in px.
const USABLE_HEIGHT = 850;
const TEXT_WIDTH = 1585;
const MIN_TEXT = 28;
const ITEM_HEIGHT = MIN_TEXT * 1.45 + MIN_TEXT * 0.6;
const MIN_HEADING = 40;
const HEADING_EXTRAS = 84 + 67;

const lines = (text: string, size: number, width: number) => Math.max(1, Math.ceil((text.length * size) / width));

/** Height a slide's text needs at the smallest size the theme allows, estimated from its length. */
function minimumHeight(slide: Slide): number {
  const heading = lines(slide.heading.text, MIN_HEADING, TEXT_WIDTH) * MIN_HEADING * 1.3 + HEADING_EXTRAS;
  const items = slide.visible.reduce((sum, item) => sum + (item.kind === 'image' ? 300 : lines(item.text, MIN_TEXT, TEXT_WIDTH) * ITEM_HEIGHT), 0);
  return heading + items;
}

/** Warns about slides with more to show than fits even once their text is shrunk to 28 px. Pure. */
export function capacityProblems(deck: Deck): Problem[] {
  return deck.slides
    .filter((slide) => slide.kind !== 'title' && minimumHeight(slide) > USABLE_HEIGHT)
    .map((slide) => ({
      line: slide.line,
      severity: 'warning' as const,
      message: 'this slide shows more than fits even at the smallest text size (28 px); shorten its key phrases or move some to a new "###" slide',
    }));
}
