import { describe, expect, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { fillTemplate, render } from '../src/render/html.ts';
import { fixture } from './helpers/speech.ts';

const HOSTILE = `---
speaker: "<img src=x onerror=alert(1)>"
---

# 标题</title><script>alert(1)</script>

## 一、<b onmouseover="alert(1)">部分</b> "引号" & 'apos'

- [链接](javascript:alert(1)) <script>alert(2)</script>

正文 <iframe src="x"></iframe> 与 $& 和 $1。
`;

type Tree = (string | Tree)[];

/** The nesting of <section> elements by id, read from the markup's tags. */
function sectionTree(html: string): Tree {
  const root: Tree = [];
  const stack: Tree[] = [root];
  for (const [tag] of html.matchAll(/<\/?section\b[^>]*>/g)) {
    if (tag.startsWith('</')) {
      const done = stack.pop()!;
      const parent = stack.at(-1)!;
      if (done.length) parent[parent.length - 1] = done.length === 1 ? done[0]! : done.flat();
      continue;
    }
    const id = /id="([^"]*)"/.exec(tag)?.[1];
    stack.at(-1)!.push(id ?? '');
    stack.push(id ? [id] : []);
  }
  return root;
}

describe('render', () => {
  it('makes one reveal section per slide, sub-points stacked under their section', () => {
    const { slides } = render(parse(fixture('small.md')));
    expect(sectionTree(slides)).toEqual(['title', 'opening', 'agenda', ['第一部分', '第一小点', '第二小点'], ['第二部分', '第三小点'], 'closing']);
    expect(slides.match(/<section id="第一部分"[^>]*>/)?.[0]).toContain('data-timing="');
  });

  it('gives each slide data-timing from its spoken characters at the rate', () => {
    // 第一小点的话 is 6 spoken characters (the 。 is not spoken); at 120 a minute that is 3 s.
    const { slides } = render(parse(fixture('small.md')));
    expect(slides).toMatch(/<section id="第一小点" class="slide-point" data-timing="3"/);
  });

  it('puts the spoken text in aside.notes', () => {
    const { slides } = render(parse(fixture('small.md')));
    expect(slides).toContain('<aside class="notes"><p>开场白第一段。</p><p>开场白第二段。</p></aside>');
  });

  it('escapes every piece of author text: no tag, attribute or script link survives', () => {
    const deck = parse(HOSTILE);
    const page = fillTemplate('<title><!--speech-deck:title--></title><!--speech-deck:deck-->', render(deck));
    expect(page).not.toMatch(/<(script|img|iframe|b)\b/i);
    expect(page).not.toMatch(/<[^>]*\son\w+=/i);
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<title>标题&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Replacement patterns in author text are kept literally.
    expect(page).toContain('$&amp; 和 $1');
  });

  it('sends out a title slide known to fit already fitted, and a longer one for the browser to fit', () => {
    const titleTag = (markdown: string) => /<section id="title"[^>]*>/.exec(render(parse(markdown)).slides)![0];
    expect(titleTag(fixture('speech.md'))).toMatch(/ style="--fit:1" data-prefit=""/);
    expect(titleTag(fixture('long-title.md'))).not.toMatch(/--fit|data-prefit/);
  });

  it('links the agenda to each section by id', () => {
    const { slides } = render(parse(fixture('small.md')));
    expect(slides).toContain('<a href="#/第一部分"><span class="numeral" data-chars="1">一</span><span class="agenda-title">第一部分</span></a>');
  });
});
