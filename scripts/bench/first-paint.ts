import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

/**
 * Opens a page from file:// in a new 1280×720 tab of a running browser and returns its largest contentful paint once
 * `document.fonts.ready` has resolved and two frames have followed: the moment its largest text or picture was painted,
 * in ms from the start of navigation. Any page will do (ours, Marp's), which is what makes the figures comparable.
 */
export async function largestPaint(browser: Browser, file: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.goto(pathToFileURL(file).href);
    return await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // Two frames on, the page has painted in its fonts; a buffered observer is handed every candidate so far.
      const entries = await new Promise<PerformanceEntryList>((resolve) =>
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(list.getEntries());
        }).observe({ type: 'largest-contentful-paint', buffered: true }),
      );
      return Math.max(...entries.map((entry) => (entry as PerformanceEntry & { renderTime?: number }).renderTime || entry.startTime));
    });
  } finally {
    await page.close();
  }
}

/**
 * The largest contentful paint of each page, opened in turns in the same browser (who goes first alternates), after
 * one warm-up each; `runs` figures for each page, in the order given.
 */
export async function paintsInTurns(browser: Browser, files: string[], runs: number): Promise<number[][]> {
  for (const file of files) await largestPaint(browser, file);
  const times = files.map((): number[] => []);
  for (let run = 0; run < runs; run++) {
    const order = files.map((_, i) => i);
    if (run % 2) order.reverse();
    for (const i of order) times[i]!.push(await largestPaint(browser, files[i]!));
  }
  return times;
}

// `npx tsx scripts/bench/first-paint.ts 9 a.html b.html`: the medians of each page's paints, timed in turns.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, ...files] = process.argv.slice(2);
  const { launchBrowser } = await import('../launch-browser.ts');
  const browser = await launchBrowser();
  try {
    const times = await paintsInTurns(browser, files, Number(count));
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    files.forEach((file, i) => console.log(`${file}: median ${median(times[i]!).toFixed(0)} ms (${times[i]!.map((t) => t.toFixed(0)).join(' ')})`));
  } finally {
    await browser.close();
  }
}
