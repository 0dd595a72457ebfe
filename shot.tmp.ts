import { writeFileSync } from 'node:fs';
import { launchBrowser } from './src/node/print/browser.ts';
import { latinOnlyFontEnv } from './src/node/fonts/env.ts';
import { speechDocx } from './test/helpers/speech-docx.ts';
const docx = '/tmp/sf/在县政府党组学习研讨会上的发言.docx';
writeFileSync(docx, await speechDocx());
const which = process.argv[2] ?? 'current';
const file = process.argv[3] ?? docx;
const browserPath = which === '109' ? await import('@sparticuz/chromium').then(({ default: s }) => s.executablePath()) : undefined;
const browser = await launchBrowser({ env: latinOnlyFontEnv(), ...(browserPath ? { browserPath } : {}) });
for (const [w, h] of [[1366, 768], [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto('file:///tmp/sf/speech-deck-studio.html');
  await page.locator('[data-action="open"]').setInputFiles(file);
  await page.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'error', null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  const header = await page.locator('header.bar').boundingBox();
  const tops = await page.locator('header.bar > *').evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top)))]);
  const cards = await page.locator('#outline .card').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().top < innerHeight).length);
  console.log(which, w, h, 'header', header?.height, 'rows', tops, 'cards on first screen', cards, await page.locator('#status-text').textContent());
  await page.screenshot({ path: `/tmp/sf/${which}-${w}.png` });
  await page.close();
}
await browser.close();
