/** How large the pictures of a slide are drawn: in proportion, never enlarged, in a row under the key phrases. */
import type { Visible } from '../../core/model.ts';
import { pictureOf, type Picture } from './picture.ts';

/** Room left for pictures under the phrases; below this the text is shrunk instead. */
export const MIN_PICTURE = 90;
/** theme.css: `max-height: 560px`. */
const MAX_PICTURE = 280;
/** A picture's pixel is a CSS pixel of the 1920 px slide, half a point: like the deck, pictures are never enlarged. */
const POINTS_PER_PIXEL = 0.5;
export const PICTURE_GAP = 16;
/** What shows a picture that cannot be embedded: its alt text in a frame this tall. */
const MISSING_HEIGHT = 60;

/** One picture of a row at its size; `picture` is undefined for one that cannot be embedded. */
export interface PictureSize {
  item: Visible;
  picture: Picture | undefined;
  w: number;
  h: number;
}

/** The size of each picture in a row `w` wide and at most `h` tall, in proportion, never enlarged. */
export function pictureSizes(items: Visible[], w: number, h: number): PictureSize[] {
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
export function picturesHeight(items: Visible[], w: number, h: number): number {
  return items.length ? Math.max(...pictureSizes(items, w, h).map((s) => s.h)) : 0;
}
