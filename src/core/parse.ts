import type { Token } from 'markdown-it';
import { withDefaults } from './frontmatter.ts';
import { headingHints, markupHints } from './hints.ts';
import { arrange } from './arrange.ts';
import { escapeMarkup } from './escape.ts';
import { toInline, inlineHtml, inlineRuns, inlineText, plainInline } from './markdown.ts';
import type { Deck, Inline, Problem, Section, Slide, SlideKind, Visible } from './model.ts';
import { unreadLines } from './nesting.ts';
import { asRead, type ReadMarkdown } from './read.ts';
import { STRUCTURE } from './messages.ts';
import { type Message, say } from './say.ts';
import { createSlugger, slugBase } from './slug.ts';
import { structureProblems } from './structure.ts';

const RESERVED_IDS = ['title', 'opening', 'agenda', 'closing'];
/** What a Markdown block that is not part of the convention is called in a message. */
const BLOCKS: Record<string, Message> = { blockquote_open: STRUCTURE.quote, table_open: STRUCTURE.table };
const ENUMERATOR = /^\s*([一二三四五六七八九十百零〇]+|\d+)\s*[、.．]\s*/u;

/** Where the walk over the speech currently puts what it reads. */
interface State {
  title?: Slide;
  opening?: Slide;
  sections: Section[];
  closing?: Slide;
  problems: Problem[];
  slug: (text: string, within?: string) => string;
  /** How many file lines come before the body (the front matter). */
  bodyOffset: number;
  /** Turns a token's 0-based body line into a 1-based file line. */
  lineOf: (token: Token) => number;
  /** The Markdown after the front matter, line by line, to recover text markdown-it did not read. */
  bodyLines: string[];
  /** Level of the last heading read, to notice skipped levels. */
  level: number;
  /** Line of text found before any `#` title, reported once the whole speech is read. */
  beforeTitle?: number;
}

/**
 * Parses a speech written in the speech-deck convention into a deck model, from its text (decoded, so with `\n`
 * line ends) or from its Markdown as already read. Pure: no I/O.
 */
export function parse(speech: string | ReadMarkdown): Deck {
  const { front, readLines, flattened, tokens } = asRead(speech);
  const state: State = {
    sections: [],
    problems: [...front.problems],
    slug: createSlugger(RESERVED_IDS),
    bodyOffset: front.bodyOffset,
    lineOf: (token) => (token.map ? token.map[0] : 0) + front.bodyOffset + 1,
    bodyLines: [],
    level: 0,
  };
  state.bodyLines = readLines;
  for (const i of flattened) warn(state, i + front.bodyOffset + 1, say(STRUCTURE.tooManyMarkers));
  for (let i = 0; i < tokens.length; i = blockEnd(tokens, i) + 1) readBlock(state, tokens, i);
  if (front.body.trim()) finish(state, front.unclosedUntil ?? 0);
  else error(state, front.bodyOffset + 1, say(front.bodyOffset > 0 ? STRUCTURE.nothingAfterSettings : STRUCTURE.emptyFile));
  giveIds(state);
  const title = state.title ?? untitled(front.settings.title);
  const parts: Omit<Deck, 'slides'> = { meta: withDefaults(front.settings, title.heading.text), title, sections: state.sections, problems: [] };
  if (state.opening) parts.opening = state.opening;
  if (state.closing) parts.closing = state.closing;
  const deck: Deck = { ...parts, slides: arrange(parts) };
  deck.problems = [...state.problems, ...structureProblems(deck)].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return deck;
}

function readBlock(state: State, tokens: Token[], i: number): void {
  const token = tokens[i]!;
  const line = state.lineOf(token);
  if (token.type === 'heading_open') return readHeading(state, token, tokens[i + 1]!, line);
  if (token.type === 'hr') return startClosing(state, line);
  const block = tokens.slice(i, blockEnd(tokens, i) + 1);
  if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
    addVisible(state, line, listItems(state, block));
  } else if (token.type === 'paragraph_open') {
    return readParagraph(state, tokens[i + 1]!, line);
  } else {
    readOther(state, block, line);
  }
  recoverLost(state, block);
}

