/**
 * The deck as an editable PowerPoint file: model → pptxgenjs → .pptx bytes. Pure: no Node, no DOM, so that a
 * page can run it as well as the CLI.
 *
 * One slide per `deck.slides` entry, in the theme's look (assets/theme.css, drawn here at half its
 * 1920×1080 px size: 1 pt = 2 px on PowerPoint's 13.33×7.5 in widescreen slide). Every heading and phrase is a
 * real text box, one paragraph per paragraph of text, broken into balanced lines at pause marks with soft line
 * breaks; text sizes come from width estimates (pptx-text.ts), never from autofit, which PowerPoint applies only
 * after an edit. The notes hold the pacing on their first line, then the spoken text, one paragraph each.
 */
import PptxGenJS from 'pptxgenjs';
import { SLIDE_LABELS } from '../core/labels.ts';
import type { Deck, Run, Section, Slide, ThemeName, Visible } from '../core/model.ts';
import { pictureOf, type Picture } from './pptx-picture.ts';
import { breakRuns, plain, textWidth, WIDTH_MARGIN, xmlSafe, type Line } from './pptx-text.ts';
import { finishPackage, notesParagraphsXml, type Faces } from './pptx-xml.ts';

/**
 * Headings in 宋体 (SimSun), the Song face of every Chinese Windows, like the deck's serif headings; text in
 * 微软雅黑 (Microsoft YaHei), the Hei face made for screens, with a real bold, on every Windows since Vista and
 * installed with Office for Mac (黑体 has one weight only). The README says what shows where they are missing.
 */
export const FACES: Faces = { heading: '宋体', text: '微软雅黑' };

export interface PptxOptions {
  /** Overrides the deck's `theme` from the front matter. */
  theme?: ThemeName;
  faces?: Faces;
}

export interface PptxResult {
  bytes: Uint8Array;
  slides: number;
  /** Pictures embedded. */
  pictures: number;
  /** Images that could not be embedded (not PNG, JPEG or GIF data); their alt text is shown instead. */
  skipped: Visible[];
}

/** The theme's colours (theme.css), without the `#`. */
interface Palette {
  ground: string;
  panel: string;
  ink: string;
  muted: string;
  accent: string;
  accentInk: string;
  gold: string;
  rule: string;
}

const PALETTES: Record<ThemeName, Palette> = {
  light: { ground: 'FBF8F1', panel: 'F4ECDB', ink: '1F1A17', muted: '5B4F47', accent: 'A3161A', accentInk: 'FFFFFF', gold: 'B8862B', rule: 'DCC79A' },
  dark: { ground: '111111', panel: '1D1B18', ink: 'FFFFFF', muted: 'DDD6CC', accent: 'F5C451', accentInk: '111111', gold: 'D2463C', rule: '5E2A26' },
};

// The slide in points, and the frame's content box (theme.css: 14 px band + 96 px padding top, 150 px sides, 120 px bottom).
const SLIDE = { w: 960, h: 540 };
const FRAME = { left: 75, right: 885, top: 55, bottom: 480 };
const FRAME_WIDTH = FRAME.right - FRAME.left;

/** How the pacing of a slide is written on the first line of its notes, e.g. 约2分10秒. */
export function pacingLine(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (!m) return `约${s}秒`;
  return s ? `约${m}分${s}秒` : `约${m}分钟`;
}

/** The first paragraph of every slide's notes is its pacing line; the spoken text follows. */
export const PACING_PARAGRAPHS = 1;

