import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { PRINTING } from '../messages.ts';

/** The one list of Chromium flags: headless, no sandbox for root, and no calls home on a closed network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface FindOptions {
  /** `--browser-path` from the command line. */
  browserPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whether a file exists and can be run; replaceable in tests. */
  isExecutable?: (path: string) => boolean;
}

const PLATFORM_PATHS: Partial<Record<NodeJS.Platform, (env: NodeJS.ProcessEnv) => string[]>> = {
  win32: (env) => {
    const roots = [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter((r): r is string => !!r);
    const apps = ['Microsoft\\Edge\\Application\\msedge.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe'];
    return apps.flatMap((app) => roots.map((root) => `${root}\\${app}`));
  },
  darwin: () => [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ],
  linux: () => [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ],
};

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge'];

function defaultIsExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds Chrome, Edge or Chromium: `--browser-path`, then `CHROME_PATH`, then the usual places, then names on PATH. */
export function findBrowser(options: FindOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  for (const [given, source] of [
    [options.browserPath, '--browser-path'],
    [env.CHROME_PATH, 'CHROME_PATH'],
  ] as const) {
    if (!given) continue;
    if (isExecutable(given)) return given;
    throw new CLIError(say(PRINTING.badBrowserPath, { source, given }));
  }
  const suffix = platform === 'win32' ? '.exe' : '';
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => NAMES_ON_PATH.map((name) => join(dir, name + suffix)));
  const candidates = [...(PLATFORM_PATHS[platform]?.(env) ?? []), ...onPath];
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new CLIError(say(PRINTING.noBrowser));
}