function readHeading(state: State, open: Token, inline: Token, line: number): void {
  const heading = readInline(state, inline, line);
  const level = Number(open.tag.slice(1));
  const previous = state.level;
  state.level = level;
  if (open.markup === '=' || open.markup === '-') {
    warn(state, line + 1, say(STRUCTURE.underlined));
  }
  if (!heading.text.trim()) return error(state, line, say(STRUCTURE.emptyHeading, { marks: open.markup }));
  if (open.tag === 'h1') return setTitle(state, heading);
  if (open.tag === 'h2') return addSection(state, heading);
  if (open.tag === 'h3') return addPoint(state, heading);
  const marks = { marks: open.markup, previous: '#'.repeat(previous) };
  const skipped = previous ? STRUCTURE.skippedLevelAfter : STRUCTURE.skippedLevel;
  warn(state, line, say(level > previous + 1 ? skipped : STRUCTURE.deepHeading, marks));
  addVisible(state, line, [{ ...heading, kind: 'point', depth: 0 }]);
}

function setTitle(state: State, heading: Inline): void {
  if (state.title) {
    error(state, heading.line, say(STRUCTURE.secondTitle));
    return addVisible(state, heading.line, [{ ...heading, kind: 'point', depth: 0 }]);
  }
  // The title is the first line of the speech, so its text opens the notes too.
  state.title = slide('title', 'title', heading, [heading]);
}

function addSection(state: State, heading: Inline): void {
  if (state.closing) {
    error(state, heading.line, say(STRUCTURE.sectionAfterClosing));
  }
  const match = ENUMERATOR.exec(heading.text);
  const numeral = match?.[1] ?? '';
  const title = match ? stripPrefix(heading, match[0]) : heading;
  // Ids are given once the whole speech is read (giveIds): a sub-point's depends on the sections after it.
  const opener = slide('section', '', heading);
  state.sections.push({ numeral, title, opener, points: [] });
}

function addPoint(state: State, heading: Inline): void {
  const section = state.sections.at(-1);
  if (!section || state.closing) {
    error(state, heading.line, say(state.closing ? STRUCTURE.pointAfterClosing : STRUCTURE.pointBeforeSection));
    // Kept as a key phrase, so that the heading's text is not lost while the error is fixed.
    return addVisible(state, heading.line, [{ ...heading, kind: 'point', depth: 0 }]);
  }
  section.points.push(slide('point', '', heading));
}

function startClosing(state: State, line: number): void {
  if (!state.sections.length) return warn(state, line, say(STRUCTURE.ruleBeforeSection));
  if (state.closing) return warn(state, line, say(STRUCTURE.secondRule));
  state.closing = slide('closing', 'closing', plainInline('', line));
}

function readParagraph(state: State, inline: Token, line: number): void {
  const children = inline.children ?? [];
  const images = onlyImages(children);
  if (images)
    return addVisible(
      state,
      line,
      images.map((img) => picture(img, line)),
    );
  state.problems.push(...headingHints(inline.content, line));
  current(state, line).notes.push(readInline(state, inline, line));
}

/** Quotes, code and tables are not part of the convention: their text is kept as spoken text. */
function readOther(state: State, block: Token[], line: number): void {
  const first = block[0]!;
  const target = current(state, line);
  if (first.type === 'code_block' || first.type === 'fence') {
    warn(state, line, say(first.type === 'code_block' ? STRUCTURE.indentedCode : STRUCTURE.fencedCode));
    const text = first.content.replace(/\n$/, '');
    target.notes.push(plainInline(text, line, escapeMarkup(text).replace(/\n/g, '<br>')));
    return;
  }
  warn(state, line, say(STRUCTURE.otherBlock, { block: BLOCKS[first.type] ?? STRUCTURE.block }));
  for (const token of block) if (token.type === 'inline') target.notes.push(readInline(state, token, state.lineOf(token)));
}

/** Text of one inline token, with hints about markup that is shown as written. */
function readInline(state: State, token: Token, line: number): Inline {
  state.problems.push(...markupHints(token.content, line));
  if (token.children?.some((c) => c.type === 'image')) {
    warn(state, line, say(STRUCTURE.pictureInText));
  }
  return toInline(token, line);
}

/** The pictures of a paragraph or list item that holds nothing else, or undefined. */
function onlyImages(children: Token[]): Token[] | undefined {
  const images = children.filter((c) => c.type === 'image');
  const only =
    images.length > 0 && children.every((c) => c.type === 'image' || /^(softbreak|hardbreak)$/.test(c.type) || (c.type === 'text' && !c.content.trim()));
  return only ? images : undefined;
}

/** A picture the audience sees; its address is kept so that the loader can embed the file. */
function picture(img: Token, line: number): Visible {
  return { line, kind: 'image', depth: 0, html: inlineHtml([img]), text: inlineText([img]), runs: inlineRuns([img]), target: String(img.attrGet('src') ?? '') };
}

