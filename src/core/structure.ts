import { spokenSlides, type Deck, type Problem, type Section, type Slide } from './model.ts';

const MARKS: Partial<Record<Slide['kind'], string>> = { section: '##', point: '###' };

/** Problems with the shape of a parsed deck: slides with nothing on them or nothing to say, repeated headings. */
export function structureProblems(deck: Deck): Problem[] {
  const slides = spokenSlides(deck).filter((s) => s.kind !== 'title');
  const sectionOf = new Map<Slide, Section>(deck.sections.map((s) => [s.opener, s]));
  return [...slides.flatMap((s) => emptySlide(s, sectionOf.get(s))), ...repeatedHeadings(slides, sectionOf)];
}

function emptySlide(slide: Slide, section: Section | undefined): Problem[] {
  const spoken = slide.notes.some((n) => n.text.trim());
  if (spoken) return [];
  const where = MARKS[slide.kind] ? `the slide "${slide.heading.text}"` : `the ${slide.kind} slide`;
  if (!slide.visible.length) {
    // A section opener that leads straight into its sub-points is the convention's normal case.
    if (section?.points.length) return [];
    return [warning(slide.line, `${where} has nothing on it and nothing to say: add key phrases ("- …") and a paragraph of what you will say, or remove it`)];
  }
  return [warning(slide.line, `${where} has nothing to say: its speaker notes are empty, so write what you will say as a paragraph under the key phrases`)];
}

function repeatedHeadings(slides: Slide[], sectionOf: Map<Slide, Section>): Problem[] {
  const first = new Map<string, Slide>();
  const problems: Problem[] = [];
  for (const slide of slides) {
    const mark = MARKS[slide.kind];
    if (!mark) continue;
    // Sections are compared without their enumerators: 一、同名 and 二、同名 share one address.
    const key = (sectionOf.get(slide)?.title ?? slide.heading).text.trim();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, slide);
      continue;
    }
    problems.push(
      warning(
        slide.line,
        `the heading "${key}" is used already on line ${earlier.line}; this slide's address is #/${slide.id}. Give each slide its own heading`,
      ),
    );
  }
  return problems;
}

function warning(line: number, message: string): Problem {
  return { line, severity: 'warning', message };
}
