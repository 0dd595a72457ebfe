/**
 * Import: a speech as paragraphs (from a Word or text file) → structure → key phrases → Markdown in the
 * speech-deck convention, read back with the deck's own parser. Pure: the caller reads files and brings a word
 * segmenter, so the same code runs in Node and in a browser.
 */
import { parse } from '../parse.ts';
import type { Imported } from './imported.ts';
import { draftPhrases, type PhraseSlide } from './phrases.ts';
import type { Segmenter, SourceParagraph } from './source.ts';
import { findStructure, type OutlineTree, type Part, type SlideRef } from './structure.ts';
import { slideKey, writeMarkdown } from './write.ts';

export { textParagraphs, type Segmenter, type SourceImage, type SourceParagraph, type WordReview } from './source.ts';
export { CLOSING_CUES, type OutlineTree } from './structure.ts';
export { slideKey } from './write.ts';
export { importReport, type ReportOptions } from './report.ts';
export type { Imported } from './imported.ts';

export interface ImportOptions {
  segment: Segmenter;
  /** Speaking rate written into the front matter, characters a minute. */
  rate?: number;
}

/** Finds the structure of a speech, drafts its key phrases and writes it as Markdown. */
export function importSpeech(paragraphs: readonly SourceParagraph[], options: ImportOptions): Imported {
  const tree = findStructure(paragraphs);
  const slides = phraseSlides(tree);
  const drafted = draftPhrases(
    slides.map((s) => s.slide),
    options.segment,
  );
  const phrases = new Map(slides.map((s, i) => [slideKey(s.ref), drafted[i]!]));
  const written = writeMarkdown(tree, { phrases, ...(options.rate ? { rate: options.rate } : {}) });
  return { tree, markdown: written.markdown, lines: written.lines, sourceLines: written.sourceLines, phrases, deck: parse(written.markdown) };
}

/** Every slide that shows key phrases, with what it already shows and what is said on it. */
function phraseSlides(tree: OutlineTree): Array<{ ref: SlideRef; slide: PhraseSlide }> {
  const texts = (part: Part) => part.paragraphs.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
  const title = tree.title.text;
  const slides: Array<{ ref: SlideRef; slide: PhraseSlide }> = [];
  if (tree.opening) slides.push({ ref: { kind: 'opening' }, slide: { headings: [title], texts: texts(tree.opening) } });
  tree.sections.forEach((section, s) => {
    slides.push({ ref: { kind: 'section', section: s }, slide: { headings: [section.heading.text], texts: texts(section.intro) } });
    section.points.forEach((point, p) => {
      slides.push({ ref: { kind: 'point', section: s, point: p }, slide: { headings: [point.heading.text, section.heading.text], texts: texts(point) } });
    });
  });
  if (tree.closing) slides.push({ ref: { kind: 'closing' }, slide: { headings: [title], texts: texts(tree.closing) } });
  return slides;
}
