import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFont } from 'fonteditor-core';
import { transform } from 'lightningcss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenSlides, type Deck } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { commonCharacters, hanByFrequency } from '../src/node/fonts/common-chars.ts';
import { fontFaceCss } from '../src/node/fonts/embed.ts';
import { buildShell } from '../src/node/page/shell.ts';
import { FONTS_MARKER, SPEECH_MARKER } from '../src/render/page.ts';
import { addLineBreaks } from '../src/node/speech/words.ts';
import { deckPage } from '../src/studio/deck-page.ts';
import { fontFaceRule } from '../src/render/font-css.ts';
import { loadHarfBuzz } from '../src/studio/hb-subset.ts';
import { addItem, lineSource, oneLine, removeItem, setHeading, setItem, setTheme, startList } from '../src/studio/markdown-edit.ts';
import { fileName } from '../src/studio/save.ts';
import { decompress } from 'wawoff2';
import { nodeBrotli } from '../src/node/fonts/brotli.ts';
import { sfntToWoff2, woff2ToSfnt } from '../src/render/woff2.ts';
import { speechDeck } from './helpers/decks.ts';
import { squash } from './helpers/speech.ts';

const speech = readFileSync('test/fixtures/speech.md', 'utf8');
const spoken = (deck: Deck) =>
  squash(
    spokenSlides(deck)
      .flatMap((s) => s.notes.map((n) => n.text))
      .join(''),
  );

describe('the studio’s edits to the Markdown', () => {
  const deck = parse(speech);
  const point = deck.sections[0]!.points[0]!;

  it('change a heading and leave every spoken word as it was', () => {
    const edited = parse(setHeading(speech, point.line, '用定位找准新坐标'));
    expect(edited.sections[0]!.points[0]!.heading.text).toBe('用定位找准新坐标');
    expect(spoken(edited)).toBe(spoken(deck));
    expect(edited.slides.map((s) => s.kind)).toEqual(deck.slides.map((s) => s.kind));
  });

  it('keep a section’s numeral and a heading’s level', () => {
    const section = deck.sections[1]!;
    expect(lineSource(speech, section.opener.line)).toBe('二、以推动重大项目完工为抓手，着力攻坚克难');
    const edited = parse(setHeading(speech, section.opener.line, '二、以重大项目为抓手'));
    expect(edited.sections[1]!.numeral).toBe('二');
    expect(edited.sections[1]!.title.text).toBe('以重大项目为抓手');
  });

  it('change, add and remove key phrases, each in its own slide', () => {
    const [first, second] = point.visible;
    let text = setItem(speech, first!.line, '学懂弄通做实');
    text = removeItem(text, second!.line);
    let edited = parse(text);
    const phrases = (d: Deck) => d.sections[0]!.points[0]!.visible.map((v) => v.text);
    expect(phrases(edited)).toEqual(['学懂弄通做实', point.visible[2]!.text]);
    text = addItem(text, edited.sections[0]!.points[0]!.visible.at(-1)!.line, '新要点');
    edited = parse(text);
    expect(phrases(edited)).toEqual(['学懂弄通做实', point.visible[2]!.text, '新要点']);
    expect(spoken(edited)).toBe(spoken(deck));
    expect(edited.problems).toEqual([]);
  });

  it('start a list for a slide with no phrases, before its spoken text, without joining paragraphs', () => {
    const bare = '# 标题\n\n开场白第一句。\n第二行。\n\n## 一、部分\n\n这一部分的话。\n';
    const opening = parse(bare).opening!;
    expect(opening.visible).toEqual([]);
    const withPhrase = parse(startList(bare, opening.line, '开场要点'));
    expect(withPhrase.opening!.visible.map((v) => v.text)).toEqual(['开场要点']);
    expect(withPhrase.opening!.notes.map((n) => n.text)).toEqual(parse(bare).opening!.notes.map((n) => n.text));
    const section = parse(bare).sections[0]!.opener;
    const inSection = parse(startList(bare, section.line + 1, '部分要点'));
    expect(inSection.sections[0]!.opener.visible.map((v) => v.text)).toEqual(['部分要点']);
    expect(spoken(inSection)).toBe(spoken(parse(bare)));
  });

  it('keep typed text one line of text: no new blocks from line breaks or leading markers', () => {
    for (const typed of ['# 不是标题', '- 不是列表', '1. 不是编号', '> 不是引用', '第一行\n## 第二行', '---']) {
      const edited = parse(setItem(speech, point.visible[0]!.line, typed));
      expect(edited.sections[0]!.points[0]!.visible[0]!.text).toBe(typed.replace(/\n/, ' '));
      expect(edited.slides.length).toBe(deck.slides.length);
    }
    expect(oneLine('  两端空白  ')).toBe('两端空白');
    const heading = parse(setHeading(speech, point.line, '结尾有井号 #'));
    expect(heading.sections[0]!.points[0]!.heading.text).toBe('结尾有井号 #');
  });

  it('set the theme in the front matter, or add one', () => {
    expect(parse(setTheme(speech, 'dark')).meta.theme).toBe('dark');
    expect(
      setTheme(speech, 'dark')
        .split('\n')
        .filter((l) => l.startsWith('theme:')),
    ).toEqual(['theme: dark']);
    const plain = '# 标题\n\n话。\n';
    expect(parse(setTheme(plain, 'dark')).meta.theme).toBe('dark');
    expect(parse(setTheme(plain, 'dark')).title.heading.text).toBe('标题');
    const noTheme = '---\nspeaker: 某人\n---\n\n# 标题\n\n话。\n';
    expect(parse(setTheme(noTheme, 'dark')).meta).toMatchObject({ theme: 'dark', speaker: '某人' });
  });
});

