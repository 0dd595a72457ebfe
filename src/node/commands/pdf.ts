/**
 * `speech-deck pdf`: the slides, one to a page, as `<name>.pdf`, and the speaker's handout (each slide with
 * everything said with it, A4) as `<name>-notes.pdf`. The deck is built first unless `<name>.html` was built from
 * this very speech by this program. Both PDFs are printed by one browser before either is written, then written
 * together, so a failure or a kill never leaves a torn or mismatched pair.
 */
import { basename, extname, join, resolve } from 'node:path';
import type { FindOptions } from '../print/browser.ts';
import { say } from '../../core/say.ts';
import { displayPath } from '../files/paths.ts';
import { PRINT_PROGRESS } from '../messages.ts';
import type { LoadedSpeech } from '../speech/load.ts';
import { BROWSER_PATH, type Command, DEFAULT_OUT_DIR, OUT_DIR, SPEECH_ARGUMENT, stringOption } from './command.ts';

export const pdf: Command = {
  name: 'pdf',
  summary: {
    zh: '生成幻灯片 PDF <名称>.pdf 和讲义 PDF <名称>-notes.pdf（每张幻灯片连同全部讲话）',
    en: 'write the slides to <name>.pdf and the speaker’s handout to <name>-notes.pdf',
  },
  argument: SPEECH_ARGUMENT,
  options: { 'out-dir': OUT_DIR, 'browser-path': BROWSER_PATH },
  run: async ({ file, values }) => {
    await exportPdf({ input: file, outDir: stringOption(values, 'out-dir', DEFAULT_OUT_DIR), browserPath: stringOption(values, 'browser-path') });
    return 0;
  },
};

/** The stages an export reports, one line each. */
export type Stage = 'build' | 'open' | 'lay out' | 'write';

export interface PdfOptions {
  /** Path of the speech in Markdown. */
  input: string;
  /** Where the deck and the PDFs are written. */
  outDir: string;
  /** `--browser-path` from the command line. */
  browserPath?: string | undefined;
  /** The browser's environment (the tests' leaves out the system's Chinese fonts); this process's by default. */
  env?: NodeJS.ProcessEnv | undefined;
  /** How long to wait for the deck to open and lay out, in milliseconds. */
  timeout?: number;
  /** Receives one line per stage; prints to stdout when left out. */
  progress?: (stage: Stage, line: string) => void;
  /** How the browser is looked for; tests replace the lookup. */
  find?: Omit<FindOptions, 'browserPath'>;
  /** A deck of more slides than this is printed in parts (print.ts says why); tests make it small. */
  partSlides?: number;
}

export interface PdfResult {
  slides: { path: string; pages: number };
  handout: { path: string; pages: number };
}

const AGAIN = '请在浏览器里打开它看看，或重新生成：speech-deck build · Check that it opens in a browser, or build it again with: speech-deck build';