/** Renders the deck to .pptx bytes. */
export async function renderPptx(deck: Deck, options: PptxOptions = {}): Promise<PptxResult> {
  const pres = new PptxGenJS();
  pres.layout = 'LAYOUT_WIDE';
  pres.title = xmlSafe(deck.meta.title);
  pres.author = xmlSafe(deck.meta.speaker);
  pres.subject = xmlSafe(deck.meta.occasion);
  pres.company = '';
  const faces = options.faces ?? FACES;
  pres.theme = { headFontFace: faces.heading, bodyFontFace: faces.text };
  const ctx: Context = { pres, deck, faces, colours: PALETTES[options.theme ?? deck.meta.theme], pictures: 0, skipped: [] };
  const notes = new Map<string, string>();
  defineLayouts(ctx);
  deck.slides.forEach((slide, index) => {
    const page = pres.addSlide({ masterName: layoutOf(deck, slide) });
    drawSlide(ctx, page, slide);
    page.slideNumber = { x: inch(8), y: inch(SLIDE.h - 22), w: inch(80), h: inch(16), fontFace: faces.text, fontSize: 12, color: ctx.colours.muted, margin: 0 };
    const token = `speech-deck-notes-${index}`;
    page.addNotes(token);
    notes.set(token, notesParagraphsXml([plain(pacingLine(slide.seconds)), ...slide.notes.map((n) => n.runs)], faces.text));
  });
  const written = (await pres.write({ outputType: 'uint8array' })) as Uint8Array;
  const bytes = await finishPackage(written, { notes, faces, bullets: { top: ctx.colours.accent, nested: ctx.colours.gold } });
  return { bytes, slides: deck.slides.length, pictures: ctx.pictures, skipped: ctx.skipped };
}

interface Context {
  pres: PptxGenJS;
  deck: Deck;
  faces: Faces;
  colours: Palette;
  pictures: number;
  skipped: Visible[];
}

type Page = ReturnType<PptxGenJS['addSlide']>;

const inch = (pt: number) => pt / 72;

function drawSlide(ctx: Context, page: Page, slide: Slide): void {
  const { deck } = ctx;
  switch (slide.kind) {
    case 'title':
      return titleSlide(ctx, page, slide);
    case 'agenda':
      return agendaSlide(ctx, page, slide);
    case 'section':
      return openerSlide(ctx, page, slide, deck.sections[slide.section!]!);
    case 'point':
      return contentSlide(ctx, page, slide, deck.sections[slide.section!]!.opener.heading.runs, slide.heading.runs);
    case 'opening':
    case 'closing':
      return contentSlide(ctx, page, slide, plain(deck.meta.title), plain(SLIDE_LABELS[slide.kind]));
  }
}

// ---- drawing primitives -------------------------------------------------------------------------------------

function rect(ctx: Context, page: Page, x: number, y: number, w: number, h: number, colour: string): void {
  page.addShape(ctx.pres.ShapeType.rect, { x: inch(x), y: inch(y), w: inch(w), h: inch(h), fill: { color: colour }, line: { type: 'none' } });
}

/**
 * The slide layouts, one per kind of frame: the ground, bands, rules and panel every slide of a kind shares. Being
 * in the layout, they stay put while a person edits the text, and a slide added in PowerPoint gets them too.
 */
const LAYOUTS = { title: '讲话 标题', content: '讲话 内容', section: '讲话 部分', plainSection: '讲话 部分（无编号）' } as const;

function defineLayouts(ctx: Context): void {
  const { pres, colours } = ctx;
  const box = (x: number, y: number, w: number, h: number, colour: string) => ({
    rect: { x: inch(x), y: inch(y), w: inch(w), h: inch(h), fill: { color: colour }, line: { type: 'none' as const } },
  });
  const band = box(0, 0, SLIDE.w, 7, colours.accent);
  const foot = box(FRAME.left, SLIDE.h - 36 - 1, FRAME_WIDTH, 1, colours.rule);
  const background = { color: colours.ground };
  // The title slide: a broad red band with a gold rule under it (theme.css `.slide-title .frame`).
  pres.defineSlideMaster({ title: LAYOUTS.title, background, objects: [box(0, 0, SLIDE.w, 28, colours.accent), box(0, 28, SLIDE.w, 5, colours.gold), foot] });
  pres.defineSlideMaster({ title: LAYOUTS.content, background, objects: [band, foot] });
  // A section opener: the panel the seal sits on, and no foot rule.
  pres.defineSlideMaster({ title: LAYOUTS.section, background, objects: [box(0, 0, 280, SLIDE.h, colours.panel), band] });
  pres.defineSlideMaster({ title: LAYOUTS.plainSection, background, objects: [band] });
}

