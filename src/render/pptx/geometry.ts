/**
 * The PowerPoint slide in points: the theme's 1920×1080 px slide (assets/theme.css) drawn at half size, 1 pt = 2 px
 * on PowerPoint's 13.33×7.5 in widescreen slide.
 */

export const SLIDE = { w: 960, h: 540 };

/** The frame's content box (theme.css: 14 px band + 96 px padding top, 150 px sides, 120 px bottom). */
export const FRAME = { left: 75, right: 885, top: 55, bottom: 480 };
export const FRAME_WIDTH = FRAME.right - FRAME.left;

/** Heading, its gold rule and the space after: 14 pt padding, 2 pt rule, 26 pt margin (theme.css `h2`). */
export const RULED = 14 + 2 + 26;

/** A rectangle on the slide, in points. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Points in inches, the unit pptxgenjs takes. */
export const inch = (pt: number) => pt / 72;

/** Rounded to half a point. */
export const round = (n: number) => Math.round(n * 2) / 2;

/** A size at a scale, never under `min`, to half a point. */
export const sized = (max: number, min: number, scale: number) => round(Math.max(min, max * scale));
