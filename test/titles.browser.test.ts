import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUrl, openDeck, sharedBrowser } from './helpers/browser.ts';
import { builtDeck } from './helpers/decks.ts';
import { boxProblems, lineProblems, showSlide, textLines } from './helpers/layout.ts';

/** Real titles of speeches, by length in characters, without and with pause marks. */
const TITLES: Record<number, [plain: string, paused: string]> = {
  12: ['县政府党组学习研讨会发言', '坚定信心、真抓实干谋发展'],
  18: ['学习贯彻党的二十大精神专题研讨会发言', '凝心聚力、真抓实干，奋力谱写县域发展'],
  24: ['在全县深入学习贯彻党的二十大精神动员大会上的讲话', '学习贯彻二十大精神，奋力推动全县经济社会高效发展'],
  31: ['在全县深入学习贯彻党的二十大精神暨全县经济工作推进会议上的讲话', '深入学习贯彻党的二十大精神，推动县域经济高质量发展，谱写新篇章'],
  40: [
    '在中国共产党某某县第十五届委员会第三次全体会议暨二〇二三年全县经济工作会议上讲话',
    '深入学习贯彻习近平新时代中国特色社会主义思想，全面落实二十大精神，奋力开创新局面',
  ],
};

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];

/** A speech whose title, first section and first sub-point all carry the same long heading. */
function speech(title: string): string {
  return `---
speaker: 中共某某县委副书记、县人民政府县长
occasion: 县委经济工作会议
date: 2023年10月22日
---

# ${title}

- 开场的要点

开场的话。

## 一、${title}

- 第一条要点
- 第二条要点

部分开头的话。

### ${title}

- 小点的要点

小点的话。
`;
}

/** Where each heading under test is, on which slide. */
const HEADINGS = [
  { slide: 'title', selector: 'section#title h1' },
  { slide: 'section', selector: 'section.slide-section h2.section-title' },
  { slide: 'point', selector: 'section.slide-point h2' },
];

describe('titles of any length', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-titles-'));
  const decks = new Map<string, string>();
  sharedBrowser((b) => (browser = b));

  beforeAll(async () => {
    for (const [length, titles] of Object.entries(TITLES)) {
      for (const [i, title] of titles.entries()) {
        expect([...title], title).toHaveLength(Number(length));
        const input = join(dir, `title-${length}-${i ? 'paused' : 'plain'}.md`);
        writeFileSync(input, speech(title));
        decks.set(title, fileUrl(await builtDeck(input)));
      }
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [length, [plain, paused]] of Object.entries(TITLES)) {
    it(`sets a ${length}-character title, with and without pause marks, in balanced lines inside its box at every window size`, async () => {
      const found: string[] = [];
      const lineCounts: number[] = [];
      for (const title of [plain, paused]) {
        // One page per deck, resized: reveal scales the same 1920×1080 layout to each window.
        const page = await openDeck(browser, `${decks.get(title)}?transition=none`, SIZES[0]);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          for (const { slide, selector } of HEADINGS) {
            const id = await page.evaluate((sel) => document.querySelector(sel)!.closest('section')!.id, selector);
            await showSlide(page, id);
            const where = `${size.width}×${size.height} ${slide}: `;
            found.push(...(await lineProblems(page, selector)).map((p) => where + p));
            found.push(...(await boxProblems(page)).map((p) => where + p));
            if (slide === 'title') lineCounts.push((await textLines(page, selector)).length);
          }
        }
        await page.close();
      }
      expect(found).toEqual([]);
      // A long title really is set in more than one line (the checks above mean something).
      if (Number(length) >= 24) expect(Math.min(...lineCounts)).toBeGreaterThan(1);
    }, 120_000);
  }
});
