import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFont, woff2 } from 'fonteditor-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { distinctCharacters, faceText } from '../src/core/charset.ts';
import { embedFonts, sliceLookups, type EmbeddedFonts } from '../src/node/fonts/embed.ts';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';

const deck = parse(readFileSync('test/fixtures/speech.md', 'utf8'));

/** The code points a woff2 font really maps to glyphs, read from its cmap. */
function mappedCodePoints(font: Uint8Array): Set<number> {
  const data = createFont(Buffer.from(font), { type: 'woff2' }).get();
  return new Set(data.glyf.flatMap((g) => (g.name === '.notdef' ? [] : (g.unicode ?? []))));
}

describe('embedded fonts for test/fixtures/speech.md', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'speech-deck-fonts-'));
  let embedded: EmbeddedFonts;
  beforeAll(async () => {
    await woff2.init();
    embedded = await embedFonts(faceText(deck), cacheDir);
  }, 60_000);

  it('cover every character of the deck: slide text, notes, punctuation and digits', () => {
    expect(embedded.missing).toEqual({});
    const body = embedded.fonts.find((f) => f.family === 'Noto Sans SC' && f.weight === 400)!;
    const mapped = mappedCodePoints(body.woff2);
    const deckText = spokenSlides(deck).flatMap((s) => [s.heading, ...s.visible, ...s.notes].map((i) => i.text));
    const needed = distinctCharacters([...deckText, deck.meta.speaker, deck.meta.occasion, deck.meta.date].join(''));
    const unmapped = needed.filter((c) => c !== ' ' && !mapped.has(c.codePointAt(0)!));
    expect(unmapped).toEqual([]);
    for (const c of '“”，。、：《》0123456789') expect(mapped.has(c.codePointAt(0)!), c).toBe(true);
  });

  it('draw headings in the serif: every heading character is in Noto Serif SC bold', () => {
    const serif = embedded.fonts.find((f) => f.family === 'Noto Serif SC')!;
    const mapped = mappedCodePoints(serif.woff2);
    const headings = deck.sections.flatMap((s) => [s.title.text, ...s.points.map((p) => p.heading.text)]).join('');
    expect(distinctCharacters(headings).filter((c) => !mapped.has(c.codePointAt(0)!))).toEqual([]);
    expect(serif.weight).toBe(700);
  });

  it('map exactly the characters asked of each face, nothing more, in a small fraction of the full font', () => {
    for (const font of embedded.fonts) {
      const asked = new Set(font.characters.map((c) => c.codePointAt(0)!));
      expect([...mappedCodePoints(font.woff2)].sort((a, b) => a - b)).toEqual([...asked].sort((a, b) => a - b));
      // The full Noto faces are several MB; a subset of a few hundred characters is tens of KB.
      expect(font.woff2.length).toBeLessThan(120 * 1024);
    }
  });

  it('are cached by face and character set, so an unchanged speech subsets nothing again', async () => {
    const files = readdirSync(cacheDir).length;
    const again = await embedFonts(faceText(deck), cacheDir);
    expect(again.subsetCount).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(files);
    const changed = await embedFonts({ ...faceText(deck), heading: '新的标题' }, cacheDir);
    expect(changed.subsetCount).toBe(1);
  }, 60_000);

  it("know from the cache which characters each face holds, so a warm build never reads the faces' 9,000 ranges", async () => {
    // A cache holding this deck's subsets alone, without the lists of what each face holds.
    const dir = mkdtempSync(join(tmpdir(), 'speech-deck-fonts-held-'));
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith('.woff2'))) copyFileSync(join(cacheDir, name), join(dir, name));
    let looked = sliceLookups.count;
    const first = await embedFonts(faceText(deck), dir);
    expect(first.subsetCount).toBe(0);
    // One list per face of the deck, each made from that face's ranges (a face the deck does not use holds none).
    const lists = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const faces = lists.length;
    expect(faces).toBeGreaterThanOrEqual(embedded.fonts.length);
    expect(sliceLookups.count).toBe(looked + faces);
    looked = sliceLookups.count;
    const again = await embedFonts(faceText(deck), dir);
    expect(sliceLookups.count).toBe(looked);
    expect(again.fonts.map((f) => f.characters)).toEqual(embedded.fonts.map((f) => f.characters));
    // A kept list that names a character not asked for is not believed: the ranges are read and the list made again.
    for (const name of lists) writeFileSync(join(dir, name), '["\u{1F600}"]');
    const checked = await embedFonts(faceText(deck), dir);
    expect(sliceLookups.count).toBe(looked + faces);
    expect(checked.subsetCount).toBe(0);
    expect(checked.fonts.map((f) => Buffer.from(f.woff2).toString('base64'))).toEqual(embedded.fonts.map((f) => Buffer.from(f.woff2).toString('base64')));
  }, 60_000);

  it('report characters no embedded face has', async () => {
    const result = await embedFonts({ heading: '标题', body: '正文\u{1F600}', strong: '' }, cacheDir);
    expect(result.missing).toEqual({ body: ['\u{1F600}'] });
  }, 60_000);
});
