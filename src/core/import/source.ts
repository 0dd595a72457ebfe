/**
 * What the importer reads: a speech as a list of paragraphs, the common ground of a Word file and a text file.
 * The readers (Node for files, a browser for a dropped file) fill it; everything after it is pure.
 */

/** A picture in the speech, already saved where the Markdown can point to it. */
export interface SourceImage {
  /** Path as written into the Markdown, relative to the Markdown file. */
  src: string;
  alt: string;
}

/** One paragraph of the source, with what Word shows about it. */
export interface SourceParagraph {
  /** Where it is in the source: the line of a text file, the paragraph number of a Word file (1-based). */
  line: number;
  /** The paragraph's text as typed. */
  text: string;
  /** Automatic numbering Word displays in front of the text (一、 （一） 1.), not part of the typed text. */
  numbering?: string;
  /** Word's Title and Subtitle styles, and the level of a Heading N style. */
  style?: { title?: boolean; subtitle?: boolean; heading?: number };
  /** Bold stretches of `text`, as [start, end) offsets. */
  bold?: ReadonlyArray<readonly [number, number]>;
  /** The text came from a table cell or row, so its reading order is a guess. */
  fromTable?: boolean;
  /** The paragraph is a picture rather than text. */
  image?: SourceImage;
}

/** Cuts text into words; the importer uses it to weigh the words of each slide when drafting key phrases. */
export type Segmenter = (text: string) => string[];

/** A decoded text file's paragraphs: each non-blank line is one, as offices save Word text (one paragraph a line). */
export function textParagraphs(text: string): SourceParagraph[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((p) => p.text.trim() !== '');
}

/** The text a paragraph shows: its numbering, then its typed text. Bold offsets are shifted to match. */
export function shownText(p: SourceParagraph): { text: string; bold: Array<[number, number]> } {
  const prefix = p.numbering ?? '';
  const bold = (p.bold ?? []).map(([s, e]) => [s + prefix.length, e + prefix.length] as [number, number]);
  return { text: prefix + p.text, bold };
}

/**
 * What a Word file holds besides the text that is spoken, for the report: text Word hides, comments, tracked
 * changes, text boxes, notes and fields. Line numbers are paragraph numbers, as in `SourceParagraph.line`.
 */
export interface WordReview {
  /** Hidden passages left out: where, and their words. */
  hidden: Array<{ line: number; text: string }>;
  /** Comments (批注): who wrote them, where, what they say and the words they are on. */
  comments: Array<{ line: number; author: string; text: string; on: string }>;
  /** Tracked changes not yet accepted; they are read as accepted. */
  revisions: { insertions: number; deletions: number; line: number };
  /** Text boxes and shapes with text: taken into the spoken text after their paragraph, or left out. */
  textBoxes: Array<{ line: number; text: string; taken: boolean }>;
  /** Footnotes and endnotes, never spoken. */
  notes: Array<{ line: number; kind: 'footnote' | 'endnote'; text: string }>;
  /** Fields whose text is not spoken: a table of contents, page numbers. */
  fields: Array<{ line: number; kind: 'toc' | 'page' }>;
  /** Pictures and objects that could not be taken along. */
  objects: Array<{ line: number }>;
}

/** A review with nothing in it. */
export function emptyReview(): WordReview {
  return { hidden: [], comments: [], revisions: { insertions: 0, deletions: 0, line: 0 }, textBoxes: [], notes: [], fields: [], objects: [] };
}
