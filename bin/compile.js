// Compiles the TypeScript CLI ahead of time into plain ES modules, so that no compiler runs when a command does.
// `npm install` runs this (the `prepare` script); `bin/speech-deck.js` runs it again only when a source has changed.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'speech-deck', 'cli');
const ENTRY = join(ROOT, 'src', 'node', 'cli.ts');
/** Which compiled CLI the sources, as they were at the last command, gave. */
const CURRENT = join(CACHE, 'current.json');
/** Compiled copies older than this are removed; newer ones may still be running in another command. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Each source's path, size and time, the lock file's and this file's: everything the compiled CLI depends on. */
function sources() {
  // The look in assets/ counts too: its palette is compiled into the PowerPoint renderer.
  const files = ['src', 'assets'].flatMap((folder) =>
    listed(join(ROOT, folder))
      .filter((f) => /\.(ts|json)$/.test(f))
      .sort()
      .map((f) => join(ROOT, folder, f)),
  );
  return [...files, join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)].map((file) => {
    try {
      const { size, mtimeMs } = statSync(file);
      return [file, size, mtimeMs];
    } catch {
      return [file, 'missing'];
    }
  });
}

/** Every file below a folder, or none when there is no such folder. */
function listed(folder) {
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
}

async function stamp(files) {
  // Loaded only here: a command whose sources are unchanged since the last one needs no hash.
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for (const [file, size, mtimeMs] of files) hash.update(size === 'missing' ? `${file}\0missing\n` : `${file}\0${size}\0${mtimeMs}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The compiled CLI the last command recorded, if none of the files it was compiled from has changed since: a stat of
 * each, without listing the source folder again. A file added since matters only once a source imports it, and
 * that source has changed then.
 */
function recorded() {
  try {
    const { entry, files } = JSON.parse(readFileSync(CURRENT, 'utf8'));
    // A record copied with node_modules from another checkout names that checkout's sources and compiled CLI.
    if (!entry.startsWith(CACHE)) return undefined;
    for (const [file, size, mtimeMs] of files) {
      const now = statSync(file, { throwIfNoEntry: false });
      if (size === 'missing' ? now : !now || now.size !== size || now.mtimeMs !== mtimeMs) return undefined;
    }
    statSync(entry);
    return entry;
  } catch {
    return undefined;
  }
}

/** Records which compiled CLI these sources gave, for the next command; a cache that cannot be written costs only time. */
function record(entry, files) {
  const temp = `${CURRENT}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ entry, files }));
    renameSync(temp, CURRENT);
  } catch {
    rmSync(temp, { force: true });
  }
}

/** The entry module of the compiled CLI, compiling it first when the sources have changed since. */
export async function compiledCli() {
  const known = recorded();
  if (known) return pathToFileURL(known).href;
  const files = sources();
  const dir = join(CACHE, await stamp(files));
  const entry = join(dir, 'cli.js');
  try {
    statSync(entry);
    record(entry, files);
    return pathToFileURL(entry).href;
  } catch {
    // Not compiled yet for these sources.
  }
  const { build } = await import('esbuild');
  const temp = `${dir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: [ENTRY],
    outdir: temp,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Libraries stay in node_modules and load as they are; only the project's own TypeScript is compiled.
    packages: 'external',
    // The compiled modules live in node_modules/.cache: tell them where the project folder is.
    define: { __SPEECH_DECK_ROOT__: JSON.stringify(ROOT) },
    logLevel: 'error',
  });
  mkdirSync(dirname(dir), { recursive: true });
  try {
    renameSync(temp, dir);
  } catch {
    // Another command compiled the same sources at the same moment: use theirs.
    rmSync(temp, { recursive: true, force: true });
  }
  removeOld(dir);
  record(entry, files);
  return pathToFileURL(entry).href;
}

function removeOld(keep) {
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another command meanwhile.
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await compiledCli();
}
