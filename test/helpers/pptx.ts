import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Parses XML strictly: any warning or error (a stray `<`, an undefined entity, a bad character) throws. */
export function strictXml(xml: string, name = 'part'): Document {
  const fail = (level: string) => (message: string) => {
    throw new Error(`${name} is not well-formed XML (${level}): ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal') } }).parseFromString(xml, 'text/xml');
}

/** A run of text as written in the file, with its language and its East Asian face. */
export interface RunInfo {
  text: string;
  lang: string | null;
  ea: string | null;
}

/** A paragraph as PowerPoint stores it: its runs, its text (soft line breaks left out) and how many it has. */
export interface Paragraph {
  text: string;
  runs: RunInfo[];
  breaks: number;
  /** The text of each line, split at the soft line breaks. */
  lines: string[];
}

export interface PptxSlide {
  name: string;
  xml: string;
  doc: Document;
  paragraphs: Paragraph[];
  notes: Paragraph[];
  notesXml: string;
}

export interface ReadPptx {
  zip: JSZip;
  slides: PptxSlide[];
  /** Every part's name and text, for checks over the whole package. */
  parts: Map<string, string>;
  core: Document;
  presentation: Document;
}

/** The elements of a collection as an array (xmldom's collections are array-like). */
export const list = (collection: ArrayLike<unknown>): Element[] => Array.from(collection as ArrayLike<Element>);
const elements = (node: Document | Element, ns: string, name: string): Element[] => list(node.getElementsByTagNameNS(ns, name));

/** Every paragraph below a node, in document order. */
export function paragraphsOf(node: Document | Element): Paragraph[] {
  return elements(node, A, 'p').map((p) => {
    const runs: RunInfo[] = [];
    const lines = [''];
    for (const child of Array.from(p.childNodes) as Element[]) {
      if (child.localName === 'br') lines.push('');
      if (child.localName !== 'r' && child.localName !== 'fld') continue;
      const rPr = elements(child, A, 'rPr')[0];
      const ea = rPr ? elements(rPr, A, 'ea')[0] : undefined;
      const text = elements(child, A, 't')
        .map((t) => t.textContent ?? '')
        .join('');
      runs.push({ text, lang: rPr?.getAttribute('lang') ?? null, ea: ea?.getAttribute('typeface') ?? null });
      lines[lines.length - 1] += text;
    }
    return { text: runs.map((r) => r.text).join(''), runs, breaks: lines.length - 1, lines };
  });
}

/** Reads a .pptx back: its slides in presentation order (from presentation.xml), each with its notes page. */
export async function readPptx(bytes: Uint8Array): Promise<ReadPptx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir && /\.(xml|rels)$/.test(name)) parts.set(name, await zip.file(name)!.async('string'));
  const part = (name: string) => {
    const xml = parts.get(name);
    if (xml === undefined) throw new Error(`${name} is missing from the package`);
    return xml;
  };
  const presentation = strictXml(part('ppt/presentation.xml'), 'presentation.xml');
  const rels = relationships(part('ppt/_rels/presentation.xml.rels'));
  const ids = elements(presentation, 'http://schemas.openxmlformats.org/presentationml/2006/main', 'sldId').map((e) => e.getAttributeNS(R, 'id')!);
  const slides = ids.map((id) => {
    const name = `ppt/${rels.get(id)!}`;
    const xml = part(name);
    const doc = strictXml(xml, name);
    const own = relationships(part(name.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels')));
    const notesTarget = [...own.values()].find((t) => t.includes('notesSlide'));
    const notesName = notesTarget ? join('ppt/slides', notesTarget).replace(/\\/g, '/') : undefined;
    const notesXml = notesName ? part(notesName) : '';
    const notesDoc = notesName ? strictXml(notesXml, notesName) : undefined;
    // The notes body is the placeholder of type "body"; the page number field is left out.
    const body = notesDoc
      ? elements(notesDoc, 'http://schemas.openxmlformats.org/presentationml/2006/main', 'sp').find((sp) =>
          elements(sp, 'http://schemas.openxmlformats.org/presentationml/2006/main', 'ph').some((ph) => ph.getAttribute('type') === 'body'),
        )
      : undefined;
    return { name, xml, doc, paragraphs: paragraphsOf(doc), notes: body ? paragraphsOf(body) : [], notesXml };
  });
  return { zip, slides, parts, core: strictXml(part('docProps/core.xml'), 'core.xml'), presentation };
}

function relationships(xml: string): Map<string, string> {
  const doc = strictXml(xml, 'relationships');
  return new Map(list(doc.getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id')!, r.getAttribute('Target')!]));
}

/**
 * Converts .pptx files to PDF with LibreOffice, all in one run, with a profile of its own so that runs side by
 * side do not clash. Returns each PDF's path, by the .pptx's path.
 */
export function libreOfficePdf(files: string[], outDir: string): Map<string, string> {
  // Without a Chinese system font LibreOffice draws every character as the same empty box, and its PDF maps them
  // all to one character: say so, rather than fail on text that reads 在在在在.
  if (!execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim()) {
    throw new Error('LibreOffice needs a Chinese system font to render the slides (Debian: apt-get install fonts-wqy-microhei)');
  }
  const profile = mkdtempSync(join(tmpdir(), 'speech-deck-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      timeout: 240_000,
      stdio: 'pipe',
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return new Map(files.map((f) => [f, join(outDir, basename(f).replace(/\.pptx$/, '.pdf'))]));
}

/** A box on a PDF page in points, y measured down from the top of the page. */
export interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A text item's box, with its baseline (down from the top of the page) and size. */
export interface TextBox extends Box {
  baseline: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  text: TextBox[];
  images: Omit<Box, 'text'>[];
}

/** Reads a PDF's pages with every text item's box and every picture's box. */
export async function pdfBoxes(path: string): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const text = (content.items as TextItem[])
      .filter((item) => 'str' in item && item.str.trim())
      .map((item) => {
        const size = Math.hypot(item.transform[2]!, item.transform[3]!);
        const [x, y] = [item.transform[4]!, item.transform[5]!];
        // The glyphs' box: about 0.85 em above the baseline and 0.15 em below it.
        return {
          text: item.str,
          left: x,
          right: x + item.width,
          top: height - (y + 0.85 * size),
          bottom: height - (y - 0.15 * size),
          baseline: height - y,
          size,
        };
      });
    pages.push({ width, height, text, images: imageBoxes(await page.getOperatorList(), height) });
  }
  await doc.destroy();
  return pages;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

/** Where pictures are painted: the unit square through the transform in force, tracked over save and restore. */
function imageBoxes(list: { fnArray: number[]; argsArray: unknown[] }, height: number): Omit<Box, 'text'>[] {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const boxes: Omit<Box, 'text'>[] = [];
  list.fnArray.forEach((fn, i) => {
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, list.argsArray[i] as Matrix);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
      const xs = [ctm[4], ctm[4] + ctm[0], ctm[4] + ctm[2], ctm[4] + ctm[0] + ctm[2]];
      const ys = [ctm[5], ctm[5] + ctm[1], ctm[5] + ctm[3], ctm[5] + ctm[1] + ctm[3]];
      boxes.push({ left: Math.min(...xs), right: Math.max(...xs), top: height - Math.max(...ys), bottom: height - Math.min(...ys) });
    }
  });
  return boxes;
}

/**
 * Whether two pieces of text are drawn over each other: their boxes overlap by more than `slack` points both ways
 * and they are not on one line (LibreOffice writes a line in pieces, a piece per font, the one over a gap in the other).
 */
export function textOverlap(a: TextBox, b: TextBox, slack = 1): boolean {
  return overlap(a, b, slack) && Math.abs(a.baseline - b.baseline) > Math.min(a.size, b.size) * 0.2;
}

/** Whether two boxes overlap by more than `slack` points both ways. */
export function overlap(a: Omit<Box, 'text'>, b: Omit<Box, 'text'>, slack = 1): boolean {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
}
