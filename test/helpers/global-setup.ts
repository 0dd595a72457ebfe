import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { latinOnlyFontEnv } from '../../src/node/fonts/env.ts';
import { buildStudio, STUDIO_FILE } from '../../src/node/page/studio-page.ts';
import { CHROMIUM_FLAGS, findBrowser } from '../../src/node/print/browser.ts';
import { speechDeck } from './decks.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the one-file deck built from test/fixtures/speech.md for this test run. */
    deckHtml: string;
    /** Where the run's one Chromium listens (see `sharedBrowser` in browser.ts). */
    browserEndpoint: string;
    /** Chromium 109, the office's browser, from @sparticuz/chromium. */
    chromium109: string;
    /** Where the run's one Chromium 109 listens (see `sharedBrowser` in browser.ts). */
    browser109Endpoint: string;
    /** Where the studio page built for this test run appears once written (see `builtStudio` in studio.ts). */
    studioHtml: string;
  }
}

/**
 * For the browser tests: the real speech, built the way `npm run build` does (or kept from a build of it by this
 * very program), and one Chromium and one Chromium 109 that every test file connects to, with the project's flags
 * and no Chinese system font, like an office PC without them: what the page shows must come from what it carries.
 * The studio page is built here once for the files that open it, while the first files run (on a machine whose font
 * cache is empty, that is most of a minute, which the files would otherwise spend side by side on the same work).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const studioDir = mkdtempSync(join(tmpdir(), 'speech-deck-studio-run-'));
  const deck = speechDeck();
  // Not waited for: the files that open the studio wait for its file (written atomically), or for why it failed.
  // It starts once the deck is built, never beside it: two font builds at once in one process trip each other up.
  const studio = deck
    .then(() => buildStudio(studioDir, { progress: () => {} }))
    .catch((error: Error) => {
      writeFileSync(join(studioDir, 'failed.txt'), error.stack ?? String(error));
    });
  const serve = (executablePath: string) => chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_FLAGS, env: latinOnlyFontEnv() });
  // Unpacked to /tmp on first use, here once: two files unpacking it at the same time could start a half-written one.
  const chromium109 = import('@sparticuz/chromium').then(({ default: sparticuz }) => sparticuz.executablePath());
  const [html, server, server109] = await Promise.all([deck, serve(findBrowser()), chromium109.then(serve)]);
  project.provide('deckHtml', html);
  project.provide('browserEndpoint', server.wsEndpoint());
  project.provide('chromium109', await chromium109);
  project.provide('browser109Endpoint', server109.wsEndpoint());
  project.provide('studioHtml', join(studioDir, STUDIO_FILE));
  return async () => {
    await studio;
    await Promise.all([server.close(), server109.close()]);
    rmSync(studioDir, { recursive: true, force: true });
  };
}
