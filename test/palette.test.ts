import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { transform } from 'lightningcss';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { fillTemplate, render } from '../src/render/html.ts';
import { PALETTE, paletteCss, type PaletteGroup } from '../src/render/palette.ts';
import { renderPptx } from '../src/render/pptx.ts';
import { fixture } from './helpers/speech.ts';

const palette = JSON.parse(readFileSync('assets/palette.json', 'utf8')) as Record<PaletteGroup, Record<string, string>>;
const groups = Object.keys(palette) as PaletteGroup[];

/** Whether a CSS keyword names a colour, as the CSS parser reads it in a `color` declaration. */
function namesColour(word: string): boolean {
  let colour = false;
  transform({ filename: 'word.css', code: Buffer.from(`a{color:${word}}`), visitor: { Color: () => void (colour = true) } });
  return colour;
}

/**
 * Every colour written out in a style sheet, as the CSS parser finds it: in declarations, inside gradients and
 * shadows, and in custom properties. `transparent` (no colour at all) and `currentColor` are not counted.
 */
function colourLiterals(css: string): string[] {
  const found: string[] = [];
  transform({
    filename: 'look.css',
    code: Buffer.from(css),
    visitor: {
      Color(colour) {
        // A system colour (Canvas, ButtonText) comes as its name.
        if (typeof colour === 'string') return void found.push(colour);
        if (colour.type === 'currentcolor' || ('alpha' in colour && colour.alpha === 0)) return;
        found.push(colour.type === 'rgb' ? `rgb(${colour.r} ${colour.g} ${colour.b} / ${Math.round(colour.alpha * 100) / 100})` : JSON.stringify(colour));
      },
      Token: {
        // Words in values the parser keeps as tokens (those with var(), and custom properties): a colour's name counts.
        ident(token) {
          if (!/^(transparent|currentcolor|inherit|initial|unset)$/i.test(token.value) && namesColour(token.value)) found.push(token.value);
        },
      },
    },
  });
  return found;
}

/**
 * Colours written in code, as pptxgenjs and the package's XML take them: `#a3161a` or `fff` in a string, `A3161A`
 * quoted, and a quoted `111111` where a colour goes (a property's value, or `srgbClr val=`).
 */
function codeColourLiterals(code: string): string[] {
  const bare = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const quoted = [...bare.matchAll(/(\w+\s*:\s*|srgbClr val=)?(['"`])(#?)([0-9a-f]{6}|[0-9a-f]{3})\2/gi)]
    .filter(([, key, , hash, hex]) => key || hash || /[a-f]/i.test(hex!))
    .map((m) => `${m[2]}${m[3]}${m[4]}${m[2]}`);
  const hashed = [...bare.matchAll(/#[0-9a-f]{3,8}\b(?!['"`])/gi)].map((m) => m[0]);
  return [...quoted, ...hashed];
}

const pptxSources = ['src/render/pptx.ts', ...readdirSync('src/render/pptx').map((f) => join('src/render/pptx', f))];

describe('the palette, written once in assets/palette.json', () => {
  it('holds colours as #rrggbb, and the light and dark themes name the same colours', () => {
    for (const group of groups) for (const colour of Object.values(palette[group])) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(Object.keys(palette.dark)).toEqual(Object.keys(palette.light));
    expect(PALETTE).toEqual(palette);
  });

  it('finds colours where they are written (the checks below can fail)', () => {
    expect(colourLiterals('a{color:#fff;border:1px solid transparent;background:linear-gradient(var(--x),white) padding-box;--y:rgb(0 0 0 / .5)}')).toEqual([
      'rgb(255 255 255 / 1)',
      'white',
      'rgb(0 0 0 / 0.5)',
    ]);
    expect(colourLiterals('a{color:currentColor;background:var(--ground);fill:inherit;display:flex}')).toEqual([]);
    expect(
      codeColourLiterals(
        "const a = { ground: '111111', b: 'A3161A' }, n = '100000'; // 'FFFFFF'\nconst c = `#fff`, d = `<a:buSzPct val=\"100000\"/><a:srgbClr val=\"5E2A26\"/>`;",
      ),
    ).toEqual(["'111111'", "'A3161A'", '`#fff`', '"5E2A26"']);
  });

  it('is the only place the deck theme, the studio and the PowerPoint renderer have their colours from', () => {
    for (const file of ['assets/theme.css', 'assets/studio.css']) expect(colourLiterals(readFileSync(file, 'utf8')), file).toEqual([]);
    for (const file of pptxSources) expect(codeColourLiterals(readFileSync(file, 'utf8')), file).toEqual([]);
  });

  it('has every colour used: the themes’ by theme.css, the studio’s own by studio.css', () => {
    const theme = readFileSync('assets/theme.css', 'utf8');
    const studio = readFileSync('assets/studio.css', 'utf8');
    const unused = (css: string, group: PaletteGroup) => Object.keys(palette[group]).filter((name) => !css.includes(`var(--${name})`));
    expect(unused(theme, 'light')).toEqual([]);
    expect(unused(studio, 'studio')).toEqual([]);
    // The studio's own colours are its own: none of them renames a theme colour.
    expect(Object.keys(palette.studio).filter((name) => name in palette.light)).toEqual([]);
  });

  it('reaches the deck page in the page template’s head: the light theme on the page, the dark one on a dark deck', () => {
    const page = fillTemplate(readFileSync('index.html', 'utf8'), render(parse(fixture('small.md'))));
    const head = page.slice(0, page.indexOf('</head>'));
    const properties = (group: PaletteGroup) =>
      Object.entries(palette[group])
        .map(([name, colour]) => `--${name}:${colour}`)
        .join(';');
    expect(head).toContain(
      `<style>:root{${properties('light')}}.reveal[data-theme='dark'],body:has(.reveal[data-theme='dark']){${properties('dark')}}</style>`,
    );
    expect(paletteCss({ studio: 'body' })).toBe(`body{${properties('studio')}}`);
  });

  it('colours every shape and text of the .pptx, in either theme, from the palette', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { bytes } = await renderPptx(parse(fixture('speech.md')), { theme });
      const zip = await JSZip.loadAsync(bytes);
      const parts = Object.keys(zip.files).filter((name) => /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name));
      const used = new Set<string>();
      for (const name of parts) for (const [, colour] of (await zip.file(name)!.async('string')).matchAll(/<a:srgbClr val="([0-9A-F]{6})"/g)) used.add(colour!);
      const own = new Set(Object.values(palette[theme]).map((c) => c.slice(1).toUpperCase()));
      expect(
        [...used].filter((c) => !own.has(c)),
        theme,
      ).toEqual([]);
      // This speech has every kind of slide, so every colour of its theme shows somewhere.
      expect(
        [...own].filter((c) => !used.has(c)),
        theme,
      ).toEqual([]);
    }
  });
});
