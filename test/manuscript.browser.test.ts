import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { exportManuscript, type ManuscriptResult } from '../src/node/commands/manuscript.ts';
import { manuscriptOf, runsText } from '../src/render/manuscript-text.ts';
import { latinOnlyFontEnv } from '../src/node/fonts/env.ts';
import { gridCells, linesOf, mm, readPlacedText, type PlacedLine, type PlacedPage, type PlacedText } from './helpers/pdf-layout.ts';
import { correctedOriginal, fixture, squash } from './helpers/speech.ts';

const A4 = { width: 595.28, height: 841.89 };
/** The 版心 in PDF points (y from the page's foot): 28 mm from the left, 26 from the right, 37 from the top, 35 from the foot. */
const BLOCK = { left: mm(28), right: mm(210 - 26), top: A4.height - mm(37), bottom: mm(35) };
/** A tolerance of half a point for positions the browser rounds to its pixel grid. */
const EPS = 0.5;

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-manuscript-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const speech = fixture('speech.md');
const deck = parse(speech);
const expected = squash(correctedOriginal());

/** What a PDF piece of text is: a page number under the 版心, a slide cue (small, red), or the manuscript's text. */
function kind(item: PlacedText): 'page number' | 'cue' | 'text' {
  if (Math.abs(item.size - 14) < 0.2 && item.y < BLOCK.bottom) return 'page number';
  return item.size < 12 ? 'cue' : 'text';
}

/** The manuscript's own lines on a page (no page number, no cue), top to bottom. */
function textLines(page: PlacedPage): PlacedLine[] {
  return linesOf(page.items.filter((i) => kind(i) === 'text'));
}

/** The byline under the title: the speaker and the bracketed date, not part of the speech. */
function isByline(line: PlacedLine, d: Deck): boolean {
  return [d.meta.speaker, `（${d.meta.date}）`].map(squash).includes(squash(line.text));
}

/** The whole text in reading order, cues, page numbers and byline aside. */
function readText(pages: PlacedPage[], d: Deck = deck): string {
  return squash(
    pages
      .flatMap((p) =>
        textLines(p)
          .filter((l) => !isByline(l, d))
          .map((l) => l.text),
      )
      .join(''),
  );
}

/**
 * The text in reading order with each cue put where it stands: `⟦5⟧` before the character it is drawn above.
 * A cue belongs to the nearest line below it, and comes before that line's pieces that start at or after it.
 */
function textWithCues(pages: PlacedPage[]): string {
  let out = '';
  for (const page of pages) {
    const lines = textLines(page).map((line) => ({ line, cues: [] as PlacedText[] }));
    for (const cue of page.items.filter((i) => kind(i) === 'cue' && /▶\d+/.test(i.text))) {
      const below = lines.filter((l) => l.line.y < cue.y).sort((a, b) => b.line.y - a.line.y)[0];
      expect(below, `cue ${cue.text} has a line below it`).toBeDefined();
      below!.cues.push(cue);
    }
    for (const { line, cues } of lines) {
      if (isByline(line, deck)) continue;
      const tokens = [
        ...line.items.map((i) => ({ x: i.x, order: 1, text: squash(i.text) })),
        ...cues.map((c) => ({ x: c.x - EPS, order: 0, text: [...c.text.matchAll(/▶(\d+)/g)].map((m) => `⟦${m[1]}⟧`).join('') })),
      ];
      out += tokens
        .sort((a, b) => a.x - b.x || a.order - b.order)
        .map((t) => t.text)
        .join('');
    }
  }
  return out;
}

interface Export {
  result: ManuscriptResult;
  pages: PlacedPage[];
  lines: string[];
}

