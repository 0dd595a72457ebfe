/**
 * The one print path of `pdf` and `manuscript`: one browser start (closed the same way on Ctrl+C as on success),
 * one timeout, one way to open a page and wait on it, one PDF writer that sets the metadata and reads the result
 * back. Playwright and pdf-lib load only here, when something is printed.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { PRINTING } from '../messages.ts';
import { displayPath } from '../files/paths.ts';
import { onStop } from '../stop.ts';
import { findBrowser, launchBrowser, type FindOptions } from './browser.ts';

/** How long a page may take to open and lay out, in milliseconds. */
export const PRINT_TIMEOUT = 60_000;

export interface PrinterOptions {
  /** `--browser-path` from the command line. */
  browserPath?: string | undefined;
  /** How the browser is looked for; tests replace the lookup. */
  find?: Omit<FindOptions, 'browserPath'> | undefined;
  /** A browser already running (the tests'); it is left open. */
  browser?: Browser | undefined;
}

/** A browser being started for printing, and how to let it go. */
export interface Printer {
  /** The browser's path, or '' for a browser given already. */
  executable: string;
  browser: Promise<Browser>;
  /** Closes a browser this printer started; safe to call more than once. */
  close: () => Promise<void>;
  /** pdf-lib, loading meanwhile. */
  pdfLib: Promise<typeof import('pdf-lib')>;
}

/** The browser to print with, found at once so that a missing one is said before any work: '' for one given already. */
export function findPrinter(options: PrinterOptions): string {
  return options.browser ? '' : findBrowser({ ...options.find, browserPath: options.browserPath });
}

/**
 * Starts the browser found by `findPrinter` in the background, while the caller builds what it will print. Ctrl+C
 * closes it (stop.ts); its failure is reported where it is awaited.
 */
export function startPrinter(executable: string, options: PrinterOptions): Printer {
  const browser = options.browser ? Promise.resolve(options.browser) : launch(executable);
  browser.catch(() => undefined);
  const own = !options.browser;
  let forget: () => void = () => undefined;
  const close = async () => {
    forget();
    if (own)
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

async function launch(executable: string): Promise<Browser> {
  try {
    // The command closes the browser itself when stopped (stop.ts), so Playwright must not exit the process first.
    return await launchBrowser({ browserPath: executable, handleSignals: false });
  } catch (error) {
    throw new CLIError(
      `无法启动浏览器 ${executable}（${firstLine(error)}）；请用 --browser-path 指定另一个 · ` +
        `the browser at ${executable} could not be started (${firstLine(error)}); give another with --browser-path`,
    );
  }
}

const pageErrors = new WeakMap<Page, string[]>();

/** Opens a file in a new page of the browser; `shown` names it in messages. */
export async function openPage(
  browser: Browser,
  file: string,
  options: { query?: string; shown: string; timeout?: number | undefined; advice: string },
): Promise<Page> {
  let page: Page;
  try {
    page = await browser.newPage();
  } catch (error) {
    throw new CLIError(
      `浏览器在打开 ${options.shown} 之前就停了（${firstLine(error)}），请再试一次 · the browser stopped before it could open ${options.shown} (${firstLine(error)}); try again`,
    );
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  pageErrors.set(page, errors);
  try {
    await page.goto(`${pathToFileURL(file).href}${options.query ?? ''}`, { timeout: options.timeout ?? PRINT_TIMEOUT });
  } catch (error) {
    throw new CLIError(`${say(PRINTING.cannotOpen, { shown: options.shown, detail: firstLine(error) })}\n${options.advice}`);
  }
  return page;
}

/** Waits on work in the page, giving up after `timeout` with a message that says what went wrong. */
export async function waitFor<T>(work: Promise<T>, page: Page, options: { shown: string; timeout?: number | undefined; advice: string }): Promise<T> {
  const timeout = options.timeout ?? PRINT_TIMEOUT;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('time-out')), timeout);
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    const seen = pageErrors.get(page)?.[0];
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
  let printed: Uint8Array;
  try {
    printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: tagged });
  } catch (error) {
    throw new CLIError(
      `浏览器无法打印 ${displayPath(path)}（${firstLine(error)}）；请再试一次，或用 --browser-path 换一个浏览器 · ` +
        `the browser could not print ${displayPath(path)} (${firstLine(error)}); try again, or give another browser with --browser-path`,
    );
  }
  const { PDFDocument } = await printer.pdfLib;
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  pdf.setCreator('speech-deck');
  pdf.setLanguage('zh-CN');
  return { path, bytes: await pdf.save(), pages: pdf.getPageCount() };
}

/** A check for the atomic writer: the PDF read back from the disk loads and has every page. */
export function samePdf(printer: Printer, pdf: Printed): (written: Uint8Array) => Promise<void> {
  return async (written) => {
    const { PDFDocument } = await printer.pdfLib;
    const read = await PDFDocument.load(written, { updateMetadata: false });
    if (read.getPageCount() !== pdf.pages) throw new Error(`${read.getPageCount()} of ${pdf.pages} pages`);
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
