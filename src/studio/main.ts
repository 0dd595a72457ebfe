/**
 * The studio page: a Word or text file (or pasted text) in; the import report, the slides to check and a live
 * preview; the deck, the .pptx and the Markdown out. Everything runs here, offline: the same core and renderers
 * as the CLI, with fonts subset in a worker.
 */
import './look.ts';
import { capacityProblems } from '../core/capacity.ts';
import { SLIDE_LABELS } from '../core/labels.ts';
import { hasErrors, type Deck, type Problem, type Slide, type ThemeName } from '../core/model.ts';
import { parse } from '../core/parse.ts';
import { deckSeconds, formatDuration, formatDurationZh } from '../core/timing.ts';
import { MANUSCRIPT_FAMILIES, renderManuscript } from '../render/manuscript.ts';
import { manuscriptFaceText, manuscriptOf } from '../render/manuscript-text.ts';
import { renderPptx } from '../render/pptx.ts';
import { fontsMarker, shell, speechMarker, wholeTerms } from 'virtual:speech-deck/studio-data';
import { addLineBreaks } from '../core/line-breaks.ts';
import { wordBoundaries } from './words.ts';
import { deckPage } from './deck-page.ts';
import { FontMaker, useCarriedFaceForPage } from './fonts.ts';
import { addItem, isBlockStart, removeItem, setHeading, setItem, setTheme, startList } from './markdown-edit.ts';
import { markCurrent, renderOutline } from './outline.ts';
import { Preview, slideIndices } from './preview.ts';
import { printPage } from './print.ts';
import { download, fileName } from './save.ts';
import { readFile, readPasted, SourceError, type Source } from './source.ts';

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

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const action = <T extends HTMLElement>(name: string) => $<T>(`[data-action="${name}"]`);

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
  const preview = new Preview($<HTMLIFrameElement>('#preview'));
  const outline = $('#outline');
  const saves = ['save-deck', 'save-pptx', 'save-markdown'].map((name) => action<HTMLButtonElement>(name));
  const theme = $<HTMLFieldSetElement>('fieldset.theme');

  let source: Source | undefined;
  let markdown = '';
  let deck: Deck | undefined;
  let page: string | undefined;
  let version = 0;
  let current = 0;

  const setState = (state: 'empty' | 'working' | 'ready' | 'error', text: string, progress?: number) => {
    document.body.dataset.state = state;
    $('#status-text').textContent = text;
    const bar = $<HTMLProgressElement>('#progress');
    bar.hidden = progress === undefined;
    if (progress !== undefined) bar.value = progress;
  };

  window.studio = { state: () => document.body.dataset.state ?? '', markdown: () => markdown, deck: () => deck };
  setState('empty', '正在准备字体…… · Getting the fonts ready …', 0);
  fonts.ready.then(
    () => {
      if (document.body.dataset.state === 'empty') setState('empty', '请打开讲话稿：Word 文件（.docx）、文本文件（.txt），或粘贴文字。 · Open a speech to begin.');
    },
    (error: Error) => setState('error', `字体无法准备：${error.message} · The fonts could not be prepared.`),
  );

  $('#print-note').textContent =
    '“打印讲稿”按公文格式排出讲稿（A4，三号仿宋，每张幻灯片开始处标 ▶），用电脑自带的仿宋、楷体、黑体（没有时用工作台自带的字体代替）；在打印窗口选“另存为 PDF”即得 PDF。Chrome/Edge 131 以前的版本打印不出页码。 · Print manuscript lays out the speech as an official document; choose “Save as PDF” in the print dialog.';

  async function load(read: () => Promise<Source> | Source): Promise<void> {
    // Marks for the benchmark (scripts/bench.ts): chosen → read → parsed → fonts → ready.
    performance.clearMarks();
    performance.mark('studio:chosen');
    setState('working', '正在读取…… · Reading …', 0);
    try {
      source = await read();
    } catch (error) {
      setState('error', error instanceof SourceError ? error.message : `无法读取：${(error as Error).message} · Could not read it.`);
      return;
    }
    performance.mark('studio:read');
    current = 0;
    $('#start').hidden = true;
    $('#work').hidden = false;
    await update(source.markdown);
  }

  /** Takes a new version of the Markdown: parse, show, then fonts, page and preview. */
  async function update(next: string): Promise<void> {
    markdown = next;
    const mine = ++version;
    deck = parse(markdown);
    addLineBreaks(deck, wordBoundaries, wholeTerms);
    const problems: Problem[] = [...(source?.problems ?? []), ...deck.problems, ...capacityProblems(deck)];
    performance.mark('studio:parsed');
    showReport(deck, problems);
    renderOutline(outline, deck, markdown, current, handlers);
    for (const radio of theme.querySelectorAll<HTMLInputElement>('input')) radio.checked = radio.value === deck.meta.theme;
    theme.disabled = false;
    action<HTMLButtonElement>('save-markdown').disabled = false;
    action<HTMLButtonElement>('print-manuscript').disabled = hasErrors(problems);
    page = undefined;
    for (const button of saves.slice(0, 2)) button.disabled = true;
    if (hasErrors(problems)) {
      setState('error', '讲话稿有错误（见左侧），改正后才能生成幻灯片。 · The speech has errors (listed on the left); fix them to make the deck.');
      return;
    }
    setState('working', '正在生成幻灯片的字体…… · Making the fonts …', 0);
    try {
      const made = await fonts.forDeck(deck, (done, total) => {
        if (mine === version) setState('working', `正在生成幻灯片的字体（${done}/${total}）…… · Making the fonts …`, done / total);
      });
      performance.mark('studio:fonts');
      const parts = { shell, fontsMarker, speechMarker };
      const [html, shown] = await Promise.all([deckPage(markdown, deck, made.css, parts), deckPage(markdown, deck, made.css, parts, { preview: true })]);
      if (mine !== version) return;
      page = html;
      showMissing(made.missing);
      preview.show(shown);
      preview.goTo(slideIndices(deck)[current] ?? { h: 0, v: 0 });
      for (const button of saves) button.disabled = false;
      performance.mark('studio:ready');
      setState('ready', `幻灯片已就绪：${deck.slides.length} 张，预计讲话约 ${formatDurationZh(deckSeconds(deck))}。可以保存。 · The deck is ready to save.`);
    } catch (error) {
      if (mine === version) setState('error', `生成失败：${(error as Error).message} · The deck could not be made.`);
    }
  }

  function showReport(deck: Deck, problems: Problem[]): void {
    $('#report').textContent = source?.report || markdownReport(deck, source?.name ?? '');
    const list = $('#problems');
    list.replaceChildren(
      ...problems.map((p) => {
        const item = document.createElement('li');
        item.className = p.severity;
        item.textContent = `${where(deck, p.line)}：${p.severity === 'error' ? '错误 · error' : '提示 · warning'}: ${p.message}`;
        return item;
      }),
    );
  }

  function showMissing(missing: Partial<Record<string, string[]>>): void {
    const chars = [...new Set(Object.values(missing).flat())].filter((c): c is string => !!c);
    $('.missing')?.remove();
    if (!chars.length) return;
    const item = document.createElement('li');
    item.className = 'missing';
    item.textContent = `这些字不在工作台自带的常用字字体里，保存的幻灯片会用电脑自带的字体显示它们：${chars.join(' ')} · These characters are not in the studio's fonts; the deck shows them in a system font.`;
    $('#problems').append(item);
  }

  const handlers = {
    heading: (slide: Slide, text: string) => {
      if (text.trim()) void update(setHeading(markdown, slide.line, text));
      else renderOutline(outline, deck!, markdown, current, handlers);
    },
    phrase: (line: number, text: string) => void update(setItem(markdown, line, text)),
    remove: (line: number) => void update(removeItem(markdown, line)),
    add: (slide: Slide) => {
      const last = [...slide.visible].reverse().find((v) => v.kind === 'point');
      const placeholder = '新要点';
      let next: string;
      if (last) next = addItem(markdown, last.line, placeholder);
      else if (slide.kind === 'section' || slide.kind === 'point' || isBlockStart(markdown, slide.line)) next = startList(markdown, slide.line + 1, placeholder);
      else next = startList(markdown, slide.line, placeholder);
      const count = slide.visible.filter((v) => v.kind === 'point').length;
      void update(next).then(() => {
        const field = outline.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(`${slide.id}:phrase:${count}`)}"]`);
        field?.focus();
        field?.select();
      });
    },
    select: (index: number) => {
      if (index === current || !deck) return;
      current = index;
      markCurrent(outline, index);
      preview.goTo(slideIndices(deck)[index] ?? { h: 0, v: 0 });
    },
  };

  // Opening a file: choosing it, or dropping it anywhere on the page.
  const open = action<HTMLInputElement>('open');
  open.addEventListener('change', () => {
    const file = open.files?.[0];
    if (file) void load(() => readFile(file));
    open.value = '';
  });
  const drop = $('#start');
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', () => drop.classList.remove('over'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void load(() => readFile(file));
  });
  action('paste').addEventListener('click', () => void load(() => readPasted($<HTMLTextAreaElement>('#paste-text').value)));
  action('show-paste').addEventListener('click', () => {
    $('#start').hidden = false;
    $('#paste-text').focus();
  });
  theme.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement).value as ThemeName;
    if (deck && value !== deck.meta.theme) void update(setTheme(markdown, value));
  });

  action('save-deck').addEventListener('click', () => {
    if (page && deck) download(fileName(deck.meta.title, 'html'), page, 'text/html;charset=utf-8');
  });
  action('save-markdown').addEventListener('click', () => {
    if (deck) download(fileName(deck.meta.title, 'md'), markdown, 'text/markdown;charset=utf-8');
  });
  action('print-manuscript').addEventListener('click', async () => {
    if (!deck || hasErrors(deck.problems)) return;
    const made = deck;
    // The official faces (仿宋, 楷体, 黑体) come from the PC; the carried faces stand in where it lacks them.
    const text = manuscriptFaceText(manuscriptOf(made), { cues: true });
    const fontCss = await fonts.forText([
      { role: 'heading', text: text.title, family: MANUSCRIPT_FAMILIES.title, weight: 400 },
      ...(['song', 'kai', 'hei'] as const).map((face) => ({ role: 'body' as const, text: text[face], family: MANUSCRIPT_FAMILIES[face], weight: 400 })),
    ]);
    printPage(renderManuscript(made, { fontCss }));
  });
  action('save-pptx').addEventListener('click', async () => {
    if (!deck || !page) return;
    const made = deck;
    const button = action<HTMLButtonElement>('save-pptx');
    button.disabled = true;
    try {
      const result = await renderPptx(made);
      download(fileName(made.meta.title, 'pptx'), result.bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
      if (result.skipped.length) setState('ready', `已保存 PowerPoint；${result.skipped.length} 张图片不是 PNG、JPEG 或 GIF，只显示了说明文字。 · Saved; ${result.skipped.length} picture(s) shown as their description.`);
    } catch (error) {
      setState('error', `PowerPoint 文件生成失败：${(error as Error).message} · The .pptx could not be made.`);
    } finally {
      button.disabled = !page;
    }
  });
}

