/**
 * Importing the office's Word or text file: read it into paragraphs, find its structure, and write it as a speech in
 * the Markdown convention (with its pictures), with a report of what was found. The finding and writing are pure
 * (src/core/import/); this module reads and writes the files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { decode } from '../../core/decode.ts';
import { importReport, importSpeech, textParagraphs, type Imported, type SourceParagraph } from '../../core/import/index.ts';
import type { Notice } from '../../core/import/structure.ts';
import { hasErrors, type Problem } from '../../core/model.ts';
import { words } from '../../proofread/segmenter.ts';
import { NotDocxError, readDocx, type DocxImage } from '../../core/docx/reader.ts';
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

/** Word's and WPS's older or other formats: each gets the same plain advice. */
const OTHER_FORMATS: Record<string, string> = {
  '.doc': 'Word 97–2003 (.doc)',
  '.dot': 'Word 97–2003 template (.dot)',
  '.wps': 'WPS (.wps)',
  '.wpt': 'WPS template (.wpt)',
  '.rtf': 'RTF (.rtf)',
  '.odt': 'OpenDocument (.odt)',
  '.pdf': 'PDF (.pdf)',
  '.pages': 'Pages (.pages)',
  '.docm': 'Word with macros (.docm)',
  '.dotx': 'Word template (.dotx)',
};
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '']);
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function saveAsDocx(file: string, kind: string): CLIError {
  return new CLIError(
    `${file}: 不能直接读取 ${kind} 文件。请用 Word 或 WPS 打开，“文件 → 另存为”，类型选“Word 文档 (*.docx)”，再导入新保存的 .docx。\n` +
      `${file}: cannot read a ${kind} file. Open it in Word or WPS, choose File → Save As, type "Word Document (*.docx)", and import the new .docx.`,
  );
}

/** Reads the source into paragraphs, by its extension and its first bytes. */
async function readSource(
  path: string,
  folder: string,
): Promise<{ paragraphs: SourceParagraph[]; images: DocxImage[]; notices: Notice[]; problems: Problem[]; unit: 'line' | 'paragraph' }> {
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
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    throw new CLIError(
      `${file}: 已经是 Markdown 讲话稿，不用导入；直接放映 · is already a speech in Markdown, nothing to import; present it with:  npm start -- ${file}`,
    );
  }
  if (OTHER_FORMATS[ext]) throw saveAsDocx(file, OTHER_FORMATS[ext]);
  if (startsWith(bytes, OLE)) throw saveAsDocx(file, 'Word 97–2003 (.doc) / WPS');
  if (ext === '.docx' || startsWith(bytes, ZIP)) {
    try {
      const docx = await readDocx(bytes, folder);
      return { ...docx, problems: [], unit: 'paragraph' };
    } catch (error) {
      if (error instanceof NotDocxError) throw saveAsDocx(file, ext === '.docx' ? 'damaged or renamed .docx' : `${ext || 'zip'}`);
      throw error;
    }
  }
  if (!TEXT_EXTENSIONS.has(ext)) throw saveAsDocx(file, `${ext}`);
  const decoded = decode(bytes);
  if (hasErrors(decoded.problems)) {
    throw new CLIError(
      decoded.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${file}:${p.line}: error: ${p.message}`)
        .join('\n'),
    );
  }
  return { paragraphs: textParagraphs(decoded.text), images: [], notices: [], problems: decoded.problems, unit: 'line' };
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
      zh: `${pictures.length} 张图片存进了 ${displayPath(join(dirname(output), folder))}，并在幻灯片上引用`,
      en: `${pictures.length > 1 ? `${pictures.length} pictures` : '1 picture'} saved in ${displayPath(join(dirname(output), folder))} and shown on ${pictures.length > 1 ? 'their slides' : 'its slide'}`,
    });
  }
  const report = importReport(imported, { source: displayPath(input), output: displayPath(output), unit: source.unit, notices, problems: source.problems });
  for (const picture of pictures) writeNew(picture.path, picture.data, !!request.force);
  writeNew(output, imported.markdown, !!request.force);
  return { imported, written: targets, report };
}
