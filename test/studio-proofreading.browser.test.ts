import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/node/commands/build.ts';
import { checkSpeech } from '../src/node/commands/check.ts';
import { importFile } from '../src/node/speech/import-file.ts';
import type { Finding } from '../src/proofread/index.ts';
import { fileUrl, sharedBrowser, POLL } from './helpers/browser.ts';
import { corrections } from './helpers/speech.ts';
import { speechDocx } from './helpers/speech-docx.ts';
import { builtStudio, offsite, studioForBlock } from './helpers/studio.ts';

const work = mkdtempSync(join(tmpdir(), 'speech-deck-studio-proofreading-'));
let studioUrl: string;
/** This speech as a Word file, and the Markdown `speech-deck import` makes of it. */
const docx = join(work, '在县政府党组学习研讨会上的发言.docx');
const imported = join(work, 'cli-import', 'speech.md');
/** What `speech-deck check` finds in the imported Markdown and in the proofreading fixture. */
let cliFindings: { seed: Finding[]; proofread: Finding[] };

const findingsOf = async (file: string) => (await checkSpeech(file)).problems.filter((p): p is Finding => 'rule' in p);

beforeAll(async () => {
  // The studio page the run builds once (test/helpers/global-setup.ts).
  const studioPath = await builtStudio();
  studioUrl = fileUrl(studioPath);
  writeFileSync(docx, await speechDocx());
  await importFile({ input: docx, output: imported });
  cliFindings = { seed: await findingsOf(imported), proofread: await findingsOf('test/fixtures/proofread.md') };
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The five typing slips of the original speech, by the words each finding quotes. */
const SLIPS = ['习近平新时期中国特色社会主义思想', '干涉府采购', '自切实', '坚不断完善', '向等工作'];

/** Opens a file in the studio and waits until its deck is ready and its proofreading done. */
async function openFile(page: Page, file: string): Promise<void> {
  await page.locator('[data-action="open"]').setInputFiles(file);
  await page.waitForFunction(
    () => document.querySelector('#findings-pane')?.getAttribute('data-state') === 'done' && ['ready', 'error'].includes(document.body.dataset.state ?? ''),
    null,
    { ...POLL, timeout: 60_000 },
  );
  expect(await page.locator('#status-text').textContent()).toContain('已就绪');
}

/** Each finding the page shows: its rule, line and text. */
async function shownFindings(page: Page): Promise<Array<{ rule: string; line: number; text: string }>> {
  return page
    .locator('[data-finding]')
    .evaluateAll((items) =>
      items.map((item) => ({ rule: (item as HTMLElement).dataset.finding!, line: Number((item as HTMLElement).dataset.line), text: item.textContent! })),
    );
}

/** The Chinese half of a finding's message as `check` prints it (`中文；建议 · English; advice`). */
const chinese = (finding: Finding) => finding.message.slice(0, finding.message.indexOf(' · '));

describe.each([
  ['current Chromium', 'current'],
  ['Chromium 109', 'chromium109'],
] as const)('proofreading in the studio in %s, from file://', (_name, which) => {
  let browser: Browser;
  sharedBrowser((b) => (browser = b), which);
  const openStudio = studioForBlock(
    () => studioUrl,
    () => browser,
    { width: 1366, height: 768 },
  );

  it('shows the findings `check` gives on the Word file’s text, the five slips among them, with no request and no policy violation', async () => {
    const { page, requests, incidents } = await openStudio();
    await openFile(page, docx);
    const shown = await shownFindings(page);
    // The same findings, in the same order, at the same lines of the same Markdown, worded as `check` words them.
    expect(cliFindings.seed.length).toBeGreaterThanOrEqual(SLIPS.length);
    expect(shown.map(({ rule, line }) => ({ rule, line }))).toEqual(cliFindings.seed.map(({ rule, line }) => ({ rule, line })));
    shown.forEach(({ text }, i) => {
      expect(text).toContain(chinese(cliFindings.seed[i]!));
      expect(text).toContain(`[${cliFindings.seed[i]!.rule}]`);
    });
    // Chinese first: each finding's text opens with its place and kind in Chinese.
    for (const { text } of shown) expect(text).toMatch(/^第 \d+ 张“[^”]+” · (提醒|错误)：/);
    for (const slip of SLIPS) expect(shown.some(({ text }) => text.includes(slip))).toBe(true);
    expect(corrections.corrections.every(({ original }) => shown.some(({ text }) => text.includes(original)))).toBe(true);
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('shows a finding’s paragraph in the slide-by-slide check when it is clicked', async () => {
    const { page } = await openStudio();
    await openFile(page, docx);
    const finding = page.locator('[data-finding]', { hasText: '干涉府采购' }).last();
    await finding.click();
    const found = page.locator('#outline .found');
    await expect.poll(() => found.count()).toBe(1);
    expect(await found.textContent()).toContain('干涉府采购');
    expect(await found.isVisible()).toBe(true);
    const box = (await found.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height / 2).toBeLessThanOrEqual(768);
    // Its slide is the one shown.
    const card = page.locator('#outline .card.current');
    expect(await card.locator('.found').count()).toBe(1);
  });

  it('finds on the proofreading fixture what `check` finds, rule for rule and line for line', async () => {
    const { page, incidents } = await openStudio();
    await openFile(page, 'test/fixtures/proofread.md');
    const shown = await shownFindings(page);
    expect(new Set(cliFindings.proofread.map((f) => f.rule)).size).toBeGreaterThan(4);
    expect(shown.map(({ rule, line }) => ({ rule, line }))).toEqual(cliFindings.proofread.map(({ rule, line }) => ({ rule, line })));
    shown.forEach(({ text }, i) => expect(text).toContain(chinese(cliFindings.proofread[i]!)));
    expect(incidents).toEqual([]);
  });

  it('saves the Word file’s deck at 300 KiB or less, the CLI’s deck but for its fonts’ subset output', async () => {
    const { page, requests, incidents } = await openStudio();
    await openFile(page, docx);
    const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, page.locator('[data-action="save-deck"]').click()]);
    const saved = join(work, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    expect(statSync(saved).size).toBeLessThanOrEqual(300 * 1024);
    const cli = readFileSync(await buildDeck(imported, join(work, `cli-${Date.now()}`)), 'utf8');
    const fonts = /url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)format\("woff2"\)/g;
    const html = readFileSync(saved, 'utf8');
    expect(html.match(fonts)).toHaveLength(cli.match(fonts)!.length);
    expect(html.replace(fonts, 'FONT') === cli.replace(fonts, 'FONT')).toBe(true);
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });
});
