import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { findBrowser, launchBrowser, type FindOptions } from './chromium.ts';
import { CLIError } from './errors.ts';
import { displayPath, loadSpeech, readSpeechBytes, type LoadedSpeech } from './load.ts';
import type { Meta } from '../core/model.ts';
import { cannotWrite, ensureFolder, privateFolder, writeOutputs } from './output.ts';
import { isBuiltFrom } from './stamp.ts';
import { onStop } from './stop.ts';

/** The stages an export reports, one line each. */
export type Stage = 'build' | 'open' | 'lay out' | 'write';

export interface PdfOptions {
  /** Path of the speech in Markdown. */
  input: string;
  /** Where the deck and the PDFs are written. */
  outDir: string;
  /** `--browser-path` from the command line. */
  browserPath?: string | undefined;
  /** How long to wait for the deck to open and lay out, in milliseconds. */
  timeout?: number;
  /** Receives one line per stage; prints to stdout when left out. */
  progress?: (stage: Stage, line: string) => void;
  /** How the browser is looked for; tests replace the lookup. */
  find?: Omit<FindOptions, 'browserPath'>;
}

export interface PdfResult {
  slides: { path: string; pages: number };
  handout: { path: string; pages: number };
}

const DEFAULT_TIMEOUT = 60_000;

/** A printed PDF, ready to be written. */
interface Printed {
  path: string;
  bytes: Uint8Array;
  pages: number;
}

/**
 * Builds the deck when needed, then prints `<name>.pdf` (the slides) and `<name>-notes.pdf` (the handout) with one
 * browser. Both PDFs are printed before either is written, then written together: each to a temporary file,
 * read back with pdf-lib, and renamed into place, so a failure or a kill never leaves a torn or mismatched pair.
 */
