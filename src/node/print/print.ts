/**
 * The one print path of `pdf` and `manuscript`: one browser start (closed the same way on Ctrl+C as on success),
 * one timeout, one way to open a page and wait on it, one PDF writer that sets the metadata and reads the result
 * back. The browser is driven through its own protocol (cdp.ts); pdf-lib loads only here, when something is printed.
 */
import { pathToFileURL } from 'node:url';
import { PICTURE_PLACE } from '../../core/handout.ts';
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { PRINTING } from '../messages.ts';
import { displayPath } from '../files/paths.ts';
import { onStop } from '../stop.ts';
import { CHROMIUM_FLAGS, findBrowser, type FindOptions } from './browser.ts';
import { type Chromium, closeTab, evaluate, openTab, printTab, startChromium, type Tab } from './cdp.ts';

export type { Chromium, Tab };

/** How long a page may take to open and lay out, in milliseconds. */
export const PRINT_TIMEOUT = 60_000;

export interface PrinterOptions {
  /** `--browser-path` from the command line. */
  browserPath?: string | undefined;
  /** How the browser is looked for; tests replace the lookup. */
  find?: Omit<FindOptions, 'browserPath'> | undefined;
  /** The browser's environment (the tests' leaves out the system's Chinese fonts); this process's by default. */
  env?: NodeJS.ProcessEnv | undefined;
}

/** A browser being started for printing, and how to let it go. */
export interface Printer {
  /** The browser's path. */
  executable: string;
  browser: Promise<Chromium>;
  /** Closes the browser; safe to call more than once. */
  close: () => Promise<void>;
  /** pdf-lib, loading meanwhile. */
  pdfLib: Promise<typeof import('pdf-lib')>;
}

/** The browser to print with, found at once so that a missing one is said before any work. */
export function findPrinter(options: PrinterOptions): string {
  return findBrowser({ ...options.find, browserPath: options.browserPath });
}

/**
 * Starts the browser found by `findPrinter` in the background, while the caller builds what it will print. Ctrl+C
 * closes it (stop.ts); its failure is reported where it is awaited.
 */
export function startPrinter(executable: string, options: PrinterOptions): Printer {
  const browser = launch(executable, options.env);
  browser.catch(() => undefined);
  let forget: () => void = () => undefined;
  const close = async () => {
    forget();
    await browser.then(
      (b) => b.close(),
      () => undefined,
    );
  };
  forget = onStop(close);
  const pdfLib = import('pdf-lib');
  pdfLib.catch(() => undefined);
  return { executable, browser, close, pdfLib };
}

async function launch(executable: string, env: NodeJS.ProcessEnv | undefined): Promise<Chromium> {
  try {
    return await startChromium(executable, CHROMIUM_FLAGS, env);
  } catch (error) {
    throw new CLIError(
      `无法启动浏览器 ${executable}（${firstLine(error)}）；请用 --browser-path 指定另一个 · ` +
        `the browser at ${executable} could not be started (${firstLine(error)}); give another with --browser-path`,
    );
  }
}

/** A page open in the browser, and the browser it is open in. */
export interface Page {
  browser: Chromium;
  tab: Tab;
}

/** Opens a file in a new page of the browser; `shown` names it in messages. */
export async function openPage(
  browser: Chromium,
  file: string,
  options: { query?: string; shown: string; timeout?: number | undefined; advice: string },
): Promise<Page> {
  const opening = openTab(browser, `${pathToFileURL(file).href}${options.query ?? ''}`);
  const timeout = options.timeout ?? PRINT_TIMEOUT;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms`)), timeout);
  });
  try {
    return { browser, tab: await Promise.race([opening, late]) };
  } catch (error) {
    opening.catch(() => undefined);
    throw new CLIError(`${say(PRINTING.cannotOpen, { shown: options.shown, detail: firstLine(error) })}\n${options.advice}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a page. */
export async function closePage(page: Page): Promise<void> {
  await closeTab(page.browser, page.tab);
}

/** Evaluates an expression in the page (awaiting a promise), for `waitFor`. */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return evaluate<T>(page.browser, page.tab, expression);
}

/** What a wait on the page names in its message, and how long it may take. */
export interface WaitOptions {
  shown: string;
  timeout?: number | undefined;
  advice: string;
}

