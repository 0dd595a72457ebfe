/** The deck model: what `parse` builds from a speech and `render` turns into reveal.js HTML. */

export type Severity = 'error' | 'warning';

/** A problem in the author's text, reported as `file:line[:column]: message`. */
export interface Problem {
  line: number;
  column?: number;
  severity: Severity;
  message: string;
}

export type ThemeName = 'light' | 'dark';

/** Settings from the front matter, with defaults filled in. */
export interface Meta {
  /** Short title for the browser tab and PDF metadata; defaults to the `#` heading. */
  title: string;
  occasion: string;
  speaker: string;
  date: string;
  /** Speaking rate in characters per minute, used for pacing. */
  rate: number;
  theme: ThemeName;
}

/** A stretch of author text with one set of inline marks, for outputs that are not HTML (PowerPoint, Word). */
export interface Run {
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
  code?: true;
}

/** One piece of author text, kept as escaped HTML, as plain text, and as runs carrying its inline marks. */
export interface Inline {
  line: number;
  html: string;
  text: string;
  runs: Run[];
  /**
   * Offsets in `text` where a line may wrap, between words (see wrap.ts). Found by a word segmenter when the
   * speech is loaded, for headings and key phrases; without them lines wrap only at pause marks.
   */
  breaks?: number[];
}

/** Something the audience sees on a slide: a key phrase or an image. */
export interface Visible extends Inline {
  kind: 'point' | 'image';
  /** Nesting depth of the list item, 0 for top-level. */
  depth: number;
  /** An image's address as written in the speech (a path relative to it, or a data: URL). */
  target?: string;
  /** An image as embedded in the deck: a data: URL made from `target` when the speech is loaded. */
  src?: string;
}

export type SlideKind = 'title' | 'opening' | 'agenda' | 'section' | 'point' | 'closing';

/**
 * The default branch of every switch over slide kinds, each of which has a case for every kind: a kind added to
 * SlideKind without its case leaves `kind` a possible value here, and the type checker names that switch.
 */
export function unhandledSlideKind(kind: never): never {
  throw new Error(`no case for the slide kind "${String(kind)}"`);
}

export interface Slide {
  kind: SlideKind;
  /** Stable id used in `#/id` links; derived from the heading. */
  id: string;
  /** Heading as shown on the slide (HTML and plain text). */
  heading: Inline;
  /** Line of the heading or first content, 1-based, in the source file. */
  line: number;
  visible: Visible[];
  /** What the speaker says, verbatim, one entry per paragraph. */
  notes: Inline[];
  /** Planned seconds for this slide at the speech's rate (reveal's `data-timing`). */
  seconds: number;
  /** Index in `Deck.sections` of the section a section opener or sub-point belongs to. */
  section?: number;
  /** On an agenda slide: the sections it lists (indices in `Deck.sections`), and in one column or two. */
  agenda?: { sections: number[]; columns: 1 | 2 };
}

export interface Section {
  /** The enumerator before the title, such as `一` in `一、…`; empty when there is none. */
  numeral: string;
  /** The heading without its enumerator. */
  title: Inline;
  opener: Slide;
  points: Slide[];
}

export interface Deck {
  meta: Meta;
  title: Slide;
  opening?: Slide;
  sections: Section[];
  closing?: Slide;
  /**
   * Every slide as it is shown, in order: title, opening, agenda, each section's opener and sub-points, closing.
   * The one place the order is decided; every output walks this list.
   */
  slides: Slide[];
  problems: Problem[];
}

/** Every slide with spoken text, in speech order (the agenda is generated and carries no notes). */
export function spokenSlides(deck: Deck): Slide[] {
  return deck.slides.filter((slide) => slide.kind !== 'agenda');
}

/** True when any problem is an error, meaning the deck must not be built. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
