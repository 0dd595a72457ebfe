import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontEditor } from 'fonteditor-core';
import { distinctCharacters, type FaceRole, titleFaceText } from '../../core/charset.ts';
import type { Deck } from '../../core/model.ts';
import { fontFaceRules, titleFamily } from '../../render/font-css.ts';
import { type Message, say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { FONTS } from '../messages.ts';
import { keepCached, readCached } from '../files/cache.ts';

/** Where font subsets are kept between builds, below the project folder. */
export const DEFAULT_FONT_CACHE = 'node_modules/.cache/speech-deck/fonts';

/** One embedded face: an open-licensed font from its @fontsource package, read from its `<weight>.css`. */
export interface FaceSpec<R extends string = FaceRole> {
  role: R;
  family: string;
  weight: number;
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

export interface EmbeddedFonts<R extends string = FaceRole> {
  fonts: EmbeddedFont[];
  /** Characters no embedded face has, by face role: they fall back to whatever the system has. */
  missing: Partial<Record<R, string[]>>;
  /** How many faces were subset afresh rather than read from the cache. */
  subsetCount: number;
}

/** One file of a @fontsource weight and the code points it holds. */
interface Slice {
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);

const packages = new Map<string, { dir: string; version: string }>();

/** Where a @fontsource package lies and its version, which is part of every cache key made from it. */
function fontPackage(spec: FaceSpec<string>): { dir: string; version: string } {
  let found = packages.get(spec.pkg);
  if (!found) {
    const pkgJson = require.resolve(`${spec.pkg}/package.json`);
    found = { dir: dirname(pkgJson), version: (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version };
    packages.set(spec.pkg, found);
  }
  return found;
}

/** A kept list of the characters a face holds, when it is one: the wanted characters it draws, in their order. */
function heldList(bytes: Buffer, wanted: readonly string[]): string[] | undefined {
  try {
    const list: unknown = JSON.parse(bytes.toString('utf8'));
    const all = new Set(wanted);
    return Array.isArray(list) && list.every((c) => typeof c === 'string' && all.has(c)) ? (list as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The slices of a @fontsource weight, read from its CSS: each a woff2 file and its unicode-range. */
function readSlices(spec: FaceSpec<string>): { dir: string; version: string; slices: Slice[] } {
  const { dir, version } = fontPackage(spec);
  const css = readFileSync(join(dir, `${spec.weight}.css`), 'utf8');
  const slices = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    file: /url\(\.\/([^)]+\.woff2)\)/.exec(body!)![1]!,
    // A weight in one file (LXGW WenKai's) has no unicode-range: it holds whatever the font draws.
    ranges: [...(/unicode-range:\s*([^;]+);/.exec(body!)?.[1] ?? 'U+0-10FFFF').matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)].map(
      ([, a, b]) => [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number],
    ),
  }));
  return { dir, version, slices };
}

/** A weight's slices and where each lies in Unicode: made once a process, then searched by halves per character. */
interface SliceIndex {
  dir: string;
  version: string;
  slices: Slice[];
  /** Every unicode-range of every slice as [first, last, slice], ordered by first; a CJK face's ranges overlap a little. */
  ranges: [number, number, number][];
  /** The largest `last` of `ranges[0..i]`: how far back a code point may still lie in an earlier range. */
  reach: number[];
  /** A slice with no unicode-range holds every code point. */
  whole: number[];
}

const indexes = new Map<string, SliceIndex>();

/** How often a face's slices were looked up in this process: a build whose faces are all cached needs none (tests). */
export const sliceLookups = { count: 0 };

function sliceIndex(spec: FaceSpec<string>): SliceIndex {
  sliceLookups.count++;
  const id = `${spec.pkg}/${spec.weight}`;
  let index = indexes.get(id);
  if (index) return index;
  const { dir, version, slices } = readSlices(spec);
  const ranges: [number, number, number][] = [];
  const whole: number[] = [];
  slices.forEach((slice, i) => {
    for (const [a, b] of slice.ranges) {
      if (b - a > 0x10000) whole.push(i);
      else ranges.push([a, b, i]);
    }
  });
  ranges.sort((x, y) => x[0] - y[0]);
  const reach: number[] = [];
  for (const [i, [, last]] of ranges.entries()) reach.push(Math.max(last, reach[i - 1] ?? -1));
  index = { dir, version, slices, ranges, reach, whole };
  indexes.set(id, index);
  return index;
}

/** The slices (by index, in order) whose unicode-range holds a code point. */
function holdersOf(index: SliceIndex, cp: number): number[] {
  const { ranges, reach } = index;
  // The last range that starts at or before the code point …
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ranges[mid]![0] <= cp) low = mid + 1;
    else high = mid - 1;
  }
  // … and, going back, every earlier one that still reaches it.
  const found = new Set(index.whole);
  for (let i = high; i >= 0 && reach[i]! >= cp; i--) if (ranges[i]![1] >= cp) found.add(ranges[i]![2]);
  return [...found].sort((x, y) => x - y);
}

