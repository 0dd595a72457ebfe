import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { render } from '../src/render/html.ts';
import { correctedOriginal, corrections, squash } from './helpers/speech.ts';

const speech = readFileSync('test/fixtures/speech.md', 'utf8');

/** The text of every aside.notes in rendered markup, in document order, entities decoded. */
function renderedNotes(html: string): string {
  const asides = [...html.matchAll(/<aside class="notes">(.*?)<\/aside>/gs)].map((m) => m[1]!);
  return asides
    .join('')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

describe('speaker notes of test/fixtures/speech.md', () => {
  const deck = parse(speech);
  const expected = squash(correctedOriginal());

  it('parse without problems', () => {
    expect(deck.problems).toEqual([]);
  });

  it('hold the original speech exactly, corrections applied: nothing dropped, repeated or reordered', () => {
    const notes = spokenSlides(deck).flatMap((s) => s.notes.map((n) => n.text));
    expect(squash(notes.join(''))).toBe(expected);
  });

  it('reach the rendered slides exactly as well', () => {
    expect(squash(renderedNotes(render(deck).slides))).toBe(expected);
  });

  it('apply every recorded correction and leave the uncertain slips as written', () => {
    for (const { original, corrected } of corrections.corrections) {
      expect(speech).toContain(corrected);
      expect(speech).not.toContain(original);
    }
    for (const { text } of corrections.leftAsWritten) expect(speech).toContain(text);
  });

  it('show 2 to 4 key phrases on every section and sub-point slide', () => {
    for (const section of deck.sections) {
      for (const slide of [section.opener, ...section.points]) {
        expect(slide.visible.length, slide.heading.text).toBeGreaterThanOrEqual(2);
        expect(slide.visible.length, slide.heading.text).toBeLessThanOrEqual(4);
      }
    }
  });
});