describe('speech-deck manuscript on test/fixtures/speech.md, in a browser with no Chinese system font', () => {
  // Only what the file carries can draw Chinese here: a character in a missing face would show in the PDF's fonts.
  const env = latinOnlyFontEnv();
  let normal: Export;
  let plain: Export;
  let large: Export;

  beforeAll(async () => {
    const run = async (name: string, options: { cues?: boolean; large?: boolean; docx?: boolean }): Promise<Export> => {
      const lines: string[] = [];
      const result = await exportManuscript({ input: 'test/fixtures/speech.md', outDir: join(dir, name), env, progress: (l) => lines.push(l), ...options });
      return { result, pages: await readPlacedText(result.pdf.path), lines };
    };
    normal = await run('normal', { docx: true });
    plain = await run('plain', { cues: false });
    large = await run('large', { large: true });
  }, 180_000);

  it('writes <name>-讲稿.pdf and .docx and nothing else, reporting each step with pages, size and time', () => {
    expect(normal.result.pdf.path).toBe(join(dir, 'normal', 'speech-讲稿.pdf'));
    expect(readdirSync(join(dir, 'normal')).sort()).toEqual(['speech-讲稿.docx', 'speech-讲稿.pdf']);
    expect(readdirSync(join(dir, 'plain'))).toEqual(['speech-讲稿.pdf']);
    const text = normal.lines.join('\n');
    expect(text).toContain('LXGW WenKai');
    expect(text).toMatch(new RegExp(`已写出 .*speech-讲稿\\.pdf（${normal.pages.length} 页 pages, \\d+ KB）`));
    expect(text).toMatch(/已写出 .*speech-讲稿\.docx（\d+ KB）/);
    expect(text).toMatch(/Done in \d+\.\d s/);
    expect(normal.result.missing).toEqual({});
  });

  it('prints on A4, every page', () => {
    for (const { pages } of [normal, plain, large]) {
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        expect(page.width).toBeCloseTo(A4.width, 0);
        expect(page.height).toBeCloseTo(A4.height, 0);
      }
    }
    expect(normal.result.pdf.pages).toBe(normal.pages.length);
  });

  it('keeps all the text inside the 156 × 225 mm 版心', () => {
    for (const { pages } of [normal, large]) {
      for (const [n, page] of pages.entries()) {
        for (const item of page.items.filter((i) => kind(i) === 'text')) {
          const where = `page ${n + 1}: ${item.text}`;
          expect(item.x, where).toBeGreaterThanOrEqual(BLOCK.left - EPS);
          // The grid's pitch is a fifth of a point under 3号, so a line's last glyph may reach that far past its cell.
          expect(item.x + item.width, where).toBeLessThanOrEqual(BLOCK.right + 2 * EPS);
          expect(item.y + 0.88 * item.size, where).toBeLessThanOrEqual(BLOCK.top + EPS);
          expect(item.y - 0.12 * item.size, where).toBeGreaterThanOrEqual(BLOCK.bottom - EPS);
        }
      }
    }
  });

  it('sets the body at 3号 on the grid: at most 28 characters a line, most lines exactly 28, at most 22 lines a page, 225/22 mm apart', () => {
    checkGrid(normal.pages, { size: 16, chars: 28, lines: 22 });
  });

  it('sets --large at 二号 (22 pt) on a 20 × 16 grid, the whole speech still there', () => {
    checkGrid(large.pages, { size: 22, chars: 20, lines: 16 });
    expect(large.pages.length).toBeGreaterThan(normal.pages.length);
    expect(readText(large.pages)).toBe(expected);
  });

  it('numbers every page "— n —" in 4号 below the 版心, odd pages on the right and even pages on the left, one character in', () => {
    for (const { pages } of [normal, large]) {
      for (const [i, page] of pages.entries()) {
        const numbers = page.items.filter((item) => kind(item) === 'page number');
        expect(squash(numbers.map((item) => item.text).join('')), `page ${i + 1}`).toBe(`—${i + 1}—`);
        const left = Math.min(...numbers.map((item) => item.x));
        const right = Math.max(...numbers.map((item) => item.x + item.width));
        if (i % 2 === 0) expect(right, `page ${i + 1}`).toBeCloseTo(BLOCK.right - 14, -0.5);
        else expect(left, `page ${i + 1}`).toBeCloseTo(BLOCK.left + 14, -0.5);
        // The dashes stand about 7 mm below the 版心.
        const drop = BLOCK.bottom - numbers[0]!.y;
        expect(drop).toBeGreaterThan(mm(6));
        expect(drop).toBeLessThan(mm(11));
      }
    }
  });

  it('holds the whole speech word for word, the title once, at the head, cues and page numbers aside', () => {
    expect(readText(normal.pages)).toBe(expected);
    expect(readText(plain.pages)).toBe(expected);
    const [title] = textLines(normal.pages[0]!);
    expect(squash(title!.text)).toBe(squash(deck.title.heading.text));
    expect(title!.items[0]!.size).toBeCloseTo(22, 1);
    const centre = (title!.x + title!.items.at(-1)!.x + title!.items.at(-1)!.width) / 2;
    expect(centre).toBeCloseTo((BLOCK.left + BLOCK.right) / 2, -0.5);
  });

  it('draws every character with the embedded faces, each in its part: 小标宋 title, 仿宋 body, 黑体 and 楷体 headings', () => {
    const fonts = new Set(normal.pages.flatMap((p) => p.items.map((i) => i.font)));
    for (const font of fonts) expect(font).toMatch(/^(NotoSerifSC|NotoSansSC|LXGWWenKai)/);
    const fontOf = (pred: (item: PlacedText) => boolean) => [...new Set(normal.pages.flatMap((p) => p.items.filter(pred).map((i) => i.font)))];
    const title = squash(deck.title.heading.text);
    expect(fontOf((i) => squash(i.text) === title)).toEqual([expect.stringMatching(/^NotoSerifSC.*-Bold$/)]);
    const sectionLead = squash(deck.sections[0]!.opener.heading.text);
    expect(fontOf((i) => squash(i.text).startsWith(sectionLead))).toEqual([expect.stringMatching(/^NotoSansSC.*-Medium$/)]);
    const pointLead = squash(deck.sections[0]!.points[0]!.heading.text);
    expect(fontOf((i) => squash(i.text).startsWith(pointLead))).toEqual(['LXGWWenKai-Regular']);
    expect(fontOf((i) => squash(i.text) === squash(deck.meta.speaker))).toEqual(['LXGWWenKai-Regular']);
    expect(fontOf((i) => i.text.includes('习近平总书记'))).toEqual([expect.stringMatching(/^NotoSerifSC.*-Regular$/)]);
  });

  it('sets emphasis in the embedded 黑体, never in a bold the browser makes up (which prints as a blurred Type 3 font)', async () => {
    const source = join(dir, 'emphasis.md');
    writeFileSync(source, fixture('small.md').replace('开场白第一段。', '开场白第一段，**务必抓紧落实见效**。'));
    const result = await exportManuscript({ input: source, outDir: join(dir, 'emphasis'), env, progress: () => undefined });
    const pages = await readPlacedText(result.pdf.path);
    const fonts = [...new Set(pages.flatMap((p) => p.items.filter((i) => /[务必抓紧落实见效]/.test(i.text)).map((i) => i.font)))];
    expect(fonts).toEqual([expect.stringMatching(/^NotoSansSC.*-Medium$/)]);
    expect(Buffer.from(readFileSync(result.pdf.path)).includes('/Type3')).toBe(false);
    expect(squash(pages.flatMap((p) => p.items.map((i) => i.text)).join(''))).toContain(squash('开场白第一段，务必抓紧落实见效。'));
  });

  it("never leaves a heading line (a section's lead said alone) at the foot of a page, away from what follows it", async () => {
    // In this report the line 三、二〇二六年重点任务。 falls on the last line of page 1 unless it is kept with the next.
    const source = fixture('report.md');
    const headings = new Set(
      manuscriptOf(parse(source))
        .paragraphs.filter((p) => p.lead && !runsText(p.runs).trim())
        .map((p) => squash(runsText(p.lead!.runs))),
    );
    expect(headings.has(squash('三、二〇二六年重点任务。'))).toBe(true);
    const result = await exportManuscript({ input: 'test/fixtures/report.md', outDir: join(dir, 'report'), env, progress: () => undefined });
    const pages = await readPlacedText(result.pdf.path);
    expect(pages.length).toBeGreaterThan(1);
    const feet = pages.slice(0, -1).map((page) => squash(textLines(page).at(-1)?.text ?? ''));
    expect(feet.filter((line) => headings.has(line))).toEqual([]);
  });

  it('embeds every font it uses', async () => {
    const { readPdf } = await import('./helpers/pdf.ts');
    for (const path of [normal.result.pdf.path, large.result.pdf.path]) {
      const { fonts } = await readPdf(path);
      expect(fonts.length).toBe(4);
      for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true });
    }
  });

  it('lets no page begin with the last line of a paragraph alone, nor end with the first line of one', () => {
    for (const { pages } of [normal, large]) {
      const size = pages === large.pages ? 22 : 16;
      const body = pages.map((page) => textLines(page).filter((l) => l.items.every((i) => Math.abs(i.size - size) < 0.1) && !isByline(l, deck)));
      const indent = (l: PlacedLine) => l.x > BLOCK.left + 10;
      let carried = 0;
      for (let n = 1; n < body.length; n++) {
        const [first, second] = body[n]!;
        const before = body[n - 1]!.at(-1)!;
        if (!indent(first!)) {
          carried++;
          // A paragraph runs over: at least two of its lines on this page, and two on the one before.
          expect(second && !indent(second), `page ${n + 1} starts with a paragraph's last line alone: ${first!.text}`).toBe(true);
          expect(indent(before), `page ${n} ends with a paragraph's first line alone: ${before.text}`).toBe(false);
        }
      }
      // The check is not empty: paragraphs do run over pages.
      expect(carried).toBeGreaterThan(0);
    }
  });

  it('marks each slide change once, in order, just before the first words said with that slide', () => {
    const marked = textWithCues(normal.pages);
    const numbers = [...marked.matchAll(/⟦(\d+)⟧/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(deck.slides.slice(1).map((_, i) => i + 2));
    for (const [i, slide] of deck.slides.entries()) {
      if (i === 0) continue;
      const at = marked.indexOf(`⟦${i + 1}⟧`);
      const after = marked.slice(at).replace(/⟦\d+⟧/g, '');
      const before = marked.slice(0, at).replace(/⟦\d+⟧/g, '');
      if (slide.notes.length) {
        expect(after.slice(0, 20), `slide ${i + 1}`).toBe(squash(slide.notes[0]!.text).slice(0, 20));
      } else {
        // A slide with nothing to say (the agenda) comes up when what precedes it has been said.
        const previous = deck.slides[i - 1]!;
        expect(before.slice(-20), `slide ${i + 1}`).toBe(squash(previous.notes.at(-1)!.text).slice(-20));
      }
    }
    // Each section's cue says how long it takes.
    const cueText = normal.pages.flatMap((p) => p.items.filter((it) => kind(it) === 'cue').map((it) => it.text)).join(' ');
    expect(cueText.match(/约\d+分(\d+秒|钟)/g)).toHaveLength(deck.sections.length);
  });

  it('draws the cues small and above the line, taking no room in it', () => {
    for (const page of normal.pages) {
      const lines = textLines(page);
      for (const cue of page.items.filter((i) => kind(i) === 'cue')) {
        const below = lines.filter((l) => l.y < cue.y).sort((a, b) => b.y - a.y)[0]!;
        expect(cue.y - below.y).toBeGreaterThan(0.6 * 16);
        expect(cue.y - below.y).toBeLessThan(1.3 * 16);
      }
    }
    // The same lines with and without cues: the marks move no character.
    const lineTexts = (pages: PlacedPage[]) => pages.map((p) => textLines(p).map((l) => l.text));
    expect(lineTexts(plain.pages)).toEqual(lineTexts(normal.pages));
  });

  it('leaves every cue out with --no-cues', () => {
    const all = plain.pages.flatMap((p) => p.items);
    expect(all.filter((i) => kind(i) === 'cue' || i.text.includes('▶'))).toEqual([]);
  });

  it('writes the same manuscript as Word: real styles with the official faces, the grid, A4 margins, page numbers in the footer', async () => {
    const zip = await JSZip.loadAsync(readFileSync(normal.result.docx!.path));
    const styles = await zip.file('word/styles.xml')!.async('string');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    expect(style('Normal')).toMatch(/w:eastAsia="仿宋"/);
    expect(style('Normal')).toMatch(/<w:sz w:val="32"\/>/);
    expect(style('Normal')).toMatch(/<w:spacing [^>]*w:line="560" w:lineRule="exact"/);
    expect(style('Normal')).toMatch(/w:firstLineChars="200"/);
    expect(style('Title')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(style('Title')).toMatch(/<w:sz w:val="44"\/>/);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style('Heading2')).toMatch(/w:eastAsia="楷体"/);
    expect(style('SectionLead')).toMatch(/w:eastAsia="黑体"/);
    expect(style('PointLead')).toMatch(/w:eastAsia="楷体"/);
    expect(style('Byline')).toMatch(/w:eastAsia="楷体"/);
    expect(style('SlideCue')).toMatch(/w:color w:val="C00000"/);

    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-\d+"\/>/);
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toMatch(/PAGE/);
      expect(squash(wordText(footer))).toMatch(/^—.*—$/);
    }
    expect(footers.map((f) => /<w:jc w:val="(left|right)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);

    // The text: every paragraph but the byline, cue marks aside, is the speech.
    const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => m[1]!);
    const spoken = paragraphs.filter((p) => !p.includes('<w:pStyle w:val="Byline"/>'));
    const runs = spoken.flatMap((p) => [...p.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((m) => m[1]!));
    expect(
      squash(
        runs
          .filter((r) => !r.includes('w:val="SlideCue"'))
          .map(wordText)
          .join(''),
      ),
    ).toBe(expected);
    const cues = runs.filter((r) => r.includes('w:val="SlideCue"')).flatMap((r) => [...wordText(r).matchAll(/▶(\d+)/g)].map((m) => Number(m[1])));
    expect(cues).toEqual(deck.slides.slice(1).map((_, i) => i + 2));
  });
});

/** The text of Word XML: the `<w:t>` elements, entities decoded. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

/** Lines on a page-sized grid: no line over `chars` cells, most exactly that, at most `lines` lines, on an even pitch. */
function checkGrid(pages: PlacedPage[], grid: { size: number; chars: number; lines: number }): void {
  const pitch = mm(225 / grid.lines);
  let full = 0;
  let all = 0;
  let fullPages = 0;
  for (const [n, page] of pages.entries()) {
    const lines = textLines(page);
    expect(lines.length, `page ${n + 1}`).toBeLessThanOrEqual(grid.lines);
    if (lines.length === grid.lines || n === pages.length - 1) fullPages++;
    for (const line of lines.filter((l) => Math.abs(l.items[0]!.size - grid.size) < 0.1)) {
      const cells = gridCells(line.text);
      expect(cells, `page ${n + 1}: ${line.text}`).toBeLessThanOrEqual(grid.chars);
      all++;
      if (cells + (line.x > BLOCK.left + 10 ? 2 : 0) === grid.chars) full++;
    }
    // Lines of text stand a whole number of grid lines apart, blank lines included (the title and byline, in other
    // faces and sizes, sit differently within their grid lines).
    const body = lines.filter((l) => l.items.every((i) => Math.abs(i.size - grid.size) < 0.1) && !isByline(l, deck));
    for (let i = 1; i < body.length; i++) {
      const gap = body[i - 1]!.y - body[i]!.y;
      expect(Math.abs(gap - Math.round(gap / pitch) * pitch), `page ${n + 1}, line ${i + 1}`).toBeLessThan(1);
    }
  }
  // The grid is real: most lines are filled to the last cell, and a page that breaks is full.
  expect(full / all).toBeGreaterThan(0.6);
  expect(fullPages).toBeGreaterThanOrEqual(pages.length / 2);
}
