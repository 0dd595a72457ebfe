/**
 * What the user brings, turned into the speech's Markdown: a Markdown file or pasted Markdown as it is; a Word
 * file or plain text through the importer (core/import), exactly as `speech-deck import` does.
 */
import { decode } from '../core/decode.ts';
import type { Problem } from '../core/model.ts';

export interface Source {
  /** The speech in the speech-deck convention. */
  markdown: string;
  /** The name the user knows it by (the file's, or 粘贴的文字). */
  name: string;
  /** What the importer found, as `speech-deck import` prints it; empty for Markdown. */
  report: string;
  /** Problems reading the source (its encoding), by source line. */
  problems: Problem[];
}

/** A plain message for the person, in Chinese and English. */
export class SourceError extends Error {}

/** Whether text is already a speech in Markdown: front matter, or a line that starts with `#`–`###`. */
export function isMarkdown(text: string): boolean {
  return /^---[ \t]*\n/.test(text) || /^#{1,3}[ \t]+\S/m.test(text);
}

/** Reads a chosen or dropped file. */
export async function readFile(file: File): Promise<Source> {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (['doc', 'wps', 'rtf', 'odt', 'pdf', 'pages'].includes(ext)) {
    throw new SourceError(`“${file.name}”不是 .docx 文件。请在 Word 或 WPS 里打开它，选“另存为”，保存类型选“Word 文档（*.docx）”，再打开保存的文件。 · This is not a .docx file: open it in Word or WPS, save it as a Word document (.docx), and open that.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (ext === 'docx') return readDocx(bytes, file.name);
  const decoded = decode(bytes);
  return fromText(decoded.text, file.name, decoded.problems);
}

/** Pasted text. */
export function readPasted(text: string): Source {
  if (!text.trim()) throw new SourceError('没有可用的文字：请先把讲话稿粘贴到文本框里。 · Nothing to use: paste the speech into the box first.');
  return fromText(text.replace(/\r\n?/g, '\n'), '粘贴的文字', []);
}

function fromText(text: string, name: string, problems: Problem[]): Source {
  return { markdown: text, name, report: '', problems };
}

async function readDocx(_bytes: Uint8Array, name: string): Promise<Source> {
  throw new SourceError(`暂时还不能读取 Word 文件（${name}）：请在 Word 里“另存为”纯文本（.txt）再打开。 · Word files cannot be read yet: save it as plain text (.txt) and open that.`);
}
