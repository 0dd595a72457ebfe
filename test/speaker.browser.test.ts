import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SPEAKER_TEXT } from '../src/core/labels.ts';
import { parse } from '../src/core/parse.ts';
import { MIN_TEXT_PX } from '../src/client/speaker/notes.ts';
import { fileUrl, openDeck, pressAndWait, sharedBrowser, deckReady } from './helpers/browser.ts';
import { squash } from './helpers/speech.ts';

const model = parse(readFileSync('test/fixtures/speech.md', 'utf8'));
const notesOf = (i: number) => squash(model.slides[i]!.notes.map((n) => n.text).join(''));
/** What the view's text panel shows for slide `i`: its notes, or the line saying it has none. */
const shownFor = (i: number) => notesOf(i) || SPEAKER_TEXT.noNotes;
/** The slide with the most to say: its text needs scrolling in a 1280×800 speaker view. */
const longest = model.slides.reduce((best, _s, i) => (notesOf(i).length > notesOf(best).length ? i : best), 0);

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/**
 * Presses S in the deck and returns the speaker view once it is built. A view closed a moment ago can still look
 * open to the deck (its window is not yet marked closed), and S then only brings that window forward; the key
 * is pressed again, each second with no new view, until one opens. Every view that opens is seen, whichever
 * press opened it.
 */
