import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { Inline, Run } from './model.ts';

/** How deep blocks nest before markdown-it stops reading; a list level takes two (the list and its item). */
export const MAX_NESTING = 50;

/** One markdown-it instance, with raw HTML off so that author text can never become markup. */
export const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false, maxNesting: MAX_NESTING }).enable(['strikethrough']);

/** Renders an inline token's children to escaped HTML. */
export function inlineHtml(children: Token[]): string {
  return md.renderer.renderInline(children, md.options, {});
}

/**
 * Renders text that has pictures inside it with each picture as its description: a picture is shown only
 * on a line of its own, where it is embedded (an `<img>` left pointing at a file would be blocked offline).
 */
function textHtml(children: Token[]): string {
  if (!children.some((c) => c.type === 'image')) return inlineHtml(children);
  return inlineHtml(children.flatMap((c) => (c.type === 'image' ? (c.children ?? []) : [c])));
}

/** The plain text of inline children, as it would be read aloud. */
export function inlineText(children: readonly Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
    else if (child.type === 'image') text += inlineText(child.children ?? []);
  }
  return text;
}

const MARKS: Record<string, keyof Omit<Run, 'text'>> = { strong: 'bold', em: 'italic', s: 'strike' };

/** The text of inline children as runs with their marks (bold, italic, struck, code), adjacent alike runs joined. */
export function inlineRuns(children: readonly Token[]): Run[] {
  const open: Partial<Record<keyof Omit<Run, 'text'>, number>> = {};
  const runs: Run[] = [];
  const push = (text: string, extra: Partial<Run> = {}) => {
    if (!text) return;
    const run: Run = { text };
    for (const [mark, depth] of Object.entries(open)) if (depth) run[mark as keyof Omit<Run, 'text'>] = true;
    Object.assign(run, extra);
    const last = runs.at(-1);
    if (last && sameMarks(last, run)) last.text += text;
    else runs.push(run);
  };
  for (const child of children) {
    const [name, edge] = child.type.split(/_(open|close)$/);
    const mark = MARKS[name!];
    if (mark && edge) open[mark] = (open[mark] ?? 0) + (edge === 'open' ? 1 : -1);
    else if (child.type === 'text') push(child.content);
    else if (child.type === 'code_inline') push(child.content, { code: true });
    else if (child.type === 'softbreak' || child.type === 'hardbreak') push('\n');
    else if (child.type === 'image') push(inlineText(child.children ?? []));
  }
  return runs;
}

function sameMarks(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code;
}

/** Builds an Inline from an `inline` token at a given file line. */
export function toInline(token: Token, line: number): Inline {
  const children = token.children ?? [];
  return { line, html: textHtml(children), text: inlineText(children), runs: inlineRuns(children) };
}

/** An Inline for plain text that is no Markdown (generated labels, text kept as written), escaped for HTML. */
export function plainInline(text: string, line: number, html = md.utils.escapeHtml(text)): Inline {
  return { line, html, text, runs: text ? [{ text }] : [] };
}
