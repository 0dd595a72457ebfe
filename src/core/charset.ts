import { titleShownAsBuilt } from './capacity.ts';
import { fixedText, SLIDE_LABELS } from './labels.ts';
import type { Deck, Inline } from './model.ts';

/** The embedded faces, by what they draw: serif bold headings, sans body text, sans bold emphasis. */
export type FaceRole = 'heading' | 'body' | 'strong';

function strongText(inline: Inline): string {
  return inline.runs
    .filter((run) => run.bold)
    .map((run) => run.text)
    .join('');
}

/** The text each face must be able to draw, so the fonts can be subset to exactly that. Pure. */
export function faceText(deck: Deck): Record<FaceRole, string> {
  const inlines = deck.slides.flatMap((s) => [s.heading, ...s.visible, ...s.notes]);
  const sections = deck.sections.flatMap((s) => [s.numeral, s.title.text, ...s.points.map((p) => p.heading.text)]);
  const meta = [deck.meta.title, deck.meta.speaker, deck.meta.occasion, deck.meta.date];
  return {
    heading: [
      deck.title.heading.text,
      ...sections,
      ...Object.values(SLIDE_LABELS),
      ...deck.slides.filter((s) => s.kind === 'agenda').map((s) => s.heading.text),
    ].join(''),
    body: [...inlines.map((i) => i.text), ...meta, fixedText()].join(''),
    // Only **emphasis** is bold sans (the agenda sets section titles in the heading serif).
    strong: inlines.map(strongText).join(''),
  };
}

/**
 * What each face draws on the title slide, when the page shows it before its code runs (capacity.ts,
 * `titleShownAsBuilt`): faces cut to this alone are all that first frame waits for (render/font-css.ts,
 * `titleFamily`). The heading serif sets the title, the body sans the speaker, occasion and date. Undefined when the
 * deck opens otherwise.
 */
export function titleFaceText(deck: Deck): Record<FaceRole, string> | undefined {
  if (!titleShownAsBuilt(deck)) return undefined;
  const { meta } = deck;
  // Each with the space: the browser takes a family's line metrics from its first face that has one.
  const spaced = (text: string) => (text ? ` ${text}` : '');
  return { heading: spaced(deck.title.heading.text), body: spaced([meta.speaker, meta.occasion, meta.date].join('')), strong: '' };
}

/** The distinct characters of a text that a font must draw (line ends and tabs need no glyph). */
export function distinctCharacters(text: string): string[] {
  return [...new Set(text.replace(/[\n\r\t]/g, ''))].sort();
}
