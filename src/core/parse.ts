import type { Token } from 'markdown-it';
import { withDefaults } from './frontmatter.ts';
import { headingHints, markupHints } from './hints.ts';
import { arrange } from './arrange.ts';
import { escapeMarkup } from './escape.ts';
import { toInline, inlineHtml, inlineRuns, inlineText, plainInline } from './markdown.ts';
import type { Deck, Inline, Problem, Section, Slide, SlideKind, Visible } from './model.ts';
import { unreadLines } from './nesting.ts';
import { asRead, type ReadMarkdown } from './read.ts';
import { createSlugger } from './slug.ts';
import { structureProblems } from './structure.ts';

const RESERVED_IDS = ['title', 'opening', 'agenda', 'closing'];
const ENUMERATOR = /^\s*([一二三四五六七八九十百零〇]+|\d+)\s*[、.．]\s*/u;

/** Where the walk over the speech currently puts what it reads. */
interface State {
  title?: Slide;
  opening?: Slide;
  sections: Section[];
  closing?: Slide;
  problems: Problem[];
  slug: (text: string) => string;
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
  for (const i of flattened)
    warn(state, i + front.bodyOffset + 1, 'this line opens too many quotes or lists ("> > > …", "- - - …") to be read as Markdown; it is kept as spoken text');
  for (let i = 0; i < tokens.length; i = blockEnd(tokens, i) + 1) readBlock(state, tokens, i);
  if (front.body.trim()) finish(state);
  else error(state, front.bodyOffset + 1, emptyMessage(front.bodyOffset > 0));
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
    warn(state, line + 1, 'the line under this text makes it a heading; leave a blank line before "---" if you meant to start the closing');
  }
  if (!heading.text.trim()) return error(state, line, `an empty ${open.markup} heading: write the heading's text after the marks`);
  if (open.tag === 'h1') return setTitle(state, heading);
  if (open.tag === 'h2') return addSection(state, heading);
  if (open.tag === 'h3') return addPoint(state, heading);
  const after = previous ? ` after "${'#'.repeat(previous)}"` : '';
  warn(
    state,
    line,
    level > previous + 1
      ? `this "${open.markup}" heading skips a level${after}; sub-points use "###". It is shown as a key phrase`
      : `"${open.markup}" headings are not part of the convention; this one is shown as a key phrase`,
  );
  addVisible(state, line, [{ ...heading, kind: 'point', depth: 0 }]);
}

function setTitle(state: State, heading: Inline): void {
  if (state.title) {
    error(state, heading.line, 'a second "#" title: a speech has one title; use "##" for a section');
    return addVisible(state, heading.line, [{ ...heading, kind: 'point', depth: 0 }]);
  }
  // The title is the first line of the speech, so its text opens the notes too.
  state.title = slide('title', 'title', heading, [heading]);
}

function addSection(state: State, heading: Inline): void {
  if (state.closing) {
    error(state, heading.line, 'a section after the closing "---": move the closing to the end or remove the "---"');
  }
  const match = ENUMERATOR.exec(heading.text);
  const numeral = match?.[1] ?? '';
  const title = match ? stripPrefix(heading, match[0]) : heading;
  const opener = slide('section', state.slug(title.text), heading);
  state.sections.push({ numeral, title, opener, points: [] });
}

function addPoint(state: State, heading: Inline): void {
  const section = state.sections.at(-1);
  if (!section || state.closing) {
    error(
      state,
      heading.line,
      state.closing
        ? 'a "###" sub-point after the closing "---": move it above the "---" into a section'
        : 'a "###" sub-point before any "##" section (a heading level is skipped): add a "## section" heading above it',
    );
    // Kept as a key phrase, so that the heading's text is not lost while the error is fixed.
    return addVisible(state, heading.line, [{ ...heading, kind: 'point', depth: 0 }]);
  }
  section.points.push(slide('point', state.slug(heading.text), heading));
}

function startClosing(state: State, line: number): void {
  if (!state.sections.length) return warn(state, line, '"---" before any section is ignored; it starts the closing only after the last section');
  if (state.closing) return warn(state, line, 'a second "---" is ignored: the closing has already started');
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
    warn(
      state,
      line,
      first.type === 'code_block'
        ? 'this text is indented by four spaces or more, which Markdown reads as code; it is kept as spoken text, but remove the indent'
        : 'a fenced code block is kept as spoken text',
    );
    const text = first.content.replace(/\n$/, '');
    target.notes.push(plainInline(text, line, escapeMarkup(text).replace(/\n/g, '<br>')));
    return;
  }
  warn(state, line, `a ${first.type.replace(/_open$/, '')} is not part of the convention; its text is kept as spoken text`);
  for (const token of block) if (token.type === 'inline') target.notes.push(readInline(state, token, state.lineOf(token)));
}

/** Text of one inline token, with hints about markup that is shown as written. */
function readInline(state: State, token: Token, line: number): Inline {
  state.problems.push(...markupHints(token.content, line));
  if (token.children?.some((c) => c.type === 'image')) {
    warn(
      state,
      line,
      '这张图片夹在文字中间，只显示它的说明文字：请把 ![说明](图片) 单独写成一行 · a picture inside text is shown as its description only: put "![…](…)" on a line of its own',
    );
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
    warn(state, line, 'this line is nested too deeply ("> > > …" or lists in lists) to be read as Markdown; it is kept as spoken text');
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

function finish(state: State): void {
  if (!state.title) error(state, state.beforeTitle ?? 1, 'no title: start the speech with a line "# title"');
  else if (state.beforeTitle) error(state, state.beforeTitle, 'text before the "#" title: the speech should start with "# title"');
  if (!state.sections.length) warn(state, state.title?.line ?? 1, 'no "##" sections: the deck has only a title, opening and closing');
  if (state.closing && !state.closing.visible.length && !state.closing.notes.length) {
    warn(state, state.closing.line, 'nothing after the closing "---": the closing slide is left out');
    delete state.closing;
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

function emptyMessage(hasSettings: boolean): string {
  return hasSettings
    ? 'there is no speech after the front matter: write it below the closing "---", starting with a line "# title"'
    : 'the file is empty: write the speech in Markdown, starting with a line "# title"';
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
