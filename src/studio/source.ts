/**
 * What the user brings, turned into the speech's Markdown: a Markdown file or pasted Markdown as it is; a Word
 * file (.docx, .doc, .wps, known by its content) or plain text through the importer (core/import), exactly as
 * `speech-deck import` does.
 */
import { decode } from '../core/decode.ts';
import type { DocxImage } from '../core/docx/reader.ts';
import { importReport, importSpeech, textParagraphs, type SourceParagraph, type WordReview } from '../core/import/index.ts';
import type { Notice } from '../core/import/structure.ts';
import { hasErrors, type Problem } from '../core/model.ts';
import { say } from '../core/say.ts';
import { openSource, UnreadableFile, type WordSource } from '../core/word/open.ts';
import { toBase64 } from './base64.ts';
import { STATUS } from './messages.ts';
import { fileName } from './save.ts';
import { SourceError } from './source-error.ts';
import { segment } from './words.ts';

export interface Source {
  /** The speech in the speech-deck convention. */
  markdown: string;
  /** The name the user knows it by (the file's, or 粘贴的文字). */
  name: string;
  /** What the importer found, as `speech-deck import` prints it; empty for Markdown. */
  report: string;
  /** Problems reading the source (its encoding), by source line. */
  problems: Problem[];
  /** What the report's numbers of the original count: lines of a text file, paragraphs of a Word file. */
  unit?: 'line' | 'paragraph';
}

export { SourceError };

/** Whether text is already a speech in Markdown: front matter, or a line that starts with `#`–`###`. */
export function isMarkdown(text: string): boolean {
  return /^---[ \t]*\n/.test(text) || /^#{1,3}[ \t]+\S/m.test(text);
}

/** Reads a chosen or dropped file, by what its bytes are rather than its name. */
export async function readFile(file: File): Promise<Source> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let opened: Awaited<ReturnType<typeof openSource>>;
  try {
    opened = await openSource(bytes, file.name, 'images');
  } catch (error) {
    if (error instanceof UnreadableFile) throw new SourceError(`“${file.name}”：${say(error.said, error.values)}`);
    throw error;
  }
  return opened.kind === 'word' ? fromWord(opened, file.name) : fromText(opened.text, file.name, opened.problems);
}

/** Pasted text. */
export function readPasted(text: string): Source {
  if (!text.trim()) throw new SourceError(say(STATUS.noText));
  // Pasted text goes through the same decoding as a file: line ends and control characters are dealt with there.
  const decoded = decode(new TextEncoder().encode(text));
  return fromText(decoded.text, STATUS.pasted.zh, decoded.problems);
}

function fromText(text: string, name: string, problems: Problem[]): Source {
  if (isMarkdown(text)) return { markdown: text, name, report: '', problems };
  if (hasErrors(problems)) throw new SourceError(problems.map((p) => p.message).join('\n'));
  return imported(textParagraphs(text), name, 'line', [], problems);
}

/** Pictures go into the Markdown as data: URIs (the deck's policy admits no other), in the formats it shows. */
const SHOWN = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

function fromWord(docx: WordSource, name: string): Source {
  const byPath = new Map<string, DocxImage>(docx.images.map((image) => [`images/${image.name}`, image]));
  const paragraphs = docx.paragraphs.map((p) => {
    const image = p.image && byPath.get(p.image.src);
    return image && SHOWN.has(image.contentType) ? { ...p, image: { ...p.image!, src: `data:${image.contentType};base64,${toBase64(image.data)}` } } : p;
  });
  return imported(paragraphs, name, 'paragraph', docx.notices, [], docx.review);
}

/** The importer's Markdown and report for a Word or text file's paragraphs, as `speech-deck import` makes them. */
function imported(
  paragraphs: SourceParagraph[],
  name: string,
  unit: 'line' | 'paragraph',
  notices: Notice[],
  problems: Problem[],
  review?: WordReview,
): Source {
  if (!paragraphs.some((p) => p.text.trim())) throw new SourceError(say(STATUS.emptyFile, { name }));
  const result = importSpeech(paragraphs, { segment });
  const output = fileName(result.deck.meta.title, 'md');
  // Problems reading the file are in the report, by the file's own lines.
  return {
    markdown: result.markdown,
    name,
    report: importReport(result, { source: name, output, unit, notices, problems, ...(review ? { review } : {}) }),
    problems: [],
    unit,
  };
}
