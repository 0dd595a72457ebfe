import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
// Node's dictionary and jieba, which the rules ask through lexicon.ts.
import '../src/proofread/segmenter.ts';
import { proofread } from '../src/proofread/index.ts';
import { render } from '../src/render/html.ts';

const PUNCTUATION = [...'，。、；：？！“”《》（）'];
const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
/** A run of Chinese text that starts with a Chinese character, so Markdown reads it as plain text. */
const chinese = fc
  .tuple(hanChar, fc.array(fc.oneof({ weight: 8, arbitrary: hanChar }, { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) }), { maxLength: 80 }))
  .map(([first, rest]) => first + rest.join(''));

type Block = { kind: 'paragraph'; text: string } | { kind: 'other'; text: string };

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 5, arbitrary: chinese.map((text) => ({ kind: 'paragraph' as const, text })) },
  { weight: 1, arbitrary: chinese.map((text) => ({ kind: 'other' as const, text: `# ${text}` })) },
  { weight: 2, arbitrary: chinese.map((text) => ({ kind: 'other' as const, text: `## ${text}` })) },
  { weight: 2, arbitrary: chinese.map((text) => ({ kind: 'other' as const, text: `### ${text}` })) },
  {
    weight: 2,
    arbitrary: fc.array(chinese, { minLength: 1, maxLength: 4 }).map((items) => ({ kind: 'other' as const, text: items.map((i) => `- ${i}`).join('\n') })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'other' as const, text: '---' }) },
  // Lines that look like headings but are not: their text must still reach the notes.
  { weight: 1, arbitrary: chinese.map((text) => ({ kind: 'paragraph' as const, text: `##\u3000${text}` })) },
  { weight: 1, arbitrary: chinese.map((text) => ({ kind: 'paragraph' as const, text: `＃${text}` })) },
);
const speech = fc.array(block, { maxLength: 30 });

describe('parse, for any speech made of headings, lists and paragraphs of Chinese text', () => {
  it('never throws, and every paragraph reaches the notes, in order', () => {
    fc.assert(
      fc.property(speech, (blocks) => {
        const deck = parse(blocks.map((b) => b.text).join('\n\n'));
        const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
        const notes = spokenSlides(deck).flatMap((s) => s.notes.map((n) => n.text));
        const wanted = new Set(paragraphs);
        expect(notes.filter((n) => wanted.has(n))).toEqual(paragraphs);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the text of every heading and list item too, on a slide or in the notes', () => {
    fc.assert(
      fc.property(speech, (blocks) => {
        const deck = parse(blocks.map((b) => b.text).join('\n\n'));
        const kept = spokenSlides(deck)
          .flatMap((s) => [s.heading.text, ...s.visible.map((v) => v.text), ...s.notes.map((n) => n.text)])
          .join('\n');
        const written = blocks.filter((b) => b.text !== '---').flatMap((b) => b.text.split('\n'));
        for (const line of written) expect(kept).toContain(line.replace(/^(#{1,3}|-) /, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('renders every deck, and the notes hold every paragraph', () => {
    fc.assert(
      fc.property(speech, (blocks) => {
        const html = render(parse(blocks.map((b) => b.text).join('\n\n'))).slides;
        for (const b of blocks) if (b.kind === 'paragraph') expect(html).toContain(b.text);
      }),
      { numRuns: 100 },
    );
  });

  it('proofreads every speech without throwing, pointing only at lines that exist', () => {
    fc.assert(
      fc.property(speech, (blocks) => {
        const text = blocks.map((b) => b.text).join('\n\n');
        const lines = text.split('\n');
        for (const f of proofread(text)) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual((lines[f.line - 1] ?? '').length);
        }
      }),
      { numRuns: 50 },
    );
  });
});
