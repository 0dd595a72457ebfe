import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/node/commands/build.ts';
import { fontFaceCss } from '../src/node/fonts/embed.ts';
import { fileUrl, openDeck, sharedBrowser } from './helpers/browser.ts';

const root = mkdtempSync(join(tmpdir(), 'speech-deck-font-cache-'));
// With **emphasis**, so that the deck embeds all three faces (serif bold, sans, sans bold).
const speech = join(root, 'small.md');
writeFileSync(speech, readFileSync('test/fixtures/small.md', 'utf8').replace('第一小点的话。', '第一小点的**要紧**话。'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Asks Chromium to load every font face of the page; each answers `family weight: loaded` or `…: error`. */
function loadEveryFace(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Promise.all(
      [...document.fonts].map((face) =>
        face.load().then(
          () => `${face.family} ${face.weight}: ${face.status}`,
          () => `${face.family} ${face.weight}: error`,
        ),
      ),
    ),
  );
}

const fontsOf = (html: string) => readFileSync(html, 'utf8').match(/@font-face\{[^}]*\}/g) ?? [];

describe('a damaged font cache', () => {
  let browser: Browser;
  // Like an office PC without Chinese fonts: a face that does not load would show boxes.
  sharedBrowser((b) => (browser = b));

  it('is noticed and made again: truncated and random subsets never reach the deck, and every font loads', async () => {
    const cacheDir = join(root, 'cache');
    const first = await buildDeck(speech, join(root, 'first'), { fontCacheDir: cacheDir });
    const cached = readdirSync(cacheDir).filter((name) => name.endsWith('.woff2'));
    // The three faces, and the title slide's small copies of the serif and the sans.
    expect(cached).toHaveLength(5);

    // A subset cut short, and one overwritten with random bytes of the same length.
    const [cut, random, kept] = cached.map((name) => join(cacheDir, name)) as [string, string, string];
    const good = readFileSync(cut);
    truncateSync(cut, Math.floor(good.length / 2));
    writeFileSync(random, randomBytes(readFileSync(random).length));

    // The way the deck is checked does tell a broken font: the cut one, embedded as it is, fails to load.
    const broken = join(root, 'broken.html');
    const css = fontFaceCss([{ family: 'Broken', weight: 400, characters: ['一'], woff2: readFileSync(cut) }]);
    writeFileSync(broken, `<!doctype html><meta charset="utf-8"><style>${css}</style><p style="font-family: Broken">一</p>`);
    const control = await browser.newPage();
    await control.goto(fileUrl(broken));
    await expect(loadEveryFace(control)).resolves.toEqual(['Broken 400: error']);

    const second = await buildDeck(speech, join(root, 'second'), { fontCacheDir: cacheDir });
    const page = await openDeck(browser, fileUrl(second));
    const faces = await loadEveryFace(page);
    expect(faces).toHaveLength(5);
    for (const face of faces) expect(face).toMatch(/: loaded$/);
    // The deck carries the same fonts as the one built from a sound cache.
    expect(fontsOf(second)).toEqual(fontsOf(first));
    // And the cache is sound again: every file's bytes match the hash in its name.
    const repaired = readdirSync(cacheDir).filter((name) => name.endsWith('.woff2'));
    expect(repaired).toHaveLength(5);
    expect(repaired).toContain(kept.slice(cacheDir.length + 1));
    for (const name of repaired) {
      const hash = createHash('sha256')
        .update(readFileSync(join(cacheDir, name)))
        .digest('hex')
        .slice(0, 16);
      expect(name).toMatch(new RegExp(`-${hash}\\.woff2$`));
    }
  }, 240_000);
});
