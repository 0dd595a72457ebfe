/**
 * The pictures of a deck, as PowerPoint takes them: PNG, JPEG or GIF bytes with their pixel size. Pure.
 *
 * A picture reaches the model as a data: URL: written so in the speech (an `<img src="data:…">` in the Visible's
 * html, taken as the author gave it), or made from a file beside the speech when it is loaded (the Visible's
 * `src`, re-encoded by the loader as PNG or JPEG). `pictureOf` is the one place that reads them. Only the formats
 * every PowerPoint and WPS opens are embedded, recognised by their bytes, never by the declared type: an SVG
 * (which may carry script) or anything else is left out and reported.
 */
import type { Visible } from '../../core/model.ts';

export interface Picture {
  /** `image/png;base64,…`, the form pptxgenjs takes. */
  data: string;
  mime: 'image/png' | 'image/jpeg' | 'image/gif';
  width: number;
  height: number;
}

// The src of the <img> markdown-it writes for `![alt](data:…)`; base64 never needs HTML escaping.
const DATA_SRC = /^<img src="data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/]+={0,2})"/;
// A picture embedded from a file when the speech was loaded.
const DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/]+={0,2})$/;

/** The picture a visible item shows, or undefined when it is no picture PowerPoint can embed. */
export function pictureOf(item: Visible): Picture | undefined {
  if (item.kind !== 'image') return undefined;
  const base64 = DATA_SRC.exec(item.html)?.[1] ?? DATA_URL.exec(item.src ?? '')?.[1];
  if (!base64) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  const found = pngSize(bytes) ?? gifSize(bytes) ?? jpegSize(bytes);
  if (!found?.width || !found.height) return undefined;
  return { ...found, data: `${found.mime};base64,${base64}` };
}

type Sized = Omit<Picture, 'data'>;

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

function pngSize(b: Uint8Array): Sized | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !signature.every((v, i) => b[i] === v)) return undefined;
  return { mime: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function gifSize(b: Uint8Array): Sized | undefined {
  if (b.length < 10 || String.fromCharCode(...b.subarray(0, 4)) !== 'GIF8') return undefined;
  return { mime: 'image/gif', width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
}

/** A JPEG's size, from its first start-of-frame marker. */
function jpegSize(b: Uint8Array): Sized | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { mime: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    }
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}
