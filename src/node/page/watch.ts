/**
 * Watches one file the way editors save it. Watching the file itself stops working once it is deleted or
 * replaced (an editor that saves by writing a new file and renaming it over, or by unlink and create): the watch
 * follows the old file. So this watches the file's folder, not recursively, for events naming the file, and
 * polls the file's state slowly as well, for folders whose events do not arrive (network drives, some
 * containers) and for the folder itself being replaced.
 */
import { watch, watchFile, unwatchFile, type FSWatcher, type StatsListener } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Events for one save often come in a burst; wait for quiet this long before reading. */
const SETTLE_MS = 30;
/** How often the file's state is polled as a safety net. */
const POLL_MS = 1_000;

/** Calls `changed` after the file is written, created, deleted or replaced; returns a function that stops watching. */
export function watchSpeechFile(path: string, changed: () => void): () => void {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  };
  let folder: FSWatcher | undefined;
  const watchFolder = () => {
    try {
      folder = watch(dirname(path), { persistent: false }, (_event, file) => {
        // Some systems do not say which file changed; then any change in the folder is worth a look.
        if (!file || file.toString() === name) soon();
      });
      folder.on('error', () => {
        folder?.close();
        folder = undefined;
      });
    } catch {
      folder = undefined;
    }
  };
  watchFolder();
  const poll: StatsListener = (now, before) => {
    if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino || now.size !== before.size || now.nlink !== before.nlink) soon();
    // The folder was gone or replaced: watch it afresh.
    if (!folder) watchFolder();
  };
  watchFile(path, { interval: POLL_MS, persistent: false }, poll);
  return () => {
    clearTimeout(timer);
    folder?.close();
    unwatchFile(path, poll);
  };
}
