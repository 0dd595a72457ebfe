/**
 * Pictures in a speech (`![说明](picture.png)`, relative to the Markdown file) embedded into the deck as
 * data: URLs, so that the one offline file shows them and asks for nothing. Each is scaled down to at most
 * twice the box the slide shows it in (core/capacity.ts `pictureBox`) and re-encoded with sharp: photos as
 * JPEG, drawings as PNG. SVG is rasterised by sharp (librsvg), which runs no script, so a drawing can
 * carry nothing that runs into the deck.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { OutputInfo } from 'sharp';
import { pictureBox } from '../../core/capacity.ts';
import type { Deck, Problem, Slide, Visible } from '../../core/model.ts';
import { say } from '../../core/say.ts';
import { PICTURES } from '../messages.ts';

export type PictureFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'svg';

/** Above this size a lossless PNG of an opaque picture is tried as JPEG too: it is likely a photograph. */
const PNG_PHOTO_BYTES = 300 * 1024;
/** librsvg's resolution limit, in dots per inch; SVG's own unit is 1/72 inch to sharp. */
const MAX_DENSITY = 2400;

/** A picture of the deck with the slide it is on. */
interface Placed {
  slide: Slide;
  picture: Visible;
}

/** Where a picture's bytes come from, or why they cannot be had. */
type Located = { bytes: Buffer; key: string } | { problem: string };

function picturesOf(deck: Deck): Placed[] {
  return deck.slides.flatMap((slide) => slide.visible.filter((v) => v.kind === 'image').map((picture) => ({ slide, picture })));
}