function layoutOf(deck: Deck, slide: Slide): string {
  if (slide.kind === 'title') return LAYOUTS.title;
  if (slide.kind === 'section') return deck.sections[slide.section!]!.numeral ? LAYOUTS.section : LAYOUTS.plainSection;
  return LAYOUTS.content;
}

interface TextStyle {
  face: string;
  size: number;
  colour: string;
  bold?: boolean;
  /** Line height as a multiple of the size; set exactly, so that the height is known before PowerPoint lays it out. */
  leading: number;
  align?: 'left' | 'center';
  valign?: 'top' | 'middle';
}

/** A paragraph laid out: its lines, at a size. */
interface Block {
  lines: Line[];
  style: TextStyle;
  /** Estimated widest line in points. */
  width: number;
  height: number;
  /** Whether its lines are within the width (see breakRuns). */
  fits: boolean;
}

/** Breaks runs into lines that fit `width` points at the style's size; strict, only at pause marks. */
function block(runs: readonly Run[], width: number, style: TextStyle, strict = false): Block {
  const broken = breakRuns(runs, (width * WIDTH_MARGIN) / style.size, strict);
  const lines = broken.lines.length || 1;
  return { lines: broken.lines, style, width: broken.width * style.size, height: lines * style.size * style.leading, fits: broken.fits };
}

/** The pptxgenjs text of one paragraph: its lines joined by soft line breaks; strong text in the accent colour. */
function paragraphRuns(ctx: Context, lines: Line[], style: TextStyle, extra: PptxGenJS.TextPropsOptions = {}): PptxGenJS.TextProps[] {
  return lines.flatMap((line, i) =>
    line.map((run, j) => ({
      text: run.text,
      options: {
        ...(i === 0 && j === 0 ? extra : {}),
        bold: !!(style.bold || run.bold),
        italic: !!run.italic,
        ...(run.strike ? { strike: 'sngStrike' as const } : {}),
        color: run.bold && !style.bold ? ctx.colours.accent : style.colour,
        softBreakBefore: i > 0 && j === 0,
      },
    })),
  );
}

function textOptions(style: TextStyle, x: number, y: number, w: number, h: number): PptxGenJS.TextPropsOptions {
  return {
    x: inch(x),
    y: inch(y),
    w: inch(w),
    h: inch(h),
    margin: 0,
    fit: 'none',
    wrap: true,
    fontFace: style.face,
    fontSize: style.size,
    lang: 'zh-CN',
    color: style.colour,
    lineSpacing: round(style.size * style.leading),
    align: style.align ?? 'left',
    valign: style.valign ?? 'top',
  };
}

function drawBlock(ctx: Context, page: Page, b: Block, x: number, y: number, w: number, h = b.height): void {
  if (!b.lines.length) return;
  page.addText(paragraphRuns(ctx, b.lines, b.style), textOptions(b.style, x, y, w, h));
}

const round = (n: number) => Math.round(n * 2) / 2;

/** A slide's text laid out at one scale. */
interface Layout {
  height: number;
  fits: boolean;
}

/** Lines break only at pause marks down to this scale; below it, a larger size with breaks between words wins. */
const STRICT_DOWN_TO = 0.75;
const SCALES = Array.from({ length: 11 }, (_, i) => Math.round((1 - i * 0.05) * 100) / 100);

/**
 * The theme's fit rule: the largest scale, from 1 down to ½ (28 px text), at which the slide's text fits `room`,
 * first breaking lines at pause marks only, as the deck does, then also between words.
 */
function fit<T extends Layout>(room: number, layout: (scale: number, strict: boolean) => T): T {
  const candidates: [number, boolean][] = [...SCALES.filter((s) => s >= STRICT_DOWN_TO).map((s) => [s, true] as [number, boolean]), ...SCALES.map((s) => [s, false] as [number, boolean])];
  for (const [scale, strict] of candidates) {
    const laid = layout(scale, strict);
    if (laid.fits && laid.height <= room) return laid;
  }
  return layout(0.5, false);
}

const sized = (max: number, min: number, scale: number) => round(Math.max(min, max * scale));

// ---- key phrases and pictures ---------------------------------------------------------------------------------

