import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLIDE_LABELS } from '../src/core/labels.ts';
import type { Deck, Slide } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { CLIError } from '../src/node/errors.ts';
import { exportPptx } from '../src/node/commands/pptx.ts';
import { FACES, PACING_PARAGRAPHS, pacingLine, renderPptx } from '../src/render/pptx.ts';
import { breakRuns, normalizeRuns, xmlSafe } from '../src/render/pptx/text.ts';
import { libreOfficePdf, list, overlap, pdfBoxes, readPptx, strictXml, textOverlap, type Paragraph, type PdfPage, type ReadPptx } from './helpers/pptx.ts';
import { correctedOriginal, fixture, squash } from './helpers/speech.ts';

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-pptx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The decks this file renders, each written once in beforeAll; those marked `pdf` are converted by one LibreOffice
 * run (the dark deck has the same layout as the light one, so its colours are checked in the XML instead).
 */
const CASES = {
  speech: { fixture: 'speech.md', theme: 'light', pdf: true },
  dark: { fixture: 'speech.md', theme: 'dark', pdf: false },
  long: { fixture: 'long-title.md', theme: 'light', pdf: true },
  hostile: { fixture: 'hostile.md', theme: 'light', pdf: true },
} as const;
const RENDERED = ['speech', 'long', 'hostile'] as const;
type Case = keyof typeof CASES;

const decks = {} as Record<Case, Deck>;
const files = {} as Record<Case, ReadPptx>;
const bytes = {} as Record<Case, Uint8Array>;
const pdfs = {} as Record<Case, PdfPage[]>;

beforeAll(async () => {
  const paths: string[] = [];
  for (const [name, { fixture: source, theme, pdf }] of Object.entries(CASES) as [Case, (typeof CASES)[Case]][]) {
    decks[name] = parse(fixture(source));
    bytes[name] = (await renderPptx(decks[name], { theme })).bytes;
    files[name] = await readPptx(bytes[name]);
    const path = join(dir, `${name}.pptx`);
    writeFileSync(path, bytes[name]);
    if (pdf) paths.push(path);
  }
  const converted = libreOfficePdf(paths, join(dir, 'pdf'));
  for (const name of RENDERED) pdfs[name] = await pdfBoxes(converted.get(join(dir, `${name}.pptx`))!);
}, 300_000);

/** What a slide shows as its heading, and the other text it must show, from the model. */
function shown(deck: Deck, slide: Slide): { heading: string; texts: string[] } {
  const points = slide.visible.filter((v) => v.kind === 'point').map((v) => v.text);
  switch (slide.kind) {
    case 'title':
      return { heading: slide.heading.text, texts: [deck.meta.speaker, deck.meta.occasion, deck.meta.date].filter(Boolean) };
    case 'opening':
    case 'closing':
      return { heading: SLIDE_LABELS[slide.kind], texts: [deck.meta.title, ...points] };
    case 'agenda':
      return {
        heading: slide.heading.text,
        texts: slide.agenda!.sections.flatMap((i) => [deck.sections[i]!.numeral, deck.sections[i]!.title.text]).filter(Boolean),
      };
    case 'section': {
      const section = deck.sections[slide.section!]!;
      return { heading: section.title.text, texts: [section.numeral, ...points].filter(Boolean) };
    }
    case 'point':
      return { heading: slide.heading.text, texts: [deck.sections[slide.section!]!.opener.heading.text, ...points] };
  }
}

/** The paragraph whose text is exactly `text`, whitespace aside (line ends in the Markdown are joined). */
const paragraphWith = (paragraphs: Paragraph[], text: string) => paragraphs.find((p) => squash(p.text) === squash(text));

