/**
 * The build's estimate of what fits on each slide, and warnings for what does not. It lays each slide out
 * as theme.css does, at the smallest size fit.ts may shrink it to (28 px key phrases), with the same places
 * to wrap (wrap.ts) and widths estimated from the characters: full-width ones are exactly 1 em in the
 * embedded fonts, Latin ones are guessed a little wide, so that it rather warns about a slide that fits
 * than misses one that does not. test/fit.browser.test.ts holds it to what the browser measures.
 */
import { SLIDE_LABELS } from './labels.ts';
import { CAPACITY } from './messages.ts';
import { type Deck, type Inline, type Problem, type Section, type Slide, unhandledSlideKind, type Visible } from './model.ts';
import { type Message, say } from './say.ts';
import { spokenCharacters } from './timing.ts';
import { chunksOf, isWide, lineCount, pauseBreaks, textWidth } from './wrap.ts';

/** The smallest text scale fit.ts uses (`--fit`). */
export const MIN_FIT = 0.5;
/** Spoken characters above which one slide holds too much speech: about seven minutes at 200 a minute. */
export const LONG_SPEECH = 1500;
/** Title length above which it cannot be set well in at most three lines. */
export const LONG_TITLE = 40;

// The slide's frame (theme.css `.reveal .frame`): 1920×1080 less a 14 px red band and the padding.
const FRAME = { width: 1920 - 150 - 150, height: 1080 - 14 - 96 - 120 };
// The title slide's frame: a 56 px band and more padding.
const TITLE_FRAME = { width: 1920 - 160 - 160, height: 1080 - 56 - 120 - 140 };
// The section opener: the seal (340 px and a 96 px gap) beside the body, 110 px from the left edge.
const OPENER_WIDTH = 1920 - 110 - 150;
const SEAL = 340 + 96;
/** What fit.ts leaves spare on each line for the browser's rounding. */
const SLACK = 2;
/** Pictures beside key phrases take this share of the width, after a gap; alone they take all of it. */
const PICTURE_SHARE = 0.44;
const PICTURE_GAP = 64;
const PICTURES_GAP = 32;
/** The least room a row of pictures keeps (240 px and its 24 px foot); on a section opener it is 480 px high. */
const PICTURES_MIN = 240 + 24;
const OPENER_PICTURES = 480 + 24;

const size = (base: number, min: number, fit: number) => Math.max(min, base * fit);

/** Lines a piece of text takes in a box `width` px wide at `font` px, wrapping where the deck allows. */
function lines(inline: Pick<Inline, 'text' | 'breaks'>, font: number, width: number, letterSpacing = 0): number {
  const text = inline.text.replace(/\s*\n\s*/g, ' ');
  const breaks = text === inline.text ? (inline.breaks ?? pauseBreaks(text)) : pauseBreaks(text);
  const widths = chunksOf(text, breaks).map((c) => textWidth(c, letterSpacing) * font);
  return lineCount(widths, width - SLACK);
}

const plain = (text: string): Pick<Inline, 'text'> => ({ text });

/** Height of a heading (h2): serif, 1.3 line height, its rule and the space under it. */
function headingHeight(inline: Pick<Inline, 'text' | 'breaks'>, width: number, fit: number): number {
  const font = size(84, 40, fit);
  return lines(inline, font, width, 0.02) * font * 1.3 + 28 + 4 + 52;
}

/** Height of a list of key phrases `width` px wide, each at `base` px scaled (48 for nested ones). */
function listHeight(points: Visible[], width: number, base: number, fit: number): number {
  if (!points.length) return 0;
  return points.reduce((sum, point) => {
    const font = size(point.depth ? 48 : base, 28, fit);
    const indent = (point.depth ? 2.5 : 1.25) * font;
    return sum + lines(point, font, width - indent) * font * 1.45 + 0.6 * font;
  }, 24);
}

/** Height of what sits under a heading: key phrases, pictures beside them or pictures alone. */
function bodyHeight(visible: Visible[], width: number, base: number, fit: number, pictureHeight = PICTURES_MIN): number {
  const points = visible.filter((v) => v.kind === 'point');
  const pictures = visible.some((v) => v.kind === 'image');
  if (!pictures) return listHeight(points, width, base, fit);
  if (!points.length) return pictureHeight;
  return Math.max(pictureHeight, listHeight(points, width * (1 - PICTURE_SHARE) - PICTURE_GAP, base, fit));
}

