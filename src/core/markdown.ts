import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { Inline } from './model.ts';

/** How deep blocks nest before markdown-it stops reading; a list level takes two (the list and its item). */
export const MAX_NESTING = 50;

/** One markdown-it instance, with raw HTML off so that author text can never become markup. */
export const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false, maxNesting: MAX_NESTING }).enable(['strikethrough']);

/** Renders an inline token's children to escaped HTML. */
export function inlineHtml(children: Token[]): string {
  return md.renderer.renderInline(children, md.options, {});
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

/** Builds an Inline from an `inline` token at a given file line. */
export function toInline(token: Token, line: number): Inline {
  const children = token.children ?? [];
  return { line, html: inlineHtml(children), text: inlineText(children) };
}
