import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, expect, inject, onTestFailed } from 'vitest';
import { POLL } from './browser.ts';

/** Fonts drawn as loaded fonts, ignoring the file: any request that is not the page itself or a blob it made. */
export const offsite = (url: string) => !/^(file:|blob:|data:|about:)/.test(url);

/** The studio page the test run builds once (test/helpers/global-setup.ts), once it is written. */
export async function builtStudio(): Promise<string> {
  const path = inject('studioHtml');
  const failed = join(dirname(path), 'failed.txt');
  const until = Date.now() + 300_000;
  while (!existsSync(path) && !existsSync(failed)) {
    if (Date.now() > until) throw new Error('the studio page was not built within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (existsSync(failed)) throw new Error(`the studio page could not be built: ${readFileSync(failed, 'utf8')}`);
  return path;
}

export interface OpenStudio {
  context: BrowserContext;
  page: Page;
  /** Every request the context made, anywhere. */
  requests: string[];
  /** Dialogs, console errors, page errors and policy violations. */
  incidents: string[];
}

/** A fresh context on the studio at `url` that records every request, dialog, error and policy violation, anywhere. */
export async function openStudio(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<OpenStudio> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const requests: string[] = [];
  const incidents: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => (offsite(route.request().url()) ? route.abort() : route.continue()));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      incidents.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') incidents.push(message.text());
    });
    page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, requests, incidents };
}

/**
 * One studio page for a describe block's tests, handed from test to test: a context of its own opens the 10.5 MB
 * page and starts its two workers in about 2.5 s, which every test would otherwise spend again. Each test gets the
 * page with its record of requests and incidents emptied, the context's other pages closed, the viewport it asks
 * for, scrolled to the top and with no state shown, so that `waitReady` waits for the studio's answer to what the
 * test does next. A test that fails leaves the next one a fresh page; the page is closed after the block.
 */
export function studioForBlock(
  url: () => string,
  browser: () => Browser,
  initial = { width: 1440, height: 900 },
): (viewport?: { width: number; height: number }) => Promise<OpenStudio> {
  let open: OpenStudio | undefined;
  afterAll(async () => {
    await open?.context.close();
  });
  return async (viewport = initial) => {
    onTestFailed(async () => {
      const failed = open;
      open = undefined;
      await failed?.context.close();
    });
    if (!open) {
      open = await openStudio(browser(), url(), viewport);
      return open;
    }
    for (const other of open.context.pages()) if (other !== open.page) await other.close();
    await open.page.setViewportSize(viewport);
    await open.page.evaluate(() => {
      window.scrollTo(0, 0);
      delete document.body.dataset.state;
    });
    open.requests.length = 0;
    open.incidents.length = 0;
    return open;
  };
}

/** Waits for the studio to finish with what it was given (a file, an edit): ready, or an error; returns which. */
export async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'error', null, { ...POLL, timeout: 60_000 });
  return page.evaluate(() => document.body.dataset.state!);
}

/** Waits until the studio has made the deck of the current version, and says so. */
export async function waitReady(page: Page): Promise<void> {
  await settled(page);
  expect(await page.locator('#status-text').textContent()).toContain('已就绪');
}

export interface Saved {
  name: string;
  path: string;
  text: () => string;
  bytes: () => Buffer;
}

/** Clicks a save button and returns the file it offers, kept in `dir`. */
export async function save(page: Page, action: string, dir: string): Promise<Saved> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, page.locator(`[data-action="${action}"]`).click()]);
  const path = join(dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: () => readFileSync(path, 'utf8'), bytes: () => readFileSync(path) };
}
