/**
 * The studio page: a Word or text file (or pasted text) in; the import report, the slides to check and a live
 * preview; the deck, the .pptx and the Markdown out. Everything runs here, offline: the same core and renderers
 * as the CLI, with fonts subset in a worker.
 */
import '../../assets/studio.css';
import { hasErrors, type Deck } from '../core/model.ts';
import { MANUSCRIPT_FAMILIES, renderManuscript } from '../render/manuscript.ts';
import { manuscriptFaceText, manuscriptOf } from '../render/manuscript-text.ts';
import { renderPptx } from '../render/pptx.ts';
import { FontMaker, useCarriedFaceForPage } from './fonts.ts';
import { Preview } from './preview.ts';
import { printPage } from './print.ts';
import { download, fileName } from './save.ts';
import { $, action } from './dom.ts';
import { StudioState } from './state.ts';
import { Status } from './status.ts';
import { Making } from './making.ts';
import { Loading } from './loading.ts';
import { Report } from './report.ts';
import { Editing } from './editing.ts';

declare global {
  interface Window {
    /** The studio's state, for tests and the benchmark. */
    studio?: { state: () => string; markdown: () => string; deck: () => Deck | undefined };
  }
}

/** What the page needs of the browser; Chrome and Edge 109 have all of it. */
const NEEDS: Array<[string, () => boolean]> = [
  ['WebAssembly', () => typeof WebAssembly === 'object'],
  ['Worker', () => typeof Worker === 'function'],
  ['DecompressionStream', () => typeof DecompressionStream === 'function'],
  ['CompressionStream', () => typeof CompressionStream === 'function'],
  ['crypto.subtle', () => typeof crypto === 'object' && typeof crypto.subtle?.digest === 'function'],
  ['Intl.Segmenter', () => typeof Intl === 'object' && 'Segmenter' in Intl],
];


const lacking = NEEDS.filter(([, has]) => !has()).map(([name]) => name);
if (lacking.length) {
  $('#unsupported-detail').textContent = `This browser lacks: ${lacking.join(', ')}.`;
} else {
  start();
}

function start(): void {
  $('#unsupported').hidden = true;
  $('#loading').hidden = true;
  $('#studio').hidden = false;

  useCarriedFaceForPage();
  const fonts = new FontMaker();
  const saves = ['save-deck', 'save-pptx', 'save-markdown'].map((name) => action<HTMLButtonElement>(name));

  const state = new StudioState();
  const status = new Status();
  const making = new Making(state, status, fonts);
  new Loading(state, status, making).bind();
  new Report(state).bind();
  new Editing(state, making).bind();
  new Preview(state).bind();
  const setState = status.show.bind(status);

  window.studio = { state: () => status.phase, markdown: () => state.markdown, deck: () => state.deck };
  $('#print-note').textContent =
    '“打印讲稿”按公文格式排出讲稿（A4，三号仿宋，每张幻灯片开始处标 ▶），用电脑自带的仿宋、楷体、黑体（没有时用工作台自带的字体代替）；在打印窗口选“另存为 PDF”即得 PDF。Chrome/Edge 131 以前的版本打印不出页码。 · Print manuscript lays out the speech as an official document; choose “Save as PDF” in the print dialog.';

  state.on('speech', () => {
    action<HTMLButtonElement>('save-markdown').disabled = false;
    action<HTMLButtonElement>('print-manuscript').disabled = state.hasErrors();
    for (const button of saves.slice(0, 2)) button.disabled = true;
  });
  state.on('made', () => {
    for (const button of saves) button.disabled = false;
  });

  action('save-deck').addEventListener('click', () => {
    const { made, deck } = state;
    if (made && deck) download(fileName(deck.meta.title, 'html'), made.page, 'text/html;charset=utf-8');
  });
  action('save-markdown').addEventListener('click', () => {
    if (state.deck) download(fileName(state.deck.meta.title, 'md'), state.markdown, 'text/markdown;charset=utf-8');
  });
  action('print-manuscript').addEventListener('click', async () => {
    const made = state.deck;
    if (!made || hasErrors(made.problems)) return;
    // The official faces (仿宋, 楷体, 黑体) come from the PC; the carried faces stand in where it lacks them.
    const text = manuscriptFaceText(manuscriptOf(made), { cues: true });
    const fontCss = await fonts.forText([
      { role: 'heading', text: text.title, family: MANUSCRIPT_FAMILIES.title, weight: 400 },
      ...(['song', 'kai', 'hei'] as const).map((face) => ({ role: 'body' as const, text: text[face], family: MANUSCRIPT_FAMILIES[face], weight: 400 })),
    ]);
    printPage(renderManuscript(made, { fontCss }));
  });
  action('save-pptx').addEventListener('click', async () => {
    const made = state.deck;
    if (!made || !state.made) return;
    const button = action<HTMLButtonElement>('save-pptx');
    button.disabled = true;
    try {
      const result = await renderPptx(made);
      download(fileName(made.meta.title, 'pptx'), result.bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
      if (result.skipped.length) setState('ready', `已保存 PowerPoint；${result.skipped.length} 张图片不是 PNG、JPEG 或 GIF，只显示了说明文字。 · Saved; ${result.skipped.length} picture(s) shown as their description.`);
    } catch (error) {
      setState('error', `PowerPoint 文件生成失败：${(error as Error).message} · The .pptx could not be made.`);
    } finally {
      button.disabled = !state.made;
    }
  });
}