describe('speech-deck pptx: the file read back', () => {
  it('has one widescreen (13.33×7.5 in) slide per deck slide, in the order of deck.slides', () => {
    const { slides, presentation } = files.speech;
    const size = presentation.getElementsByTagName('p:sldSz')[0]!;
    expect([size.getAttribute('cx'), size.getAttribute('cy')]).toEqual(['12192000', '6858000']);
    expect(slides).toHaveLength(decks.speech.slides.length);
    decks.speech.slides.forEach((slide, i) => {
      expect(paragraphWith(slides[i]!.paragraphs, shown(decks.speech, slide).heading), `slide ${i + 1} (${slide.kind})`).toBeDefined();
    });
  });

  it('sets every heading and key phrase as a text paragraph of its slide, the agenda, numerals and running heads from the model', () => {
    for (const name of ['speech', 'long'] as const) {
      decks[name].slides.forEach((slide, i) => {
        const { heading, texts } = shown(decks[name], slide);
        const paragraphs = files[name].slides[i]!.paragraphs;
        const title = paragraphWith(paragraphs, heading)!;
        expect(title, `${name} slide ${i + 1}: ${heading}`).toBeDefined();
        // Headings in the Song face, everything else in the Hei face.
        expect(new Set(title.runs.map((r) => r.ea))).toEqual(new Set([FACES.heading]));
        for (const text of texts) {
          const found = paragraphs.find((p) => squash(p.text) === squash(text)) ?? paragraphs.find((p) => squash(p.text).includes(squash(text)));
          expect(found, `${name} slide ${i + 1}: ${text}`).toBeDefined();
        }
      });
    }
  });

  it('names an East Asian font and zh-CN on every run of every slide and notes page', () => {
    for (const file of Object.values(files)) {
      for (const slide of file.slides) {
        for (const p of [...slide.paragraphs, ...slide.notes]) {
          for (const run of p.runs) {
            expect(run.lang, `${slide.name}: ${run.text}`).toBe('zh-CN');
            expect([FACES.heading, FACES.text], `${slide.name}: ${run.text}`).toContain(run.ea);
          }
        }
        // The raw XML agrees: no run property anywhere without the language.
        expect(slide.xml.match(/<a:rPr\b[^>]*>/g)!.every((tag) => tag.includes('lang="zh-CN"'))).toBe(true);
        expect(slide.notesXml.match(/<a:rPr\b[^>]*>/g)!.every((tag) => tag.includes('lang="zh-CN"'))).toBe(true);
      }
    }
    // Text added later in PowerPoint takes the theme's fonts: the same two faces, for Chinese too.
    const theme = strictXml(files.speech.parts.get('ppt/theme/theme1.xml')!);
    const ea = (scheme: string) => list(theme.getElementsByTagName(scheme))[0]!.getElementsByTagName('a:ea')[0]!.getAttribute('typeface');
    expect([ea('a:majorFont'), ea('a:minorFont')]).toEqual([FACES.heading, FACES.text]);
  });

  it('keeps each phrase one paragraph, broken into lines only with soft line breaks, after pause marks where it can', () => {
    const deck = decks.long;
    const point = deck.slides.findIndex((s) => s.kind === 'point');
    const heading = paragraphWith(files.long.slides[point]!.paragraphs, deck.slides[point]!.heading.text)!;
    expect(heading.breaks).toBeGreaterThan(0);
    for (const line of heading.lines.slice(0, -1)) expect(line).toMatch(/[，、；：]$/);
    // The long title has no pause mark: it breaks between words, never inside 二十大.
    const title = paragraphWith(files.long.slides[0]!.paragraphs, deck.title.heading.text)!;
    expect(title.breaks).toBe(1);
    for (const line of title.lines) expect(line).not.toMatch(/二十?$/);
    // Paragraph properties only where PowerPoint reads them, first in their paragraph.
    for (const file of Object.values(files)) {
      for (const slide of file.slides) {
        for (const pPr of list(slide.doc.getElementsByTagName('a:pPr'))) {
          expect(pPr.parentNode!.nodeName, slide.name).toBe('a:p');
          expect(pPr.previousSibling, slide.name).toBeNull();
        }
      }
    }
  });

  it("puts the pacing on the first line of each slide's notes, then every spoken paragraph as one notes paragraph", () => {
    for (const name of ['speech', 'long', 'hostile'] as const) {
      decks[name].slides.forEach((slide, i) => {
        const notes = files[name].slides[i]!.notes;
        expect(notes[0]!.text, `${name} slide ${i + 1}`).toBe(pacingLine(slide.seconds));
        expect(notes[0]!.text).toMatch(/^约(\d+分(\d+秒|钟)|\d+秒)$/);
        expect(
          notes.slice(PACING_PARAGRAPHS).map((p) => squash(p.text)),
          `${name} slide ${i + 1}`,
        ).toEqual(slide.notes.map((n) => squash(xmlSafe(n.text))));
      });
    }
  });

  it("holds the whole original speech in the notes: all slides' notes, each without its pacing line, concatenated", () => {
    const notes = files.speech.slides.flatMap((s) => s.notes.slice(PACING_PARAGRAPHS).map((p) => p.text)).join('');
    expect(squash(notes)).toBe(squash(correctedOriginal()));
  });

  it('writes the title, the speaker as author and the occasion as subject into the document properties', () => {
    for (const name of ['speech', 'hostile'] as const) {
      const core = files[name].core;
      const value = (tag: string) => core.getElementsByTagName(tag)[0]!.textContent;
      expect(value('dc:title')).toBe(decks[name].meta.title);
      expect(value('dc:creator')).toBe(decks[name].meta.speaker);
      expect(value('dc:subject')).toBe(decks[name].meta.occasion);
    }
  });

  it('draws the dark theme from the same layout: dark ground, gold headings, red rules', () => {
    const colours = (xml: string) => [...xml.matchAll(/<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);
    // The ground, bands and rules are in the slide layouts, where editing a slide cannot move them.
    const layouts = (file: ReadPptx) =>
      [...file.parts].filter(([name, xml]) => name.startsWith('ppt/slideLayouts/slideLayout') && xml.includes('<p:cSld name="讲话')).map(([, xml]) => xml);
    expect(layouts(files.dark)).toHaveLength(4);
    for (const xml of layouts(files.dark)) expect(xml).toContain('<p:bg><p:bgPr><a:solidFill><a:srgbClr val="111111"/>');
    for (const xml of layouts(files.speech)) expect(xml).toContain('<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FBF8F1"/>');
    files.dark.slides.forEach((slide, i) => {
      const light = files.speech.slides[i]!;
      // The same shapes and text in the same places; only the colours differ.
      expect(slide.xml.replace(/val="[0-9A-F]{6}"/g, '')).toBe(light.xml.replace(/val="[0-9A-F]{6}"/g, ''));
      expect(colours(slide.xml)).not.toContain('A3161A');
    });
    const heading = files.dark.slides[4]!.doc;
    expect(list(heading.getElementsByTagName('a:rPr')).some((r) => r.getElementsByTagName('a:srgbClr')[0]?.getAttribute('val') === 'F5C451')).toBe(true);
  });

  it('embeds the picture given as a data: URI and only it', async () => {
    const media = Object.keys(files.long.zip.files).filter((n) => n.startsWith('ppt/media/') && !files.long.zip.files[n]!.dir);
    expect(media).toHaveLength(1);
    const picture = await files.long.zip.file(media[0]!)!.async('uint8array');
    const source = /data:image\/png;base64,([A-Za-z0-9+/=]+)/.exec(fixture('long-title.md'))![1]!;
    expect(Buffer.from(picture).equals(Buffer.from(source, 'base64'))).toBe(true);
    const slide = decks.long.slides.findIndex((s) => s.visible.some((v) => v.kind === 'image'));
    expect(files.long.slides[slide]!.xml).toContain('descr="全县重点项目分布示意图"');
  });

  it('shows hostile text as text: escaped in the XML, every part well-formed, no markup from the author', () => {
    const { slides, parts } = files.hostile;
    for (const [name, xml] of parts) strictXml(xml, name);
    expect(paragraphWith(slides[0]!.paragraphs, "标题 <script>alert('h1')</script>")).toBeDefined();
    expect(slides[0]!.xml).toContain('&lt;script&gt;alert(&apos;h1&apos;)&lt;/script&gt;');
    for (const [name, xml] of parts) expect(xml, name).not.toMatch(/<(script|img|iframe|svg|style)\b/i);
    // The SVG the speech names as a "picture" is shown as text, never embedded.
    expect(Object.keys(files.hostile.zip.files).filter((n) => /^ppt\/media\/.+\.svg$/i.test(n))).toEqual([]);
    expect(squash(pdfs.hostile[0]!.text.map((t) => t.text).join(''))).toContain(squash("<script>alert('h1')</script>"));
  });
});

describe('speech-deck pptx: the file as LibreOffice renders it', () => {
  it('renders one 16:9 page per slide, each showing its heading', () => {
    for (const name of RENDERED) {
      const deck = decks[name];
      expect(pdfs[name], name).toHaveLength(deck.slides.length);
      deck.slides.forEach((slide, i) => {
        const page = pdfs[name][i]!;
        expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
        expect(squash(page.text.map((t) => t.text).join('')), `${name} page ${i + 1}`).toContain(squash(shown(deck, slide).heading));
      });
    }
  });

  it('keeps all text on its page, inside the frame above the foot rule, with no two lines on top of each other', () => {
    for (const name of RENDERED) {
      pdfs[name].forEach((page, i) => {
        const where = `${name} page ${i + 1}`;
        for (const t of page.text) {
          expect(t.left, `${where}: ${t.text}`).toBeGreaterThanOrEqual(0);
          expect(t.right, `${where}: ${t.text}`).toBeLessThanOrEqual(page.width);
          expect(t.top, `${where}: ${t.text}`).toBeGreaterThanOrEqual(0);
          expect(t.bottom, `${where}: ${t.text}`).toBeLessThanOrEqual(page.height);
        }
        // The slide number sits in the bottom-left corner; everything else within the frame, above the foot rule.
        const content = page.text.filter((t) => !(/^\d+$/.test(t.text.trim()) && t.left < 40 && t.top > page.height - 40));
        expect(content.length, where).toBeGreaterThan(0);
        for (const t of content) {
          expect(t.left, `${where}: ${t.text}`).toBeGreaterThanOrEqual(40);
          expect(t.right, `${where}: ${t.text}`).toBeLessThanOrEqual(page.width - 40);
          expect(t.bottom, `${where}: ${t.text}`).toBeLessThanOrEqual(page.height - 36);
        }
        for (const [j, a] of content.entries()) {
          for (const b of content.slice(j + 1)) expect(textOverlap(a, b), `${where}: "${a.text}" and "${b.text}"`).toBe(false);
        }
      });
    }
  });

  it("shows a speech's picture whole, inside the frame, clear of the text", () => {
    const slide = decks.long.slides.findIndex((s) => s.visible.some((v) => v.kind === 'image'));
    const page = pdfs.long[slide]!;
    expect(page.images).toHaveLength(1);
    const picture = page.images[0]!;
    expect(picture.right - picture.left).toBeGreaterThan(100);
    expect(picture.left).toBeGreaterThanOrEqual(75 - 1);
    expect(picture.right).toBeLessThanOrEqual(page.width - 75 + 1);
    expect(picture.bottom).toBeLessThanOrEqual(page.height - 36);
    for (const t of page.text) expect(overlap(t, picture), t.text).toBe(false);
  });
});

describe('pptx text rules', () => {
  it('writes the pacing as 约…分…秒', () => {
    expect(pacingLine(130)).toBe('约2分10秒');
    expect(pacingLine(45)).toBe('约45秒');
    expect(pacingLine(120)).toBe('约2分钟');
  });

  it('breaks a long heading into the fewest, most even lines, strictly only after pause marks', () => {
    const text = '在推动高质量发展上取得新突破，在深化改革开放上迈出新步伐，在保障民生上展现新作为';
    const lines = (maxEm: number, strict: boolean) => breakRuns([{ text }], maxEm, strict).lines.map((l) => l.map((r) => r.text).join(''));
    expect(lines(50, true)).toEqual([text]);
    // Two lines at 28 em: of the two ways, the more even one.
    expect(lines(28, true)).toEqual(['在推动高质量发展上取得新突破，', '在深化改革开放上迈出新步伐，在保障民生上展现新作为']);
    expect(lines(16, true)).toEqual(['在推动高质量发展上取得新突破，', '在深化改革开放上迈出新步伐，', '在保障民生上展现新作为']);
    // A phrase wider than the line with no pause mark in it does not fit strictly, and breaks between words otherwise.
    expect(breakRuns([{ text: '在全县深入学习贯彻党的二十大精神动员大会上的讲话' }], 14, true).fits).toBe(false);
    const loose = breakRuns([{ text: '在全县深入学习贯彻党的二十大精神动员大会上的讲话' }], 14, false);
    expect(loose.fits).toBe(true);
    expect(loose.lines).toHaveLength(2);
    expect(loose.width).toBeLessThanOrEqual(14);
  });

  it('keeps marks across line breaks and never starts a line with closing punctuation', () => {
    const broken = breakRuns([{ text: '以“拼”的精神、' }, { text: '“闯”的劲头', bold: true }, { text: '、“创”的勇气' }], 8, false);
    expect(
      broken.lines
        .flat()
        .filter((r) => r.bold)
        .map((r) => r.text)
        .join(''),
    ).toBe('“闯”的劲头');
    for (const line of broken.lines.slice(1)) expect(line[0]!.text).not.toMatch(/^[，、。”》）]/);
  });

  it('joins the lines of a paragraph the Markdown wrapped and drops characters XML cannot carry', () => {
    expect(
      normalizeRuns([{ text: '第一行\n第二行' }])
        .map((r) => r.text)
        .join(''),
    ).toBe('第一行第二行');
    expect(
      normalizeRuns([{ text: 'one\ntwo' }])
        .map((r) => r.text)
        .join(''),
    ).toBe('one two');
    expect(xmlSafe('a\u0001b\uFFFEc\uD800d😀')).toBe('abcd😀');
  });
});

describe('speech-deck pptx: the command', () => {
  it('writes <name>.pptx atomically, reports the path, the slides and the time, and leaves nothing else', async () => {
    const out = join(dir, 'cli-out');
    mkdirSync(out);
    const lines: string[] = [];
    const result = await exportPptx({ input: 'test/fixtures/long-title.md', outDir: out, progress: (line) => lines.push(line) });
    expect(result.path).toBe(join(out, 'long-title.pptx'));
    expect(readdirSync(out)).toEqual(['long-title.pptx']);
    expect(statSync(result.path).size).toBe(result.bytes);
    expect(result.slides).toBe(decks.long.slides.length);
    expect(lines.at(-1)).toContain('long-title.pptx');
    expect(lines.at(-1)).toMatch(/\d+\.\d s: 7 slides/);
    const again = await readPptx(new Uint8Array(readFileSync(result.path)));
    expect(again.slides).toHaveLength(decks.long.slides.length);
  });

  it('runs as `speech-deck pptx file.md --out-dir DIR`', () => {
    const out = join(dir, 'cli-bin');
    const ok = spawnSync('node', ['bin/speech-deck.js', 'pptx', 'test/fixtures/small.md', '--out-dir', out], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(join(out, 'small.pptx'));
    expect(readdirSync(out)).toEqual(['small.pptx']);
  }, 120_000);

  it('embeds a picture kept in a file beside the speech, as the deck shows it, with no warning', async () => {
    const folder = join(dir, 'picture-file');
    mkdirSync(folder);
    // A real PNG, 800×500, next to a small speech that names it.
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#87ceeb' } })
      .png()
      .toBuffer();
    writeFileSync(join(folder, '图.png'), png);
    writeFileSync(join(folder, 'talk.md'), fixture('small.md').replace(/^(- .+)$/m, '$1\n\n![全县重点项目分布示意图](图.png)'));
    const warnings: string[] = [];
    const warn = console.error;
    console.error = (line: string) => void warnings.push(line);
    try {
      await exportPptx({ input: join(folder, 'talk.md'), outDir: join(folder, 'out'), progress: () => undefined });
    } finally {
      console.error = warn;
    }
    expect(warnings).toEqual([]);
    const pptx = await readPptx(new Uint8Array(readFileSync(join(folder, 'out', 'talk.pptx'))));
    const media = Object.keys(pptx.zip.files).filter((n) => n.startsWith('ppt/media/') && !pptx.zip.files[n]!.dir);
    expect(media).toHaveLength(1);
    const meta = await sharp(Buffer.from(await pptx.zip.file(media[0]!)!.async('uint8array'))).metadata();
    expect([meta.format, meta.width! / meta.height!]).toEqual(['png', 800 / 500]);
    expect(pptx.slides.some((slide) => slide.xml.includes('descr="全县重点项目分布示意图"'))).toBe(true);
  });

  it('stops on a speech with errors, saying where, and writes nothing', async () => {
    const out = join(dir, 'cli-error');
    await expect(exportPptx({ input: 'test/fixtures/problems/no-title.md', outDir: out, progress: () => undefined })).rejects.toThrow(CLIError);
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it('says plainly when the folder cannot be written, and leaves no temporary file', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    await expect(exportPptx({ input: 'test/fixtures/small.md', outDir: join(blocker, 'out'), progress: () => undefined })).rejects.toThrow(
      /^无法写出“.*not-a-folder.*”：此处是文件，不是文件夹 · cannot write .*not-a-folder.*a file stands where a folder should be/,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
