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

/** The distinct characters of a text that a font must draw (line ends and tabs need no glyph). */
export function distinctCharacters(text: string): string[] {
  return [...new Set(text.replace(/[\n\r\t]/g, ''))].sort();
}
