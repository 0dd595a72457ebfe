/**
 * Reads a Word .docx (as saved by Word or WPS) into the importer's paragraphs with mammoth's document model:
 * paragraph text, bold runs, Title/Subtitle/Heading N styles, pictures and tables; plus the automatic
 * numbering Word displays (一、 （一）), which mammoth does not render and numbering.ts writes in first.
 * Bytes in, paragraphs out, with no Node API: the CLI and the studio page read Word files with this one reader
 * (mammoth and JSZip run in browsers too; mammoth's package swaps its file access for a browser build).
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Notice } from '../import/structure.ts';
import type { SourceParagraph } from '../import/source.ts';
import { injectNumbers, NUMBER_CLOSE, NUMBER_OPEN } from './numbering.ts';

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
  if (documentXml === undefined) throw new NotDocxError('no word/document.xml inside');
  const base = main.replace(/[^/]*$/, '');
  const numbering = await zip.file(`${base}numbering.xml`)?.async('string');
  const styles = await zip.file(`${base}styles.xml`)?.async('string');
  const injected = injectNumbers(documentXml, numbering, styles);
  if (injected.count) zip.file(main, injected.xml);
  const buffer = injected.count ? await zip.generateAsync({ type: 'uint8array' }) : bytes;

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
  return { paragraphs: reader.paragraphs, images: reader.images, notices: reader.notices, numbered: injected.count };
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

class Reader {
  paragraphs: SourceParagraph[] = [];
  /** Word paragraphs counted in document order, table cells included: the report's paragraph numbers. */
  private count = 0;

  constructor(
    private readonly folder: string,
    readonly images: DocxImage[] = [],
    readonly notices: Notice[] = [],
  ) {}

  async block(element: Element): Promise<void> {
    if (element.type === 'paragraph') return this.paragraph(element);
    if (element.type === 'table') return this.table(element);
    for (const child of element.children ?? []) await this.block(child);
  }

  /** A paragraph, cut where a line break or picture falls inside it, each piece a paragraph of its own. */
  private async paragraph(element: Element): Promise<void> {
    const line = ++this.count;
    const style = paragraphStyle(element);
    let current: Pieces = { text: '', bold: [] };
    const flush = () => {
      this.push(line, current, style);
      current = { text: '', bold: [] };
    };
    const visit = async (node: Element, bold: boolean): Promise<void> => {
      if (node.type === 'text') {
        const start = current.text.length;
        current.text += node.value ?? '';
        if (bold && current.text.length > start) current.bold.push([start, current.text.length]);
      } else if (node.type === 'tab') current.text += '\t';
      else if (node.type === 'break') flush();
      else if (node.type === 'image') {
        flush();
        await this.image(node, line);
      } else if (node.type === 'run') for (const child of node.children ?? []) await visit(child, !!node.isBold);
      else if (node.type !== 'noteReference' && node.type !== 'commentReference') for (const child of node.children ?? []) await visit(child, bold);
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
        const inner = new Reader(this.folder, this.images, this.notices);
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
      this.notices.push({
        line,
        zh: `第 ${line} 段的图片是浏览器不能显示的格式（${ext}），已存为 ${name}；请在 Word 里另存为 PNG 后替换`,
        en: `the picture in paragraph ${line} is in a format browsers cannot show (${ext}), saved as ${name}; save it from Word as PNG and replace it`,
      });
    }
  }
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