/** The format of a picture from its first bytes, whatever its file name says. */
export function sniffFormat(bytes: Uint8Array): PictureFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (/^GIF8[79]a$/.test(ascii(0, 6))) return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const start = head.replace(/^(\s+|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<svg[\s>]/i.test(start) ? 'svg' : undefined;
}

/** An address as the author wrote it: markdown-it passes addresses on percent-encoded (图片/现场%20照片.jpg). */
function asWritten(target: string): string {
  if (/^data:/i.test(target)) return target;
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** An address as the author wrote it, cut to 80 characters, for messages. */
const shown = (target: string) => {
  const written = asWritten(target);
  return written.length > 80 ? `${written.slice(0, 77)}…` : written;
};

/** The file an address names, relative to the speech; undefined for a URL with a scheme (data:, https:) or `//`. */
function localPath(target: string, speech: string): string | undefined {
  if (/^([a-z][a-z0-9+.-]+:|\/\/)/i.test(target)) return undefined;
  const path = asWritten(target);
  return isAbsolute(path) ? path : resolve(dirname(speech), path);
}

/** Reads a picture's bytes from its address, relative to the speech, or says why it cannot. */
function locate(target: string, speech: string): Located {
  const data = /^data:image\/(png|jpeg|gif|webp);base64,(.*)$/is.exec(target);
  if (data) return { bytes: Buffer.from(data[2]!, 'base64'), key: createHash('sha256').update(target).digest('hex') };
  const file = localPath(target, speech);
  if (!file) {
    const remote = /^(https?:)?\/\//i.test(target);
    return {
      problem: remote ? say(PICTURES.onTheWeb, { target: shown(target) }) : say(PICTURES.notAFile, { target: shown(target) }),
    };
  }
  const where = relative(process.cwd(), file);
  const place = where && !where.startsWith('..') ? where : file;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { problem: say(PICTURES.notAFileThere, { target: shown(target), place }) };
    return { bytes: readFileSync(file), key: `${file}\0${stat.size}\0${stat.mtimeMs}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      problem: code === 'ENOENT' ? say(PICTURES.notFound, { target: shown(target), place }) : say(PICTURES.cannotRead, { target: shown(target), code }),
    };
  }
}

/** The files of a deck's pictures, so that a deck older than any of them is built again. */
export function pictureFiles(deck: Deck, speech: string): string[] {
  return picturesOf(deck).flatMap(({ picture }) => localPath(picture.target ?? '', speech) ?? []);
}

const NOT_A_PICTURE = (target: string) => say(PICTURES.notAPicture, { target: shown(target) });

/**
 * Problems with a deck's pictures that show without decoding them: a remote address, a missing or
 * unreadable file, a file that is no picture. Errors: a deck built without its pictures would be wrong.
 */
export function pictureProblems(deck: Deck, speech: string): Problem[] {
  return picturesOf(deck).flatMap(({ picture }): Problem[] => {
    const found = locate(picture.target ?? '', speech);
    if ('problem' in found) return [{ line: picture.line, severity: 'error', message: found.problem }];
    return sniffFormat(found.bytes) ? [] : [{ line: picture.line, severity: 'error', message: NOT_A_PICTURE(picture.target ?? '') }];
  });
}

/** What a picture becomes in the deck. */
export interface Embedded {
  src: string;
  width: number;
  height: number;
  format: 'png' | 'jpeg';
}

const cache = new Map<string, Promise<Embedded>>();

/**
 * Embeds every picture of a deck that can be read: sets each one's `src` to a data: URL of the picture
 * scaled to at most twice its box. Returns errors for pictures that cannot be decoded; the problems
 * `pictureProblems` finds are left to it. Re-encodings are kept while the process runs, so that the dev
 * server does not redo them on every save.
 */
export async function embedPictures(deck: Deck, speech: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  await Promise.all(
    picturesOf(deck).map(async ({ slide, picture }) => {
      const found = locate(picture.target ?? '', speech);
      if ('problem' in found) return;
      const format = sniffFormat(found.bytes);
      if (!format) return;
      const box = pictureBox(slide, deck);
      const key = `${found.key}\0${box.width}x${box.height}`;
      let embedding = cache.get(key);
      if (!embedding) {
        embedding = encode(found.bytes, format, box);
        cache.set(key, embedding);
        embedding.catch(() => cache.delete(key));
      }
      try {
        picture.src = (await embedding).src;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
        problems.push({
          line: picture.line,
          severity: 'error',
          message: say(PICTURES.damaged, { target: shown(picture.target ?? ''), reason }),
        });
      }
    }),
  );
  return problems.sort((a, b) => a.line - b.line);
}

/** Scales a picture to fit twice its box (never up) and encodes it: JPEG for photographs, else PNG. */
export async function encode(bytes: Buffer, format: PictureFormat, box: { width: number; height: number }): Promise<Embedded> {
  // sharp (libvips and its helpers) loads with the first picture: a speech without pictures never needs it.
  const { default: sharp } = await import('sharp');
  const most = { width: box.width * 2, height: box.height * 2 };
  let input = sharp(bytes, { failOn: 'error' });
  if (format === 'svg') {
    // An SVG is drawn at the resolution that makes it exactly as large as it may be.
    const { width = 300, height = 150 } = await input.metadata();
    const density = Math.min(MAX_DENSITY, 72 * Math.min(most.width / width, most.height / height));
    input = sharp(bytes, { density, failOn: 'error' });
  }
  const meta = await input.metadata();
  const scaled = input.rotate().resize({ width: most.width, height: most.height, fit: 'inside', withoutEnlargement: true });
  const opaque = !meta.hasAlpha;
  let out: { data: Buffer; info: OutputInfo };
  let type: Embedded['format'];
  if (opaque && (format === 'jpeg' || format === 'webp')) {
    out = await scaled.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    type = 'jpeg';
  } else {
    out = await scaled.clone().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer({ resolveWithObject: true });
    type = 'png';
    if (opaque && out.data.length > PNG_PHOTO_BYTES) {
      const photo = await scaled.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      if (photo.data.length < out.data.length / 2) {
        out = photo;
        type = 'jpeg';
      }
    }
  }
  return { src: `data:image/${type};base64,${out.data.toString('base64')}`, width: out.info.width, height: out.info.height, format: type };
}
