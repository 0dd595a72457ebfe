/**
 * Edits the studio makes to a speech's Markdown, the one source of truth it keeps: a heading or a key phrase
 * changed, a phrase added or removed, the theme chosen. Each edit touches one line the parser pointed at
 * (`Slide.line`, `Visible.line`) and leaves every other character as it was, so the spoken text cannot change
 * and the saved Markdown builds with the CLI into the deck the studio shows. Pure.
 */
import { splitFrontMatter } from '../core/frontmatter.ts';
import type { ThemeName } from '../core/model.ts';

const ATX = /^( {0,3}#{1,6}[ \t]+)(.*?)((?:[ \t]+#+)?[ \t]*)$/;
const ITEM = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$/;

/** One line of text as it may go into a Markdown line: no line breaks, no leading marker that changes the block. */
export function oneLine(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  // A leading marker would make the line a different block: escape it. An ordered list's 1. as 1\.
  if (/^\d{1,9}[.)](\s|$)/.test(line)) return line.replace(/^(\d+)/, '$1\\');
  // A leading #, >, bullet, setext underline (===) or thematic break (---, ***, ___) is escaped.
  return /^(#|>|[-*+](\s|$)|=+\s*$|([-*_])(\s*\3){2,}\s*$)/.test(line) ? `\\${line}` : line;
}

function lines(markdown: string): string[] {
  return markdown.split('\n');
}

function at(all: string[], line: number): string {
  const text = all[line - 1];
  if (text === undefined) throw new Error(`the speech has no line ${line}`);
  return text;
}

/** The Markdown source of a heading or list item's text, as the editor shows it. */
export function lineSource(markdown: string, line: number): string {
  const text = at(lines(markdown), line);
  return ATX.exec(text)?.[2] ?? ITEM.exec(text)?.[2] ?? text.trim();
}

/** Replaces the text of the heading at `line` (`#`…`######`, or a setext heading's text line). */
export function setHeading(markdown: string, line: number, text: string): string {
  const all = lines(markdown);
  const old = at(all, line);
  const atx = ATX.exec(old);
  // A heading's trailing #s would be read as its closing sequence.
  const content = oneLine(text).replace(/(\s)(#+)$/, '$1\\$2');
  all[line - 1] = atx ? `${atx[1]}${content}${atx[3]}` : content;
  return all.join('\n');
}

/** Replaces the text of the list item (key phrase) at `line`, keeping its marker and indent. */
export function setItem(markdown: string, line: number, text: string): string {
  const all = lines(markdown);
  const item = ITEM.exec(at(all, line));
  if (!item) throw new Error(`line ${line} is not a list item`);
  all[line - 1] = `${item[1]}${oneLine(text)}`;
  return all.join('\n');
}

/** Removes the list item at `line`, with the lines that continue it. */
export function removeItem(markdown: string, line: number): string {
  const all = lines(markdown);
  if (!ITEM.test(at(all, line))) throw new Error(`line ${line} is not a list item`);
  all.splice(line - 1, 1 + continuation(all, line));
  return all.join('\n');
}

/** How many lines after the item at `line` continue it (indented, not blank, not another item). */
function continuation(all: string[], line: number): number {
  let n = 0;
  while (line + n < all.length && /^[ \t]+\S/.test(all[line + n]!) && !ITEM.test(all[line + n]!)) n++;
  return n;
}

/** Adds a key phrase after the item at `line` (a slide's last phrase), in the same list and with the same marker. */
export function addItem(markdown: string, line: number, text: string): string {
  const all = lines(markdown);
  const item = ITEM.exec(at(all, line));
  if (!item) throw new Error(`line ${line} is not a list item`);
  const marker = item[1]!.replace(/\d{1,9}(?=[.)])/, (n) => String(Number(n) + 1));
  all.splice(line + continuation(all, line), 0, `${marker}${oneLine(text)}`);
  return all.join('\n');
}

/**
 * Starts a list of key phrases for a slide that has none, as a block of its own before line `before` (the line
 * after the slide's heading, or the first line of its spoken text), with blank lines around it.
 */
export function startList(markdown: string, before: number, text: string): string {
  const all = lines(markdown);
  const index = Math.min(Math.max(before - 1, 0), all.length);
  const block = [`- ${oneLine(text)}`];
  if (index > 0 && all[index - 1]!.trim() !== '') block.unshift('');
  if (index < all.length && all[index]!.trim() !== '') block.push('');
  all.splice(index, 0, ...block);
  return all.join('\n');
}

/** Whether a line is a heading or a thematic break (`---`), after which a slide's phrases may start. */
export function isBlockStart(markdown: string, line: number): boolean {
  const text = lines(markdown)[line - 1] ?? '';
  return ATX.test(text) || /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/.test(text);
}

/** Sets `theme:` in the front matter, adding the setting, or a front matter, when there is none. */
export function setTheme(markdown: string, theme: ThemeName): string {
  const front = splitFrontMatter(markdown);
  const all = lines(markdown);
  if (front.bodyOffset === 0 || front.problems.some((p) => p.severity === 'error')) return `---\ntheme: ${theme}\n---\n\n${markdown}`;
  const closing = front.bodyOffset - 1;
  const existing = all.findIndex((line, i) => i > 0 && i < closing && /^theme[ \t]*:/.test(line));
  if (existing >= 0) all[existing] = `theme: ${theme}`;
  else all.splice(closing, 0, `theme: ${theme}`);
  return all.join('\n');
}

const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;

/** Whether the line is an ATX heading (`##`, `###` …) the studio can raise, lower or remove. */
export function isAtxHeading(markdown: string, line: number): boolean {
  return ATX.test(lines(markdown)[line - 1] ?? '');
}

/** Whether the line is a thematic break (`---`), which starts the closing. */
export function isRule(markdown: string, line: number): boolean {
  return RULE.test(lines(markdown)[line - 1] ?? '');
}

/** Inserts `block` as lines of their own before line `before`, with a blank line on each side. */
function insertBlock(markdown: string, before: number, block: string[]): string {
  const all = lines(markdown);
  const index = Math.min(Math.max(before - 1, 0), all.length);
  const added = [...block];
  if (index > 0 && all[index - 1]!.trim() !== '') added.unshift('');
  if (index < all.length && all[index]!.trim() !== '') added.push('');
  all.splice(index, 0, ...added);
  return all.join('\n');
}

/** Starts a section (level 2) or a sub-point (level 3) headed `text` before line `before`, a paragraph's first line. */
export function insertHeading(markdown: string, before: number, level: 2 | 3, text: string): string {
  const content = oneLine(text).replace(/(\s)(#+)$/, '$1\\$2');
  return insertBlock(markdown, before, [`${'#'.repeat(level)} ${content}`]);
}

/** Starts the closing before line `before`: a line `---`. */
export function insertRule(markdown: string, before: number): string {
  return insertBlock(markdown, before, ['---']);
}

/** Removes the heading or `---` at `line`, and a blank line it leaves doubled, so that what follows joins what went before. */
export function removeLine(markdown: string, line: number): string {
  const all = lines(markdown);
  const text = at(all, line);
  if (!ATX.test(text) && !RULE.test(text)) throw new Error(`line ${line} is not a heading or a rule`);
  const blankBefore = line > 1 && all[line - 2]!.trim() === '';
  const blankAfter = line < all.length && all[line]!.trim() === '';
  all.splice(line - 1, blankBefore && blankAfter ? 2 : 1);
  return all.join('\n');
}

/** Gives the ATX heading at `line` the level `level` (2 for a section, 3 for a sub-point), keeping its text. */
export function setLevel(markdown: string, line: number, level: 2 | 3): string {
  const all = lines(markdown);
  const atx = ATX.exec(at(all, line));
  if (!atx) throw new Error(`line ${line} is not an ATX heading`);
  all[line - 1] = `${atx[1]!.replace(/#+/, '#'.repeat(level))}${atx[2]}${atx[3]}`;
  return all.join('\n');
}
