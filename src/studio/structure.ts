/**
 * Changing a speech's structure with the studio's buttons, as the CLI's author does with "##", "###" and "---":
 * a paragraph of the spoken text starts a section, a sub-point or the closing; a slide is split at a paragraph;
 * a slide is merged into the one before; a sub-point becomes a section and back. Each action adds, removes or
 * changes one heading or `---` line of the Markdown (markdown-edit.ts) and nothing else, and is taken only when
 * the speech it gives has every spoken paragraph, in order and verbatim, and no error the speech had not before.
 * Pure.
 */
import { leadHeading } from '../core/import/structure.ts';
import { escapeInline } from '../core/import/write.ts';
import { hasErrors, type Deck, type Slide } from '../core/model.ts';
import { parse } from '../core/parse.ts';
import { insertHeading, insertRule, isAtxHeading, isRule, removeLine, setLevel } from './markdown-edit.ts';

/** What can be done at a paragraph of a slide's spoken text. */
export type ParagraphAction = 'section' | 'point' | 'split' | 'closing';
/** What can be done to a slide as a whole. */
export type SlideAction = 'merge' | 'promote' | 'demote';
export type Action = ParagraphAction | SlideAction;

/** Where an action applies: a slide by its index in `deck.slides`, and for a paragraph action the paragraph's index in its notes. */
export interface Target {
  slide: number;
  paragraph?: number;
}

/** The paragraph actions offered at paragraph `paragraph` of `slide` (none at a slide's first paragraph: it starts the slide already). */
export function paragraphActions(deck: Deck, slide: Slide, paragraph: number): ParagraphAction[] {
  if (paragraph < 1 || !slide.notes[paragraph]) return [];
  const last = deck.sections.length - 1;
  switch (slide.kind) {
    case 'opening':
      return ['section'];
    case 'section':
    case 'point':
      return ['section', 'point', 'split', ...(slide.section === last ? (['closing'] as const) : [])];
    default:
      return [];
  }
}

/** The slide actions offered on `slide`. */
export function slideActions(markdown: string, deck: Deck, slide: Slide): SlideAction[] {
  const index = deck.slides.indexOf(slide);
  const previous = deck.slides[index - 1];
  const mergeable = !!previous && previous.kind !== 'title' && previous.kind !== 'agenda';
  if (slide.kind === 'closing') return isRule(markdown, slide.line) ? ['merge'] : [];
  if (!isAtxHeading(markdown, slide.line)) return [];
  if (slide.kind === 'point') return [...(mergeable ? (['merge'] as const) : []), 'promote'];
  if (slide.kind === 'section') return [...(mergeable && slide.section! > 0 ? (['merge'] as const) : []), ...(slide.section! > 0 ? (['demote'] as const) : [])];
  return [];
}

/** A heading for a slide that starts at `text`: its lead sentence, as the importer takes a heading from a paragraph. */
export function headingFrom(text: string): string {
  return leadHeading(text, 0).text || text.slice(0, 30);
}

/** Plain text as a heading's Markdown: no character in it read as markup (emphasis, a link, an entity). */
const markdownOf = (text: string) => escapeInline(text);

/** `heading（续）`, or with more 续 until no slide of the deck has it. */
function continued(deck: Deck, heading: string): string {
  const taken = new Set(deck.slides.map((s) => s.heading.text));
  let text = `${heading}（续）`;
  while (taken.has(text)) text = text.replace(/（(续+)）$/, '（$1续）');
  return text;
}

/** The Markdown the action gives, before it is checked. */
function edited(markdown: string, deck: Deck, action: Action, target: Target): string {
  const slide = deck.slides[target.slide];
  if (!slide) throw new Error(`no slide ${target.slide}`);
  if (action === 'merge') return removeLine(markdown, slide.line);
  if (action === 'promote') return setLevel(markdown, slide.line, 2);
  if (action === 'demote') return setLevel(markdown, slide.line, 3);
  const paragraph = slide.notes[target.paragraph ?? -1];
  if (!paragraph) throw new Error(`slide ${target.slide} has no paragraph ${target.paragraph}`);
  if (action === 'section') return insertHeading(markdown, paragraph.line, 2, markdownOf(headingFrom(paragraph.text)));
  if (action === 'point') return insertHeading(markdown, paragraph.line, 3, markdownOf(headingFrom(paragraph.text)));
  if (action === 'split') {
    const section = slide.kind === 'section' ? deck.sections[slide.section!] : undefined;
    return insertHeading(markdown, paragraph.line, 3, markdownOf(continued(deck, section ? section.title.text : slide.heading.text)));
  }
  // The closing moves here: the paragraph is in the last section, so a `---` that started the closing is after it.
  const without = deck.closing && isRule(markdown, deck.closing.line) ? removeLine(markdown, deck.closing.line) : markdown;
  return insertRule(without, paragraph.line);
}

/** The spoken text, paragraph by paragraph, in the order it is spoken. */
export function spokenParagraphs(deck: Deck): string[] {
  return deck.slides.filter((s) => s.kind !== 'title').flatMap((s) => s.notes.map((n) => n.text));
}

export type Outcome = { ok: true; markdown: string; deck: Deck } | { ok: false; why: 'text' | 'errors' };

/**
 * The Markdown after `action` at `target` and its deck, when the speech it gives says every paragraph as before,
 * in order, and has no error the speech had not; else why not.
 */
export function apply(markdown: string, deck: Deck, action: Action, target: Target): Outcome {
  const next = edited(markdown, deck, action, target);
  const after = parse(next);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((text, i) => text === b[i]);
  if (!same(spokenParagraphs(after), spokenParagraphs(deck))) return { ok: false, why: 'text' };
  if (hasErrors(after.problems) && !hasErrors(deck.problems)) return { ok: false, why: 'errors' };
  return { ok: true, markdown: next, deck: after };
}

/**
 * The slide of `after` to look at once `action` at `target` of `before` is taken: the one the paragraph starts
 * (found by its place in the spoken text, which actions keep), the one a slide was merged into, or the slide
 * raised or lowered.
 */
export function shownAfter(before: Deck, after: Deck, action: Action, target: Target): number {
  if (target.paragraph !== undefined) {
    const place = spokenParagraphs({ ...before, slides: before.slides.slice(0, target.slide) }).length + target.paragraph;
    let count = 0;
    return after.slides.findIndex((s) => {
      if (s.kind === 'title') return false;
      count += s.notes.length;
      return count > place;
    });
  }
  const line = before.slides[target.slide]!.line;
  if (action === 'merge')
    return Math.max(
      0,
      after.slides.findLastIndex((s) => s.kind !== 'agenda' && s.line < line),
    );
  return after.slides.findIndex((s) => s.line === line);
}