// markdown-it stops reading blocks nested deeper than its limit; their lines are kept as spoken text.
function recoverLost(state: State, block: Token[]): void {
  for (const { index, text } of unreadLines(block, state.bodyLines)) {
    const line = index + state.bodyOffset + 1;
    warn(state, line, say(STRUCTURE.nestedTooDeeply));
    current(state, line).notes.push(plainInline(text, line));
  }
}

function listItems(state: State, block: Token[]): Visible[] {
  const items: Visible[] = [];
  let depth = -1;
  for (const token of block) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--;
    else if (token.type === 'inline') {
      const images = onlyImages(token.children ?? []);
      if (images) items.push(...images.map((img) => picture(img, state.lineOf(token))));
      else items.push({ ...readInline(state, token, state.lineOf(token)), kind: 'point', depth });
    }
  }
  return items;
}

function addVisible(state: State, line: number, items: Visible[]): void {
  current(state, line).visible.push(...items);
}

/** The slide that text at `line` belongs to; text before the title still lands in the opening. */
function current(state: State, line: number): Slide {
  if (state.closing) return state.closing;
  const section = state.sections.at(-1);
  if (section) return section.points.at(-1) ?? section.opener;
  if (!state.title && !state.opening) state.beforeTitle = line;
  state.opening ??= slide('opening', 'opening', plainInline('', line));
  return state.opening;
}

/** Reports what the whole speech lacks; text before the title that is an unclosed front matter is said once, by it. */
function finish(state: State, unclosedUntil: number): void {
  if (!state.title) error(state, state.beforeTitle ?? 1, say(STRUCTURE.noTitle));
  else if (state.beforeTitle && state.beforeTitle >= unclosedUntil) error(state, state.beforeTitle, say(STRUCTURE.textBeforeTitle));
  if (!state.sections.length) warn(state, state.title?.line ?? 1, say(STRUCTURE.noSections));
  if (state.closing && !state.closing.visible.length && !state.closing.notes.length) {
    warn(state, state.closing.line, say(STRUCTURE.emptyClosing));
    delete state.closing;
  }
}

/**
 * Gives each section and sub-point its id, in speech order. A sub-point heading that several sections share (（一）主要成效
 * in each part of a work report) is normal: each such slide's id names its section, so that it keeps its own
 * address whatever is added or removed elsewhere.
 */
function giveIds(state: State): void {
  const sectionsWith = new Map<string, Set<Section>>();
  for (const section of state.sections) {
    for (const point of section.points) {
      const base = slugBase(point.heading.text);
      sectionsWith.set(base, (sectionsWith.get(base) ?? new Set()).add(section));
    }
  }
  for (const section of state.sections) {
    section.opener.id = state.slug(section.title.text);
    for (const point of section.points) {
      const shared = sectionsWith.get(slugBase(point.heading.text))!.size > 1;
      point.id = shared ? state.slug(point.heading.text, section.title.text) : state.slug(point.heading.text);
    }
  }
}

function slide(kind: SlideKind, id: string, heading: Inline, notes: Inline[] = []): Slide {
  return { kind, id, heading, line: heading.line, visible: [], notes, seconds: 0 };
}

function stripPrefix(heading: Inline, prefix: string): Inline {
  const text = heading.text.slice(prefix.length);
  // Enumerators are plain text, so the HTML starts with the same characters, escaped identically.
  const html = heading.html.startsWith(prefix) ? heading.html.slice(prefix.length) : escapeMarkup(text);
  return { line: heading.line, html, text, runs: dropLeading(heading.runs, prefix.length) };
}

/** Runs without their first `count` characters. */
function dropLeading(runs: Inline['runs'], count: number): Inline['runs'] {
  const kept: Inline['runs'] = [];
  for (const run of runs) {
    const cut = Math.min(count, run.text.length);
    count -= cut;
    if (cut < run.text.length) kept.push({ ...run, text: run.text.slice(cut) });
  }
  return kept;
}

function untitled(title: string | undefined): Slide {
  const text = title || 'Untitled';
  return slide('title', 'title', plainInline(text, 1));
}

/** Index of the token that closes the block opened at `i` (or `i` itself for single tokens). */
function blockEnd(tokens: Token[], i: number): number {
  const open = tokens[i]!;
  if (open.nesting !== 1) return i;
  let j = i + 1;
  while (j < tokens.length && !(tokens[j]!.level === open.level && tokens[j]!.nesting === -1)) j++;
  return j;
}

function warn(state: State, line: number, message: string): void {
  state.problems.push({ line, severity: 'warning', message });
}

function error(state: State, line: number, message: string): void {
  state.problems.push({ line, severity: 'error', message });
}