export async function exportPdf(options: PdfOptions): Promise<PdfResult> {
  const started = performance.now();
  const progress = options.progress ?? ((_stage: Stage, line: string) => console.log(line));
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  // Look for the browser, the speech and the folder first: without them, starting the browser would be wasted.
  const executable = findBrowser({ ...options.find, browserPath: options.browserPath });
  readSpeechBytes(options.input);
  ensureFolder(resolve(options.outDir));
  // The browser starts while the deck is built and the speech read; its failure is reported where it is awaited.
  const starting = launch(executable);
  starting.catch(() => undefined);
  const closeBrowser = () => starting.then((browser) => browser.close(), () => undefined);
  const forget = onStop(closeBrowser);
  // pdf-lib loads meanwhile too.
  const pdfLib = import('pdf-lib');
  const work = privateFolder();
  try {
    const speech = loadSpeech(options.input);
    const deck = await deckFile(options.input, options.outDir, speech, progress);
    const { meta } = speech.deck;
    const name = join(resolve(options.outDir), basename(options.input, extname(options.input)));
    // The browser opens a private copy, so that another build into the same folder cannot swap the deck under it.
    const copy = join(work.path, basename(deck.path));
    try {
      writeFileSync(copy, deck.html);
    } catch (error) {
      throw cannotWrite(copy, error);
    }
    const browser = await starting;
    progress('open', `Opening ${displayPath(deck.path)} in ${executable} · 正在用浏览器打开`);
    const page = await openPrintView(browser, copy, deck.path, timeout);
    const slideCount = await waitFor(page.evaluate(() => window.printView!.ready), timeout, deck.path, page);
    progress('lay out', `Laid out ${slideCount} slides, one to a page · 已排好 ${slideCount} 页幻灯片`);
    const { PDFDocument } = await pdfLib;
    const slides = await printPdf(PDFDocument, page, `${name}.pdf`, meta, meta.title, true);
    const title = await waitFor(page.evaluate(() => window.printView!.handout()), timeout, deck.path, page);
    progress('lay out', `Laid out the handout: each slide with everything said with it · 已排好讲义：每张幻灯片连同全部讲话`);
    const handout = await printPdf(PDFDocument, page, `${name}-notes.pdf`, meta, title, false);
    await writeOutputs([slides, handout].map((pdf) => ({ path: pdf.path, data: pdf.bytes, check: (written) => samePdf(PDFDocument, written, pdf.pages) })));
    progress('write', `Wrote ${displayPath(slides.path)} (${describe(slides)}) · 已写出幻灯片 PDF`);
    progress('write', `Wrote ${displayPath(handout.path)} (${describe(handout)}, A4) · 已写出讲义 PDF`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress('write', `Done in ${seconds} s: ${displayPath(slides.path)}, ${displayPath(handout.path)} · 完成`);
    return { slides: { path: slides.path, pages: slides.pages }, handout: { path: handout.path, pages: handout.pages } };
  } finally {
    await closeBrowser();
    forget();
    work.release();
  }
}

/**
 * The built deck and its text: `<name>.html` when it was built from this very speech text by this version of the
 * program (as its stamp says), else built afresh from the speech already read.
 */
async function deckFile(input: string, outDir: string, speech: LoadedSpeech, progress: (stage: Stage, line: string) => void): Promise<{ path: string; html: string }> {
  const path = join(resolve(outDir), `${basename(input, extname(input))}.html`);
  const html = readIfThere(path);
  if (html !== undefined && isBuiltFrom(html, speech)) {
    progress('build', `Using ${displayPath(path)}, which was built from this very ${speech.file} · 沿用已生成的幻灯片`);
    return { path, html };
  }
  progress('build', html === undefined ? `No ${displayPath(path)} yet: building it first · 还没有幻灯片，先生成` : `${displayPath(path)} was built from another speech or version: building it again · 幻灯片不是用这份讲话稿或这个版本生成的，重新生成`);
  // Vite loads only when the deck must be built.
  return (await import('./build.ts')).buildDeckFile(input, outDir, { speech });
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A PDF read back from the disk must load and have every page. */
async function samePdf(PDFDocument: typeof import('pdf-lib').PDFDocument, written: Uint8Array, pages: number): Promise<void> {
  const pdf = await PDFDocument.load(written, { updateMetadata: false });
  if (pdf.getPageCount() !== pages) throw new Error(`${pdf.getPageCount()} of ${pages} pages`);
}

async function launch(executable: string): Promise<Browser> {
  try {
    // The command closes the browser itself when stopped (see stop.ts), so Playwright must not exit the process first.
    return await launchBrowser({ browserPath: executable, handleSignals: false });
  } catch (error) {
    throw new CLIError(`the browser at ${executable} could not be started (${firstLine(error)}). Give another with --browser-path.`);
  }
}

/** Opens the deck's print view, in which reveal lays out one page per slide. */
async function openPrintView(browser: Browser, file: string, html: string, timeout: number): Promise<Page> {
  let page: Page;
  try {
    page = await browser.newPage();
  } catch (error) {
    throw new CLIError(`the browser stopped before it could open ${displayPath(html)} (${firstLine(error)}); try again`);
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  pageErrors.set(page, errors);
  try {
    await page.goto(`${pathToFileURL(file).href}?print-pdf`, { timeout });
  } catch (error) {
    throw new CLIError(`${displayPath(html)} could not be opened (${firstLine(error)}). Build it again with: speech-deck build`);
  }
  return page;
}

const pageErrors = new WeakMap<Page, string[]>();

/** Waits on a promise from the page, giving up after `timeout` with a message that says what went wrong. */
async function waitFor<T>(work: Promise<T>, timeout: number, html: string, page: Page): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('time-out')), timeout);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    const seen = pageErrors.get(page)?.[0];
    const why = firstLine(error) === 'time-out' ? `did not finish laying out for print within ${timeout / 1000} s` : `failed to lay out for print (${firstLine(error)})`;
    throw new CLIError(`${displayPath(html)} ${why}${seen ? `; the page reported: ${seen}` : ''}. Check that it opens in a browser, or build it again with: speech-deck build`);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

/**
 * Prints the page as it is laid out now, with the speech's title and speaker as metadata. `tagged` adds the structure tree screen readers
 * use: the slides PDF has it; the handout goes without, as tagging its pages of scaled slides doubles the time and
 * the size of printing it (772 slides: 12 s and 2 MB untagged, 27 s and 5.6 MB tagged).
 */
async function printPdf(PDFDocument: typeof import('pdf-lib').PDFDocument, page: Page, path: string, meta: Meta, title: string, tagged: boolean): Promise<Printed> {
  let printed: Buffer;
  try {
    printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: tagged });
  } catch (error) {
    throw new CLIError(`the browser could not print ${displayPath(path)} (${firstLine(error)}); try again, or give another browser with --browser-path`);
  }
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  pdf.setTitle(title, { showInWindowTitleBar: true });
  if (meta.speaker) pdf.setAuthor(meta.speaker);
  if (meta.occasion) pdf.setSubject(meta.occasion);
  pdf.setCreator('speech-deck');
  pdf.setLanguage('zh-CN');
  return { path, bytes: await pdf.save(), pages: pdf.getPageCount() };
}

function describe({ pages, bytes }: Printed): string {
  return `${pages} page${pages === 1 ? '' : 's'}, ${Math.round(bytes.length / 1024)} KB`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
