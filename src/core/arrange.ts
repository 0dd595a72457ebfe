import { SLIDE_LABELS } from './labels.ts';
import type { Deck, Slide, Visible } from './model.ts';
import { slideSeconds } from './timing.ts';

/**
 * Puts every slide in the order it is shown, adds the agenda (after the opening, when there are sections) and
 * gives each slide its planned time. Called once by `parse`; outputs read `deck.slides` and never re-derive it.
 */
export function arrange(deck: Omit<Deck, 'slides'>): Slide[] {
  const slides: Slide[] = [deck.title];
  if (deck.opening) slides.push(deck.opening);
  if (deck.sections.length) slides.push(agenda(deck));
  deck.sections.forEach((section, index) => {
    for (const slide of [section.opener, ...section.points]) {
      slide.section = index;
      slides.push(slide);
    }
  });
  if (deck.closing) slides.push(deck.closing);
  for (const slide of slides) slide.seconds = slideSeconds(slide, deck.meta.rate);
  return slides;
}

/** The generated agenda: one entry per section, its title without the enumerator (the numeral is the section's). */
function agenda(deck: Omit<Deck, 'slides'>): Slide {
  const first = deck.sections[0]!.opener.line;
  const label = SLIDE_LABELS.agenda;
  const visible: Visible[] = deck.sections.map((s) => ({ ...s.title, kind: 'point', depth: 0 }));
  return {
    kind: 'agenda',
    id: 'agenda',
    heading: { line: first, html: label, text: label, runs: [{ text: label }] },
    line: first,
    visible,
    notes: [],
    seconds: 0,
  };
}
