import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontEditor } from 'fonteditor-core';
import { distinctCharacters, type FaceRole } from '../core/charset.ts';

/** One embedded face: an open-licensed Noto font from its @fontsource package. */
export interface FaceSpec {
  role: FaceRole;
  family: string;
  weight: 400 | 700;
  pkg: string;
}

export const FACES: readonly FaceSpec[] = [
  { role: 'heading', family: 'Noto Serif SC', weight: 700, pkg: '@fontsource/noto-serif-sc' },
  { role: 'body', family: 'Noto Sans SC', weight: 400, pkg: '@fontsource/noto-sans-sc' },
  { role: 'strong', family: 'Noto Sans SC', weight: 700, pkg: '@fontsource/noto-sans-sc' },
];

/** A face subset to the characters the deck needs from it. */
export interface EmbeddedFont {
  family: string;
  weight: number;
  characters: string[];
  woff2: Uint8Array;
}

export interface EmbeddedFonts {
  fonts: EmbeddedFont[];
  /** Characters no embedded face has, by face role: they fall back to whatever the system has. */
  missing: Partial<Record<FaceRole, string[]>>;
  /** How many faces were subset afresh rather than read from the cache. */
  subsetCount: number;
}

/** One file of a @fontsource weight and the code points it holds. */
interface Slice {
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);

/** The slices of a @fontsource weight, read from its CSS: each a woff2 file and its unicode-range. */
function readSlices(spec: FaceSpec): { dir: string; version: string; slices: Slice[] } {
  const pkgJson = require.resolve(`${spec.pkg}/package.json`);
  const dir = dirname(pkgJson);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const css = readFileSync(join(dir, `${spec.weight}.css`), 'utf8');
  const slices = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    file: /url\(\.\/([^)]+\.woff2)\)/.exec(body!)![1]!,
    ranges: /unicode-range:\s*([^;]+);/
      .exec(body!)![1]!
      .split(',')
      .map((r) => r.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16)))
      .map(([a, b]) => [a!, b ?? a!] as [number, number]),
  }));
  return { dir, version, slices };
}

function inSlice(slice: Slice, char: string): boolean {
  const cp = char.codePointAt(0)!;
  return slice.ranges.some(([a, b]) => cp >= a && cp <= b);
}

/** Subsets each face to exactly the characters it must draw, reusing earlier results from `cacheDir`. */
export async function embedFonts(
  text: Record<FaceRole, string>,
  cacheDir: string,
  progress: (message: string) => void = () => {},
): Promise<EmbeddedFonts> {
  const result: EmbeddedFonts = { fonts: [], missing: {}, subsetCount: 0 };
  for (const spec of FACES) {
    const { dir, version, slices } = readSlices(spec);
    // Spaces that take up room get a glyph too; line ends and tabs need none.
    const wanted = distinctCharacters(text[spec.role]).filter((c) => c === ' ' || c === '\u3000' || !/\s/u.test(c));
    const parts = slices
      .map((slice) => ({ file: join(dir, slice.file), characters: wanted.filter((c) => inSlice(slice, c)) }))
      .filter((part) => part.characters.length);
    const characters = parts.flatMap((p) => p.characters);
    const missing = wanted.filter((c) => !characters.includes(c));
    if (missing.length) result.missing[spec.role] = missing;
    if (!characters.length) continue;
    const key = createHash('sha256').update(`${spec.pkg}@${version}/${spec.weight}\n${characters.join('')}`).digest('hex').slice(0, 32);
    const cached = join(cacheDir, `${key}.woff2`);
    let woff2: Uint8Array;
    if (existsSync(cached)) {
      woff2 = readFileSync(cached);
    } else {
      progress(`Subsetting ${spec.family} ${spec.weight} to ${characters.length} characters (kept for later builds) …`);
      woff2 = await mergedSubset(parts, characters);
      writeAtomically(cached, woff2);
      result.subsetCount++;
    }
    result.fonts.push({ family: spec.family, weight: spec.weight, characters, woff2 });
  }
  return result;
}

/**
 * One woff2 font from the needed glyphs of several @fontsource slices. One font per face rather
 * than one per slice saves each slice's own tables, about a quarter of the bytes.
 */
async function mergedSubset(parts: Array<{ file: string; characters: string[] }>, characters: string[]): Promise<Uint8Array> {
  // Loaded only here: a build whose subsets are all cached never needs them.
  const [{ createFont }, { default: subsetFont }] = await Promise.all([import('fonteditor-core'), import('subset-font')]);
  let merged: FontEditor.Font | undefined;
  for (const part of parts) {
    const ttf = await subsetFont(readFileSync(part.file), part.characters.join(''), { targetFormat: 'truetype' });
    const font = createFont(Buffer.from(ttf), { type: 'ttf', hinting: true });
    if (!merged) {
      merged = font;
      continue;
    }
    // Every slice carries .notdef and perhaps shared glyphs such as the space: take each code point once.
    const seen = new Set(merged.get().glyf.flatMap((g) => g.unicode ?? []));
    const data = font.get();
    data.glyf = data.glyf.filter((g, i) => i > 0 && g.unicode?.length && g.unicode.every((u) => !seen.has(u)));
    merged.merge(font, { scale: 1 });
  }
  const ttf = merged!.write({ type: 'ttf', toBuffer: true, hinting: true });
  // A last pass through HarfBuzz checks the merged font and compresses it to woff2.
  return subsetFont(ttf, characters.join(''), { targetFormat: 'woff2' });
}

function writeAtomically(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/**
 * @font-face rules with the subsets inlined as data: URIs, so the deck needs no other file. No
 * unicode-range: each subset holds exactly the characters it maps, the browser falls back character
 * by character all the same, and the ranges of a few hundred scattered Chinese characters cost 5 KB.
 */
export function fontFaceCss(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${Buffer.from(f.woff2).toString('base64')}) format('woff2')}`,
    )
    .join('\n');
}