interface List {
  items: { visible: Visible; block: Block; indent: number }[];
  height: number;
  gap: number;
  fits: boolean;
  /** Set when the slide does not fit even at the smallest size: the list then starts at the top. */
  overfull?: boolean;
}

/** The key phrases of a slide at a scale: 32 pt (64 px) top-level, 24 pt nested, never under 14 pt. */
function list(ctx: Context, points: Visible[], width: number, scale: number, strict: boolean, topSize: number): List {
  const items = points.map((visible) => {
    const size = sized(visible.depth ? 24 : topSize, 14, scale);
    // The lozenge takes 1.25 em, a nested phrase another 1.25 em (theme.css).
    const indent = round(size * 1.25 * (visible.depth ? 2 : 1));
    const style: TextStyle = { face: ctx.faces.text, size, colour: ctx.colours.ink, leading: 1.45 };
    return { visible, indent, block: block(visible.runs, width - indent, style, strict) };
  });
  const gap = round(sized(topSize, 14, scale) * 0.6);
  const height = items.reduce((sum, item) => sum + item.block.height, 0) + gap * Math.max(0, items.length - 1);
  return { items, height, gap, fits: items.every((i) => i.block.fits) };
}

function drawList(ctx: Context, page: Page, l: List, x: number, y: number, w: number, h: number): void {
  if (!l.items.length) return;
  const text = l.items.flatMap(({ visible, block: b, indent }, i) => {
    const runs = paragraphRuns(ctx, b.lines, b.style, {
      bullet: { characterCode: '25C6', indent: visible.depth ? indent / 2 : indent },
      ...(visible.depth ? { indentLevel: 1 } : {}),
      ...(i > 0 ? { paraSpaceBefore: l.gap } : {}),
    });
    for (const run of runs) run.options = { ...run.options, fontSize: b.style.size, lineSpacing: round(b.style.size * b.style.leading) };
    runs.at(-1)!.options!.breakLine = i < l.items.length - 1;
    return runs;
  });
  const first = l.items[0]!.block.style;
  page.addText(text, textOptions({ ...first, valign: l.overfull ? 'top' : 'middle' }, x, y, w, h));
}

/** Room left for pictures under the phrases; below this the text is shrunk instead. */
const MIN_PICTURE = 90;
/** theme.css: `max-height: 560px`. */
const MAX_PICTURE = 280;
/** A picture's pixel is a CSS pixel of the 1920 px slide, half a point: like the deck, pictures are never enlarged. */
const POINTS_PER_PIXEL = 0.5;
const PICTURE_GAP = 16;
/** What shows a picture that cannot be embedded: its alt text in a frame this tall. */
const MISSING_HEIGHT = 60;

/** The size of each picture in a row `w` wide and at most `h` tall, in proportion, never enlarged. */
function pictureSizes(items: Visible[], w: number, h: number): { item: Visible; picture: Picture | undefined; w: number; h: number }[] {
  const each = (w - PICTURE_GAP * (items.length - 1)) / items.length;
  return items.map((item) => {
    const picture = pictureOf(item);
    if (!picture) return { item, picture, w: Math.min(each, 360), h: Math.min(h, MISSING_HEIGHT) };
    const natural = { w: picture.width * POINTS_PER_PIXEL, h: picture.height * POINTS_PER_PIXEL };
    const scale = Math.min(1, each / natural.w, Math.min(h, MAX_PICTURE) / natural.h);
    return { item, picture, w: natural.w * scale, h: natural.h * scale };
  });
}

/** The height a row of pictures takes when given `h`. */
function picturesHeight(items: Visible[], w: number, h: number): number {
  return items.length ? Math.max(...pictureSizes(items, w, h).map((s) => s.h)) : 0;
}

/** Draws the pictures of a slide side by side in a row, centred, each kept to its proportions. */
function drawPictures(ctx: Context, page: Page, items: Visible[], x: number, y: number, w: number, h: number): void {
  const sizes = pictureSizes(items, w, h);
  const total = sizes.reduce((sum, s) => sum + s.w, 0) + PICTURE_GAP * (items.length - 1);
  let left = x + (w - total) / 2;
  for (const size of sizes) {
    const top = y + (h - size.h) / 2;
    if (size.picture) drawPicture(ctx, page, size.item, size.picture, left, top, size.w, size.h);
    else missingPicture(ctx, page, size.item, left, top, size.w, size.h);
    left += size.w + PICTURE_GAP;
  }
}

