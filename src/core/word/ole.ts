/**
 * Office's older files are OLE compound files: a little file system of streams. `cfb` (SheetJS) opens the
 * container in Node and in the browser alike; what is inside decides the answer: a Word 97–2003 document (a .doc,
 * or a .wps saved by WPS 2005 or later), a file with a password, or another Office file.
 */
import CFB from 'cfb';
import type { Message, Values } from '../say.ts';
import { Bytes } from './bytes.ts';
import { type DocContent, readDoc } from './doc-reader.ts';
import { readFib } from './fib.ts';
import { FILE_MESSAGES, OTHER_OFFICE } from './messages.ts';

/** A file the importer cannot read, with what to say about it. */
export class UnreadableFile extends Error {
  constructor(
    readonly said: Message,
    readonly values: Values = {},
  ) {
    super(said.en);
  }
}

/** The version below which a WordDocument stream is Word 6.0 or 95. */
const WORD_97 = 101;

/** Reads a Word 97–2003 or WPS document from an OLE compound file; anything else is an UnreadableFile. */
export function readOle(bytes: Uint8Array, name: string): DocContent {
  let container: CFB.CFB$Container;
  try {
    container = CFB.parse(bytes);
  } catch {
    throw new UnreadableFile(FILE_MESSAGES.notWord);
  }
  const stream = (name: string) => {
    const entry = CFB.find(container, `/${name}`);
    return entry?.content ? new Bytes(Uint8Array.from(entry.content as ArrayLike<number>)) : undefined;
  };
  const has = (name: string) => CFB.find(container, `/${name}`) !== null;
  if (has('EncryptedPackage') || has('EncryptionInfo')) throw new UnreadableFile(FILE_MESSAGES.password);
  const word = stream('WordDocument');
  if (!word) {
    if (has('Workbook') || has('Book')) throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.excel);
    if (has('PowerPoint Document')) throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.powerpoint);
    if (has('MatOST') || has('CONTENTS')) throw new UnreadableFile(FILE_MESSAGES.otherOffice, OTHER_OFFICE.works);
    throw new UnreadableFile(/\.wp[st]$/i.test(name) ? FILE_MESSAGES.oldWps : FILE_MESSAGES.notWord);
  }
  const fib = readFib(word);
  if (!fib) throw new UnreadableFile(FILE_MESSAGES.notWord);
  if (fib.version < WORD_97) throw new UnreadableFile(FILE_MESSAGES.word95);
  if (fib.encrypted) throw new UnreadableFile(FILE_MESSAGES.password);
  const table = stream(fib.tableStream);
  if (!table) throw new UnreadableFile(FILE_MESSAGES.notWord);
  try {
    return readDoc(word, table, fib);
  } catch (error) {
    throw new UnreadableFile(FILE_MESSAGES.damaged, { why: (error as Error).message });
  }
}
