/**
 * The deck as an editable PowerPoint file: model → pptxgenjs → .pptx bytes. Pure: no Node, no DOM, so that a
 * page can run it as well as the CLI.
 *
 * One slide per `deck.slides` entry, in the theme's look (assets/theme.css, drawn here at half its
 * 1920×1080 px size: 1 pt = 2 px on PowerPoint's 13.33×7.5 in widescreen slide). Every heading and phrase is a
 * real text box, one paragraph per paragraph of text, broken into balanced lines at pause marks with soft line
 * breaks; text sizes come from width estimates (pptx/text.ts), never from autofit, which PowerPoint applies only
 * after an edit. The notes hold the pacing on their first line, then the spoken text, one paragraph each.
 *
 * The parts, in pptx/: each slide is laid out (slide-layout.ts, with text-layout.ts and picture-size.ts) into
 * boxes that draw.ts draws on its master (masters.ts); xml.ts finishes the package pptxgenjs writes.
 */
import PptxGenJS from 'pptxgenjs';
import type { Deck, ThemeName, Visible } from '../core/model.ts';
import { drawSlide, type Context } from './pptx/draw.ts';
import { inch, SLIDE } from './pptx/geometry.ts';
import { defineMasters, masterOf } from './pptx/masters.ts';
import { PALETTES } from './pptx/palette.ts';
import { layoutSlide } from './pptx/slide-layout.ts';
import { plain, xmlSafe } from './pptx/text.ts';
import { finishPackage, notesParagraphsXml, type Faces } from './pptx/xml.ts';

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
  const ctx: Context = { pres, faces, colours: PALETTES[options.theme ?? deck.meta.theme], pictures: 0, skipped: [] };
  const notes = new Map<string, string>();
  defineMasters(pres, ctx.colours);
  deck.slides.forEach((slide, index) => {
    const page = pres.addSlide({ masterName: masterOf(deck, slide) });
    drawSlide(ctx, page, layoutSlide(ctx, deck, slide));
    page.slideNumber = { x: inch(8), y: inch(SLIDE.h - 22), w: inch(80), h: inch(16), fontFace: faces.text, fontSize: 12, color: ctx.colours.muted, margin: 0 };
    const token = `speech-deck-notes-${index}`;
    page.addNotes(token);
    notes.set(token, notesParagraphsXml([plain(pacingLine(slide.seconds)), ...slide.notes.map((n) => n.runs)], faces.text));
  });
  const written = (await pres.write({ outputType: 'uint8array' })) as Uint8Array;
  const bytes = await finishPackage(written, { notes, faces, bullets: { top: ctx.colours.accent, nested: ctx.colours.gold } });
  return { bytes, slides: deck.slides.length, pictures: ctx.pictures, skipped: ctx.skipped };
}