function drawPicture(ctx: Context, page: Page, item: Visible, picture: Picture, x: number, y: number, w: number, h: number): void {
  page.addImage({ data: picture.data, x: inch(x), y: inch(y), w: inch(w), h: inch(h), altText: xmlSafe(item.text) });
  ctx.pictures++;
}

/** A picture that cannot be embedded shows its alt text in a dashed frame, so that nothing disappears unseen. */
function missingPicture(ctx: Context, page: Page, item: Visible, x: number, y: number, w: number, h: number): void {
  ctx.skipped.push(item);
  const style: TextStyle = { face: ctx.faces.text, size: 14, colour: ctx.colours.muted, leading: 1.4, align: 'center', valign: 'middle' };
  const b = block(item.runs.length ? item.runs : plain('图片'), w - 16, style);
  page.addText(paragraphRuns(ctx, b.lines, style), {
    ...textOptions(style, x, y, w, h),
    margin: 4,
    line: { color: ctx.colours.rule, width: 1, dashType: 'dash' },
  });
}

// ---- slides -------------------------------------------------------------------------------------------------

/** Title slide: the title centred between the red band and a gold rule, the speaker, occasion and date beneath. */
function titleSlide(ctx: Context, page: Page, slide: Slide): void {
  const { colours, faces, deck } = ctx;
  const area = { left: 80, width: 800, top: 88, bottom: 470 };
  const { speaker, occasion, date } = deck.meta;
  const layout = (scale: number, strict: boolean) => {
    const title = block(slide.heading.runs, area.width, { face: faces.heading, size: sized(50, 22, scale), colour: colours.accent, bold: true, leading: 1.35, align: 'center' }, strict);
    const small = { face: faces.text, colour: colours.ink, align: 'center' as const, leading: 1.5 };
    const who = speaker ? block(plain(speaker), area.width, { ...small, size: sized(25, 14, scale) }) : undefined;
    // Occasion and date on one line, 1.5 em apart as in the deck, or on two when they do not fit one.
    const whenStyle = { ...small, colour: colours.muted, size: sized(20, 14, scale) };
    const parts = [occasion, date].filter(Boolean);
    const oneLine = textWidth(parts.join('　　')) * whenStyle.size <= area.width * WIDTH_MARGIN;
    const when = parts.map((part, i) => block(plain(oneLine ? parts.join('　　') : part), area.width, whenStyle)).slice(0, oneLine ? 1 : parts.length);
    const height = title.height + 28 + 2 + 30 + (who ? who.height + 12 : 0) + when.reduce((sum, b) => sum + b.height, 0);
    return { title, who, when, height, fits: [title, ...(who ? [who] : []), ...when].every((b) => b.fits) };
  };
  const room = area.bottom - area.top;
  const { title, who, when, height } = fit(room, layout);
  let y = area.top + Math.max(0, (room - height) / 2);
  drawBlock(ctx, page, title, area.left, y, area.width);
  y += title.height + 28;
  const ruleWidth = Math.min(area.width, Math.max(240, title.width / WIDTH_MARGIN));
  rect(ctx, page, area.left + (area.width - ruleWidth) / 2, y, ruleWidth, 2, colours.gold);
  y += 2 + 30;
  if (who) {
    drawBlock(ctx, page, who, area.left, y, area.width);
    y += who.height + 12;
  }
  for (const b of when) {
    drawBlock(ctx, page, b, area.left, y, area.width);
    y += b.height;
  }
}

/** The running head: small, muted, behind a gold bar (theme.css `.running-head`). */
function runningHead(ctx: Context, runs: readonly Run[], scale: number): Block {
  // Small and not a heading: it may always break between words.
  return block(runs, FRAME_WIDTH - 16, { face: ctx.faces.text, size: sized(18, 14, scale), colour: ctx.colours.muted, leading: 1.4 });
}

