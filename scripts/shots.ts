import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from './launch-browser.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { DEFAULT_INPUT } from '../src/node/cli.ts';
import { latinOnlyFontEnv } from '../src/node/fonts/env.ts';

/**
 * Renders every slide at the projector sizes to PNG, with a contact sheet per size, and the speaker view on
 * every slide at a laptop's 1280×800 and 1920×1080, for review.
 */
const SIZES = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;

/** Laptop screens the speaker view is drawn on. */
const SPEAKER_SIZES = [
  [1280, 800],
  [1920, 1080],
] as const;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'out-dir': { type: 'string' }, size: { type: 'string' }, 'system-fonts': { type: 'boolean' } },
});
const outDir = resolve(values['out-dir'] ?? 'shots');
const html = await buildDeck(resolve(positionals[0] ?? DEFAULT_INPUT), join(outDir, 'deck'));
// By default the pictures show what a PC without Chinese fonts shows: only the embedded fonts.
const browser = await launchBrowser(values['system-fonts'] ? {} : { env: latinOnlyFontEnv() });
try {
  for (const [width, height] of SIZES.filter(([w, h]) => !values.size || values.size === `${w}x${h}`)) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${pathToFileURL(html).href}?transition=none`);
    await page.waitForFunction(() => window.deck?.isReady() && document.documentElement.hasAttribute('data-fitted'));
    await page.evaluate(() => document.fonts.ready);
    const ids: string[] = await page.evaluate(() => window.deck!.getSlides().map((s) => s.id));
    const dir = join(outDir, `${width}x${height}`);
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const [i, id] of ids.entries()) {
      await page.evaluate((n) => {
        const slide = window.deck!.getSlides()[n]!;
        const { h, v } = window.deck!.getIndices(slide);
        window.deck!.slide(h, v);
      }, i);
      const file = `${String(i + 1).padStart(2, '0')}-${id.slice(0, 24)}.png`;
      await page.screenshot({ path: join(dir, file) });
      files.push(file);
    }
    const sheet = `<body style="margin:0;display:grid;grid-template-columns:repeat(4,1fr);gap:8px;background:#888;padding:8px">${files
      .map((f) => `<img style="width:100%" src="${f}">`)
      .join('')}</body>`;
    writeFileSync(join(dir, 'sheet.html'), sheet);
    await page.goto(pathToFileURL(join(dir, 'sheet.html')).href);
    await page.setViewportSize({ width: 1600, height: 400 });
    await page.screenshot({ path: join(dir, 'contact-sheet.png'), fullPage: true });
    console.log(`${dir}: ${files.length} slides and contact-sheet.png`);
    await page.close();
  }
  for (const [width, height] of SPEAKER_SIZES.filter(([w, h]) => !values.size || values.size === `${w}x${h}`)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${pathToFileURL(html).href}?transition=none`);
    await page.waitForFunction(() => window.deck?.isReady() && document.documentElement.hasAttribute('data-fitted'));
    const opened = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await opened;
    await speaker.setViewportSize({ width, height });
    await speaker.waitForSelector('.sv-text p');
    const count: number = await page.evaluate(() => window.deck!.getSlides().length);
    const dir = join(outDir, `speaker-${width}x${height}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) {
      await page.evaluate((n) => {
        const { h, v } = window.deck!.getIndices(window.deck!.getSlides()[n]);
        window.deck!.slide(h, v);
      }, i);
      // The view follows the deck within a frame or two; its caption names the slide it shows.
      await speaker.waitForFunction((n) => document.querySelector('.sv-current figcaption')?.textContent?.includes(`·${n}/`), i + 1);
      await speaker.evaluate(() => document.fonts.ready);
      await speaker.screenshot({ path: join(dir, `${String(i + 1).padStart(2, '0')}.png`) });
    }
    console.log(`${dir}: the speaker view on ${count} slides`);
    await page.close();
  }
} finally {
  await browser.close();
}