/** Where a problem is, as a person finds it: the slide it is on, by its heading, and the line of the Markdown. */
function where(deck: Deck, line: number): string {
  const slide = [...deck.slides].reverse().find((s) => s.kind !== 'agenda' && s.line <= line);
  const label = slide ? (slide.kind === 'opening' || slide.kind === 'closing' ? SLIDE_LABELS[slide.kind] : slide.heading.text) : '';
  return `${label ? `「${label}」` : ''}Markdown 第 ${line} 行`;
}


/** The structure of a speech brought as Markdown, in the import report's form. */
function markdownReport(deck: Deck, name: string): string {
  const out = [`来源 · Source: ${name}（Markdown，按原样使用 · used as written）`, ''];
  const row = (label: string, slide: Slide, text: string) => out.push(`  ${label.padEnd(16)} ${String(slide.line).padStart(4)}  ${text}`);
  row('标题 · title', deck.title, deck.title.heading.text);
  if (deck.opening) row('开场 · opening', deck.opening, deck.opening.notes[0]?.text.slice(0, 24) ?? '');
  for (const section of deck.sections) {
    row('部分 · section', section.opener, section.opener.heading.text);
    for (const point of section.points) row('  小点 · point', point, point.heading.text);
  }
  if (deck.closing) row('结语 · closing', deck.closing, deck.closing.notes[0]?.text.slice(0, 24) ?? '');
  const seconds = deckSeconds(deck);
  out.push('', `${deck.slides.length} 张幻灯片，预计讲话约 ${formatDurationZh(seconds)}（每分钟 ${deck.meta.rate} 字）· ${deck.slides.length} slides, about ${formatDuration(seconds)} of speaking`);
  return out.join('\n');
}
