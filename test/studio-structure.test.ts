import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSpeech, textParagraphs } from '../src/core/import/index.ts';
import type { Deck } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { apply, headingFrom, paragraphActions, slideActions, spokenParagraphs, type Action, type Target } from '../src/studio/structure.ts';

const cut = new Intl.Segmenter('zh', { granularity: 'word' });
/** The flat speech (no numbering, no closing) as the studio imports it: everything on the opening slide. */
const flat = importSpeech(textParagraphs(readFileSync('test/fixtures/studio/flat.txt', 'utf8')), {
  segment: (text) => [...cut.segment(text)].map((s) => s.segment),
}).markdown;

/** Applies the action at the slide whose heading (or kind) is `slide`, expecting it to be taken. */
function act(markdown: string, action: Action, slide: string, paragraph?: number): string {
  const deck = parse(markdown);
  const index = deck.slides.findIndex((s) => s.heading.text === slide || s.kind === slide);
  expect(index, slide).toBeGreaterThanOrEqual(0);
  const target: Target = paragraph === undefined ? { slide: index } : { slide: index, paragraph };
  const outcome = apply(markdown, deck, action, target);
  if (!outcome.ok) throw new Error(`${action} at ${slide} refused: ${outcome.why}`);
  return outcome.markdown;
}

const shape = (deck: Deck) => deck.slides.map((s) => `${s.kind}:${s.heading.text}:${s.notes.length}`);

describe('the studio’s structure actions', () => {
  it('make a flat speech into sections, sub-points and a closing, and back, with every spoken paragraph as it was', () => {
    const original = parse(flat);
    expect(original.sections).toHaveLength(0);
    expect(paragraphActions(original, original.opening!, 0)).toEqual([]);
    expect(paragraphActions(original, original.opening!, 3)).toEqual(['section']);

    let md = act(flat, 'section', 'opening', 3);
    md = act(md, 'section', 'opening', 1);
    let deck = parse(md);
    expect(deck.sections.map((s) => s.title.text)).toEqual(['今年以来', '秋冬种是全年农业生产的开局之战']);
    md = act(md, 'point', '秋冬种是全年农业生产的开局之战', 2);
    md = act(md, 'split', '农田水利是农业的命脉', 2);
    md = act(md, 'closing', '农田水利是农业的命脉（续）', 1);
    deck = parse(md);
    expect(shape(deck)).toEqual([
      'title:在全县秋冬季农业生产工作会议上的讲话:1',
      'opening::1',
      'agenda:目录:0',
      'section:今年以来:2',
      'section:秋冬种是全年农业生产的开局之战:2',
      'point:农田水利是农业的命脉:2',
      'point:农田水利是农业的命脉（续）:1',
      'closing::1',
    ]);
    expect(deck.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(spokenParagraphs(deck)).toEqual(spokenParagraphs(original));
    // Only heading and --- lines were added: without them, every line is the import's, in its order.
    const added = ['## 今年以来', '## 秋冬种是全年农业生产的开局之战', '### 农田水利是农业的命脉', '### 农田水利是农业的命脉（续）', '---'];
    const lines = (text: string) => text.split('\n').filter((line) => line.trim());
    const ours = lines(md);
    for (const line of added) ours.splice(ours.lastIndexOf(line), 1);
    expect(ours).toEqual(lines(flat));

    // Merged back, raised and lowered.
    let back = act(md, 'merge', 'closing');
    back = act(back, 'merge', '农田水利是农业的命脉（续）');
    back = act(back, 'promote', '农田水利是农业的命脉');
    expect(parse(back).sections).toHaveLength(3);
    back = act(back, 'demote', '农田水利是农业的命脉');
    expect(shape(parse(back)).slice(3)).toEqual(['section:今年以来:2', 'section:秋冬种是全年农业生产的开局之战:2', 'point:农田水利是农业的命脉:4']);
    expect(spokenParagraphs(parse(back))).toEqual(spokenParagraphs(original));
  });

  it('moves the closing, and offers only what keeps the speech whole', () => {
    const md = act(act(flat, 'section', 'opening', 1), 'closing', '今年以来', 7);
    expect(parse(md).closing!.notes).toHaveLength(1);
    const moved = parse(act(md, 'closing', '今年以来', 5));
    expect(moved.closing!.notes.map((n) => n.text)).toEqual(spokenParagraphs(parse(flat)).slice(-3));
    const deck = parse(md);
    // The first section cannot be lowered or merged (a sub-point needs a section before it).
    expect(slideActions(md, deck, deck.sections[0]!.opener)).toEqual([]);
    expect(slideActions(md, deck, deck.closing!)).toEqual(['merge']);
    // A sub-point before any section would be an error: refused.
    const one = parse(act(flat, 'section', 'opening', 1));
    const refused = apply(act(flat, 'section', 'opening', 1), one, 'demote', { slide: one.slides.indexOf(one.sections[0]!.opener) });
    expect(refused).toEqual({ ok: false, why: 'errors' });
  });

  it('takes a heading from the paragraph’s lead sentence, as the importer does', () => {
    expect(headingFrom('农田水利是农业的命脉。今冬明春要集中力量')).toBe('农田水利是农业的命脉');
  });
});

describe('a heading taken from a paragraph', () => {
  it('reads back as the paragraph’s words, whatever characters they hold', () => {
    const markdown = '# 标题\n\n## 一、部分\n\n第一段。\n\n*重点*工作_要_抓 <b>好</b> [链接](x) &amp; #1。后面的话。\n';
    const deck = parse(markdown);
    const outcome = apply(markdown, deck, 'point', { slide: deck.slides.indexOf(deck.sections[0]!.opener), paragraph: 1 });
    if (!outcome.ok) throw new Error(outcome.why);
    expect(outcome.deck.sections[0]!.points[0]!.heading.text).toBe(deck.sections[0]!.opener.notes[1]!.text.split('。')[0]);
    expect(spokenParagraphs(outcome.deck)).toEqual(spokenParagraphs(deck));
  });
});