function headingBlock(ctx: Context, runs: readonly Run[], width: number, scale: number, strict: boolean): Block {
  return block(runs, width, { face: ctx.faces.heading, size: sized(42, 20, scale), colour: ctx.colours.accent, bold: true, leading: 1.3 }, strict);
}

/** Heading, its gold rule and the space after: 14 pt padding, 2 pt rule, 26 pt margin (theme.css `h2`). */
const RULED = 14 + 2 + 26;

/** A sub-point, the opening and the closing: running head, heading, key phrases and pictures. */
function contentSlide(ctx: Context, page: Page, slide: Slide, head: readonly Run[], heading: readonly Run[]): void {
  const points = slide.visible.filter((v) => v.kind === 'point');
  const pictures = slide.visible.filter((v) => v.kind === 'image');
  const layout = (scale: number, strict: boolean) => {
    const top = head.length ? runningHead(ctx, head, scale) : undefined;
    const title = headingBlock(ctx, heading, FRAME_WIDTH, scale, strict);
    const phrases = list(ctx, points, FRAME_WIDTH, scale, strict, 32);
    const above = (top ? top.height + 14 : 0) + title.height + RULED;
    const height = above + phrases.height + 12 + (pictures.length ? MIN_PICTURE + (points.length ? PICTURE_GAP : 0) : 0);
    return { top, title, phrases, above, height, fits: title.fits && phrases.fits };
  };
  const room = FRAME.bottom - FRAME.top;
  const { top, title, phrases, above, height } = fit(room, layout);
  let y = FRAME.top;
  if (top) {
    rect(ctx, page, FRAME.left, y, 4, top.height, ctx.colours.gold);
    drawBlock(ctx, page, top, FRAME.left + 16, y, FRAME_WIDTH - 16);
    y += top.height + 14;
  }
  drawBlock(ctx, page, title, FRAME.left, y, FRAME_WIDTH);
  y += title.height + 14;
  rect(ctx, page, FRAME.left, y, FRAME_WIDTH, 2, ctx.colours.gold);
  y = FRAME.top + above;
  // Too much even at the smallest size (the check warns of it): the phrases run on from the top, over the foot.
  if (height > room) phrases.overfull = true;
  phrasesAndPictures(ctx, page, phrases, pictures, FRAME.left, y, FRAME_WIDTH, FRAME.bottom - 12 - y);
}

/** The phrases and, under them, the pictures, centred together in the room from `y`, `h` tall. */
function phrasesAndPictures(ctx: Context, page: Page, phrases: List, pictures: Visible[], x: number, y: number, w: number, h: number): void {
  if (!pictures.length) return drawList(ctx, page, phrases, x, y, w, h);
  const gap = phrases.items.length ? PICTURE_GAP : 0;
  const row = picturesHeight(pictures, w, h - phrases.height - gap);
  const top = y + Math.max(0, (h - phrases.height - gap - row) / 2);
  drawList(ctx, page, phrases, x, top, w, phrases.height);
  drawPictures(ctx, page, pictures, x, top + phrases.height + gap, w, row);
}

/** Agenda: each section on a line of its own, its numeral in a red square (theme.css `ol.agenda`). */
function agendaSlide(ctx: Context, page: Page, slide: Slide): void {
  const { colours, faces, deck } = ctx;
  const square = 56;
  const layout = (scale: number, strict: boolean) => {
    const title = headingBlock(ctx, slide.heading.runs, FRAME_WIDTH, scale, strict);
    const size = sized(30, 14, scale);
    const items = deck.sections.map((s) => {
      const indent = s.numeral ? square + 20 : 0;
      const b = block(s.title.runs, FRAME_WIDTH - indent, { face: faces.text, size, colour: colours.ink, bold: true, leading: 1.4 }, strict);
      return { section: s, block: b, indent, height: Math.max(s.numeral ? square : 0, b.height) };
    });
    const gap = round(28 * scale);
    const listHeight = items.reduce((sum, i) => sum + i.height, 0) + gap * Math.max(0, items.length - 1);
    return { title, items, gap, listHeight, height: title.height + RULED + listHeight + 12, fits: title.fits && items.every((i) => i.block.fits) };
  };
  const room = FRAME.bottom - FRAME.top;
  const { title, items, gap, listHeight } = fit(room, layout);
  drawBlock(ctx, page, title, FRAME.left, FRAME.top, FRAME_WIDTH);
  rect(ctx, page, FRAME.left, FRAME.top + title.height + 14, FRAME_WIDTH, 2, colours.gold);
  const top = FRAME.top + title.height + RULED;
  let y = top + Math.max(0, (FRAME.bottom - 12 - top - listHeight) / 2);
  for (const item of items) {
    if (item.section.numeral) numeralSquare(ctx, page, item.section, FRAME.left, y + (item.height - square) / 2, square, item.block.style.size);
    drawBlock(ctx, page, item.block, FRAME.left + item.indent, y + (item.height - item.block.height) / 2, FRAME_WIDTH - item.indent);
    y += item.height + gap;
  }
}

