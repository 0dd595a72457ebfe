import { describe, expect, it } from 'vitest';
import { launchBrowser } from '../scripts/launch-browser.ts';
import { CHROMIUM_FLAGS } from '../src/node/print/browser.ts';

// A browser of its own: what is checked is how launchBrowser starts one.
describe('launchBrowser', () => {
  it('starts Chromium headless with no sandbox and no calls home, as its own command line shows', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto('chrome://version');
      const commandLine = (await page.locator('#command_line').textContent()) ?? '';
      for (const flag of [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]) {
        expect(commandLine).toContain(flag);
      }
      expect(commandLine.match(/--[a-z-]+/g)).toEqual(expect.arrayContaining([...CHROMIUM_FLAGS]));
    } finally {
      await browser.close();
    }
  });
});
