import { writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { checkedSpeech, createReporter } from './build.ts';
import { findBrowser, launchBrowser } from './chromium.ts';
import { CLIError } from './errors.ts';
import { DEFAULT_FONT_CACHE, embedFaces, fontFaceCss, type FaceSpec } from './fonts.ts';
import { displayPath, loadSpeech } from './load.ts';
import { ensureFolder, privateFolder, writeOutputs, type Output } from './output.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { MANUSCRIPT_FAMILIES, renderManuscript } from '../render/manuscript.ts';
import { manuscriptFaceText, manuscriptOf, type ManuscriptFace } from '../render/manuscript-text.ts';

/**
 * `speech-deck manuscript`: prints the speaking manuscript (讲稿) through headless Chromium as `<name>-讲稿.pdf`,
 * and with `--docx` writes the same text as `<name>-讲稿.docx`. The HTML is rendered purely from the deck model;
 * this module embeds the fonts, prints, sets the metadata and writes the files.
 */

/**
 * The open faces that stand in where the official ones are missing. No open 仿宋 is on npm: Noto Serif SC, a 宋体
 * (Song), stands in for the body; its Bold for 小标宋; LXGW WenKai (Fontsource's "500" file is its Regular) for 楷体;
 * Noto Sans SC Medium, about as dark as 黑体, for 黑体.
 */
export const MANUSCRIPT_FACES: readonly FaceSpec<ManuscriptFace>[] = [
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
  /** A browser already running (the tests'); it is left open. Otherwise one is started and closed. */
  browser?: Browser;
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

const DEFAULT_TIMEOUT = 60_000;

/** Chrome and Edge print CSS page-margin boxes, which hold the page numbers, from version 131. */
const FIRST_WITH_MARGIN_BOXES = 131;

/** Which face stands in for which, for the progress line. */
const FACE_NOTE = '方正小标宋简体, 仿宋, 楷体, 黑体 where the computer has them, else embedded Noto Serif SC Bold (小标宋), Noto Serif SC (仿宋), LXGW WenKai (楷体), Noto Sans SC Medium (黑体)';

/** Writes `<name>-讲稿.pdf` (and `.docx`) for a speech. */
export async function exportManuscript(options: ManuscriptExportOptions): Promise<ManuscriptResult> {
  const started = performance.now();
  const progress = options.progress ?? ((line: string) => console.log(line));
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const cues = options.cues ?? true;
  const large = options.large ?? false;
  // Look for the browser and read the speech first: without either, nothing else is worth doing.
  const executable = options.browser ? '' : findBrowser({ browserPath: options.browserPath });
  const { deck, file } = await checkedSpeech(loadSpeech(options.input), createReporter());
  // A folder that cannot be made is said at once, not after the printing.
  ensureFolder(resolve(options.outDir));
  // The browser starts while the fonts are subset.
  const starting = options.browser ? Promise.resolve(options.browser) : launch(executable);
  starting.catch(() => undefined);
  const pdfLib = import('pdf-lib');
  const work = privateFolder();
  const folder = work.path;
  try {
    const outDir = resolve(options.outDir);
    const name = join(outDir, `${basename(options.input, extname(options.input))}-讲稿`);
    progress(`讲稿 Manuscript of ${file}: ${large ? '二号 22 pt, 20 × 16' : '三号 16 pt, 28 × 22'}, A4${cues ? ', slide cues ▶' : ''}`);

    const manuscript = manuscriptOf(deck);
    const cacheDir = options.fontCacheDir ?? join(PACKAGE_ROOT, DEFAULT_FONT_CACHE);
    const embedded = await embedFaces(MANUSCRIPT_FACES, manuscriptFaceText(manuscript, { cues }), cacheDir, progress);
    for (const [face, chars] of Object.entries(embedded.missing) as [ManuscriptFace, string[]][]) {
      const list = chars.map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ');
      progress(`${file}: 嵌入字体缺字 no embedded ${face} face has ${list}; without such a system font it prints as a box`);
    }
    progress(`字体 Fonts: ${FACE_NOTE}`);
    const fontCss = fontFaceCss(embedded.fonts.map((font) => ({ ...font, family: MANUSCRIPT_FAMILIES[roleOf(font)], weight: 400 })));
    const html = join(folder, 'manuscript.html');
    writeFileSync(html, renderManuscript(deck, { cues, large, fontCss }));

    const browser = await starting;
    progress(`打开 Opening the manuscript in ${options.browser ? 'the browser' : executable}`);
    const major = Number(browser.version().split('.')[0]);
    if (major < FIRST_WITH_MARGIN_BOXES) {
      progress(`注意 Note: this browser is version ${major}; page numbers need Chrome or Edge ${FIRST_WITH_MARGIN_BOXES} or later, so this manuscript has none. Give a newer one with --browser-path.`);
    }
    const page = await browser.newPage();
    let printed: Uint8Array;
    try {
      await page.goto(pathToFileURL(html).href, { timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      printed = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
    } finally {
      await page.close();
    }
    const { PDFDocument } = await pdfLib;
    const pdf = await PDFDocument.load(printed, { updateMetadata: false });
    pdf.setTitle(`${deck.meta.title} · 讲稿`, { showInWindowTitleBar: true });
    if (deck.meta.speaker) pdf.setAuthor(deck.meta.speaker);
    if (deck.meta.occasion) pdf.setSubject(deck.meta.occasion);
    pdf.setCreator('speech-deck');
    pdf.setLanguage('zh-CN');
    const bytes = await pdf.save();
    const pages = pdf.getPageCount();
    const outputs: Output[] = [
      { path: `${name}.pdf`, data: bytes, check: async (written) => void (await PDFDocument.load(written, { updateMetadata: false })) },
    ];
    const result: ManuscriptResult = { pdf: { path: `${name}.pdf`, pages, bytes: bytes.length }, missing: embedded.missing, seconds: 0 };
    if (options.docx) {
      const [{ Packer }, { manuscriptDocx }] = await Promise.all([import('docx'), import('../render/manuscript-docx.ts')]);
      const docx = await Packer.toBuffer(manuscriptDocx(deck, { cues, large }));
      outputs.push({ path: `${name}.docx`, data: docx });
      result.docx = { path: `${name}.docx`, bytes: docx.length };
    }
    // Both files are whole before either replaces an older one.
    await writeOutputs(outputs);
    progress(`已写出 Wrote ${displayPath(result.pdf.path)} (${pages} 页 pages, ${kb(bytes.length)})`);
    if (result.docx) progress(`已写出 Wrote ${displayPath(result.docx.path)} (${kb(result.docx.bytes)})`);
    result.seconds = (performance.now() - started) / 1000;
    progress(`完成 Done in ${result.seconds.toFixed(1)} s`);
    return result;
  } finally {
    work.release();
    if (!options.browser) await starting.then((browser) => browser.close(), () => undefined);
  }
}

function roleOf(font: { family: string; weight: number }): ManuscriptFace {
  return MANUSCRIPT_FACES.find((spec) => spec.family === font.family && spec.weight === font.weight)!.role;
}

async function launch(executable: string): Promise<Browser> {
  try {
    return await launchBrowser({ browserPath: executable });
  } catch (error) {
    throw new CLIError(`the browser at ${executable} could not be started (${(error instanceof Error ? error.message : String(error)).split('\n')[0]}). Give another with --browser-path.`);
  }
}


function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
