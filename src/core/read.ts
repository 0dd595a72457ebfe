import type { Token } from 'markdown-it';
import { splitFrontMatter, type FrontMatter } from './frontmatter.ts';
import { md } from './markdown.ts';
import { flattenDeepLines } from './nesting.ts';

/**
 * A speech's Markdown read once: its front matter and markdown-it's tokens of the body. The parser builds the
 * deck from it and the proofreader finds the prose in it, so a command that does both reads the Markdown once.
 * Line ends are already `\n`: `decode` makes them so, and everything that reads a speech goes through it.
 */
export interface ReadMarkdown {
  front: FrontMatter;
  /** The body's lines as written. */
  lines: string[];
  /** The body's lines as markdown-it read them: lines nested deeper than anyone means are flattened to text. */
  readLines: string[];
  /** Which body lines were flattened (0-based). */
  flattened: number[];
  tokens: Token[];
}

/** Reads a speech's front matter and Markdown (one markdown-it pass). Pure: no I/O. */
export function readMarkdown(text: string): ReadMarkdown {
  const front = splitFrontMatter(text);
  const lines = front.body.split('\n');
  const { lines: readLines, flattened } = flattenDeepLines(lines);
  return { front, lines, readLines, flattened, tokens: md.parse(readLines.join('\n'), {}) };
}

/** The Markdown read, from text or as already read. */
export function asRead(speech: string | ReadMarkdown): ReadMarkdown {
  return typeof speech === 'string' ? readMarkdown(speech) : speech;
}