/** A section's numeral in a red square, as on the agenda. */
function numeralSquare(ctx: Context, page: Page, s: Section, x: number, y: number, side: number, size: number): void {
  const { colours, faces } = ctx;
  const fitted = Math.min(size, round((side * 0.8) / Math.max(1, textWidth(s.numeral))));
  page.addText(xmlSafe(s.numeral), {
    ...textOptions({ face: faces.heading, size: fitted, colour: colours.accentInk, bold: true, leading: 1.2, align: 'center', valign: 'middle' }, x, y, side, side),
    shape: ctx.pres.ShapeType.rect,
    fill: { color: colours.accent },
  });
}

/** Section opener: the numeral in a large red seal on a panel, beside the section title and its key phrases. */
function openerSlide(ctx: Context, page: Page, slide: Slide, s: Section): void {
  const { colours } = ctx;
  const middle = (7 + 48 + FRAME.bottom) / 2;
  const body = { left: s.numeral ? 298 : FRAME.left, right: FRAME.right };
  if (s.numeral) seal(ctx, page, s.numeral, 55, middle - 85, 170);
  const width = body.right - body.left;
  const points = slide.visible.filter((v) => v.kind === 'point');
  const pictures = slide.visible.filter((v) => v.kind === 'image');
  const layout = (scale: number, strict: boolean) => {
    const title = headingBlock(ctx, s.title.runs, width, scale, strict);
    const phrases = list(ctx, points, width, scale, strict, 27);
    const height = title.height + RULED + phrases.height + (pictures.length ? MIN_PICTURE + (points.length ? PICTURE_GAP : 0) : 0);
    return { title, phrases, height, fits: title.fits && phrases.fits };
  };
  const room = FRAME.bottom - 48;
  const { title, phrases } = fit(room, layout);
  const text = title.height + RULED + phrases.height;
  const gap = pictures.length && points.length ? PICTURE_GAP : 0;
  const used = text + gap + picturesHeight(pictures, width, room - text - gap);
  let y = Math.max(48, middle - used / 2);
  drawBlock(ctx, page, title, body.left, y, width);
  y += title.height + 14;
  rect(ctx, page, body.left, y, width, 2, colours.gold);
  y += 2 + 26;
  phrasesAndPictures(ctx, page, phrases, pictures, body.left, y, width, used - title.height - RULED);
}

/** The section seal: a red square with a gold line inside its edge and the numeral in white (theme.css `.numeral`). */
function seal(ctx: Context, page: Page, numeral: string, x: number, y: number, side: number): void {
  const { colours, faces, pres } = ctx;
  rect(ctx, page, x, y, side, side, colours.accent);
  page.addShape(pres.ShapeType.rect, { x: inch(x + 8), y: inch(y + 8), w: inch(side - 16), h: inch(side - 16), fill: { type: 'none' }, line: { color: colours.gold, width: 2 } });
  const size = Math.min(115, round((side * 0.75) / Math.max(1, textWidth(numeral))));
  page.addText(xmlSafe(numeral), textOptions({ face: faces.heading, size, colour: colours.accentInk, bold: true, leading: 1.1, align: 'center', valign: 'middle' }, x, y, side, side));
}