/** Prints both PDFs of a speech. */
export async function exportPdf(options: PdfOptions): Promise<PdfResult> {
  const started = performance.now();
  const progress = options.progress ?? ((_stage: Stage, line: string) => console.log(line));
  const [{ readSpeechBytes, loadSpeech }, { ensureFolder, privateFolder, testHold, writeOutputs }, print] = await Promise.all([
    import('../speech/load.ts'),
    import('../files/output.ts'),
    import('../print/print.ts'),
  ]);
  // The browser, the speech and the folder first: without them, starting the browser would be wasted.
  const executable = print.findPrinter(options);
  readSpeechBytes(options.input);
  ensureFolder(resolve(options.outDir));
  const printer = print.startPrinter(executable, options);
  const work = privateFolder();
  try {
    const speech = loadSpeech(options.input);
    const deck = await deckFile(options.input, options.outDir, speech, progress);
    const { meta } = speech.deck;
    const name = join(resolve(options.outDir), basename(options.input, extname(options.input)));
    // The browser opens a private copy, so that another build into the same folder cannot swap the deck under it.
    const copy = join(work.path, basename(deck.path));
    await writePrivate(copy, deck.html);
    const browser = await printer.browser;
    progress('open', say(PRINT_PROGRESS.opening, { shown: displayPath(deck.path), browser: printer.executable }));
    await testHold('open');
    const shown = displayPath(deck.path);
    const page = await print.openPage(browser, copy, { query: '?print-pdf', shown, timeout: options.timeout, advice: AGAIN });
    const wait = { shown, timeout: options.timeout, advice: AGAIN };
    const slideCount = await print.waitFor(print.inPage<number>(page, 'window.printView.ready'), page, wait);
    progress('lay out', say(PRINT_PROGRESS.slidesLaidOut, { count: slideCount }));
    const metadata = { author: meta.speaker, subject: meta.occasion };
    const slidesPath = `${name}.pdf`;
    // A long deck is printed in parts (print.ts says why); its slides then carry bookmarks but no structure tree.
    const size = options.partSlides ?? print.PART_SLIDES;
    const inParts = slideCount > size;
    const slidesInParts = async () => {
      const headings = await print.waitFor(print.inPage<string[]>(page, 'window.printView.headings()'), page, wait);
      const whole = await print.printInParts(printer, page, slidesPath, { count: slideCount, size, wait });
      await print.addBookmarks(printer, whole, headings);
      return whole;
    };
    const slidesPdf = inParts ? await slidesInParts() : await print.loadPdf(printer, await print.printPages(page, slidesPath, true));
    // The handout is laid out while its pictures, the slides' own pages, are made ready to be drawn in it: the
    // browser does not print any slide twice.
    const laying = print.waitFor(print.inPage<string>(page, 'window.printView.handout(true)'), page, wait);
    const { handout: handoutPdf, pictures } = await print.handoutWithPictures(printer, slidesPdf);
    // The slides' metadata is set and the file made while the browser prints the handout.
    const slidesDone = print.withMetadata(printer, slidesPdf, slidesPath, { ...metadata, title: meta.title });
    slidesDone.catch(() => undefined);
    const title = await laying;
    progress('lay out', say(PRINT_PROGRESS.handoutLaidOut));
    await testHold('handout');
    const handoutPath = `${name}-notes.pdf`;
    await print.printInParts(printer, page, handoutPath, { count: slideCount, size, wait, into: handoutPdf });
    await print.drawPictures(printer, handoutPdf, pictures, shown);
    if (inParts) await print.numberPages(printer, page, handoutPdf, handoutPath, wait);
    const handout = await print.withMetadata(printer, handoutPdf, handoutPath, { ...metadata, title });
    const slides = await slidesDone;
    await writeOutputs([slides, handout].map((printed) => ({ path: printed.path, data: printed.bytes, check: print.samePdf(printed) })));
    progress('write', say(PRINT_PROGRESS.wroteSlides, { path: displayPath(slides.path), size: print.describePdf(slides) }));
    progress('write', say(PRINT_PROGRESS.wroteHandout, { path: displayPath(handout.path), size: print.describePdf(handout) }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress('write', say(PRINT_PROGRESS.done, { seconds, paths: `${displayPath(slides.path)}, ${displayPath(handout.path)}` }));
    return { slides: { path: slides.path, pages: slides.pages }, handout: { path: handout.path, pages: handout.pages } };
  } finally {
    await printer.close();
    work.release();
  }
}

/**
 * The built deck and its text: `<name>.html` when it was built from this very speech text by this version of the
 * program (as its stamp says), else built afresh from the speech already read.
 */
async function deckFile(
  input: string,
  outDir: string,
  speech: LoadedSpeech,
  progress: (stage: Stage, line: string) => void,
): Promise<{ path: string; html: string }> {
  const [{ readFileSync }, { isBuiltFrom }] = await Promise.all([import('node:fs'), import('../speech/stamp.ts')]);
  const path = join(resolve(outDir), `${basename(input, extname(input))}.html`);
  let html: string | undefined;
  try {
    html = readFileSync(path, 'utf8');
  } catch {
    html = undefined;
  }
  const shown = displayPath(path);
  if (html !== undefined && isBuiltFrom(html, speech)) {
    progress('build', say(PRINT_PROGRESS.reusing, { shown, file: speech.file }));
    return { path, html };
  }
  progress('build', say(html === undefined ? PRINT_PROGRESS.buildingFirst : PRINT_PROGRESS.rebuilding, { shown }));
  return (await import('./build.ts')).buildDeckFile(input, outDir, { speech });
}

/** Writes the browser's private copy of the deck. */
async function writePrivate(path: string, html: string): Promise<void> {
  const [{ writeFileSync }, { cannotWrite }] = await Promise.all([import('node:fs'), import('../files/output.ts')]);
  try {
    writeFileSync(path, html);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
