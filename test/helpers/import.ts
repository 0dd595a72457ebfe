import { expect } from 'vitest';
import type { Imported } from '../../src/core/import/index.ts';
import { spokenSlides, type Deck } from '../../src/core/model.ts';
import { words } from '../../src/proofread/segmenter.ts';
import { squash } from './speech.ts';

/** The Node side's segmenter, as `speech-deck import` passes it. */
export const segment = (text: string): string[] => words(text).map((w) => w.word);

/** The tree an import found, in a form a test can compare whole. */
export interface TreeShape {
  title: string;
  meta?: Record<string, string>;
  opening: boolean;
  sections: Array<{ heading: string; points: string[] }>;
  closing?: string;
}

export function treeShape(imported: Imported): TreeShape {
  const { tree } = imported;
  const shape: TreeShape = {
    title: tree.title.text,
    opening: !!tree.opening,
    sections: tree.sections.map((s) => ({ heading: s.heading.text, points: s.points.map((p) => p.heading.text) })),
  };
  if (tree.meta.length) shape.meta = Object.fromEntries(tree.meta.map((m) => [m.key, m.value]));
  if (tree.closing) shape.closing = tree.closing.cue;
  return shape;
}

/** The same tree as the parsed Markdown holds it, so that the file written says what the report says. */
export function deckShape(deck: Deck): Omit<TreeShape, 'meta' | 'closing'> & { closing: boolean } {
  return {
    title: deck.title.heading.text,
    opening: !!deck.opening,
    sections: deck.sections.map((s) => ({ heading: s.opener.heading.text, points: s.points.map((p) => p.heading.text) })),
    closing: !!deck.closing,
  };
}

/** Every spoken word of the deck, in order: the notes of every slide, the title's included. */
export function allNotes(deck: Deck): string {
  return spokenSlides(deck)
    .flatMap((s) => s.notes.map((n) => n.text))
    .join('');
}

/**
 * What every import must hold: the Markdown parses without errors; the notes are the source text exactly
 * (whitespace aside), the whole lines moved to the front matter excepted; every key phrase is a piece of its own
 * slide's spoken text; no phrase is shown twice.
 */
export function expectFaithful(imported: Imported, source: string, metaLines: readonly string[] = []): void {
  const { deck } = imported;
  expect(deck.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const lines = source.split('\n');
  for (const meta of metaLines) {
    const at = lines.findIndex((l) => l.trim() === meta.trim());
    expect(at, `line "${meta}" moved to the front matter`).toBeGreaterThanOrEqual(0);
    lines.splice(at, 1);
  }
  expect(squash(allNotes(deck))).toBe(squash(lines.join('\n')));
  const shown: string[] = [];
  for (const slide of spokenSlides(deck)) {
    const said = slide.notes.map((n) => n.text).join('\n');
    for (const item of slide.visible.filter((v) => v.kind === 'point')) {
      expect(said, `phrase "${item.text}" on "${slide.heading.text}"`).toContain(item.text);
      shown.push(item.text);
    }
  }
  expect(new Set(shown).size).toBe(shown.length);
}
