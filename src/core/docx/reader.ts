/**
 * Reads a Word .docx (as saved by Word or WPS) into the importer's paragraphs with mammoth's document model:
 * paragraph text, bold runs, Title/Subtitle/Heading N styles, pictures and tables; plus the automatic
 * numbering Word displays (一、 （一）), which mammoth does not render and numbering.ts writes in first. Only
 * what Word shows is read: review.ts marks hidden text, tables of contents and page numbers to be left out,
 * and where comments, tracked changes and text boxes are, which the reader gathers for the report.
 * Bytes in, paragraphs out, with no Node API: the CLI and the studio page read Word files with this one reader
 * (mammoth and JSZip run in browsers too; mammoth's package swaps its file access for a browser build).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { REPORT } from '../import/messages.ts';
import type { Notice } from '../import/structure.ts';
import { both } from '../say.ts';
import { emptyReview, type SourceParagraph, type WordReview } from '../import/source.ts';
import { injectNumbers, NUMBER_CLOSE, NUMBER_OPEN } from './numbering.ts';
import { MARK, markDocument, readNotesPart } from './review.ts';
import { copyTextBoxes } from './text-boxes.ts';

/** A picture from the document, to be saved beside the Markdown. */
export interface DocxImage {
  /** File name inside the pictures folder, e.g. `image1.png`. */
  name: string;
  data: Uint8Array;
  contentType: string;
}

export interface DocxContent {
  paragraphs: SourceParagraph[];
  images: DocxImage[];
  notices: Notice[];
  /** How many paragraphs had Word's automatic numbering written in. */
  numbered: number;
  /** What the report tells of the file besides its spoken text. */
  review: WordReview;
}

/** Thrown when the bytes are not a Word document that can be read. */
export class NotDocxError extends Error {}

// The parts of mammoth's document model this reader uses (mammoth ships no types for it).
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  isBold?: boolean;
  styleId?: string | null;
  noteType?: string;
  noteId?: string;
  commentId?: string;
  styleName?: string | null;
  breakType?: string;
  altText?: string;
  contentType?: string;
  readAsArrayBuffer?: () => Promise<ArrayBuffer>;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/svg+xml': 'svg',
};
/** Picture formats a browser shows; Word's own drawing formats (EMF, WMF) and TIFF it does not. */
const SHOWN = new Set(['png', 'jpg', 'gif', 'webp', 'bmp', 'svg']);

/** Reads a .docx; pictures are referenced in the paragraphs as `${folder}/${name}`. */
export async function readDocx(bytes: Uint8Array, folder: string): Promise<DocxContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new NotDocxError('not a zip archive');
  }
  const main = await mainDocumentPath(zip);
  const documentXml = await zip.file(main)?.async('string');
  if (documentXml === undefined) throw new NotDocxError(`no main part, holds ${await holds(zip)}`);
  const base = main.replace(/[^/]*$/, '');
  const part = (name: string) => zip.file(`${base}${name}`)?.async('string');
  const numbering = await part('numbering.xml');
  const styles = await part('styles.xml');
  const marked = markDocument(copyTextBoxes(documentXml), styles);
  const injected = injectNumbers(marked.xml, numbering, styles);
  zip.file(main, injected.xml);
  const buffer = await zip.generateAsync({ type: 'uint8array' });

  let model: Element | undefined;
  await mammoth.convertToHtml(
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; JSZip takes either as bytes.
    { buffer, arrayBuffer: buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
    {
      // The model is what is wanted; an empty document is handed on so that no HTML is made from it.
      transformDocument: (doc: Element) => {
        model = doc;
        return { ...doc, children: [] };
      },
    },
  );
  if (!model) throw new NotDocxError('mammoth read no document');
  const reader = new Reader(folder);
  for (const child of model.children ?? []) await reader.block(child);
  const review = reader.finish({
    comments: readNotesPart(await part('comments.xml'), 'w:comment'),
    footnote: readNotesPart(await part('footnotes.xml'), 'w:footnote'),
    endnote: readNotesPart(await part('endnotes.xml'), 'w:endnote'),
  });
  review.revisions.insertions = marked.insertions;
  review.revisions.deletions = marked.deletions;
  return { paragraphs: reader.paragraphs, images: reader.images, notices: reader.notices, numbered: injected.count, review };
}

/** What a zip that is not a Word document holds, for the message. */
async function holds(zip: JSZip): Promise<string> {
  if (zip.file('xl/workbook.xml')) return 'xl/workbook.xml';
  if (zip.file('ppt/presentation.xml')) return 'ppt/presentation.xml';
  const mimetype = await zip.file('mimetype')?.async('string');
  return mimetype ?? Object.keys(zip.files).slice(0, 3).join(', ');
}

