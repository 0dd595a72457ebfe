/**
 * Reads the text of a Word 97–2003 document (.doc, and a .wps that WPS saved the same way) into the importer's
 * paragraphs: the main text through its piece table, paragraph by paragraph, with the numbers Word's automatic
 * numbering shows, heading styles and bold; hidden and deleted text left out, fields reduced to their results,
 * a table read a row at a time. Comments, notes, text boxes and tracked changes are gathered for the report.
 */
import { paragraphStyle } from '../docx/reader.ts';
import { emptyReview, type SourceParagraph, type WordReview } from '../import/source.ts';
import { Bytes } from './bytes.ts';
import { readComments, readNotes, readTextBoxes, type TextPlaces } from './doc-stories.ts';
import { type DocStyle, readStyles, styleToggle, styleValue } from './doc-styles.ts';
import { ListCounter, readLists } from './doc-lists.ts';
import { type Fib, TABLE } from './fib.ts';
import { type PropertyRun, readRuns, runAt } from './fkp.ts';
import { fcOf, type Piece, pieceText, readPieces } from './pieces.ts';
import { SPRM, sprmValue } from './sprms.ts';

export interface DocContent {
  paragraphs: SourceParagraph[];
  review: WordReview;
}

const BOLD = 1;
const HIDDEN = 2;
const DELETED = 4;
const INSERTED = 8;

const FIELD_BEGIN = 0x13;
const FIELD_SEPARATE = 0x14;
const FIELD_END = 0x15;
/** Fields whose result is not part of the speech: a table of contents, page numbers. */
const DROPPED_FIELDS: Record<string, 'toc' | 'page'> = { TOC: 'toc', PAGE: 'page', NUMPAGES: 'page', SECTIONPAGES: 'page' };
/** The default character style (Default Paragraph Font). */
const DEFAULT_CHARACTER_STYLE = 10;
/** A list number that means "numbering removed". */
const NO_LIST = 0x07ff;

interface Field {
  code: string;
  result: boolean;
  drop: boolean;
}

/** One paragraph's pieces as it is assembled: text, bold stretches, and breaks that cut it. */
interface Pieces {
  text: string;
  bold: Array<[number, number]>;
}

/** Reads a Word 97–2003 document from its WordDocument and table streams. */
export function readDoc(stream: Bytes, table: Bytes, fib: Fib): DocContent {
  const clx = fib.table(TABLE.pieces);
  const pieces = readPieces(table, clx.at, clx.length);
  const papx = fib.table(TABLE.paragraphProperties);
  const chpx = fib.table(TABLE.charProperties);
  const styles = fib.table(TABLE.styles);
  const reader = new DocReader(
    stream,
    pieces,
    readRuns(stream, table, papx.at, papx.length, true),
    readRuns(stream, table, chpx.at, chpx.length, false),
    readStyles(table, styles.at, styles.length),
    new ListCounter(readLists(table, fib.table(TABLE.lists), fib.table(TABLE.listOverrides))),
  );
  reader.read(0, fib.lengths.main);
  const review = reader.review;
  review.comments = readComments(table, fib, reader);
  review.notes = readNotes(table, fib, reader);
  const boxes = readTextBoxes(table, fib, reader);
  // A text box's text is taken in after the paragraph its shape is anchored in, as the .docx reader does.
  for (const box of boxes) {
    if (!box.line) continue;
    const after = reader.paragraphs.findLastIndex((p) => p.line <= box.line);
    reader.paragraphs.splice(after + 1, 0, ...box.paragraphs.map((text) => ({ line: box.line, text })));
    box.taken = true;
  }
  // The drawing a text box hangs on is the box, not a picture left out.
  const boxLines = new Set(boxes.map((b) => b.line));
  review.objects = review.objects.filter((o) => !boxLines.has(o.line));
  review.textBoxes = boxes.map(({ line, text, taken }) => ({ line, text, taken }));
  return { paragraphs: reader.paragraphs, review };
}

/** Walks the characters of the text once, keeping the state that spans paragraphs: fields, revisions, numbering. */
export class DocReader implements TextPlaces {
  readonly paragraphs: SourceParagraph[] = [];
  readonly review = emptyReview();
  /** Where each paragraph starts (character position) and its number, for placing references. */
  private readonly starts: Array<{ cp: number; line: number }> = [];
  private count = 0;
  private fields: Field[] = [];
  private lastRevision = 0;
  private row: { line: number; cells: string[]; cell: string[] } | undefined;
  private readonly flagCache = new Map<Bytes, Map<number, number>>();

