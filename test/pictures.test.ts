import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pictureBox } from '../src/core/capacity.ts';
import { parse } from '../src/core/parse.ts';
import { render } from '../src/render/html.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { checkSpeech } from '../src/node/commands/check.ts';
import { CLIError } from '../src/node/errors.ts';
import { embedPictures, encode, pictureFiles, sniffFormat } from '../src/node/speech/images.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { HOSTILE_SVG, pictureSpeech, writePictures } from './helpers/pictures.ts';

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-pictures-'));
let paths: { jpeg: string; png: string; svg: string };

beforeAll(async () => {
  paths = await writePictures(dir);
  writeFileSync(join(dir, 'speech.md'), pictureSpeech(paths));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A speech with one picture on a slide of its own, at a known line. */
function oneSpeech(name: string, target: string): { path: string; line: number } {
  const text = `# 题目\n\n## 一、部分\n\n- 要点\n\n![说明](${target})\n\n要讲的话。\n`;
  const path = join(dir, `${name}.md`);
  writeFileSync(path, text);
  return { path, line: text.split('\n').findIndex((l) => l.startsWith('![')) + 1 };
}

describe('pictures in a speech', () => {
  it('are parsed as pictures with their address, from a paragraph or a list item of their own', () => {
    const deck = parse('# 题\n\n## 一、部\n\n![甲](a.png)\n\n- ![乙](图/b.jpg)\n- 要点\n\n话。\n');
    const pictures = deck.slides[2]!.visible.filter((v) => v.kind === 'image');
    expect(pictures.map((p) => [p.text, p.target])).toEqual([
      ['甲', 'a.png'],
      ['乙', encodeURI('图/b.jpg')],
    ]);
  });

  it('are embedded, scaled to at most twice their box, with their description as alt text', async () => {
    const { deck } = loadSpeech(join(dir, 'speech.md'));
    expect(await embedPictures(deck, join(dir, 'speech.md'))).toEqual([]);
    const pictures = deck.slides.flatMap((slide) => slide.visible.filter((v) => v.kind === 'image').map((picture) => ({ slide, picture })));
    expect(pictures).toHaveLength(3);
    for (const { slide, picture } of pictures) {
      const [, type, data] = /^data:image\/(png|jpeg);base64,(.+)$/.exec(picture.src!)!;
      const meta = await sharp(Buffer.from(data!, 'base64')).metadata();
      const box = pictureBox(slide, deck);
      expect(meta.width, picture.text).toBeLessThanOrEqual(2 * box.width);
      expect(meta.height, picture.text).toBeLessThanOrEqual(2 * box.height);
      // The photograph stays a JPEG; the chart (transparent) and the drawing become PNG.
      expect(type, picture.text).toBe(picture.text === '项目现场照片' ? 'jpeg' : 'png');
    }
    const html = render(deck).slides;
    expect(html).toContain('alt="项目现场照片"');
    expect(html).not.toMatch(/src="(?!data:image\/(png|jpeg);base64,)/);
    expect(html).not.toMatch(/image\/svg|<svg|alert\(/i);
  });

  it('name the files they come from, so that the PDF export builds the deck again when one changes', () => {
    const { deck } = loadSpeech(join(dir, 'speech.md'));
    expect(pictureFiles(deck, join(dir, 'speech.md')).sort()).toEqual([join(dir, paths.jpeg), join(dir, paths.png), join(dir, paths.svg)].sort());
  });

  it('draws an SVG as a PNG that carries none of its script', async () => {
    const out = await encode(Buffer.from(HOSTILE_SVG), 'svg', { width: 700, height: 560 });
    expect(out.format).toBe('png');
    const png = Buffer.from(out.src.split(',')[1]!, 'base64');
    expect(sniffFormat(png)).toBe('png');
    expect(png.toString('latin1')).not.toMatch(/script|onload|alert/i);
    // Drawn as large as it may be (twice the 700 px box, keeping its 4:3 shape), not at the SVG's own 400×300.
    expect([out.width, out.height]).toEqual([1400, 1050]);
  });

  it('a missing picture, a remote address and a file that is no picture are errors at their line, from check and build', async () => {
    writeFileSync(join(dir, 'not-a-picture.png'), 'just text, saved with the wrong name');
    writeFileSync(join(dir, 'damaged.png'), Buffer.concat([readFileSync(join(dir, paths.png)).subarray(0, 40), Buffer.alloc(200, 7)]));
    const cases = {
      missing: ['nowhere.png', /找不到图片“nowhere\.png”.*no picture "nowhere\.png" at .*nowhere\.png/],
      // Named as written, not as markdown-it percent-encodes it (%E6%B2%A1…).
      'missing, a Chinese name': ['没有这张图.png', /找不到图片“没有这张图\.png”（应在 .*没有这张图\.png）.*no picture "没有这张图\.png"/],
      remote: ['https://example.com/chart.png', /在网上.*is on the web, and the offline file must never fetch anything/],
      'protocol-relative': ['//example.com/chart.png', /is on the web/],
      'not a picture': ['not-a-picture.png', /不是能用的图片.*is not a picture this tool can use/],
      damaged: ['damaged.png', /已损坏.*is damaged and cannot be opened/],
    } as const;
    for (const [name, [target, message]] of Object.entries(cases)) {
      const { path, line } = oneSpeech(name.replace(/\W/g, '-'), target);
      const report = await checkSpeech(path);
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors, name).toEqual([expect.objectContaining({ line, message: expect.stringMatching(message) })]);
      // build: the same error with its file and line, and nothing written.
      const out = join(dir, `out-${name.replace(/\W/g, '-')}`);
      const printed: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
      const built = await buildDeck(path, out).then(
        () => 'built',
        (error: unknown) => error,
      );
      spy.mockRestore();
      expect(built, name).toBeInstanceOf(CLIError);
      expect(printed.join('\n'), name).toContain(`${path}:${line}: 错误 error: `);
      expect(existsSync(out), name).toBe(false);
    }
  }, 120_000);

  it('stop the command-line build with exit code 1 and the error at its line, never a stack trace', () => {
    const { path, line } = oneSpeech('missing-cli', 'nowhere.png');
    const out = join(dir, 'out-missing-cli');
    const cli = spawnSync('node', ['bin/speech-deck.js', 'build', path, '--out-dir', out], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`${path}:${line}: 错误 error: 找不到图片“nowhere.png”`);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
