/** Sentences and clauses of Chinese text, as offsets into it, so that every cut keeps the text verbatim. */

export interface Span {
  start: number;
  end: number;
  text: string;
}

// A sentence ends at 。！？ (or ！？ half-width), together with the closing quotes and brackets after it.
const SENTENCE = /[^。！？!?]*(?:[。！？!?]+[”’」』）)》]*|$)/gu;
// Clauses end at any pause mark except 、, which joins the items of a series.
const CLAUSE = /[^，。；：！？,;:!?]*(?:[，。；：！？,;:!?]+[”’」』）)》]*|$)/gu;

function spans(text: string, pattern: RegExp, offset: number): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    if (!m[0]) continue;
    found.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  }
  return found;
}

/** The sentences of a text, each with its closing punctuation; together they cover the text exactly. */
export function sentences(text: string, offset = 0): Span[] {
  return spans(text, SENTENCE, offset);
}

/** The clauses of a text, each with the punctuation after it; together they cover the text exactly. */
export function clauses(text: string, offset = 0): Span[] {
  return spans(text, CLAUSE, offset);
}

/** Punctuation and spaces trimmed off both ends: a sentence as a heading or key phrase shows it. */
export function bare(text: string): string {
  return text.replace(/^[\s，。；：！？、,.;:!?]+/u, '').replace(/[\s，。；：！？、,.;:!?]+$/u, '');
}

/** Where the bare form of `span` starts and ends inside it. */
export function bareSpan(span: Span): Span {
  const text = bare(span.text);
  const start = span.start + span.text.indexOf(text);
  return { start, end: start + text.length, text };
}

/** Characters that count towards length: letters and digits of any script, as read aloud. */
export function length(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}
