import type { Token } from 'markdown-it';
import { splitFrontMatter, withDefaults } from './frontmatter.ts';
import { md, toInline, inlineHtml, inlineText } from './markdown.ts';
import type { Deck, Inline, Problem, Section, Slide, SlideKind, Visible } from './model.ts';
import { createSlugger } from './slug.ts';

const RESERVED_IDS = ['title', 'opening', 'agenda', 'closing'];
const ENUMERATOR = /^\s*([一二三四五六七八九十百零〇]+|\d+)\s*[、.．]\s*/u;
const EMPTY: Inline = { line: 0, html: '', text: '' };

/** Where the walk over the speech currently puts what it reads. */
interface State {
  title?: Slide;
  opening?: Slide;
  sections: Section[];
  closing?: Slide;
  problems: Problem[];
  slug: (text: string) => string;
  /** Turns a token's 0-based body line into a 1-based file line. */
  lineOf: (token: Token) => number;
}

/** Parses a speech written in the speech-deck convention into a deck model. Pure: no I/O. */
export function parse(source: string): Deck {
  const text = source.replace(/\r\n?/g, '\n');
  const front = splitFrontMatter(text);
  const state: State = {
    sections: [],
    problems: [...front.problems],
    slug: createSlugger(RESERVED_IDS),
    lineOf: (token) => (token.map ? token.map[0] : 0) + front.bodyOffset + 1,
  };
  const tokens = md.parse(front.body, {});
  for (let i = 0; i < tokens.length; i = blockEnd(tokens, i) + 1) readBlock(state, tokens, i);
  finish(state);
  const title = state.title ?? untitled(front.settings.title);
  const deck: Deck = {
    meta: withDefaults(front.settings, title.heading.text),
    title,
    sections: state.sections,
    problems: state.problems.sort((a, b) => a.line - b.line),
  };
  if (state.opening) deck.opening = state.opening;
  if (state.closing) deck.closing = state.closing;
  return deck;
}

function readBlock(state: State, tokens: Token[], i: number): void {
  const token = tokens[i]!;
  const line = state.lineOf(token);
  if (token.type === 'heading_open') return readHeading(state, token, tokens[i + 1]!, line);
  if (token.type === 'hr') return startClosing(state, line);
  if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
    return addVisible(state, line, listItems(tokens.slice(i, blockEnd(tokens, i) + 1), state.lineOf));
  }
  if (token.type === 'paragraph_open') return readParagraph(state, tokens[i + 1]!, line);
  readOther(state, tokens.slice(i, blockEnd(tokens, i) + 1), line);
}

function readHeading(state: State, open: Token, inline: Token, line: number): void {
  const heading = toInline(inline, line);
  if (open.markup === '=' || open.markup === '-') {
    warn(state, line + 1, 'the line under this text makes it a heading; leave a blank line before "---" if you meant to start the closing');
  }
  if (!heading.text.trim()) return error(state, line, `an empty ${open.markup} heading: write the heading's text after the marks`);
  if (open.tag === 'h1') return setTitle(state, heading);
  if (open.tag === 'h2') return addSection(state, heading);
  if (open.tag === 'h3') return addPoint(state, heading);
  warn(state, line, `"${open.markup}" headings are not part of the convention; this one is shown as a key phrase`);
  addVisible(state, line, [{ ...heading, kind: 'point', depth: 0 }]);
}

function setTitle(state: State, heading: Inline): void {
  if (state.title) return error(state, heading.line, 'a second "#" title: a speech has one title; use "##" for a section');
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
    return error(state, heading.line, 'a "###" sub-point must come after a "##" section heading');
  }
  section.points.push(slide('point', state.slug(heading.text), heading));
}

function startClosing(state: State, line: number): void {
  if (!state.sections.length) return warn(state, line, '"---" before any section is ignored; it starts the closing only after the last section');
  if (state.closing) return warn(state, line, 'a second "---" is ignored: the closing has already started');
  state.closing = slide('closing', 'closing', { ...EMPTY, line });
}

function readParagraph(state: State, inline: Token, line: number): void {
  const children = inline.children ?? [];
  const images = children.filter((c) => c.type === 'image');
  const onlyImages = images.length > 0 && children.every((c) => c.type === 'image' || /^(softbreak|hardbreak)$/.test(c.type) || (c.type === 'text' && !c.content.trim()));
  if (onlyImages) {
    return addVisible(state, line, images.map((img) => ({ line, kind: 'image' as const, depth: 0, html: inlineHtml([img]), text: inlineText([img]) })));
  }
  current(state, line).notes.push(toInline(inline, line));
}

/** Quotes, code and tables are not part of the convention: their text is kept as spoken text. */
function readOther(state: State, block: Token[], line: number): void {
  const first = block[0]!;
  const target = current(state, line);
  if (first.type === 'code_block' || first.type === 'fence') {
    warn(state, line, first.type === 'code_block'
      ? 'this text is indented by four spaces or more, which Markdown reads as code; it is kept as spoken text, but remove the indent'
      : 'a fenced code block is kept as spoken text');
    const text = first.content.replace(/\n$/, '');
    target.notes.push({ line, text, html: md.utils.escapeHtml(text).replace(/\n/g, '<br>') });
    return;
  }
  warn(state, line, `a ${first.type.replace(/_open$/, '')} is not part of the convention; its text is kept as spoken text`);
  for (const token of block) if (token.type === 'inline') target.notes.push(toInline(token, state.lineOf(token)));
}

function listItems(block: Token[], lineOf: (t: Token) => number): Visible[] {
  const items: Visible[] = [];
  let depth = -1;
  for (const token of block) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--;
    else if (token.type === 'inline') items.push({ ...toInline(token, lineOf(token)), kind: 'point', depth });
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
  if (!state.title && !state.opening) error(state, line, 'text before the "#" title: the speech should start with "# title"');
  state.opening ??= slide('opening', 'opening', { ...EMPTY, line });
  return state.opening;
}

function finish(state: State): void {
  if (!state.title) error(state, 1, 'no title: start the speech with a line "# title"');
  if (!state.sections.length) warn(state, state.title?.line ?? 1, 'no "##" sections: the deck has only a title, opening and closing');
  if (state.closing && !state.closing.visible.length && !state.closing.notes.length) {
    warn(state, state.closing.line, 'nothing after the closing "---": the closing slide is left out');
    delete state.closing;
  }
}

function slide(kind: SlideKind, id: string, heading: Inline, notes: Inline[] = []): Slide {
  return { kind, id, heading, line: heading.line, visible: [], notes };
}

function stripPrefix(heading: Inline, prefix: string): Inline {
  const text = heading.text.slice(prefix.length);
  // Enumerators are plain text, so the HTML starts with the same characters, escaped identically.
  const html = heading.html.startsWith(prefix) ? heading.html.slice(prefix.length) : md.utils.escapeHtml(text);
  return { line: heading.line, html, text };
}

function untitled(title: string | undefined): Slide {
  const text = title || 'Untitled';
  return slide('title', 'title', { line: 1, html: md.utils.escapeHtml(text), text });
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