/** The running head of a slide: its section's heading, or the speech's title on the opening and closing. */
function runningHead(slide: Slide, deck: Deck): Pick<Inline, 'text' | 'breaks'> {
  if (slide.kind === 'point') return deck.sections[slide.section!]!.opener.heading;
  return deck.meta.title === deck.title.heading.text ? deck.title.heading : plain(deck.meta.title);
}

/** The agenda's sizes in one column and in two (theme.css `ol.agenda`, `ol.agenda.columns`), at scale 1 and least. */
const AGENDA = {
  1: { font: [60, 28], square: [112, 56], gap: [56, 24], numeralFont: [60, 28], leading: 1.4, width: FRAME.width, spacing: 40 },
  2: { font: [56, 28], square: [92, 48], gap: [36, 16], numeralFont: [48, 28], leading: 1.4, width: (FRAME.width - 80) / 2, spacing: 24 },
} as const;

/**
 * Height an agenda slide listing these sections needs at text scale `fit`: its heading, then the sections one to a
 * row in one column, or down the first column and then the second, rows level across the two.
 */
function agendaHeight(sections: readonly Section[], columns: 1 | 2, fit: number): number {
  const look = AGENDA[columns];
  const font = size(look.font[0], look.font[1], fit);
  const square = size(look.square[0], look.square[1], fit);
  const heights = sections.map((s) => {
    // The numeral's square widens for 十一 and the like.
    const numeral = s.numeral ? Math.max(square, ([...s.numeral].length + 0.4) * size(look.numeralFont[0], look.numeralFont[1], fit)) + look.spacing : 0;
    return Math.max(s.numeral ? square : 0, lines(s.title, font, look.width - numeral) * font * look.leading);
  });
  const rows = Math.ceil(heights.length / columns);
  const rowHeights = Array.from({ length: rows }, (_, r) => Math.max(heights[r] ?? 0, columns === 2 ? (heights[r + rows] ?? 0) : 0));
  const list = rowHeights.reduce((a, b) => a + b, 0) + size(look.gap[0], look.gap[1], fit) * Math.max(0, rows - 1) + 24;
  return headingHeight(plain(SLIDE_LABELS.agenda), FRAME.width, fit) + list;
}

/** Whether an agenda slide listing these sections fits at text scale `fit`, by the estimate. */
export function agendaFits(sections: readonly Section[], columns: 1 | 2, fit: number): boolean {
  return agendaHeight(sections, columns, fit) <= FRAME.height;
}

/**
 * Whether the title slide, as rendered, is already what fit.ts would make of it: the title on one line at full size
 * and everything below it inside the frame, so that fitting would leave it as it is (`--fit` 1, no line breaks). The
 * page can then show it in its very first frame, before any script has measured it (src/client/opening.ts); fit.ts
 * measures it again once it is on screen. Unlike the estimate above, this one must never be wrong the other way:
 * every character is taken at its widest, a whole em (full-width ones are exactly that in the embedded fonts,
 * printable ASCII is narrower in any font), and any other character leaves the title to the browser.
 */
export function titleFitsAsRendered(deck: Deck): boolean {
  const room = TITLE_FRAME.width - SLACK;
  const ems = (text: string) => {
    let count = 0;
    for (const char of text.replace(/\s*\n\s*/g, ' ')) {
      if (!isWide(char) && !/[\x20-\x7e]/.test(char)) return Number.POSITIVE_INFINITY;
      count++;
    }
    return count;
  };
  const lineCount = (text: string, font: number) => Math.max(1, Math.ceil((ems(text) * font) / room));
  const { meta, title } = deck;
  // The title at 100 px with 0.02 em between letters, on one line: fit.ts then breaks nothing.
  if (ems(title.heading.text) * 100 * 1.02 > room) return false;
  let needs = 100 * 1.35 + 56 + 4 + 60;
  if (meta.speaker) needs += lineCount(meta.speaker, 50) * 50 * 1.5 + 24;
  // The occasion and the date side by side, or each on its own row.
  needs += [meta.occasion, meta.date].filter(Boolean).reduce((rows, text) => rows + lineCount(text!, 40), 0) * 40 * 1.5;
  return needs <= TITLE_FRAME.height;
}

/** Whether the deck opens on its title slide and the page can show it as built, before its code runs (index.html). */
export function titleShownAsBuilt(deck: Deck): boolean {
  return deck.slides[0] === deck.title && titleFitsAsRendered(deck);
}