/** The slice files of a face that hold any of the wanted characters, each with those characters, in slice order. */
function slicesHolding(spec: FaceSpec<string>, wanted: readonly string[]): Array<{ file: string; characters: string[] }> {
  const index = sliceIndex(spec);
  const bySlice: string[][] = index.slices.map(() => []);
  for (const char of wanted) for (const i of holdersOf(index, char.codePointAt(0)!)) bySlice[i]!.push(char);
  return index.slices.map((slice, i) => ({ file: join(index.dir, slice.file), characters: bySlice[i]! })).filter((part) => part.characters.length);
}

/** Changes whenever the way subsets are made changes, so that older cached subsets are not used (2: blank glyphs kept). */
const SUBSET_METHOD = 2;

/** Subsets each of the deck's faces to exactly the characters it must draw, reusing earlier results from `cacheDir`. */
export async function embedFonts(text: Record<FaceRole, string>, cacheDir: string, progress: (message: string) => void = () => {}): Promise<EmbeddedFonts> {
  return embedFaces(FACES, text, cacheDir, progress);
}

/** The same for any list of faces, such as the manuscript's: `text` says what each face's role must draw. */
export async function embedFaces<R extends string>(
  faces: readonly FaceSpec<R>[],
  text: Record<R, string>,
  cacheDir: string,
  progress: (message: string) => void = () => {},
): Promise<EmbeddedFonts<R>> {
  const result: EmbeddedFonts<R> = { fonts: [], missing: {}, subsetCount: 0 };
  for (const spec of faces) {
    const { version } = fontPackage(spec);
    // Spaces that take up room get a glyph too; line ends and tabs need none.
    const wanted = distinctCharacters(text[spec.role]).filter((c) => c === ' ' || c === '\u3000' || !/\s/u.test(c));
    const face = `${SUBSET_METHOD}\n${spec.pkg}@${version}/${spec.weight}\n`;
    // Which of the wanted characters the face draws, as found before for the same characters (the slices'
    // ranges, 9,000 of them a face, are only read when they are not); then the subset of exactly those.
    const wantedKey = createHash('sha256')
      .update(`${face}wanted\n${wanted.join('')}`)
      .digest('hex')
      .slice(0, 32);
    const keptHeld = readCached(cacheDir, wantedKey, 'json', (b) => heldList(b, wanted) !== undefined);
    let characters = keptHeld && heldList(keptHeld, wanted);
    let parts: Array<{ file: string; characters: string[] }> | undefined;
    if (!characters) {
      parts = slicesHolding(spec, wanted);
      characters = parts.flatMap((p) => p.characters);
      await keepCached(cacheDir, wantedKey, 'json', Buffer.from(JSON.stringify(characters)), () => undefined);
    }
    const held = new Set(characters);
    const missing = wanted.filter((c) => !held.has(c));
    if (missing.length) result.missing[spec.role] = missing;
    if (!characters.length) continue;
    // The writer's own version is in the key: a font an earlier writer made is not taken for this one's.
    const key = createHash('sha256')
      .update(`${face}${WOFF2_WRITER}${characters.join('')}`)
      .digest('hex')
      .slice(0, 32);
    let woff2: Uint8Array | undefined = readCached(cacheDir, key, 'woff2', isWoff2);
    if (!woff2) {
      progress(say(FONTS.subsetting, { family: spec.family, weight: spec.weight, count: characters.length }));
      woff2 = await mergedSubset(parts ?? slicesHolding(spec, characters), characters);
      await checkSubset(woff2, characters, spec);
      await keepCached(cacheDir, key, 'woff2', woff2, (why) => progress(say(FONTS.notKept, { why })));
      result.subsetCount++;
    }
    result.fonts.push({ family: spec.family, weight: spec.weight, characters, woff2 });
  }
  return result;
}

