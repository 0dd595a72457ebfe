/**
 * `speech-deck manuscript`: the speaking manuscript (讲稿) the speaker reads from at the podium, in the layout of
 * official documents on A4, as `<name>-讲稿.pdf`, and with `--docx` as `<name>-讲稿.docx` too. The page is rendered
 * purely from the deck model (render/manuscript.ts); here its fonts are embedded, it is printed, and both files
 * are written together.
 */
import { basename, extname, join, resolve } from 'node:path';
import type { FaceSpec } from '../fonts/embed.ts';
import { say } from '../../core/say.ts';
import { displayPath } from '../files/paths.ts';
import { PRINT_PROGRESS } from '../messages.ts';
import type { ManuscriptFace } from '../../render/manuscript-text.ts';
import { BROWSER_PATH, type Command, DEFAULT_OUT_DIR, OUT_DIR, SPEECH_ARGUMENT, stringOption } from './command.ts';

export const manuscript: Command = {
  name: 'manuscript',
  summary: {
    zh: '生成 A4 讲稿 <名称>-讲稿.pdf，按公文格式排版，▶n 标出每张幻灯片从哪里开始',
    en: 'write the A4 speaking manuscript <name>-讲稿.pdf in the layout of official documents, ▶n where each slide begins',
  },
  argument: SPEECH_ARGUMENT,
  options: {
    'out-dir': OUT_DIR,
    'no-cues': { type: 'boolean', help: { zh: '不标 ▶n', en: 'leave out the ▶n slide cues' } },
    large: { type: 'boolean', help: { zh: '二号字（22 磅），一臂之外也看得清', en: '二号 22 pt, for reading at arm’s length' } },
    docx: { type: 'boolean', help: { zh: '同时写出 <名称>-讲稿.docx', en: 'also write <name>-讲稿.docx' } },
    'browser-path': BROWSER_PATH,
  },
  run: async ({ file, values }) => {
    await exportManuscript({
      input: file,
      outDir: stringOption(values, 'out-dir', DEFAULT_OUT_DIR),
      browserPath: stringOption(values, 'browser-path'),
      cues: !values['no-cues'],
      large: values.large === true,
      docx: values.docx === true,
    });
    return 0;
  },
};

/**
 * The open faces that stand in where the official ones are missing. No open 仿宋 is on npm: Noto Serif SC, a 宋体
 * (Song), stands in for the body; its Bold for 小标宋; LXGW WenKai (Fontsource's "500" file is its Regular) for 楷体;
 * Noto Sans SC Medium, about as dark as 黑体, for 黑体.
 */
const MANUSCRIPT_FACES: readonly FaceSpec<ManuscriptFace>[] = [
  { role: 'title', family: 'Noto Serif SC', weight: 700, pkg: '@fontsource/noto-serif-sc' },
  { role: 'song', family: 'Noto Serif SC', weight: 400, pkg: '@fontsource/noto-serif-sc' },
  { role: 'kai', family: 'LXGW WenKai', weight: 500, pkg: '@fontsource/lxgw-wenkai' },
  { role: 'hei', family: 'Noto Sans SC', weight: 500, pkg: '@fontsource/noto-sans-sc' },
];

export interface ManuscriptExportOptions {
  input: string;
  outDir: string;
  /** `▶5` where each slide begins; `--no-cues` turns them off. */
  cues?: boolean;
  large?: boolean;
  /** Also write `<name>-讲稿.docx`. */
  docx?: boolean;
  browserPath?: string | undefined;
  /** The browser's environment (the tests' leaves out the system's Chinese fonts); this process's by default. */
  env?: NodeJS.ProcessEnv | undefined;
  /** How long to wait for the page and its fonts, in milliseconds. */
  timeout?: number;
  fontCacheDir?: string;
  /** Receives one line per step; prints to stdout when left out. */
  progress?: (line: string) => void;
}

export interface ManuscriptResult {
  pdf: { path: string; pages: number; bytes: number };
  docx?: { path: string; bytes: number };
  /** Characters no embedded face has, by face: drawn by whatever the system has, if anything. */
  missing: Partial<Record<ManuscriptFace, string[]>>;
  seconds: number;
}

/** Chrome and Edge print CSS page-margin boxes, which hold the page numbers, from version 131. */
const FIRST_WITH_MARGIN_BOXES = 131;

/** The official face each embedded one stands in for, as a missing character is reported. */
const FACE_NAMES: Record<ManuscriptFace, string> = { title: '小标宋', song: '仿宋', kai: '楷体', hei: '黑体' };

const AGAIN = '请再试一次 · try again';

