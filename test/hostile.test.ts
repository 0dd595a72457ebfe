import { describe, expect, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { fillTemplate, render } from '../src/render/html.ts';
import { fixture } from './helpers/speech.ts';

const TEMPLATE = '<!doctype html><html><head><title><!--speech-deck:title--></title></head><body><!--speech-deck:deck--></body></html>';
const deck = parse(fixture('hostile.md'));
const { slides } = render(deck);

describe('hostile text in a speech (test/fixtures/hostile.md)', () => {
  it('becomes no element, attribute or link that can run code', () => {
    expect(slides).not.toMatch(/<(script|iframe|svg|style|object|embed|img src="x")\b/i);
    // Inside a real tag: author text is escaped, so `&lt;img onerror=` is only text.
    expect(slides).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=/i);
    expect(slides).not.toMatch(/(href|src)="\s*(javascript|vbscript|data:text|data:image\/svg)/i);
  });

  it('keeps raster data images, which are safe', () => {
    expect(slides).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="小图"/);
  });

  it('is shown as written, in the notes as on the slides', () => {
    const notes = spokenSlides(deck).flatMap((s) => s.notes.map((n) => n.text));
    expect(notes).toContain("<script>alert('block')</script>");
    expect(notes.join('')).toContain("</script><script>alert('close')</script>");
    expect(notes.join('')).toContain('\u2028');
    expect(slides).toContain("&lt;/script&gt;&lt;script&gt;alert('close')&lt;/script&gt;");
  });

  it('escapes the title in <title>, and author text with $& or $` stays as written', () => {
    const page = fillTemplate(TEMPLATE, render(deck));
    expect(page).toContain("<title>&lt;/title&gt;&lt;script&gt;alert('title')&lt;/script&gt;</title>");
    expect(page.match(/<script/gi) ?? []).toEqual([]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the speech holds this text, which must stay text
    expect(page).toContain("结语 ${alert(1)} $&amp; $' $` $$");
  });

  it('gives headings such as __proto__ and constructor ordinary, unique ids', () => {
    const ids = spokenSlides(deck).map((s) => s.id);
    expect(ids).toEqual(['title', 'opening', 'proto', 'constructor', 'tostring', 'hasownproperty', 'closing']);
  });

  it('takes no prototype from front matter keys such as __proto__ and constructor', () => {
    const tricked = parse('---\n__proto__:\n  polluted: yes\n  rate: 1\nconstructor:\n  prototype:\n    polluted: yes\nrate: 150\n---\n\n# 题\n\n话。\n');
    expect(Object.getPrototypeOf(tricked.meta)).toBe(Object.prototype);
    expect(Object.keys(tricked.meta).sort()).toEqual(['date', 'occasion', 'rate', 'speaker', 'theme', 'title']);
    expect(tricked.meta.rate).toBe(150);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect('polluted' in tricked.meta).toBe(false);
  });
});
