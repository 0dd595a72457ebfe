import { SLIDE_LABELS } from './labels.ts';
import { STRUCTURE } from './messages.ts';
import { spokenSlides, type Deck, type Problem, type Section, type Slide } from './model.ts';
import { type Message, say } from './say.ts';

// A sub-point's own enumerator, （一） or 1., which repeated headings are compared without.
const POINT_ENUMERATOR = /^\s*(?:[（(][一二三四五六七八九十百零〇\d]+[）)]|[一二三四五六七八九十百零〇\d]+[、.．])\s*/u;

/** Problems with the shape of a parsed deck: slides with nothing on them or nothing to say, repeated headings. */
export function structureProblems(deck: Deck): Problem[] {
  const slides = spokenSlides(deck).filter((s) => s.kind !== 'title');
  const sectionOf = new Map<Slide, Section>(deck.sections.map((s) => [s.opener, s]));
  return [...slides.flatMap((s) => emptySlide(s, sectionOf.get(s))), ...repeatedHeadings(deck)];
}

/** How a message names a slide: by its heading, or by what it is (开场, 结语). */
function named(slide: Slide): Message {
  if (slide.kind === 'section' || slide.kind === 'point') return { zh: `“${slide.heading.text}”`, en: `"${slide.heading.text}"` };
  const label = slide.kind === 'opening' || slide.kind === 'closing' ? SLIDE_LABELS[slide.kind] : slide.kind;
  return { zh: `“${label}”`, en: `"${slide.kind}"` };
}

function emptySlide(slide: Slide, section: Section | undefined): Problem[] {
  const spoken = slide.notes.some((n) => n.text.trim());
  if (spoken) return [];
  if (!slide.visible.length) {
    // A section opener that leads straight into its sub-points is the convention's normal case.
    if (section?.points.length) return [];
    return [warning(slide.line, say(STRUCTURE.emptySlide, { slide: named(slide) }))];
  }
  return [warning(slide.line, say(STRUCTURE.silentSlide, { slide: named(slide) }))];
}

/**
 * Headings the audience could not tell apart: two sections with one title (一、同名 and 二、同名), or two slides of
 * one section with one heading. The same sub-point heading under different sections (（一）主要成效 in each part)
 * is how official speeches are written, and each such slide has its own address (parse.ts), so it is not reported.
 */
function repeatedHeadings(deck: Deck): Problem[] {
  const problems: Problem[] = [];
  const sections = new Map<string, Slide>();
  for (const section of deck.sections) {
    const key = section.title.text.trim();
    const earlier = sections.get(key);
    if (earlier) problems.push(warning(section.opener.line, say(STRUCTURE.repeatedSection, { heading: key, line: earlier.line })));
    else sections.set(key, section.opener);
    const headings = new Map<string, Slide>([[key, section.opener]]);
    for (const point of section.points) {
      const pointKey = point.heading.text.replace(POINT_ENUMERATOR, '').trim();
      const before = headings.get(pointKey);
      if (before) problems.push(warning(point.line, say(STRUCTURE.repeatedPoint, { heading: pointKey, line: before.line })));
      else headings.set(pointKey, point);
    }
  }
  return problems;
}

function warning(line: number, message: string): Problem {
  return { line, severity: 'warning', message };
}
