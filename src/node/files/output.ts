/**
 * Every file the tool writes goes through here, so that the user's folders only ever change by whole files:
 * each output is written to a temporary file beside its destination, flushed to disk, checked, and then renamed
 * over the old one. A run that fails or is killed at any moment leaves the previous outputs exactly as they were.
 * Temporary files carry the writing process's id, so a later run can tell an abandoned one (its writer is gone)
 * from one that another run is still writing, and removes only the former, and only files of its own naming.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isStopping, onStop } from '../stop.ts';
import { both, type Message, say } from '../../core/say.ts';
import { CLIError } from '../errors.ts';
import { FILES } from '../messages.ts';
import { displayPath } from './paths.ts';

/** One file to write: where it goes, what it holds, and an optional check of the bytes as read back from disk. */
export interface Output {
  path: string;
  data: Uint8Array | string;
  /** Throws when the written file is not what it should be (a PDF that does not load, say). */
  check?: (written: Uint8Array) => void | Promise<void>;
}

/** `.<name>.speech-deck-<pid>-<random>.tmp`: hidden, named after its destination, and recognisably ours. */
const TEMP_FILE = /^\.(.+)\.speech-deck-(\d+)-[0-9a-f]{12}\.tmp$/;
/** Private working folders in the system's temporary folder: `speech-deck-work-<pid>-XXXXXX`. */
const WORK_DIR = /^speech-deck-work-(\d+)-[A-Za-z0-9]{6}$/;

/** Temporary files and folders this process has made and not yet renamed or removed; removed when it is stopped. */
const pending = new Set<string>();
onStop(() => {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
});

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.speech-deck-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes files all or nothing: each goes to a temporary file in its own folder, is flushed and checked, and only
 * when every one is complete are they renamed into place, one after another. A failure at any step removes the
 * temporary files and leaves the old outputs untouched; it is reported as `cannot write <path>: <reason>`.
 * `cache` marks entries of the build's own caches (cache.ts) rather than outputs the user sees.
 */
export async function writeOutputs(outputs: readonly Output[], options: { cache?: boolean } = {}): Promise<void> {
  // A command stopped with Ctrl+C starts no new file: its temporary files are removed as it stops.
  if (isStopping()) throw new CLIError(say(FILES.stoppedBeforeWriting));
  for (const dir of new Set(outputs.map((o) => dirname(o.path)))) {
    ensureFolder(dir);
    removeAbandonedTemps(dir);
  }
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const output of outputs) {
      const temp = tempPath(output.path);
      staged.push({ temp, target: output.path });
      pending.add(temp);
      // Cache entries are not flushed: one torn by a power cut fails its content hash when read (cache.ts) and is
      // made again, so waiting for the disk would only slow every cold build (six flushes of file and folder).
      await writeDurably(temp, output, !options.cache);
    }
    // The kill tests hold the user's outputs before their rename, not the build's own cache entries.
    if (!options.cache) await testHold('rename');
    // A command stopped with Ctrl+C puts nothing new in place, however far its work had got.
    if (isStopping()) throw new CLIError(say(FILES.stoppedBeforeRenaming));
    for (const { temp, target } of staged) {
      await rename(temp, target).catch((error: unknown) => {
        throw cannotWrite(target, error);
      });
      pending.delete(temp);
    }
    if (!options.cache) for (const dir of new Set(staged.map((s) => dirname(s.target)))) await syncFolder(dir);
  } finally {
    for (const { temp } of staged) {
      if (!pending.delete(temp)) continue;
      await unlink(temp).catch(() => undefined);
    }
  }
}

/** Writes one output to its temporary file, flushes it to the disk (`flush`), then reads it back for the output's check. */
async function writeDurably(temp: string, output: Output, flush: boolean): Promise<void> {
  const data = typeof output.data === 'string' ? Buffer.from(output.data, 'utf8') : output.data;
  try {
    // `wx`: a temporary name is never shared, even with a file some other program left there.
    const file = await open(temp, 'wx');
    try {
      const fault = testFault(output.path);
      // A fault stops half-way, as a full disk does, so that the clean-up of a torn file is what gets tested.
      await file.writeFile(fault ? data.subarray(0, data.length >> 1) : data);
      if (fault) throw fault;
      if (flush) await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    throw cannotWrite(output.path, error);
  }
  if (!output.check) return;
  try {
    const written = new Uint8Array(await readFile(temp));
    if (written.length !== data.length) throw new Error(`${written.length} of ${data.length} bytes reached the disk`);
    await output.check(written);
  } catch (error) {
    throw new CLIError(say(FILES.cannotWrite, { path: displayPath(output.path), reason: both(FILES.notWhole, { detail: firstLine(error) }) }));
  }
}

/** Makes sure a folder exists for the outputs, and says so plainly when something else stands in its way. */
export function ensureFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw cannotWrite(dir, error);
  }
  if (!statSync(dir).isDirectory()) throw cannotWrite(dir, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
}