/** Waits on work in the page, giving up after `timeout` with a message that says what went wrong. */
export async function waitFor<T>(work: Promise<T>, page: Page, options: WaitOptions): Promise<T> {
  const timeout = options.timeout ?? PRINT_TIMEOUT;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('time-out')), timeout);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    const seen = page.tab.errors[0];
    const why =
      firstLine(error) === 'time-out'
        ? say(PRINTING.tooSlow, { shown: options.shown, seconds: timeout / 1000 })
        : say(PRINTING.layoutFailed, { shown: options.shown, detail: firstLine(error) });
    throw new CLIError([why, ...(seen ? [say(PRINTING.pageSaid, { seen })] : []), options.advice].join('\n'));
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

/** What a printed PDF says of itself. */
export interface PdfMetadata {
  title: string;
  author?: string | undefined;
  subject?: string | undefined;
}

/** A printed PDF, ready to be written. */
export interface Printed {
  path: string;
  bytes: Uint8Array;
  pages: number;
}

/**
 * Prints the page as it is laid out now into a PDF for `path`, with its metadata. `tagged` adds the structure tree
 * screen readers use (and an outline).
 */
export async function printPdf(printer: Printer, page: Page, path: string, metadata: PdfMetadata, tagged: boolean): Promise<Printed> {
  return withMetadata(printer, await printPages(page, path, tagged), path, metadata);
}

/** The browser's PDF of the page as it is laid out now, for `path` (named in the message if it fails). */
export async function printPages(page: Page, path: string, tagged: boolean, background = true): Promise<Uint8Array> {
  try {
    return await printTab(page.browser, page.tab, { tagged, background });
  } catch (error) {
    throw new CLIError(
      `浏览器无法打印 ${displayPath(path)}（${firstLine(error)}）；请再试一次，或用 --browser-path 换一个浏览器 · ` +
        `the browser could not print ${displayPath(path)} (${firstLine(error)}); try again, or give another browser with --browser-path`,
    );
  }
}

type PdfDocument = import('pdf-lib').PDFDocument;
type PDFEmbeddedPage = import('pdf-lib').PDFEmbeddedPage;

/**
 * How the browser's PDFs are read: as they are (no producer or dates added), and all at once rather than a hundred
 * objects a turn of the event loop, which added a millisecond's wait each hundred objects.
 */
const READ = { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY } as const;

/**
 * Slides printed at once. The browser's time and memory to print grow faster than the document (figures in
 * docs/benchmarks.md): a longer deck is printed in parts of this many slides, put together here while the browser
 * prints the next.
 */
export const PART_SLIDES = 150;

/**
 * The page's `count` slides (as slide pages, or as the handout once it is laid out) printed `size` at a time (all
 * at once when they are no more) and put together into one PDF, `into` if given, each part untagged.
 */
export async function printInParts(
  printer: Printer,
  page: Page,
  path: string,
  { count, size, wait, into }: { count: number; size: number; wait: WaitOptions; into?: PdfDocument },
): Promise<PdfDocument> {
  const { PDFDocument } = await printer.pdfLib;
  const whole = into ?? (await PDFDocument.create({ updateMetadata: false }));
  let joined = Promise.resolve();
  for (let from = 0; from < count; from += size) {
    if (size < count) await waitFor(inPage(page, `window.printView.part(${from}, ${Math.min(count, from + size)})`), page, wait);
    const bytes = await printPages(page, path, false);
    joined = joined.then(async () => {
      const part = await PDFDocument.load(bytes, READ);
      for (const copied of await whole.copyPages(part, part.getPageIndices())) whole.addPage(copied);
    });
    joined.catch(() => undefined);
  }
  await joined;
  return whole;
}

/** A PDF the browser printed, read into pdf-lib. */
export async function loadPdf(printer: Printer, bytes: Uint8Array): Promise<PdfDocument> {
  const { PDFDocument } = await printer.pdfLib;
  return PDFDocument.load(bytes, READ);
}

/**
 * The handout's PDF, to be printed into, with every page of the slides PDF ready to be drawn in it as a picture
 * (copied once, with the fonts they share).
 */
export async function handoutWithPictures(printer: Printer, slides: PdfDocument): Promise<{ handout: PdfDocument; pictures: PDFEmbeddedPage[] }> {
  const { PDFDocument } = await printer.pdfLib;
  const handout = await PDFDocument.create({ updateMetadata: false });
  const pictures = await handout.embedPages(slides.getPages());
  // Each picture made now, while the browser lays out the handout, rather than when the handout is saved.
  await handout.flush();
  return { handout, pictures };
}

/**
 * Draws each slide's picture where the handout left its place (a link to PICTURE_PLACE and the slide's index), and
 * takes the link away. A picture without its place stops the export: the handout would be missing a slide.
 */
