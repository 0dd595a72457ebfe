/**
 * A headless browser driven by Playwright, for the tests, the bench and the screenshots, which drive pages as a
 * person would. The commands never use it: printing drives the browser through its own protocol
 * (src/node/print/cdp.ts), so playwright-core is a development dependency only.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, type FindOptions, findBrowser } from '../src/node/print/browser.ts';

/**
 * Starts the browser `findBrowser` finds, with the project's flags. `handleSignals: false` leaves Ctrl+C and SIGTERM
 * to the caller, which must then close the browser itself; by default Playwright closes it and exits the process.
 */
export async function launchBrowser(options: FindOptions & { env?: NodeJS.ProcessEnv; handleSignals?: boolean } = {}): Promise<Browser> {
  const signals = options.handleSignals ?? true;
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: findBrowser(options),
    headless: true,
    args: CHROMIUM_FLAGS,
    handleSIGINT: signals,
    handleSIGTERM: signals,
    handleSIGHUP: signals,
    ...(options.env ? { env: options.env } : {}),
  });
}