/** Writes `<name>-讲稿.pdf` (and `.docx`) for a speech. */
export async function exportManuscript(options: ManuscriptExportOptions): Promise<ManuscriptResult> {
  const started = performance.now();
  const progress = options.progress ?? ((line: string) => console.log(line));
  const cues = options.cues ?? true;
  const large = options.large ?? false;
  const [{ loadSpeech }, { checkedSpeech, createReporter }, files, print, fonts, { PACKAGE_ROOT }, render, text] = await Promise.all([
    import('../speech/load.ts'),
    import('../speech/checked.ts'),
    import('../files/output.ts'),
    import('../print/print.ts'),
    import('../fonts/embed.ts'),
    import('../files/package-root.ts'),
    import('../../render/manuscript.ts'),
    import('../../render/manuscript-text.ts'),
  ]);
  // The browser and the speech first: without either, nothing else is worth doing.
  const executable = print.findPrinter(options);
  const { deck, file } = await checkedSpeech(loadSpeech(options.input), createReporter());
  // A folder that cannot be made is said at once, not after the printing.
  files.ensureFolder(resolve(options.outDir));
  // The browser starts while the fonts are subset.
  const printer = print.startPrinter(executable, options);
  const work = files.privateFolder();
  try {
    const name = join(resolve(options.outDir), `${basename(options.input, extname(options.input))}-讲稿`);
    const layout = large
      ? { zh: '二号 22 pt，每页 20 行 × 16 字', en: '二号 22 pt, 20 lines of 16 a page' }
      : { zh: '三号 16 pt，每页 28 行 × 22 字', en: '三号 16 pt, 28 lines of 22 a page' };
    const slideCues = cues ? { zh: '，▶ 标出每张幻灯片', en: ', with slide cues ▶' } : { zh: '', en: '' };
    progress(say(PRINT_PROGRESS.manuscriptOf, { file, layout, cues: slideCues }));

    const speech = text.manuscriptOf(deck);
    const cacheDir = options.fontCacheDir ?? join(PACKAGE_ROOT, fonts.DEFAULT_FONT_CACHE);
    const embedded = await fonts.embedFaces(MANUSCRIPT_FACES, text.manuscriptFaceText(speech, { cues }), cacheDir, progress);
    for (const [face, chars] of Object.entries(embedded.missing) as [ManuscriptFace, string[]][]) {
      const list = chars.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ');
      progress(say(PRINT_PROGRESS.missingCharacters, { file, face: { zh: FACE_NAMES[face], en: face }, list }));
    }
    progress(say(PRINT_PROGRESS.faces));
    const roleOf = (font: { family: string; weight: number }) =>
      MANUSCRIPT_FACES.find((spec) => spec.family === font.family && spec.weight === font.weight)!.role;
    const fontCss = fonts.fontFaceCss(embedded.fonts.map((font) => ({ ...font, family: render.MANUSCRIPT_FAMILIES[roleOf(font)], weight: 400 })));
    const html = join(work.path, 'manuscript.html');
    await writePage(html, render.renderManuscript(deck, { cues, large, fontCss }));

    const browser = await printer.browser;
    progress(say(PRINT_PROGRESS.openingManuscript, { browser: printer.executable }));
    const major = Number((await browser.version()).split('.')[0]);
    if (major < FIRST_WITH_MARGIN_BOXES) {
      progress(say(PRINT_PROGRESS.oldBrowser, { major, needed: FIRST_WITH_MARGIN_BOXES }));
    }
    const page = await print.openPage(browser, html, { shown: '讲稿 the manuscript', timeout: options.timeout, advice: AGAIN });
    let printed: Awaited<ReturnType<typeof print.printPdf>>;
    try {
      await print.waitFor(print.inPage<void>(page, 'document.fonts.ready.then(() => undefined)'), page, {
        shown: '讲稿 the manuscript',
        timeout: options.timeout,
        advice: AGAIN,
      });
      printed = await print.printPdf(
        printer,
        page,
        `${name}.pdf`,
        { title: `${deck.meta.title} · 讲稿`, author: deck.meta.speaker, subject: deck.meta.occasion },
        true,
      );
    } finally {
      await print.closePage(page);
    }
    const outputs: { path: string; data: Uint8Array; check?: (written: Uint8Array) => void | Promise<void> }[] = [
      { path: printed.path, data: printed.bytes, check: print.samePdf(printed) },
    ];
    const result: ManuscriptResult = { pdf: { path: printed.path, pages: printed.pages, bytes: printed.bytes.length }, missing: embedded.missing, seconds: 0 };
    if (options.docx) {
      const [{ Packer }, { manuscriptDocx }] = await Promise.all([import('docx'), import('../../render/manuscript-docx.ts')]);
      const docx = await Packer.toBuffer(manuscriptDocx(deck, { cues, large }));
      outputs.push({ path: `${name}.docx`, data: docx });
      result.docx = { path: `${name}.docx`, bytes: docx.length };
    }
    // Both files are whole before either replaces an older one.
    await files.writeOutputs(outputs);
    progress(say(PRINT_PROGRESS.wrote, { path: displayPath(result.pdf.path), size: print.describePdf(printed) }));
    if (result.docx) progress(say(PRINT_PROGRESS.wrote, { path: displayPath(result.docx.path), size: `${Math.round(result.docx.bytes / 1024)} KB` }));
    result.seconds = (performance.now() - started) / 1000;
    progress(say(PRINT_PROGRESS.manuscriptDone, { seconds: result.seconds.toFixed(1) }));
    return result;
  } finally {
    await printer.close();
    work.release();
  }
}

/** Writes the manuscript's page into the private folder. */
async function writePage(path: string, html: string): Promise<void> {
  const [{ writeFileSync }, { cannotWrite }] = await Promise.all([import('node:fs'), import('../files/output.ts')]);
  try {
    writeFileSync(path, html);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}