  constructor(
    private readonly stream: Bytes,
    private readonly pieces: readonly Piece[],
    private readonly paragraphRuns: readonly PropertyRun[],
    private readonly characterRuns: readonly PropertyRun[],
    private readonly styles: ReadonlyArray<DocStyle | undefined>,
    private readonly lists: ListCounter,
  ) {}

  /** The number of the paragraph that holds a character position. */
  lineAt(cp: number): number {
    let found = this.starts[0]?.line ?? 1;
    for (const start of this.starts) {
      if (start.cp > cp) break;
      found = start.line;
    }
    return found;
  }

  /** The visible text of a range of characters, for a comment's or note's words. */
  plainText(start: number, end: number): string {
    return this.storyParagraphs(start, end).join(' ');
  }

  /** The paragraphs of a range of characters outside the main text (a text box), field codes left out. */
  storyParagraphs(start: number, end: number): string[] {
    return pieceText(this.stream, this.pieces, start, end)
      .replace(/\u0013[^\u0014\u0015]*\u0014?/g, '')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .split(/[\r\u0007]/)
      .map((p) => p.trim())
      .filter(Boolean);
  }

  /** Reads the paragraphs of a range of characters: the main text. */
  read(start: number, end: number): void {
    const text = pieceText(this.stream, this.pieces, start, end);
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 13 && code !== 7) continue;
      // A deleted paragraph mark joins its paragraph to the next, as accepting the deletion would.
      if (code === 13 && this.flags(start + i, 0) & DELETED) continue;
      this.paragraph(text, start, from, i);
      from = i + 1;
    }
    if (from < text.length) this.paragraph(text, start, from, text.length);
  }

  private paragraph(text: string, offset: number, from: number, mark: number): void {
    const line = ++this.count;
    this.starts.push({ cp: offset + from, line });
    const run = runAt(this.paragraphRuns, fcOf(this.pieces, offset + Math.min(mark, text.length - 1)));
    const style = run?.style ?? 0;
    const direct = run?.sprms;
    let current: Pieces = { text: '', bold: [] };
    const parts: Pieces[] = [];
    let hidden: { line: number; text: string } | undefined;
    let sawHidden = false;
    let sawVisible = false;
    const flush = () => {
      parts.push(current);
      current = { text: '', bold: [] };
    };
    for (let i = from; i < mark; i++) {
      const cp = offset + i;
      const code = text.charCodeAt(i);
      const flags = this.flags(cp, style);
      this.revision(flags);
      if (code === FIELD_BEGIN || code === FIELD_SEPARATE || code === FIELD_END) {
        this.field(code, line);
        continue;
      }
      const inCode = this.fields.some((f) => !f.result);
      if (inCode) {
        this.fields.at(-1)!.code += text[i];
        continue;
      }
      if (this.fields.some((f) => f.drop) || flags & DELETED) continue;
      if (flags & HIDDEN) {
        if (code > 32) {
          sawHidden = true;
          if (!hidden) this.review.hidden.push((hidden = { line, text: '' }));
          hidden.text += text[i];
        }
        continue;
      }
      const shown = this.character(code, text[i]!, line);
      if (shown === undefined) continue;
      if (shown === '\n') {
        flush();
        continue;
      }
      if (/\S/u.test(shown)) {
        sawVisible = true;
        hidden = undefined;
      }
      const at = current.text.length;
      current.text += shown;
      if (flags & BOLD) current.bold.push([at, current.text.length]);
    }
    flush();
    const whollyHidden = sawHidden && !sawVisible;
    const ilfo = sprmValue(direct, SPRM.list) ?? styleValue(this.styles, style, SPRM.list, 'paragraph') ?? 0;
    const ilvl = sprmValue(direct, SPRM.listLevel) ?? styleValue(this.styles, style, SPRM.listLevel, 'paragraph') ?? 0;
    const numbering = ilfo > 0 && ilfo !== NO_LIST && !whollyHidden ? this.lists.next(ilfo, ilvl) : undefined;
    const inTable = !!sprmValue(direct, SPRM.inTable);
    const rowEnd = !!sprmValue(direct, SPRM.rowEnd) || !!sprmValue(direct, SPRM.innerRowEnd);
    if (inTable || text.charCodeAt(mark) === 7) {
      this.tableParagraph(parts, numbering, line, text.charCodeAt(mark) === 7, rowEnd);
      return;
    }
    const shape = this.shape(style);
    parts.forEach((piece, k) => {
      const paragraph: SourceParagraph = { line, text: piece.text };
      if (k === 0 && numbering) paragraph.numbering = numbering;
      if (!paragraph.text.trim() && !paragraph.numbering) return;
      if (shape) paragraph.style = shape;
      const bold = merge(piece.bold);
      if (bold.length) paragraph.bold = bold;
      this.paragraphs.push(paragraph);
    });
  }

  /** A table paragraph: cells gather their paragraphs, and a row's end makes the row one spoken paragraph. */
  private tableParagraph(parts: Pieces[], numbering: string | undefined, line: number, cellEnd: boolean, rowEnd: boolean): void {
    this.row ??= { line, cells: [], cell: [] };
    if (rowEnd) {
      const text = this.row.cells.filter(Boolean).join(' ');
      if (text) this.paragraphs.push({ line: this.row.line, text, fromTable: true });
      this.row = undefined;
      return;
    }
    const text = (numbering ?? '') + parts.map((p) => p.text).join(' ');
    if (text.trim()) this.row.cell.push(text.trim());
    if (cellEnd) {
      this.row.cells.push(this.row.cell.join(' '));
      this.row.cell = [];
    }
  }

  /** What a character shows: itself, nothing (an object, a mark), or '\n' where a break cuts the paragraph. */
  private character(code: number, char: string, line: number): string | undefined {
    if (code >= 32) return code === 0x2028 ? '\n' : char;
    if (code === 9) return '\t';
    if (code === 11 || code === 12 || code === 14) return '\n';
    if (code === 0x1e) return '-';
    if (code === 1 || code === 8) this.review.objects.push({ line });
    return undefined;
  }

  private field(code: number, line: number): void {
    if (code === FIELD_BEGIN) {
      this.fields.push({ code: '', result: false, drop: false });
      return;
    }
    const field = code === FIELD_SEPARATE ? this.fields.at(-1) : this.fields.pop();
    if (!field || field.result) return;
    // The field's instruction is complete at its separator, or at its end when it shows no result.
    field.result = true;
    const name = /^\s*([A-Z]+)/i.exec(field.code)?.[1]?.toUpperCase() ?? '';
    const kind = DROPPED_FIELDS[name];
    if (kind) {
      field.drop = true;
      if (!this.review.fields.some((f) => f.kind === kind && f.line === line)) this.review.fields.push({ line, kind });
    }
  }

  /** Counts tracked changes: each unbroken stretch of inserted or deleted text is one. */
  private revision(flags: number): void {
    const kind = flags & (DELETED | INSERTED);
    if (kind && kind !== this.lastRevision) {
      if (kind & DELETED) this.review.revisions.deletions++;
      else this.review.revisions.insertions++;
      if (!this.review.revisions.line) this.review.revisions.line = this.count;
    }
    this.lastRevision = kind;
  }

  /** Bold, hidden, deleted and inserted for a character: its own properties over its styles'. */
  private flags(cp: number, paragraphStyleIndex: number): number {
    const run = runAt(this.characterRuns, fcOf(this.pieces, cp));
    const sprms = run?.sprms ?? EMPTY;
    let byStyle = this.flagCache.get(sprms);
    if (!byStyle) this.flagCache.set(sprms, (byStyle = new Map()));
    let flags = byStyle.get(paragraphStyleIndex);
    if (flags !== undefined) return flags;
    const characterStyle = sprmValue(sprms, SPRM.charStyle) ?? DEFAULT_CHARACTER_STYLE;
    // Toggle properties: each level of styles turns them over; the character's own setting is absolute or relative.
    const toggle = (code: number) => {
      const fromStyles = styleToggle(this.styles, paragraphStyleIndex, code) !== styleToggle(this.styles, characterStyle, code);
      const own = sprmValue(sprms, code);
      if (own === undefined || own === 0x80) return fromStyles;
      if (own === 0x81) return !fromStyles;
      return own === 1;
    };
    flags =
      (toggle(SPRM.bold) ? BOLD : 0) |
      (toggle(SPRM.hidden) ? HIDDEN : 0) |
      (sprmValue(sprms, SPRM.deleted) ? DELETED : 0) |
      (sprmValue(sprms, SPRM.inserted) ? INSERTED : 0);
    byStyle.set(paragraphStyleIndex, flags);
    return flags;
  }

  /** Title, Subtitle or Heading N, by Word's built-in style number or by the style's name. */
  private shape(index: number): SourceParagraph['style'] {
    const style = this.styles[index];
    if (!style) return undefined;
    if (style.sti >= 1 && style.sti <= 9) return { heading: style.sti };
    if (style.sti === 62) return { title: true };
    if (style.sti === 74) return { subtitle: true };
    return paragraphStyle({ styleName: style.name });
  }
}

const EMPTY = new Bytes(new Uint8Array());

/** Bold stretches that touch made one. */
function merge(stretches: Array<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [s, e] of stretches) {
    const last = merged.at(-1);
    if (last && last[1] >= s) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
