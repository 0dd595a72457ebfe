/**
 * Text measured and set for the PowerPoint slide: a paragraph's lines at a style, the theme's fit rule that picks
 * the largest scale at which a slide's text fits, and the key phrases as a list. Sizes come from width estimates
 * (text.ts), never from autofit, which PowerPoint applies only after an edit.
 */
import type { Run, Visible } from '../../core/model.ts';
import { FRAME_WIDTH, round, sized } from './geometry.ts';
import type { Look } from './palette.ts';
import { breakRuns, WIDTH_MARGIN, type Line } from './text.ts';

export interface TextStyle {
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
export interface LaidParagraph {
  lines: Line[];
  style: TextStyle;
  /** Estimated widest line in points. */
  width: number;
  height: number;
  /** Whether its lines are within the width (see breakRuns). */
  fits: boolean;
}

/** Breaks runs into lines that fit `width` points at the style's size; strict, only at pause marks. */
export function lay(runs: readonly Run[], width: number, style: TextStyle, strict = false): LaidParagraph {
  const broken = breakRuns(runs, (width * WIDTH_MARGIN) / style.size, strict);
  const lines = broken.lines.length || 1;
  return { lines: broken.lines, style, width: broken.width * style.size, height: lines * style.size * style.leading, fits: broken.fits };
}

/** A slide's text laid out at one scale. */
export interface Scaled {
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
export function fit<T extends Scaled>(room: number, layout: (scale: number, strict: boolean) => T): T {
  const candidates: [number, boolean][] = [
    ...SCALES.filter((s) => s >= STRICT_DOWN_TO).map((s) => [s, true] as [number, boolean]),
    ...SCALES.map((s) => [s, false] as [number, boolean]),
  ];
  for (const [scale, strict] of candidates) {
    const laid = layout(scale, strict);
    if (laid.fits && laid.height <= room) return laid;
  }
  return layout(0.5, false);
}

/** A slide's key phrases laid out, one paragraph each. */
export interface PhraseList {
  items: { visible: Visible; paragraph: LaidParagraph; indent: number }[];
  height: number;
  gap: number;
  fits: boolean;
  /** Set when the slide does not fit even at the smallest size: the list then starts at the top. */
  overfull?: boolean;
}

/** The key phrases of a slide at a scale: 32 pt (64 px) top-level, 24 pt nested, never under 14 pt. */
export function phraseList(look: Look, points: Visible[], width: number, scale: number, strict: boolean, topSize: number): PhraseList {
  const items = points.map((visible) => {
    const size = sized(visible.depth ? 24 : topSize, 14, scale);
    // The lozenge takes 1.25 em, a nested phrase another 1.25 em (theme.css).
    const indent = round(size * 1.25 * (visible.depth ? 2 : 1));
    const style: TextStyle = { face: look.faces.text, size, colour: look.colours.ink, leading: 1.45 };
    return { visible, indent, paragraph: lay(visible.runs, width - indent, style, strict) };
  });
  const gap = round(sized(topSize, 14, scale) * 0.6);
  const height = items.reduce((sum, item) => sum + item.paragraph.height, 0) + gap * Math.max(0, items.length - 1);
  return { items, height, gap, fits: items.every((i) => i.paragraph.fits) };
}

/** The running head: small, muted, behind a gold bar (theme.css `.running-head`). */
export function runningHead(look: Look, runs: readonly Run[], scale: number): LaidParagraph {
  // Small and not a heading: it may always break between words.
  return lay(runs, FRAME_WIDTH - 16, { face: look.faces.text, size: sized(18, 14, scale), colour: look.colours.muted, leading: 1.4 });
}

/** A slide's heading: the heading face, bold, in the accent colour (theme.css `h2`). */
export function heading(look: Look, runs: readonly Run[], width: number, scale: number, strict: boolean): LaidParagraph {
  return lay(runs, width, { face: look.faces.heading, size: sized(42, 20, scale), colour: look.colours.accent, bold: true, leading: 1.3 }, strict);
}