/** The main document part named in the package relationships; word/document.xml in practice. */
async function mainDocumentPath(zip: JSZip): Promise<string> {
  const rels = await zip.file('_rels/.rels')?.async('string');
  const target = rels && /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  return target?.[1] ?? target?.[2] ?? 'word/document.xml';
}

/** A paragraph being assembled from runs: text, bold stretches, where breaks fall. */
interface Pieces {
  text: string;
  bold: Array<[number, number]>;
}

/** What the reader gathers for the report while it reads, shared by a table's cells and the text around them. */
interface Gathered {
  review: WordReview;
  /** Comments' ranges still open, with the words read inside them. */
  open: Map<string, string>;
  ranges: Map<string, { line: number; on: string }>;
  references: Array<{ line: number; id: string }>;
  notes: Array<{ line: number; kind: 'footnote' | 'endnote'; id: string }>;
  boxes: Map<string, { line: number; text: string[] }>;
  /** The last paragraph of a table of contents read so far. */
  tocEnd?: number;
}

class Reader {
  paragraphs: SourceParagraph[] = [];
  /** Word paragraphs counted in document order, table cells included: the report's paragraph numbers. */
  private count = 0;

  constructor(
    private readonly folder: string,
    readonly images: DocxImage[] = [],
    readonly notices: Notice[] = [],
    private readonly gathered: Gathered = { review: emptyReview(), open: new Map(), ranges: new Map(), references: [], notes: [], boxes: new Map() },
  ) {}

  async block(element: Element): Promise<void> {
    if (element.type === 'paragraph') return this.paragraph(element);
    if (element.type === 'table') return this.table(element);
    for (const child of element.children ?? []) await this.block(child);
  }

  /** The review, with each comment and note given its words from its part of the package. */
  finish(parts: Record<'comments' | 'footnote' | 'endnote', Map<string, { author: string; text: string }>>): WordReview {
    const { review, ranges, references, notes, boxes } = this.gathered;
    review.comments = references.map(({ line, id }) => {
      const comment = parts.comments.get(id);
      const range = ranges.get(id);
      return { line: range?.line ?? line, author: comment?.author ?? '', text: comment?.text ?? '', on: (range?.on ?? '').replace(/\s+/gu, ' ').trim() };
    });
    review.notes = notes.map(({ line, kind, id }) => ({ line, kind, text: parts[kind].get(id)?.text ?? '' }));
    review.textBoxes = [...boxes.values()].filter((b) => b.text.join('').trim()).map((b) => ({ line: b.line, text: b.text.join(' ').trim(), taken: true }));
    return review;
  }

  /** A paragraph, cut where a line break or picture falls inside it, each piece a paragraph of its own. */
  private async paragraph(element: Element): Promise<void> {
    const line = ++this.count;
    const style = paragraphStyle(element);
    const { review, open, ranges, boxes } = this.gathered;
    let current: Pieces = { text: '', bold: [] };
    let box: { line: number; text: string[] } | undefined;
    let hidden: { line: number; text: string } | undefined;
    const flush = () => {
      this.push(line, current, style);
      box?.text.push(current.text);
      current = { text: '', bold: [] };
    };
    const mark = (styleId: string, node: Element) => {
      const [kind, id = ''] = styleId.split('-');
      if (kind === MARK.hidden) {
        const text = plain(node);
        if (!text.trim()) return;
        if (!hidden) review.hidden.push((hidden = { line, text: '' }));
        hidden.text += text;
      } else if (kind === MARK.toc || kind === MARK.page) {
        const field = kind === MARK.toc ? 'toc' : 'page';
        // A table of contents runs over paragraphs: it is told once, from its first.
        const last = review.fields.findLast((f) => f.kind === field);
        const going = field === 'toc' && (this.gathered.tocEnd ?? -1) >= line - 1;
        if (!last || (last.line !== line && !going)) review.fields.push({ line, kind: field });
        if (field === 'toc') this.gathered.tocEnd = line;
      } else if (kind === MARK.revision) {
        review.revisions.line ||= line;
      } else if (kind === MARK.commentFrom) {
        open.set(id, '');
        ranges.set(id, { line, on: '' });
      } else if (kind === MARK.commentTo) {
        const range = ranges.get(id);
        if (range) range.on = open.get(id) ?? '';
        open.delete(id);
      } else if (kind === MARK.box) {
        box = boxes.get(id) ?? { line, text: [] };
        boxes.set(id, box);
      }
    };
    const visit = async (node: Element, bold: boolean): Promise<void> => {
      if (node.type === 'text') {
        const start = current.text.length;
        current.text += node.value ?? '';
        if (bold && current.text.length > start) current.bold.push([start, current.text.length]);
        if (/\S/u.test(node.value ?? '')) hidden = undefined;
        for (const [id, words] of open) open.set(id, words + (node.value ?? ''));
      } else if (node.type === 'tab') current.text += '\t';
      else if (node.type === 'break') flush();
      else if (node.type === 'image') {
        flush();
        await this.image(node, line);
      } else if (node.type === 'run' && node.styleId?.startsWith('SpeechDeck')) mark(node.styleId, node);
      else if (node.type === 'run') for (const child of node.children ?? []) await visit(child, !!node.isBold);
      else if (node.type === 'noteReference') {
        if (node.noteType === 'footnote' || node.noteType === 'endnote') this.gathered.notes.push({ line, kind: node.noteType, id: node.noteId ?? '' });
      } else if (node.type === 'commentReference') this.gathered.references.push({ line, id: node.commentId ?? '' });
      else for (const child of node.children ?? []) await visit(child, bold);
    };
    for (const child of element.children ?? []) await visit(child, false);
    flush();
  }