/** Removes temporary files of our naming whose writer is no longer running: left by a run that was killed. */
export function removeAbandonedTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = TEMP_FILE.exec(name)?.[2];
    if (pid === undefined || isRunning(Number(pid))) continue;
    try {
      unlinkSync(join(dir, name));
      removed.push(name);
    } catch {
      // Not ours to insist on: a folder we may not write in keeps it, and the write itself will say why.
    }
  }
  return removed;
}

/**
 * A private working folder in the system's temporary folder, removed by `release` or when the run is stopped;
 * ones left by killed runs are removed first.
 */
export function privateFolder(): { path: string; release: () => void } {
  const base = tmpdir();
  for (const name of safeList(base)) {
    const pid = WORK_DIR.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(base, name), { recursive: true, force: true });
  }
  let path: string;
  try {
    path = mkdtempSync(join(base, `speech-deck-work-${process.pid}-`));
  } catch (error) {
    throw cannotWrite(base, error);
  }
  pending.add(path);
  return {
    path,
    release: () => {
      pending.delete(path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Whether a process with this id is running; one we may not signal is running too. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A rename is only durable once the folder itself is flushed; some systems cannot, which is no reason to fail. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Windows and some network folders refuse to open or flush a folder.
  }
}

/** What a file system error means to the person at the keyboard. */
const REASONS: Record<string, Message> = {
  ENOSPC: FILES.diskFull,
  EDQUOT: FILES.quota,
  EROFS: FILES.readOnly,
  EACCES: FILES.denied,
  EPERM: FILES.denied,
  ENOTDIR: FILES.fileInTheWay,
  EEXIST: FILES.fileInTheWay,
  EISDIR: FILES.folderInTheWay,
  ENOENT: FILES.folderGone,
  ENAMETOOLONG: FILES.nameTooLong,
  EIO: FILES.diskError,
  EBUSY: FILES.inUse,
};

/** A file system error in plain words, or undefined when it is not one. */
export function writeFailure(error: unknown): Message | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return undefined;
  return REASONS[code] ?? both(FILES.refused, { code });
}

/** A file system error as `无法写出“<path>”：<reason> · cannot write <path>: <reason>`, or the error itself when it is not one. */
export function cannotWrite(path: string, error: unknown): Error {
  if (error instanceof CLIError) return error;
  const reason = writeFailure(error);
  if (!reason) return error instanceof Error ? error : new Error(String(error));
  return new CLIError(say(FILES.cannotWrite, { path: displayPath(path), reason }));
}

/** The error code a message from Rust code (rolldown) names as `(os error N)`, for the common Linux numbers. */
export function osErrorCode(message: string): string | undefined {
  const n = /\(os error (\d+)\)/.exec(message)?.[1];
  const codes: Record<string, string> = {
    '1': 'EPERM',
    '2': 'ENOENT',
    '5': 'EIO',
    '13': 'EACCES',
    '17': 'EEXIST',
    '20': 'ENOTDIR',
    '21': 'EISDIR',
    '28': 'ENOSPC',
    '30': 'EROFS',
    '122': 'EDQUOT',
  };
  return n ? codes[n] : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * Faults for the tests, so that a full disk or a refusing folder can be shown without one:
 * SPEECH_DECK_TEST_WRITE_FAULT=CODE[@name] makes writing `name` (or any output) stop half-way with that error code.
 */
function testFault(target: string): Error | undefined {
  const fault = process.env.SPEECH_DECK_TEST_WRITE_FAULT;
  if (!fault) return undefined;
  const [code, name] = fault.split('@');
  if (name && basename(target) !== name) return undefined;
  return Object.assign(new Error(`${code}: injected for a test`), { code });
}

/**
 * For the kill tests: SPEECH_DECK_TEST_HOLD_MS=N waits N ms at one moment of a run, so that a test can kill it there
 * and not race it. The moment is SPEECH_DECK_TEST_HOLD_AT: `rename` (the default: every temporary file written and
 * none renamed), `open` (the browser started, the deck not yet opened) or `handout` (the handout laid out, not yet
 * printed).
 */
export async function testHold(moment: 'rename' | 'open' | 'handout'): Promise<void> {
  const ms = Number(process.env.SPEECH_DECK_TEST_HOLD_MS ?? 0);
  if (ms > 0 && (process.env.SPEECH_DECK_TEST_HOLD_AT ?? 'rename') === moment) await new Promise((resolve) => setTimeout(resolve, ms));
}