async function openSpeaker(page: Page, size = SIZES[0]!): Promise<Page> {
  const opened: Page[] = [];
  const seen = (popup: Page) => void opened.push(popup);
  page.on('popup', seen);
  try {
    const until = Date.now() + 30_000;
    while (opened.length === 0) {
      if (Date.now() > until) throw new Error('no speaker view opened within 30 s of pressing S');
      await page.keyboard.press('s');
      const pressed = Date.now();
      while (opened.length === 0 && Date.now() - pressed < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    page.off('popup', seen);
  }
  const speaker = opened[0]!;
  await speaker.setViewportSize(size);
  await speaker.waitForSelector('.sv-text p');
  return speaker;
}

/** Shows slide `i` (in speech order) in the deck. */
async function goTo(page: Page, i: number): Promise<void> {
  await page.evaluate((n) => {
    const { h, v } = window.deck!.getIndices(window.deck!.getSlides()[n]);
    window.deck!.slide(h, v);
  }, i);
}

/** A label as the view draws it: its words in spans, spaced by CSS rather than by space characters. */
const drawn = (text: string) => text.replace(/ /g, '');

/** Waits until the speaker view shows slide `i`. */
async function showing(speaker: Page, i: number): Promise<void> {
  await expect.poll(() => speaker.locator('.sv-current figcaption').textContent()).toMatch(new RegExp(`·${i + 1}/${model.slides.length}$`));
}

const textSize = (speaker: Page) => speaker.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.sv-text')!).fontSize));
const scrollTop = (speaker: Page) => speaker.evaluate(() => document.querySelector('.sv-notes')!.scrollTop);
const deckSlide = (page: Page) => page.evaluate(() => window.deck!.getSlides().indexOf(window.deck!.getCurrentSlide()));

/** Stops the fake clock's natural flow: from then on the test alone moves time, so times shown are exact. */
async function pauseClock(context: BrowserContext, page: Page): Promise<void> {
  await context.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}

/** Everything of the speaker view that lies outside its window, or (the text) outside its panel. */
function outsideProblems(speaker: Page, label: string): Promise<string[]> {
  return speaker.evaluate((where) => {
    const found: string[] = [];
    const name = (e: Element) => `${where}: <${e.tagName.toLowerCase()} class="${e.className}"> "${(e.textContent ?? '').slice(0, 12)}"`;
    const notes = document.querySelector('.sv-notes')!.getBoundingClientRect();
    for (const e of document.body.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      // The text scrolls inside its panel, and a preview's slide is scaled into its screen: each is checked against that.
      const inText = e.closest('.sv-text');
      const inStage = e.closest('.sv-screen');
      const box = inText
        ? { left: notes.left, right: notes.right, top: -Infinity, bottom: Infinity }
        : inStage
          ? inStage.getBoundingClientRect()
          : { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      if (inStage && e === inStage) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        found.push(`${name(e)} lies outside ${inText ? 'its panel' : inStage ? 'its preview' : 'the window'}`);
    }
    const screens = [...document.querySelectorAll('.sv-screen')].map((s) => s.getBoundingClientRect());
    for (const s of screens)
      if (s.left < 0 || s.right > innerWidth + 1 || s.top < 0 || s.bottom > innerHeight + 1) found.push(`${where}: a preview lies outside the window`);
    if (screens.some((s) => s.width < 200)) found.push(`${where}: a preview narrower than 200 px`);
    return found;
  }, label);
}

describe("the speaker view, from file:// under the deck's policy", () => {
  let browser: Browser;
  const deckUrl = fileUrl(inject('deckHtml'));
  // No Chinese system fonts: only what the file carries can draw the view's text.
  sharedBrowser((b) => (browser = b));

  /** A context that records every request and policy violation, in the deck and its windows. */
  async function watchedContext(
    options: Parameters<Browser['newContext']>[0] = {},
  ): Promise<{ context: BrowserContext; requests: string[]; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
    const requests: string[] = [];
    const violations: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective}`));
    });
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    context.on('weberror', (error) => violations.push(`page error: ${error.error().message}`));
    return { context, requests, violations };
  }

  it('opens with S, with no policy violation and no request, and loads no second copy of the deck', async () => {
    const { context, requests, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${deckUrl}#/用定位找准坐标点`);
    await deckReady(page);
    const speaker = await openSpeaker(page);
    expect(speaker.url()).toBe('about:blank');
    await expect.poll(() => speaker.locator('.sv-text').textContent()).toContain('用定位找准坐标点。要提高思想认识');
    await pressAndWait(page, 'PageDown');
    await expect.poll(() => speaker.locator('.sv-text').textContent()).toContain('用成绩强化着力点。');
    // One frame, its own: no frames of the deck, no script but the deck's.
    expect(speaker.frames()).toHaveLength(1);
    expect(await speaker.locator('script, iframe').count()).toBe(0);
    expect(requests.filter((url) => !url.startsWith(deckUrl))).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(violations).toEqual([]);
    await context.close();
  });

  it("shows the current slide's whole text and the next slide", async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none`);
    const speaker = await openSpeaker(page);
    for (const i of [1, 4, longest, model.slides.length - 1]) {
      await goTo(page, i);
      await showing(speaker, i);
      expect(squash((await speaker.locator('.sv-text').textContent()) ?? '')).toBe(shownFor(i));
      const current = model.slides[i]!;
      await expect(speaker.locator('.sv-current .sv-screen h1, .sv-current .sv-screen h2').first().textContent()).resolves.toContain(
        current.kind === 'section' ? model.sections[current.section!]!.title.text : current.heading.text.slice(0, 4),
      );
      const next = model.slides[i + 1];
      if (next) await expect(speaker.locator('.sv-next .sv-screen').textContent()).resolves.toContain(next.visible[0]?.text ?? next.heading.text);
      else await expect(speaker.locator('.sv-next').textContent()).resolves.toContain(SPEAKER_TEXT.last);
    }
    // The previews are copies without the notes, in the deck's own styles.
    expect(await speaker.locator('.sv-screen aside.notes').count()).toBe(0);
    await expect(speaker.locator('.sv-current .sv-screen .frame').evaluate((f) => getComputedStyle(f).borderTopColor)).resolves.not.toBe('rgba(0, 0, 0, 0)');
    await speaker.close();
    await page.close();
  });

  it('keeps both windows on the same slide, whichever has the keys', async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none`);
    const speaker = await openSpeaker(page);
    // From slides whose text fits the view (where it does not, the keys turn its pages first: paging.browser.test.ts).
    await goTo(page, 4);
    await pressAndWait(page, 'PageDown');
    await showing(speaker, 5);
    // A clicker's next and previous, pressed in the speaker view, move the deck.
    for (const [key, expected] of [
      ['PageDown', 6],
      ['ArrowRight', 7],
      [' ', 8],
      ['PageUp', 7],
      ['ArrowLeft', 6],
    ] as const) {
      await speaker.keyboard.press(key);
      await expect.poll(() => deckSlide(page), { message: `key ${key}` }).toBe(expected);
      await showing(speaker, expected);
    }
    expect(squash((await speaker.locator('.sv-text').textContent()) ?? '')).toBe(shownFor(6));
    // ↑/↓ are the text's, not the slides'.
    await speaker.keyboard.press('ArrowDown');
    expect(await deckSlide(page)).toBe(6);
    await speaker.close();
    await page.close();
  });

  it('sets the text larger with +, smaller with -, fitted again with 0, and remembers the choice', async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none#/opening`);
    let speaker = await openSpeaker(page);
    const fitted = await textSize(speaker);
    await speaker.keyboard.press('+');
    await expect.poll(() => textSize(speaker)).toBeGreaterThan(fitted);
    const larger = await textSize(speaker);
    await speaker.close();
    speaker = await openSpeaker(page);
    expect(await textSize(speaker)).toBe(larger);
    await speaker.keyboard.press('-');
    await speaker.keyboard.press('-');
    await expect.poll(() => textSize(speaker)).toBeLessThan(fitted);
    await speaker.keyboard.press('0');
    await expect.poll(() => textSize(speaker)).toBe(fitted);
    await speaker.close();
    await page.close();
  });

  it('still changes the text size when the browser refuses storage', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('refused', 'SecurityError');
      };
      Storage.prototype.getItem = () => {
        throw new DOMException('refused', 'SecurityError');
      };
    });
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    const page = await context.newPage();
    await page.goto(`${deckUrl}?transition=none#/opening`);
    await deckReady(page);
    const speaker = await openSpeaker(page);
    const before = await textSize(speaker);
    await speaker.keyboard.press('+');
    await expect.poll(() => textSize(speaker)).toBeGreaterThan(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('scrolls the text at the speaking rate with T, and Space pauses it (on a fake clock)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.clock.install();
    const page = await context.newPage();
    const id = model.slides[longest]!.id;
    await page.goto(`${deckUrl}?transition=none#/${encodeURIComponent(id)}`);
    await deckReady(page);
    const speaker = await openSpeaker(page);
    await showing(speaker, longest);
    const layout = await speaker.evaluate(() => {
      const box = document.querySelector<HTMLElement>('.sv-notes')!;
      return { text: document.querySelector<HTMLElement>('.sv-text')!.offsetHeight, view: box.clientHeight, range: box.scrollHeight - box.clientHeight };
    });
    expect(layout.range, 'the longest text needs scrolling').toBeGreaterThan(0);
    const seconds = model.slides[longest]!.seconds;
    // From here time moves only when the test moves it.
    await pauseClock(context, page);
    await speaker.keyboard.press('t');
    await expect(speaker.locator('.sv-prompter').getAttribute('aria-pressed')).resolves.toBe('true');
    // The line read moves down the text at its height over its planned seconds; the text scrolls once that
    // line is a third of the way down the panel. Halfway through the scroll:
    const speed = layout.text / seconds;
    const at = (layout.range / 2 + layout.view / 3) / speed;
    await context.clock.fastForward(Math.round(at * 1000));
    await expect.poll(() => scrollTop(speaker)).toBeGreaterThan(layout.range / 2 - 2);
    expect(await scrollTop(speaker)).toBeLessThan(layout.range / 2 + 2);
    await speaker.keyboard.press(' ');
    await expect(speaker.locator('.sv-status').textContent()).resolves.toBe(drawn(SPEAKER_TEXT.prompterPaused));
    const paused = await scrollTop(speaker);
    // Five seconds on the page's clock, every frame and timer due in them run, and a few frames more.
    await context.clock.fastForward(5000);
    await context.clock.runFor(100);
    expect(await scrollTop(speaker)).toBe(paused);
    // Space pauses the teleprompter rather than turning the slide while it is on.
    expect(await deckSlide(page)).toBe(longest);
    await speaker.keyboard.press(' ');
    await context.clock.fastForward(Math.round((layout.range / 4 / speed) * 1000));
    await expect.poll(() => scrollTop(speaker)).toBeGreaterThan(paused + layout.range / 4 - 2);
    await context.close();
  });

  it('shows the time of day on the 24-hour clock, with no AM/PM', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, timezoneId: 'Asia/Shanghai', locale: 'en-US' });
    await context.clock.install({ time: new Date('2026-03-01T15:04:05+08:00') });
    const page = await context.newPage();
    await page.goto(deckUrl);
    await deckReady(page);
    const speaker = await openSpeaker(page);
    const clock = speaker.locator('.sv-clock');
    await expect.poll(() => clock.textContent()).toMatch(/15:0\d:\d\d/);
    expect(await speaker.locator('.sv-time').textContent()).not.toMatch(/AM|PM|上午|下午/i);
    await context.close();
  });

  it('shows the speaker falling behind the plan when they stay on a slide past its time (on a fake clock)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.clock.install();
    const page = await context.newPage();
    await page.goto(`${deckUrl}?transition=none`);
    await deckReady(page);
    const speaker = await openSpeaker(page);
    const pace = speaker.locator('.sv-pace');
    const first = model.slides[0]!.seconds;
    // From here time moves only when the test moves it, starting from a restart.
    await pauseClock(context, page);
    await speaker.getByRole('button', { name: SPEAKER_TEXT.restart }).click();
    await expect.poll(() => pace.textContent()).toBe(drawn(`${SPEAKER_TEXT.planned} 0:${String(first).padStart(2, '0')} · ${SPEAKER_TEXT.onTime}`));
    await expect(pace.getAttribute('data-state')).resolves.toBe('on-time');
    await context.clock.fastForward((first + 25) * 1000);
    await expect.poll(() => pace.textContent()).toContain(drawn(`${SPEAKER_TEXT.behind} 0:25`));
    await expect(pace.getAttribute('data-state')).resolves.toBe('behind');
    await context.clock.fastForward(60_000);
    await expect.poll(() => pace.getAttribute('data-state')).toBe('late');
    await expect.poll(() => speaker.locator('.sv-elapsed-value').textContent()).toBe(`1:${String(first + 25).padStart(2, '0')}`);
    // Moving on to a slide whose plan starts later than now shows the speaker ahead.
    await goTo(page, 6);
    const start = model.slides.slice(0, 6).reduce((sum, s) => sum + s.seconds, 0);
    const elapsed = first + 85;
    if (start > elapsed) await expect.poll(() => pace.getAttribute('data-state')).toBe('ahead');
    await speaker.getByRole('button', { name: SPEAKER_TEXT.restart }).click();
    await expect.poll(() => speaker.locator('.sv-elapsed-value').textContent()).toBe('0:00');
    await context.close();
  });

  for (const size of SIZES) {
    it(`keeps every part of the view inside a ${size.width}×${size.height} window on every slide`, async () => {
      const page = await openDeck(browser, `${deckUrl}?transition=none`);
      const speaker = await openSpeaker(page, size);
      const problems: string[] = [];
      for (let i = 0; i < model.slides.length; i++) {
        await goTo(page, i);
        await showing(speaker, i);
        problems.push(...(await outsideProblems(speaker, `${size.width}×${size.height} ${model.slides[i]!.id}`)));
      }
      expect(problems).toEqual([]);
      await speaker.close();
      await page.close();
    });
  }

  it(`shows the text of every slide at ${MIN_TEXT_PX} px or more at 1280×800, and the keys scroll what does not fit`, async () => {
    const page = await openDeck(browser, `${deckUrl}?transition=none`);
    const speaker = await openSpeaker(page, SIZES[0]);
    const problems: string[] = [];
    let scrolled = 0;
    for (let i = 0; i < model.slides.length; i++) {
      await goTo(page, i);
      await showing(speaker, i);
      const px = await textSize(speaker);
      if (px < MIN_TEXT_PX) problems.push(`${model.slides[i]!.id}: text at ${px} px`);
      const range = await speaker.evaluate(() => {
        const box = document.querySelector('.sv-notes')!;
        return box.scrollHeight - box.clientHeight;
      });
      if (range <= 0) continue;
      // ↓ walks down to the end of the text, ↑ back to its top.
      for (let n = 0; n < 40 && (await scrollTop(speaker)) < range - 1; n++) await speaker.keyboard.press('ArrowDown');
      if ((await scrollTop(speaker)) < range - 1) problems.push(`${model.slides[i]!.id}: ↓ does not reach the end of the text`);
      for (let n = 0; n < 40 && (await scrollTop(speaker)) > 0; n++) await speaker.keyboard.press('ArrowUp');
      if ((await scrollTop(speaker)) > 0) problems.push(`${model.slides[i]!.id}: ↑ does not return to the top`);
      scrolled++;
    }
    expect(problems).toEqual([]);
    // The check of the keys means something only if some text does need scrolling.
    expect(scrolled).toBeGreaterThan(0);
    await speaker.close();
    await page.close();
  });

  it("opens from the page's menu too, which shows when the mouse moves", async () => {
    const page = await openDeck(browser, deckUrl);
    const item = page.getByRole('button', { name: `${SPEAKER_TEXT.view} S` });
    await expect(item.isVisible()).resolves.toBe(false);
    await page.mouse.move(600, 300);
    await page.mouse.move(640, 320);
    await expect.poll(() => item.isVisible()).toBe(true);
    const opened = page.context().waitForEvent('page');
    await item.click();
    const speaker = await opened;
    await speaker.waitForSelector('.sv-text p');
    await speaker.close();
    await page.close();
  });

  it('puts the slides fullscreen on the second screen where the browser can, and says what to do where it cannot', async () => {
    // Headless Chromium has one screen; the Window Management API is stood in for by two screens, then by none.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      const laptop = { availLeft: 0, availTop: 0, availWidth: 1280, availHeight: 760, isInternal: true, isPrimary: true, label: 'laptop' };
      const projector = { availLeft: 1280, availTop: 0, availWidth: 1920, availHeight: 1080, isInternal: false, isPrimary: false, label: 'projector' };
      (window as unknown as { getScreenDetails: unknown }).getScreenDetails = async () => ({ screens: [laptop, projector], currentScreen: laptop });
      Element.prototype.requestFullscreen = (options?: FullscreenOptions) => {
        (window as unknown as { fullscreenOn?: string }).fullscreenOn = (options as { screen?: { label: string } } | undefined)?.screen?.label ?? 'this screen';
        return Promise.resolve();
      };
    });
    const page = await context.newPage();
    await page.goto(deckUrl);
    await deckReady(page);
    const speaker = await openSpeaker(page);
    await speaker.getByRole('button', { name: SPEAKER_TEXT.project }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { fullscreenOn?: string }).fullscreenOn)).toBe('projector');
    await context.close();

    const plain = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await plain.addInitScript(() => delete (window as unknown as { getScreenDetails?: unknown }).getScreenDetails);
    const other = await plain.newPage();
    await other.goto(deckUrl);
    await deckReady(other);
    const view = await openSpeaker(other);
    await expect(view.getByRole('button', { name: SPEAKER_TEXT.project }).count()).resolves.toBe(0);
    await expect(view.locator('.sv-status').textContent()).resolves.toBe(drawn(SPEAKER_TEXT.projectHow));
    await plain.close();
  });
});
