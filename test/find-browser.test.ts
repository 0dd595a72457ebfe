import { describe, expect, it } from 'vitest';
import { findBrowser } from '../src/node/print/browser.ts';
import { CLIError } from '../src/node/errors.ts';

/** A lookup where only the given paths can be run. */
function only(...paths: string[]) {
  return (path: string) => paths.includes(path);
}

describe('findBrowser', () => {
  const env = { PATH: '/opt/bin:/usr/local/bin' };

  it('takes --browser-path first, then CHROME_PATH', () => {
    const options = { env: { ...env, CHROME_PATH: '/env/chrome' }, platform: 'linux' as const };
    expect(findBrowser({ ...options, browserPath: '/given/chrome', isExecutable: only('/given/chrome', '/env/chrome', '/usr/bin/chromium') })).toBe(
      '/given/chrome',
    );
    expect(findBrowser({ ...options, isExecutable: only('/env/chrome', '/usr/bin/chromium') })).toBe('/env/chrome');
  });

  it('says which setting is wrong when a given path cannot be run', () => {
    expect(() => findBrowser({ browserPath: '/no/chrome', env, isExecutable: only('/usr/bin/chromium') })).toThrow(/--browser-path is set to \/no\/chrome/);
    expect(() => findBrowser({ env: { ...env, CHROME_PATH: '/no/chrome' }, isExecutable: only('/usr/bin/chromium') })).toThrow(
      /CHROME_PATH is set to \/no\/chrome/,
    );
  });

  it('looks in the usual places of each system, Edge first on Windows', () => {
    const win = { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', PROGRAMFILES: 'C:\\Program Files', PATH: '' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ env: win, platform: 'win32', isExecutable: only(chrome, edge) })).toBe(edge);
    expect(findBrowser({ env: win, platform: 'win32', isExecutable: only(chrome) })).toBe(chrome);
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ env, platform: 'darwin', isExecutable: only(mac) })).toBe(mac);
    expect(findBrowser({ env, platform: 'linux', isExecutable: only('/usr/bin/google-chrome', '/usr/bin/chromium') })).toBe('/usr/bin/chromium');
  });

  it('falls back to the names on PATH', () => {
    expect(findBrowser({ env, platform: 'linux', isExecutable: only('/usr/local/bin/google-chrome') })).toBe('/usr/local/bin/google-chrome');
  });

  it('tells what to install or set when there is no browser at all', () => {
    let error: unknown;
    try {
      findBrowser({ env, platform: 'linux', isExecutable: () => false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CLIError);
    expect((error as CLIError).exitCode).toBe(1);
    expect((error as CLIError).message).toMatch(/Install one.*apt-get install chromium.*--browser-path.*CHROME_PATH/s);
  });
});
