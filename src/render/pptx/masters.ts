/**
 * The slide masters, one per kind of frame: the ground, bands, rules and panel every slide of a kind shares. Being
 * in the master, they stay put while a person edits the text, and a slide added in PowerPoint gets them too.
 */
import type PptxGenJS from 'pptxgenjs';
import { unhandledSlideKind, type Deck, type Slide } from '../../core/model.ts';
import { FRAME, FRAME_WIDTH, inch, SLIDE } from './geometry.ts';
import type { Palette } from './palette.ts';

/** The masters' names, as PowerPoint lists them under Layout. */
const MASTERS = { title: '讲话 标题', content: '讲话 内容', section: '讲话 部分', plainSection: '讲话 部分（无编号）' } as const;

/** Adds the masters to a presentation, in the theme's colours. */
export function defineMasters(pres: PptxGenJS, colours: Palette): void {
  const box = (x: number, y: number, w: number, h: number, colour: string) => ({
    rect: { x: inch(x), y: inch(y), w: inch(w), h: inch(h), fill: { color: colour }, line: { type: 'none' as const } },
  });
  const band = box(0, 0, SLIDE.w, 7, colours.accent);
  const foot = box(FRAME.left, SLIDE.h - 36 - 1, FRAME_WIDTH, 1, colours.rule);
  const background = { color: colours.ground };
  // The title slide: a broad red band with a gold rule under it (theme.css `.slide-title .frame`).
  pres.defineSlideMaster({ title: MASTERS.title, background, objects: [box(0, 0, SLIDE.w, 28, colours.accent), box(0, 28, SLIDE.w, 5, colours.gold), foot] });
  pres.defineSlideMaster({ title: MASTERS.content, background, objects: [band, foot] });
  // A section opener: the panel the seal sits on, and no foot rule.
  pres.defineSlideMaster({ title: MASTERS.section, background, objects: [box(0, 0, 280, SLIDE.h, colours.panel), band] });
  pres.defineSlideMaster({ title: MASTERS.plainSection, background, objects: [band] });
}

/** The master a slide is drawn on. */
export function masterOf(deck: Deck, slide: Slide): string {
  switch (slide.kind) {
    case 'title':
      return MASTERS.title;
    case 'section':
      return deck.sections[slide.section!]!.numeral ? MASTERS.section : MASTERS.plainSection;
    case 'agenda':
    case 'point':
    case 'opening':
    case 'closing':
      return MASTERS.content;
    default:
      return unhandledSlideKind(slide.kind);
  }
}
