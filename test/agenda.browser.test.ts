import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../src/core/model.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { exportPdf } from '../src/node/commands/pdf.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { renderPptx } from '../src/render/pptx.ts';
import { fileUrl, launchBrowser, openDeck } from './helpers/browser.ts';
import { boxProblems, showSlide } from './helpers/layout.ts';
import { libreOfficePdf, type PdfPage, pdfBoxes, textOverlap } from './helpers/pptx.ts';
import { squash } from './helpers/speech.ts';

/** Speeches of many sections: work reports of 12 and 20 parts. */
const FIXTURES = ['agenda-12', 'agenda-20'] as const;
const WINDOWS = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
];

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-agenda-'));
let browser: Browser;
const decks = {} as Record<(typeof FIXTURES)[number], { model: Deck; html: string; pdf: PdfPage[]; pptx: PdfPage[] }>;

beforeAll(async () => {
  browser = await launchBrowser();
  const pptxFiles: string[] = [];
  for (const name of FIXTURES) {
    const input = `test/fixtures/${name}.md`;
    const out = join(dir, name);
    const model = loadSpeech(input).deck;
    const html = await buildDeck(input, out);
    const printed = await exportPdf({ input, outDir: out, progress: () => undefined });
    const pptx = join(out, `${name}.pptx`);
    writeFileSync(pptx, (await renderPptx(model)).bytes);
    pptxFiles.push(pptx);
    decks[name] = { model, html, pdf: await pdfBoxes(printed.slides.path), pptx: [] };
  }
  const converted = libreOfficePdf(pptxFiles, join(dir, 'pptx-pdf'));
  for (const [i, name] of FIXTURES.entries()) decks[name].pptx = await pdfBoxes(converted.get(pptxFiles[i]!)!);
}, 400_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The agenda slides' places in the deck. */
const agendaIndices = (deck: Deck) => deck.slides.flatMap((s, i) => (s.kind === 'agenda' ? [i] : []));

describe('the agenda of 12 and 20 sections', () => {
  for (const name of FIXTURES) {
    for (const size of WINDOWS) {
      it(`${name}: every section on an agenda slide, nothing outside the slide, in a ${size.width}×${size.height} window`, async () => {
        const { model, html } = decks[name];
        const page = await openDeck(browser, `${fileUrl(html)}?transition=none`, size);
        const problems: string[] = [];
        let listed = '';
        for (const i of agendaIndices(model)) {
          await showSlide(page, model.slides[i]!.id);
          problems.push(...(await boxProblems(page)));
          listed += await page.evaluate(() => window.deck!.getCurrentSlide().querySelector('ol.agenda')!.textContent);
        }
        expect(problems).toEqual([]);
        for (const section of model.sections) expect(squash(listed)).toContain(squash(section.numeral + section.title.text));
        await page.close();
      });
    }

    it(`${name}: the slides' PDF and the .pptx (as LibreOffice draws it) keep the agenda inside the frame, every section on it`, () => {
      const { model, pdf, pptx } = decks[name];
      for (const [what, pages] of [
        ['PDF', pdf],
        ['pptx', pptx],
      ] as const) {
        expect(pages, what).toHaveLength(model.slides.length);
        let shown = '';
        for (const i of agendaIndices(model)) {
          const page = pages[i]!;
          // The frame: 150 px of the 1920 px slide each side, the foot rule 72 px above its bottom.
          const [side, foot] = [(page.width * 150) / 1920 - 2, page.height - (page.height * 72) / 1080 + 2];
          const content = page.text.filter((t) => !(/^\d+$/.test(t.text.trim()) && t.top > foot));
          for (const t of content) {
            const where = `${what} page ${i + 1}: ${t.text}`;
            expect(t.left, where).toBeGreaterThanOrEqual(side);
            expect(t.right, where).toBeLessThanOrEqual(page.width - side);
            expect(t.top, where).toBeGreaterThanOrEqual(0);
            expect(t.bottom, where).toBeLessThanOrEqual(foot);
          }
          for (const [j, a] of content.entries())
            for (const b of content.slice(j + 1)) expect(textOverlap(a, b), `${what} page ${i + 1}: "${a.text}" and "${b.text}"`).toBe(false);
          shown += content.map((t) => t.text).join('');
        }
        for (const section of model.sections) expect(squash(shown), what).toContain(squash(section.title.text));
      }
    });
  }
});
