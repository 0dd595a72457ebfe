import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { buildDeck } from '../../src/node/commands/build.ts';
import { generatorVersion, isBuiltFrom } from '../../src/node/speech/stamp.ts';

/** Decks the tests only read, kept between files and runs; each in a folder of its speech's name and text and the program's version. */
const CACHE = resolve('node_modules/.cache/speech-deck-tests/decks');
/** Decks no run has used for this long are removed: each edit of the program makes new ones. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The one-file deck of a speech without pictures, as `speech-deck build` makes it. A deck kept from an earlier
 * build is used when its stamp says this very speech and this version of the program made it, as `speech-deck pdf`
 * decides; otherwise it is built again. For tests that read the deck, not the build's own output.
 */
export async function builtDeck(input: string): Promise<string> {
  const name = basename(input, extname(input));
  const text = readFileSync(input, 'utf8');
  const dir = join(CACHE, createHash('sha256').update(`${name}\0${text}\0${generatorVersion()}`).digest('hex').slice(0, 16));
  const html = join(dir, `${name}.html`);
  try {
    if (isBuiltFrom(readFileSync(html, 'utf8'), text)) {
      const now = new Date();
      utimesSync(dir, now, now);
      return html;
    }
  } catch {
    // Not built yet.
  }
  forgetOldDecks();
  return buildDeck(input, dir);
}

/** The deck of test/fixtures/speech.md, the speech most tests compare against. */
export function speechDeck(): Promise<string> {
  return builtDeck('test/fixtures/speech.md');
}

function forgetOldDecks(): void {
  let kept: string[];
  try {
    kept = readdirSync(CACHE);
  } catch {
    return;
  }
  for (const folder of kept) {
    const path = join(CACHE, folder);
    // Another run may be removing the same folder.
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}
