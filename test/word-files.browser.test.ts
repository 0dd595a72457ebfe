import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { parse } from '../src/core/parse.ts';
import { importFile, type ImportResult } from '../src/node/speech/import-file.ts';
import { fileUrl, sharedBrowser } from './helpers/browser.ts';
import { DRAFT, DRAFT_SPOKEN, DRAFT_UNSPOKEN, draftDocx } from './helpers/draft-docx.ts';
import { fixture, squash } from './helpers/speech.ts';
import { builtStudio, offsite, settled, studioForBlock } from './helpers/studio.ts';

/**
 * The studio opens every Word file the office has, as `speech-deck import` does: this speech as Word 97–2003 .doc
 * and as WPS .wps (test/fixtures/word/), a reviewed draft, and a file that only says it is Word; in current
 * Chromium and in Chromium 109, from file://, with no request leaving the page.
 */
const work = mkdtempSync(join(tmpdir(), 'speech-deck-word-files-'));
let studioUrl: string;
let studioHtml: string;
const draft = join(work, '森林防灭火讲话（征求意见稿）.docx');
const rtf = join(work, '讲话稿.doc');
const cli: Record<string, ImportResult> = {};

beforeAll(async () => {
  // The studio page the run builds once (test/helpers/global-setup.ts).
  const studioPath = await builtStudio();
  studioUrl = fileUrl(studioPath);
  studioHtml = readFileSync(studioPath, 'utf8');
  writeFileSync(draft, await draftDocx());
  writeFileSync(rtf, '{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0 宋体;}}\\f0 讲话稿\\par}');
  for (const file of ['test/fixtures/word/speech.doc', 'test/fixtures/word/speech.wps', draft]) {
    cli[file] = await importFile({ input: file, output: join(work, 'cli', `${Object.keys(cli).length}.md`) });
  }
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Drops a file on the page, as a person drags one from the desktop. */
async function drop(page: Page, path: string, name: string): Promise<void> {
  const bytes = [...readFileSync(path)];
  await page.evaluate(
    ([data, fileName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data as number[])], fileName as string));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [bytes, name] as const,
  );
}

async function savedMarkdown(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, page.locator('[data-action="save-markdown"]').click()]);
  const path = join(work, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

const withoutPhrases = (md: string) => md.split('\n').filter((line) => !/^\s*- /.test(line));

describe.each([
  ['current Chromium', 'current'],
  ['Chromium 109', 'chromium109'],
] as const)('Word files in the studio, in %s', (_name, which) => {
  let browser: Browser;
  sharedBrowser((b) => (browser = b), which);
  const openStudio = studioForBlock(
    () => studioUrl,
    () => browser,
  );

  it('offers .docx, .doc, .wps, .txt and .md in its file picker', () => {
    const accept = /data-action="open" accept="([^"]+)"/.exec(studioHtml)![1]!.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.docx', '.doc', '.wps', '.txt', '.md']));
  });

  it('opens this speech as .doc, and drops it as .wps: the structure and the Markdown of `speech-deck import`, the notes verbatim', async () => {
    const { page, requests, incidents } = await openStudio();
    for (const [file, how] of [
      ['test/fixtures/word/speech.doc', 'open'],
      ['test/fixtures/word/speech.wps', 'drop'],
    ] as const) {
      if (how === 'open') await page.locator('[data-action="open"]').setInputFiles(file);
      else await drop(page, file, '讲话.wps');
      expect(await settled(page), file).toBe('ready');
      const { imported } = cli[file]!;
      const report = (await page.locator('#report').textContent())!;
      expect(report).toContain('找到的结构');
      for (const s of imported.deck.sections) expect(report).toContain(s.opener.heading.text);
      const markdown = await savedMarkdown(page);
      expect(withoutPhrases(markdown)).toEqual(withoutPhrases(imported.markdown));
      const deck = parse(markdown);
      expect(deck.sections.map((s) => s.numeral)).toEqual(['一', '二', '三']);
      expect(deck.sections.flatMap((s) => s.points)).toHaveLength(9);
      expect(
        squash(
          spokenSlides(deck)
            .flatMap((s) => s.notes.map((n) => n.text))
            .join(''),
        ),
      ).toBe(squash(fixture('speech.txt')));
    }
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('opens a reviewed draft: only what Word shows is spoken, and the report is the one `speech-deck import` prints', async () => {
    const { page, requests, incidents } = await openStudio();
    await page.locator('[data-action="open"]').setInputFiles(draft);
    expect(await settled(page)).toBe('ready');
    const markdown = await savedMarkdown(page);
    const deck = parse(markdown);
    expect(
      squash(
        spokenSlides(deck)
          .flatMap((s) => s.notes.map((n) => n.text))
          .join(''),
      ),
    ).toBe(squash(DRAFT_SPOKEN.join('')));
    for (const word of DRAFT_UNSPOKEN) expect(markdown, word).not.toContain(word);
    const report = (await page.locator('#report').textContent())!;
    const lookAt = (text: string) =>
      text
        .split('\n')
        .filter((l) => /隐藏文字|批注|修订|文本框|脚注|目录|页码/.test(l))
        // The CLI places a remark by `file:line:`; the studio by the slide and paragraph, or the original's paragraph.
        .map((l) => l.replace(/^\s*(?:\S+?:\d+: |原文第 \d+ \S：|第 \d+ 张“[^”]*”(?:第 \d+ 段)?：)/, ''));
    expect(lookAt(report)).toEqual(lookAt(cli[draft]!.report));
    expect(report).toContain(`的批注：“${DRAFT.comment}”（批在“${DRAFT.commentOn}”上）`);
    expect(report).toContain('3 处隐藏文字');
    expect(report).toContain('已按“全部接受”读入');
    expect(requests.filter(offsite)).toEqual([]);
    expect(incidents).toEqual([]);
  });

  it('says what a file called .doc really is when it is RTF, and how to save it as .docx', async () => {
    const { page, incidents } = await openStudio();
    await page.locator('[data-action="open"]').setInputFiles(rtf);
    expect(await settled(page)).toBe('error');
    // Said first in Chinese; after the speech the test before left open, the page also says that it is closed.
    expect(await page.locator('#status-text').textContent()).toMatch(
      /^(打不开这个文件，上一份讲话稿也已关闭，现在没有可保存的内容：)?“讲话稿\.doc”：这个文件其实是 RTF 格式.*另存为.*Word 文档（\*\.docx）.* · this file is really RTF/,
    );
    expect(incidents).toEqual([]);
  });
});
