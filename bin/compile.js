// Compiles the TypeScript CLI ahead of time into plain ES modules, so that no compiler runs when a command does.
// `npm install` runs this (the `prepare` script); `bin/speech-deck.js` runs it again only when a source has changed.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'speech-deck', 'cli');
const ENTRY = join(ROOT, 'src', 'node', 'cli.ts');
/** Compiled copies older than this are removed; newer ones may still be running in another command. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** A stamp of everything the compiled CLI depends on: each source's path, size and time, and the lock file. */
function stamp() {
  const src = join(ROOT, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|json)$/.test(f))
    .sort()
    .map((f) => join(src, f));
  const hash = createHash('sha256');
  for (const file of [...files, join(ROOT, 'package.json'), join(ROOT, 'package-lock.json')]) {
    try {
      const { size, mtimeMs } = statSync(file);
      hash.update(`${file}\0${size}\0${mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0missing\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The entry module of the compiled CLI, compiling it first when the sources have changed since. */
export async function compiledCli() {
  const dir = join(CACHE, stamp());
  const entry = join(dir, 'cli.js');
  try {
    statSync(entry);
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
