import { escapeMarkup } from '../core/escape.ts';
import { attrs } from './attrs.ts';
import { cueLabel, flowText, manuscriptOf, runsText, type Cue, type Manuscript, type ManuscriptFace, type ManuscriptParagraph } from './manuscript-text.ts';
import type { Deck, Run } from '../core/model.ts';

/**
 * The speaking manuscript (讲稿) as one self-contained HTML document for print, in the layout of Chinese official
 * documents (GB/T 9704): A4, a 版心 of 156 × 225 mm, 22 lines of 28 characters at 3号, title in 2号 小标宋, headings
 * in 黑体 and 楷体, page numbers `— 1 —` outside the 版心. Pure: every piece of author text is escaped, and the
 * page carries no script at all.
 */

export interface ManuscriptOptions {
  /** `▶5` where each next slide's text begins (default true). */
  cues?: boolean;
  /** 二号 (22 pt) body on a 20 × 16 grid, for reading at arm's length. */
  large?: boolean;
  /** `@font-face` rules for the embedded stand-in faces, named as in MANUSCRIPT_FAMILIES (trusted, generated). */
  fontCss?: string;
}

/** The grid: characters a line, lines a page, body and title sizes in points. */
export interface Grid {
  chars: number;
  lines: number;
  body: number;
  title: number;
}

/** 3号 (16 pt) on 28 × 22, as GB/T 9704 sets it. */
export const NORMAL_GRID: Grid = { chars: 28, lines: 22, body: 16, title: 22 };
/** 二号 (22 pt) on 20 × 16: 1.4 times the size, and 1.8 times the size between lines, to find the next line after looking up. */
export const LARGE_GRID: Grid = { chars: 20, lines: 16, body: 22, title: 26 };

/** The 版心 (text block) on A4, in millimetres from the page's edges. */
export const TEXT_BLOCK = { top: 37, left: 28, bottom: 35, right: 26, width: 156, height: 225 } as const;

/** Names the embedded faces are declared under: each is declared at weight 400, so no face is ever made bold by the browser. */
export const MANUSCRIPT_FAMILIES: Record<ManuscriptFace, string> = {
  title: 'Speech Deck Title',
  song: 'Speech Deck Song',
  kai: 'Speech Deck Kai',
  hei: 'Speech Deck Hei',
};

/** Font lists: the official faces first (a Chinese Windows has most of them), then the embedded stand-in. */
const FONT_LISTS: Record<ManuscriptFace | 'pageNumber', string[]> = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '小标宋', MANUSCRIPT_FAMILIES.title],
  song: ['仿宋_GB2312', '仿宋', 'FangSong', 'FangSong_GB2312', 'STFangsong', MANUSCRIPT_FAMILIES.song],
  kai: ['楷体_GB2312', '楷体', 'KaiTi', 'KaiTi_GB2312', 'STKaiti', MANUSCRIPT_FAMILIES.kai],
  hei: ['黑体', 'SimHei', 'STHeiti', MANUSCRIPT_FAMILIES.hei],
  // 4号 half-width 宋体 digits, as GB/T 9704 asks.
  pageNumber: ['宋体', 'SimSun', 'STSong', MANUSCRIPT_FAMILIES.song],
};

function fontList(face: keyof typeof FONT_LISTS): string {
  return `${FONT_LISTS[face].map((name) => `'${name}'`).join(', ')}, ${face === 'hei' ? 'sans-serif' : 'serif'}`;
}

