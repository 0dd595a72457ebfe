/**
 * Ctrl+C and SIGTERM end every command the same way: the work in hand is abandoned, what it holds open is
 * released (the browser closed, temporary files removed, the dev server shut), one line says so, and the
 * process exits with the usual code for the signal. Modules register what they hold with `onStop`.
 */
import { say } from '../core/say.ts';
import { CLI } from './messages.ts';

type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
let stopping = false;

/** The line printed when a command is stopped. */
export const STOPPED = `speech-deck: ${say(CLI.stopped)}`;

/** How long closing may take before the process exits anyway. */
const GRACE_MS = 5_000;

/** Registers something to release when the command is stopped; returns a function that unregisters it. */
export function onStop(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** Whether the command is being stopped: errors from work cut short are then no news. */
export function isStopping(): boolean {
  return stopping;
}

const SIGNALS: ReadonlyArray<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** Makes Ctrl+C, SIGTERM and SIGHUP stop the command cleanly; a second Ctrl+C exits at once. */
export function stopOnSignals(say: (line: string) => void = (line) => console.error(line)): void {
  for (const [signal, code] of SIGNALS) {
    process.on(signal, () => {
      if (stopping) process.exit(code);
      stopping = true;
      process.exitCode = code;
      say(STOPPED);
      // That line is the last: work still winding down (a build finishing a step, a page closing) prints nothing more.
      for (const method of ['log', 'info', 'warn', 'error'] as const) console[method] = () => undefined;
      // Newest first: a page closes before its browser, a file before its folder.
      const released = [...cleanups].reverse().map((cleanup) =>
        Promise.resolve()
          .then(cleanup)
          .catch(() => undefined),
      );
      setTimeout(() => process.exit(code), GRACE_MS).unref();
      void Promise.all(released).then(() => process.exit(code));
    });
  }
}