/** Which WOFF2 writer made a kept font: render/woff2.ts with Brotli quality 11. */
const WOFF2_WRITER = 'render/woff2.ts 1\n';

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
    // fonteditor merges only glyphs with outlines: blank ones such as the space are carried over here.
    merged.get().glyf.push(...data.glyf.filter((g) => !g.contours?.length && !(g as { compound?: boolean }).compound));
  }
  const ttf = merged!.write({ type: 'ttf', toBuffer: true, hinting: true });
  // A last pass through HarfBuzz checks the merged font; it is written as WOFF2 as the studio writes its fonts.
  const [checked, { nodeBrotli }, { sfntToWoff2 }] = await Promise.all([
    subsetFont(ttf, characters.join(''), { targetFormat: 'truetype' }),
    import('./brotli.ts'),
    import('../../render/woff2.ts'),
  ]);
  // A Buffer, as the fonts read from the cache are: font tools such as subset-font read its signature as one.
  return Buffer.from(sfntToWoff2(checked, await nodeBrotli()));
}

/** A woff2 file starts with its signature and gives its own length in its header. */
function isWoff2(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.length > 48 && view.toString('latin1', 0, 4) === 'wOF2' && view.readUInt32BE(8) === view.length;
}

/** Decodes a fresh subset and checks it draws every character it was made for, before any deck gets it. */
async function checkSubset(woff2: Uint8Array, characters: string[], spec: FaceSpec<string>): Promise<void> {
  // Decoded by the woff2 decoder subset-font has loaded already (fonteditor's own would compile a second one),
  // then read as the TrueType font it holds.
  const [{ createFont }, { decompress }] = await Promise.all([import('fonteditor-core'), import('wawoff2')]);
  let mapped: Set<number>;
  try {
    if (!isWoff2(woff2)) throw new Error('not a woff2 font');
    const ttf = Buffer.from(await decompress(woff2));
    // The character map, read whole; of the outlines only one glyph's (reading them all took 1.1–1.5 s for the
    // studio's 7,206 characters, against 40–70 ms), as decoding the woff2 has rebuilt every one already.
    const cmap = createFont(ttf, { type: 'ttf', subset: [characters[0]!.codePointAt(0)!] }).get().cmap as Record<string, number>;
    mapped = new Set(Object.keys(cmap).map(Number));
  } catch (error) {
    throw new CLIError(say(FONTS.notMade, { family: spec.family, weight: spec.weight, detail: (error as Error).message }));
  }
  const lost = characters.filter((c) => !/\s/u.test(c) && !mapped.has(c.codePointAt(0)!));
  if (lost.length) throw new CLIError(say(FONTS.lostCharacters, { family: spec.family, weight: spec.weight, characters: lost.slice(0, 10).join('') }));
}

/** The deck's faces as a message names them. */
const FACE_NAMES: Record<FaceRole, Message> = { heading: FONTS.heading, body: FONTS.body, strong: FONTS.strong };

/** One warning for each face that lacks characters the speech draws with it. */
export function missingFontWarnings(embedded: Pick<EmbeddedFonts<string>, 'missing'>, file: string): string[] {
  return Object.entries(embedded.missing).map(([role, chars]) => {
    const list = (chars ?? []).map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(', ');
    const face = FACE_NAMES[role as FaceRole] ?? { zh: role, en: role };
    return say(FONTS.missing, { file, face, characters: list });
  });
}

/**
 * The title slide's own small faces, for a deck whose page shows that slide before its code runs (core/charset.ts,
 * `titleFaceText`), under their own families (render/font-css.ts, `titleFamily`); none for any other deck. Made and
 * kept like the deck's faces, and cut from the same fonts.
 */
export async function embedTitleFonts(deck: Deck, cacheDir: string, progress?: (message: string) => void): Promise<EmbeddedFont[]> {
  const text = titleFaceText(deck);
  return text ? (await embedFonts(text, cacheDir, progress)).fonts.map((font) => ({ ...font, family: titleFamily(font.family) })) : [];
}

/** @font-face rules with the subsets inlined as data: URIs, so the deck needs no other file (render/font-css.ts). */
export function fontFaceCss(fonts: readonly EmbeddedFont[]): string {
  return fontFaceRules(fonts.map((f) => ({ family: f.family, weight: f.weight, data: Buffer.from(f.woff2).toString('base64'), format: 'woff2' })));
}
