import { describe, expect, it } from 'vitest';
import { capacityProblems, slidesThatDoNotFit } from '../src/core/capacity.ts';
import { AGENDA_CONTINUED, SLIDE_LABELS } from '../src/core/labels.ts';
import type { Deck } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { render } from '../src/render/html.ts';
import { loadSpeech } from '../src/node/speech/load.ts';

const agendas = (deck: Deck) => deck.slides.filter((s) => s.kind === 'agenda');

/** A speech of `n` sections titled by `title(i)`. */
function speech(n: number, title: (i: number) => string): Deck {
  const sections = Array.from({ length: n }, (_, i) => `## ${title(i)}\n\n- 要点\n\n第${i + 1}部分的话。\n`);
  return parse(`# 题目\n\n开场的话。\n\n${sections.join('\n')}`);
}

describe('the agenda of a speech with many sections', () => {
  it('lists up to six sections in one column on one slide, as before', () => {
    const deck = speech(6, (i) => `第${i + 1}部分`);
    expect(agendas(deck).map((s) => [s.id, s.heading.text, s.agenda])).toEqual([['agenda', SLIDE_LABELS.agenda, { sections: [0, 1, 2, 3, 4, 5], columns: 1 }]]);
    expect(render(deck).slides).toContain('<ol class="agenda">');
  });

  it('sets twelve sections in two columns on one slide, the first column six rows long', () => {
    const deck = loadSpeech('test/fixtures/agenda-12.md').deck;
    expect(agendas(deck).map((s) => s.agenda)).toEqual([{ sections: [...Array(12).keys()], columns: 2 }]);
    expect(render(deck).slides).toContain('<ol class="agenda columns" style="--rows:6">');
  });

  it('shares twenty sections between two agenda slides, the second headed 目录（续）, every section once and in order', () => {
    const deck = loadSpeech('test/fixtures/agenda-20.md').deck;
    const slides = agendas(deck);
    expect(slides.map((s) => [s.id, s.heading.text])).toEqual([
      ['agenda', SLIDE_LABELS.agenda],
      ['agenda-2', AGENDA_CONTINUED],
    ]);
    expect(slides.flatMap((s) => s.agenda!.sections)).toEqual([...Array(20).keys()]);
    expect(slides.flatMap((s) => s.visible.map((v) => v.text))).toEqual(deck.sections.map((s) => s.title.text));
    // Both right after the opening, before the first section.
    expect(deck.slides.slice(1, 4).map((s) => s.kind)).toEqual(['opening', 'agenda', 'agenda']);
    const html = render(deck).slides;
    expect(html).toContain(`<h2>${AGENDA_CONTINUED}</h2>`);
    expect(html.match(/<li><a href="#\//g)).toHaveLength(20);
  });

  it('never asks to merge sections: 12, 16 and 20 sections give no warning about the agenda', () => {
    for (const n of [12, 16, 20]) {
      const deck = speech(n, (i) => `第${i + 1}部分：坚持稳中求进，推动经济运行总体平稳`);
      expect(
        slidesThatDoNotFit(deck).filter((s) => s.kind === 'agenda'),
        `${n} sections`,
      ).toEqual([]);
      expect(
        capacityProblems(deck)
          .map((p) => p.message)
          .join('\n'),
      ).not.toMatch(/合并|merge/);
    }
  });

  it('gives an agenda slide an id no section has', () => {
    const deck = speech(20, (i) => (i === 0 ? 'agenda 2' : `第${i + 1}部分`));
    const ids = deck.slides.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(agendas(deck)).toHaveLength(2);
  });
});
