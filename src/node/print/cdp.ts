/**
 * Chromium driven through its DevTools protocol over a pipe (`--remote-debugging-pipe`: commands on the child's
 * fd 3, replies and events on its fd 4, each a JSON message ended by a NUL). This is all the print path needs of a
 * browser: a tab, a navigation, an evaluation and a PDF. It loads nothing but Node's own modules, where a
 * general driver costs about half a second of every command to import before the browser can even be started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

interface Waiting {
  resolve: (result: Params) => void;
  reject: (error: Error) => void;
  method: string;
}

/** A running Chromium and the one connection to it. */
export interface Chromium {
  /** Sends a command (to a page when `sessionId` is given) and resolves with its result. */
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  /** Listens to an event; returns a function that stops listening. */
  on(method: string, listener: Listener): () => void;
  /** The browser's version, as `156.0.8078.108`. */
  version(): Promise<string>;
  /** Closes the browser and removes its profile; safe to call more than once. */
  close(): Promise<void>;
}

/** A tab of the browser, attached so that commands can be sent to it. */
export interface Tab {
  targetId: string;
  sessionId: string;
  /** The first lines of the page's uncaught errors, in order. */
  errors: string[];
}

/** Debian's and Ubuntu's `/usr/bin/chromium` is a shell script that runs the browser in this folder. */
const DEBIAN_CHROMIUM = '/usr/lib/chromium/chromium';

/**
 * The program to start for `executable`: the browser itself rather than Debian's launcher script, which spends a
 * few tenths of a second in `uname`, `grep`, `find`, `expr` and `findmnt` to add flags for a desktop (an
 * extension folder, a GPU setting) before it runs the same browser. Any other path is started as it is.
 */
export function browserProgram(executable: string): string {
  if (process.platform !== 'linux' || !existsSync(DEBIAN_CHROMIUM)) return executable;
  try {
    const head = readFileSync(executable, { encoding: 'latin1' }).slice(0, 8192);
    return head.startsWith('#!') && head.includes('# Chromium launcher') && head.includes('LIBDIR=/usr/lib/$APPNAME') ? DEBIAN_CHROMIUM : executable;
  } catch {
    return executable;
  }
}

/**
 * Starts Chromium headless with `flags`, in a profile of its own that is removed when it closes. Resolves once the
 * browser answers on its pipe; rejects with the first line of what it printed when it exits before that.
 */