export async function drawPictures(printer: Printer, handout: PdfDocument, pictures: readonly PDFEmbeddedPage[], shown: string): Promise<void> {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, PDFHexString } = await printer.pdfLib;
  let drawn = 0;
  for (const page of handout.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    const kept = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const uri = annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      const index = uri?.startsWith(PICTURE_PLACE) ? Number(uri.slice(PICTURE_PLACE.length)) : Number.NaN;
      const picture = pictures[index];
      const rect = annot?.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (!picture || !rect) {
        kept.push(annots.get(i));
        continue;
      }
      const [x1, y1, x2, y2] = [0, 1, 2, 3].map((k) => rect.lookup(k, PDFNumber).asNumber()) as [number, number, number, number];
      page.drawPage(picture, { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) });
      drawn++;
    }
    if (kept.length) page.node.set(PDFName.of('Annots'), handout.context.obj(kept));
    else page.node.delete(PDFName.of('Annots'));
  }
  if (drawn !== pictures.length) {
    throw new CLIError(say(PRINTING.layoutFailed, { shown, detail: `${drawn} of ${pictures.length} slide pictures placed in the handout` }));
  }
}

/** One bookmark for each page of a PDF printed in parts, as the browser's own outline gives a PDF printed at once. */
export async function addBookmarks(printer: Printer, pdf: PdfDocument, titles: readonly string[]): Promise<void> {
  const { PDFHexString, PDFName } = await printer.pdfLib;
  const { context } = pdf;
  const count = Math.min(titles.length, pdf.getPageCount());
  if (count === 0) return;
  const outlines = context.nextRef();
  const items = Array.from({ length: count }, () => context.nextRef());
  for (const [i, ref] of items.entries()) {
    const item = context.obj({ Title: PDFHexString.fromText(titles[i]!), Parent: outlines, Dest: [pdf.getPage(i).ref, 'Fit'] });
    if (i > 0) item.set(PDFName.of('Prev'), items[i - 1]!);
    if (i < count - 1) item.set(PDFName.of('Next'), items[i + 1]!);
    context.assign(ref, item);
  }
  context.assign(outlines, context.obj({ Type: 'Outlines', First: items[0]!, Last: items[count - 1]!, Count: count }));
  pdf.catalog.set(PDFName.of('Outlines'), outlines);
}

/**
 * Lays the handout's page numbers over a handout printed in parts: the page prints as many empty pages, numbered in
 * the handout's own page style and with no background, and each is drawn over its page.
 */
export async function numberPages(printer: Printer, page: Page, pdf: PdfDocument, path: string, wait: WaitOptions): Promise<void> {
  const { PDFDocument } = await printer.pdfLib;
  await waitFor(inPage(page, `window.printView.pageNumbers(${pdf.getPageCount()})`), page, wait);
  const numbers = await PDFDocument.load(await printPages(page, path, false, false), READ);
  const pages = pdf.getPages();
  if (numbers.getPageCount() !== pages.length)
    throw new CLIError(say(PRINTING.layoutFailed, { shown: wait.shown, detail: `${numbers.getPageCount()} page numbers for ${pages.length} pages` }));
  const drawn = await pdf.embedPages(numbers.getPages());
  for (const [i, target] of pages.entries()) target.drawPage(drawn[i]!);
}

/**
 * A printed PDF with its metadata set, ready to be written. Done in this process while the browser may go on to
 * print something else.
 */
export async function withMetadata(printer: Printer, printed: Uint8Array | PdfDocument, path: string, metadata: PdfMetadata): Promise<Printed> {
  const { PDFDocument } = await printer.pdfLib;
  const pdf = printed instanceof Uint8Array ? await PDFDocument.load(printed, READ) : printed;
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  pdf.setCreator('speech-deck');
  pdf.setLanguage('zh-CN');
  return { path, bytes: await pdf.save({ objectsPerTick: Number.POSITIVE_INFINITY }), pages: pdf.getPageCount() };
}

/** A check for the atomic writer: the PDF read back from the disk is, byte for byte, the one made (its pages counted). */
export function samePdf(pdf: Printed): (written: Uint8Array) => void {
  return (written) => {
    if (Buffer.compare(written, pdf.bytes) !== 0) throw new Error(`not the ${pdf.pages}-page PDF that was made`);
  };
}

/** An error's first line, for a message that must stay one line. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** `3 页 pages, 120 KB`. */
export function describePdf({ pages, bytes }: Printed): string {
  return `${pages} 页 page${pages === 1 ? '' : 's'}, ${Math.round(bytes.length / 1024)} KB`;
}
