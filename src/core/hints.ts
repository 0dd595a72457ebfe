import type { Problem } from './model.ts';

/** A line that looks like a heading but is not one, and what to write instead. */
const FALSE_HEADINGS: ReadonlyArray<[RegExp, (marks: string) => string]> = [
  [/^(#{1,6})\u3000/, (m) => `this line starts with "${m}" and a full-width space, so it is not a heading: use an ordinary space after "${m}"`],
  [/^([＃]{1,6})/, (m) => `"${m}" is a full-width "＃", so this line is not a heading: write "${'#'.repeat(m.length)} " (half-width, then a space)`],
  [/^(#{1,6})(?=[^\s#])/, (m) => `there is no space after "${m}", so this line is not a heading: write "${m} " followed by the heading`],
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
      problems.push({ line: line + i, column: 1, severity: 'warning', message: `${message(match[1]!)}; the line is kept as spoken text` });
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
      problems.push({ line: line + i, severity: 'warning', message: 'HTML tags are shown as written, never applied: use Markdown (such as **bold**) instead' });
    }
    const link = UNSAFE_LINK.exec(text);
    if (link) {
      problems.push({
        line: line + i,
        severity: 'warning',
        message: `links to "${link[1]!.toLowerCase()}:" addresses are refused and shown as text: link to a web address (https://…) instead`,
      });
    }
  });
  return problems;
}
