import { HINTS } from './messages.ts';
import type { Problem } from './model.ts';
import { type Message, say } from './say.ts';

/** A line that looks like a heading but is not one, and what to write instead. */
const FALSE_HEADINGS: ReadonlyArray<[RegExp, Message]> = [
  [/^(#{1,6})\u3000/, HINTS.fullWidthSpace],
  [/^([＃]{1,6})/, HINTS.fullWidthHash],
  [/^(#{1,6})(?=[^\s#])/, HINTS.noSpace],
];

// Tags as people type them; markdown-it shows them as text because raw HTML is off.
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/;
const UNSAFE_LINK = /\]\(\s*<?\s*(javascript|vbscript|file|data):(?!image\/(?:gif|png|jpeg|webp);)/i;

/** Hints for a paragraph's source lines that look like headings but are plain text. */
export function headingHints(content: string, line: number): Problem[] {
  const problems: Problem[] = [];
  content.split('\n').forEach((text, i) => {
    for (const [pattern, message] of FALSE_HEADINGS) {
      const match = pattern.exec(text);
      if (!match) continue;
      const marks = match[1]!;
      problems.push({ line: line + i, column: 1, severity: 'warning', message: say(message, { marks, half: '#'.repeat(marks.length) }) });
      break;
    }
  });
  return problems;
}

/** Hints for author text that would be markup elsewhere: HTML tags and links that are refused. */
export function markupHints(content: string, line: number): Problem[] {
  const problems: Problem[] = [];
  content.split('\n').forEach((source, i) => {
    // Inside `code` a tag is meant to be shown as written.
    const text = source.replace(/`+[^`]*`+/g, '');
    if (TAG.test(text)) {
      problems.push({ line: line + i, severity: 'warning', message: say(HINTS.htmlTag) });
    }
    const link = UNSAFE_LINK.exec(text);
    if (link) {
      problems.push({ line: line + i, severity: 'warning', message: say(HINTS.refusedLink, { scheme: link[1]!.toLowerCase() }) });
    }
  });
  return problems;
}
