import { agendaFits, MIN_FIT } from './capacity.ts';
import { AGENDA_CONTINUED, SLIDE_LABELS } from './labels.ts';
import type { Deck, Section, Slide, Visible } from './model.ts';
import { slideSeconds } from './timing.ts';

/**
 * Puts every slide in the order it is shown, adds the agenda (after the opening, when there are sections) and
 * gives each slide its planned time. Called once by `parse`; outputs read `deck.slides` and never re-derive it.
 */
export function arrange(deck: Omit<Deck, 'slides'>): Slide[] {
  const slides: Slide[] = [deck.title];
  if (deck.opening) slides.push(deck.opening);
  if (deck.sections.length) slides.push(...agenda(deck, new Set(deck.sections.flatMap((s) => [s.opener.id, ...s.points.map((p) => p.id)]))));
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

/** The text scale an agenda is laid out for, so that its titles stay large enough to read across a hall (36 px). */
const AGENDA_FIT = 0.65;
/** More sections than this go in two columns. */
const ONE_COLUMN_MOST = 6;

/**
 * The generated agenda: one entry per section, its title without the enumerator (the numeral is the section's). Up
 * to six sections in one column; more in two, down the first and then the second; and where even two columns would
 * set the titles too small, the sections are shared evenly among as few agenda slides as hold them, the later ones
 * headed 目录（续）. `taken` holds the ids the speech's slides have.
 */
function agenda(deck: Omit<Deck, 'slides'>, taken: Set<string>): Slide[] {
  const { sections } = deck;
  const split = (pages: number): Section[][] => {
    const per = Math.ceil(sections.length / pages);
    return Array.from({ length: Math.ceil(sections.length / per) }, (_, i) => sections.slice(i * per, (i + 1) * per));
  };
  const columns = (part: Section[]): 1 | 2 => (part.length > ONE_COLUMN_MOST ? 2 : 1);
  const fewest = (fit: number): Section[][] | undefined => {
    for (let pages = 1; pages <= sections.length; pages++) {
      const parts = split(pages);
      if (parts.every((part) => agendaFits(part, columns(part), fit))) return parts;
    }
    return undefined;
  };
  const parts = fewest(AGENDA_FIT) ?? fewest(MIN_FIT) ?? split(Math.ceil(sections.length / ONE_COLUMN_MOST));
  let first = 0;
  return parts.map((part, page) => {
    const label = page ? AGENDA_CONTINUED : SLIDE_LABELS.agenda;
    let id = page ? `agenda-${page + 1}` : 'agenda';
    while (taken.has(id)) id += '-';
    const line = part[0]!.opener.line;
    const visible: Visible[] = part.map((s) => ({ ...s.title, kind: 'point', depth: 0 }));
    const listed = part.map((_, i) => first + i);
    first += part.length;
    return {
      kind: 'agenda',
      id,
      heading: { line, html: label, text: label, runs: [{ text: label }] },
      line,
      visible,
      notes: [],
      seconds: 0,
      agenda: { sections: listed, columns: columns(part) },
    };
  });
}