/** The manuscript of a deck as an HTML document ready to print. */
export function renderManuscript(deck: Deck, options: ManuscriptOptions = {}): string {
  const manuscript = manuscriptOf(deck);
  const cues = options.cues ?? true;
  const grid = options.large ? LARGE_GRID : NORMAL_GRID;
  const body = [titleBlock(manuscript), ...manuscript.paragraphs.map((p) => paragraph(p, cues))].join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${escapeMarkup(deck.meta.title)} · 讲稿</title>
<style>
${options.fontCss ?? ''}
${stylesheet(grid)}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function titleBlock(manuscript: Manuscript): string {
  const byline = manuscript.byline.map((line) => `<p>${escapeMarkup(line)}</p>`).join('');
  return `<header><h1 class="title">${runsHtml(manuscript.title)}</h1>${byline ? `<div class="byline">${byline}</div>` : ''}</header>`;
}

function paragraph(p: ManuscriptParagraph, cues: boolean): string {
  const before = cues ? cueHtml(p.cuesBefore) : '';
  const after = cues ? cueHtml(p.cuesAfter) : '';
  const lead = p.lead ? `<span class="lead ${p.lead.face}">${runsHtml(p.lead.runs)}</span>` : '';
  const tag = p.kind === 'section' ? 'h2' : p.kind === 'point' ? 'h3' : 'p';
  // A paragraph that is its lead alone (三、二〇二六年重点任务。) is a heading as read: it stays with what follows.
  const alone = p.lead && !runsText(p.runs).trim() ? ' class="heading"' : '';
  return `<${tag}${alone}>${before}${lead}${runsHtml(p.runs)}${after}</${tag}>`;
}

/** A cue takes no room in the line: its mark sits above the first (or after the last) character, in red. */
function cueHtml(cues: readonly Cue[]): string {
  if (!cues.length) return '';
  return `<span${attrs({ class: 'cue', 'data-cue': cueLabel(cues), 'data-slides': cues.map((c) => c.slide).join(' '), 'aria-hidden': 'true' })}></span>`;
}

/** Runs as escaped HTML with their marks. Code is set like the text around it: a manuscript has no code face. */
function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      let html = escapeMarkup(flowText(run.text));
      if (run.strike) html = `<s>${html}</s>`;
      if (run.italic) html = `<i>${html}</i>`;
      if (run.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

/** The print stylesheet for one grid. */
function stylesheet(grid: Grid): string {
  const { top, right, bottom, left, width, height } = TEXT_BLOCK;
  // A hair less than the exact pitch, so rounding can never push the last line or character out of the 版心.
  const line = `${(height / grid.lines - 0.02).toFixed(3)}mm`;
  const cell = `${(width / grid.chars).toFixed(4)}mm`;
  const pageNumber = `content: '— ' counter(page) ' —'; font-family: ${fontList('pageNumber')}; font-size: 14pt; line-height: 1; color: #000; vertical-align: top; padding-top: 3.8mm;`;
  return `@page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
@page :right { @bottom-right { ${pageNumber} padding-right: 14pt; } }
@page :left { @bottom-left { ${pageNumber} padding-left: 14pt; } }
:root { --line: ${line}; --cell: ${cell}; }
html { background: #fff; color: #000; }
body {
  margin: 0;
  font-family: ${fontList('song')};
  font-size: ${grid.body}pt;
  line-height: var(--line);
  /* Each character takes one cell of the grid: ${grid.chars} to a line. */
  letter-spacing: calc(var(--cell) - ${grid.body}pt - 0.01pt);
  text-align: justify;
  /* Full-width punctuation keeps its full cell, and no extra space goes between Chinese and Latin: the grid holds. */
  text-spacing-trim: space-all;
  text-autospace: no-autospace;
  line-break: strict;
  font-kerning: none;
  orphans: 2;
  widows: 2;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
p, h1, h2, h3 { margin: 0; font-size: inherit; font-weight: normal; }
p, h2, h3 { text-indent: calc(2 * var(--cell)); orphans: 2; widows: 2; }
h1, h2, h3, header, .heading { break-after: avoid; break-inside: avoid; }
/* Emphasis in 黑体, the way official documents set it: the faces have one weight, and a bold made up by the browser
   prints as a blurred Type 3 font. */
b { font-family: ${fontList('hei')}; font-weight: normal; }
/*
 * Text in another face sits on the line without making it taller: faces differ in ascent and descent, and a line
 * holding two of them would grow by the difference, pushing the page's last line out of the 版心.
 */
.lead, b, i, s { line-height: 0; }
header { margin-bottom: var(--line); }
.title {
  font-family: ${fontList('title')};
  font-size: ${grid.title}pt;
  letter-spacing: 0;
  text-align: center;
  text-wrap: balance;
  margin: 0;
}
.byline { margin-top: var(--line); font-family: ${fontList('kai')}; letter-spacing: 0; text-align: center; }
.byline p { text-indent: 0; }
h2, .hei { font-family: ${fontList('hei')}; }
h3, .kai { font-family: ${fontList('kai')}; }
/*
 * The cue stands on the glyph tops (0.8 em above the baseline) and stays below the top of the line box, so that
 * on a page's first line it never reaches back into the page before.
 */
.cue { display: inline-block; position: relative; width: 0; height: 0.8em; text-indent: 0; }
.cue::before {
  content: attr(data-cue);
  position: absolute;
  left: 0;
  bottom: 100%;
  font-family: ${fontList('hei')};
  font-size: ${grid.body >= 20 ? 9 : 7}pt;
  line-height: 1;
  letter-spacing: 0;
  white-space: nowrap;
  color: #c00;
}
`;
}
