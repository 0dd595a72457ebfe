import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { findBrowser, launchBrowser, type FindOptions } from './chromium.ts';
import { CLIError } from './errors.ts';
import { pictureFiles } from './images.ts';
import { displayPath, loadSpeech } from './load.ts';
import type { Meta } from '../core/model.ts';
import { PACKAGE_ROOT } from './package-root.ts';

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

/** Builds the deck when needed, then prints `<name>.pdf` (the slides) and `<name>-notes.pdf` (the handout) with one browser. */
export async function exportPdf(options: PdfOptions): Promise<PdfResult> {
  const started = performance.now();
  const progress = options.progress ?? ((_stage: Stage, line: string) => console.log(line));
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  // Look for the browser first: without one, building would be wasted.
  const executable = findBrowser({ ...options.find, browserPath: options.browserPath });
  // The browser starts while the deck is built and the speech read; its failure is reported where it is awaited.
  const starting = launch(executable);
  starting.catch(() => undefined);
  // pdf-lib loads meanwhile too.
  const pdfLib = import('pdf-lib');
  try {
    const html = await deckFile(options.input, options.outDir, progress);
    const { meta } = loadSpeech(options.input).deck;
    const name = join(dirname(html), basename(html, '.html'));
    const browser = await starting;
    progress('open', `Opening ${displayPath(html)} in ${executable}`);
    const page = await openPrintView(browser, html, timeout);
    const slideCount = await waitFor(page.evaluate(() => window.printView!.ready), timeout, html, page);
    progress('lay out', `Laid out ${slideCount} slides, one to a page`);
    const { PDFDocument } = await pdfLib;
    const slides = await writePdf(PDFDocument, page, `${name}.pdf`, meta, meta.title);
    progress('write', `Wrote ${displayPath(slides.path)} (${describe(slides)})`);
    const title = await waitFor(page.evaluate(() => window.printView!.handout()), timeout, html, page);
    progress('lay out', `Laid out the handout: each slide with everything said with it`);
    const handout = await writePdf(PDFDocument, page, `${name}-notes.pdf`, meta, title);
    progress('write', `Wrote ${displayPath(handout.path)} (${describe(handout)}, A4)`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress('write', `Done in ${seconds} s: ${displayPath(slides.path)}, ${displayPath(handout.path)}`);
    return { slides, handout };
  } finally {
    await starting.then((browser) => browser.close(), () => undefined);
  }
}

/** The built deck, built afresh when it is missing or older than the speech or the program. */
async function deckFile(input: string, outDir: string, progress: (stage: Stage, line: string) => void): Promise<string> {
  const html = join(resolve(outDir), `${basename(input, extname(input))}.html`);
  const built = mtime(html);
  // A changed picture needs the deck built again as much as a changed speech does.
  const pictures = built === undefined ? [] : pictureFiles(loadSpeech(input).deck, input).map((file) => mtime(file) ?? Infinity);
  if (built !== undefined && built >= Math.max(mtime(input) ?? Infinity, newestSource(), ...pictures)) {
    progress('build', `Using ${displayPath(html)}, which is up to date with ${displayPath(input)}`);
    return html;
  }
  // Vite loads only when the deck must be built.
  return (await import('./build.ts')).buildDeck(input, outDir);
}

/** Newest change to what the deck is built from besides the speech: the page, its code and theme, the dependencies. */
function newestSource(): number {
  const files = ['index.html', 'package.json', 'package-lock.json'].map((f) => join(PACKAGE_ROOT, f));
  const src = readdirSync(join(PACKAGE_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => join(PACKAGE_ROOT, 'src', f));
  return Math.max(...[...files, ...src].map((f) => mtime(f) ?? 0));
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

async function launch(executable: string): Promise<Browser> {
  try {
    return await launchBrowser({ browserPath: executable });
  } catch (error) {
    throw new CLIError(`the browser at ${executable} could not be started (${firstLine(error)}). Give another with --browser-path.`);
  }
}

/** Opens the deck's print view, in which reveal lays out one page per slide. */
async function openPrintView(browser: Browser, html: string, timeout: number): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  pageErrors.set(page, errors);
  try {
    await page.goto(`${pathToFileURL(html).href}?print-pdf`, { timeout });
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

/** Prints the page as it is laid out now and writes it with the speech's title and speaker as metadata. */
async function writePdf(PDFDocument: typeof import('pdf-lib').PDFDocument, page: Page, path: string, meta: Meta, title: string): Promise<{ path: string; pages: number; bytes: number }> {
  const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  pdf.setTitle(title, { showInWindowTitleBar: true });
  if (meta.speaker) pdf.setAuthor(meta.speaker);
  if (meta.occasion) pdf.setSubject(meta.occasion);
  pdf.setCreator('speech-deck');
  pdf.setLanguage('zh-CN');
  const bytes = await pdf.save();
  writeFileSync(path, bytes);
  return { path, pages: pdf.getPageCount(), bytes: bytes.length };
}

function describe({ pages, bytes }: { pages: number; bytes: number }): string {
  return `${pages} page${pages === 1 ? '' : 's'}, ${Math.round(bytes / 1024)} KB`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
