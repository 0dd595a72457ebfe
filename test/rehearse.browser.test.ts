import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEAKER_TEXT } from '../src/core/labels.ts';
import { parse } from '../src/core/parse.ts';
import { deckConfig } from '../src/node/page/vite-config.ts';
import { launchBrowser, openDeck, deckReady } from './helpers/browser.ts';
import { squash } from './helpers/speech.ts';

/**
 * A rehearsal with `npm start`: the deck open on a slide, the speaker view beside it, and the speech (and a picture
 * it shows) saved again and again.
 */
describe('rehearsing with the dev server and the speaker view', () => {
  let server: ViteDevServer;
  let browser: Browser;
  // Outside the project folder, where Vite's own watcher does not look.
  const folder = mkdtempSync(join(tmpdir(), 'speech-deck-rehearse-'));
  const speech = join(folder, 'speech.md');
  const picture = join(folder, 'pic.png');
  /** Everything the server says in the terminal. */
  const terminal: string[] = [];
  const SLIDE = '用成绩强化着力点';
  const BULLET = '- 深化理论武装、加强党性修养';
  // The speech of test/fixtures/speech.md with a picture on the slide rehearsed.
  const good = readFileSync('test/fixtures/speech.md', 'utf8').replace(BULLET, `${BULLET}\n\n![现场](pic.png)`);
  const model = parse(good);
  const index = model.slides.findIndex((s) => s.id === SLIDE);
  const notesOf = (id: string) =>
    squash(
      model.slides
        .find((s) => s.id === id)!
        .notes.map((n) => n.text)
        .join(''),
    );

  const solid = (r: number, g: number, b: number) =>
    sharp({ create: { width: 320, height: 240, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();

  beforeAll(async () => {
    writeFileSync(speech, good);
    writeFileSync(picture, await solid(200, 20, 20));
    const customLogger = createLogger('silent');
    for (const level of ['info', 'warn', 'error'] as const) customLogger[level] = (message) => void terminal.push(message);
    server = await createServer({ ...deckConfig({ input: speech }), server: { port: 0, strictPort: false }, logLevel: 'info', customLogger });
    await server.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the deck on the rehearsed slide and its speaker view (S), 1280×800 as on a laptop. */
  async function rehearse(): Promise<{ page: Page; speaker: Page }> {
    writeFileSync(speech, good);
    const page = await openDeck(browser, `${server.resolvedUrls!.local[0]!}?transition=none#/${SLIDE}`);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const opened = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await opened;
    await speaker.setViewportSize({ width: 1280, height: 800 });
    await speaker.waitForSelector('.sv-text p');
    return { page, speaker };
  }

  const deckSlide = (page: Page) => page.evaluate(() => window.deck!.getCurrentSlide().id);
  const deckNumber = (page: Page) => page.evaluate(() => window.deck!.getSlides().indexOf(window.deck!.getCurrentSlide()) + 1);
  /** What the view says it shows ("当前·6/16") and the text it shows. */
  const viewCaption = (speaker: Page) => speaker.locator('.sv-current figcaption').textContent();
  const viewText = async (speaker: Page) => squash((await speaker.locator('.sv-text').textContent()) ?? '');
  /** The view's notice that it lost the deck, when it shows (it waits a moment before showing). */
  /**
   * The view shows that it is cut off from the deck 2.5 s after the deck's page goes (speaker.css), and a deck page
   * that comes back takes it over, notice and all, before then: within 3 s the view holds no such notice, so none shows.
   */
  const notCutOff = (speaker: Page) => expect.poll(() => speaker.locator('.sv-closed').count(), { timeout: 3000 }).toBe(0);
  const caption = (n: number, total: number) => `${SPEAKER_TEXT.current}·${n}/${total}`;

  it("keeps the view on the deck's slide, with the text saved, after an ordinary save and a front-matter save", { timeout: 120_000 }, async () => {
    const { page, speaker } = await rehearse();
    const total = model.slides.length;
    await expect.poll(() => viewCaption(speaker)).toBe(caption(index + 1, total));
    // An ordinary save: a key phrase and a sentence of the slide's text change.
    const sentence = model.slides[index]!.notes[0]!.text.slice(0, 12);
    writeFileSync(speech, good.replace(BULLET, '- 改过的要点').replace(sentence, '这一句是刚改过的'));
    await expect.poll(() => page.locator('section.present:not(.stack) li').first().textContent(), { timeout: 15_000 }).toBe('改过的要点');
    await expect.poll(() => viewText(speaker)).toContain('这一句是刚改过的');
    expect(await viewCaption(speaker)).toBe(caption(index + 1, total));
    expect(await deckSlide(page)).toBe(SLIDE);
    // A front-matter save: the date on the title slide changes, the page stays, and so does the view.
    const marker = await page.evaluate(() => ((window as unknown as { kept: number }).kept = Math.random()));
    writeFileSync(speech, good.replace(/^date: .*$/m, 'date: 2026年5月8日'));
    await expect.poll(() => page.locator('#title').textContent(), { timeout: 15_000 }).toContain('2026年5月8日');
    expect(await page.evaluate(() => (window as unknown as { kept: number }).kept)).toBe(marker);
    await expect.poll(() => viewText(speaker)).toBe(notesOf(SLIDE));
    expect(await viewCaption(speaker)).toBe(caption(index + 1, total));
    await notCutOff(speaker);
    // The view still drives the deck, and follows it.
    await speaker.keyboard.press('ArrowLeft');
    await expect.poll(() => deckNumber(page)).toBe(index);
    await expect.poll(() => viewCaption(speaker)).toBe(caption(index, total));
    await page.close();
  });

  it('keeps the page of a long text the view was on when a save leaves it on the same slide', { timeout: 120_000 }, async () => {
    const { page, speaker } = await rehearse();
    await page.evaluate(() => window.deck!.slide(1));
    await expect.poll(() => viewCaption(speaker)).toBe(caption(2, model.slides.length));
    const label = () => speaker.locator('.sv-page').textContent();
    expect(await label(), 'the opening takes more than a page at 1280×800').toMatch(/^第1\/\d页$/);
    await speaker.keyboard.press('PageDown');
    await expect.poll(label).toMatch(/^第2\/\d页$/);
    const top = await speaker.evaluate(() => document.querySelector('.sv-notes')!.scrollTop);
    writeFileSync(speech, good.replace(BULLET, '- 又改过的要点'));
    await expect.poll(() => page.locator(`[id="${SLIDE}"] li`).first().textContent(), { timeout: 15_000 }).toBe('又改过的要点');
    await expect.poll(label).toMatch(/^第2\/\d页$/);
    expect(await speaker.evaluate(() => document.querySelector('.sv-notes')!.scrollTop)).toBe(top);
    expect(await deckNumber(page)).toBe(2);
    await page.close();
  });

  it('keeps the view when the deck page reloads, and goes on following it', { timeout: 120_000 }, async () => {
    const { page, speaker } = await rehearse();
    await page.reload();
    await deckReady(page);
    await expect.poll(() => viewCaption(speaker)).toBe(caption(index + 1, model.slides.length));
    await notCutOff(speaker);
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => deckNumber(page)).toBeGreaterThan(index + 1);
    expect(await viewText(speaker)).toBe(notesOf((await deckSlide(page))!));
    await page.close();
  });

  it('returns to its slide after a save that empties the deck and one that restores it, the view too', { timeout: 120_000 }, async () => {
    const { page, speaker } = await rehearse();
    writeFileSync(speech, '# 只剩标题\n');
    await expect.poll(() => page.evaluate(() => window.deck!.getTotalSlides()), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => viewCaption(speaker)).toBe(caption(1, 1));
    writeFileSync(speech, good);
    await expect.poll(() => deckSlide(page), { timeout: 15_000 }).toBe(SLIDE);
    await expect.poll(() => viewCaption(speaker)).toBe(caption(index + 1, model.slides.length));
    expect(await viewText(speaker)).toBe(notesOf(SLIDE));
    // A heading renamed and the rate changed in one save: the renamed slide stands in its place.
    writeFileSync(speech, good.replace(`### ${SLIDE}`, '### 改了名的一页').replace('rate: 200', 'rate: 180'));
    await expect.poll(() => deckSlide(page), { timeout: 15_000 }).toBe('改了名的一页');
    // A save that removes the slide: the deck goes to the one now in its place, never the title.
    writeFileSync(speech, good.replace(/### 用成绩强化着力点[\s\S]*?(?=### )/, ''));
    await expect.poll(() => deckSlide(page), { timeout: 15_000 }).toBe('用创新营造闪光点');
    writeFileSync(speech, good);
    await expect.poll(() => deckSlide(page), { timeout: 15_000 }).toBe(SLIDE);
    await page.close();
  });

  it('shows a picture replaced beside the speech, with the speech not saved again', { timeout: 120_000 }, async () => {
    const { page } = await rehearse();
    /** The colour in the middle of the open slide's picture, as drawn from its embedded data. */
    const colour = () =>
      page.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>('section.present:not(.stack) img')!;
        await img.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        return [...context.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data.slice(0, 3)];
      });
    expect((await colour())[0]).toBeGreaterThan(150);
    writeFileSync(picture, await solid(20, 40, 200));
    await expect.poll(async () => (await colour())[2], { timeout: 15_000 }).toBeGreaterThan(150);
    expect(await deckSlide(page)).toBe(SLIDE);
    await page.close();
  });

  it('shows a newly typed character only with its own face loaded, never in another', { timeout: 120_000 }, async () => {
    const { page, speaker } = await rehearse();
    // Characters the speech has not used: each needs a face made while the server runs.
    const fresh = '甲乙丙';
    await page.evaluate((chars) => {
      const w = window as unknown as { seen: Promise<boolean> };
      w.seen = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('.reveal .slides')!.textContent!.includes(chars)) return;
          observer.disconnect();
          // At the moment the text is in the page: a loaded face holds each new character.
          const ranges = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.unicodeRange.toLowerCase());
          resolve([...chars].every((c) => ranges.some((r) => r.includes(`u+${c.codePointAt(0)!.toString(16)}`))));
        });
        observer.observe(document.querySelector('.reveal .slides')!, { childList: true, subtree: true });
      });
    }, fresh);
    writeFileSync(speech, good.replace(BULLET, `- 深化理论武装${fresh}`));
    expect(await page.evaluate(() => (window as unknown as { seen: Promise<boolean> }).seen)).toBe(true);
    // The speaker view, which draws with the deck's faces, has the new one too.
    const held = (c: string) => [...document.fonts].some((f) => f.unicodeRange.toLowerCase().includes(`u+${c.codePointAt(0)!.toString(16)}`));
    await expect.poll(() => speaker.evaluate(held, fresh[0]!)).toBe(true);
    await page.close();
  });

  it('prints no raw NUL in the terminal', () => {
    expect(terminal.filter((line) => line.includes('\0'))).toEqual([]);
  });
});