/** Height the slide's content needs, and the height it has, at text scale `fit`. */
function layout(slide: Slide, deck: Deck, fit: number): { needs: number; has: number } {
  switch (slide.kind) {
    case 'title': {
      const { meta } = deck;
      const font = size(100, 44, fit);
      let needs = lines(slide.heading, font, TITLE_FRAME.width, 0.02) * font * 1.35 + 56 + 4 + 60;
      if (meta.speaker) needs += lines(plain(meta.speaker), size(50, 28, fit), TITLE_FRAME.width) * size(50, 28, fit) * 1.5 + 24;
      const occasion = [meta.occasion, meta.date].filter(Boolean).join('\u3000\u3000');
      if (occasion) needs += lines(plain(occasion), size(40, 28, fit), TITLE_FRAME.width) * size(40, 28, fit) * 1.5;
      return { needs, has: TITLE_FRAME.height };
    }
    case 'agenda': {
      const listed = slide.agenda ? slide.agenda.sections.map((i) => deck.sections[i]!) : deck.sections;
      return { needs: agendaHeight(listed, slide.agenda?.columns ?? 1, fit), has: FRAME.height };
    }
    case 'section': {
      const section = deck.sections[slide.section!]!;
      const width = section.numeral ? OPENER_WIDTH - SEAL : OPENER_WIDTH;
      return { needs: headingHeight(section.title, width, fit) + bodyHeight(slide.visible, width, 54, fit, OPENER_PICTURES), has: FRAME.height };
    }
    case 'point':
    case 'opening':
    case 'closing': {
      const head = size(36, 28, fit);
      const running = lines(runningHead(slide, deck), head, FRAME.width - 32) * head * 1.4 + 28;
      const heading = slide.kind === 'point' ? slide.heading : plain(SLIDE_LABELS[slide.kind]);
      return { needs: running + headingHeight(heading, FRAME.width, fit) + bodyHeight(slide.visible, FRAME.width, 64, fit), has: FRAME.height };
    }
    default:
      return unhandledSlideKind(slide.kind);
  }
}

/** The slides whose content does not fit even at the smallest text size, by the estimate. */
export function slidesThatDoNotFit(deck: Deck): Slide[] {
  return deck.slides.filter((slide) => {
    const { needs, has } = layout(slide, deck, MIN_FIT);
    return needs > has;
  });
}

/**
 * The largest box a slide's pictures are shown in, each, in px of the 1920×1080 slide: beside the key
 * phrases or alone under the heading, shared by the pictures in a row. Pictures are embedded at no more
 * than twice this size.
 */
export function pictureBox(slide: Slide, deck: Deck): { width: number; height: number } {
  const count = Math.max(1, slide.visible.filter((v) => v.kind === 'image').length);
  const hasPoints = slide.visible.some((v) => v.kind === 'point');
  const section = slide.kind === 'section' ? deck.sections[slide.section!] : undefined;
  const full = section ? (section.numeral ? OPENER_WIDTH - SEAL : OPENER_WIDTH) : FRAME.width;
  const row = hasPoints ? full * PICTURE_SHARE : full;
  // Under a one-line heading and a running head, less the row's foot; on an opener, as high as theme.css makes them.
  const height = section ? OPENER_PICTURES - 24 : FRAME.height - (36 * 1.4 + 28) - headingHeight(plain('一'), full, 1) - 24;
  return { width: Math.round((row - PICTURES_GAP * (count - 1)) / count), height: Math.round(height) };
}

const TOO_FULL: Record<Slide['kind'], Message> = {
  title: CAPACITY.titleTooFull,
  agenda: CAPACITY.agendaTooFull,
  section: CAPACITY.sectionTooFull,
  point: CAPACITY.pointTooFull,
  opening: CAPACITY.openingTooFull,
  closing: CAPACITY.closingTooFull,
};

/**
 * Warnings about slides that hold too much: shown content that does not fit even shrunk to 28 px, a title
 * too long to set well, and spoken text too long for one slide. Pure.
 */
export function capacityProblems(deck: Deck): Problem[] {
  const problems: Problem[] = slidesThatDoNotFit(deck).map((slide) => ({ line: slide.line, severity: 'warning', message: say(TOO_FULL[slide.kind]) }));
  const title = [...deck.title.heading.text.trim()].length;
  if (title > LONG_TITLE) {
    problems.push({
      line: deck.title.line,
      severity: 'warning',
      message: say(CAPACITY.longTitle, { count: title, max: LONG_TITLE }),
    });
  }
  for (const slide of deck.slides) {
    const spoken = spokenCharacters(slide.notes.map((n) => n.text).join(''));
    if (spoken <= LONG_SPEECH) continue;
    const minutes = Math.round(spoken / deck.meta.rate);
    problems.push({
      line: slide.line,
      severity: 'warning',
      message: say(CAPACITY.longSlide, { spoken, minutes }),
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}