export async function startChromium(executable: string, flags: readonly string[], env?: NodeJS.ProcessEnv): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'speech-deck-chromium-'));
  let child: ChildProcess;
  try {
    child = spawn(browserProgram(executable), [...flags, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // A process group of its own, so that closing ends every process of the browser at once (below).
      detached: process.platform !== 'win32',
      ...(env ? { env } : {}),
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const connection = connect(child, profile);
  try {
    await connection.send('Browser.getVersion');
  } catch (error) {
    await connection.close();
    throw error;
  }
  return connection;
}

function connect(child: ChildProcess, profile: string): Chromium {
  const output = child.stdio[3] as Writable;
  const input = child.stdio[4] as Readable;
  const waiting = new Map<number, Waiting>();
  const listeners = new Map<string, Set<Listener>>();
  let nextId = 1;
  let stderr = '';
  let ended: Error | undefined;
  let versionSeen: string | undefined;

  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  // A pipe the browser has closed is reported by the exit below.
  output.on('error', () => undefined);
  input.on('error', () => undefined);

  const exited = new Promise<void>((resolve) => {
    const gone = (error?: Error) => {
      const said = stderr.split('\n').find((line) => line.trim() && !/^\[\d+:\d+:/.test(line)) ?? stderr.split('\n').find((line) => line.trim());
      ended ??= error ?? new Error(said?.trim() || `the browser exited (${child.exitCode ?? child.signalCode})`);
      for (const { reject } of waiting.values()) reject(ended);
      waiting.clear();
      rmSync(profile, { recursive: true, force: true });
      resolve();
    };
    child.once('error', gone);
    child.once('exit', () => gone());
  });

  let pending: Buffer[] = [];
  input.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      const text = Buffer.concat(pending).toString('utf8');
      pending = [];
      start = end + 1;
      receive(JSON.parse(text) as Message);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });

  interface Message {
    id?: number;
    method?: string;
    params?: Params;
    result?: Params;
    error?: { message: string; data?: string };
    sessionId?: string;
  }

  function receive(message: Message): void {
    if (message.id !== undefined) {
      const call = waiting.get(message.id);
      if (!call) return;
      waiting.delete(message.id);
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}${message.error.data ? ` (${message.error.data})` : ''}`));
      else call.resolve(message.result ?? {});
      return;
    }
    for (const listener of listeners.get(message.method ?? '') ?? []) listener(message.params ?? {}, message.sessionId);
  }

  const send = <T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (result: Params) => void, reject, method });
      output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  };

  let closing: Promise<void> | undefined;
  return {
    send,
    on(method, listener) {
      const set = listeners.get(method) ?? new Set();
      listeners.set(method, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
    async version() {
      versionSeen ??= ((await send<{ product: string }>('Browser.getVersion')).product.split('/')[1] ?? '0').trim();
      return versionSeen;
    },
    close() {
      // Nothing of the browser is kept (its profile is removed), so it is ended at once rather than asked to shut
      // down, which took it 0.15–0.4 s: its whole process group, the renderers with it.
      closing ??= (async () => {
        if (!ended) {
          try {
            if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
            else child.kill('SIGKILL');
          } catch {
            // Gone already.
          }
        }
        await exited;
      })();
      return closing;
    },
  };
}

/**
 * Opens `url` in a new tab and resolves once its `load` event has fired; rejects with the browser's reason when
 * the page cannot be loaded.
 */
export async function openTab(browser: Chromium, url: string): Promise<Tab> {
  const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  const errors: string[] = [];
  browser.on('Runtime.exceptionThrown', (params, from) => {
    if (from !== sessionId) return;
    const details = params.exceptionDetails as { text?: string; exception?: { description?: string } };
    errors.push((details.exception?.description ?? details.text ?? '').split('\n')[0]!);
  });
  let loaded!: () => void;
  const load = new Promise<void>((resolve) => (loaded = resolve));
  const stop = browser.on('Page.loadEventFired', (_params, from) => from === sessionId && loaded());
  try {
    await Promise.all([browser.send('Page.enable', {}, sessionId), browser.send('Runtime.enable', {}, sessionId)]);
    const { errorText } = await browser.send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
    if (errorText) throw new Error(`${errorText} at ${url}`);
    await load;
  } finally {
    stop();
  }
  return { targetId, sessionId, errors };
}

/** Evaluates an expression in the tab, awaiting it when it is a promise, and resolves with its value. */
export async function evaluate<T>(browser: Chromium, tab: Tab, expression: string): Promise<T> {
  const { result, exceptionDetails } = await browser.send<{
    result: { value?: unknown };
    exceptionDetails?: { text?: string; exception?: { description?: string } };
  }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, tab.sessionId);
  if (exceptionDetails) throw new Error((exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'error').split('\n')[0]);
  return result.value as T;
}

/** Prints the tab as it is laid out now, read back from the browser in pieces so that a long PDF is never one message. */
export async function printTab(browser: Chromium, tab: Tab, options: { tagged: boolean; background?: boolean }): Promise<Uint8Array> {
  const { stream } = await browser.send<{ stream: string }>(
    'Page.printToPDF',
    {
      preferCSSPageSize: true,
      printBackground: options.background ?? true,
      generateTaggedPDF: options.tagged,
      generateDocumentOutline: options.tagged,
      transferMode: 'ReturnAsStream',
    },
    tab.sessionId,
  );
  const pieces: Buffer[] = [];
  for (;;) {
    const { data, base64Encoded, eof } = await browser.send<{ data: string; base64Encoded?: boolean; eof: boolean }>(
      'IO.read',
      {
        handle: stream,
        size: 8 << 20,
      },
      tab.sessionId,
    );
    pieces.push(Buffer.from(data, base64Encoded ? 'base64' : 'utf8'));
    if (eof) break;
  }
  await browser.send('IO.close', { handle: stream }, tab.sessionId).catch(() => undefined);
  return new Uint8Array(Buffer.concat(pieces));
}

/** Closes a tab. */
export async function closeTab(browser: Chromium, tab: Tab): Promise<void> {
  await browser.send('Target.closeTarget', { targetId: tab.targetId }).catch(() => undefined);
}
