import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeSize, sizeBreakdown } from '../src/node/page/size.ts';
import { speechDeck } from './helpers/decks.ts';

describe('sizeBreakdown', () => {
  it('splits a page into fonts, scripts, other styles and content, adding up to the total', () => {
    const font = "@font-face{font-family:'X';src:url(data:font/woff2;base64,AAAA)}";
    const html = `<html><head><style>${font}\nbody{color:red}</style><script type="module">let a=1;</script></head><body>正文</body></html>`;
    const size = sizeBreakdown(html);
    expect(size.fonts).toBe(font.length);
    expect(size.scripts).toBe('<script type="module">let a=1;</script>'.length);
    expect(size.styles).toBe('<style>\nbody{color:red}</style>'.length);
    expect(size.fonts + size.scripts + size.styles + size.pictures + size.content).toBe(size.total);
    expect(size.total).toBe(Buffer.byteLength(html));
    expect(describeSize({ total: 2048, fonts: 1024, scripts: 512, styles: 512, pictures: 0, content: 0 })).toBe(
      '大小 2 KB：字体 1 KB，脚本 1 KB，样式 1 KB，内容 0 KB · 2 KB: fonts 1 KB, script 1 KB, styles 1 KB, content 0 KB',
    );
  });

  it('counts the embedded pictures apart, and names them only when there are some', () => {
    const picture = `data:image/png;base64,${'A'.repeat(3000)}`;
    const size = sizeBreakdown(`<section><img src="${picture}" alt="图"></section>`);
    expect(size.pictures).toBe(picture.length);
    expect(describeSize({ total: 4096, fonts: 1024, scripts: 1024, styles: 0, pictures: 2048, content: 0 })).toBe(
      '大小 4 KB：字体 1 KB，脚本 1 KB，样式 0 KB，图片 2 KB，内容 0 KB · 4 KB: fonts 1 KB, script 1 KB, styles 0 KB, pictures 2 KB, content 0 KB',
    );
  });
});

describe('sizeBreakdown of a script that carries a page template', () => {
  it('counts a <style> inside a script as script, never twice', () => {
    const html = '<script>const page = "<style>body{}</style>";</script><style>p{}</style><p>x</p>';
    const size = sizeBreakdown(html);
    expect(size.styles).toBe('<style>p{}</style>'.length);
    expect(size.content).toBe('<p>x</p>'.length);
  });
});

describe('the one-file deck of test/fixtures/speech.md', () => {
  // A budget of bytes, not a time: the same build gives the same file on any machine.
  const BUDGET = 300 * 1024;

  it(`stays within ${BUDGET / 1024} KB, with reveal's notes plugin gone and reveal's styles cut to what the deck uses`, async () => {
    const html = readFileSync(await speechDeck(), 'utf8');
    const size = sizeBreakdown(html);
    expect(size.total, describeSize(size)).toBeLessThanOrEqual(BUDGET);
    // reveal's speaker view (its page, its Markdown parser) is not in the file, nor its rules for unused features.
    expect(html).not.toContain('speaker-controls');
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, css]) => css).join('\n');
    expect(styles).not.toMatch(/\[data-transition[~^]?=|\.reveal\.(?:convex|concave|zoom|fade)\b|\.fragment\b|\.r-overlay-spinner|reveal-scroll|\.zoomed\b/);
    // Nor reveal's controllers for features the deck never turns on: the scroll view, auto-animate, the overlay.
    const script = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(([, js]) => js).join('\n');
    expect(script).not.toMatch(/scroll-page-sticky|data-auto-animate-target|r-overlay-header/);
    // Nor reveal's search and zoom plugins: the deck has smaller ones of its own.
    expect(html).not.toMatch(/searchinput|zoomKey/);
    expect(html).toContain('find-box');
    // What the deck does use is still there: the slide transition, controls, progress, overview and print rules.
    for (const kept of [
      '.controls',
      '.progress',
      '.slide-number',
      '.reveal.overview',
      'html.reveal-print',
      '.reveal.slide .slides>section:not([data-transition]).past',
      'aside.notes',
    ]) {
      expect(styles, kept).toContain(kept);
    }
  });
});
