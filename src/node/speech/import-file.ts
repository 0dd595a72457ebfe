/**
 * Importing the office's Word or text file (.docx, .doc, .wps or text, known by its content): read it into paragraphs, find its structure, and write it as a speech in
 * the Markdown convention (with its pictures), with a report of what was found. The finding and writing are pure
 * (src/core/import/); this module reads and writes the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { DocxImage } from '../../core/docx/reader.ts';
import { importReport, importSpeech, textParagraphs, type Imported, type SourceParagraph, type WordReview } from '../../core/import/index.ts';
import { REPORT } from '../../core/import/messages.ts';
import type { Notice } from '../../core/import/structure.ts';
import { hasErrors, type Problem } from '../../core/model.ts';
import { both, say } from '../../core/say.ts';
import { openSource, UnreadableFile } from '../../core/word/open.ts';
import { words } from '../../proofread/segmenter.ts';
import { CLIError } from '../errors.ts';
import { displayPath } from '../files/paths.ts';
import { writeNew } from '../files/write-new.ts';

export interface ImportRequest {
  /** The Word or text file. */
  input: string;
  /** The Markdown to write; defaults to slides/<name>.md under the working directory. */
  output?: string | undefined;
  /** Replace files that exist already. */
  force?: boolean | undefined;
}

export interface ImportResult {
  imported: Imported;
  /** Every file written, Markdown last. */
  written: string[];
  report: string;
}

/** Reads the source into paragraphs, by what its bytes are (core/word/open.ts), whatever its name. */
async function readSource(path: string, folder: string): Promise<SourceRead> {
  const file = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CLIError(
      code === 'ENOENT'
        ? `${file}: 没有这个文件 · no such file`
        : code === 'EISDIR'
          ? `${file}: 这是文件夹，不是文件 · is a folder, not a file`
          : `${file}: 无法读取 · cannot be read (${code ?? String(error)})`,
    );
  }
  let opened: Awaited<ReturnType<typeof openSource>>;
  try {
    opened = await openSource(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path), folder);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new CLIError(`${file}: ${say(error.said, error.values)}`);
    throw error;
  }
  if (opened.kind === 'word') return { ...opened, problems: [], unit: 'paragraph' };
  if (/^\.(md|markdown)$/i.test(extname(path))) {
    throw new CLIError(
      `${file}: 已经是 Markdown 讲话稿，不用导入；直接放映 · is already a speech in Markdown, nothing to import; present it with:  npm start -- ${file}`,
    );
  }
  if (hasErrors(opened.problems)) {
    throw new CLIError(
      opened.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${file}:${p.line}: error: ${p.message}`)
        .join('\n'),
    );
  }
  return { paragraphs: textParagraphs(opened.text), images: [], notices: [], problems: opened.problems, unit: 'line' };
}

interface SourceRead {
  paragraphs: SourceParagraph[];
  images: DocxImage[];
  notices: Notice[];
  problems: Problem[];
  unit: 'line' | 'paragraph';
  review?: WordReview;
}

/** Imports a speech: reads it, writes the Markdown (and its pictures) and returns the report. */
export async function importFile(request: ImportRequest): Promise<ImportResult> {
  const input = resolve(request.input);
  const name = basename(input, extname(input));
  const output = resolve(request.output ?? join('slides', `${name}.md`));
  if (extname(output).toLowerCase() !== '.md') throw new CLIError(`${displayPath(output)}: 输出文件应以 .md 结尾 · the output should end in .md`);
  const folder = `${basename(output, extname(output))}-images`;
  const source = await readSource(input, folder);
  if (!source.paragraphs.some((p) => p.text.trim())) throw new CLIError(`${displayPath(input)}: 文件里没有文字 · there is no text in the file`);

  const imported = importSpeech(source.paragraphs, { segment: (text) => words(text).map((w) => w.word) });
  const pictures = source.images.map((img) => ({ path: join(dirname(output), folder, img.name), data: img.data }));
  const targets = [...pictures.map((p) => p.path), output];
  const existing = request.force ? [] : targets.filter((t) => existsSync(t));
  if (existing.length) {
    throw new CLIError(
      `${existing.map(displayPath).join(', ')}: 已经存在，没有改动；要覆盖请加 --force，或用 -o 指定别的文件 · ${existing.length > 1 ? 'already exist, left as they are; add --force to replace them' : 'already exists, left as it is; add --force to replace it'}, or choose another file with -o`,
    );
  }
  const notices = [...source.notices];
  if (pictures.length) {
    notices.push({
      line: source.paragraphs.find((p) => p.image)!.line,
      ...both(REPORT.picturesSaved, { count: pictures.length, folder: displayPath(join(dirname(output), folder)) }),
    });
  }
  const report = importReport(imported, {
    source: displayPath(input),
    output: displayPath(output),
    unit: source.unit,
    notices,
    problems: source.problems,
    ...(source.review ? { review: source.review } : {}),
  });
  for (const picture of pictures) writeNew(picture.path, picture.data, !!request.force);
  writeNew(output, imported.markdown, !!request.force);
  return { imported, written: targets, report };
}