  /** A table, read row by row: each row one spoken paragraph, its cells separated by a space; pictures after it. */
  private async table(element: Element): Promise<void> {
    for (const row of element.children ?? []) {
      const line = this.count + 1;
      const cells: string[] = [];
      const pictures: SourceParagraph[] = [];
      for (const cell of row.children ?? []) {
        const inner = new Reader(this.folder, this.images, this.notices, this.gathered);
        inner.count = this.count;
        for (const child of cell.children ?? []) await inner.block(child);
        this.count = inner.count;
        cells.push(
          inner.paragraphs
            .filter((p) => !p.image)
            .map((p) => (p.numbering ?? '') + p.text)
            .join(' '),
        );
        pictures.push(...inner.paragraphs.filter((p) => p.image));
      }
      const text = cells
        .map((c) => c.trim())
        .filter(Boolean)
        .join(' ');
      if (text) this.paragraphs.push({ line, text, fromTable: true });
      this.paragraphs.push(...pictures);
    }
  }

  private push(line: number, pieces: Pieces, style: SourceParagraph['style']): void {
    let { text } = pieces;
    let bold = pieces.bold;
    let numbering: string | undefined;
    const open = text.indexOf(NUMBER_OPEN);
    const close = text.indexOf(NUMBER_CLOSE);
    if (open >= 0 && close > open) {
      numbering = text.slice(open + 1, close);
      const cut = close + 1 - open;
      text = text.slice(0, open) + text.slice(close + 1);
      bold = bold
        .map(([s, e]) => [s >= close ? s - cut : Math.min(s, open), e >= close ? e - cut : Math.min(e, open)] as [number, number])
        .filter(([s, e]) => e > s);
    }
    if (!text.trim() && !numbering) return;
    const paragraph: SourceParagraph = { line, text };
    if (numbering) paragraph.numbering = numbering;
    if (style) paragraph.style = style;
    if (bold.length) paragraph.bold = bold;
    this.paragraphs.push(paragraph);
  }

  private async image(node: Element, line: number): Promise<void> {
    const ext = EXTENSIONS[node.contentType ?? ''] ?? 'bin';
    const name = `image${this.images.length + 1}.${ext}`;
    const data = node.readAsArrayBuffer ? new Uint8Array(await node.readAsArrayBuffer()) : new Uint8Array();
    this.images.push({ name, data, contentType: node.contentType ?? '' });
    const alt = (node.altText ?? '').trim() || `图${this.images.length}`;
    this.paragraphs.push({ line, text: '', image: { src: `${this.folder}/${name}`, alt } });
    if (!SHOWN.has(ext)) {
      this.notices.push({ line, ...both(REPORT.pictureFormat, { line, ext, name }) });
    }
  }
}

/** The text inside an element of mammoth's model. */
function plain(node: Element): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(plain).join('');
}

/** Word's Title, Subtitle and Heading N styles, by name (Word, WPS, Chinese names) or by id. */
export function paragraphStyle(element: { styleId?: string | null; styleName?: string | null }): SourceParagraph['style'] {
  const name = (element.styleName ?? '').trim().toLowerCase();
  const id = (element.styleId ?? '').trim().toLowerCase();
  if (name === 'title' || name === '标题' || id === 'title') return { title: true };
  if (name === 'subtitle' || name === '副标题' || id === 'subtitle') return { subtitle: true };
  const heading = /^(?:heading|标题)\s*([1-9])$/.exec(name) ?? /^heading([1-9])$/.exec(id);
  return heading ? { heading: Number(heading[1]) } : undefined;
}
