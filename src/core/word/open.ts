/**
 * Opens the file a person brings to import, by what it is rather than what it is called: a .docx (whatever its
 * name), a Word 97–2003 .doc or WPS .wps, or text; anything else gets a plain answer naming what it really is.
 * Pure, so that `speech-deck import` and the studio open files with this one function.
 */
import { decode, type Decoded } from '../decode.ts';
import { NotDocxError, readDocx, type DocxImage } from '../docx/reader.ts';
import type { Notice } from '../import/structure.ts';
import type { SourceParagraph, WordReview } from '../import/source.ts';
import { FILE_MESSAGES, OTHER_OFFICE } from './messages.ts';
import { readOle, UnreadableFile } from './ole.ts';
import { sniff } from './sniff.ts';

export { UnreadableFile } from './ole.ts';

/** A Word file's paragraphs, pictures, remarks and what the report should tell of it. */
export interface WordSource {
  kind: 'word';
  /** docx for Office Open XML, doc for Word 97–2003 and WPS's .wps. */
  format: 'docx' | 'doc';
  paragraphs: SourceParagraph[];
  images: DocxImage[];
  notices: Notice[];
  review: WordReview;
}

/** A text file, decoded. */
export interface TextSource extends Decoded {
  kind: 'text';
}

/** Opens a file's bytes; `folder` is where the Markdown will find a Word file's pictures. Throws UnreadableFile. */
export async function openSource(bytes: Uint8Array, name: string, folder: string): Promise<WordSource | TextSource> {
  const kind = sniff(bytes);
  switch (kind) {
    case 'zip':
      return { kind: 'word', format: 'docx', ...(await readZip(bytes)) };
    case 'ole':
      return { kind: 'word', format: 'doc', images: [], notices: [], ...readOle(bytes, name) };
    case 'rtf':
      throw new UnreadableFile(FILE_MESSAGES.rtf);
    case 'html':
      throw new UnreadableFile(FILE_MESSAGES.html);
    case 'mht':
      throw new UnreadableFile(FILE_MESSAGES.mht);
    case 'word-xml':
      throw new UnreadableFile(FILE_MESSAGES.wordXml);
    case 'pdf':
      throw new UnreadableFile(FILE_MESSAGES.pdf);
    case 'picture':
      throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.picture);
    case 'binary':
      throw new UnreadableFile(/\.wp[st]$/i.test(name) ? FILE_MESSAGES.oldWps : FILE_MESSAGES.binary);
    case 'text':
      return { kind: 'text', ...decode(bytes) };
  }

  async function readZip(zip: Uint8Array) {
    try {
      return await readDocx(zip, folder);
    } catch (error) {
      if (!(error instanceof NotDocxError)) throw new UnreadableFile(FILE_MESSAGES.damaged, { why: (error as Error).message });
      if (/xl\/workbook/.test(error.message)) throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.excel);
      if (/ppt\/presentation/.test(error.message)) throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.powerpoint);
      if (/opendocument/.test(error.message)) throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.opendocument);
      throw new UnreadableFile(FILE_MESSAGES.notWord);
    }
  }
}