describe('file names for what the studio saves', () => {
  it('are the title, without the characters Windows forbids', () => {
    expect(fileName('在县政府党组学习研讨会上的发言', 'html')).toBe('在县政府党组学习研讨会上的发言.html');
    expect(fileName('a/b:c*d?"e"<f>|g.', 'pptx')).toBe('a b c d e f g.pptx');
    expect(fileName('  ', 'md')).toBe('讲话稿.md');
  });
});

describe('the fonts the studio makes', () => {
  it('write each @font-face rule exactly as the CLI’s, minified by its build (lightningcss), leaves it', () => {
    const data = new Uint8Array([1, 2, 3, 4, 5]);
    for (const [family, weight] of [
      ['Noto Sans SC', 400],
      ['Noto Serif SC', 700],
    ] as const) {
      const cli = fontFaceCss([{ family, weight, characters: [...'讲话'], woff2: data }]);
      const minified = transform({ filename: 'fonts.css', code: Buffer.from(cli), minify: true }).code.toString();
      expect(fontFaceRule({ family, weight, data: Buffer.from(data).toString('base64'), format: 'woff2' })).toBe(minified);
    }
  });

  it('subset a face with HarfBuzz to exactly the characters asked, and write WOFF2, glyf transformed or not, that a standard reader reads back', async () => {
    const require = createRequire(import.meta.url);
    const hb = await loadHarfBuzz(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
    const dir = require.resolve('@fontsource/noto-sans-sc/package.json').replace(/package\.json$/, 'files/');
    // The slice of Noto Sans SC 400 that holds 讲 and 话, read by Google's decoder (wawoff2).
    const sfnt = new Uint8Array(await decompress(readFileSync(`${dir}noto-sans-sc-5-400-normal.woff2`)));
    const cmap = (bytes: Uint8Array) =>
      new Set(
        createFont(Buffer.from(bytes), { type: 'ttf' })
          .get()
          .glyf.flatMap((g) => g.unicode ?? []),
      );
    const wanted = [...cmap(sfnt)].slice(0, 40);
    const ttf = hb.load(sfnt).subset(wanted);
    expect([...cmap(ttf)].sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
    const brotli = await nodeBrotli();
    const outlines = (bytes: Uint8Array) =>
      createFont(Buffer.from(bytes), { type: 'ttf' })
        .get()
        .glyf.map((g) => JSON.stringify([g.contours, (g as { glyfs?: unknown }).glyfs, g.unicode, g.advanceWidth]));
    // As a deck's fonts are written: glyf and loca transformed. Google's decoder (Chrome's) gives back every outline.
    const woff2 = sfntToWoff2(ttf, brotli);
    expect(new TextDecoder().decode(woff2.subarray(0, 4))).toBe('wOF2');
    expect(woff2.length % 4).toBe(0);
    const google = new Uint8Array(await decompress(woff2));
    expect(outlines(google)).toEqual(outlines(ttf));
    expect([...cmap(google)].sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
    // As the studio carries its faces: every table as it is, which our reader and Google's read back alike.
    const plain = sfntToWoff2(ttf, brotli, false);
    expect(woff2.length).toBeLessThan(plain.length);
    expect(plain.length).toBeLessThan(ttf.length * 0.8);
    const ours = woff2ToSfnt(plain, brotli);
    expect(ours.length).toBe(ttf.length);
    expect(outlines(ours)).toEqual(outlines(ttf));
    expect(outlines(new Uint8Array(await decompress(plain)))).toEqual(outlines(ttf));
    expect(() => woff2ToSfnt(woff2, brotli)).toThrow(/transformed/);
    // Quicker compression gives the same font, a little larger.
    const quick = sfntToWoff2(ttf, { compress: (data) => brotli.compress(data, 9) });
    expect(outlines(new Uint8Array(await decompress(quick)))).toEqual(outlines(ttf));
    expect(quick.length).toBeGreaterThanOrEqual(woff2.length);
  });

  it('carry the common characters: symbols, the deck’s own wording and 7,000 Han characters by frequency', () => {
    const han = hanByFrequency();
    expect(han.slice(0, 40)).toEqual(expect.arrayContaining(['的', '是', '一', '不', '人']));
    const common = new Set(commonCharacters());
    for (const c of '，。、；：？！“”《》（）0123456789ABCxyz目录开场结语下一张用时') expect(common.has(c), c).toBe(true);
    const speechChars = new Set([...readFileSync('test/fixtures/speech.txt', 'utf8')].filter((c) => /\p{Script=Han}/u.test(c)));
    expect([...speechChars].filter((c) => !common.has(c))).toEqual([]);
    expect(common.has(han[7500]!)).toBe(false);
  });
});

describe('the deck the studio puts together', () => {
  const work = mkdtempSync(join(tmpdir(), 'speech-deck-studio-shell-'));
  let shell: string;
  beforeAll(async () => {
    shell = (await buildShell(work)).shell;
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is the CLI’s deck, byte for byte, given the same fonts', async () => {
    const cli = readFileSync(await speechDeck(), 'utf8');
    const fonts = /(?:@font-face\{[^}]*\})+/.exec(cli)![0];
    // The deck as the CLI loads it, its headings' wrap points found with jieba (the page finds its own).
    const deck = parse(speech);
    addLineBreaks(deck);
    const page = await deckPage(speech, deck, fonts, { shell, fontsMarker: FONTS_MARKER, speechMarker: SPEECH_MARKER });
    expect(page.length).toBe(cli.length);
    expect(page === cli).toBe(true);
  });

  it('has a shell with no slides, title, fonts or policy of its own, only places for them', () => {
    expect(shell).not.toMatch(/@font-face/);
    expect(shell).not.toMatch(/Content-Security-Policy/);
    expect(shell).not.toMatch(/<section/);
    for (const marker of ['<!--speech-deck:title-->', '<!--speech-deck:deck-->', FONTS_MARKER, SPEECH_MARKER]) expect(shell.split(marker)).toHaveLength(2);
  });
});
