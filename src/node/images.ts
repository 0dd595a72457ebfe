/**
 * Pictures a speech refers to by a path beside it (as `speech-deck import` saves a Word file's pictures) are
 * embedded as data: URIs when the speech is loaded: the one-file deck must carry them, and its
 * Content-Security-Policy admits images only as data.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Deck, Problem } from '../core/model.ts';
import { spokenSlides } from '../core/model.ts';

/** The formats the deck shows, known by their first bytes, so that only real pictures are ever embedded. */
const FORMATS: ReadonlyArray<[string, (b: Uint8Array) => boolean]> = [
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  ['image/webp', (b) => b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50],
];

const SRC = /^(<img src=")([^"]*)(")/;

/** Replaces each picture's file path with the file's bytes as a data: URI; problems for files it cannot use. */
export function embedLocalImages(deck: Deck, speechPath: string): Problem[] {
  const problems: Problem[] = [];
  for (const slide of spokenSlides(deck)) {
    for (const item of slide.visible) {
      const m = item.kind === 'image' ? SRC.exec(item.html) : null;
      if (!m) continue;
      const src = m[2]!.replace(/&amp;/g, '&');
      if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || !src) continue;
      let path: string;
      try {
        path = decodeURI(src.split(/[?#]/)[0]!);
      } catch {
        continue;
      }
      const file = isAbsolute(path) ? path : resolve(dirname(speechPath), path);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        problems.push({ line: item.line, severity: 'warning', message: `the picture "${path}" is not there (paths are relative to the speech's folder); the slide shows its description instead` });
        continue;
      }
      const type = FORMATS.find(([, test]) => test(bytes))?.[0];
      if (!type) {
        problems.push({ line: item.line, severity: 'warning', message: `"${path}" is not a PNG, JPEG, GIF or WebP picture, so it is not shown; save it as PNG` });
        continue;
      }
      item.html = item.html.replace(SRC, `$1data:${type};base64,${bytes.toString('base64')}$3`);
    }
  }
  return problems;
}
